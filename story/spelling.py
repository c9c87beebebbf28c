"""English words a premise misspells, mended before the premise is read (``story/data/spelling.json``). Pure.

Premises are typed fast on a phone: "a cat becomes a billionare", "a stray kiten finds a famly". A word the
vocabulary does not know is read as a thing of its own (a "billionare" prop, a "famly" drawn as nothing) and the
lines say it back as typed ("Tofu becomes a billionare"). ``mended(premise)`` gives the premise with each listed
misspelling replaced by its word, in the case it was typed in (Billionare → Billionaire, LOTERY → LOTTERY); words
inside quotes are the user's own words and are kept as typed."""

from __future__ import annotations

import re
from functools import cache

from story.datafiles import read_json
from story.quoted import quote_spans


@cache
def _table() -> dict[str, str]:
    data: dict[str, dict[str, str]] = read_json("spelling.json")
    return data["en"]


@cache
def _pattern() -> re.Pattern[str]:
    words = sorted(_table(), key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, words)) + r")(?![A-Za-z])", re.IGNORECASE)


def _cased(typed: str, word: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if typed[:1].isupper() else word


def mended(premise: str) -> str:
    """``premise`` with each misspelling of ``spelling.json`` replaced by its word (outside quotes)."""
    spans = quote_spans(premise)
    return _pattern().sub(lambda m: m.group(0) if any(a <= m.start() < b for a, b in spans)
                          else _cased(m.group(0), _table()[m.group(0).lower()]), premise)
