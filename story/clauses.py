"""The premise read as ordered event clauses, English and Chinese. Pure.

``clauses(analysis) -> list[Clause]`` splits the premise at punctuation and at the words that join
events (and, then, but, until, who, so, finally …; ，然后 最后 结果 却 于是 后来 …) and reads each
clause: who does it (a cast key of ``Analysis.cast``; a clause with no subject inherits the previous
subject, "who" refers to the person just named (and where another pet's "who" clause comes before its main verb, "the fox
who mocked her comes to eat there", it only says who that pet is: the main verb is the clause), "is laughed at by X" / "被X…" makes X the actor),
the verb phrase in the premise's own words, the person it is done to, the vocabulary hits (events,
actions, props, places, jobs) and the concrete nouns the vocabulary does not know ("food truck").

A fragment that only names people ("and her dog boyfriend", "a spoiled Persian") is not an event:
it joins the clause before it. Each clause keeps its words as ``parts``: plain text and person
mentions (cast keys), so a writer can say it again with the cast's names.

The reading is done in parts: ``story.fragments`` (cutting), ``story.mentions`` (who is named),
``story.roles`` (who does it, to whom), ``story.nouns`` (the things named), on the words of
``story.clausewords``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from story.affairs import with_affairs
from story.analysis import Person, per_analysis
from story.buying import not_in_goal, said_for_school
from story.clausewords import (
    DET,
    GENDER,
    NEGATED,
    POSSESSIVE,
    PRONOUN_OBJECT,
    PRONOUN_SUBJECT,
    STOP,
    aside_zh,
    clause_data,
    coat_said_zh,
    described_after,
    keys_of,
    outsider_entry,
    owns,
    span_text,
    surface,
)
from story.fragments import (
    became_then_zh,
    deed_then_passive_zh,
    described_subject_zh,
    fragments,
    join_names,
    merge_people_only,
    relatives_zh,
    setting_only,
    split_pronouns,
    told_then_zh,
)
from story.holidays import calendar_day, holiday_said
from story.labels import called_hits, label_spans, unlabelled
from story.lexicon import Hit, Tokens, in_context, lexicon
from story.mentions import OTHER_GENDER as _OTHER
from story.mentions import Mention, find_mentions, gender_of, hero_gender, hero_partner
from story.nearest import Nearest
from story.nearest import things as nearest_things
from story.nouns import clause_things, where_from
from story.premise import Analysis
from story.putdowns import putdown_hits
from story.quoted import quote_spans, quotes_whole
from story.roles import (
    TOWARD_ZH,
    by_outsider,
    outsider_named,
    outsider_verb,
    partner_owner,
    passive_agent,
    read_subject,
    wrongs,
)

__all__ = ["Clause", "Part", "clause_data", "clauses", "outsider_entry"]

_BECAME_LEAD = re.compile(r"\b(?:now|later|finally|eventually|today|someday)$", re.I)  # a time jump said before it
_IS = re.compile(r"(?:is|'s|’s|are|was)\s+(?!not\b|never\b|still\b|no\b|\w+ing\b)\S", re.I)  # "is the CEO", never "is not"
_MADE_IT = {("relations", "boss"), ("traits", "rich"), ("traits", "famous")}  # a job, the boss, rich or famous
_SHE_IS = re.compile(r"(?:she|he|it)(?:'s|’s)\s+(?!not\b|never\b|still\b|no\b|\w+ing\b)\S|they(?:'re|’re)\s+(?!not\b)\S", re.I)

_GROWN = re.compile(r"(?:the|his|her|their)\s+(?:now[- ])?(?:grown|grown-up|full-grown|fully grown|adult)\s+\w", re.I)

_DAY_SECTIONS = frozenset({"props", "times", "weathers"})  # what a day of the calendar said before a clause brings
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
    obj_actions: tuple[str, ...] = ()  # the state the one it is done to is said in before its name ("takes in a
    # shivering stray kitten", 收养了一只发抖的小猫): the kitten shivers, not the one taking it in

    @property
    def people(self) -> tuple[str, ...]:
        return tuple(k for k in (self.actor, self.obj) if k)


@per_analysis
def clauses(analysis: Analysis) -> list[Clause]:
    """The premise's events in order, one ``Clause`` each."""
    # 1. Tokens, vocabulary hits, who each person mention is.
    lex = lexicon()
    premise = _MARKUP.sub(lambda m: " " * len(m.group(0)), analysis.premise)  # "<b>", "&amp;": not story words
    tokens = lex.tokenize(premise)
    keep = [i for i, w in enumerate(tokens.words) if _WORDLIKE.search(w)
            and not (tokens.chinese and re.fullmatch(r"[a-z]", w) and w not in _names(analysis))]  # CEO, App stay
    tokens = Tokens(tuple(tokens.words[i] for i in keep), tuple(tokens.offsets[i] for i in keep), tokens.chinese)
    if tokens.chinese:
        tokens = split_pronouns(join_names(tokens, _names(analysis)))
    labels = label_spans(premise)
    hits = not_in_goal(unlabelled(in_context(lex.find_tokens(tokens), tokens), labels), premise)  # saved for college
    hits = with_affairs(hits, tokens, at_deed=True)  # "his wife runs off with a rich Persian": the dump it is
    hits += called_hits(premise, tokens, labels, hits)
    hits += putdown_hits(premise, tokens, hits)
    zh = tokens.chinese
    mentions = find_mentions(analysis, tokens, hits)
    # 2. Fragments at punctuation and joining words; person-only fragments join the one before.
    frags = fragments(premise, tokens)
    frags = merge_people_only(frags, mentions, tokens, hits)
    frags = described_subject_zh(frags, mentions, tokens)
    frags, told_of = relatives_zh(frags, mentions, tokens, hits)
    frags = deed_then_passive_zh(frags, mentions, tokens, hits)
    frags = told_then_zh(frags, tokens)
    frags = became_then_zh(frags, tokens, hits)  # 成了消防员救了小女孩一家: the becoming, then the deed
    frags = quotes_whole(frags, tokens.offsets, quote_spans(premise))  # a quote's words: never two clauses
    # 3. Each fragment read as a clause: subject (said, inherited, "who"), passive, object, verb, things.
    out: list[Clause] = []
    last_subject: str | None = analysis.hero.key
    last_named: str | None = None
    intro: dict[str, str] = {}  # the premise's words where each person is first named
    for m in mentions:
        intro.setdefault(m.key, span_text(premise, tokens, m.start, m.end))
    setting: tuple[str, list[Hit]] | None = None  # "雨夜里，": where and when the next clause happens
    hero_is = hero_gender(analysis, tokens, mentions)
    couple = hero_partner(analysis)  # the hero's partner: he or she may name it
    other: str | None = None  # the last one named who is not the hero
    ends_who = {e for lead, _s, e in frags if lead.endswith("who") and not zh}
    main_starts = {s for lead, s, _e in frags if not lead and s in ends_who}
    for lead, start, end in frags:
        main_after_who = not lead and start in ends_who  # "the fox who mocked her | comes to eat there"
        inside = [m for m in mentions if start <= m.start < end]
        local = [h for h in hits if start <= h.start < end and not (  # "won't forgive him": no forgiving
            h.section in {"events", "actions"} and NEGATED.search(premise[tokens.offsets[start]:h.pos]))]
        if zh and not lead and aside_zh(span_text(premise, tokens, start, end), start == frags[0][1]):
            continue  # 校园霸凌, 泪目: the story's tag or the typist's comment, never told as a deed
        if zh and not inside and setting_only(tokens, start, end, local):
            setting = ("".join(surface(premise, tokens, i) for i in range(start, end)), local)
            continue
        if setting is not None:
            lead, local = f"{lead}{setting[0]}", [*setting[1], *local]
            setting = None
        said_day = holiday_said(lead) if not zh else 0  # "christmas eve a stray kitten…": the tree, the snow, the night
        if said_day and start >= said_day:
            local = [*(h for h in hits if start - said_day <= h.start < start and h.section in _DAY_SECTIONS), *local]
        subject, said, body_start = read_subject(premise, tokens, start, end, inside, local)
        if start in told_of:  # "被同学嘲笑的胖橘猫…": what the pet named after 的 does or suffers
            subject, said = told_of[start], False
        thing_before = lead == "who" and not said and not zh and start >= 3 and \
            tokens.words[start - 1] == "who" and tokens.words[start - 2] not in STOP and \
            not any(m.end == start - 1 for m in mentions)  # "catches the thief who robbed the bank"
        np_before = next((k for k in range(start - 3, max(start - 6, -1), -1) if tokens.words[k] in DET), None) \
            if thing_before else None
        if lead == "who" and not said and np_before is None:
            subject = last_named or last_subject
            if end in main_starts and subject not in (None, analysis.hero.key) and (out or analysis.hero.words or not any(
                    h.section == "events" and lex.entry("events", h.key)["kind"] == "wrong" for h in local)):
                # "… and the rich fox who mocked her comes to eat there": the relative clause only says who the
                # fox is; the fox's deed now is the clause after it (told first of a hero said only as "her", the
                # wrong is the story's start)
                intro[subject or ""] = f"{intro.get(subject or '', '')} who {span_text(premise, tokens, start, end)}".strip()
                last_named = last_subject = subject
                continue
        outsider, np_start = "", body_start  # "a wedding party orders her roses": no one of the cast does it
        if np_before is not None:  # the one named before "who" is no one of the cast: the deed is theirs
            outsider, subject = span_text(premise, tokens, np_before, start - 1), None
        if subject is None and not said and start not in told_of and not lead.endswith("who") and not main_after_who \
                and not (body_start > start and tokens.words[body_start - 1] in PRONOUN_SUBJECT):
            verb_at = outsider_verb(tokens, body_start, end, inside, local)
            if verb_at is not None:
                np_start -= int(np_start > start and tokens.words[np_start - 1] in DET)  # "a kind family"
                outsider, body_start = span_text(premise, tokens, np_start, verb_at), verb_at
                named = outsider_named(outsider, tokens, mentions)  # 还给了失主狗，失主送了它…: that dog
                if named is not None:
                    outsider, subject, said = "", named, True
            if outsider and not out and outsider_entry(outsider) is None and \
                    not any(m.key == analysis.hero.key for m in mentions):
                subject, said = analysis.hero.key, True  # "a knight rescues a princess": the story's hero
                intro.setdefault(subject, outsider)
                outsider = ""
        pronoun = GENDER.get(tokens.words[body_start - 1], "") if subject is None and body_start > start else ""
        if pronoun and hero_is and other is not None and pronoun != hero_is:
            subject = next((p.key for p in analysis.cast if p.key == couple and gender_of(p) in ("", pronoun)), None) \
                or next((p.key for p in analysis.cast if p.relation and p.key != analysis.hero.key and lex.entry(
                    "relations", p.relation).get("gender") == pronoun), other)
            # "a grandma cat sells her necklace for her grandson's school; he comes home a doctor"; "…'s boyfriend
            # dumps her for a rich white cat, … and he begs her to come back": the boyfriend, not the cat; "the
            # poodle leaves her poor husband for a rich bulldog … and she regrets it": the poodle, his wife
        elif pronoun and pronoun == hero_is and last_subject not in (None, analysis.hero.key) and any(
                p.key == last_subject and (gender_of(p) or ("" if p.key != couple else _OTHER[hero_is])) not in ("", hero_is)
                for p in analysis.cast):
            subject = analysis.hero.key  # "the tabby's wife runs off with a rich Persian, he raises their kittens
            # alone": he is the tabby, not the wife who left; 女朋友…离开了他，他努力开了一家面馆
        if subject is None and not outsider and body_start > start and tokens.words[body_start - 1] in _THEY \
                and len(analysis.cast) == 1:  # "his relatives laugh at him …, and they are speechless": the many
            outsider = next((c.outsider for c in reversed(out) if c.outsider and (  # of the story, not its hero
                (outsider_entry(c.outsider) or {}).get("group") or "mock" in c.events)), "") \
                or ("they" if not zh and not _many(analysis, analysis.hero.key) else "")  # "yells at the interns
            # and they quit": they, never the hero alone
        if subject is None and not outsider and body_start > start and tokens.words[body_start - 1] in _THEY \
                and out and out[-1].actor not in (None, analysis.hero.key) and _many(analysis, out[-1].actor):
            subject = out[-1].actor  # "the rich cats laugh at the tabby; the next day they find out…": the cats
        if subject is None and not outsider and body_start > start and tokens.words[body_start - 1] in _THEY \
                and out and out[-1].obj not in (None, analysis.hero.key) and _many(analysis, out[-1].obj):
            subject = out[-1].obj  # "asks the cool dogs to play but they say no": the cool dogs, never the hero
        if subject is None and not outsider and not zh and pronoun and out and out[-1].actor not in (
                None, analysis.hero.key) and _DIES.search(out[-1].verb):
            subject = analysis.hero.key  # "her owner gets sick and dies, and she waits at the door": the one left
        if subject is None and not outsider and body_start > start and tokens.words[body_start - 1] in PRONOUN_SUBJECT \
                and out and analysis.hero.key in (out[-1].actor, out[-1].obj):
            subject = analysis.hero.key  # "a bulldog kicks a calico out; she becomes a baker": the story's hero
        if subject is None and not outsider and not zh and lead == "and" and out and out[-1].outsider \
                and not out[-1].passive and body_start == start:
            outsider = out[-1].outsider  # "the whole audience stands up and claps": they clap, not the hero
        said_pronoun = not said and not zh and body_start > start and GENDER.get(tokens.words[body_start - 1], "")
        if said_pronoun and not outsider:  # "…; when the cat goes bankrupt she comes back": the one who left
            subject = _back_after_when(out, " ".join(tokens.words[body_start:end]), analysis.cast,
                                       said_pronoun) or subject
        if subject is None and not said and not outsider and not zh and out and start >= 2 \
                and tokens.words[start - 1] in _THEN_EN and GENDER.get(tokens.words[start - 2], ""):
            subject = _back_after_when(out, " ".join(tokens.words[body_start:end]), analysis.cast,
                                       GENDER[tokens.words[start - 2]])  # "…until one day he finally comes back"
        if subject is None and not outsider:
            subject = last_subject
        if subject is None and not outsider:
            continue
        if described_after(body_start, tokens, hits, {end})[0] >= end or tokens.chinese and coat_said_zh(
                "".join(tokens.words[body_start:end]), whole=True):  # "a dog, black and tiny,", 金毛，毛是黑色的: its looks
            body_start = end
        if body_start >= end:  # only a person: it introduces, it tells nothing
            last_named = inside[-1].key if inside else last_named
            last_subject = subject
            continue
        passive, agent = passive_agent(tokens, body_start, end, inside)
        if not passive and not outsider:  # "is filmed by a passer-by": done to the pet by no one of the cast
            by = by_outsider(tokens, body_start, end, inside)
            if by is not None:
                passive, outsider = True, span_text(premise, tokens, by[0], by[1])
        actor = agent if passive else subject
        obj = subject if passive else next((m.key for m in inside if m.start >= body_start and m.key != subject), None)
        if zh and not passive and obj is not None:  # 抓住了偷走主人钱包的小偷: the one after 的 is the one caught
            obj = _head_after_de(tokens.words, [m for m in inside if m.start >= body_start and m.key != subject], obj)
        told_to = next((k for k in range(body_start, end) if tokens.words[k] in PRONOUN_OBJECT), end)
        if not passive and told_to < end and not any(body_start <= m.start < told_to for m in inside) and any(
                p.key == subject != analysis.hero.key and p.of == analysis.hero.key for p in analysis.cast):
            obj = analysis.hero.key  # "the golden retriever's boyfriend dumps her for a rich white cat": her, its own
            hero_is = hero_is or GENDER.get(tokens.words[told_to], "")  # and "he begs her to come back" is his
        caught_outsider = bool(out) and "steal" in out[-1].events and (bool(out[-1].outsider) or _ROBBED.search(
            out[-1].verb) is not None) and _CATCHES.search(" ".join(tokens.words[body_start:end])) is not None
        if obj is None and not passive and last_subject not in (None, subject) and not caught_outsider and any(
                (w in PRONOUN_OBJECT | (POSSESSIVE if outsider else set()) and tokens.words[k + 1:k + 2] != ("own",))
                or w in POSSESSIVE and tokens.words[k - 1] == "at" for k, w in enumerate(tokens.words[body_start:end],
                                                                                           body_start)):
            obj = last_subject  # "the rich persian mocks it", "the other dogs laugh at his belly": who the story
            # was about ("she starts her own company": her own is no one done to)
        if obj is None and not passive and lead == "who" and subject not in (None, analysis.hero.key) and any(
                w in PRONOUN_OBJECT for w in tokens.words[body_start:end]):
            obj = analysis.hero.key  # "the poodle who laughed at him": the story's hero
        if obj is None and not passive and subject not in (None, analysis.hero.key) and hero_is and any(
                w in PRONOUN_OBJECT and GENDER.get(w) == hero_is for w in tokens.words[body_start:end]):
            obj = analysis.hero.key  # "he comes home a doctor and buys her a new house": her is the grandma
        if obj is None and not passive and not said and subject not in (None, analysis.hero.key) and len(out) >= 2 \
                and out[-1].subject == subject and out[-2].subject not in (None, subject) and not out[-1].passive \
                and tokens.words[end - 1] in PRONOUN_OBJECT:
            obj = out[-2].subject  # "a cat is stuck in a tree, a firefighter climbs up and rescues her": her, the cat
        if not passive and not analysis.hero.words and subject != analysis.hero.key and any(
                w in PRONOUN_OBJECT | POSSESSIVE for w in tokens.words[body_start:end]):
            obj = analysis.hero.key  # "her sister tells the owner lies about her", "takes his food truck": the hero
            # no mention names
        parts = _parts(premise, tokens, body_start, end, inside)
        verb_start = _co_subjects(tokens, body_start, end, inside) if not passive else body_start
        if verb_start > body_start:  # "Coco and Pepper find a lost kitten": the kitten is found, with Pepper
            obj = next((m.key for m in inside if m.start >= verb_start and m.key != subject), obj)
        verb_end = next((m.start for m in inside if m.start >= verb_start), end)
        sep = "" if zh else " "
        if passive and zh:  # 被客户白猫投诉: the verb comes after the one who does it
            verb_start = next((m.end for m in inside if m.key == agent and m.start >= body_start), body_start)
            verb_end = end
        verb = sep.join(surface(premise, tokens, i) for i in range(verb_start, verb_end)) if verb_end > verb_start else ""
        if not verb or (zh and (verb in TOWARD_ZH or verb in _HOLD_ZH)):  # 向同学道歉了: the verb comes after to
            # whom; 把小狗关起来了: after what it is done to
            verb = sep.join(surface(premise, tokens, i) for i in range(verb_start, end))
        text_end = tokens.offsets[end - 1] + len(tokens.words[end - 1])
        described = [] if passive else said_of_object(local, tokens, body_start, end, inside, obj)
        events = keys_of(local, "events", body_start)
        if not zh and not events and _BECAME_LEAD.search(lead) and (_IS.match(verb) or _SHE_IS.match(
                premise[tokens.offsets[start]:text_end])) and any(h.start >= body_start and (
                h.section == "jobs" or (h.section, h.key) in _MADE_IT) for h in local):
            events = ("become",)  # "… and now she's the CEO", "5 years later he is famous": what it became
        if zh and obj is not None and obj != subject:  # 警察叔叔帮走丢的小狗找到家: how the one helped is, no event
            told = {h.key for h in local if h.section == "events" and h.key == "lost_pet" and h.start >= body_start
                    and tokens.words[h.end:h.end + 1] == ("的",)
                    and any(m.key == obj and m.start == h.end + 1 for m in inside)}
            events = tuple(e for e in events if e not in told or sum(
                h.key == e for h in local if h.section == "events" and h.start >= body_start) > 1)
        if "work_hard" in events and rescued(tokens.words, body_start, end, inside):
            events = tuple(e for e in events if e != "work_hard")  # "saves him from the storm": a rescue, no saving up
        obj = partner_owner(analysis.cast, obj, actor, events)  # "steals his best friend's girlfriend": the friend
        if zh and not said and not passive and out and out[-1].passive and out[-1].subject == subject \
                and out[-1].actor not in (None, subject) and wrongs(events):
            # 被最好的朋友背叛，偷走了它的秘方 / 被同学们欺负，把午饭都抢走了: the one who wronged the
            # hero goes on doing wrong; the hero (它) is the one it is done to
            actor, subject, obj = out[-1].actor, out[-1].actor, subject
        among = outsider and outsider_entry(outsider) is None  # "the bakery becomes famous": its words are things
        props, places, nouns, things = clause_things(premise, tokens, np_start if among else body_start, end, local, inside)
        before = [h for h in local if h.section == "places" and (  # said before it, or where its pets are from
            h.start < start or h.start < body_start and not zh and where_from(tokens.words, h))]
        places = tuple(dict.fromkeys([*(h.key for h in before), *places]))
        days = [h for h in local if h.section == "props" and h.start < body_start and calendar_day(h.surface)]
        props = tuple(dict.fromkeys([*(h.key for h in days), *props]))  # 新年夜小狗…, "christmas eve a kitten…": its sign
        spoken = {h.surface.lower() for h in local if h.section == "events" and h.key == "mock"} | {
            premise[a:b].lower() for a, b in labels if tokens.offsets[start] <= a < text_end}  # "called", "lazy"
        nouns = tuple(n for n in nouns if n.lower() not in spoken)  # a put-down's words are said, not drawn
        body = sep.join([*([outsider] if among else []), *(p.text for p in parts if p.key is None
                                                           and p.text.lower() not in spoken)])
        said_where = sep.join(h.surface for h in [*days, *before]) if not zh else "".join(h.surface for h in [*days, *before])
        asked = tuple(nearest_things(f"{said_where}{sep}{body}" if said_where else body, "zh" if zh else "en"))  # the body names no person: mentions are parts
        said_text = premise[tokens.offsets[start]:text_end].lower()
        asked = tuple(n for n in asked if n.exact or not any(  # "gold necklace": gold describes it, no cash
            m is not n and f"{n.wanted.lower()} {m.wanted.lower()}" in said_text for m in asked))
        asked = tuple(n for n in asked if not (n.section == "places" and said_for_school(said_text, n.wanted)))
        # "delivers pizza to save for college", 供小狗上大学, "to send her kitten to school": where the savings or the
        # child go, not where the deed is done
        if outsider:  # "by a passer-by": the doer is no thing to draw
            asked = tuple(n for n in asked if n.wanted.lower() not in outsider.lower())
            nouns = tuple(n for n in nouns if n.lower() not in outsider.lower())
        named = " ".join(n.wanted.lower() for n in asked)
        nouns = tuple(n for n in nouns if n.lower() not in named)  # what no drawable thing stands for
        things = tuple(dict.fromkeys([*(n.wanted for n in asked), *nouns]))
        day = premise[tokens.offsets[start]:tokens.offsets[inside[0].start]].strip() if zh and said and inside else ""
        if not lead and day and calendar_day(day):  # 除夕夜小猫一家看烟花: the day it happens on, said before the
            lead = day  # pet, is the clause's when (除夕夜，小猫豆豆一家…), never dropped for a "one day"
        if not zh and lead in {"", "and", "then", "and then"} and _GROWN.match(premise[tokens.offsets[start]:]):
            lead = "all grown up"  # "…, the grown husky comes back": the years between said, the pet drawn grown
        out.append(Clause(
            index=len(out), text=premise[tokens.offsets[start]:text_end].strip(), lead=lead, actor=actor,
            subject=subject, said_subject=said, passive=passive, subject_words=intro.get(subject or "", ""), obj=obj if obj != actor else None,
            verb=verb.strip(), parts=parts, events=events,
            actions=_doings([h for h in local if h not in described], body_start, tokens.words, asked),
            props=props, places=places, jobs=keys_of(local, "jobs", body_start), nouns=nouns, things=things,
            asked=asked, place_words=tuple(dict.fromkeys(h.surface for h in local if h.section == "places"
                                                         and (h.start >= body_start or h in before))),
            outsider=outsider, weathers=keys_of([h for h in local if h.start >= min(body_start, np_start) or h.start < start],
                                              "weathers", 0),
            obj_actions=keys_of(described, "actions", body_start),
        ))
        if not outsider:
            last_subject = subject
            last_named = inside[-1].key if inside else subject
        other = next((m.key for m in reversed(inside) if m.key != analysis.hero.key), other)
    return out


# a return ("she comes back", "he returns begging") and a leaving before it ("leaves the bulldog for a rich cat")
_BACK = re.compile(r"\b(?:com(?:e|es|ing)|came|gets?|got|walks?|walked) (?:back|home)\b|\breturn(?:s|ed|ing)?\b",
                   re.IGNORECASE)
_WAITS = re.compile(r"\bwait(?:s|ed|ing)?\b", re.IGNORECASE)
_LEFT = re.compile(r"\b(?:leaves?|left|leaving|dumps?|dumped|abandons?|abandoned|runs? off|ran off|walks? out)\b",
                   re.IGNORECASE)


_DIES = re.compile(r"\b(?:dies|died|passes away|passed away)\b")  # the one a clause tells dead does nothing after it


def _back_after_when(out: Sequence[Clause], said: str, cast: Sequence[Person], pronoun: str) -> str | None:
    """Who a pronoun that comes back right after a when-clause is ("the poodle leaves the poor bulldog for a rich
    cat; when the cat goes bankrupt she comes back"): the one who left before (or was waited for), not the
    when-clause's pet."""
    if out and _BACK.search(said) and (waited := _waited_for(out)) is not None:
        gender = next((gender_of(p) for p in cast if p.key == waited), "")
        return waited if gender in ("", pronoun) else None  # "waits at the station for his owner until one
        # winter she comes back", "… but she never comes back": the one waited for, never the one who waits
    if len(out) < 2 or not _BACK.search(said) or not re.match(r"(?:when|once|after)\b", out[-1].text.lower()):
        return None
    left = next((c.actor if not _WAITS.search(c.verb) else c.obj for c in reversed(out[:-1]) if c.actor
                 and not c.passive and ("dump" in c.events or _LEFT.search(c.verb) or c.obj and _WAITS.search(c.verb))),
                None)  # the one who left, or the one waited for ("waits at the station for his owner")
    gender = next((gender_of(p) for p in cast if p.key == left), "")
    return left if left not in (None, out[-1].subject) and gender in ("", pronoun) else None


def _waited_for(out: Sequence[Clause]) -> str | None:
    """The one the clause right before waits for ("waits by the door every night for his owner"), else None."""
    last = out[-1]
    return last.obj if last.actor and last.obj not in (None, last.actor) and not last.passive \
        and _WAITS.search(last.verb) else None


_THEN_EN = frozenset({"finally", "then", "eventually"})  # a joining word between a pronoun and its return


_HOLD_ZH = {"把", "将"}  # 把小狗关起来了: the one it is done to, then the verb
_THEY = {"they", "他们", "她们"}  # the many a clause before named, when the cast is one pet


def _co_subjects(tokens: Tokens, start: int, end: int, inside: list[Mention]) -> int:
    """Where the verb starts after the pets that do it with the subject ("Bella and Max share…", "a white
    cat and a black cat have…"): past "and" and the mentions it joins; ``start`` when there are none."""
    words, k, joined, listed = tokens.words, start, start, start
    while k < end:
        said = words[k] in {"and", "&"}  # "… and Max"; else a name of a list ("Mango, Pearl and Tofu")
        at = k + 1 if said else k
        m = next((m for m in inside if m.start == at or (m.start == at + 1 and words[at] in DET)), None)
        if m is None:
            break
        k = m.end
        if said:
            joined = k
        else:
            listed = k
    return joined if joined > start and joined >= listed else start


def _parts(premise: str, tokens: Tokens, start: int, end: int, inside: list[Mention]) -> tuple[Part, ...]:
    """The clause from ``start`` as text (one token each) and person mentions."""
    out: list[Part] = []
    i = start
    while i < end:
        m = next((m for m in inside if m.start == i), None)
        if m is not None:
            out.append(Part(span_text(premise, tokens, m.start, m.end), m.key))
            if owns(premise, tokens, m.end - 1):
                out.append(Part("'s"))  # "her grandson's school": the mention owns what follows
            i = m.end
            continue
        owned = ("'" if tokens.words[i].endswith("s") and premise[tokens.offsets[i] + len(tokens.words[i]):][:2] not in {
            "'s", "’s"} else "'s") if owns(premise, tokens, i) else ""  # "her grandson's school", "the twins' room"
        out.append(Part(surface(premise, tokens, i) + owned))
        i += 1
    return tuple(out)


_BEFORE_STATE = frozenset({"a", "an", "the", "his", "her", "their", "its", "this", "that", "some", "one", "poor",
                           "little", "tiny", "small", "cold", "wet", "starving", "hungry", "lost", "stray"})
# a catch after a theft by one outside the cast ("an old cat is robbed by a thief, and a police dog catches him"): him
# is the thief, never the one robbed
_CATCHES = re.compile(r"\b(?:catch|catches|caught|catching|arrests?|arrested|arresting|chases?|chased|chasing|tracks? down|"
                      r"tracked down|grabs?|grabbed|pins?|pinned|corners?|cornered|tackles?|tackled)\b", re.IGNORECASE)
_ROBBED = re.compile(r"\b(?:is|was|are|were|gets?|got)\s+(?:\w+\s+)?(?:robbed|stolen|mugged|snatched|pickpocketed)\b",
                     re.IGNORECASE)
_RESCUED = frozenset({"him", "them", "me", "us", "you", "everyone", "everybody"})
_SAVE_VERBS = frozenset({"save", "saves", "saved", "saving", "rescue", "rescues", "rescued", "rescuing"})


def said_of_object(local: list[Hit], tokens: Tokens, start: int, end: int, inside: Sequence[Mention],
                   obj: str | None) -> list[Hit]:
    """The action words that say the state of the one a clause is done to, before its name ("takes in a shivering
    stray kitten", 收养了一只发抖的小猫): an -ing word after an article or another word of its looks, the
    mention a few words on; in Chinese, the word before 的 and the mention."""
    if obj is None:
        return []
    words = tokens.words
    out = []
    for h in local:
        if h.section != "actions" or h.start < start or h.end >= end:
            continue
        named = next((m for m in inside if m.key == obj and m.start >= h.end), None)
        if named is None or named.start - h.end > 3:
            continue
        if tokens.chinese:
            if words[h.end:h.end + 1] == ("的",):
                out.append(h)
        elif h.surface.endswith("ing") and h.start > 0 and words[h.start - 1] in _BEFORE_STATE:
            out.append(h)
    return out


def rescued(words: Sequence[str], start: int, end: int, inside: Sequence[Mention]) -> bool:
    """A save verb followed by whom it saves ("saves him from the storm", "rescues the kitten"): a rescue, never
    saving up ("saves every coin")."""
    for k in range(start, end - 1):
        if words[k] in _SAVE_VERBS:
            after = words[k + 1]
            return after in _RESCUED or any(m.start in (k + 1, k + 2, k + 3) for m in inside) and after not in {
                "up", "every", "money", "for", "all"}
    return False


def _doings(local: list[Hit], body_start: int, words: Sequence[str], asked: Sequence[Nearest]) -> tuple[str, ...]:
    """The clause's action words, less those that only name a thing it asks for ("steps on his toy train": a toy,
    no training; "goes fishing with a fishing rod" still fishes)."""
    named = [n.wanted.lower() for n in asked if " " in n.wanted]
    kept = [h for h in local if h.section != "actions" or h.start == 0
            or not any(f"{words[h.start - 1]} {h.surface}".lower() in n for n in named)]
    return keys_of(kept, "actions", body_start)


def _many(analysis: Analysis, key: str | None) -> bool:
    """The cast member ``key`` is many, so "they" may name it: its words in the plural ("the rich cats"), counted
    ("two poodles"), or the words of more than one of the cast."""
    person = next((p for p in analysis.cast if p.key == key), None)
    if person is None or not person.words:
        return False
    last = person.words[0].split()[-1] if person.words[0].split() else ""
    return person.alike > 1 or (last.endswith("s") and not last.endswith("ss")) or sum(
        p.words[:1] == person.words[:1] for p in analysis.cast) > 1


def _head_after_de(words: Sequence[str], after: Sequence[Mention], obj: str) -> str:
    """The Chinese object a deed is done to: the head a 的 names after the first one told (偷走主人钱包的小偷: the
    thief; 救出了邻居家的宝宝: the baby), else ``obj``."""
    first = next((m for m in after if m.key == obj), None)
    if first is None:
        return obj
    de = next((k for k in range(first.end, min(first.end + 3, len(words))) if words[k] == "的"), None)
    if de is None or any(first.end <= m.start < de for m in after if m is not first):
        return obj
    head = next((m for m in after if m.start == de + 1), None)
    return head.key if head is not None else obj
