"""Words a premise quotes (pure): 'the rich cat says "you will never be rich"', 富家猫说“你这辈子都不会有钱”. They
are someone's own words, said in a line within their quotes ('says "you will never be rich" to Scout'), never run
into the sentence as if the narrator said them ("says you will never be rich to Scout")."""

from __future__ import annotations

import re

_QUOTE = re.compile(r"[\"“”「]([^\"“”「」]+)[\"“”」]")
_END = "。！？!?.,，…~"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` quotes someone's words: (start, end) of each, its quote marks included."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def said_words(name: str, pos: int, spans: list[tuple[int, int]]) -> bool:
    """A name found at ``pos`` is words someone says: inside a quote ('"i love you Max"'), or the speaking verb
    right before one (老板狗大喊“你被开除了”: 大喊, shouts, no pet's name)."""
    return any(a <= pos < b or pos + len(name) == a for a, b in spans)


def unquoted_stops(text: str) -> str:
    """``text`` with each stop inside a quote made a space ('shouts "you're fired!" at a tired cat': one clause, its
    rest "at a tired cat" never cut off by the quote's own "!"); as long as ``text``, so every offset stays."""
    out = list(text)
    for a, b in quote_spans(text):
        for k in range(a, b):
            if out[k] in ",.;!?，。；！？、:：…":
                out[k] = " "
    return "".join(out)


def premise_quotes(premise: str) -> list[str]:
    """The words the premise puts inside quotes, each without the stop it ends with."""
    out = []
    for found in _QUOTE.findall(premise):
        words = found.strip().rstrip(_END).strip()
        if words and re.search(r"\w", words):
            out.append(words)
    return out


def requoted(line: str, quotes: list[str], zh: bool) -> str:
    """``line`` with each of ``quotes`` it says bare put back inside its quotes ("“…”" in Chinese)."""
    for words in quotes:
        open_, close = ("“", "”") if zh else ('"', '"')
        at = line.find(words)
        if at < 0:
            continue
        before, after = line[:at], line[at + len(words):]
        if before.rstrip().endswith(('"', "“", "「")):
            continue  # already said inside its quotes
        after = after.lstrip("\"”」")
        said = words if zh else re.sub(r"\bi\b", "I", words[:1].upper() + words[1:])  # "i am the queen": "I am…"
        line = f"{before}{open_}{said}{close}{after}"
    return line


def quotes_whole(frags: list[tuple[str, int, int]], offsets: tuple[int, ...] | list[int],
                 spans: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Fragments (lead, first token, end token) with none cut inside a quote: 老板狗大喊“你被开除了”, one clause of
    the boss's shout, never "被开除了" a clause of its own."""
    out: list[tuple[str, int, int]] = []
    for lead, s, e in frags:
        if out and s < len(offsets) and any(a < offsets[s] < b for a, b in spans):
            out[-1] = (out[-1][0], out[-1][1], e)
            continue
        out.append((lead, s, e))
    return out
