"""The premise read as ordered event clauses, English and Chinese. Pure.

``clauses(analysis) -> list[Clause]`` splits the premise at punctuation and at the words that join
events (and, then, but, until, who, so, finally …; ，然后 最后 结果 却 于是 后来 …) and reads each
clause: who does it (a cast key of ``Analysis.cast``; a clause with no subject inherits the previous
subject, "who" refers to the person just named, "is laughed at by X" / "被X…" makes X the actor),
the verb phrase in the premise's own words, the person it is done to, the vocabulary hits (events,
actions, props, places, jobs) and the concrete nouns the vocabulary does not know ("food truck").

A fragment that only names people ("and her dog boyfriend", "a spoiled Persian") is not an event:
it joins the clause before it. Each clause keeps its words as ``parts``: plain text and person
mentions (cast keys), so a writer can say it again with the cast's names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from story.datafiles import read_json
from story.lexicon import Hit, Tokens, in_context, lexicon
from story.nearest import Nearest
from story.nearest import things as nearest_things
from story.premise import Analysis, Person

# words that start a new clause (the word itself is the clause's lead, not part of its event)
_JOIN_EN = ("and then", "but then", "and finally", "after that", "and", "then", "but", "until", "who", "so",
            "finally", "while", "before", "later", "eventually")
_JOIN_ZH = ("然后", "最后", "结果", "却", "于是", "后来", "终于", "直到", "接着", "但是", "但", "可是", "并且")
_PUNCT = re.compile(r"[,.;!?，。；！？、:：]")
_DET = {"a", "an", "the", "her", "his", "their", "its", "one", "two", "some", "this", "that", "my",
        "一只", "一条", "一个", "一位", "只", "条", "个", "位", "那只", "这只"}
_PRONOUN_SUBJECT = {"he", "she", "they", "it", "他", "她", "它", "他们", "她们"}
_POSSESSIVE = {"his", "her", "their", "its"}
_PRONOUN_OBJECT = {"him", "her", "它", "他", "她"}
_BE = {"is", "are", "was", "were", "gets", "get", "got", "becomes"}
_BY = {"by", "被", "遭", "让"}
_NAMING_ZH = {"叫", "名叫", "叫做", "名字叫", "取名"}
_STOP = frozenset("""a an the and or but of to in on at by for with from into onto over under after before then so
that this these those his her their its he she they it is are was were be been being has have had do does did who
whom which what when where while as than too very just only also still every each one two three some any all no
not up down out off again once about against between through during until him them our your my me us we you i can
could will would shall should may might must get gets got make makes made finally later eventually soon one day
hard own back away all way always never even really big small tiny little new old best first last next whole
really quite time times day days night nights year years life everything everyone something nothing anything
lot lots more most much many week weeks month months morning evening afternoon hour hours minute across along
around behind beside near toward towards inside outside past upon without within beyond viral overnight suddenly
instantly alone role chance part idea heart""".split())
_THING_SECTIONS = {"props", "places"}
_PERSON_SECTIONS = {"breeds", "species", "relations"}


_MARKUP = re.compile(r"<[^<>]{0,30}>|&[a-zA-Z]{2,8};?|&#\d{1,6};?")
_WORDLIKE = re.compile(r"[A-Za-z0-9\u3400-\u9fff，。；！？、]")


def _names(analysis: Analysis) -> set[str]:
    return {p.name.lower() for p in analysis.cast if p.name}


@dataclass(frozen=True)
class Part:
    """A piece of a clause: premise text, or a mention of a cast member (``key``)."""

    text: str
    key: str | None = None


@dataclass(frozen=True)
class Clause:
    index: int
    text: str  # the clause as the premise says it (without its joining word)
    lead: str  # the joining word before it: "", "and", "then", "后来" …
    actor: str | None  # cast key of who does it
    subject: str | None  # cast key of the grammatical subject (the actor, or the object of a passive)
    said_subject: bool  # the premise names the subject in this clause (else it is inherited)
    passive: bool  # "is laughed at by X", "被X投诉": X is the actor, the subject is the object
    obj: str | None  # cast key of the person it is done to
    verb: str  # the verb phrase in the premise's words ("spills soup on", "gets fired")
    subject_words: str  # the premise's words for the subject where it is introduced ("A clumsy corgi waiter")
    parts: tuple[Part, ...]  # the clause after its subject, text and person mentions
    events: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    props: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    jobs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()  # concrete words the vocabulary does not know ("food truck")
    place_words: tuple[str, ...] = ()  # the premise's words for the places (``places``, same order)
    things: tuple[str, ...] = field(default=())  # every concrete thing asked, in the premise's words
    asked: tuple[Nearest, ...] = ()  # the drawable props and places nearest to what the clause names
    outsider: str = ""  # the premise's words for a doer outside the cast ("a wedding party"); actor is None
    weathers: tuple[str, ...] = ()  # the weather the clause happens in ("during a storm"): lexicon weathers keys

    @property
    def people(self) -> tuple[str, ...]:
        return tuple(k for k in (self.actor, self.obj) if k)


@cache
def clause_data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("clauses.json")
    return data


def outsider_entry(words: str) -> dict[str, Any] | None:
    """The ``clauses.json`` outsider a clause's doer is ("a wedding party", "全城的人"), if any."""
    low = re.sub(r"^(?:a|an|the|all|some|her|his|their)\s+", "", words.lower().strip())
    for entry in clause_data()["outsiders"]:
        for w in (*entry["en"], *entry["zh"]):
            bare = re.sub(r"^the\s+", "", w)
            if low == bare or low == w or (re.search(r"[\u3400-\u9fff]", w) and low.startswith(w)):
                return dict(entry)
    return None


@dataclass
class _Mention:
    key: str
    start: int  # token span
    end: int


def clauses(analysis: Analysis) -> list[Clause]:
    """The premise's events in order, one ``Clause`` each."""
    # 1. Tokens, vocabulary hits, who each person mention is.
    lex = lexicon()
    premise = _MARKUP.sub(lambda m: " " * len(m.group(0)), analysis.premise)  # "<b>", "&amp;": not story words
    tokens = lex.tokenize(premise)
    keep = [i for i, w in enumerate(tokens.words) if _WORDLIKE.search(w)
            and not (tokens.chinese and re.fullmatch(r"[a-z]+", w) and w not in _names(analysis))]
    tokens = Tokens(tuple(tokens.words[i] for i in keep), tuple(tokens.offsets[i] for i in keep), tokens.chinese)
    if tokens.chinese:
        tokens = _split_pronouns(_join_names(tokens, _names(analysis)))
    hits = in_context(lex.find_tokens(tokens), tokens)
    zh = tokens.chinese
    mentions = _mentions(analysis, tokens, hits)
    # 2. Fragments at punctuation and joining words; person-only fragments join the one before.
    frags = _fragments(premise, tokens)
    frags = _merge_people_only(frags, mentions, tokens, hits)
    frags, told_of = _relatives_zh(frags, mentions, tokens, hits)
    # 3. Each fragment read as a clause: subject (said, inherited, "who"), passive, object, verb, things.
    out: list[Clause] = []
    last_subject: str | None = analysis.hero.key
    last_named: str | None = None
    intro: dict[str, str] = {}  # the premise's words where each person is first named
    for m in mentions:
        intro.setdefault(m.key, _span(premise, tokens, m.start, m.end))
    setting: tuple[str, list[Hit]] | None = None  # "雨夜里，": where and when the next clause happens
    hero_is = _hero_gender(analysis, tokens, mentions)
    other: str | None = None  # the last one named who is not the hero
    for lead, start, end in frags:
        inside = [m for m in mentions if start <= m.start < end]
        local = [h for h in hits if start <= h.start < end]
        if zh and not inside and _setting_only(tokens, start, end, local):
            setting = ("".join(_surface(premise, tokens, i) for i in range(start, end)), local)
            continue
        if setting is not None:
            lead, local = f"{lead}{setting[0]}", [*setting[1], *local]
            setting = None
        subject, said, body_start = _subject(premise, tokens, start, end, inside, local)
        if start in told_of:  # "被同学嘲笑的胖橘猫…": what the pet named after 的 does or suffers
            subject, said = told_of[start], False
        if lead == "who" and not said:
            subject = last_named or last_subject
        outsider, np_start = "", body_start  # "a wedding party orders her roses": no one of the cast does it
        if subject is None and not said and start not in told_of and not lead.endswith("who") \
                and not (body_start > start and tokens.words[body_start - 1] in _PRONOUN_SUBJECT):
            verb_at = _outsider(tokens, body_start, end, inside, local)
            if verb_at is not None:
                outsider, body_start = _span(premise, tokens, np_start, verb_at), verb_at
            if outsider and not out and outsider_entry(outsider) is None and \
                    not any(m.key == analysis.hero.key for m in mentions):
                subject, said = analysis.hero.key, True  # "a knight rescues a princess": the story's hero
                intro.setdefault(subject, outsider)
                outsider = ""
        if subject is None and body_start > start and hero_is and other is not None \
                and _GENDER.get(tokens.words[body_start - 1], hero_is) != hero_is:
            subject = other  # "a grandma cat sells her necklace for her grandson's school; he comes home a doctor"
        if subject is None and body_start > start and tokens.words[body_start - 1] in _PRONOUN_SUBJECT \
                and out and analysis.hero.key in (out[-1].actor, out[-1].obj):
            subject = analysis.hero.key  # "a bulldog kicks a calico out; she becomes a baker": the story's hero
        if subject is None and not outsider:
            subject = last_subject
        if subject is None and not outsider:
            continue
        if body_start >= end:  # only a person: it introduces, it tells nothing
            last_named = inside[-1].key if inside else last_named
            last_subject = subject
            continue
        passive, agent = _passive(tokens, body_start, end, inside)
        if not passive and not outsider:  # "is filmed by a passer-by": done to the pet by no one of the cast
            by = _by_outsider(tokens, body_start, end, inside)
            if by is not None:
                passive, outsider = True, _span(premise, tokens, by[0], by[1])
        actor = agent if passive else subject
        obj = subject if passive else next((m.key for m in inside if m.start >= body_start and m.key != subject), None)
        if obj is None and not passive and last_subject not in (None, subject) and any(
                w in _PRONOUN_OBJECT | (_POSSESSIVE if outsider else set()) for w in tokens.words[body_start:end]):
            obj = last_subject  # "the rich persian mocks it": who the story was about
        if obj is None and not passive and subject not in (None, analysis.hero.key) and hero_is and any(
                w in _PRONOUN_OBJECT and _GENDER.get(w) == hero_is for w in tokens.words[body_start:end]):
            obj = analysis.hero.key  # "he comes home a doctor and buys her a new house": her is the grandma
        parts = _parts(premise, tokens, body_start, end, inside)
        verb_end = next((m.start for m in inside if m.start >= body_start), end)
        sep = "" if zh else " "
        verb_start = body_start
        if passive and zh:  # 被客户白猫投诉: the verb comes after the one who does it
            verb_start = next((m.end for m in inside if m.key == agent and m.start >= body_start), body_start)
            verb_end = end
        verb = sep.join(_surface(premise, tokens, i) for i in range(verb_start, verb_end)) if verb_end > verb_start else ""
        if not verb:
            verb = sep.join(_surface(premise, tokens, i) for i in range(verb_start, end))
        text_end = tokens.offsets[end - 1] + len(tokens.words[end - 1])
        events = _keys(local, "events", body_start)
        if zh and not said and not passive and out and out[-1].passive and out[-1].subject == subject \
                and out[-1].actor not in (None, subject) and _wrongs(events):
            # 被最好的朋友背叛，偷走了它的秘方 / 被同学们欺负，把午饭都抢走了: the one who wronged the
            # hero goes on doing wrong; the hero (它) is the one it is done to
            actor, subject, obj = out[-1].actor, out[-1].actor, subject
        among = outsider and outsider_entry(outsider) is None  # "the bakery becomes famous": its words are things
        props, places, nouns, things = _things(premise, tokens, np_start if among else body_start, end, local, inside)
        places = tuple(dict.fromkeys([*(h.key for h in local if h.section == "places" and h.start < start), *places]))
        body = sep.join([*([outsider] if among else []), *(p.text for p in parts if p.key is None)])
        said_where = "".join(h.surface for h in local if h.start < start and h.section == "places")
        asked = tuple(nearest_things(f"{said_where}{sep}{body}" if said_where else body, "zh" if zh else "en"))  # the body names no person: mentions are parts
        said_text = premise[tokens.offsets[start]:text_end].lower()
        asked = tuple(n for n in asked if n.exact or not any(  # "gold necklace": gold describes it, no cash
            m is not n and f"{n.wanted.lower()} {m.wanted.lower()}" in said_text for m in asked))
        if outsider:  # "by a passer-by": the doer is no thing to draw
            asked = tuple(n for n in asked if n.wanted.lower() not in outsider.lower())
            nouns = tuple(n for n in nouns if n.lower() not in outsider.lower())
        named = " ".join(n.wanted.lower() for n in asked)
        nouns = tuple(n for n in nouns if n.lower() not in named)  # what no drawable thing stands for
        things = tuple(dict.fromkeys([*(n.wanted for n in asked), *nouns]))
        out.append(Clause(
            index=len(out), text=premise[tokens.offsets[start]:text_end].strip(), lead=lead, actor=actor,
            subject=subject, said_subject=said, passive=passive, subject_words=intro.get(subject or "", ""), obj=obj if obj != actor else None,
            verb=verb.strip(), parts=parts, events=events, actions=_keys(local, "actions", body_start),
            props=props, places=places, jobs=_keys(local, "jobs", body_start), nouns=nouns, things=things,
            asked=asked, place_words=tuple(dict.fromkeys(h.surface for h in local if h.section == "places"
                                                         and (h.start >= body_start or h.start < start))),
            outsider=outsider, weathers=_keys([h for h in local if h.start >= body_start or h.start < start],
                                              "weathers", 0),
        ))
        if not outsider:
            last_subject = subject
            last_named = inside[-1].key if inside else subject
        other = next((m.key for m in reversed(inside) if m.key != analysis.hero.key), other)
    return out


# ---------------------------------------------------------------------------------------------
# Splitting
# ---------------------------------------------------------------------------------------------


def _join_names(tokens: Tokens, names: set[str]) -> Tokens:
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


_DONE_TO = {"mock", "betray", "steal", "fire", "dump", "frame", "sabotage", "abandon"}  # not lose, lost_pet


def _wrongs(events: tuple[str, ...]) -> bool:
    """A wrong someone does to another (偷走, 欺负, 陷害), not one that befalls (丢了工作, 走丢)."""
    return bool(_DONE_TO & set(events))


def _split_pronouns(tokens: Tokens) -> Tokens:
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


def _last_of(words: tuple[str, ...], i: int) -> bool:
    """最后 that means "the last", not "finally": 把最后一条鱼留给了小猫, 最后的晚餐."""
    after = words[i + 1] if i + 1 < len(words) else ""
    return words[i] == "最后" and (after[:1] in _NUMERALS_ZH or after == "的") and i > 0 and not _PUNCT.fullmatch(words[i - 1])


def _fragments(premise: str, tokens: Tokens) -> list[tuple[str, int, int]]:
    """(lead word, first token, end token) of each fragment."""
    words = tokens.words
    joins = _JOIN_ZH if tokens.chinese else _JOIN_EN
    out: list[tuple[str, int, int]] = []
    lead, start = "", 0
    i = 0
    while i < len(words):
        if _PUNCT.fullmatch(words[i]):  # Chinese punctuation is a token of its own
            if start < i:
                out.append((lead, start, i))
            lead, start = "", i + 1
            i += 1
            continue
        between = premise[tokens.offsets[i - 1] + len(words[i - 1]):tokens.offsets[i]] if i else ""
        joined = next((j for j in joins if tuple(j.split()) == words[i:i + len(j.split())]), None) \
            if not tokens.chinese else (words[i] if words[i] in joins and not _last_of(words, i) else None)
        if i and (_PUNCT.search(between) or joined):
            if start < i:
                out.append((lead, start, i))
            lead, start = "", i
        if joined and start == i:
            size = len(joined.split()) if not tokens.chinese else 1
            lead = f"{lead} {joined}".strip()
            i += size
            start = i
            continue
        i += 1
    if start < len(words):
        out.append((lead, start, len(words)))
    # "who sells umbrellas in the rain is laughed at": the main verb after a relative clause
    split: list[tuple[str, int, int]] = []
    for lead, s, e in out:
        if lead.endswith("who"):  # "who sells dumplings from a cart enters a contest": a second verb after a noun
            cut = next((k for k in range(s + 2, e) if words[k] in _BE or (
                _verb_like(words[k], tokens.chinese) and words[k - 1] not in _STOP and not _verb_like(words[k - 1], False)
                and not words[k].endswith("ed") and k - 1 > s)), None)
            if cut is not None:
                split += [(lead, s, cut), ("", cut, e)]
                continue
        split.append((lead, s, e))
    return split


def _merge_people_only(frags: list[tuple[str, int, int]], mentions: list[_Mention], tokens: Tokens,
                       hits: list[Hit]) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for lead, s, e in frags:
        covered = {i for m in mentions if m.start < e and m.end > s for i in range(m.start, m.end)}
        rest = [i for i in range(s, e) if i not in covered and tokens.words[i] not in _DET
                and tokens.words[i] not in {"的", "和", "与"}]
        people_only = bool(covered) and not rest
        if not people_only and lead == "and" and not tokens.chinese:
            people_only = _joined_object(s, e, mentions, tokens, hits)
        if people_only and out and lead in {"", "and"} and not out[-1][0].endswith("who"):
            plead, ps, _pe = out[-1]
            out[-1] = (plead, ps, e)  # "… by a rich white cat and her dog boyfriend"
            continue
        out.append((lead, s, e))
    return out


_SETTING_ZH = {"里", "中", "上", "在", "的", "那天", "一天", "这天", "有一天", "晚上", "夜里", "那晚", "某天"}


def _setting_only(tokens: Tokens, start: int, end: int, hits: list[Hit]) -> bool:
    """A Chinese fragment that only says where or when ("雨夜里", "在菜市场"): it sets the next clause."""
    covered = {i for h in hits if h.section in {"places", "times", "weathers"} for i in range(h.start, h.end)}
    return bool(covered) and all(i in covered or tokens.words[i] in _SETTING_ZH for i in range(start, end))


def _relatives_zh(frags: list[tuple[str, int, int]], mentions: list[_Mention], tokens: Tokens,
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
        while first < e and words[first] in _DET:
            first += 1
        target = next((m for m in mentions if first < m.start < e and words[m.start - 1] == "的"), None)
        if target is None:
            out.append((lead, s, e))
            continue
        span = range(first, target.start - 1)
        passive = words[first] in _BY
        others = [m for m in mentions if first <= m.start < target.start - 1]
        doing = any(h.section in {"events", "actions", "jobs"} and h.start in span for h in hits)
        owner = bool(others) and others[-1].end == target.start - 1  # "小狗的主人": an owner, not a clause
        if owner or not (passive or (doing and not others)) or len(span) < 1 or target.end >= e:
            out.append((lead, s, e))
            continue
        out.append((lead, first, target.start - 1))
        subjects[first] = target.key
        out.append(("", target.start, e))
    return out, subjects


def _joined_object(start: int, end: int, mentions: list[_Mention], tokens: Tokens, hits: list[Hit]) -> bool:
    """True for "… and her kittens out in the snow": an "and" fragment that starts with a person who
    does nothing (no verb follows the mention) is one more object of the clause before it."""
    words = tokens.words
    first = start
    while first < end and words[first] in _DET:
        first += 1
    mention = next((m for m in mentions if m.start <= first < m.end), None)
    if mention is None:
        return False
    after = mention.end
    if after >= end:
        return True
    word = words[after]
    verb = word in _BE or word in _PRONOUN_SUBJECT or any(
        h.start == after and h.section in {"events", "actions"} for h in hits)
    return not verb and not (word.endswith(("s", "ed")) and word not in _STOP)


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------


def _mentions(analysis: Analysis, tokens: Tokens, hits: list[Hit]) -> list[_Mention]:
    """Every mention of a cast member: its head (breed, species, relation, job, name) widened over
    the article and describing words before it, the job and ``named X`` after it."""
    words = tokens.words
    heads = [h for h in hits if h.section in _PERSON_SECTIONS]
    heads = [h for h in heads if not any(o is not h and o.start <= h.start and h.end <= o.end
                                         and (o.end - o.start) > (h.end - h.start) for o in heads)]
    out: list[_Mention] = []
    used: set[int] = set()
    names = {p.name.lower(): p.key for p in analysis.cast if p.name}
    for i, w in enumerate(words):
        if w in names:
            start = i - 1 if tokens.chinese and i > 0 and words[i - 1] in _NAMING_ZH else i
            start -= int(tokens.chinese and start > 0 and start < i and words[start - 1] in _DET)
            out.append(_Mention(names[w], start, i + 1))  # 一只叫小橘的…: the naming words with it
            used |= set(range(start, i + 1))
    for h in heads:
        if any(h.start <= i < h.end for i in used):
            continue
        person = _who(analysis, h, words)
        if person is None:
            continue
        start, end = h.start, h.end
        while end < len(words) and not _owns(analysis.premise, tokens, end - 1):
            # "corgi waiter", "corgi friend": a job or relation named right after (its own word, not
            # a verb: "the beagle bakes" is not a baker)
            after = next((x for x in hits if x.start == end and x.section in {"jobs", "relations"}
                          and (tokens.chinese or (x.surface in lex_words(x) and not _verb_form(x.surface)))), None)
            if after is None:
                break
            end = after.end
        role = tuple(person.job_words.lower().split()) if not tokens.chinese and not _owns(
            analysis.premise, tokens, end - 1) else ()
        if role and words[end:end + len(role)] == role:
            end += len(role)  # "a snooty siamese florist across the street": the role premise reading found
        elif _unknown_role_noun(tokens, end, hits):
            end += 1  # "a lonely husky fisherman is laughed at": a role the vocabulary does not know
        if end + 1 < len(words) and words[end] in {"named", "called", "名叫", "叫"}:
            end += 2
        if tokens.chinese and end < len(words) and words[end] == "们":
            end += 1  # 同学们: a group, told by its words, never given one pet's name
        if tokens.chinese and end + 1 < len(words) and words[end] == "家" and words[end + 1] == "的":
            end += 1  # 白猫家的大楼: the pet's household owns it, no home is drawn
        end = _with_phrase(analysis.premise, tokens, end, hits)
        while start > 0 and start - 1 not in used and _modifier(words[start - 1], start - 1, hits, tokens):
            start -= 1
        if tokens.chinese and start > 1 and words[start - 1] == "的" and _modifier(words[start - 2], start - 2, hits, tokens):
            start -= 2  # 富有的波斯猫
        start = _describing_run(analysis.premise, tokens, start, used, hits)
        if start > 0 and words[start - 1] in _DET and start - 1 not in used:
            start -= 1
        out.append(_Mention(person.key, start, end))
        used |= set(range(start, end))
    hero = analysis.hero
    if hero.species is None and hero.breed is None and hero.relation is None and not any(m.key == hero.key for m in out):
        job = next((h for h in hits if h.section == "jobs" and h.start <= 2), None)  # "a delivery driver builds …"
        if job is not None:
            start = job.start - 1 if job.start and words[job.start - 1] in _DET else job.start
            out.append(_Mention(hero.key, start, job.end))
    for h in hits:  # someone named by a job ("the head chef"), when the cast has such a person
        if h.section == "jobs" and not any(m.start <= h.start < m.end for m in out):
            person = next((p for p in analysis.cast[1:] if p.words and p.words[0].endswith(h.surface)), None)
            if person is not None:
                start = h.start - 1 if h.start and words[h.start - 1] in _DET else h.start
                out.append(_Mention(person.key, start, h.end))
    out.sort(key=lambda m: m.start)
    # one person named twice in a row ("Mango the ginger cat", "Duchess, a spoiled Persian") is one
    # mention; an owner right before ("Mango's mother") belongs to the mention it owns
    merged: list[_Mention] = []
    for m in out:
        prev = merged[-1] if merged else None
        if prev is not None and prev.end == m.start:
            if prev.key == m.key:
                prev.end = m.end
                continue
            if tokens.words[prev.end - 1] == "的" or _owns(analysis.premise, tokens, prev.end - 1):
                merged[-1] = _Mention(m.key, prev.start, m.end)
                continue
        if prev is not None and prev.key == m.key and tokens.chinese and m.start == prev.end + 1 \
                and tokens.words[prev.end] == "的" and tokens.words[prev.end - 1] in names:
            prev.end = m.end  # 叫小橘的橘猫: the name and the pet it names are one mention
            continue
        merged.append(m)
    return merged


_PARTNERS = {"girlfriend", "boyfriend", "wife", "husband"}  # whom "his ex" may be
_NP_WORDS = {"whole", "entire", "big", "old", "little", "new", "tiny", "small", "local", "young"}


def _outsider(tokens: Tokens, i: int, end: int, inside: list[_Mention], hits: list[Hit]) -> int | None:
    """Where the verb starts when the clause opens with a doer who is none of the cast ("a wedding
    party orders …", "the whole town cheers", "村民们都来买"): one of ``clauses.json``'s outsiders, or
    in English any article and up to three words that are no person, followed by a verb."""
    words = tokens.words
    people = {k for m in inside for k in range(m.start, m.end)}
    if tokens.chinese:
        text = "".join(words[i:end])
        said = [w for e in clause_data()["outsiders"] for w in e["zh"] if text.startswith(w)]
        if not said:
            return None
        k, length = i, 0
        while k < end and length < len(max(said, key=len)):
            length += len(words[k])
            k += 1
        return k if k < end and not people & set(range(i, k)) else None
    k = i + (1 if i < end and words[i] in _DET | {"all"} else 0)
    for n in (3, 2, 1):  # an outsider of the table: any verb may follow ("the villagers laugh")
        span = words[k:k + n]
        if len(span) == n and k + n < end and outsider_entry(" ".join(words[i:k + n])) is not None \
                and not people & set(range(i, k + n)) and words[k + n].isalpha() and words[k + n] not in _DET:
            return k + n
    if k == i:
        return None  # an unknown doer is said with its article ("a stranger", "the bakery")
    events = {j for h in hits if h.section in {"events", "actions"} for j in range(h.start, h.end)}
    for v in range(k + 1, min(k + 4, end)):
        noun = words[k:v]
        if any(j in people or j in events for j in range(k, v)) or any(
                not w.isalpha() or (w in _STOP and w not in _NP_WORDS) or w.endswith("ly") for w in noun):
            return None
        w = words[v]
        if w in _BE or v in events or (len(w) > 3 and w.isalpha() and w not in _STOP and w.endswith("s")
                                       and not w.endswith(("ss", "ous")) and not noun[-1].endswith("s")):
            return v
    return None


_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f", "hers": "f"}


def _by_outsider(tokens: Tokens, start: int, end: int, inside: list[_Mention]) -> tuple[int, int] | None:
    """The span after "by" of a doer outside the cast ("is filmed by a passer-by"), if any."""
    words = tokens.words
    for k in range(start + 1, end):
        if words[k] not in _BY or words[k - 1] in {"one", "step", "side", "day"}:
            continue
        for n in (4, 3, 2, 1):
            if k + 1 + n <= end and outsider_entry(" ".join(words[k + 1:k + 1 + n])) is not None and not any(
                    k < m.start <= k + n for m in inside):
                return k + 1, k + 1 + n
    return None


def _hero_gender(analysis: Analysis, tokens: Tokens, mentions: list[_Mention]) -> str:
    """"m", "f" or "": the first he/she/his/her after the hero is named and before anyone else is."""
    if tokens.chinese:
        return ""
    first = next((m for m in mentions if m.key == analysis.hero.key), None)
    if first is None:
        return ""
    stop = next((m.start for m in mentions if m.start > first.start and m.key != analysis.hero.key), len(tokens.words))
    return next((_GENDER[w] for w in tokens.words[first.end:stop] if w in _GENDER), "")


def _with_phrase(premise: str, tokens: Tokens, end: int, hits: list[Hit]) -> int:
    """Where a mention ends when "with" and what the pet has follow it before its verb ("a tiny
    chihuahua with a big voice is booed"): up to five plain words, then a verb."""
    words = tokens.words
    if tokens.chinese or end >= len(words) or words[end] != "with":
        return end
    people = {j for h in hits if h.section in _PERSON_SECTIONS for j in range(h.start, h.end)}
    for k in range(end + 2, min(end + 7, len(words))):
        if k - 1 in people or _PUNCT.search(premise[tokens.offsets[k - 1]:tokens.offsets[k]]):
            return end
        if words[k] in _BE or (_verb_like(words[k], False) and words[k] not in _STOP):
            return k
    return end


def _describing_run(premise: str, tokens: Tokens, start: int, used: set[int], hits: list[Hit]) -> int:
    """Where a mention starts when describing words the vocabulary does not know stand between it
    and its article ("A lonely old basset hound"): up to four plain words, no punctuation between."""
    words = tokens.words
    if tokens.chinese:
        return start
    known = {j for h in hits if h.section not in {"traits", "colours"} for j in range(h.start, h.end)}
    k = start
    while k > 0 and start - k < 4 and k - 1 not in used and k - 1 not in known:
        w = words[k - 1]
        between = premise[tokens.offsets[k - 1] + len(w):tokens.offsets[k]]
        if _PUNCT.search(between) or not re.fullmatch(r"[a-z][a-z-]*", w) or w in _PRONOUN_SUBJECT \
                or w in _JOIN_EN or (w in _STOP and w not in _NP_WORDS) or _verb_like(w, False):
            break
        k -= 1
    if k < start and k > 0 and words[k - 1] in _DET and k - 1 not in used \
            and not _PUNCT.search(premise[tokens.offsets[k - 1] + len(words[k - 1]):tokens.offsets[k]]):
        return k - 1
    return start


def _verb_form(phrase: str) -> bool:
    """"delivers food", "bakes", "cleaned": a phrase that starts with a verb form, not a noun ("boss")."""
    first = phrase.split()[0] if phrase.split() else ""
    return (first.endswith("s") and not first.endswith("ss")) or first.endswith(("ed", "ing"))


def _unknown_role_noun(tokens: Tokens, i: int, hits: list[Hit]) -> bool:
    """True when word ``i``, right after a person's head, is a noun the vocabulary does not know that
    names the person's role (English): not a stop word, not a verb form itself, and a verb follows."""
    words = tokens.words
    if tokens.chinese or i + 1 >= len(words) or any(h.start <= i < h.end for h in hits):
        return False
    word, then = words[i], words[i + 1]
    if word in _STOP or word in _JOIN_EN or word.endswith(("s", "ed", "ing", "ly")) or not word.isalpha():
        return False
    return then in _BE or then in {"who", "has", "had", "loves", "wants", "dreams"} or any(
        h.start == i + 1 and h.section in {"events", "actions"} for h in hits) or (
        then.endswith("s") and then not in _STOP and len(then) > 3)


def _owns(premise: str, tokens: Tokens, i: int) -> bool:
    """The English word at ``i`` is followed by ``'s``."""
    if tokens.chinese or i < 0:
        return False
    return premise[tokens.offsets[i] + len(tokens.words[i]):][:2] in {"'s", "’s"}


def lex_words(hit: Hit) -> list[str]:
    """The vocabulary entry's own English words for a hit (not their inflections)."""
    return list(lexicon().entry(hit.section, hit.key).get("en", []))


def _modifier(word: str, i: int, hits: list[Hit], tokens: Tokens) -> bool:
    """A describing word right before a person: a trait, colour or job, or an unknown adjective."""
    if any(h.start <= i < h.end and h.section in {"traits", "colours", "jobs"} for h in hits):
        return True
    if tokens.chinese:
        return False
    known = any(h.start <= i < h.end for h in hits)
    return not known and word not in _STOP and word not in _PRONOUN_SUBJECT and bool(re.fullmatch(r"[a-z-]+", word)) \
        and i > 0 and tokens.words[i - 1] in _DET | {"very", "so"}


def _who(analysis: Analysis, head: Hit, words: tuple[str, ...]) -> Person | None:
    """The cast member a person word refers to (breed, relation, species, colour agree best)."""
    lex = lexicon()
    best, score = None, 0
    for p in analysis.cast:
        s = 0
        if head.section == "breeds":
            if p.breed == head.key:
                s += 6
            elif p.species == lex.entry("breeds", head.key)["species"] and p.breed is None:
                s += 2
        elif head.section == "relations":
            s += 6 if p.relation == head.key else 5 if head.key == "ex" and p.relation in _PARTNERS else 0
        elif head.section == "species":
            if p.species == head.key:
                s += 2
                s += 2 * any(head.surface in w for w in p.words)
        if p.words and head.surface in p.words[0]:
            s += 1
        before = words[head.start - 1] if head.start > 0 else ""
        if before and p.words and f"{before}{head.surface}" in p.words[0].replace(" ", "") \
                and before not in _DET and before not in _STOP:
            s += 3  # "被富家狗欺负": the rich dog, not the hero "小狗" (both are dogs)
        if s > score:
            best, score = p, s
    return best


def _subject(premise: str, tokens: Tokens, start: int, end: int, inside: list[_Mention],
             hits: list[Hit]) -> tuple[str | None, bool, int]:
    """(subject key, named here, token where the rest starts): a person at the clause's start, a
    pronoun (the subject carries on), or nobody (the previous subject carries on)."""
    words = tokens.words
    i = start
    while i < end and words[i] in {"one", "day", "morning", "later", "soon", "eventually", "finally", "once",
                                   "everyday", "years", "months", "一天", "某天", "有一天", "终于", "最后", "后来"}:
        i += 1
    first = inside[0] if inside else None
    if tokens.chinese and i < end and words[i] in _BY and first is not None and first.start == i + 1:
        return None, False, i  # "被豪门白猫羞辱": the one it befalls carries on; 被 starts the passive
    while first is not None and i < first.start and (words[i] in _DET or _owns(premise, tokens, i)):
        i += 1  # "the villain's husky bodyguard Koda"
    if first is not None and first.start <= i + 1 and not any(
            h.section in {"events", "actions"} and i <= h.start < first.start for h in hits) \
            and not (first.start == i + 1 and _verb_like(words[i], tokens.chinese)):
        return first.key, True, first.end
    if i < end and words[i] in _PRONOUN_SUBJECT:
        return None, False, i + 1
    return None, False, i


_NOT_VERBS = {"always", "sometimes", "perhaps", "afterwards", "towards", "nowadays", "meanwhile", "thus", "yes"}


def _verb_like(word: str, chinese: bool) -> bool:
    """An English word that reads as the clause's verb ("rescues an old cat", "carried a kitten"): the
    person after it is its object, not the clause's subject."""
    if chinese or word in _NOT_VERBS or word in _DET:
        return False
    return bool(re.fullmatch(r"[a-z]{2,}(?:[^su']s|ies|ed)", word))


def _passive(tokens: Tokens, start: int, end: int, inside: list[_Mention]) -> tuple[bool, str | None]:
    words = tokens.words
    for k in range(start, end):
        if words[k] in _BY:
            agent = next((m for m in inside if k < m.start <= k + 5 or (m.start <= k + 1 < m.end)), None)
            if agent is not None:
                return True, agent.key
    return False, None


def _parts(premise: str, tokens: Tokens, start: int, end: int, inside: list[_Mention]) -> tuple[Part, ...]:
    """The clause from ``start`` as text (one token each) and person mentions."""
    out: list[Part] = []
    i = start
    while i < end:
        m = next((m for m in inside if m.start == i), None)
        if m is not None:
            out.append(Part(_span(premise, tokens, m.start, m.end), m.key))
            if _owns(premise, tokens, m.end - 1):
                out.append(Part("'s"))  # "her grandson's school": the mention owns what follows
            i = m.end
            continue
        owned = "'s" if _owns(premise, tokens, i) else ""  # "her grandson's school"
        out.append(Part(_surface(premise, tokens, i) + owned))
        i += 1
    return tuple(out)


def _surface(premise: str, tokens: Tokens, i: int) -> str:
    return premise[tokens.offsets[i]:tokens.offsets[i] + len(tokens.words[i])]


def _span(premise: str, tokens: Tokens, start: int, end: int) -> str:
    """The premise's words from token ``start`` to ``end`` (commas kept, symbols and emoji left out)."""
    raw = premise[tokens.offsets[start]:tokens.offsets[end - 1] + len(tokens.words[end - 1])]
    return " ".join(re.sub(r"[^\w\s,'’\-\u3400-\u9fff]", " ", raw).split())


def _keys(hits: list[Hit], section: str, start: int) -> tuple[str, ...]:
    return tuple(dict.fromkeys(h.key for h in hits if h.section == section and h.start >= start))


# ---------------------------------------------------------------------------------------------
# Things
# ---------------------------------------------------------------------------------------------


def _of_phrase(words: tuple[str, ...], i: int) -> bool:
    """The word is part of a preposition ending in "of" ("in front of everyone", "on top of", "instead
    of", "because of", "in the middle of"): it names no thing to draw."""
    if i + 1 >= len(words) or words[i + 1] != "of":
        return False
    if words[i] in {"middle", "centre", "center"} and i > 1 and words[i - 1] == "the" and words[i - 2] == "in":
        return True  # "in the middle of the party"
    return (i > 0 and words[i - 1] in {"in", "on"}) or words[i] in {"instead", "because", "ahead", "regardless"}


def _things(premise: str, tokens: Tokens, start: int, end: int, hits: list[Hit],
            inside: list[_Mention]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(props, places, unknown nouns, every asked thing in the premise's words) after ``start``.

    A prop or place word keeps the unknown describing words just before it ("flying umbrella",
    "fancy restaurant"); a run of unknown words not followed by a known thing is a noun of its own
    ("food truck"). The first word after the subject is the verb, never a thing."""
    words = tokens.words
    people = {i for m in inside for i in range(m.start, m.end)}
    known = {i: h for h in hits for i in range(h.start, h.end)}
    zh = tokens.chinese
    sep = "" if zh else " "
    props: list[str] = []
    places: list[str] = []
    nouns: list[str] = []
    things: list[str] = []
    run: list[int] = []
    first_word = start
    while first_word < end and (words[first_word] in _STOP or first_word in people):
        first_word += 1

    def flush(head: Hit | None) -> None:
        text = sep.join(_surface(premise, tokens, k) for k in run)
        if head is not None:
            things.append(f"{text}{sep}{head.surface}".strip() if text else head.surface)
        elif text and not zh:
            nouns.append(text)
            things.append(text)
        run.clear()

    i = start
    while i < end:
        h = known.get(i)
        if i in people:
            run.clear()
            i += 1
            continue
        if h is not None and h.section in _THING_SECTIONS and h.start == i:
            (props if h.section == "props" else places).append(h.key)
            flush(h)
            i = h.end
            continue
        w = words[i]
        plain = h is None and w not in _STOP and i != first_word and words[i - 1] != "to" and re.fullmatch(r"[a-z][a-z-]*", w) is not None \
            and not _of_phrase(words, i)
        if plain and len(w) >= 3:
            run.append(i)
        elif h is not None and run:
            run.clear()  # "a faster delivery company": words before a known one describe it
        else:
            flush(None)
        i += 1
    flush(None)
    return tuple(dict.fromkeys(props)), tuple(dict.fromkeys(places)), tuple(dict.fromkeys(nouns)), \
        tuple(dict.fromkeys(things))
