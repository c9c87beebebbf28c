"""The nearest drawable thing for a premise's word: "a food truck", "a yacht", "carries a tray". Pure.

Premises name things the painter cannot draw and the vocabulary does not know. ``story/data/nearest.json``
maps common English words and their Chinese ones to the nearest drawable key of the lexicon's
``props``, ``places``, ``actions`` and ``jobs`` sections (a magician is drawn as the stage's performer): the drawing that would make a viewer, with the sound
off, think of the word (a yacht → the car, a tray → the bowl, queue → stand). The lexicon's own words
are matched too and come back ``exact``. Abstract words (dream, success, heart) map to nothing.

Matching is the lexicon's own (``story.lexicon.Lexicon``): whole English words with inflections,
phrases before the words inside them ("food truck" before "truck"), Chinese by jieba with every word
added to the tokenizer's dictionary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from story.datafiles import read_json
from story.lexicon import Hit, Lexicon, Tokens, beside, load_data, tokenize_en

SECTIONS = ("props", "places", "actions", "jobs")
Kind = Literal["prop", "place", "action", "job"]
_KIND: dict[str, Kind] = {"props": "prop", "places": "place", "actions": "action", "jobs": "job"}
_NEAR = "~"  # marks a key's mapped (not own) words in the private index
# a noun right after one of these (and a determiner) is where something happens, not a thing held
_PLACE_WORDS = {"in", "at", "inside", "into", "outside", "to", "from", "near", "on", "onto", "across", "through",
                "toward", "towards", "behind", "around", "by", "off"}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "this", "that", "some",
                "big", "little", "small", "new", "old", "fancy", "rich", "poor", "tiny", "huge"}
_ZH_PLACE_BEFORE = {"在", "到", "去", "进", "回", "来", "从", "住"}
_ZH_PLACE_AFTER = {"上", "里", "中", "内", "外", "边", "前", "旁", "里面", "外面", "门口"}


@dataclass(frozen=True)
class Nearest:
    """What a premise asked for and the drawable lexicon key that stands for it."""

    section: str  # "props" | "places" | "actions" | "jobs"
    wanted: str  # the premise's own word or phrase
    used: str  # the lexicon key that is drawn
    exact: bool  # True when wanted is one of that entry's own words

    @property
    def kind(self) -> Kind:
        """The report's name for the section ("prop", "place", "action")."""
        return _KIND[self.section]


def load_table() -> dict[str, Any]:
    """The raw mapping: section → lexicon key → ``en``/``zh`` word lists, and the ``abstract`` words
    (those that name nothing drawable; in Chinese also the words that must not split into things, 一家)."""
    data: dict[str, Any] = read_json("nearest.json")
    return data


@cache
def _index() -> Lexicon:
    """One private ``Lexicon`` over the three sections: a key's own words under ``key``, its mapped
    words under ``key~`` (so a hit says whether it was exact)."""
    lex = load_data()
    table = load_table()
    data: dict[str, dict[str, dict[str, Any]]] = {}
    for section in SECTIONS:
        entries: dict[str, dict[str, Any]] = {}
        for key, entry in lex[section].items():
            entries[key] = {"en": list(entry.get("en", [])), "zh": list(entry.get("zh", []))}
        for key, entry in table[section].items():
            entries[key + _NEAR] = {"en": list(entry.get("en", [])), "zh": list(entry.get("zh", []))}
        data[section] = entries
    data["abstract"] = {"abstract": table["abstract"]}  # known to the tokenizer, so never split into things
    return Lexicon(data)


def _tokens(text: str, language: str) -> Tokens:
    index = _index()
    return index.tokenize(text) if language.startswith("zh") else tokenize_en(text)


def _as_nearest(hit: Hit, wanted: str | None = None) -> Nearest:
    exact = not hit.key.endswith(_NEAR)
    return Nearest(hit.section, wanted if wanted is not None else hit.surface, hit.key.rstrip(_NEAR), exact)


def nearest(phrase: str, section: str, language: str) -> Nearest | None:
    """The drawable ``section`` key nearest to ``phrase`` (a word, a phrase or a clause), or None when
    nothing drawable is near. For props and places the longest match wins, between equals the noun
    phrase's head (the last); for actions the first verb."""
    if section not in SECTIONS:
        raise ValueError(f"section must be one of {SECTIONS}, not {section!r}")
    hits = _index().find_tokens(_tokens(phrase, language), [section])
    if not hits:
        return None
    if section == "actions":  # the clause's first verb ("sings … and goes viral": sing)
        best = min(hits, key=lambda h: (h.start, -(h.end - h.start)))
    else:
        best = max(hits, key=lambda h: (h.end - h.start, h.start))
    return _as_nearest(best, phrase.strip())


def things(text: str, language: str) -> list[Nearest]:
    """The concrete things ``text`` names, as drawable props and places, in order of mention (each key
    once). Where one word is both ("ring", "stall"), what follows "in"/"at"… (在…里) is the place,
    otherwise the prop. Abstract words give nothing."""
    tokens = _tokens(text, language)
    hits = _index().find_tokens(tokens, ["props", "places"])
    hits = [h for h in hits if not beside(h, hits)]  # 隔壁的咖啡馆: the café, no neighbour's home
    out: list[Nearest] = []
    seen: set[tuple[str, str]] = set()
    i = last_end = 0
    while i < len(hits):
        # every hit starting here: the longest wins, an equal prop and place are settled by the words around
        group = [h for h in hits if h.start == hits[i].start]
        i += len(group)
        if any(h.start < last_end for h in group):
            continue  # inside a longer match already taken
        longest = max(h.end - h.start for h in group)
        group = [h for h in group if h.end - h.start == longest]
        sections = {h.section for h in group}
        if len(sections) > 1:
            keep = "places" if _after_place_word(tokens, group[0].start, group[0].end) else "props"
            group = [h for h in group if h.section == keep]
        hit = group[0]
        last_end = hit.end
        if tokens.chinese and len(hit.surface) == 1 and hit.start and tokens.words[hit.start - 1][-1:] in _ZH_COUNT:
            continue  # a measure word, not a thing: 一窝小猫 (no nest), 一家餐厅 (no home)
        if hit.section == "props" and _scopes_best(tokens, hit):
            continue  # 全城最大的餐厅, "the biggest restaurant in the whole town": the best of it, no crowd there
        key = (hit.section, hit.key.rstrip(_NEAR))
        if key not in seen:
            seen.add(key)
            out.append(_as_nearest(hit))
    return out


_ZH_COUNT = set("一两二三四五六七八九十几半每这那")
_BEST_EN = re.compile(r"^(?:\w+est|best|most|greatest|number)$")
_SCOPES = {"crowd"}  # the many a "best in …" names its scope by: 全城, "the whole town"


def _scopes_best(tokens: Tokens, hit: Hit) -> bool:
    """A crowd word that only says where something is the best (全城最大的餐厅, 全城第一, "the biggest restaurant in
    the whole town"): the scope of a superlative, no crowd to draw."""
    if hit.key.rstrip(_NEAR) not in _SCOPES:
        return False
    words, start, end = tokens.words, hit.start, hit.end
    if tokens.chinese:
        return end < len(words) and words[end].startswith(("最", "第一"))
    before = [w.lower() for w in words[max(0, start - 7):start]]
    return len(before) >= 2 and before[-2:] in (["in", "the"], ["of", "the"]) and any(_BEST_EN.match(w) for w in before)


def _after_place_word(tokens: Tokens, start: int, end: int) -> bool:
    words = tokens.words
    if tokens.chinese:
        before = set(words[max(0, start - 3):start])
        after = words[end] if end < len(words) else ""
        return bool(before & _ZH_PLACE_BEFORE) or after in _ZH_PLACE_AFTER
    k = start - 1
    while k >= 0 and words[k] in _DETERMINERS:
        k -= 1
    return k >= 0 and words[k] in _PLACE_WORDS


def abstract_words() -> set[str]:
    """Words that name no drawable thing (dream, success, 梦想), English and Chinese."""
    table = load_table()["abstract"]
    return set(table["en"]) | set(table["zh"])
