"""A partner who leaves with or for another pet, or is caught with one (``story/data/affairs.json``). Pure.

The vocabulary's wrongs hold "cheats on", "leaves him for", 出轨, 劈腿; a partner also leaves in words that say
no wrong of themselves: "his wife runs off with a rich Persian", "catches her husband with another cat", "her
husband is secretly dating a rich cat", 柯基的女朋友为了有钱的哈士奇离开了他, 丈夫跟一只富婆猫跑了.
``with_affairs`` reads them as the wrong they are, a ``dump`` (leaving) or a ``betray`` (caught with another),
said right after the partner's mention, so casting makes the partner the one who wrongs the one it belongs to
and the pet after it its new love (``story.casting``). "runs off with the money" stays a theft: the one left
with is a pet, or someone.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from story.datafiles import read_json
from story.lexicon import Hit, Tokens, lexicon

_PERSONS = {"breeds", "species", "relations"}
_STOPS_ZH = set("，。；！？、,.;!?")


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("affairs.json")
    return data


def _partners(hits: list[Hit]) -> list[Hit]:
    lex = lexicon()
    return [h for h in hits if h.section == "relations" and (
        lex.entry("relations", h.key).get("role") == "partner" or h.key == "ex")]


def _phrase_at(words: tuple[str, ...], at: int, phrases: list[str]) -> int:
    """The end of the longest of ``phrases`` said at token ``at`` (English), or -1."""
    best = -1
    for phrase in phrases:
        said = phrase.split()
        if tuple(words[at:at + len(said)]) == tuple(said):
            best = max(best, at + len(said))
    return best


def _someone_at(words: tuple[str, ...], at: int, hits: list[Hit]) -> bool:
    """A pet (or someone) is named within the next few words ("a rich Persian", "his best friend", "someone")."""
    if _phrase_at(words, at, _data()["someone"]) > at:
        return True
    return any(h.section in _PERSONS and at <= h.start <= at + 3 for h in hits)


def with_affairs(hits: list[Hit], tokens: Tokens, *, at_deed: bool = False) -> list[Hit]:
    """``hits`` with the wrong each partner's leaving or cheating is, where no vocabulary wrong says it: a
    ``dump`` or a ``betray`` hit on the word right after the partner's mention, in place of what the words
    only seemed to say there ("runs away with": no lost pet; "is secretly dating": no hidden identity).
    A partner whose next clause leaves with another, its subject unsaid (老婆嫌他穷，跟着一只开跑车的贵宾犬走了),
    has it said after the mention (who leaves, for casting), or ``at_deed`` on that clause's going word (the
    scene it is, told by the partner: a hit before the pet gone with would make that pet its subject)."""
    words = tokens.words
    wrongs = [h for h in hits if h.section == "events" and lexicon().entry("events", h.key)["kind"] == "wrong"
              and h.key not in _SEEMED]
    out = list(hits)
    for p in _partners(hits):
        hit = _leaves_zh(p, hits, tokens, wrongs) if tokens.chinese else _leaves_en(p, hits, words, wrongs)
        span = 1
        if hit is None and tokens.chinese:
            hit = _leaves_next_zh(p, hits, tokens, wrongs)
            if hit is not None and not at_deed:
                hit = hit[0], p.end, hit[2]
        elif hit is None:
            hit = _leaves_next_en(p, hits, words)
            if hit is not None and not at_deed:  # said after the partner, reaching over its leaving words: the
                hit, span = (hit[0], p.end, hit[2]), hit[2] - p.end  # pet after them is the one it leaves with
        if hit is not None:
            key, at, end = hit
            out = [h for h in out if not (h.section == "events" and p.end <= h.start < end and (
                h.key in _SEEMED or tokens.chinese and h.key == key))]  # 丈夫为了…抛弃了她: said after the partner
            out.append(Hit("events", key, at, at + span, tokens.offsets[at], words[at]))
    return sorted(out, key=lambda h: h.start)


_SEEMED = {"lost_pet", "hidden_identity", "lose"}  # "runs away with", "is secretly dating": a partner's leaving


def _leaves_en(p: Hit, hits: list[Hit], words: tuple[str, ...], wrongs: list[Hit]) -> tuple[str, int, int] | None:
    data = _data()
    at = p.end
    while at < len(words) and words[at] in data["adverbs"]:
        at += 1
    if any(p.end <= h.start <= at for h in wrongs):
        return None  # "his wife cheats on him": the vocabulary says it
    if at >= len(words):
        return None
    end = _phrase_at(words, at, data["leaves_with"])
    if end > 0 and _someone_at(words, end, hits):
        return "dump", at, end  # "the tabby's wife runs off with a rich Persian"
    if words[at] in data["leaves_for"] and at + 2 < len(words) and words[at + 1] in data["left_ones"] \
            and words[at + 2] == "for" and _someone_at(words, at + 3, hits):
        return "dump", at, at + 3  # "her boyfriend left her for a rich poodle"
    end = _phrase_at(words, at, data["dating"])
    if end > 0 and _someone_at(words, end, hits):
        return "betray", at, end  # "her husband is secretly dating a rich cat"
    owner = p.start - 1 if p.start and words[p.start - 1] in {"her", "his", "their", "the"} else p.start
    caught = any(_phrase_at(words, k, data["caught"]) == owner for k in range(max(0, owner - 3), owner))
    end = _phrase_at(words, p.end, data["caught_doing"])
    if caught and end > 0 and _someone_at(words, end, hits):
        return "betray", p.end, end  # "catches her husband with another cat", "catches his girlfriend kissing a rich cat"
    return None


_JOINS_EN = {"and", "then"}


def _leaves_next_en(p: Hit, hits: list[Hit], words: tuple[str, ...]) -> tuple[str, int, int] | None:
    """The partner's next clause, joined by "and" and its subject left unsaid, leaves with or for another pet: "a
    shiba's girlfriend looks down on him and runs off with a wealthy samoyed", "a corgi's wife sneers at his tiny
    salary and leaves with a rich bulldog", "... and leaves him for a rich poodle"."""
    data = _data()
    join = next((k for k in range(p.end, min(len(words), p.end + 12)) if words[k] in _JOINS_EN), None)
    if join is None or any(h.section in _PERSONS and p.end <= h.start < join for h in hits):
        return None  # "his wife and her sister…", "…mocks the cat and…": no clause of the partner's own
    at = join + 1
    while at < len(words) and words[at] in data["adverbs"]:
        at += 1
    end = _phrase_at(words, at, data["leaves_with"])
    if end > 0 and _someone_at(words, end, hits):
        return "dump", at, end
    if at + 3 < len(words) and words[at] in data["leaves_for"] and words[at + 1] in data["left_ones"] \
            and words[at + 2] == "for" and _someone_at(words, at + 3, hits):
        return "dump", at, at + 3
    return None


def _leaves_zh(p: Hit, hits: list[Hit], tokens: Tokens, wrongs: list[Hit]) -> tuple[str, int, int] | None:
    words = tokens.words
    stop = next((k for k in range(p.end, len(words)) if words[k] in _STOPS_ZH), len(words))
    if p.end >= stop or any(p.end <= h.start <= p.end + 1 for h in wrongs):
        return None  # 男朋友劈腿了贵宾犬: the vocabulary says it, right after the partner
    if p.start and words[p.start - 1] in {"被", "和", "跟", "离开", "离开了"}:
        return None  # 被男朋友…, 离开了男朋友: the partner is not the one who leaves
    later = next((h for h in wrongs if p.end < h.start < stop and h.key in {"dump", "betray"}), None)
    if later is not None and any(h.section in _PERSONS and p.end <= h.start < later.start for h in hits):
        return later.key, p.end, stop  # 丈夫为了一只年轻的波斯猫抛弃了她: the husband leaves, for the Persian
    said = "".join(words[p.end:stop])
    if later is None and any(w in said for w in _data()["leaves_zh"]):
        return "dump", p.end, stop  # 女朋友为了有钱的哈士奇离开了他, 丈夫跟一只富婆猫跑了
    if later is None and _goes_with_zh(p, hits, tokens, stop):
        return "dump", p.end, stop  # 橘猫的女朋友跟一只有钱的波斯猫走了
    if later is None and any(w in said for w in _data()["dating_zh"]) and any(
            h.section in _PERSONS and p.end <= h.start < stop for h in hits):
        return "betray", p.end, stop  # 女朋友偷偷和一只有钱的哈士奇约会
    return None


def _leaves_next_zh(p: Hit, hits: list[Hit], tokens: Tokens, wrongs: list[Hit]) -> tuple[str, int, int] | None:
    """The partner's next clause, its subject left unsaid, goes with another pet: 老婆嫌他穷，跟着一只开跑车的
    贵宾犬走了 (the wife leaves with the poodle), 女朋友嫌他没出息，跟一只富二代柯基跑了."""
    words = tokens.words
    stop = next((k for k in range(p.end, len(words)) if words[k] in _STOPS_ZH), len(words))
    if p.start and words[p.start - 1] in {"被", "和", "跟", "离开", "离开了"} or any(
            p.end <= h.start < stop for h in wrongs if h.key in {"dump", "betray"}):
        return None  # 被男朋友…: not the one who leaves; its own clause says its leaving
    start = stop + 1
    end = next((k for k in range(start, len(words)) if words[k] in _STOPS_ZH), len(words))
    if start >= end or any(h.section in _PERSONS and h.start == start for h in hits):
        return None  # 哈士奇跟…: the next clause names its own subject
    if any(h.section == "events" and h.key in {"dump", "betray"} and stop < h.start < end for h in hits):
        return None  # the vocabulary says it
    at = start + (words[start] in _ADVERBS_ZH)
    if at >= end or words[at] not in _data()["with_zh"]:
        return None
    pets = [h for h in hits if h.section in _PERSONS and at < h.start < end]
    after = "".join(words[pets[0].end:end]) if pets else ""
    if pets and any(w in after for w in _data()["goes_with_zh"] + _data()["leaves_zh"]):
        return "dump", end - 1, end
    return None


def _goes_with_zh(p: Hit, hits: list[Hit], tokens: Tokens, stop: int) -> bool:
    """The partner goes with another pet: a joining word right after it (跟, 跟着, 和), a pet, then a going word
    (走了, 在一起): 女朋友跟一只有钱的波斯猫走了, 男朋友跟白富美猫走了."""
    data, words = _data(), tokens.words
    at = p.end + (p.end < stop and words[p.end] in _ADVERBS_ZH)
    if at >= stop or words[at] not in data["with_zh"]:
        return False
    pets = [h for h in hits if h.section in _PERSONS and at < h.start < stop]
    return bool(pets) and any(w in "".join(words[pets[0].end:stop]) for w in data["goes_with_zh"])


_ADVERBS_ZH = {"偷偷", "悄悄", "突然", "竟然", "居然", "后来", "偷偷地", "悄悄地", "却"}


# a scene's words that tell the affair itself (cheating with, caught with, dating, kissing, 出轨, 劈腿, 约会): the
# partner and its new love seen as a couple there, close and in love, never two who only stand side by side
AFFAIR_SEEN = re.compile(r"\b(?:cheat(?:s|ed|ing)?|affair|dating|dates|kiss(?:es|ed|ing)?|cosy|cozy|cuddl(?:e|es|ed|ing)|"
                         r"flirt(?:s|ed|ing)?|in love with|arm in arm|paw in paw|holding paws|two-timing|"
                         r"caught (?:him|her|them) with|catches (?:him|her|them|his|her) \w+ with)\b|"
                         r"出轨|劈腿|偷情|约会|亲热|搂着|挽着|手牵手|牵着手|在一起|好上了", re.IGNORECASE)


def tells_affair(words: str) -> bool:
    """Whether a scene's ``words`` tell the affair itself ("catches his wife cheating with a rich poodle",
    老婆和哈士奇出轨了): the partner and its new love are drawn together as a couple there."""
    return bool(AFFAIR_SEEN.search(words))
