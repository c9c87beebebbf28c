"""A line that says again what the clip already said: "Nobody says a word." after "For a long moment, nobody
says a single word.", "The days are slow and quiet." twice, 一句话也没说 twice. Filler and arc pools are many
and overlap, so a clip is held to saying each thing once (``story/weave.py`` picks no such line;
``unrepeated`` cuts the ones the arc's own lines bring in), never a premise line (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

_STOP = frozenset("""a an the and or but of to in on at for with from by as is are was be been it its this that
there then now just very so not no all any more long moment single once again still too up down out his her
their him them he she they we you i me my your our who what when while into over after before each one some
own only even did do does done has have had can will would could should""".split())
_SENTENCE = re.compile(r"[^.!?。！？…]+[.!?。！？…]*")
_HANZI = re.compile(r"[\u3400-\u9fff]+")
_ZH_RUN = 5  # hanzi said again in one run that make a Chinese sentence a repeat (一句话也没说, 深深吸了一口气)


def sentences(text: str) -> list[str]:
    """``text`` cut after each sentence mark, each piece stripped (the empty ones dropped)."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def quoted(line: str) -> tuple[str, str, str]:
    """A spoken line's opening quote, what is inside and its closing quote ("" each where it has none): its
    sentences are cut inside them (the closing quote is never left as a sentence of its own, nor the first
    kept without it)."""
    for opens, closes in (('"', '"'), ("\u201c", "\u201d")):
        if len(line) > 1 and line.startswith(opens) and line.endswith(closes):
            return opens, line[len(opens):-len(closes)], closes
    return "", line, ""


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def gist(sentence: str, names: Iterable[str] = ()) -> frozenset[str] | str:
    """What a sentence says, its names left out: English, the set of its content words (stemmed); Chinese, its
    hanzi run together. Read once per sentence and names (a filler pick compares each candidate with every line
    said so far, thousands of times a script)."""
    return _gist(sentence, tuple(names))


@lru_cache(maxsize=8192)
def _gist(sentence: str, names: tuple[str, ...]) -> frozenset[str] | str:
    for name in sorted((n for n in names if n), key=len, reverse=True):
        sentence = sentence.replace(name, " ")
    if _HANZI.search(sentence):
        return "".join(_HANZI.findall(sentence))
    words = re.findall(r"[a-z]+", sentence.lower())
    return frozenset(_stem(w) for w in words if w not in _STOP and len(w) > 1)


def same(a: frozenset[str] | str, b: frozenset[str] | str, least: int = 2) -> bool:
    """Whether two gists say one thing: ``least`` content words or more shared, most of the shorter's (English),
    or a run of ``_ZH_RUN`` hanzi shared (Chinese)."""
    if isinstance(a, str) or isinstance(b, str):
        if not (isinstance(a, str) and isinstance(b, str)) or min(len(a), len(b)) < _ZH_RUN:
            return False
        short, other = (a, b) if len(a) <= len(b) else (b, a)
        return any(short[k:k + _ZH_RUN] in other for k in range(len(short) - _ZH_RUN + 1))
    shared = len(a & b)
    return shared >= least and shared >= 0.6 * min(len(a), len(b))


def repeats(text: str, said: Sequence[str], names: Iterable[str] = (), least: int = 2) -> bool:
    """Whether a sentence of ``text`` says again what a sentence of ``said`` (the lines said already) says."""
    names = tuple(names)
    before = [gist(s, names) for line in said for s in sentences(line)]
    return any(same(gist(s, names), g, least) for s in sentences(text) for g in before)


def unrepeated(beats: list[dict[str, Any]], names: Iterable[str], keep: Iterable[str] = ("premise",),
               drop: Iterable[str] = ("feeling", "reaction"), fewest: int = 0) -> None:
    """Each sentence that says again what an earlier line, or any line of a ``keep`` slot (the premise's own),
    says (three words shared with a premise line or one before it in the same line: "The first day is the hardest."
    after "…, first day at school" is no repeat, nor "Nobody needs to." after "Nobody says a word.") is cut from its line, in place; a line left with nothing is dropped where its slot is one of ``drop``
    (filler) and more than ``fewest`` beats remain, else kept whole."""
    names, keep, drop = tuple(names), set(keep), set(drop)
    told = [gist(s, names) for b in beats if b.get("slot") in keep for s in sentences(str(b["line"]))]
    kept: list[frozenset[str] | str] = []
    for b in list(beats):
        opens, inner, closes = quoted(str(b["line"]))
        own = sentences(inner)
        if b.get("slot") in keep:
            continue
        left: list[str] = []
        for s in own:
            g = gist(s, names)
            if not any(same(g, k) for k in kept) and not any(same(g, k, 3) for k in told) \
                    and not any(same(g, gist(k, names), 3) for k in left):
                left.append(s)
        if not left and b.get("slot") in drop and len(beats) > fewest:
            beats.remove(b)
            continue
        if left and len(left) < len(own):
            b["line"] = opens + ("" if _HANZI.search(inner) else " ").join(left) + closes
        kept += [gist(s, names) for s in (left or own)]
