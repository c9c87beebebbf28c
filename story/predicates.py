"""What a clause says of a pet, read from the words around it (pure): a relation word said of the subject
after 是/成了 ("金毛其实是首富的儿子", "成了外卖公司的老板": who the pet is, not one more pet), the same in
English after "is" ("he is the mall owner", "she's a CEO", "promoted to be their boss", a rank: "is secretly
the richest dog in the city"), and a wrong told of a pet before its 的 ("偷钱包的小偷猫": done by that pet;
"被同学嘲笑的胖橘猫": suffered)."""

from __future__ import annotations

import re

from story.analysis import BY
from story.lexicon import Hit, Tokens

_IS_ZH = {"是", "其实是", "原来是", "竟然是", "居然是", "就是", "成了", "成为", "变成", "当上", "当了", "成为了"}
_PUNCT = r"[，。；！？、,.;!?]"
_SERVES_AS_ZH = frozenset({"当", "做", "当起", "当起了", "做了", "当着"})  # 当学徒, 做保姆: the role the subject takes


# adverbs that end in 是 and say no "is" (婆婆总是刁难新来的儿媳: 儿媳 is one more pet, not what 婆婆 is)
_ADVERB_SHI = frozenset({"总是", "老是", "还是", "也是", "就是", "可是", "但是", "于是", "只是", "倒是", "硬是", "要是", "若是",
                         "凡是", "真是", "更是", "都是"})


def said_of_subject_zh(words: tuple[str, ...], start: int, breaks: set[int] | frozenset[int]) -> bool:
    """True when a Chinese relation word is said of the subject ("…是公司的新老板", "成了外卖公司的老板"):
    a 是/成了 a few words before it, with no punctuation between; or 当/做 right before it inside a clause
    (在面包店当学徒: the apprentice it serves as, no one more; 当主人回家时 opens a clause: "when")."""
    if start >= 2 and words[start - 1] in _SERVES_AS_ZH and not re.fullmatch(_PUNCT, words[start - 2]):
        return True
    for k in range(start - 1, max(-1, start - 6), -1):
        if re.fullmatch(_PUNCT, words[k]):
            return False
        if words[k] in _IS_ZH or (words[k].endswith("是") and len(words[k]) <= 3 and words[k] not in _ADVERB_SHI):
            return True
        if k in breaks:
            return False
    return False


_IS_EN = frozenset({"is", "was", "be"})
_CONTRACTED = frozenset({"he", "she", "it"})  # "she's a CEO": 's after a pronoun is "is", never whose
# words that may stand between "is" and who the pet is: articles, possessives, adverbs, "new", "real"
_BETWEEN_EN = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "secretly", "actually",
                         "really", "truly", "now", "finally", "already", "also", "new", "real", "true", "only", "whole",
                         "own", "big", "very"})
# a pet's rank said of it ("the richest dog in the city", "the best cat in town"): what it is, not one more pet
_RANK_EN = re.compile(r"best|most|top|\w{3,}est")
_NOT_RANK_EN = frozenset({"honest", "modest", "forest", "harvest", "interest", "contest", "request", "protest"})


def said_of_subject_en(tokens: Tokens, masked: str, head: Hit, hits: list[Hit],
                       breaks: set[int] | frozenset[int] = frozenset(), role: bool = False) -> bool:
    """True when an English relation word, or a pet word after a rank, is said of the subject after "is" (a
    few articles, adverbs and the place or thing it is of between: "he is the mall owner", "she's a CEO",
    "gets promoted to be their boss", "is secretly the richest dog in the city"); never after "there is";
    ``role``: a job word too ("everyone learns he's the founder")."""
    words = tokens.words
    ranked = False
    for k in range(head.start - 1, max(-1, head.start - 6), -1):
        if k + 1 in breaks or re.search(_PUNCT, masked[tokens.offsets[k]:tokens.offsets[k + 1]]):
            return False
        end = tokens.offsets[k] + len(words[k])
        contracted = words[k] in _CONTRACTED and masked[end:end + 2] in {"'s", "’s"}
        if words[k] in _IS_EN or contracted:
            return (contracted or k > 0 and words[k - 1] not in {"there", "here"}) and (
                head.section == "relations" or ranked or role)
        if re.fullmatch(_RANK_EN, words[k]) and words[k] not in _NOT_RANK_EN:
            ranked = True
        elif words[k] not in _BETWEEN_EN and not any(
                h.start <= k < h.end and h.section in {"places", "props", "traits", "colours", "jobs"} for h in hits):
            return False
    return False


def told_before_de(words: tuple[str, ...], deed_end: int, start: int) -> bool:
    """A Chinese wrong told of a pet before it and its 的, done by that pet ("偷钱包的小偷猫"); not one it
    suffers ("被同学嘲笑的胖橘猫")."""
    if not 0 < start - deed_end <= 5 or "的" not in words[deed_end:start]:
        return False
    if any(w in BY for w in words[deed_end:start]):
        return False  # 偷吃蛋糕的柴犬被老板抓到了: the boss after 被 is not the pet the 的 describes
    k = deed_end - 1
    while k >= 0 and not re.fullmatch(_PUNCT, words[k]) and words[k] not in BY:
        k -= 1
    return k < 0 or words[k] not in BY
