"""What a premise says that the staging of its expansion needs (``story.expand.expand_plan``). Pure.

Answers, read once per script (``premise_hints`` -> ``Hints``): the hero's job, dream and the calling it reaches,
its breed, colour, traits, style and whether it is named young; the premise's place (its own word, a contest's venue
reached later, a home bought, a shop opened later or only dreamt of: ``openings``), its weather (in its season, its
place named with it, said to be falling, or a deed done out in it), its ball game's ball, a driver's own vehicle
(``RIDES``), a partner's new love, and the premise's own words the vocabulary does not know.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from story.analysis import Analysis
from story.buying import homes_bought, not_in_goal
from story.dangers import danger_place
from story.jobs import sung_to_own
from story.kinds import mischief, story_kind
from story.lexicon import Hit, lexicon
from story.location import out_in
from story.plan import staging
from story.text import alternation


@dataclass(frozen=True)
class Hints:
    """What the premise contributes to staging: the hero's job and traits, the main place (and its
    English word), and the premise's own words the vocabulary does not know (knight, band, Paris)."""

    job: str | None
    place: str | None
    place_word: str | None
    hero_traits: tuple[str, ...]
    details: tuple[str, ...]
    hero_breed: str | None = None
    hero_style: str | None = None
    dream: str | None = None  # the job the hero reaches, when the premise also names the hero's job
    hero_young: str | None = None  # "kitten" / "puppy": the premise names the hero as one young pet
    weather: str | None = None  # the premise's own weather ("rain", "snow", "storm")
    season: bool = False  # the premise is set in that weather's season ("a snowy winter"): every scene has it
    role: str = ""  # the hero's role in the premise's words ("photographer", 钢琴家)
    placed: bool = False  # the premise's place is named with that weather ("a snowy mountain", 雪山): drawn in it
    calling: str | None = None  # the job the hero becomes (firefighter): worn, and done once, where it is reached
    trains: bool = False  # the premise's hero trains or practises: its effort is training, never a job's chores
    hero_colour: str | None = None  # the hero's colour in the premise (lexicon colours key: 小黑狗 is black)
    later_venue: bool = False  # the place is a contest's venue the premise reaches only in a later clause
    bought: bool = False  # the place is the one the hero buys or moves into ("ends up living in a mansion"), or
    # opens later ("saves for years, opens a bakery"): not drawn before the story reaches it
    place_said: str | None = None  # the premise's own word for its place ("cafe", 面包店)
    ball: str | None = None  # the premise's ball game's ball (lexicon props label: "basketball"): a line's plain ball
    toy_ball: bool = False  # every toy the premise names is a plain ball (球队 read as 球): its asked toy is that ball
    opens_job: bool = False  # the hero's only job is its dream, reached by a later clause that opens its shop ("saves
    # every coin and opens a burger shop"): no apron, till nor oven before a scene tells the opening
    lovers: tuple[tuple[str, str], ...] = ()  # (new love, the partner who leaves with or for it): cast keys
    out_in: str | None = None  # the open weather the premise does a deed in ("runs away in the snow"): drawn outdoors
    job_later: bool = False  # the premise tells the hero's job after its first clause ("dumped by his girlfriend, he
    # delivers food every day", 女朋友跑了，柴犬每天送外卖): no uniform nor scooter before a scene tells it
    opens_later: bool = False  # the premise's place is a shop the hero opens in a later clause ("saves for years, opens
    # a bakery"): the story reaches it where a scene tells the opening, never before
    dreamt: bool = False  # the premise's place is only dreamt of ("dreams of owning a bakery"): never reached
    ride: str | None = None  # the vehicle the premise drives (a bus, a truck; its lexicon label): a driver's own,
    # drawn for its job's vehicle (a bus driver, read as the taxi driver's job, drives the bus, never a taxi)
    falls: bool = False  # the premise says its weather is falling (下着雪, "it is snowing"): it goes on falling outdoors,
    # down the next street, not only at the place it was said


_STOP = frozenset("""a an the and or but of to in on at by for with from into over under after before then
so that this these those his her their its he she they it is are was were be been being has have had do does did
who whom which what when where while as than too very just only also still every each one two three some any
all no not up down out off again once about against between through during until him them our your my me us we
you i can could will would shall should may might must get gets got make makes made become becomes became
day days night story tale new old little big tiny""".split())


def _ball(premise: str, props: Sequence[str]) -> tuple[str | None, bool]:
    """The premise's ball game's ball (its lexicon label), and whether each toy it names is only a plain ball."""
    lex, balls = lexicon(), staging()["balls"]
    ball = next((str(lex.entry("props", k)["label"]) for k in props if k in balls["props"]), None)
    return ball, ball is not None and not any(h.section == "props" and h.key == "toy" and h.surface.lower() not in
                                              balls["words"] for h in lex.find(premise))


RIDES = ("bus", "truck", "taxi")  # the lexicon props a driver's job drives


def _ride(props: Sequence[str]) -> str | None:
    """The label of the first vehicle a driver's job drives among a premise's props, or None."""
    return next((str(lexicon().entry("props", k)["label"]) for k in props if k in RIDES), None)


def _met_at_work(analysis: Analysis) -> str | None:
    """Where the one the premise names by a job that is not the hero's works (医生给受伤的小猫包扎: the hospital;
    "the baker gives a hungry stray puppy a warm bun": the bakery), for a premise that names no place: its story is
    met there."""
    lex = lexicon()
    tokens = lex.tokenize(analysis.premise)
    hits = not_in_goal(lex.find_tokens(tokens), analysis.premise)  # 供小猫上学: no job met at the school
    found = next((h for h in hits if h.section == "jobs" and not sung_to_own(h, hits, tokens)), None)  # a lullaby:
    # no singer met on a stage
    where = str(lex.entry("jobs", found.key)["location"]) if found is not None else None
    return where if where != "street" else None  # the street is where a story with no place is anyway


def premise_hints(premise: str) -> Hints:
    from story.premise import analyse
    from story.staged import broad_place, premise_place

    lex = lexicon()
    analysis = analyse(premise)
    place_key, surface = premise_place(analysis) or (None, None)  # "the city dance contest": the stage
    place = str(lex.entry("places", place_key)["location"]) if place_key else None
    if place in staging()["later_places"]["locations"] and _reached_later(analysis, place_key):
        place_key, surface, place = None, None, None  # out to sea only later: the story starts on land
    kind = story_kind(analysis)
    if place is None and not analysis.places and analysis.job is None and analysis.dream is None:
        place = _met_at_work(analysis)  # 医生给受伤的小猫包扎, "carries Rex to the vet": where the doctor works
    if place is None and not analysis.places:
        place = danger_place(premise)  # "falls through the ice and a husky saves him", 落水: at the lake
    elif surface and broad_place(surface) and (at := danger_place(premise)) is not None:
        place_key, surface, place = None, None, at  # "saves a drowning kitten and the whole village cheers": at the
        # lake (the village only colours where it happens)
    if place is None and (kind.id == "misdeed" and mischief(premise) or kind.at_home):
        place = "bedroom"  # "knocks the goldfish bowl off the table", a roommate breaks a toy: at home
    place_word = None
    if place_key:
        place_word = surface if surface and analysis.language == "en" else str(lex.entry("places", place_key)["en"][0])
    details: list[str] = []
    if analysis.language == "en":
        tokens = lex.tokenize(premise)
        known = {i for h in lex.find_tokens(tokens) for i in range(h.start, h.end)}
        for i, word in enumerate(tokens.words):
            if i not in known and word not in _STOP and len(word) >= 4 and not any(
                    word == (p.name or "").lower() for p in analysis.cast):
                details.append(word)
    job = analysis.job or analysis.dream
    from story.premise import hero_style

    dream = analysis.dream if analysis.job and analysis.dream != analysis.job else None
    said = " ".join(analysis.hero.words).lower()
    young = _YOUNG_HERO.search(said)
    weathers = lex.keys(premise, "weathers")
    seasons = staging()["seasons"]
    season = any(w in premise for w in seasons["zh"]) or bool(
        re.search(r"\b(?:" + "|".join(map(re.escape, seasons["en"])) + r")\b", premise.lower()))
    # a place named with its weather ("a snowy mountain", 雪山) is in that weather every time it is drawn
    placed = next((k for k, e in lex.data["weathers"].items() if surface and (k in lex.keys(surface, "weathers") or any(
        w in surface for w in e["zh"]))), None)
    opened_later = _opened_later(analysis, place_key)  # the shop the premise opens in a later clause: read once
    falling = _falling(premise)  # the weather it says is falling: read once, for both fields
    return Hints(job, place, place_word, tuple(analysis.hero.traits), tuple(dict.fromkeys(details))[:6],
                  analysis.hero.breed, hero_style(analysis), dream,
                  ("kitten" if young.group(1) or young.group(3) else "puppy") if young else None,
                  placed or (weathers[0] if weathers else None), season and bool(weathers), analysis.hero.job_words or "",
                  placed is not None, analysis.dream, "train" in lex.keys(premise, "actions"), analysis.hero.colour,
                  _later_venue(analysis, place_key, place),
                  bool(surface) and any(str(surface).lower() in found.lower() for found in homes_bought(premise))
                  or opened_later, surface,
                  *_ball(premise, analysis.props), _opens_job(analysis),
                  tuple((p.key, p.lover_of) for p in analysis.cast if p.lover_of and p.lover_of != analysis.hero.key),
                  out_in(premise) or falling, _job_later(analysis), opened_later,
                  _dreamt_place(analysis, surface), _ride(analysis.props), falls=falling is not None)


def _later_venue(analysis: Any, place_key: str | None, location: str | None) -> bool:
    """The premise's place is a contest's venue (``staging.json``'s ``venues``: the pageant's stage) that only
    a later clause reaches ("fails her diet ten times, and finally enters the beauty pageant"): the story
    before it is not on the stage."""
    from story.clauses import clauses

    if place_key is None or location not in staging()["venues"]["locations"]:
        return False
    told = clauses(analysis)
    return len(told) > 1 and place_key not in told[0].places


def _reached_later(analysis: Any, place_key: str | None) -> bool:
    """The premise's place is one only a clause after its first reaches ("…, and years later the kitten saves him
    from a storm at sea")."""
    from story.clauses import clauses

    told = clauses(analysis)
    return len(told) > 1 and place_key not in told[0].places


def _opens_job(analysis: Any) -> bool:
    """The premise names no job of the hero's but a dream one that a later clause opens or builds ("carries boxes at
    the market and one day opens his own bakery", 攒钱开了一家火锅店): the job is the opened shop's, not yet worn."""
    from story.clauses import clauses

    return analysis.job is None and analysis.dream is not None and any(
        "build" in c.events for c in clauses(analysis)[1:])


def _job_later(analysis: Any) -> bool:
    """The premise names the hero's job only after its first clause ("the corgi's wife leaves him, he drives a taxi
    every night", 女朋友跑了，柴犬每天送外卖): the story reaches the job there, not before."""
    from story.clauses import clauses

    told = clauses(analysis)
    return analysis.job is not None and len(told) > 1 and analysis.job not in told[0].jobs and any(
        analysis.job in c.jobs for c in told[1:])


def openings(text: str) -> tuple[str | None, str | None]:
    """The words of ``text`` that tell a shop or venue opened ("Finally, Mango opens its own noodle shop": "opens its
    own noodle shop"; 虎子开了一家火锅店: 开了一家火锅店), from the opening word to the end of its sentence, None where
    nothing is opened, or only dreamt of ("dreams of opening a bakery", 梦想开一家花店); and the words of a dream
    (from the dream word), None where nothing is dreamt of. One vocabulary read for both."""
    hits = lexicon().find(text, ["events"])
    dream = next((h for h in hits if h.key == "dream"), None)
    build = next((h for h in hits if h.key == "build" and not (h.surface.lower() == "start" and re.search(
        r"\bthe\s+$", text[:h.pos], re.I)) and not (h.surface.lower() == "open" and re.search(
        r"\b(?:is|are|was|were|stays?|stayed|left|wide|always|still)\s+$", text[:h.pos], re.I))), None)
    # "At the start of autumn": a time, no shop started; "the door is open": open, nothing opened
    opened = build if build is not None and (dream is None or dream.pos > build.pos) else None
    return _told_from(text, opened), _told_from(text, dream)


def _told_from(text: str, said: Hit | None) -> str | None:
    """``text`` from ``said`` to the end of its sentence (at most 80 characters), None without it."""
    told = re.split(r"[.!?。！？；;，,]", text[said.pos:])[0].strip() if said is not None else ""
    return told[:80] or None


def _dreamt_place(analysis: Any, said: str | None) -> bool:
    """The premise's place (``said``: its own word) is only a shop the hero dreams of ("dreams of owning a bakery but
    works at a car repair shop", 梦想开一家花店): every clause that says it dreams it, and no clause opens a shop;
    no scene is set in it."""
    from story.clauses import clauses

    told = clauses(analysis)
    naming = [c for c in told if said and said.lower() in c.text.lower()]
    return bool(naming) and all("dream" in c.events for c in naming) and not any(openings(c.text)[0] for c in told)


def _opened_later(analysis: Any, place_key: str | None) -> bool:
    """The premise's place is one the hero opens or builds in a later clause ("saves for years, opens a bakery",
    攒了三年钱，开了一家面包店): the story before it is not in the shop that does not exist yet."""
    from story.clauses import clauses

    told = clauses(analysis)
    at = next((k for k, c in enumerate(told) if place_key in c.places or any(  # or its nearest ("a pizzeria")
        n.section == "places" and n.used == place_key for n in c.asked)), None) if place_key else None
    return bool(at) and "build" in told[at or 0].events


# one young pet in the hero's own words ("a tabby kitten", 小奶狗); its look says so, for the painter
_YOUNG_HERO = re.compile(r"\b(kitten|kitty)\b|\b(puppy|pup)\b|(小奶猫|猫崽)|小奶狗|狗崽")


def _falling(premise: str) -> str | None:
    """The weather a premise says is falling ("it is snowing", 下着雪, 下雨了): its scenes said in it are outdoors."""
    low = premise.lower()
    for key, words in staging()["out_in"]["falling"].items():
        if key != "about" and re.search(alternation(words["en"], True) + "|" + alternation(words["zh"], False), low):
            return str(key)
    return None
