"""Where a scene of an expanded script is: its location, decided from the scene's words and the premise's place. Pure.

``scene_location`` decides one scene's location (a ``staging.json`` settings key) from, in this order:

1. the place its visual note names (the event's place, never a word only a line says: "the words follow him all the
   way home" keeps the mocking where it happens), unless a thing that stands only outdoors is named with it (a burning
   house is drawn where it stands, not in a room its words name) or a boat or a train is ridden from a room's word
   ("sails home", 坐火车回家: at sea, at the station; ``staging.json``'s ``prop_places``);
2. the hero's job's place in a work scene (the note says the hero works or names a job), unless that place is the
   hero's own shop it has not reached yet;
3. the place of a thing that stands only outdoors;
4. else where the scene before was; the first scene at the premise's place, at home before a contest's day (a
   venue a later clause reaches), not in a home bought or a shop opened later, else at the job's place, else on
   the street;

and then, where the premise does its deed in open weather ("runs away from home in the snow": ``staging.json``'s
``out_in``) and the note says it, outdoors in that weather rather than in a room, unless the hero the premise names
by its job works there under a roof (the pug nurse's hospital, the weather in its window).

A place named that the vocabulary draws as another, or does not know at all, is reported as a ``Substitution``.
``reaches_place`` says whether a scene reaches the premise's own place (a shop opened later, only from the scene that
opens it), so that its setting names it. What the premise contributes is a ``PremisePlace``, read once per script.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from story.buying import sent_to_school
from story.lexicon import Hit, lexicon
from story.plan import Substitution, staging


@dataclass(frozen=True)
class PremisePlace:
    """The premise's hints on where its scenes are."""

    place: str | None  # the premise's place (a location key), where the story starts when no scene names one
    later_venue: bool = False  # the place is a contest's venue a later clause reaches: home until then
    bought: bool = False  # the place is a home the hero buys or a shop it opens later: not where the story starts
    out_in: bool = False  # the premise does a deed in open weather ("runs away in the snow"): drawn outdoors
    job_named: bool = False  # the premise names the hero by its job (a nurse): its workplace keeps it under a roof
    own_shop: bool = False  # the job's place is the hero's own shop the place names: not there before it is reached
    said: str | None = None  # the premise's own word for its place ("cafe", 面包店)
    dreamt: bool = False  # the place is only a shop the hero dreams of: never reached
    opens_later: bool = False  # the place is a shop the hero opens in a later clause: reached where a scene opens it


def scene_location(visual: str, seen: Sequence[Hit], hits: Sequence[Hit], before: str | None,
                   job_place: str | None, premise: PremisePlace, beat: int) -> tuple[str, list[Substitution]]:
    """A scene's location (see the module) and the places it draws as others: ``seen`` are the vocabulary hits of its
    visual note, ``hits`` those of the note and its lines; ``before`` the location of the scene before; ``job_place``
    the location of the hero's job where the scene may show it at work; ``beat`` the scene's first beat (1-based)."""
    # 1. What the note names: places, and things that stand only outdoors.
    lex, stage = lexicon(), staging()
    subs: list[Substitution] = []
    outdoor = [h for h in hits if h.section == "props" and h.key in stage["prop_places"]]
    places = [h for h in sent_to_school(seen, visual) if h.section == "places" and not any(h.surface in o.surface for o in outdoor)
              and not any(o in seen and _yields(str(lex.entry("places", h.key)["location"]),
                                                str(stage["prop_places"][o.key])) for o in outdoor)]
    # 2. The place, in the order of the module's list.
    not_yet = premise.own_shop and before != premise.place  # the hero's own shop, not reached yet
    if places:
        entry = lex.entry("places", places[0].key)
        location = str(entry["location"])
        if not entry["exact"]:
            subs.append(Substitution(beat, "place", places[0].surface, location))
    elif job_place and not not_yet and any(h.section == "actions" and h.key == "work" or h.section == "jobs"
                                           for h in lex.find(visual)):
        location = job_place
    elif outdoor:
        location = str(stage["prop_places"][outdoor[0].key])
    else:
        first = "bedroom" if premise.later_venue else None if premise.bought else premise.place
        location = before or first or (job_place if job_place and not not_yet else "street")
    # 3. The premise's deed in open weather, where the note says it: outdoors.
    weather = out_in(visual) if premise.out_in else None
    if weather and location in stage["indoor_places"]["places"] and not (
            job_place and premise.job_named and location == job_place):
        location = str(stage["out_in"]["places"][weather])
    return location, [*subs, *_unknown_places(visual, beat, location)]


def reaches_place(location: str, words: str, premise: PremisePlace, told_open: bool) -> bool:
    """Whether a scene at ``location`` whose note and narration are ``words`` reaches the premise's own place (its
    setting says the premise's word for it from there on): at that place, with the premise's word said ("opens his
    own cafe": the café, not any restaurant); a shop opened later only once a scene tells the opening
    (``told_open``: this one or one before); a place only dreamt of, never."""
    return not premise.dreamt and location == premise.place and bool(premise.said) and \
        str(premise.said).lower() in words.lower() and (not premise.opens_later or told_open)


def _yields(location: str, own: str) -> bool:
    """A place a thing with its own place (``own``: a boat's sea, a train's station) is not drawn in: a room
    ("sails home"), the rainy street a storm names (a boat in a storm is at sea, in the storm), or the seaside a
    boat sails away from ("sail a little boat across the sea": out on the sea)."""
    return location == "rainy_street" or location in staging()["indoor_places"]["places"] or (
        location == "beach" and own == "sea")


@cache
def _out_in_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = staging()["out_in"]
    before_en = "|".join(map(re.escape, data["before"]["en"]))
    before_zh = "|".join(map(re.escape, data["before"]["zh"]))
    after_zh = "|".join(map(re.escape, sorted(data["after_zh"], key=len, reverse=True)))
    found = []
    for key, words in data["words"].items():
        en = "|".join(map(re.escape, words["en"]))
        zh = "|".join(map(re.escape, sorted(words["zh"], key=len, reverse=True)))
        found.append((str(key), re.compile(rf"\b(?:{before_en})\s+(?:the\s+|a\s+)?(?:[a-z]+\s+)?(?:{en})\b"
                                           rf"|(?:{before_zh})(?:{zh})(?:{after_zh})", re.IGNORECASE)))
    return tuple(found)


def out_in(visual: str) -> str | None:
    """The open weather a scene's picture note does its deed in ("runs away in the snow", "shivers in the heavy
    rain", 在大雪里发抖): its key, the first said; None where the note names none (``staging.json``'s ``out_in``)."""
    spots = [(m.start(), key) for key, pattern in _out_in_patterns() if (m := pattern.search(visual))]
    return min(spots)[1] if spots else None


_PLACE_AFTER = re.compile(r"\b(?:in|at|inside|into|outside|on top of|across)\s+(?:the|a|an|his|her|their|its|my)\s+([a-z][a-z-]+)")


def _unknown_places(visual: str, beat: int, used: str) -> list[Substitution]:
    """Places named in a visual note that the vocabulary does not know, drawn as ``used``."""
    lex = lexicon()
    stop = set(staging()["unplaced_words"])
    out = []
    for m in _PLACE_AFTER.finditer(visual.lower()):
        word = m.group(1)
        if word in stop or lex.find(word) or any(h.pos == 0 for h in lex.find(visual.lower()[m.start(1):])):
            continue  # "at the construction site": the word begins a vocabulary phrase
        out.append(Substitution(beat, "place", word, used))
    return out
