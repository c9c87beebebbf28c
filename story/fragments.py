"""A premise cut into fragments, one event each, English and Chinese. Pure.

``fragments`` cuts at punctuation and at the words that join events (and, then, but, until, who …;
然后 最后 后来 …); a fragment that only names people joins the one before (``merge_people_only``); a
Chinese fragment that only says where or when sets the next one (``setting_only``); a Chinese pet
told of before its 的 ("被同学嘲笑的胖橘猫…") is two clauses (``relatives_zh``), and so is a Chinese pet that
does something and then suffers something with no comma between ("在餐厅打工被富猫嘲笑": ``deed_then_passive_zh``). ``join_names`` and
``split_pronouns`` mend jieba's cuts of given names and pronouns first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from story.buying import sent_spans
from story.clausewords import (
    BE,
    BY,
    COMING_EN,
    DET,
    GROUP_WHO,
    JOIN_EN,
    JOIN_ZH,
    PRONOUN_OBJECT,
    PRONOUN_SUBJECT,
    PUNCT,
    STOP,
    described_after,
    verb_like,
)
from story.holidays import HOLIDAY_EN, HOLIDAY_LEAD
from story.lexicon import Hit, Tokens, tokenize_en
from story.mentions import Mention
from story.quoted import quote_spans, unquoted_stops

_NOW_EN = {"now", "later", "finally", "today", "eventually", "someday"}  # "who teased her | now queue at her shop"
_PARTICLES = {"out", "away", "off", "up", "down", "over"}  # "who kicked her out | comes in hungry"
_WHERE_TO = {"to", "up", "home", "there", "back", "away", "out", "into", "across"}  # "| drives him up the mountain"


def join_names(tokens: Tokens, names: set[str]) -> Tokens:
    """Chinese tokens with each given name one token: jieba cuts 小橘 as 小 / 橘 (two vocabulary
    words, little and ginger), which would read the name as a description."""
    words, offsets = list(tokens.words), list(tokens.offsets)
    i = 0
    while i < len(words):
        for j in range(i + 2, min(i + 4, len(words)) + 1):
            joined = "".join(words[i:j])
            contiguous = all(offsets[k + 1] == offsets[k] + len(words[k]) for k in range(i, j - 1))
            if joined in names and contiguous:
                words[i:j], offsets[i:j] = [joined], [offsets[i]]
                break
        i += 1
    return Tokens(tuple(words), tuple(offsets), True)


_NUMERALS_ZH = "一二两三四五六七八九十几半每这那"


def split_pronouns(tokens: Tokens) -> Tokens:
    """Chinese tokens with a subject pronoun stuck to the verb cut off: jieba reads 它考了 as 它考 / 了."""
    words, offsets = [], []
    for w, o in zip(tokens.words, tokens.offsets, strict=True):
        if len(w) > 1 and w[0] in "它他她" and w[1] not in "们人":
            words += [w[0], w[1:]]
            offsets += [o, o + 1]
        else:
            words.append(w)
            offsets.append(o)
    return Tokens(tuple(words), tuple(offsets), True)


_LAST_THINGS_ZH = {"心愿", "愿望", "遗愿", "一面", "一眼", "一程", "时光", "日子", "时刻"}  # 最后心愿: the last wish
_ASKED_AFTER = {"over", "about", "on", "to"}  # "argue over who…", "fight about who…", "decide on who…": a question


def _last_of(words: tuple[str, ...], i: int) -> bool:
    """最后 that means "the last", not "finally": 把最后一条鱼留给了小猫, 最后的晚餐, 爷爷狗的最后心愿."""
    after = words[i + 1] if i + 1 < len(words) else ""
    return words[i] == "最后" and (after[:1] in _NUMERALS_ZH or after == "的" or after in _LAST_THINGS_ZH) and i > 0 \
        and not PUNCT.fullmatch(words[i - 1])


_PARTING_EN = {"goes", "dies", "passes", "leaves", "departs"}  # "before she goes": before it is gone


def _parting(words: tuple[str, ...], i: int, ends: Callable[[int], bool]) -> bool:
    """"before he goes", "before she dies" ending its fragment (``ends``: a fragment ends before a token): the time of
    what is said with it, no deed."""
    end = i + 3 + (words[i + 3:i + 4] == ("away",))
    return words[i + 1:i + 2] in {("he",), ("she",), ("it",), ("they",)} and len(words) > i + 2 and \
        words[i + 2] in _PARTING_EN and ends(end)


def _copula_after(words: tuple[str, ...], i: int, chinese: bool) -> bool:
    """A Chinese comma with 是 after it and a subject of 的 before it (爷爷猫最后的心愿，是和全家人一起去看大海)."""
    if not chinese or words[i] not in {"，", ","} or words[i + 1:i + 2] != ("是",):
        return False
    start = max((k + 1 for k in range(i) if PUNCT.fullmatch(words[k])), default=0)
    return "的" in words[start:i] and i - start >= 2


_PURPOSE_ZH = frozenset({"为了", "为的是", "好让"})  # after a comma: what the doing before it is for


def _purpose_after(words: tuple[str, ...], i: int) -> bool:
    """What the doing before the comma at token ``i`` is for is said after it (…，为了赢得比赛): one clause with
    it, never a win of its own."""
    return words[i + 1:i + 2] != () and words[i + 1] in _PURPOSE_ZH


# a span of time before "later" ("5 years later", "a few months later"): the next clause's when
_SPAN_EN = re.compile(r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|\d+|a few|few|many|several|"
                      r"some)(?: (?:long|more))? (?:years?|months?|weeks?|days?|hours?|minutes?)|(?:long )?(?:years|months|weeks))")
# (a bare "years later", "months later": a span too, the time jump the premise tells)


_WHEN_AFTER_WHO = frozenset({"then", "finally", "later", "eventually"})  # "who then quits": the one "who" names
# a span of time before 后 (三年后, 几个月以后, 很多年之后): the next clause's when, as "later" is in English
_SPAN_ZH = re.compile(r"(?:很|好)?(?:[一二两三四五六七八九十百几数多半]+|\d+)(?:个)?(?:多)?(?:年|月|天|周|星期|礼拜|小时|分钟|季|年代)(?:多)?|多年|数年|几年")
_AFTER_SPAN_ZH = frozenset({"后", "以后", "之后", "过去", "过去了"})
_SPAN_LEAD = re.compile(r"(?:later|后|过去了?)$")


# a word of when that starts a clause before its pronoun subject ("…; now he owns the biggest hotel"): its lead
NOW_LEADS = frozenset({"now", "today", "soon", "suddenly", "meanwhile", "tonight", "someday"})
_JOIN_BEFORE_NOW = frozenset({"", "and", "but", "so", "then", "and then"})  # "… and now she's the CEO": the join too
# an English fragment that only says when ("Last winter,", "One cold night,", "The next morning,", "Years later,"):
# the next clause's when, never a clause of its own
WHEN_EN = re.compile(r"(?:(?:last|next|that|this|one|the|every|early|late|later|a)\s+)?(?:(?:cold|rainy|snowy|stormy|dark|"
                     r"hot|sunny|windy|quiet|following|next|same|very|winter|summer|spring|autumn|christmas)\s+)*"
                     r"(?:winter|summer|spring|autumn|fall|night|morning|evening|afternoon|day|week|month|year|weekend|"
                     r"years|months|weeks|days)(?:\s+(?:later|ago|morning|night|evening|afternoon))?"
                     r"|(?:(?:on|at|in|during|over|for)\s+)?(?:the\s+)?(?:last\s+)?" + HOLIDAY_EN, re.I)


def _when_before_pronoun(words: tuple[str, ...], s: int, e: int) -> int:
    """How many words at ``s`` only say when, right before the clause's pronoun subject ("one winter she comes back",
    "one cold night he", "the next morning they"); 0 where none do."""
    return next((k for k in (4, 3, 2) if s + k < e - 1 and words[s + k] in PRONOUN_SUBJECT
                 and WHEN_EN.fullmatch(" ".join(words[s:s + k]))), 0)


def _when_leads(premise: str, tokens: Tokens, frags: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """An English fragment that only says when the next one happens ("Last winter, a poor cat was thrown out")
    is that fragment's lead."""
    if tokens.chinese:
        return frags
    out: list[tuple[str, int, int]] = []
    when = ""
    for lead, s, e in frags:
        text = premise[tokens.offsets[s]:tokens.offsets[e - 1] + len(tokens.words[e - 1])]
        if not lead and e < len(tokens.words) and WHEN_EN.fullmatch(text) and (s > 0 or e - s > 1):
            when = text
            continue
        held = HOLIDAY_LEAD.match(text) if not lead and not when else None
        if held is not None and held.end() < len(text) and not text[held.end()].isalnum():
            size = len(tokenize_en(held.group(0)).words)  # "christmas eve a stray kitten is cold": when, then the clause
            if e - s > size + 1:
                lead, s = held.group(0), s + size
        said = _when_before_pronoun(tokens.words, s, e) if lead in _JOIN_BEFORE_NOW | {"until"} and not when else 0
        if said:  # "… until one winter she comes back": "one winter" is when, "she" the clause's subject
            lead = f"{lead} {premise[tokens.offsets[s]:tokens.offsets[s + said - 1] + len(tokens.words[s + said - 1])]}"
            lead, s = lead.strip(), s + said
        if lead in _JOIN_BEFORE_NOW and not when and s > 0 and e - s > 2 and tokens.words[s] in NOW_LEADS \
                and tokens.words[s + 1] in PRONOUN_SUBJECT:  # "…; now he owns…", "… and now she's the CEO"
            now = premise[tokens.offsets[s]:tokens.offsets[s] + len(tokens.words[s])]
            lead, s = f"{lead} {now}".strip(), s + 1
        out.append((lead or when, s, e) if when and not lead else (lead, s, e))
        when = ""
    return out


def fragments(premise: str, tokens: Tokens) -> list[tuple[str, int, int]]:
    """(lead word, first token, end token) of each fragment; a stop inside a quote ends none ('shouts "you're
    fired!" at a tired cat')."""
    spans = quote_spans(premise)
    premise = unquoted_stops(premise)
    words = tokens.words
    said = {k for k, w in enumerate(words) if spans and PUNCT.fullmatch(w) and any(
        a < tokens.offsets[k] < b for a, b in spans)}  # 说“好，我等你”: its comma no stop
    joins = JOIN_ZH if tokens.chinese else JOIN_EN
    sent_from = {a for a, _ in sent_spans(premise)} if tokens.chinese else set()  # 供小猫上学 starts there
    out: list[tuple[str, int, int]] = []
    lead, start = "", 0
    i = 0

    def ends(k: int) -> bool:  # a fragment ends before token k
        return k >= len(words) or bool(PUNCT.fullmatch(words[k])) and k not in said or bool(PUNCT.search(
            premise[tokens.offsets[k - 1] + len(words[k - 1]):tokens.offsets[k]]))

    while i < len(words):
        if PUNCT.fullmatch(words[i]) and (_copula_after(words, i, tokens.chinese) or start < i and tokens.chinese and _purpose_after(
                words, i)):
            i += 1  # 爷爷猫最后的心愿，是…: what the wish is, said after the comma, is one clause with it; 每天训练，
            continue  # 为了赢得比赛: what the doing is for, too
        if PUNCT.fullmatch(words[i]) and i not in said:  # Chinese punctuation is a token of its own
            if start < i:
                out.append((lead, start, i))
            lead, start = lead if start == i and _SPAN_LEAD.search(lead) else "", i + 1  # 三年后，: the next clause's
            i += 1
            continue
        if _when_ends(words, start, i) and not ends(i + 1):  # 过年的时候亲戚们都笑话它: when, then the clause
            out.append((lead, start, i + 1))
            lead, start = "", i + 1
            i += 1
            continue
        between = premise[tokens.offsets[i - 1] + len(words[i - 1]):tokens.offsets[i]] if i else ""
        if tokens.chinese and start < i and tokens.offsets[i] in sent_from:
            out.append((lead, start, i))  # 打三份工供小猫上大学: the work, then the young one sent to school by it
            lead, start = "", i  # (as "works three jobs | so her kitten can go to college")
        joined = next((j for j in joins if tuple(j.split()) == words[i:i + len(j.split())]), None) \
            if not tokens.chinese else (words[i] if words[i] in joins and not _last_of(words, i) else None)
        if joined == "before" and _parting(words, i, ends) and start < i:
            out.append((lead, start, i))  # "wants to see snow one last time before she goes": when, no clause
            i = start = i + 3 + (words[i + 3:i + 4] == ("away",))  # of its own, and no thing ("goes") to draw
            lead = ""
            continue
        if i == start and words[i] == "before" and not tokens.chinese and _parting(words, i, ends):
            i = start = i + 3 + (words[i + 3:i + 4] == ("away",))  # "before he goes, …": only when, said with the
            continue  # wish the clause after it tells
        if joined == "who" and i and words[i - 1] in _ASKED_AFTER | GROUP_WHO:
            joined = None  # "quarrel over who gets the wheel": what they row about, no one who does it; "those who
            # mocked him are speechless": the many who did it, one doer (``story/roles.py``'s ``outsider_verb``)
        if joined == "later" and not tokens.chinese and start < i and _SPAN_EN.fullmatch(" ".join(words[start:i])):
            lead = f"{lead} {premise[tokens.offsets[start]:tokens.offsets[i] + len(words[i])]}".strip()
            i = start = i + 1  # "5 years later she's a CEO": when the next clause is, never a clause of its own
            continue
        if joined == "later" and not tokens.chinese and start + 1 < i and any(
                _SPAN_EN.fullmatch(" ".join(words[k:i])) for k in range(start + 1, i)):
            i += 1  # "comes back ten years later as a famous singer": when, said inside the clause, never a cut
            continue
        if tokens.chinese and start < i and words[i] in _AFTER_SPAN_ZH and _SPAN_ZH.fullmatch("".join(words[start:i])):
            lead = f"{lead}{''.join(words[start:i + 1])}"
            i = start = i + 1  # 三年后，被赶出餐厅的橘猫…: when the next clause is, never a clause of its own
            continue
        if i and (PUNCT.search(between) or joined):
            if start < i:
                out.append((lead, start, i))
            keep = start == i and (lead.endswith("who") and joined in _WHEN_AFTER_WHO or bool(_SPAN_LEAD.search(lead)))
            lead = lead if keep else ""  # "the cat, who then quits"; "Five years later, the…"
            start = i
        if joined and start == i:
            size = len(joined.split()) if not tokens.chinese else 1
            if not (lead.endswith("who") and joined in _WHEN_AFTER_WHO):  # "the cat, who then quits": still the cat
                lead = f"{lead} {joined}".strip()
            i += size
            start = i
            continue
        i += 1
    if start < len(words):
        out.append((lead, start, len(words)))
    out = _asides_closed(words, _appositions_closed(premise, tokens, _when_leads(premise, tokens, out))) \
        if not tokens.chinese else _when_leads(premise, tokens, out)
    # "who sells umbrellas in the rain is laughed at": the main verb after a relative clause
    split: list[tuple[str, int, int]] = []
    for lead, s, e in out:
        if lead.endswith("who"):  # "who sells dumplings from a cart enters a contest": a second verb after a noun
            cut = _outcome_at(words, s, e)
            cut = cut if cut is not None else next((k for k in range(s + 2, e) if words[k] in BE or (
                verb_like(words[k], tokens.chinese) and words[k - 1] not in STOP and not verb_like(words[k - 1], False)
                and not words[k].endswith("ed") and k - 1 > s) or (
                words[k] in COMING_EN and k - 1 > s and (words[k - 1] in PRONOUN_OBJECT or (
                    words[k - 1] in _PARTICLES and words[k - 2] in PRONOUN_OBJECT))) or (
                words[k] in COMING_EN | _NOW_EN and (words[k - 1] not in STOP | _NOW_EN or words[k - 1] in
                                                     PRONOUN_OBJECT)  # "who bullied her at school | come to buy",
                and any(w in PRONOUN_OBJECT for w in words[s:k])) or (  # "who teased her | now queue at her shop"
                k - 1 > s and words[k - 1] in PRONOUN_OBJECT and verb_like(words[k], False)
                and not words[k].endswith("ed") and k + 1 < e and words[k + 1] in PRONOUN_OBJECT | _WHERE_TO)), None)
            # "the boy who found him | takes him home", "the girl who adopted him | drives him up the mountain"
            # "the fox who mocked her comes to eat there": who it is, then what it does now
            if cut is not None:
                split += [(lead, s, cut), ("", cut, e)]
                continue
        cut = _after_when(words, s, e) if not tokens.chinese else None
        if cut is not None:  # "when the cat goes bankrupt she comes back": when, then what happens
            split += [(lead, s, cut), ("", cut, e)]
            continue
        split.append((lead, s, e))
    return split


_ON_WAY_EN = frozenset({"on", "onto", "to", "into", "through", "across", "up", "down", "over", "along", "out",
                        "home", "past", "toward", "towards", "under", "from"})


def _asides_closed(words: tuple[str, ...], frags: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A who-clause said as an aside between a deed and the rest of it ("carries his grandma, who cannot walk,
    on his back to the temple"): the deed is one clause with its aside and its rest (where, how), never a
    clause of "on his back to the temple" alone."""
    out: list[tuple[str, int, int]] = []
    k = 0
    while k < len(frags):
        if out and k + 1 < len(frags) and frags[k][0] == "who" and frags[k][1] == out[-1][2] + 1 \
                and frags[k + 1][0] == "" and frags[k + 1][1] == frags[k][2] and words[frags[k + 1][1]] in _ON_WAY_EN \
                and not any(verb_like(w, False) for w in words[frags[k + 1][1]:frags[k + 1][2]][:2]):
            out[-1] = (out[-1][0], out[-1][1], frags[k + 1][2])
            k += 2
            continue
        out.append(frags[k])
        k += 1
    return out


_OWN_EN = frozenset({"her", "his", "their"})
_GOING_ON_EN = frozenset({"to", "at", "into", "through", "from", "for", "off"})


def _appositions_closed(premise: str, tokens: Tokens,
                        frags: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Who a named pet is, said after its name with no comma to close it ("to send Pearl, her kitten to school"):
    one clause with the deed it is said in (its rest, "to school", is where the deed sends her), never a clause of
    "her kitten to school" alone."""
    words = tokens.words
    out: list[tuple[str, int, int]] = []
    for lead, s, e in frags:
        if out and not lead and s == out[-1][2] and e - s >= 3 and words[s] in _OWN_EN and words[s + 2] in _GOING_ON_EN \
                and premise[tokens.offsets[s - 1]:tokens.offsets[s - 1] + 1].isupper() \
                and not any(verb_like(w, False) for w in words[s + 1:s + 2]):
            out[-1] = (out[-1][0], out[-1][1], e)
            continue
        out.append((lead, s, e))
    return out


_ENDING_EN = frozenset({"end", "ends", "ended", "wind", "winds", "wound"})  # "… end up stunned", "wind up begging"
_ALL_EN = frozenset({"all", "both", "now", "finally", "just", "each", "soon", "later", "eventually"})


def _outcome_at(words: tuple[str, ...], s: int, e: int) -> int | None:
    """Where the outcome after a who-clause starts ("the poodles who laughed at him | end up stunned", "who mocked
    her | all end up in tears", "who laughed | are left speechless"): the group's ending, told after what it did
    before; None when the who-clause has none."""
    for k in range(s + 1, e - 1):
        if words[k] in _ENDING_EN and words[k + 1] == "up" or words[k] in {"are", "is", "were", "was"} and words[
                k + 1] == "left":
            while k - 1 > s and words[k - 1] in _ALL_EN:
                k -= 1
            return k
    return None


_WHEN_EN = frozenset({"when", "once", "whenever"})
_SUBJECT_EN = frozenset({"he", "she", "they"})


def _after_when(words: tuple[str, ...], s: int, e: int) -> int | None:
    """Where the clause after a when-clause said with no comma starts: its subject pronoun ("when the cat goes
    bankrupt she comes back", "once the bulldog loses everything he calls her"), else None."""
    if words[s] not in _WHEN_EN:
        return None
    return next((k for k in range(s + 3, e - 1) if words[k] in _SUBJECT_EN), None)


def merge_people_only(frags: list[tuple[str, int, int]], mentions: list[Mention], tokens: Tokens,
                       hits: list[Hit]) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    waiting = False  # the fragment before only names pets: a subject whose verb comes after "and"
    described = False  # the fragment before ends with the colours and traits said after a pet
    skip = -1
    for k, (lead, s, e) in enumerate(frags):
        if k == skip:
            continue
        covered = {i for m in mentions if m.start < e and m.end > s for i in range(m.start, m.end)}
        rest = [i for i in range(s, e) if i not in covered and tokens.words[i] not in DET
                and tokens.words[i] not in {"的", "和", "与"}]
        people_only = bool(covered) and not rest
        if people_only and tokens.chinese and k + 1 < len(frags) and frags[k + 1][0] and frags[k + 1][1] == e + 1:
            out.append((lead, s, e))  # "…，小狗终于考了第一名": the subject of the adverb's clause after it
            continue  # (``described_subject_zh`` joins them), never one more pet of the clause before
        if out and not covered and (described_after(s, tokens, hits, {e})[0] >= e or described and lead == "and" and (
                e - s == 1 and not verb_like(tokens.words[s], False) and not any(h.start == s for h in hits))):
            plead, ps, _pe = out[-1]  # "a dog, black and tiny, is teased": how the pet looks, said after it
            out[-1] = (plead, ps, e)  # "white and fluffy": the word after "and" too
            described = True
            continue
        described = False
        if not people_only and lead == "and" and not tokens.chinese:
            people_only = _joined_object(s, e, mentions, tokens, hits) or (waiting and s in covered)
        if people_only and lead == "and" and not tokens.chinese and k + 1 < len(frags) and _then_did(
                frags[k + 1], e, tokens.words):  # "and the firemen | finally rescue her": they rescue her
            out.append((lead, s, frags[k + 1][2]))
            skip, waiting = k + 1, False
            continue
        if people_only and out and lead in {"", "and"} and not out[-1][0].endswith("who") and not (
                k + 2 < len(frags) and frags[k + 1][0].endswith("who") and frags[k + 2][0] == ""
                and frags[k + 2][1] == frags[k + 1][2]):  # "and the fox who mocked her comes to eat": its own subject
            plead, ps, _pe = out[-1]
            out[-1] = (plead, ps, e)  # "… by a rich white cat and her dog boyfriend", "Bella and Max share…"
            waiting = False
            continue
        out.append((lead, s, e))
        waiting = people_only and not tokens.chinese
    return out


def described_subject_zh(frags: list[tuple[str, int, int]], mentions: list[Mention],
                         tokens: Tokens) -> list[tuple[str, int, int]]:
    """A Chinese fragment that only describes a pet before it ("分别多年的两只猫"), or says when ("有一天主人"), and
    runs straight on into a joining word ("终于重逢了"): the pet is what the rest says of it, one clause
    ("分别多年的两只猫终于重逢了", "直到有一天主人终于回来了")."""
    if not tokens.chinese:
        return frags
    words = tokens.words
    out: list[tuple[str, int, int]] = []
    for lead, s, e in frags:
        if out and lead and s > 0 and words[s - 1] == lead and out[-1][2] == s - 1:
            plead, ps, pe = out[-1]
            last = next((m for m in mentions if m.end == pe and m.start > ps), None)
            if last is not None and "的" in words[ps:last.start]:
                out[-1] = (plead, ps, e)
                continue
            if last is not None and ps < last.start and "".join(words[ps:last.start]) in _SETTING_ZH:
                out[-1] = (f"{plead}{''.join(words[ps:last.start])}", last.start, e)  # 直到有一天主人终于回来了: when
                continue  # (said with the joining word before it), then the pet and what it does
        out.append((lead, s, e))
    return out


_SETTING_ZH = {"里", "中", "上", "在", "的", "那天", "一天", "这天", "有一天", "晚上", "夜里", "那晚", "某天"}


_WHEN_AT_ZH = frozenset({"在", "当"})  # 在/当 after a fragment's first word: its subject said first, then when


def _when_ends(words: tuple[str, ...], start: int, i: int) -> bool:
    """Token ``i`` ends a Chinese when-phrase that opens its fragment ("过年的时候", "放学以后" is a deed's end,
    never this): …的时候."""
    return i >= start + 2 and words[i] == "时候" and words[i - 1] == "的" and not any(
        w in _WHEN_AT_ZH for w in words[start + 1:i - 1])  # 我的猫在过年的时候偷吃了饺子: when, said inside its clause


def setting_only(tokens: Tokens, start: int, end: int, hits: list[Hit]) -> bool:
    """A Chinese fragment that only says where or when ("雨夜里", "在菜市场", "过年的时候"): it sets the next
    clause."""
    if _when_ends(tokens.words, start, end - 1):
        return True
    covered = {i for h in hits if h.section in {"places", "times", "weathers"} for i in range(h.start, h.end)}
    return bool(covered) and all(i in covered or tokens.words[i] in _SETTING_ZH for i in range(start, end))


_THOSE_ZH = {"那些", "那群", "那只", "那个", "那条", "这些", "那几只"}  # 嘲笑它的那些猫: the pets told of, after 的
_THOSE_BEFORE_ZH = {"那些", "那群", "这些", "那帮", "那几只"}  # 那些笑话她的猫: the ones, said before their deed
_ONCE_ZH = {"曾经", "以前", "之前", "当年", "当初", "从前", "过去", "那时"}  # when a deed told before its 的 was done


# words that describe the one after 被 (被路过的老爷爷, 被好心的阿姨): never a deed it suffered
_DESCRIBING_ZH = frozenset({"路过", "好心", "善良", "热心", "年迈", "年轻", "勇敢", "好心肠"})


def relatives_zh(frags: list[tuple[str, int, int]], mentions: list[Mention], tokens: Tokens,
                  hits: list[Hit]) -> tuple[list[tuple[str, int, int]], dict[int, str]]:
    """Chinese says what a pet does or suffers before it, joined by 的: "一只在夜市摆摊卖烤串的柴犬被城管
    赶走", "被同学嘲笑的胖橘猫努力减肥". Such a fragment is two clauses in order, the first about the pet
    named after 的 (as English says it with "who"). Returns the fragments and, by first token, the
    subject of each first part."""
    if not tokens.chinese:
        return frags, {}
    words = tokens.words
    out: list[tuple[str, int, int]] = []
    subjects: dict[int, str] = {}
    for lead, s, e in frags:
        first = s
        while first < e and (words[first] in DET or words[first] in _ONCE_ZH or words[first] in _THOSE_BEFORE_ZH):
            # 曾经嘲笑它的白猫: its deed, once; 那些笑话她的大猫们: those who did it
            first += 1
        again = _recalled_zh(s, first, e, mentions, words, hits)
        if again is not None:  # 当年赶走他的老板来应聘服务员: who comes back, the deed told before not done again
            out.append((lead, again, e))
            continue
        told = next(((m, de) for m in mentions if first <= m.start < e
                     for de in [_told_de(m, first, words)] if de is not None and first < de), None)
        if told is None:
            out.append((lead, s, e))
            continue
        target, de = told
        span = range(first, de)
        passive = words[first] in BY
        if passive and de == first + 2 and words[first + 1] in _DESCRIBING_ZH:
            out.append((lead, s, e))  # 被路过的老爷爷救了上来: by the passing grandpa, no one 路过'd
            continue
        others = [m for m in mentions if m.end > first and m.start < de]  # 一只好心的警犬帮…: the 一只's pet
        doing = any(h.section in {"events", "actions", "jobs"} and h.start in span for h in hits)
        done_to = any(h.section in {"events", "actions"} and h.start == first for h in hits)  # 嘲笑过橘猫的白猫: its deed
        owner = bool(others) and others[-1].end == de  # "小狗的主人": an owner, not a clause
        toward = words[first] in {"给", "向", "对", "替", "为", "跟", "朝"}  # 给救过它的老奶奶送鱼: to whom, one clause
        toward = toward or words[first] in PRONOUN_SUBJECT  # 它想再见远方的女儿: its own subject's deed, one clause
        to_it = not others and doing and words[de - 1] in PRONOUN_OBJECT  # 以前欺负它的富家狗｜后来…: its deed, then more
        if owner and not (done_to and de < e and target.end < e) or toward or not (passive or (doing and (not others or done_to))) or len(span) < 1 or (target.end >= e and not passive and not to_it):
            out.append((lead, s, e))
            continue
        when = lead if _SPAN_LEAD.search(lead) else ""  # 三年后，被赶出餐厅的橘猫成了老板: the span of time is the
        out.append((lead.removesuffix(when), first, de))  # main clause's, after the deed its 的 recalls
        subjects[first] = target.key
        out.append((when, de + 1, e))
    return out, subjects


def _recalled_zh(s: int, first: int, e: int, mentions: list[Mention], words: tuple[str, ...],
                 hits: list[Hit]) -> int | None:
    """Where the rest of a fragment starts when its deed told before a pet's 的 is one that pet did to the
    hero earlier in the premise (被餐厅老板赶了出去…当年赶走他的老板来应聘服务员, 被女朋友甩了…曾经甩了它的
    女朋友来店里求复合), or one told with 当年/曾经 of the pet who did the hero's passive wrong (被宠物店老板扔到了
    门外…当年扔掉它的老板): it only says who comes back, so the fragment is what that pet does now; else None."""
    for m in mentions:
        if not first < m.start < e or m.end >= e or not any(o.key == m.key and o.start < s for o in mentions):
            continue
        de = _told_de(m, first, words)
        rest = None if de is None else de + 1
        if de is None and m.start + 1 < m.end and words[m.start] in PRONOUN_OBJECT and words[m.start + 1] == "的":
            de, rest = m.start + 1, m.start  # 甩了它的女朋友 read as one mention: its 的 ends the deed
        if de is None or rest is None or words[de - 1] not in PRONOUN_OBJECT:
            continue
        deeds = {(h.section, h.key) for h in hits if h.section in {"events", "actions"} and first <= h.start < de - 1}
        said = "".join(words[first:de - 1])  # 被老板骂是废物…曾经骂它的老板: the same deed in the same words
        by = any(w in _ONCE_ZH for w in words[s:first]) and any(  # 被宠物店老板扔到了门外…当年扔掉它的老板: the
            o.key == m.key and o.start < s and BY & set(words[max(0, o.start - 3):o.start])  # doer of then, once
            for o in mentions)
        if deeds & {(h.section, h.key) for h in hits if h.start < s} or said in "".join(words[:s]) or by:
            return rest
    return None


def _told_de(m: Mention, first: int, words: tuple[str, ...]) -> int | None:
    """Where the 的 is that ends a deed told before the pet of mention ``m`` (被同学嘲笑的胖橘猫, 嘲笑它的那些猫), if
    any."""
    if m.start > first and words[m.start - 1] == "的":
        return m.start - 1
    if m.start - 2 > first and words[m.start - 1] in _THOSE_ZH | _SIZE_ZH and words[m.start - 2] == "的":
        return m.start - 2  # 笑话她的大猫们: the big cats, a size said before the pet, no word of the deed
    return None


_SIZE_ZH = frozenset({"大", "小", "胖", "瘦", "大个子", "高大"})  # a size said between 的 and the pet it names


def _then_did(after: tuple[str, int, int], end: int, words: tuple[str, ...]) -> bool:
    """The fragment ``after`` one that only names people (ending at ``end``) is their deed: joined by a word of when
    ("finally", "then") and a verb with whom it is done to right after it ("finally rescue her")."""
    lead, s, e = after
    return lead in _THEN_EN and s <= end + 1 and s + 1 < e and words[s + 1] in PRONOUN_OBJECT and words[s].isalpha() \
        and words[s] not in STOP


def _joined_object(start: int, end: int, mentions: list[Mention], tokens: Tokens, hits: list[Hit]) -> bool:
    """True for "… and her kittens out in the snow": an "and" fragment that starts with a person who
    does nothing (no verb follows the mention) is one more object of the clause before it."""
    words = tokens.words
    first = start
    while first < end and words[first] in DET:
        first += 1
    mention = next((m for m in mentions if m.start <= first < m.end), None)
    if mention is None:
        return False
    after = mention.end
    if after >= end:
        return True
    while after + 1 < end and words[after] in _THEN_EN:  # "and the firemen finally rescue her": its verb after
        after += 1
    word = words[after]
    verb = word in BE or word in PRONOUN_SUBJECT or any(
        h.start == after and h.section in {"events", "actions"} for h in hits)
    said_to = after + 1 < end and words[after + 1] in PRONOUN_OBJECT and word.isalpha() and word not in STOP \
        and word not in DET  # "and the firemen rescue her": a plural's verb, whom it is done to after it
    return not verb and not said_to and not (word.endswith(("s", "ed")) and (word not in STOP or word in _STOP_VERBS))


_THEN_EN = frozenset({"finally", "soon", "then", "quickly", "bravely", "kindly", "eventually", "later", "carefully"})
_STOP_VERBS = {"gets", "makes", "has", "does"}  # "… and her father makes her return it": a doing, said plainly


_DOINGS = {"events", "actions", "jobs"}
_LOCALIZERS = {"上", "里", "中", "边", "旁", "下", "前", "外", "内", "门口", "附近"}


def _after_frame(words: tuple[str, ...], start: int, end: int, hits: list[Hit]) -> int:
    """Where a Chinese clause's deed starts after its where-frame (在厨艺大赛上, 在餐厅): past the localizer
    that closes 在…, else past the place named right after 在."""
    if start >= end or words[start] != "在":
        return start
    close = next((k for k in range(start + 1, end) if words[k] in _LOCALIZERS), None)
    if close is not None:
        return close + 1
    place = next((h for h in hits if h.section == "places" and h.start == start + 1), None)
    return place.end if place is not None else start + 1


_CAUSE_ZH = {"因为", "由于", "因"}  # 因为考试不及格被爸爸骂: the cause of what is done to it, one clause


def deed_then_passive_zh(frags: list[tuple[str, int, int]], mentions: list[Mention], tokens: Tokens,
                         hits: list[Hit]) -> list[tuple[str, int, int]]:
    """Chinese runs a pet's own deed straight into what is done to it: "穷小狗在餐厅打工被富猫嘲笑",
    "小猫考试作弊被狗老师发现了". Such a fragment is two clauses, cut before 被: the pet works (or cheats),
    then the other one mocks (or finds out); one deed each, each by its own doer. A place alone before 被
    ("在医院被哈士奇医生欺负") is no deed, nor a cause ("因为考试不及格被爸爸骂": cut there, "哈士奇因为考试不及格。" says nothing), and a
    pet told of after 的 ("被同学嘲笑的胖橘猫") is ``relatives_zh``'s."""
    if not tokens.chinese:
        return frags
    words = tokens.words
    places = {i for h in hits if h.section == "places" for i in range(h.start, h.end)}
    out: list[tuple[str, int, int]] = []
    for lead, s, e in frags:
        first = s
        while first < e and words[first] in DET:
            first += 1
        subject = next((m for m in mentions if m.start == first), None)
        body = subject.end if subject is not None else first
        cut = next((k for k in range(body + 1, e - 1) if words[k] in {"被", "遭"}), None)
        if cut is None or any(words[k] in _CAUSE_ZH for k in range(body, cut)) or any(body <= m.start < cut or (m.start > cut and words[m.start - 1] == "的") for m in mentions):
            out.append((lead, s, e))
            continue
        deed = _after_frame(words, body, cut, hits)
        doing = any(h.section in _DOINGS and deed <= h.start < cut and h.start not in places for h in hits)
        if not doing:
            out.append((lead, s, e))
            continue
        out += [(lead, s, cut), ("", cut, e)]
    return out


_AFTER_ZH = {"后", "以后", "之后"}
_NOT_NEXT_ZH = {"的", "了", "后", "以后", "之后", "时", "的时候", "之一", "们", "啦", "呢", "吗", "。"}


def became_then_zh(frags: list[tuple[str, int, int]], tokens: Tokens, hits: list[Hit]) -> list[tuple[str, int, int]]:
    """A Chinese pet that becomes a job and then does a deed with no comma between ("长大后成了消防员救了小女孩一家",
    "后来当上了警犬抓住了小偷"): two clauses, cut after the job's word, the becoming told (in the job's uniform) and
    then the deed in a scene of its own; never cut inside the job's own words (成了消防员的那天, 成了大厨以后)."""
    if not tokens.chinese:
        return frags
    words = tokens.words
    out: list[tuple[str, int, int]] = []
    for lead, s, e in frags:
        become = next((h for h in hits if h.section == "events" and h.key == "become" and s <= h.start < e), None)
        job = None if become is None else next(
            (h for h in hits if h.section == "jobs" and become.end <= h.start <= become.end + 2 and h.end < e), None)
        if job is None or e - job.end < 2 or words[job.end] in _NOT_NEXT_ZH or not (
                words[job.end + 1] == "了" or any(h.section in {"events", "actions"} and h.start == job.end for h in hits)):
            out.append((lead, s, e))  # 成了外卖公司的老板: the job's word in a longer name, no deed after it
            continue
        out += [(lead, s, job.end), ("", job.end, e)]
    return out


def told_then_zh(frags: list[tuple[str, int, int]], tokens: Tokens) -> list[tuple[str, int, int]]:
    """A Chinese fragment that ends in 后 / 以后 / 之后 is the time of the next one ("小猫长大后，成了医生",
    "流浪很久后被好心人收养"); told as a clause of its own it would end a line with 后 ("团子流浪很久后。"): it
    is told as what happens first ("团子流浪很久。"), the next clause after it."""
    if not tokens.chinese:
        return frags
    return [(lead, s, e - 1) if e - s > 1 and tokens.words[e - 1] in _AFTER_ZH and k + 1 < len(frags) else (lead, s, e)
            for k, (lead, s, e) in enumerate(frags)]
