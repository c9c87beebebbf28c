"""A deed said as an -ing word after "before", told as a clause of its own. Pure.

"the puppy practices every night before winning the big race": the race is won after the practice, a clause of the
story's own. Read with "before" as a join, its clause had no verb and its line lost one ("Before long, Noodle
winning the big race"). ``told_in_order(premise)`` retells it "the puppy practices every night, then wins the big
race"; the -ing word is read back to its verb by the vocabulary's own English words (``story.lexicon``), else by its
spelling (``_verb_of``)."""

from __future__ import annotations

import re
from functools import cache

from story.lexicon import inflections, lexicon

_BEFORE = re.compile(r",?\s+before\s+(?P<verb>[a-z]+ing)\b(?=\s+\S)", re.IGNORECASE)
_VOWELS = set("aeiou")


@cache
def _verbs() -> dict[str, str]:
    """Each -ing form of the vocabulary's one-word English words (its actions and events), with its verb."""
    out: dict[str, str] = {}
    for section in ("actions", "events"):
        for entry in lexicon().data[section].values():
            for word in entry.get("en", ()):
                if isinstance(word, str) and word.isalpha() and not word.endswith(("s", "ed", "ing")):
                    for form in inflections(word):
                        if form.endswith("ing"):
                            out.setdefault(form, word)
    return out


def _verb_of(gerund: str) -> str:
    """The verb of an -ing word: the vocabulary's, else by its spelling ("winning" → "win", "making" → "make",
    "dancing" → "dance", "crossing" → "cross", "eating" → "eat")."""
    known = _verbs().get(gerund)
    if known:
        return known
    stem = gerund[:-3]
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz" + "".join(_VOWELS):
        return stem[:-1]  # winning, getting, stopping
    if stem.endswith(("c", "v", "dg", "rg")):
        return stem + "e"  # dancing, leaving, judging, charging
    if len(stem) <= 4 and len(stem) >= 3 and stem[-1] not in _VOWELS | set("wxy") and stem[-2] in _VOWELS \
            and stem[-3] not in _VOWELS:
        return stem + "e"  # making, taking, hiding, saving
    return stem


def _says(verb: str) -> str:
    """The verb said of one ("win" → "wins", "cry" → "cries", "catch" → "catches")."""
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")


def told_in_order(premise: str) -> str:
    """``premise`` with "before <doing>" said ", then <does>" (the -ing word's verb known), else as it was."""
    def then(m: re.Match[str]) -> str:
        verb = _verb_of(m["verb"].lower())
        return f", then {_says(verb)}" if len(verb) >= 2 else m.group(0)
    return _BEFORE.sub(then, premise) if not re.search(r"[\u3400-\u9fff]", premise) else premise
