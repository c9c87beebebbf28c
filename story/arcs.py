"""The offline planner: analysis → arc → ``Plan``. Pure.

The arcs are data (``story.arcdata``); which one tells a premise is ``story.arcchoice``'s.

Each arc lists its triggers (analysis features such as ``events:lost_pet`` or ``traits:poor``), the
roles it needs (invented when the premise has none), titles and beat slots; each slot has several
line variants in English and Chinese with a visual note. ``plan_story`` picks the arc the premise's
features score highest (ties broken by the seed), casts every person the premise mentions (names
kept, roles and sides kept), fills the premise's own job, dream, place and lost thing into the
lines, and lets the seed choose variants, optional beats and time openers. Villain-side and
hero-side characters the arc does not use get cameo beats, so nobody the premise names is dropped.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from typing import Any

from story.arcchoice import choose_arc, sacrifice_for
from story.arcdata import Arc, arcs, common
from story.buying import for_whom, goal_of, home_bought, school_goal
from story.claims import Licence
from story.clauses import Clause, clauses
from story.dangers import danger_of, hero_rescued, rescue_from, tells_rescue
from story.draws import aside
from story.helping import added, help_pair, helper_place, together
from story.holidays import names_day, names_season, names_short_span
from story.jobs import dream_title
from story.kin import HOUSEHOLD, KIN, mate_of, relative, shares_look
from story.kinds import mishap_moves_on, mishap_titles, says_kind, story_kind
from story.lexicon import lexicon
from story.litter import litter_noun, litters_said
from story.looks import base_look, drawn_fur, full_look, hero_base_look, known_look, name_fits, style_fur
from story.mockers import mocked_by_many
from story.names import name_in
from story.perils import peril_shown
from story.plan import (
    FILL_S,
    LINE_MOST,
    MAX_BEATS,
    MAX_LINE_S,
    MIN_BEATS,
    NARRATOR,
    TARGET_MAX_S,
    Plan,
    Substitution,
    beats_seconds,
    staging,
    voice_seconds,
)
from story.practice import contest_untold, only_wished
from story.premise import Analysis, Person, Side, describe
from story.repeats import unrepeated
from story.scenefit import fits_scene, scene_of
from story.spine import job_place, premise_beats
from story.staged import Cast, action, cast_asks, premise_place
from story.styles import CHARACTER_STYLES
from story.text import FIELD, fill_fields, proper_place, within
from story.text import HAN as _HAN
from story.voyage import asked_again, legs, world_said
from story.weather import fits_weather
from story.weave import fill, weave
from story.wish import wish_values

# a clause of teaching done to the hero ("is coached by", 被…训练) or of the hero learning from another ("learns
# karate from", 跟着老师傅学, 拜…为师): the hero is the pupil, the other the master
_TAUGHT = re.compile(r"\b(?:coach|train|teach|taught|mentor|tutor)\w*|训练|教|指导|培养")
_LEARNS = re.compile(r"\blearn\w*\b.*\bfrom\b|学|拜.+为师|为师")


def hero_is_pupil(analysis: Analysis, said: Sequence[Clause]) -> bool:
    """The premise's hero is the one taught: a master (a cast member of the mentor role) teaches it, or a
    clause tells it taught by another or learning from another."""
    hero = analysis.hero.key
    if any(p.role == "mentor" for p in analysis.cast[1:]):
        return True
    for c in said:
        other = c.actor not in (None, hero) and c.passive and hero in (c.subject, c.obj)
        if other and _TAUGHT.search(c.verb):
            return True
        if c.actor == hero and c.obj not in (None, hero) and not c.passive and _LEARNS.search(c.text):
            return True
    return False


def pupil_told(arc: Arc) -> Arc:
    """A master-and-pupil arc told with the hero as the pupil: every line's and visual's ``{hero…}`` and
    ``{friend…}`` fields, and the speakers ``hero`` and ``friend``, trade places (the master shows, coaches and
    is proud; the hero tries, falls, practises and does it)."""
    def swap(value: Any) -> Any:
        if isinstance(value, str):
            if value in {"hero", "friend"}:
                return "friend" if value == "hero" else "hero"
            return re.sub(r"\{(hero|friend)(?=[_}])", lambda m: "{" + ("friend" if m.group(1) == "hero" else "hero"),
                          value)
        if isinstance(value, list):
            return [swap(v) for v in value]
        if isinstance(value, dict):
            return {k: (v if k == "id" else swap(v)) for k, v in value.items()}
        return value
    return replace(arc, beats=tuple(swap(b) for b in arc.beats), titles=swap(arc.titles))


# ---------------------------------------------------------------------------------------------
# Casting
# ---------------------------------------------------------------------------------------------


@dataclass
class Member:
    person: Person
    id: str
    name: str
    species: str
    look: str
    invented: bool


def _cast(analysis: Analysis, arc: Arc, style: str, language: str, rng: random.Random,
          invent: bool = True) -> list[Member]:
    """The premise's people, and (``invent``) the roles the arc needs that the premise lacks."""
    pool = common()["names"]
    people = list(analysis.cast[:4])
    have_roles = {p.role for p in people}
    if arc.by_kind and any(p.side != "villain" and p.role not in {"hero", "family", "rival"} for p in people):
        have_roles.add("friend")  # a kind's friend part is the premise's own pet of the hero's side (同桌的小猫)
    if arc.mates and any(p.side != "villain" and p.role not in {"hero", "rival"} for p in people[1:]):
        have_roles.add("friend")  # two old companions: the owner the premise names is the friend part
    for need in arc.needs if invent else ():
        if need not in have_roles and len(people) < 4:
            side: Side = "villain" if need == "rival" else "hero"
            people.append(Person(key=need if need != "family" else "family", role=need, side=side, pos=10**6,
                                 relation="mother" if need == "family" else None, gone=need in arc.gone))
    taken_names: set[str] = set()
    members = []
    hero_species = CHARACTER_STYLES[style].species
    cast_species: dict[str, str] = {}
    base_looks = {people[0].key: hero_base_look(analysis, style)} if people else {}
    hero_fur = drawn_fur(analysis, style) if people else None
    furs: dict[str, tuple[int, int, int] | None] = {}  # each one's fur as drawn, where a catalogue style draws it
    for p in people:
        species: str
        kin = relative(p, people)
        if p.role == "hero":
            species = hero_species
        elif p.species:
            species = p.species
        elif kin is not None and kin.key in cast_species:
            species = cast_species[kin.key]  # "her sister" is of the species of whom she is the sister
        elif (partner := mate_of(p, people)) is not None and partner.key in cast_species:
            species = cast_species[partner.key]  # "the tabby's wife", 狸花猫的老婆: a cat, as her husband is
        elif mate := next((q for q in people if q.key in cast_species and q.words == p.words and q.start == p.start
                           and q.words), None):
            species = cast_species[mate.key]  # 同学们: the classmates one word names are of one species
        elif p.relation == "in_laws" and (spouse := _spouse(p, people)) is not None and (
                spouse.key in cast_species or spouse.species):
            species = cast_species.get(spouse.key) or str(spouse.species)  # "marries a rich cat but her in-laws…": the cat's family, cats
        elif p.relation in KIN | HOUSEHOLD | {"owner"}:
            species = hero_species
        else:
            species = rng.choice(["cat", "dog"])
        cast_species[p.key] = species
        kin_look = base_looks.get(kin.key) if kin is not None and shares_look(p, kin, species, cast_species.get(
            kin.key)) and p.role != "hero" else None
        name = name_in(p.name, language) if p.name else None
        if not name or name in taken_names:
            options = [n for n in pool[species]["zh" if language == "zh" else "en"] if n not in taken_names]
            name = rng.choice(options)
            seen = (kin_look or "").lower() or known_look(p, style if p.role == "hero" else None)
            own = "".join(p.words)  # no 小柴 for a 小柴犬: "小柴犬小柴" says one name twice
            fitting = [n for n in options if name_fits(n, seen) and n not in own]  # no 煤球 (coal) for a white cat
            if fitting and name not in fitting:  # the same draw, so every other choice stays as it was
                name = fitting[options.index(name) % len(fitting)]
        taken_names.add(name)
        # one of "two puppies" with the hero is drawn as the hero is (a grown pet), never a litter of its own
        alike = p.alike > 1 and (p.start, p.words) == (analysis.hero.start, analysis.hero.words)
        if p.role == "hero":
            look = CHARACTER_STYLES[style].look[:120]
        else:
            pair = [(fur, kind) for q in people if q is not p and (q.lover_of == p.key or p.lover_of == q.key
                                                                   or _taken_by(p, q))
                    and (fur := furs.get(q.key) or style_fur(q)) is not None
                    for kind in [cast_species.get(q.key) or q.species or species]]
            base_looks[p.key] = base_look(p, species, rng, style, kin_look, hero_fur, pair)
            furs[p.key] = style_fur(p) or next((s.fur for s in CHARACTER_STYLES.values()
                                                 if s.look == base_looks[p.key]), None)
            look = full_look(p, species, base_looks[p.key], alike)
        members.append(Member(p, p.key, name, species, look, p.pos == 10**6))
    return members


def _spouse(in_laws: Person, people: Sequence[Person]) -> Person | None:
    """The one whose family the in-laws are: the pet they belong to ("her in-laws" after "marries a rich cat"),
    else the one the hero marries or loves; None when neither is cast."""
    hero = next((q for q in people if q.role == "hero"), None)
    said = next((q for q in people if q.key == in_laws.of and q is not hero), None)
    return said or next((q for q in people if hero is not None and q.key == hero.kind_to), None)


def _taken_by(partner: Person, rival: Person) -> bool:
    """``partner`` is a partner of another the rival takes or wins from it ("a rich dog steals the corgi's
    girlfriend", 有钱的哈士奇抢走了柴犬的女朋友): the two are told apart, as the hero is from both."""
    return rival.role == "rival" and partner.relation is not None and partner.of not in (None, rival.key) \
        and lexicon().entry("relations", partner.relation).get("role") == "partner"


def _slots(members: list[Member], mates: bool = False) -> dict[str, Member]:
    """Which cast member plays each role the arc lines name (rival, ally, friend, family); where the arc's friend
    part is its mate (``Arc.mates``), the family the premise names plays it when no friend does."""
    slots: dict[str, Member] = {"hero": members[0]}
    for m in members[1:]:
        p = m.person
        if p.role == "rival" and "rival" not in slots:
            slots["rival"] = m
        elif p.side == "villain" and "ally" not in slots:
            slots["ally"] = m
        elif p.role == "family" and "family" not in slots:
            slots["family"] = m
        elif p.side != "villain" and "friend" not in slots and p.role != "rival":
            slots["friend"] = m
    if mates and "friend" not in slots and "family" in slots:
        slots["friend"] = slots["family"]
    return slots


# ---------------------------------------------------------------------------------------------
# Words the lines are filled with
# ---------------------------------------------------------------------------------------------


def premise_hazard(premise: str) -> str:
    """The words an arc's danger or loss visual adds for the premise's disaster (``staging.json``'s
    ``hazards``: ", in the floodwater", ", in a storm"), the first one the premise names; "" for none."""
    lex = lexicon()
    found = [(hit.start, words) for key, words in staging()["hazards"].items() if key != "about"
             for hit in lex.find(premise, [key.split(":")[0]]) if hit.key == key.split(":")[1]]
    return str(min(found)[1]) if found else ""


def _hero_person(analysis: Analysis, style: str) -> Person:
    """The hero as the lines describe it: the premise's words, re-cast when another style was picked."""
    hero = analysis.hero
    want = CHARACTER_STYLES[style]
    premise_style = hero.style
    if premise_style == style or (premise_style is None and hero.species in (None, want.species)):
        # a breed with no button of its own (a calico) stays the premise's words, as the cast does
        return hero
    breed_key = next((k for k, b in lexicon().data["breeds"].items() if b["style"] == style), None)
    return Person(key="hero", role="hero", side="hero", pos=0, species=want.species, breed=breed_key,
                  traits=hero.traits, name=hero.name)


def _values(analysis: Analysis, style: str, language: str, slots: dict[str, Member], arc: Arc,
            humble_job: str | None = None) -> dict[str, str]:
    lex = lexicon()
    zh = language == "zh"
    same = analysis.language == language
    c = common()
    loc_words = c["location_words"]
    v: dict[str, str] = {}
    for slot, m in slots.items():
        v[slot] = m.name
        person = _hero_person(analysis, style) if slot == "hero" else m.person
        if m.invented or (person.species is None and person.breed is None and person.relation is None):
            st = CHARACTER_STYLES[style] if slot == "hero" else None
            word = (st.label_zh if zh else f"the {st.label_en.lower()}") if st else ("它" if zh else m.name)
            v[f"{slot}_a"] = word if not m.invented else (m.name if not zh else "")
        else:
            v[f"{slot}_a"] = describe(person, language, analysis if slot != "hero" or person is analysis.hero else None)
            if not zh and _together(analysis, {m.id for m in slots.values()}).get(m.id):
                v[f"{slot}_a"] = _one_of(v[f"{slot}_a"])  # "two cats": one of them is "the cat"
    # the job and the dream
    job, dream = analysis.job, analysis.dream
    if arc.id == "career_dream" and not dream and job and lex.entry("jobs", job).get("dream") \
            and not (humble_job is None and analysis.hero.job_words):  # "a pug nurse" is one already
        job, dream = None, job
    if job is None and arc.id != "lost_and_found" and not arc.by_kind:
        job = humble_job  # the premise names none: a humble one, chosen by the seed
    if job:
        e = lex.entry("jobs", job)
        own = analysis.hero.job_words if job == analysis.hero.job and same else ""  # "nurse", "magician"
        v.update(job=own if own and _title_like(own) else e["title_zh" if zh else "title_en"],
                 work=e["work_zh" if zh else "work_en"], work_en=e["work_en"],
                 job_place=loc_words[e["location"]][1 if zh else 0], job_place_en=loc_words[e["location"]][0])
    elif humble_job is None and arc.id != "lost_and_found" and not arc.by_kind:
        pass  # the premise names no job and tells its own events: the lines pick none
    else:
        dj = c["default_job"]["zh" if zh else "en"]
        v.update(job=dj[0], work=dj[1], work_en=c["default_job"]["en"][1],
                 job_place=loc_words["street"][1 if zh else 0], job_place_en=loc_words["street"][0])
    if dream:
        e = lex.entry("jobs", dream)
        v.update(dream=dream_title(analysis, dream, "zh" if zh else "en"), dream_work=e["work_zh" if zh else "work_en"],
                 dream_work_en=e["work_en"], dream_event=e.get("event_zh" if zh else "event_en", "那个大日子" if zh else "the big day"),
                 dream_place_en=loc_words[e["location"]][0])
        for key in analysis.places:  # the premise's own place for the dream (Mars, the stadium…)
            surface = analysis.surfaces.get(f"places:{key}")
            if lex.entry("places", key)["location"] == e["location"] and surface and analysis.language == "en":
                v["dream_place_en"] = surface
    elif humble_job is None:
        pass  # the premise names no dream and tells its own events: the lines pick none
    else:
        dd = c["default_dream"]["zh" if zh else "en"]
        v.update(dream=dd[0], dream_work=dd[1], dream_work_en=c["default_dream"]["en"][1],
                 dream_event="那个大日子" if zh else "the big day", dream_place_en="the stage")
    # the place and the lost thing, in the premise's words when the languages match
    place_key, place_surface = premise_place(analysis) or (None, None)  # the event's own place, not "city"
    if place_key:
        loc = lex.entry("places", place_key)["location"]
        v["place"] = place_surface if same and place_surface else loc_words[loc][1 if zh else 0]
        v["place_en"] = place_surface if analysis.language == "en" and place_surface else loc_words[loc][0]
    else:
        loc = lex.entry("jobs", job)["location"] if job else ("school" if arc.id == "glow_up" else "street")
        v["place"], v["place_en"] = loc_words[loc][1 if zh else 0], loc_words[loc][0]
    v["setting"] = loc if place_key or job else ""  # the premise's own place, else its job's: which lines fit
    v["_left"] = "partner" if _partner_left(analysis) else ""  # who walked out: which lines fit
    v["_elder"] = "elder" if _elder(slots) else ""  # the family an elder: no line of a little one growing up
    v["hazard"] = premise_hazard(analysis.premise)  # the flood the danger or the loss scene is drawn in
    v["_danger"] = rescue_from(analysis.premise) or (danger_of(analysis.premise) or "" if arc.id == "rescue" else "")
    # the ice, the well, the fire a rescue's lines name; told as a rescue, the danger it names is the rescue's
    # though no rescue verb says it ("a saint bernard finds a lost skier in the snow")
    # the ball a match is played with: the premise's own ball game (a basketball, a frisbee), else a football
    ball = next((k for k in analysis.props if k in staging()["balls"]["props"]), "football")
    v["ball"] = f"the {lex.entry('props', ball)['label']}"
    # the one a misdeed wrongs (the friend, else the family): told the truth where it is, and it answers
    wronged = next((s for s in ("friend", "family") if s in slots and not slots[s].person.gone), None)
    if wronged:
        v["wronged"] = v[f"wronged_{wronged}"] = slots[wronged].name
        # its place: the premise's own, else home for a parent, else its job's; none claimed it does not name
        own = v["place_en"] if re.match(r"(?:the|a|an|his|her|their|its) ", v["place_en"]) else f"the {v['place_en']}"
        where = own if place_key else "home" if wronged == "family" else loc_words[loc][0] if job else ""
        v["wronged_at"] = f", at {where}" if where else ""
    if not zh and (named := proper_place(v["place"])) is not None:
        v["place"] = named  # "explores mars": Mars, said with no "the"
    v["the_place"] = v["place"] if zh or re.match(r"(?:the|a|an|his|her|their|its) ", v["place"]) \
        or proper_place(v["place"]) else f"the {v['place']}"
    v["place_word"] = re.sub(r"^the ", "", v["place"])
    v["place_title"] = v["place_word"].title() if not zh else v["place_word"]
    v["place_cap"] = v["place"][:1].upper() + v["place"][1:]
    thing = analysis.lost_thing if same else None
    stolen = _stolen_thing(analysis, zh, same) if arc.by_kind else None
    if stolen:  # the stolen thing in the premise's words ("wedding ring", not "wedding")
        v["thing"], v["thing_en"] = stolen
    elif thing:
        thing = re.sub(r"^(his|her|their|its|the|a|an)\s+", "", thing)
        v["thing"] = thing if zh else f"the {thing}"
        v["thing_en"] = v["thing"] if not zh else "the place"
    elif job:
        e = lex.entry("jobs", job)
        v["thing"] = loc_words[e["location"]][1 if zh else 0]
        v["thing_en"] = loc_words[e["location"]][0]
    else:
        v["thing"] = c["default_thing"]["zh" if zh else "en"]
        v["thing_en"] = "everything"
    if arc.id == "saving_up":
        v.update({"bought": "", **_saving_values(analysis, slots, same)})
        if school_goal(analysis.premise):  # saved for college: its fees paid there, the hero through its gates
            v = {k: x for k, x in v.items() if k not in {"bought", "alone", "dear"}} | {"school": ""}
    if arc.id == "last_wish":
        v.update(wish_values(analysis, zh, same, slots["family"].name if "family" in slots else ""))
    base = re.sub(r"^the ", "", v["thing"])
    v["thing_title"] = base.title() if not zh else base
    v["thing_cap"] = v["thing"][:1].upper() + v["thing"][1:]
    return v


def _partner_left(analysis: Analysis) -> bool:
    """A premise clause tells another of the cast leaving the hero ("his wife leaves him for a rich poodle",
    老婆跟着一只有钱的贵宾犬走了): the hero is the one left, never one who walked out or was thrown out."""
    return any("dump" in c.events and c.actor not in (None, analysis.hero.key) for c in clauses(analysis))


def _saving_values(analysis: Analysis, slots: dict[str, Member], same: bool) -> dict[str, str]:
    """A saving story's thing (``goal``: the premise's words, in its own language; ``goal_seen``: what is drawn
    for it, its vocabulary prop, a home's keys, else a gift box; ``goal_want``: the same, not for a home) and the
    one it is for (``dear``; ``dear_family`` or ``dear_friend``, empty, for the slot it is); ``alone``, empty, when
    it is for no one in the cast (the lines that say the hero has it at last)."""
    goal = goal_of(analysis.premise)
    if goal is None:
        return {}
    words, at = goal
    props = lexicon().find(words, ["props"])
    seen = "the keys to the new home" if home_bought(f"buys {words}") or home_bought(f"买{words}") else \
        f"a {lexicon().entry('props', props[0].key)['label']}" if props else "a gift box"
    out = {"goal_seen": seen, **({"goal_want": seen} if props or seen == "a gift box" else {}),
           **({"goal": words} if same else {})}  # a home is wanted in words, never drawn as its keys
    people = [(m.person.key, m.person.words) for s, m in slots.items() if s != "hero" and m.person.side != "villain"]
    dear = for_whom(analysis.premise, people, at)
    slot = next((s for s, m in slots.items() if s != "hero" and m.person.key == dear), None)
    if slot is None:  # bought for no one in the cast: the lines of a thing had, alone
        return {**out, "alone": ""}
    return {**out, "dear": slots[slot].name, f"dear_{slot}": ""}  # its thanks said by that slot only


def _wronged_slot(fields: set[str], slots: dict[str, Member]) -> set[str]:
    """The slot a line's ``{wronged}`` names (the friend, else the family, as ``_values`` fills it): that pet is
    in the story, and needs no cameo of its own."""
    if not fields & {"wronged", "wronged_friend", "wronged_family"}:
        return set()
    return {next((s for s in ("friend", "family") if s in slots and not slots[s].person.gone), "")} - {""}


def fits_setting(entry: dict[str, Any], values: dict[str, str]) -> bool:
    """An arc line tied to a setting (``"setting"``: a group of ``common.json``'s ``settings``, or
    "indoor") is said only where the story is set there: no coffee fetched at school, no head teacher
    in the office; one that says who walked out (``"left"``: ``hero``, thrown out and back again, or ``partner``,
    who left the hero) only where that one did (``values``' ``_left``: ``partner`` where a premise's partner
    leaves the hero, ``_partner_left``); one of a little one ("young") never where the family is an elder
    (``values``' ``_elder``); one of a rival who mocked the hero (``"mocked"``) never where the premise tells its hero's
    mishap and no mocking (``values``' ``_unmocked``); one that calls back an arc line's deed (``"after"``: the
    coin the rival once tossed) only where a line that tells it (``"tells"``) is told, or the premise names it
    (``values``' ``_told``, set once the premise's clauses are woven in: ``_callbacks_told``)."""
    if entry.get("mocked") and values.get("_unmocked"):
        return False  # "I was only joking before" from the poodle the hero dropped a cake on, who never joked
    if entry.get("after") and "_told" in values and entry["after"] not in values["_told"].split():
        return False  # "Remember me? You threw me a coin once." where no coin was ever thrown
    if entry.get("young") and values.get("_elder"):
        return False  # "Look! Look at me!" from the grandma carried on the hero's back: a little one's line
    if "danger" in entry and values.get("_danger", "") not in entry["danger"]:
        return False  # a rescue's line of the ice never where the kitten is in a fire; "high and slippery" nowhere
        # a premise names its danger (``story.dangers``)
    left = entry.get("left")  # who walked out: the hero (thrown out, walking back in) or its partner
    if left and (left == "partner") != (values.get("_left") == "partner"):
        return False  # "Then one day he walks back in" where his wife left him; "the day she left" where he did
    group = entry.get("setting")
    if not group:
        return True
    where = staging()["indoor_places"]["places"] if group == "indoor" else common()["settings"][group]
    return (values.get("setting") or "street") in where  # a premise of no place nor job is drawn on the street


DEEDS = {"coin_toss": re.compile(r"\bcoins?\b|硬币|钢镚")}  # deeds an arc line tells, as a premise names them


def premise_deeds(premise: str) -> set[str]:
    """The deeds arc lines call back (``"after"``) that the premise names itself ("throws a coin at the poor
    cat", 扔给它一枚硬币): such a callback needs no arc line telling them."""
    return {deed for deed, words in DEEDS.items() if words.search(premise.lower())}


def _beat_speaker(beat: dict[str, Any], slots: dict[str, Member]) -> str:
    """The slot (or ``narrator``) whose member speaks ``beat``."""
    return next((s for s, m in slots.items() if m.id == beat["speaker"]), "narrator")


def _callbacks_told(beats: list[dict[str, Any]], arc: Arc, values: dict[str, str], lang: str, rng: random.Random,
                    ok: Callable[..., bool], slots: dict[str, Member], own: set[str]) -> None:
    """Once the premise's clauses stand in for the arc's beats (``weave``), the deeds still told are the premise's
    ``own`` and those of the arc lines kept (``values``' ``_told`` is set to them); an arc line that calls back a
    deed no longer told ("Remember me? You threw me a coin once." where the premise's own mocking took the
    coin's place) is said as another of its slot's lines (dropped where none fits), and the lines added after
    (``_tell_more``, ``_at_least``) call back none. In place."""
    told = own | {str(b["tells"]) for b in beats if b.get("tells")}
    values["_told"] = " ".join(sorted(told))
    said = {b["line"] for b in beats}
    for i, beat in enumerate(beats):
        if not beat.get("after") or beat["after"] in told:
            continue
        spec: dict[str, Any] = next((s for s in arc.beats if s["id"] == beat["slot"]), {"variants": []})
        options = []
        for var in spec["variants"]:
            if var["speaker"] != "narrator" and var["speaker"] not in slots or not fits_setting(var, values):
                continue
            line = _fill(var[lang], {**values, "when": "", "later": ""})
            visual = _fill(var["visual"], {**values, "work": values.get("work_en", "")})
            if line and visual and ok(line, visual) and line not in said:
                options.append((var["speaker"], line, visual))
        if not options:  # no other line of its slot fits (the boss's job the premise never names): its more
            # narration, drawn as the slot's own picture ("Every head turns to watch Koda's face go pale.")
            seen = [v for var in spec["variants"] if not var.get("after")
                    and (v := _fill(var["visual"], {**values, "work": values.get("work_en", "")}))]
            options = [("narrator", line, seen[0]) for m in spec.get("more", ()) if fits_setting(m, values) and seen
                       and (line := _fill(m[lang], values)) and ok(line, seen[0]) and line not in said]
        rest = {k: v for k, v in beat.items() if k not in ("speaker", "line", "visual", "after")}
        options = [o for o in options if o[0] == _beat_speaker(beat, slots)] or options  # the hero's line for the hero's
        if options:
            speaker, line, visual = aside(rng, "callback").choice(options)  # the seed's other draws as they were
            beats[i] = {**rest, "speaker": slots[speaker].id if speaker != "narrator" else "narrator",
                        "line": line[:LINE_MOST], "visual": visual[:160]}
            said.add(line)
        else:
            beats[i] = {}
    beats[:] = [b for b in beats if b]


def _stolen_thing(analysis: Analysis, zh: bool, same: bool) -> tuple[str, str] | None:
    """The thing a theft clause takes: in the lines' language (the premise's words when they match) and
    in English for the visual notes; None when no clause steals a drawable thing."""
    said = clauses(analysis)
    n = next((n for c in said if "steal" in c.events for n in c.asked if n.section == "props"
              and not lexicon().keys(n.wanted, "places")), None)  # "on the bus": where it was taken, not what
    kind = story_kind(analysis)
    if n is None and kind.hurts:  # what a quarrel is over: the last fish, his brother's toy train
        n = next((n for c in said if kind.hurt_in(c.text) for n in c.asked if n.section == "props"), None)
    if n is None:
        return None
    entry = lexicon().entry("props", n.used)
    english = f"the {n.wanted}" if analysis.language == "en" else f"the {entry['en'][0]}"
    if zh:
        return (n.wanted if same else str(entry["zh"][0])), english
    return (english if same else f"the {entry['en'][0]}"), english


def _title_like(words: str) -> bool:
    """The premise's own words for a job read as its title ("nurse", "taxi driver"), not a doing ("sells")."""
    return not re.search(r"\b\w+(?:s|ed|ing)\b$", words) or words.endswith(("ss", "ess")) or bool(_HAN.search(words))




_CHILD_SAID = {"daughter": "girl", "son": "boy"}


def _relation_word(person: Person, language: str) -> str:
    """What the person is to the one it belongs to: boyfriend, bodyguard, mother… (or its breed)."""
    lex = lexicon()
    zh = language == "zh"
    if person.relation in _CHILD_SAID and person.human and not zh:
        return _CHILD_SAID[person.relation]  # "a little girl's kitten": the kitten's girl, nobody's daughter
    if person.relation:
        return str(lex.entry("relations", person.relation)["zh" if zh else "en"][0])
    if person.breed:
        return str(lex.entry("breeds", person.breed)["zh" if zh else "en"][0])
    return "伙伴" if zh else "sidekick"


def _untold_events(events: list[str], most: int, said: str, lang: str) -> list[dict[str, Any]]:
    """The lexicon entries of the first ``most`` events that have a beat, less those a line already says."""
    entries = [e for e in (lexicon().entry("events", event) for event in events) if "beat" in e][:most]
    return [e for e in entries if not any(w in said for w in e["zh" if lang == "zh" else "en"])]


def _narration(told: dict[str, str], lang: str, line_values: dict[str, str], visual_values: dict[str, str],
               slot: str) -> dict[str, str] | None:
    """A narrator beat from a line variant, or None when a field it names has no value."""
    line = _fill(told[lang], line_values)
    visual = _fill(told["visual"], visual_values)
    if not (line and visual):
        return None
    return {"speaker": "narrator", "line": line[:LINE_MOST], "visual": visual[:160], "slot": slot}


def _fill(template: str, values: dict[str, str]) -> str | None:
    """``template`` with its fields filled, or None when a field has no value."""
    text = fill_fields(template, values)
    if text is None:
        return None
    text = " ".join(text.split())
    text = re.sub(r"\b([Aa]) ([aeiouAEIOU])", r"\1n \2", text)
    text = re.sub(r"\bthe the\b", "the", text)
    text = re.sub(r"^([a-z])", lambda m: m.group(1).upper(), text)
    text = re.sub(r"((?<!\.\.)[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
    text = text.replace("在在", "在").replace("正在在", "正在")
    text = re.sub(r'^"([a-z])', lambda m: '"' + m.group(1).upper(), text)
    return text


# ---------------------------------------------------------------------------------------------
# Planning
# ---------------------------------------------------------------------------------------------


def plan_story(analysis: Analysis, style: str, language: str, seed: int, arc_id: str | None = None) -> Plan:
    """A ``Plan`` for the premise: its cast, its job, place and events, in the chosen arc's shape."""
    return plan_with_asks(analysis, style, language, seed, arc_id)[0]


def plan_with_asks(analysis: Analysis, style: str, language: str, seed: int, arc_id: str | None = None,
                   ) -> tuple[Plan, dict[int, list[str]], list[Substitution]]:
    """The ``Plan``; per beat (0-based), the things its premise clause asks to be drawn in the
    premise's own words ("food truck"), for the staging and its report; the places the clauses ask
    for that are drawn as another (a food truck on the street).

    The premise's clauses (``story.clauses``) are the spine: each is told, in order, in the premise's
    words (``story.spine``); the arc adds the hook, reactions, feelings and the time in between."""
    # 1. Seeded choices, the arc, the cast and who plays which part.
    rng = random.Random(f"plan\x00{analysis.premise}\x00{style}\x00{language}\x00{seed}")
    arc = arcs()[arc_id or choose_arc(analysis, seed)]
    said_clauses = clauses(analysis)
    if arc.id == "mentor" and hero_is_pupil(analysis, said_clauses):
        arc = pupil_told(arc)  # "a young cat is coached by an old boxer dog": the coach's lines are the dog's
    arc = calm_told(arc, analysis.premise)  # no tumble where the premise tries nothing new: its calm lines
    if arc.id == "rescue" and hero_rescued(analysis.premise):
        arc = pupil_told(arc)  # "a kitten was saved from the fire by a firefighter": the firefighter hears the cry,
        # goes in and carries the kitten out; the kitten is the one stuck
    weathers = {w for c in said_clauses for w in c.weathers}  # the premise's weather: an arc line names no other
    # around the premise's own events the arc invents nobody, no job and nothing the premise does not ask for
    has_job = bool(analysis.job or analysis.dream or any(p.job_words for p in analysis.cast))
    members = _cast(analysis, arc, style, language, rng, invent=not said_clauses or _implies_another(analysis))
    trip = {leg.weather for leg in legs(story_kind(analysis).id)} - {"clear"}  # the time trip's flash, the pirates' storm
    ok: Callable[..., bool] = _licence(Licence(analysis.premise, has_job), {*weathers, *trip, *arc.seasons}, [
        n for m in members for n in (m.name, name_in(m.name, language))]) if said_clauses else _anything
    slots = _slots(members, arc.mates)
    lang = "zh" if language == "zh" else "en"
    humble = rng.choice(["construction", "delivery", "dishwasher", "cleaner", "street_vendor", "waiter"])
    values = _values(analysis, style, lang, slots, arc, None if said_clauses else humble)
    saved = next((m.name for c in said_clauses if c.obj and c.obj != analysis.hero.key and tells_rescue(c.text)
                  for m in slots.values() if m.person.key == c.obj), None)
    if saved is not None:  # the one the premise's rescue saves (the rich cat the kitten saves from the fire):
        values["saved"] = saved  # "You're safe now" is said to it, beside the hero
    if said_clauses and mishap_moves_on(analysis) and "mock" not in analysis.wrongs:
        values["_unmocked"] = "unmocked"  # the cake dropped on the poodle: it never joked at the hero
    c = common()
    whens = rng.sample([w for w in c["when"][lang] if ok(w)], 3)  # not "On payday," for a premise with no pay
    late = _not_at(analysis, lang) if said_clauses else frozenset()  # never "Before sunrise," at a party
    for k, w in enumerate(whens):
        if w in late:
            whens[k] = next(x for x in c["when"][lang] if x not in late and x not in whens and ok(x))
    described = [k for k, m in slots.items() if m.person.traits]
    too_long = set(c["later_long"][lang]) if names_short_span(analysis.premise) else set()  # "all summer": no year
    laters = [w for w in c["later"][lang] if ok(w)]
    laters = rng.sample(short if len(short := [w for w in laters if w not in too_long]) >= 3 else laters, 3)

    # 2. Beats: a variant per slot (optional slots by chance), lines filled with the premise's words.
    beats: list[dict[str, str]] = []
    used_slots: set[str] = set()
    optional_kept = 0
    gone = {s for s, m in slots.items() if m.person.gone}  # remembered: never heard, never met again
    doing = {action(c) for c in said_clauses if (c.actor or analysis.hero.key) == analysis.hero.key}  # the hero's
    nameless = {**values, "_danger": ""}  # the lines of a rescue from no danger named (the seed's draws)
    for n, slot in enumerate(arc.beats):
        if not _fits_life(slot, slots) or slot.get("unless_kind") and says_kind(analysis.premise, slot["unless_kind"]) \
                or set(slot.get("unless_actions", ())) & doing:  # "naps in the sun": no tumble, no "Whoa!" in it
            continue  # a saving story's want, never before the hero breaks the thing it replaces
        if slot.get("optional") and rng.random() < 0.4:
            continue
        optional_kept += bool(slot.get("optional"))
        local = {**values, "when": whens[n % 3], "later": laters[n % 3]}
        options: list[tuple[str, str, str, dict[str, Any]]] = []  # the slot's lines of any rescue
        own_danger: list[tuple[str, str, str, dict[str, Any]]] = []  # and those of the premise's danger
        for var in slot["variants"]:
            speaker = var["speaker"]
            specific = var.get("danger", [""]) != [""]  # a line of one danger (the ice), else of any rescue
            if speaker != "narrator" and (speaker not in slots or speaker in gone) or \
                    not fits_setting(var, values if specific else nameless):
                continue
            line = _fill(var[lang], local)
            visual = _fill(var["visual"], {**local, "work": values.get("work_en", "")}) or \
                _fill(var.get("visual_else", ""), local)  # the arc's friend, else the one the premise saves
            if line and visual and ok(line, visual) and fits_scene(line, scene_of(visual, values["setting"]), lang):
                (own_danger if specific else options).append((speaker, line, visual, var))
        must = ["{" + f + "}" for f in slot.get("must", [])]
        options = [o for o in options if all(m in o[3][lang] for m in must)] or options
        if not beats and described and options:  # the opening names the premise's own descriptions (poor, rich…)
            def descriptors(o: tuple[str, str, str, dict[str, Any]]) -> int:
                return sum(f"{{{k}_a}}" in o[3][lang] for k in described)
            most = max(descriptors(o) for o in options)
            options = [o for o in options if descriptors(o) == most]
        if not options:
            continue
        speaker, line, visual, var = rng.choice(options)
        if own_danger:  # the premise's danger named (the ice, the fire): its own line, picked by the line it
            # stands in for (the seed's draws as for any rescue), never "the way is high and slippery"
            speaker, line, visual, var = aside(rng, slot["id"]).choice(own_danger)
        elif values["_danger"] and not fits_setting(var, values):  # "the way there is high and slippery" where
            anywhere = [o for o in options if fits_setting(o[3], values)]  # the premise names a danger none of
            if anywhere:  # the slot's own lines may say (the snow of an avalanche): a line of any rescue
                speaker, line, visual, var = aside(rng, slot["id"]).choice(anywhere)
        fields = set(FIELD.findall(var[lang] + var["visual"]))
        used_slots |= {f for f in fields if f in slots} | _wronged_slot(fields, slots)
        if speaker != "narrator":
            used_slots.add(speaker)
        beats.append({"speaker": slots[speaker].id if speaker != "narrator" else "narrator",
                      "line": line[:LINE_MOST], "visual": visual[:160], "slot": slot["id"],
                      **{k: str(var[k]) for k in ("tells", "after") if var.get(k)},  # a deed told, or called back
                      **({"keep": "yes"} if slot.get("keep") else {}),  # a step of its story: dropped last
                      **({"always": "yes"} if slot.get("always") else {}),  # told though the premise tells its phase
                      **({"builds_up": "yes"} if slot.get("builds_up") else {})})  # told right before the deed

    # 2a. The premise's own wrong is told, when no line tells it yet (fired, mocked, lost …); a story not
    #     of striving tells its wrongs and outcomes in its own clauses ("falls in love" is no wedding).
    said = " ".join(b["line"] for b in beats).lower()
    told_own = said_clauses and not story_kind(analysis).striving  # its own clauses tell its events
    for entry in _untold_events([] if told_own else analysis.wrongs, 1, said, lang):
        local = {**values, "when": whens[1], "later": laters[1]}
        beat = _narration(rng.choice(entry["beat"]), lang, local, {**local, "work": values.get("work_en", "")}, "wrong")
        if beat is not None and ok(beat["line"], beat["visual"]):
            beats.insert(min(1, len(beats)), beat)

    # 2c. The premise's outcome, job and place are said, when no line says them yet.
    said = " ".join(b["line"] for b in beats).lower()
    for entry in _untold_events([] if told_own else analysis.outcomes, 2, said, lang):
        local = {**values, "when": whens[2], "later": laters[2]}
        beat = _narration(rng.choice(entry["beat"]), lang, local, local, "outcome")
        if beat is not None and ok(beat["line"], beat["visual"]):
            beats.insert(max(1, len(beats) - 1), beat)
    for field_name, template in (("job", c["job_line"]), ("place", c["place_line"])):
        own = analysis.job if field_name == "job" else (analysis.places[0] if analysis.places else None)
        if own is None or field_name not in values or values[field_name].lower().removeprefix("the ") in said:
            continue
        beat = _narration(rng.choice(template), lang, {**values, "when": whens[2]}, values, field_name)
        if beat is not None:
            beats.insert(min(2, len(beats)), beat)

    # 2b. The rival is heard: when no beat gives the rival a line, a slot that can (the seed's choice) does.
    if "rival" in slots and not any(b["speaker"] == slots["rival"].id for b in beats):
        heard = []
        for i, b in enumerate(beats):
            spec: dict[str, Any] = next((s for s in arc.beats if s["id"] == b["slot"]), {"variants": []})
            for var in (v for v in spec["variants"] if v["speaker"] == "rival" and fits_setting(v, values)):
                line = _fill(var[lang], {**values, "when": whens[0], "later": laters[0]})
                visual = _fill(var["visual"], {**values, "work": values.get("work_en", "")})
                if line and visual and ok(line, visual):
                    heard.append((i, line, visual, b["slot"]))
        if heard:
            i, line, visual, slot_id = rng.choice(heard)
            beats[i] = {"speaker": slots["rival"].id, "line": line[:LINE_MOST], "visual": visual[:160], "slot": slot_id}

    # 3. Cameos: every cast member the arc did not use appears (villain's side early, friends late).
    named = {slots[s].id for s in used_slots if s in slots}
    for m in members[1:]:
        if m.id in named or m.person.gone:
            continue
        side = "villain" if m.person.side == "villain" else "hero"
        cameo = rng.choice(c["cameos"][side])
        if m.person.alike > 1 and not m.person.species and not m.person.breed and any(
                o.id in named and o is not m and (o.person.start, o.person.words) == (m.person.start, m.person.words)
                for o in members):  # "the firemen": the second of a group is there with the first, no cameo of its own
            continue  # (drawn all the same, so the seed's other draws stay as they were)
        local = {**values, "id": m.id, "name": m.name, "rel": _relation_word(m.person, lang)}
        line = _fill(cameo[lang], local)
        visual = _fill(cameo["visual"], local)
        if not line or not visual or not ok(line, visual):
            continue
        beat = {"speaker": m.id if cameo["speaker"] == "{id}" else "narrator", "line": line[:LINE_MOST],
                "visual": visual[:160], "slot": "cameo"}
        at = 2 if side == "villain" else max(2, len(beats) - 2)
        beats.insert(min(at, len(beats)), beat)

    # 3a. The premise's own events, in its order and words, are the spine; the arc fills what it leaves open.
    said_clauses = clauses(analysis)
    if said_clauses:
        people = {m.id: m.name for m in members}
        others = {p.key: describe(p, lang, analysis) for p in analysis.cast if p.key not in people}
        want = CHARACTER_STYLES[style]  # the premise's hero drawn in another style (a beagle stays a beagle)
        recast_hero = (analysis.hero.species not in (None, want.species)
                       or analysis.hero.style not in (None, style))
        cast_names = Cast({**others, **people}, members[0].id,
                          {**{p.key: p.side for p in analysis.cast}, **{m.id: m.person.side for m in members}},
                          {members[0].id: values["hero_a"]} if recast_hero else {},
                          _calling(analysis, lang, said_clauses), job_place(analysis) or "", story_kind(analysis),
                          _together(analysis, set(people)), frozenset(m.id for m in members if m.person.gone))
        opener = rng.choice([w for w in c["when"][lang] if w not in whens and ok(w)])
        if opener in late:  # the premise's own first clause at its party: by day or in the evening
            opener = next(x for x in c["when"][lang] if x not in late and x not in whens and ok(x))
        spine = premise_beats(analysis, said_clauses, cast_names, lang, rng, (opener, laters[1]))
        unwon = _unwon(_anything, said_clauses)  # a win only wished: no arc step of it won
        beats = weave([b for b in beats if unwon(b["line"], b["visual"])], spine, said_clauses, analysis, cast_names)
        _callbacks_told(beats, arc, values, lang, rng, ok, slots, premise_deeds(analysis.premise))
        open_slots = {b["slot"] for b in beats if b.get("open")}  # the arc tells more where the premise is silent
        _tell_more(beats, arc, {**values, "when": whens[0], "later": laters[0]}, lang, rng, open_slots, ok, weathers)
        unrepeated(beats, cast_names.names.values())  # the arc's lines each said once, before the filler fills in
        beats = fill(beats, said_clauses, cast_names, lang, rng, ok, story_kind(analysis), values["setting"])
        _at_least(beats, arc, values, whens, laters, lang, _unwon(ok, said_clauses), slots)
        pair = help_pair(said_clauses) if story_kind(analysis).id == "helping" else None
        if pair is not None:  # the helper and the one helped on screen together, where the help is given
            own_place = premise_place(analysis) or job_place(analysis)
            together(beats, pair, people, members[0].id, cast_names.gone,
                     None if own_place else helper_place(analysis, pair[0]))
        jointly = next((b for b in reversed(beats) if b.get("with") in people and b.get("clause") is not None), None)
        if jointly is not None and jointly["with"] != members[0].id:  # "they open a noodle shop together":
            together(beats, (str(jointly["with"]), members[0].id, int(jointly["clause"])), people,
                     members[0].id, cast_names.gone)  # both on screen from that clause to the end
        _mocker_shown(beats, members, said_clauses)
        peril_shown(beats, said_clauses, (analysis.dream,))  # the job it grows up to: a firefighter's fire
        unrepeated(beats, cast_names.names.values(), fewest=MIN_BEATS)  # no arc line says a filler's again
        subs = [Substitution(i + 1, ask.kind, ask.wanted, ask.used, who=ask.who) for i, b in enumerate(beats)
                for ask in cast_asks(b.get("subs", []))
                if ask.wanted.strip().lower() != ask.used.strip().lower()]  # "diamond ring" drawn as "diamond ring"
        if analysis.job_near and analysis.job:  # "magician": told in its word, drawn as the nearest job
            first = next((i for i, b in enumerate(beats) if b.get("clause") is not None), 0)
            subs.insert(0, Substitution(first + 1, "job", analysis.hero.job_words, analysis.job))
        told = {e for c in said_clauses for e in c.events}
        litters_said(beats, _litters(members, lang))  # "raises her five kittens": never "Mango is never alone"
        world_said(beats, analysis.premise, lang)  # "flies to mars": lands on Mars, never on the moon
        _one_calendar(beats, lang, rng, lambda *t: ok(*t) and not set(t) & late)
        return _plan(arc, members, values, beats, lang, rng, told, ok, mishap_titles(analysis, lang)), {
            i: list(b.get("asks", [])) for i, b in enumerate(beats) if b.get("asks")}, subs

    # 4. Between 6 and 10 beats: drop optional ones from the middle, or add the ones skipped.
    while len(beats) > MAX_BEATS:
        optional_ids = {s["id"] for s in arc.beats if s.get("optional")}
        kept = {"cameo", "wrong", "outcome", "job", "place"}
        fallback = next(i for i in range(len(beats) - 2, 0, -1) if beats[i]["slot"] not in kept)
        drop = next((i for i in range(len(beats) - 2, 0, -1) if beats[i]["slot"] in optional_ids), fallback)
        beats.pop(drop)
    if len(beats) < MIN_BEATS:
        have = {b["slot"] for b in beats}
        for slot in arc.beats:
            if slot["id"] in have or len(beats) >= MIN_BEATS or not _fits_life(slot, slots):
                continue
            var = next((v for v in slot["variants"] if v["speaker"] == "narrator" and fits_setting(v, values)), None)
            if var is None:
                continue
            line = _fill(var[lang], {**values, "when": whens[0], "later": laters[0]})
            visual = _fill(var["visual"], {**values, "when": "", "later": ""})
            if line and visual:
                pos = [s["id"] for s in arc.beats].index(slot["id"])
                beats.insert(min(pos, len(beats)), {"speaker": "narrator", "line": line, "visual": visual,
                                                    "slot": slot["id"]})

    # 4a. Long enough to fill the clip: beats tell more of their event (the slot's "more" lines),
    #     round by round in a seeded order, until the script says about FILL_S seconds.
    _tell_more(beats, arc, {**values, "when": whens[0], "later": laters[0]}, lang, rng, weathers=weathers)

    # 4b. The premise's order: a wrong it tells first is not told after a later event of it.
    _keep_premise_order(beats, analysis)

    # 5. The plan.
    litters_said(beats, _litters(members, lang))
    world_said(beats, analysis.premise, lang)
    _one_calendar(beats, lang, rng)
    unrepeated(beats, [m.name for m in members], fewest=MIN_BEATS)
    return _plan(arc, members, values, beats, lang, rng), {}, []


def _litters(members: list[Member], lang: str) -> dict[str, str]:
    """The members drawn as a litter (name: "kittens"), in an English story."""
    return {m.name: noun for m in members if lang == "en" and (noun := litter_noun(m.look)) is not None}


def _mocker_shown(beats: list[dict[str, Any]], members: list[Member], said: list[Any]) -> None:
    """A rival the arc cast (the mocker a dream story needs) whom no beat shows nor voices is shown as the one
    laughing where the premise's mocking has no doer of the cast ("everyone laughs at his short legs"): in
    that clause's scenes, laughing at the hero; never a cast member who is never on screen."""
    hero = members[0]
    mocked = [b for b in beats if b.get("kind") == "hurt" and b.get("clause") is not None
              and said[int(b["clause"])].actor is None and "mock" in said[int(b["clause"])].events]
    for m in members[1:]:
        if not m.invented or m.person.side != "villain" or m.person.gone or any(
                b["speaker"] == m.id or m.name in str(b["visual"]) for b in beats):
            continue
        for b in mocked:
            visual = str(b["visual"])
            for other in beats:
                if other["visual"] == visual:  # the mocking's aftermath too
                    other["visual"] = added(visual, f", while {m.name} laughs at {hero.name}")
        return


_TWO_SIDED = {"betray", "steal", "mock", "fire", "dump", "frame", "sabotage", "abandon", "sacrifice", "marry",
              "forgive", "compete", "revenge"}


def _implies_another(analysis: Analysis) -> bool:
    """A premise of one pet whose events need someone else ("his best friend betrays him", "two spies
    fall in love", 奶奶猫…供孙子读书): the arc's part is cast; a pet alone ("a husky loses his ball")
    gets nobody invented."""
    events = {*analysis.wrongs, *analysis.goals, *analysis.outcomes}
    if not sacrifice_for(analysis):
        events.discard("sacrifice")  # "saves every coin and buys a house": saving up, alone
    if events & _TWO_SIDED == {"mock"} and not re.search(r"\btwo\b|两|俩", analysis.premise) and mocked_by_many(analysis):
        return False  # 被大家嘲笑, "everyone laughs at him": the mockers are a crowd, no one pet invented for them
    company = story_kind(analysis).company
    if company == "all" or company == "alone" and len(analysis.cast) < 2:
        return True  # "a sick old cat wants to see snow one last time": someone takes her there; a first day's friend
    return len(analysis.cast) < 2 and bool(events & _TWO_SIDED or re.search(r"\btwo\b|两|俩", analysis.premise))


def _together(analysis: Analysis, cast: set[str]) -> dict[str, tuple[str, ...]]:
    """Cast pets named by one plural word ("two cats cook dinner", 两只猫一起做饭, three kittens): each one's
    others, when the premise has one such group."""
    out: dict[str, tuple[str, ...]] = {}
    for p in analysis.cast:
        mates = tuple(q.key for q in analysis.cast if q is not p and q.words and q.words == p.words
                      and q.start == p.start and q.key in cast)
        if mates and p.key in cast and p.words:
            out[p.key] = mates
    return out if len(out) in {2, 3} and all(len(m) == len(out) - 1 for m in out.values()) else {}


def _one_of(words: str) -> str:
    """The singular of a plural description ("the lonely cats" → "the lonely cat", "the puppies" → "the puppy")."""
    return re.sub(r"ies$", "y", words) if words.endswith("ies") else re.sub(r"(?<!s)s$", "", words)


def _anything(*texts: str | None) -> bool:
    return True


def _calling(analysis: Analysis, lang: str, said: list[Any]) -> str:
    """The job the story reaches, when its last clause tells it: the dream (pop star), else a dream-like
    job of the hero's (an astronaut exploring Mars)."""
    job = analysis.dream or analysis.job
    if job is None or not said or not said[-1].events or (not analysis.dream and job not in said[-1].jobs):
        return ""
    entry = lexicon().entry("jobs", job)
    if not (analysis.dream or entry.get("dream")):
        return ""
    return dream_title(analysis, analysis.dream, lang) if analysis.dream else str(entry["title_zh" if lang == "zh" else "title_en"])


def _plan(arc: Arc, members: list[Member], values: dict[str, str], beats: list[dict[str, Any]], lang: str,
          rng: random.Random, told: set[str] | None = None, ok: Callable[..., bool] = _anything,
          own_titles: Sequence[str] = ()) -> Plan:
    """The plan of ``beats``; its title one of the arc's, or of ``own_titles`` where the premise has its own (the
    thing it drops or spills: ``story.kinds.mishap_titles``)."""
    titled: dict[str, str] = values if lang == "zh" else {
        **values, **{k: values[k].title() for k in ("job", "dream") if k in values}}
    titles = [*arc.titles[lang], *arc.titles_left.get(values.get("_left") or "hero", {}).get(lang, [])]
    if own_titles:
        titles = list(own_titles)
    if told is not None:  # a title names no event the premise does not tell ("The Stolen Shop")
        titles = [t for t in titles if set(lexicon().keys(t, "events")) <= told] or titles
        filled = [f for t in titles if (f := _fill(t, titled)) and ok(f)]  # nor a job it does not name
        titles = filled or [arc.label[lang]]
    title = _fill(rng.choice(titles), titled) or arc.label[lang]
    remembered = {s["id"] for s in arc.beats if s.get("memory")}  # the arc's beats in the past ("Once, long ago")
    cast = [{"id": m.id, "name": m.name[:40], "species": m.species, "role": m.person.role, "look": m.look,
             **({"gone": True} if m.person.gone else {})} for m in members]
    return Plan.model_validate({
        "title": title[:80], "cast": cast,
        "beats": [{**{k: b[k] for k in ("speaker", "visual")}, "line": within(b["line"], LINE_MOST),
                   **({"memory": True} if b.get("memory") or b.get("slot") in remembered else {})} for b in beats],
    })


def calm_told(arc: Arc, premise: str) -> Arc:
    """``arc`` with each slot kept only for a premise that says one of its ``only_words`` (the tumble of a day of
    trying something new: a kitten's first snow) told in its ``calm`` lines where the premise says none (a teacher
    loved by her students, a cat watching the rain: a quiet look around, never "One slip, one tumble"); as many
    lines as its own, so every draw of the seed is as it was."""
    if not any(b.get("only_words") and not _says_any(premise, b["only_words"]) for b in arc.beats):
        return arc
    return replace(arc, beats=tuple({**b, **b["calm"]} if b.get("only_words") and not _says_any(premise, b["only_words"])
                                    else b for b in arc.beats))


def _says_any(premise: str, words: dict[str, Any]) -> bool:
    """The premise says one of ``words`` (English whole words, Chinese anywhere)."""
    low = premise.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in words.get("en", ())) \
        or any(w in premise for w in words.get("zh", ()))


def _fits_life(slot: dict[str, Any], slots: dict[str, Member]) -> bool:
    """A beat told only while the family lives ("life": "alive", the return) or only when it is gone
    ("gone", the remembrance) fits the cast: never without a family; one of a little one growing up ("young")
    never of an elder (``_elder``)."""
    life = slot.get("life")
    if slot.get("young") and _elder(slots):
        return False  # "the seasons turn, and grandma grows a little more each day": a little one's beat
    return not life or ("family" in slots and slots["family"].person.gone == (life == "gone"))


_ELDERS = frozenset({"grandma", "grandpa", "mother", "father"})


def _elder(slots: dict[str, Member]) -> bool:
    """The arc's family is an elder of the hero's (its grandma, its mother: "carries his sick grandma on his back"),
    never a little one it raises."""
    return "family" in slots and slots["family"].person.relation in _ELDERS and slots["family"].person.role != "hero"


_WON = re.compile(r"celebrat|trophy|winner|champion|medal|奖杯|冠军|获胜|奖牌", re.IGNORECASE)


def _unwon(ok: Callable[..., bool], said: Sequence[Clause]) -> Callable[..., bool]:
    """``ok``, and where the premise's win is only wished or meant ("wants to win the dog show", "must beat the
    champion", 一定要赢得比赛: ``only_wished``) and won in none of its clauses, or its contest is entered and its win
    never told ("enters the cooking contest": ``contest_untold``), no arc line or picture of it won (the trophy held up,
    the judges' applause): the result is still ahead."""
    wins = [c for c in said if "win" in c.events] or [c for c in said[-1:] if "compete" in c.events]
    if not contest_untold(said) and (not wins or not all(only_wished(c) for c in wins)):  # (a contest only entered
        return ok  # or competed in, its win never told: still ahead)
    lex = lexicon()
    return lambda *t: ok(*t) and not any(
        x and (_WON.search(x) or {"win", "become"} & set(lex.keys(x, "events"))) for x in t)


def _licence(licence: Licence, weathers: Collection[str], names: Sequence[str]) -> Callable[..., bool]:
    """What an arc line may say around a premise's own clauses: only what ``licence`` allows, and no weather but the
    premise's own, its trip's legs' or its arc's seasons (``fits_weather``; the cast's ``names`` are no weather said: 雪球, Storm): no rain soaking the fur
    where it snows, and none at all in a story of no weather (its pictures are dry, or a rainy street would come
    from nowhere)."""
    def ok(*texts: str | None) -> bool:
        said = " ".join(t for t in texts if t)
        for name in sorted((n for n in names if n), key=len, reverse=True):
            said = said.replace(name, " ")
        return licence.allows(*texts) and fits_weather(said, weathers)
    return ok


def _at_least(beats: list[dict[str, Any]], arc: Arc, values: dict[str, str], whens: list[str], laters: list[str],
              lang: str, ok: Callable[..., bool] = _anything, slots: dict[str, Member] | None = None) -> None:
    """At least ``MIN_BEATS``: the arc's dialogue first (it tells no event), then its narration."""
    have = {b["line"] for b in beats}
    for speaker_first in (True, False):
        for slot in arc.beats:
            if len(beats) >= MIN_BEATS:
                return
            if slots is not None and not _fits_life(slot, slots):
                continue
            must = ["{" + f + "}" for f in slot.get("must", [])]  # the slot's own variants first
            for var in sorted(slot["variants"], key=lambda v: not all(m in v[lang] for m in must)):
                if (var["speaker"] == "narrator") == speaker_first or not fits_setting(var, values):
                    continue
                line = _fill(var[lang], {**values, "when": whens[0], "later": laters[0]})
                visual = _fill(var["visual"], {**values, "when": "", "later": "", "work": values.get("work_en", "")})
                if line and visual and line not in have and var["speaker"] in {"narrator", "hero"} and ok(line, visual):
                    beats.append({"speaker": var["speaker"], "line": line[:LINE_MOST], "visual": visual[:160],
                                  "slot": slot["id"]})
                    have.add(line)
                    break


def _tell_more(beats: list[dict[str, Any]], arc: Arc, values: dict[str, str], language: str,
               rng: random.Random, only: set[str] | None = None, ok: Callable[..., bool] = _anything,
               weathers: Collection[str] = ()) -> None:
    """Add the slots' "more" narration to ``beats`` (in place) until they say about ``FILL_S`` seconds.

    A narrator beat says it after its own line; before a character's line it is a narrator beat of
    its own (the line then joins its scene). At most two more lines per beat. A script already too
    long for the clip loses optional beats instead.
    """
    optional = {s["id"] for s in arc.beats if s.get("optional")}
    kept = {"cameo", "wrong", "outcome", "job", "place", "premise", "reaction", "feeling"}
    while beats_seconds(beats, language) > TARGET_MAX_S - 2 and len(beats) > MIN_BEATS:
        middle = range(len(beats) - 2, 0, -1)
        drop = next((k for k in middle if beats[k]["slot"] in optional),
                    next((k for k in middle if beats[k]["slot"] not in kept), None))
        if drop is None:
            break
        beats.pop(drop)
    if beats_seconds(beats, language) > TARGET_MAX_S - 2:
        return
    nameless = {**{k: v for k, v in values.items() if k != "_told"}, "_danger": ""}  # the seed draws as for a rescue
    # from no danger named (the premise's own danger's lines stand in for those drawn), and as for every deed told
    more = {s["id"]: [m for m in s.get("more", ()) if fits_setting(m, nameless)] for s in arc.beats
            if only is None or s["id"] in only}  # own danger's lines stand in for those drawn (``_danger``)
    own_danger = {s["id"]: [m for m in s.get("more", ()) if m.get("danger", [""]) != [""] and fits_setting(m, values)]
                  for s in arc.beats} if values.get("_danger") else {}
    told_before: set[int] = set()
    for _ in range(2):
        order = [b for b in beats if more.get(b["slot"])]
        rng.shuffle(order)
        for beat in order:
            if beats_seconds(beats, language) >= FILL_S:
                return
            options = more[beat["slot"]]
            if not options:
                continue
            drawn = options.pop(rng.randrange(len(options)))
            if drawn.get("after") and not fits_setting(drawn, values):
                continue  # "the old coin shines in her paw" where no coin was ever thrown: drawn, and not said
            if own_danger.get(beat["slot"]):
                pool = own_danger[beat["slot"]]  # the ice's line, not "it looks very far"; picked by the line drawn
                drawn = pool.pop(aside(rng, beat["slot"]).randrange(len(pool)))
            elif values.get("_danger") and not fits_setting(drawn, values):
                continue  # "it looks very far, and very dangerous": never where the premise names its danger
            told = _fill(drawn[language], values)
            if told is None or (only is not None and lexicon().keys(told, "events")) or not ok(told):
                continue  # around a premise's own events, the arc tells no event of its own
            if not fits_scene(told, scene_of(beat["visual"], values.get("setting", "")), language):
                continue  # no wind in a shop, no bed on a stadium
            if asked_again(arc.id, told, [str(b["line"]) for b in beats]):
                continue  # the weights lifted once: never asked again over the rope's scene
            if weathers and not fits_weather(told, {*weathers, *lexicon().keys(str(beat["visual"]), "weathers")}):
                continue  # no rain all night where it snows
            if beat["speaker"] == NARRATOR:
                line = f"{beat['line']}{'' if language == 'zh' else ' '}{told}"
                if len(line) <= LINE_MOST and voice_seconds(line, language) <= MAX_LINE_S:
                    beat["line"] = line
            elif len(beats) < MAX_BEATS and id(beat) not in told_before:
                told_before.add(id(beat))
                at = next(k for k, b in enumerate(beats) if b is beat)
                beats.insert(at, {"speaker": NARRATOR, "line": told[:LINE_MOST], "visual": beat["visual"],
                                  "slot": beat["slot"]})


def _not_at(analysis: Analysis, lang: str) -> frozenset[str]:
    """The openers of ``common.json``'s ``when`` (in ``lang``) that no premise told at its places opens with
    (``not_at``: never "Before sunrise," nor "One morning," at a birthday party or a gala), nor, where it names a day
    of the calendar (``names_day``: Valentine's Day, 情人节), one that sets another day or season (``calendar``:
    never "At the start of autumn," on Valentine's Day), and where it names a season or its weather (``names_season``:
    "one winter", 下雪), one that sets another season (``calendar``'s ``seasons``)."""
    c = common()
    at = {h.key for h in lexicon().find(analysis.premise, ["places"])}
    dated = c["calendar"]["en"] if names_day(analysis.premise) else \
        c["calendar"]["seasons"] if names_season(analysis.premise) else []
    return frozenset(c["when"][lang][c["when"]["en"].index(w)] for w in [
        *(w for place, said in c["not_at"].items() if place != "about" and place in at for w in said), *dated])


def _one_calendar(beats: list[dict[str, Any]], lang: str, rng: random.Random,
                  ok: Callable[..., bool] = _anything) -> None:
    """One calendar anchor a clip (``common.json``'s ``calendar``: a weekday, payday, a season): the first
    said stays, a later opener that sets another day or season is said as a time of day instead ("That
    Monday, …" then "One quiet evening, …", never "On the first day of spring, …")."""
    c = common()
    whens = c["when"][lang]
    calendar = {whens[c["when"]["en"].index(w)] for w in c["calendar"]["en"]}
    said = " ".join(b["line"] for b in beats)
    spare = [w for w in whens if w not in calendar and w not in said and ok(w)]
    anchored = False
    for b in beats:
        for w in sorted((w for w in calendar if w in b["line"]), key=b["line"].index):
            if not anchored:
                anchored = True
                continue
            instead = spare.pop(rng.randrange(len(spare))) if spare else next(x for x in whens if x not in calendar)
            b["line"] = b["line"].replace(w, instead, 1)


def _keep_premise_order(beats: list[dict[str, str]], analysis: Analysis) -> None:
    """Move a beat telling one of the premise's wrongs (mocked, fired …) before any beat that tells an
    event the premise names after it ("mocked, then starts a company": the mocking comes first)."""
    lex = lexicon()
    events = {*analysis.wrongs, *analysis.goals, *analysis.outcomes}
    order = list(dict.fromkeys(h.key for h in lex.find(analysis.premise, ["events"]) if h.key in events))

    def first(key: str) -> int | None:
        return next((i for i, b in enumerate(beats)
                     if any(h.key == key for h in lex.find(b["line"], ["events"]))), None)

    for k, key in enumerate(order):
        if key not in analysis.wrongs:
            continue
        at = first(key)
        later = [i for i in (first(x) for x in order[k + 1:]) if i is not None]
        if at is not None and later and min(later) < at:
            beats.insert(min(later), beats.pop(at))
