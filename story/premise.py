"""Premise understanding, English and Chinese: who is in the story, the hero's job, the wrong done
and by whom, the goal and outcome, places and props. Pure.

``analyse(premise) -> Analysis``. Words are matched whole (``story.lexicon``): English by words
with simple inflections, Chinese by jieba segmentation. A *person* is a pet or role the premise
mentions: a breed, a species or a relation (``boyfriend``, ``妈妈``, ``the boss``), with the traits
and colours just before it, a species word just before a relation (``her dog boyfriend``, ``狗男友``)
and a given name (``named Duchess``, ``Duchess, a Persian cat``, ``名叫豆包``). Relations belong to
the person before them (``her boyfriend`` is the rich cat's); allies of the villain stay on the
villain's side. The hero is the first person who is not the object of ``by``/``被`` and not someone
else's relation; the rival is who wrongs the hero (after ``by``/``被``, or described as rich, mean or
greedy, or a villain).

Each step is its own module: the values (``story.analysis``), given names (``story.naming``), the pets
named by breed, species and relation (``story.heads``) and counted (``story.counted``), the ones named by
a role or a thing (``story.others``), jobs (``story.jobs``), what a Chinese clause says of a pet
(``story.predicates``), who is who (``story.casting``), who is gone
(``story.life``), and the line saying what was understood (``story.understood``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from story.affairs import with_affairs
from story.analysis import Analysis, Person, Side
from story.buying import gives_for_kin, not_in_goal, sends_to_school
from story.casting import (
    absent_owner,
    absent_victim,
    cast_roles,
    mark_wrongdoers,
    told_of_speaker,
    unnamed_wronged,
)
from story.clausewords import NEGATED
from story.gerunds import told_in_order
from story.heads import owning, pets_from_heads
from story.honours import honour_spans
from story.jobs import attach_job, hero_jobs, spanned_job, verb_of_many, works_at
from story.labels import called_hits, inside, label_spans, unlabelled
from story.lexicon import Hit, Tokens, in_context, is_chinese, lexicon
from story.life import mark_gone
from story.met import add_met_zh, trade_kin_zh
from story.naming import add_alone, give_names, premise_names, titled
from story.others import add_others, owners_of_pets
from story.particles import joined
from story.predicates import said_of_subject_en
from story.putdowns import putdown_hits
from story.quoted import quote_spans, said_words
from story.retold import in_order
from story.styles import CHARACTER_STYLES
from story.summary import unframed
from story.takers import add_takers
from story.undergone import in_order_zh
from story.understood import describe, understood_line

__all__ = ["Analysis", "Person", "Side", "analyse", "describe", "hero_species", "hero_style", "is_vague",
           "understood_line", "verb_of_many", "with_hero"]

_BREAK = re.compile(r"[,.;!?，。；！？、]|\b(?:and|but|then|while|who|until|so)\b|和|但|然后|后来|却|于是|最后")


def _breaks(text: str, tokens: Tokens) -> set[int]:
    """Token indices that start a new clause (punctuation or a conjunction right before them)."""
    out = set()
    for i in range(1, len(tokens.words)):
        between = text[tokens.offsets[i - 1]:tokens.offsets[i]].lower()
        if _BREAK.search(between[len(tokens.words[i - 1]):]) \
                or tokens.words[i] in {"and", "but", "then", "while", "who", "和", "但", "然后", "后来", "却"}:
            out.add(i)
    return out


@lru_cache(maxsize=256)
def analyse(premise: str) -> Analysis:
    """What the premise says: its cast with roles, the hero's job, wrongs, goals, places and props."""
    lex = lexicon()
    premise = in_order_zh(in_order(titled(joined(told_in_order(unframed(premise))))))  # 老板收养了一只被遗弃的小狗:
    # abandoned first; "practises every night before winning the race": then wins it (``story/gerunds.py``);
    # "everyone who laughed at the greyhound is speechless when he wins": the mocking first; "Dr. Paws": no sentence
    # ends at a title's full stop; "takes the stray kitten in": takes in; "this is the story of how a stray cat became a
    # famous chef": the blurb's frame dropped, its outcome told last
    # 1. Names first (masked out so they are not read as words), then tokens and matches.
    names, alone, alone_en = premise_names(premise)
    labels = label_spans(premise)  # 笑话是个胆小鬼, 被叫做丑八怪: what a pet is called names no pet
    names, alone, alone_en = ([n for n in group if not inside(n[1], labels)] for group in (names, alone, alone_en))
    quoted = quote_spans(premise)  # 'says "i am the queen"', 老板狗大喊“你被开除了”: words said, no pet nor role of
    names, alone, alone_en = ([n for n in group if not said_words(n[0], n[1], quoted)] for group in (names, alone,
                                                                                                   alone_en))
    masked = premise
    for name, _pos in [*names, *alone]:
        masked = masked.replace(name, " " * len(name)) if is_chinese(premise) else masked
    tokens = lex.tokenize(masked)
    hits = unlabelled(in_context(lex.find_tokens(tokens), tokens), labels)
    hits = [h for h in hits if not _in_name(h, [*names, *alone, *alone_en])]  # "a corgi named Pizza": no pizza
    hits = not_in_goal(hits, masked)  # "delivers pizza to save for college": no student, not at the college
    hits = with_affairs(hits, tokens)  # "his wife runs off with a rich Persian": the dump it is
    hits = [h for h in hits if not any(a < h.pos < b for a, b in quoted)]  # the story's ("the queen" said)
    hits = [h for h in hits if not _denied_wrong(h, masked)]  # 老板没有骂小狗: no scolding, no rival
    hits += called_hits(masked, tokens, labels, hits, passive=False)
    hits += putdown_hits(masked, tokens, hits, passive=False)
    chinese = tokens.chinese
    breaks = _breaks(masked, tokens)
    words = tokens.words

    # 2. People: breed/species/relation heads with the traits and colours just before them; the ones named
    #    by a role or a bad trait on a thing; names standing alone; who does a wrong.
    taken: set[str] = set()
    people = pets_from_heads(masked, tokens, hits, breaks, taken)
    add_others(people, hits, words, chinese, taken, lambda h: not chinese and said_of_subject_en(
        tokens, masked, h, hits, breaks, role=True), owning(masked, tokens))  # "he's the founder": who the pet is
    add_alone(people, names, alone, alone_en, premise, tokens, taken)
    trade_kin_zh(people, tokens)  # 保洁阿姨, 交警叔叔: a cleaner, a police officer, no lady or uncle of the story
    mark_wrongdoers(people, hits, words, chinese, breaks)
    owners_of_pets(people)  # "the baker's cat steals bread": the cat steals, never the baker
    add_takers(people, hits, tokens, taken)  # "a kind farmer adopts the stray puppy", 被渔夫收养: its family

    # 3. Given names to the nearest person (before the name, or just after it).
    give_names(people, names, premise, tokens, hits, taken)

    # 3b. A role named with a pet is that pet's job ("a pomeranian nurse", "the husky fisherman",
    #     "a cat who works as a magician"), in or out of the vocabulary.
    for p in people:
        attach_job(p, hits, tokens)
    add_met_zh(people, hits, tokens, taken)  # 老渔夫捡到一只小猫, 被消防员救出来, 小狗救了市长: beside the pet

    # 4. Jobs, dreams, events, places, props.
    job, dream = hero_jobs(hits, tokens, people)
    events = [h for h in hits if h.section == "events"]
    wrongs = _unique(h.key for h in events if lex.entry("events", h.key)["kind"] == "wrong")
    goals = _unique(h.key for h in events if lex.entry("events", h.key)["kind"] == "goal")
    if (sends_to_school(premise) or gives_for_kin(premise)) and "sacrifice" not in goals:  # 捡瓶子供小猫上学, "to
        goals = [*goals, "sacrifice"]  # send her kitten to school", "skips meals so his puppies can eat": the parent's
        # work or going without is its sacrifice for the young, told as one
    outcomes = _unique(h.key for h in events if lex.entry("events", h.key)["kind"] == "outcome")
    honours = honour_spans(premise)  # "becomes the town hero": no town the story is at
    places = _unique(h.key for h in hits if h.section == "places" and not _not_where(h, hits, honours))
    props = _unique(h.key for h in hits if h.section == "props")
    surfaces = {f"{h.section}:{h.key}": h.surface for h in reversed(hits)}

    # 5. Roles: the hero, the rival, relations and their sides; who is gone (a grave visited).
    speaker = absent_owner(people, events, words, breaks)  # "her best friend dog betrays her": "her" is the hero
    if speaker is not None and (retold := told_of_speaker(premise, speaker, people)) != premise \
            and not (told := analyse(retold)).hero.words:
        return told  # "my husband is cheating on me": told of her, the one he wrongs (when so read)
    if speaker is not None:
        speaker.words = ()
    absent_victim(people, events, words, breaks)  # "the cats who laughed at him come to eat…": "him" is the hero
    unnamed_wronged(people, words)  # 被老板开除后自己创业成功: the one fired is the hero, never the boss
    mark_gone(people, masked, tokens, breaks)  # one gone (奶奶走了以后) is no hero while another pet is told of
    cast = cast_roles(people, events, words)
    cast[0].gone = False
    mark_gone(cast, masked, tokens, breaks)
    wrongdoer = next((p.key for p in cast if p.role == "rival"), None)
    lost = _lost_thing(hits, tokens)
    hero, job_near = cast[0], False
    if hero.job_words:  # the hero's own role, told in the premise's words (never another pet's job)
        job, job_near = hero.job, not any(h.section == "jobs" and h.surface == hero.job_words for h in hits)
        if job is not None:
            surfaces[f"jobs:{job}"] = hero.job_words
            if dream == job:
                dream = None
    elif job is None and dream is None:
        job = works_at(hits, tokens, hero, cast)  # 在包子店打工, "works at a bun shop": that place's worker
        job = job or (spanned_job(premise, hero, cast) if chinese else None)  # 修了三十年的鞋: a cobbler
    elif job is not None and all(any(
            p is not hero and p.job == job and p.job_words.startswith(h.surface) and p.start <= h.start <= p.end + 4
            for p in cast) for h in hits if h.section == "jobs" and h.key == job):
        job = None  # "bullied by a doberman doctor": the doctor is the doberman, not the hero (but "runs a flower
        #  shop … ignored by a siamese florist": the shop is the hero's own)
    return Analysis(
        premise=premise, language="zh" if chinese else "en", cast=cast, job=job, dream=dream, places=places,
        props=props, wrongs=wrongs, goals=goals, outcomes=outcomes, wrongdoer=wrongdoer, lost_thing=lost,
        surfaces=surfaces, job_near=job_near,
    )


_NAMED_THINGS = {"props", "places"}


def _in_name(hit: Hit, names: list[tuple[str, int]]) -> bool:
    """A thing's or place's word inside a pet's given name ("a corgi named Pizza", "a cat named Cake"): the name,
    no thing of the story."""
    return any(pos <= hit.pos < pos + len(name) and (hit.section in _NAMED_THINGS or (
        hit.section == "relations" and " " in name)) for name, pos in names)  # "Grandpa Biscuit": no grandpa of its own


def _unique(items: object) -> list[str]:
    return list(dict.fromkeys(items))  # type: ignore[call-overload]


def _not_where(place: Hit, hits: list[Hit], honours: list[tuple[int, int]]) -> bool:
    """Whether a place word names no place the story is at: it is said inside a pet's breed ("a street dog", "an
    alley cat": what the pet is) or inside an honour ("becomes the town hero": whose hero it becomes)."""
    return any(h.section == "breeds" and h.start <= place.start and place.end <= h.end for h in hits) \
        or any(a <= place.pos < b for a, b in honours)


def _lost_thing(hits: list[Hit], tokens: Tokens) -> str | None:
    """What the hero loses or has taken: the place/job/prop word right after lose/steal (never a place said with its
    preposition, "stolen on the bus": where it was taken)."""
    where = [(y.start, y.end) for y in hits if y.section == "places" and re.match(r"(?:on|at|in|into|inside)\b",
                                                                                  y.surface)]  # "on the bus"
    for h in hits:
        if h.section == "events" and h.key in {"lose", "steal", "win_back"}:
            after = [x for x in hits if x.section in {"places", "props", "jobs"} and 0 < x.start - h.start <= 4
                     and not any(a <= x.start and x.end <= b for a, b in where)]  # "stolen on the bus": where
            after.sort(key=lambda x: (["places", "props", "jobs"].index(x.section), x.start))
            if after:
                return after[0].surface
    return None


_SPECIES_DEFAULT = {"cat": "ginger-cat", "dog": "golden-retriever"}


def hero_style(analysis: Analysis) -> str | None:
    """The character style id matching the hero's breed/colour/species (None when the premise says nothing)."""
    hero = analysis.hero
    if hero.style:
        return hero.style
    if hero.species:  # its species' usual style, unless another pet of the cast, not its kin, is drawn so
        taken = {p.style for p in analysis.cast[1:] if p.style and not (
            p.relation and lexicon().entry("relations", p.relation)["role"] == "family")}
        usual = _SPECIES_DEFAULT[hero.species]  # "a stray puppy is caught by a golden retriever": no two of them
        return usual if usual not in taken else next(
            (k for k, st in CHARACTER_STYLES.items() if st.species == hero.species and k not in taken), usual)
    return None


def hero_species(analysis: Analysis) -> str | None:
    return analysis.hero.species or (
        CHARACTER_STYLES[analysis.hero.style].species if analysis.hero.style else None)


def with_hero(analysis: Analysis, **changes: object) -> Analysis:
    cast = [replace(analysis.hero, **changes), *analysis.cast[1:]]  # type: ignore[arg-type]
    return replace(analysis, cast=cast)


_FILLER = frozenset({"a", "an", "the", "my", "your", "me", "i", "please", "some", "this", "that", "there"})


def is_vague(analysis: Analysis) -> bool:
    """Nothing happens in it, so a script would be a guess: a greeting or a bare pet ("hi", "test",
    "make a video", "a cat", "你好", "小猫"). Such a text gets example premises instead.

    Vague when the analysis found no job, dream, place, prop, wrong, goal or outcome and no named
    pet, and the text has no words beyond its pet (or, with no pet, at most three words / four hanzi)."""
    a = analysis
    if a.job or a.dream or a.places or a.props or a.wrongs or a.goals or a.outcomes:
        return False
    if len(a.cast) > 1 or any(p.name for p in a.cast):
        return False
    text = a.premise.lower()
    words = [w for w in re.findall(r"[a-z']+", text) if w not in _FILLER]
    hanzi = re.findall(r"[\u3400-\u9fff]", text)
    if any(p.species for p in a.cast):
        pet = {w.lower() for p in a.cast for w in p.words}
        return not [w for w in words if w not in pet and w.rstrip("s") not in pet] and len(hanzi) <= 3
    return len(words) <= 3 and len(hanzi) <= 4


def _denied_wrong(h: Hit, text: str) -> bool:
    """A wrong the premise says was not done ("the boss doesn't scold him", 老板没有骂小狗, "never mocks her"): no
    wrong, and its doer no rival; a failed or denied deed is never told as done."""
    return h.section == "events" and lexicon().entry("events", h.key)["kind"] == "wrong" \
        and NEGATED.search(text[:h.pos]) is not None
