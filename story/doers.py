"""Someone outside the cast named by a role: 被好心的面包师收养, 被包工头骂, 门卫大爷, 老渔夫, "teased by a
rude plumber" (pure).

A clause's doer who is none of the pets is often named by what they do, not by the outsiders table
(``clauses.json``): ``role_end`` says where such a doer ends, so the clause keeps the premise's own
noun ("the kind baker", 水管工) instead of someone. A role is a vocabulary job or one of the nearest
table's (``story/data/nearest.json``); only describing words (好心的, 老, a rude) may stand before it,
and it names no thing (外卖公司 is a company, not a courier).
"""

from __future__ import annotations

from dataclasses import replace

from story.analysis import Person, slug
from story.lexicon import Tokens, lexicon
from story.nearest import nearest
from story.text import HAN

_ROLE_TAILS = {"大爷", "大叔", "阿姨", "大妈", "大婶", "奶奶", "爷爷", "大哥", "大姐", "师傅"}  # 门卫大爷, 保洁阿姨
_BEFORE_ROLE = {"的", "一位", "一个", "一名", "位", "个", "名", "这位", "那位", "一群", "几个"}
_THINGS = {"places", "props", "jobs"}
_NOT_IN_ROLE = {"and", "or", "in", "on", "at", "of", "to", "with", "for", "from", "who", "that", "the", "a", "an", "by"}


def role_end(tokens: Tokens, i: int, end: int, people: set[int]) -> int | None:
    """Where a doer named by a role ends when one starts at token ``i`` (before ``end``), else None.
    ``people`` holds the token indices of cast mentions: a doer is none of them."""
    return _role_end_zh(tokens, i, end, people) if tokens.chinese else _role_end_en(tokens, i, end, people)


def _is_role(word: str, lang: str) -> bool:
    lex = lexicon()
    return any(h.section == "jobs" and h.surface == word for h in lex.find(word)) or (
        len(word) > 1 and nearest(word, "jobs", lang) is not None)


def _role_end_zh(tokens: Tokens, i: int, end: int, people: set[int]) -> int | None:
    lex = lexicon()
    words = tokens.words
    for j in range(i, min(i + 4, end)):
        word = words[j]
        if j in people:
            return None
        if not HAN.search(word):
            continue  # 用 App 卖鱼: a Latin word is no role here
        if _is_role(word, "zh"):
            tail = 1 if j + 1 < end and words[j + 1] in _ROLE_TAILS else 0
            nxt = words[j + 1 + tail] if j + 1 + tail < end else ""
            if nxt == "的" or any(h.section in _THINGS for h in lex.find(nxt)):
                return None  # 外卖公司, 面包师的店: the role names a thing, not who does it
            return j + 1 + tail
        if word not in _BEFORE_ROLE and not any(h.section == "traits" for h in lex.find(word)):
            return None  # 成了外卖…: a verb before it, so no doer is named here
    return None


def _role_end_en(tokens: Tokens, i: int, end: int, people: set[int]) -> int | None:
    words = tokens.words
    for j in range(i, min(i + 3, end)):
        word = words[j]
        if j in people or not word.isalpha() or word in _NOT_IN_ROLE:
            return None
        if _is_role(word, "en") or j > i and _is_role(" ".join(words[j - 1:j + 1]), "en"):  # "the fire department"
            return j + 1
    return None


_ONE_EN = frozenset({"boss", "bus", "glass", "business", "police", "boss's", "actress", "princess", "waitress"})
_MANY_EN = frozenset({"two", "three", "four", "several", "some", "many", "few"})
_MANY_ZH = frozenset({"一群", "几个", "几位", "两个", "两位", "三个", "一帮"})
_CREWS = ("department", "brigade", "crew", "team", "squad", "队")  # "the fire department", 消防队: its crew


def many_said(words: tuple[str, ...] | list[str], start: int, end: int, zh: bool) -> bool:
    """The role said from token ``start`` to ``end`` names more than one: a plural ("the firemen", "the rangers"),
    counted ("two firefighters", 一群消防员), a crew ("the fire department", 消防队) or 们 (消防员们)."""
    said = "".join(words[start:end]) if zh else words[end - 1].lower()
    if said.endswith(_CREWS):
        return True
    if zh:
        return said.endswith("们") or end < len(words) and words[end].startswith("们") or any(
            w in _MANY_ZH for w in words[max(0, start - 2):start])
    counted = start > 0 and words[start - 1].lower() in _MANY_EN
    return counted or said.endswith("men") and said != "women" or said.endswith("women") \
        or said.endswith("s") and not said.endswith("ss") and said not in _ONE_EN


def cast_group(people: list[Person], person: Person, label: str, taken: set[str]) -> None:
    """``person`` (just cast, the last of ``people``) names a group: two of them, alike, one mention."""
    person.alike = 2
    people.append(replace(person, key=slug(label, taken), pos=person.pos + 1))
