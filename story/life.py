"""Who in a premise is gone: dead, or never coming back (``story/data/life.json``). Pure.

``longs_for(verb)``: the one waited for or missed is away while it is told ("waits at the station
every day for its owner", 等主人): that scene shows the one who waits, alone.
A relative whose grave is visited ("a kitten visits grandpa's grave", "the grave of her mother",
小猫去墓地看奶奶, 给爷爷扫墓), one said to be late or to have died ("her late grandma", "who passed
away", 去世的奶奶), an owner who never comes back: such a pet is spoken of and remembered (the grave,
a photo, flowers), never drawn alive in the story's present, and never speaks in it. ``mark_gone``
sets ``Person.gone`` on the premise's cast; the hero is never gone.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from story.datafiles import read_json
from story.lexicon import Tokens, lexicon

if TYPE_CHECKING:
    from story.premise import Person


@cache
def life_data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("life.json")
    return data


def longs_for(verb: str) -> bool:
    """The verb's object is away while its subject does it ("waits at the station for", "misses", 每天在车站等):
    its scene shows the subject alone."""
    data = life_data()["longing"]
    low = verb.lower()
    if any("\u3400" <= ch <= "\u9fff" for ch in low):
        return any(w in low for w in data["zh"])
    first = low.split()[0] if low.split() else ""
    return first in data["en"] and (first.startswith(("miss", "mourn")) or " for" in f" {low} ")


def _says(words: list[str], text: str, chinese: bool) -> bool:
    if chinese:
        return any(w in text for w in words)
    return any(re.search(r"(?<![a-z])" + re.escape(w) + r"(?![a-z])", text) for w in words)


# 走了 with how far or how long ("走了十里路", "走了很远", "走了三天三夜"): a way walked, no death
_WALKED_ZH = re.compile(r"走了(?=[一二两三四五六七八九十百千几好很\d]+[^，。！？；,.!?;]{0,4}?(?:路|里|公里|米|步|远|久|天|夜|小时))")


@cache
def _gone_with() -> re.Pattern[str]:
    """跟着…走了: a 走了 after a joining word and someone, in one clause (life.json ``gone_with``)."""
    return re.compile("(?:" + "|".join(map(re.escape, life_data()["gone_with"]["zh"])) + ")[^，。！？；,.!?;]+?走了")


# "… waits for his owner, but she never comes back": the next clause's pronoun, the last one named before it
_NEVER_BACK = re.compile(r"^\W*(?:(?:but|and|yet|sadly|then)\W+)*(she|he|they)\s+(?:never|didn't|did not|doesn't|does not)"
                         r"\s+(?:comes?|came|returns?|returned|gets?|got)(?:\s+(?:back|home))*\b")


def _never_back(rest: str, p: Person) -> bool:
    """The clause right after ``p``'s says that he or she never comes back ("…for his owner, but she never comes
    back"), its pronoun fitting ``p`` (an owner: either; a grandma: she)."""
    m = _NEVER_BACK.match(rest)
    if m is None:
        return False
    said = {"she": "f", "he": "m"}.get(m.group(1), "")
    gender = str(lexicon().entry("relations", p.relation).get("gender") or "") if p.relation else ""
    return gender in ("", said) or not said


def mark_gone(people: list[Person], premise: str, tokens: Tokens, breaks: set[int]) -> None:
    """Set ``gone`` on the relations in ``people`` (roles given) that the premise tells are dead or never
    coming back; never on the hero, nor on the young ("her kittens")."""
    data = life_data()
    zh = tokens.chinese
    lang = "zh" if zh else "en"
    text = premise.lower()
    words = tokens.words
    cuts = sorted(tokens.offsets[i] for i in breaks if words[i] != "who")  # a "who" clause tells of its pet

    def at(p: Person) -> int:
        return tokens.offsets[p.start] if p.start < len(words) else p.pos

    def clause(p: Person) -> tuple[int, int]:
        return max((o for o in cuts if o <= at(p)), default=0), min((o for o in cuts if o > at(p)), default=len(text))

    kin = sorted((p for p in people if p.role != "hero" and p.relation not in (None, "kittens")), key=at)
    grave = data["grave"][lang]
    for p in kin:
        start, end = clause(p)
        head_end = tokens.offsets[p.end - 1] + len(words[p.end - 1]) if 0 < p.end <= len(words) else at(p)
        before, after = text[start:at(p)], text[head_end:end]
        owned = None if zh else re.match(r"['’]s\s+(?:[a-z]+\s+)?([a-z]+)", after)
        grave_of = not zh and re.search(r"\b(?:" + "|".join(grave) + r")\s+of\s+(?:(?:the|her|his|their|its)\s+)?$",
                                        before)
        late = any(before.endswith(w) for w in data["before"]["zh"]) if zh else \
            bool(before.split()) and before.split()[-1] in data["before"]["en"]
        said_after = after[:24]
        for w in data["taken_away"]["zh"] if zh else ():  # 被闺蜜抢走了男朋友: a theft, no death
            said_after = said_after.replace(w, "\0" * len(w))
        if zh:  # 老婆跟着一只开跑车的贵宾犬走了: she leaves with the poodle, no death
            said_after = _gone_with().sub(lambda m: m.group(0)[:-2] + "\0\0", said_after)
            said_after = _WALKED_ZH.sub(lambda m: "\0\0" + m.group(0)[2:], said_after)  # 背着爸爸走了十里路: a walk
        died = _says(data["after"][lang], said_after, zh) or not zh and p is kin[-1] and _never_back(text[end:], p)
        p.gone = bool(owned and owned.group(1) in grave) or bool(grave_of) or late or died
    for p in kin:  # "小猫去墓地看奶奶", "brings flowers to the cemetery for grandma": the one visited there
        start, end = clause(p)
        mates = sorted((q for q in people if start <= at(q) < end), key=at)
        if p.gone or not _says(grave, text[start:end], zh) or any(q.gone for q in mates):
            continue
        if mates[0] is not p and [q for q in mates if q in kin][-1] is p:
            p.gone = True
