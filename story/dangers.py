"""What a rescue saves from, read from words (pure): the ice, a well, a net, the snow, a fire, a flood, the water.

``danger_of`` names the first danger the words tell (``dangers.json``'s order: the frozen lake is ice before it is
water), ``tells_rescue`` whether they tell a rescue (saves, pulls out, 救, 挖出), and ``rescue_from`` both at once: the
danger a premise's rescue is from. The arc's lines name it (``story.arcs``: the rescue arc's lines of that danger),
and the painter draws the rescue as what it is (``story.drawings.rescue_drawing``): pulled out of the water, lifted
from the well, freed from the net, dug out of the snow, carried out of the fire.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from story.clauses import clauses
from story.datafiles import read_json
from story.premise import analyse


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("dangers.json")
    return data


@cache
def _words() -> dict[str, re.Pattern[str]]:
    words = _data()["words"]
    return {key: re.compile(f"{words[key]['en']}|{words[key]['zh']}", re.IGNORECASE) for key in _data()["order"]}


@cache
def _rescue() -> re.Pattern[str]:
    r = _data()["rescue"]
    return re.compile(f"{r['en']}|{r['zh']}", re.IGNORECASE)


DANGERS: tuple[str, ...] = tuple(_data()["order"])


def danger_of(text: str) -> str | None:
    """The first danger (``DANGERS``' order) the words name, else None."""
    return next((key for key, found in _words().items() if found.search(text)), None)


def dangers_named(text: str) -> tuple[str, ...]:
    """Every danger (``DANGERS``' order) the words name: a premise of two rescues names both ("is pulled out of a
    flooded river …, and years later … carries the farmer out of his burning barn": the flood and the fire)."""
    return tuple(key for key, found in _words().items() if found.search(text))


def tells_rescue(text: str) -> bool:
    """Whether the words tell a rescue (saves, rescues, pulls, digs out, frees, 救, 挖出)."""
    return bool(_rescue().search(text))


def rescue_from(text: str) -> str | None:
    """The danger the words' rescue is from: where they tell a rescue and name a danger, that danger; else None."""
    return danger_of(text) if tells_rescue(text) else None


def drawn(danger: str) -> dict[str, Any]:
    """How a rescue from ``danger`` is drawn: ``rescuer`` and ``saved`` (the painter's drawn_as) and ``marks``
    (what the one saved bears: the ice hole round it, the well's wall, the net over it, the water, soot)."""
    out: dict[str, Any] = _data()["drawn"][danger]
    return out


def danger_place(premise: str) -> str | None:
    """Where a premise's danger is drawn (its ``dangers.json`` ``place``: the ice and the water at the lake, the well
    in the farmyard, the tree in the park) where the premise tells a rescue from it or one caught in it ("a puppy
    falls through the ice and a husky saves him", 小狗落水被路人救起); else None (the fire and the snow stay where the
    story is)."""
    danger = rescue_from(premise) or trapped_in(premise)
    place = _data()["drawn"][danger].get("place") if danger else None
    return str(place) if place else None


@lru_cache(maxsize=256)
def hero_rescuers(premise: str, roles: tuple[str, ...] = ("friend",)) -> tuple[str, ...]:
    """Where the premise's hero is the one rescued, never the rescuer, the ones of the cast who rescue it: a clause
    tells another of the cast, the hero's friend, rescuing it ("is pulled out by a fisherman", 被老农从河里救上来,
    消防员把小猫从火场里救了出来), and none tells the hero rescuing another (a rescue repaid years later is the hero's
    own: none); of ``roles`` (its friends; the painter's also its family: 被路过的老爷爷救了上来). The rescue arc is then
    told with the rescuer, a friend, hearing the cry and going in (``story.arcs``), and the painter draws the hero in
    the danger and the rescuer reaching it (``story.drawings``)."""
    analysis = analyse(premise)
    hero = analysis.hero.key
    friends = {p.key for p in analysis.cast[1:] if p.role in roles and p.side == "hero"}
    said = clauses(analysis)
    if any(c.actor == hero and c.obj != hero and not c.passive and tells_rescue(c.text) for c in said):
        return ()
    return tuple(dict.fromkeys(str(c.actor) for c in said
                               if c.actor in friends and c.obj == hero and tells_rescue(c.text)))


# the hero caught in a danger ("is trapped in a burning house", "gets stuck in the snow", "falls through the ice",
# "is drowning", 被困在火场里, 掉进了井里, 落水)
TRAPPED = re.compile(r"\b(?:trapped|stuck|caught|drowning|falls? (?:into|through|in)|fell (?:into|through|in))\b|困|掉进|掉到|掉入|落水|溺水",
                     re.IGNORECASE)


@lru_cache(maxsize=256)
def trapped_in(premise: str) -> str | None:
    """The danger the premise tells its hero caught in (``TRAPPED`` and a danger in one of the hero's own clauses:
    "a kitten is trapped in a burning house and cries for help", 小猫被困在火场里), rescued or not; else None."""
    analysis = analyse(premise)
    return next((d for c in clauses(analysis) if c.actor == analysis.hero.key and TRAPPED.search(c.text)
                 and (d := danger_of(c.text)) is not None), None)


def in_drawing(danger: str) -> tuple[str, tuple[str, ...]]:
    """How the one in ``danger`` is drawn before its rescue: (drawn_as, marks); the saved one's drawing where the
    danger has none of its own (the fire's: trapped in it, flames round it, not yet carried out)."""
    d = drawn(danger)
    return str(d.get("in", d["saved"])), tuple(str(m) for m in d.get("in_marks", d["marks"]))


def hero_rescued(premise: str) -> bool:
    """The premise's hero is the one rescued, never the rescuer (``hero_rescuers``)."""
    return bool(hero_rescuers(premise))
