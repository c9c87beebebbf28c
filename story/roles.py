"""Who does a clause's event and to whom. Pure.

``read_subject``: the person at the clause's start, a pronoun, or nobody (the subject carries on);
``passive_agent``: "is laughed at by X" / "被X…" makes X the actor; ``outsider_verb`` and
``by_outsider``: a doer who is none of the cast ("a wedding party orders …", "filmed by a
passer-by"); ``wrongs``: a wrong one does to another, not one that befalls.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from story.analysis import Person
from story.clausewords import (
    BE,
    BY,
    DET,
    GROUP_WHO,
    NP_WORDS,
    PAST_EN,
    PRONOUN_OBJECT,
    PRONOUN_SUBJECT,
    PUNCT,
    STOP,
    clause_data,
    outsider_entry,
    owns,
    verb_like,
)
from story.doers import role_end
from story.lexicon import Hit, Tokens
from story.mentions import Mention

_LY_NOUNS = {"family", "bully", "ally", "belly", "jelly", "lily", "rally", "fly", "butterfly", "dolly", "holly"}  # no adverbs
_PARTNERS = {"girlfriend", "boyfriend", "wife", "husband"}
_DONE_TO = {"mock", "betray", "steal", "fire", "dump", "frame", "sabotage", "abandon"}  # not lose, lost_pet


def wrongs(events: tuple[str, ...]) -> bool:
    """A wrong someone does to another (偷走, 欺负, 陷害), not one that befalls (丢了工作, 走丢)."""
    return bool(_DONE_TO & set(events))


_MODIFIES_ZH = re.compile(r"[^，。！？、的都也还就又它他她们]{1,2}的(?=[^，。！？、]{1,6}(?:，|。|$|[被把将终于就也都还]))")  # 没人要的老狗终于…
_THOSE_ZH = re.compile(r"(?:那些|所有|曾经|以前|当初)[^，。的]{1,12}的人们?")


def outsider_verb(tokens: Tokens, i: int, end: int, inside: list[Mention], hits: list[Hit]) -> int | None:
    """Where the verb starts when the clause opens with a doer who is none of the cast ("a wedding
    party orders …", "the whole town cheers", "村民们都来买"): one of ``clauses.json``'s outsiders, or
    in English any article and up to three words that are no person, followed by a verb."""
    words = tokens.words
    people = {k for m in inside for k in range(m.start, m.end)}
    if tokens.chinese:
        text = "".join(words[i:end])
        said = [w for e in clause_data()["outsiders"] for w in e["zh"] if text.startswith(w)
                and not _MODIFIES_ZH.match(text, len(w))]  # 没人要的老狗: the old dog nobody wanted is the doer
        those = _THOSE_ZH.match(text)  # 那些嘲笑它的人都说不出话了, 那些笑话小橘猫胖的人: the many who did it to the hero
        if those:
            k, length = i, 0
            while k < end and length < len(those.group(0)):
                length += len(words[k])
                k += 1
            return k if k < end else None
        if not said:  # "好心的面包师收养了…": someone named by a role, with its describing words
            role = role_end(tokens, i, end, people)
            return role if role is not None and role < end else None
        k, length = i, 0
        while k < end and length < len(max(said, key=len)):
            length += len(words[k])
            k += 1
        return k if k < end and not people & set(range(i, k)) else None
    k = i + (1 if i < end and words[i] in DET | {"all"} else 0)
    if k + 1 < end and words[k] in GROUP_WHO and words[k + 1] == "who":  # "those who mocked him are speechless"
        done = next((j + 1 for j in range(k + 2, end - 1) if words[j] in PRONOUN_OBJECT | {"them"}), None)
        return done if done is not None and done < end and not PUNCT.fullmatch(words[done]) else None
    for n in (3, 2, 1):  # an outsider of the table: any verb may follow ("the villagers laugh")
        span = words[k:k + n]
        if len(span) == n and k + n < end and outsider_entry(" ".join(words[i:k + n])) is not None \
                and not people & set(range(i, k + n)) and words[k + n].isalpha() and words[k + n] not in DET:
            return k + n
    if k == i and not (i > 0 and words[i - 1] in DET):  # the subject's reading may have passed the article
        return None  # an unknown doer is said with its article ("a stranger", "the bakery", "a kind family")
    events = {j for h in hits if h.section in {"events", "actions"} for j in range(h.start, h.end)}
    for v in range(k + 1, min(k + 4, end)):
        noun = words[k:v]
        if any(j in people or j in events for j in range(k, v)) or any(
                not w.isalpha() or (w in STOP and w not in NP_WORDS) or (w.endswith("ly") and w not in _LY_NOUNS)
                for w in noun):
            return None
        w = words[v]
        if w in BE or v in events or (len(w) > 3 and w.isalpha() and w not in STOP and w.endswith("s")
                                       and not w.endswith(("ss", "ous")) and not noun[-1].endswith("s")) \
                or w in PAST_EN or (len(w) > 4 and w.endswith("ed") and w not in STOP):
            return v  # "the judges laugh", "but the kitchen caught fire", "the agency said no": theirs
    return None


def by_outsider(tokens: Tokens, start: int, end: int, inside: list[Mention]) -> tuple[int, int] | None:
    """The span after "by" of a doer outside the cast ("is filmed by a passer-by"), if any."""
    words = tokens.words
    people = {j for m in inside for j in range(m.start, m.end)}
    for k in range(start if tokens.chinese else start + 1, end):  # 被 may open the clause's rest
        if words[k] not in BY or (k > start and words[k - 1] in {"one", "step", "side", "day"}):
            continue
        for n in (4, 3, 2, 1):
            if k + 1 + n <= end and outsider_entry(" ".join(words[k + 1:k + 1 + n])) is not None and not any(
                    k < m.start <= k + n for m in inside):
                return k + 1, k + 1 + n
        at = k + 1 if tokens.chinese else k + 2  # 被包工头骂; "teased by a rude plumber" (after its article)
        if tokens.chinese or (k + 1 < end and words[k + 1] in DET):
            role = role_end(tokens, at, end, people)  # someone named by a role
            if role is not None:
                return k + 1, role
    return None


_WHERE_ZH = set("里上中外边旁内家")  # the end of a Chinese where-phrase: 村里, 公园里, 学校外; 邻居家的: whose household
TOWARD_ZH = {"向", "对", "给", "跟", "跟着", "随着", "和", "替", "朝", "为"}  # 向同学道歉: to whom, the one before carries on


_SPAN_ZH = re.compile(r"[一二三四五六七八九十几两多半]+(?:年|个月|月|天|周|星期|个星期)")  # 三年, 几个月, 多年
_AT_ZH = {"上", "里", "中", "前", "外", "门口"}  # a place said before the subject: 婚礼上, 学校里
_AFTER_ZH = {"后", "以后", "之后", "过去", "过后", "后来"}
_WHEN_EN = re.compile(r"(?:(?:the )?(?:next|following|same)|that) (?:day|morning|evening|night|week|month|year)\b")


def read_subject(premise: str, tokens: Tokens, start: int, end: int, inside: list[Mention],
             hits: list[Hit]) -> tuple[str | None, bool, int]:
    """(subject key, named here, token where the rest starts): a person at the clause's start, a
    pronoun (the subject carries on), or nobody (the previous subject carries on)."""
    words = tokens.words
    i = start
    while i < end and words[i] in {"one", "day", "morning", "later", "soon", "eventually", "finally", "once",
                                   "everyday", "years", "months", "一天", "某天", "有一天", "终于", "最后", "后来",
                                   "当年", "当初", "从前", "那时"}:  # 当年那个老板来…: the boss of those days
        i += 1
    when = _WHEN_EN.match(" ".join(words[i:i + 3])) if not tokens.chinese else None
    if when is not None and i + len(when.group(0).split()) < end:  # "the next day they find out…": when, then who
        i += len(when.group(0).split())
    while tokens.chinese and i + 1 < end and _SPAN_ZH.fullmatch(words[i]) and words[i + 1] in _AFTER_ZH:
        i += 2  # 三年后橘猫成了老板, 多年以后: when, then who
    first = inside[0] if inside else None
    if tokens.chinese and i < end and words[i] in BY and first is not None and first.start == i + 1:
        return None, False, i  # "被豪门白猫羞辱": the one it befalls carries on; 被 starts the passive
    while first is not None and i < first.start and (words[i] in DET or owns(premise, tokens, i)):
        i += 1  # "the villain's husky bodyguard Koda"
    at = i + (tokens.chinese and i < end and words[i] == "在")
    if tokens.chinese and first is not None and first.start == at + 2 and words[at + 1] in _AT_ZH and not any(
            h.section in {"events", "actions"} and i <= h.start < first.start for h in hits):
        i = at + 2  # 婚礼上婆家人都看不起他, 在学校里同学们: where, then who
    if tokens.chinese and first is not None:  # 村里的兔子们都笑它, 公园里的大狗们: where they are, then who
        de = next((k for k in range(i + 1, first.start) if words[k] == "的"), None)
        if de is not None and words[de - 1][-1] in _WHERE_ZH and not any(
                h.section in {"events", "actions"} and i <= h.start < de for h in hits):
            i = de + 1
    if first is not None and first.start <= i + 1 and not any(
            h.section in {"events", "actions"} and i <= h.start < first.start for h in hits) \
            and not (first.start == i + 1 and (verb_like(words[i], tokens.chinese)
                                               or tokens.chinese and words[i] in TOWARD_ZH)):
        head = next((m for m in inside if tokens.chinese and m.start == first.end + 1 < end and words[first.end] == "的"), None)
        if head is not None:  # 小猫的哥哥把它的玩具摔坏了: the one 的 names (its brother) is the subject
            return head.key, True, head.end
        return first.key, True, first.end
    if i < end and words[i] in PRONOUN_SUBJECT:
        return None, False, i + 1
    return None, False, i


def passive_agent(tokens: Tokens, start: int, end: int, inside: list[Mention]) -> tuple[bool, str | None]:
    words = tokens.words
    for k in range(start, end):
        if words[k] in BY and not (words[k] == "让" and tuple(words[k + 1:k + 2]) == ("给",)):  # 把鸡腿让给了孩子: given up
            agent = next((m for m in inside if (k < m.start <= k + 5 or (m.start <= k + 1 < m.end))
                          and not (m.start > k + 2 and words[m.start - 1] == "的" and m.end >= end)), None)  # 救出了被困的
            # 小猫: the kitten the 被 clause tells of, at the clause's end, no doer (被最好的朋友柴犬背叛: the friend does it)
            if agent is not None and not (words[k] == "让" and _causative(words, agent.end, end)):
                return True, agent.key
    return False, None


def _causative(words: Sequence[str], after: int, end: int) -> bool:
    """让 with the one named after it doing a deed of its own (后妈让小猫干所有的家务, 让它去洗碗): an order, no
    passive; 让车撞了, 让狗咬了一口 (the verb and its 了 straight after) is one."""
    rest = list(words[after:end])
    return bool(rest) and not ("了" in rest[0][1:3] or rest[1:2] == ["了"])


_TAKEN = {"steal", "betray", "dump"}  # a partner stolen or lured away: the one it is taken from is wronged


def partner_owner(cast: Sequence[Person], obj: str | None, actor: str | None, events: tuple[str, ...]) -> str | None:
    """Who a wrong is done to when it takes someone's partner ("a dog steals his best friend's girlfriend",
    贵宾犬抢走了柯基的男朋友): the one the partner belongs to, not the partner; else ``obj``."""
    person = next((p for p in cast if p.key == obj), None)
    if person is None or not _TAKEN & set(events) or person.relation not in _PARTNERS or person.of in (None, actor):
        return obj
    return person.of


def outsider_named(outsider: str, tokens: Tokens, mentions: list[Mention]) -> str | None:
    """The cast member an outsider's words named earlier, said right before its head (还给了失主狗，失主送了它一条鱼:
    失主 is that dog); None when no pet was named so."""
    words = tokens.words
    sep = "" if tokens.chinese else " "
    for m in mentions:
        for k in (1, 2):
            if m.start - k >= 0 and sep.join(words[m.start - k:m.start]).lower() == outsider.lower():
                return m.key
    return None
