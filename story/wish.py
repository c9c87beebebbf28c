"""A last wish (kinds.json ``last_wish``: "an old dying dog's last wish is to see the sea once more", 老猫临终前想回到
出生的小村庄): what is wished for and where it is granted (``wish_of``: the place, weather and time the premise says
after its wish word: the sea is the beach, 雪山 the mountain in the snow, a person wished for is met at home), the arc
lines' words for it (``wish_values``), and its drawing on the expanded scenes (``show_last_wish``): the story starts at
home, the wish said there with the hero dreaming of it (its thought holds the wished place: ``holding`` ``wish:<key>``),
the way there on the road, and from the scene the arc marks granted (its visual note says ``wish granted``) the hero
at the wished place with its loved one beside it (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from story.claims import Licence
from story.kinds import kinds_data, story_kind
from story.lexicon import lexicon
from story.onscreen import appearance, join, move
from story.premise import Analysis
from story.text import HAN

GRANTED = "wish granted"  # the words of an arc visual note of the wish come true (story/data/arcs/last_wish.json)
HOME = "bedroom"
_MOVING = frozenset({"walk", "run", "enter", "drive", "climb", "exit"})  # the way there
_STILL = frozenset({"stand", "talk", "think", "sleep", "sick", "cry"})  # a pose the hero keeps at home, or is given
_BROAD = frozenset({"street"})
_GREEN = frozenset({"park", "farm"})  # a wished place the way there is no country road to  # a town around the wished place ("the seaside town"): the place itself first


@dataclass(frozen=True)
class Wish:
    location: str  # where it is granted (a lexicon place's location; home for a loved one met again)
    place: str  # the lexicon place it is granted at (its key: "beach" for the sea)
    weather: str | None  # the snow wished for
    time: str | None  # the sunset watched
    surface: str  # the premise's own word for the place or weather ("sea", 大海), "" for none
    key: str  # what the dreaming hero's thought holds: a place key, a weather key, or "family"


@cache
def _wish_words() -> tuple[str, ...]:
    kind = next(k for k in kinds_data()["kinds"] if k["id"] == "last_wish")
    return (*kind["words"]["en"], *kind["words"]["zh"], *kind["opening"]["en"], *kind["opening"]["zh"])


def _wished(premise: str) -> str:
    """The premise from its first wish word on ("last wish is to see the sea once more", 心愿是再看一次大海)."""
    low = premise.lower()
    at = [m.start() for w in _wish_words() for m in [re.search(
        re.escape(w) if HAN.search(w) else rf"(?<![a-z]){re.escape(w)}(?![a-z])", low)] if m]
    return premise[min(at):] if at else premise


def wish_of(analysis: Analysis) -> Wish:
    """What the premise's last wish is for, and where it is granted."""
    rest = _wished(analysis.premise)
    lex = lexicon()
    hits = lex.find(rest, ["places", "weathers", "times"])
    places = [h for h in hits if h.section == "places"]
    place = min(places, key=lambda h: (lex.entry("places", h.key)["location"] in _BROAD | {HOME}, h.start), default=None)
    # the sea wished for with the whole family (全家人): the sea, not home; a town around it: the sea
    weather = next((h for h in hits if h.section == "weathers"), None)
    snowy = weather is None and bool(re.search(r"snow|雪", place.surface if place else "", re.IGNORECASE))
    time = next((h.key for h in hits if h.section == "times" and h.key == "sunset"), None)
    if place is not None and lex.entry("places", place.key)["location"] != HOME:
        loc = str(lex.entry("places", place.key)["location"])
        first = weather if weather is not None and weather.start < place.start else place  # 再看一次雪…上了雪山: snow
        return Wish(loc, place.key, weather.key if weather else "snow" if snowy else None, time, place.surface,
                    first.key)
    if weather is not None:
        return Wish("park", "park", weather.key, time, weather.surface, weather.key)
    return Wish(HOME, "bedroom", None, time, "", "family")  # a loved one to see again ("and they all come home"): at home


def wish_values(analysis: Analysis, zh: bool, same: bool, dear: str) -> dict[str, str]:
    """The arc lines' words: ``wish`` (the premise's own words when the languages match: "the sea", 大海; the loved one
    wished for, else home), ``wish_place`` (the visual note's English place word) and ``wish_weather`` (", in the
    snow" or ""), and ``wish_away`` (a place to be taken to) or ``wish_dear`` (a loved one to see again), empty."""
    wish = wish_of(analysis)
    lex = lexicon()
    section = "weathers" if wish.key in lex.data["weathers"] else "places"
    entry = lex.data[section].get(wish.key)
    if entry is None:
        words = dear or ("家" if zh else "home")
    elif zh:
        words = wish.surface if same and HAN.search(wish.surface) else str(entry["zh"][0])
    else:
        own = wish.surface if same and not HAN.search(wish.surface) else str(entry["en"][0])
        words = own if section == "weathers" else f"the {own}"
    allows = Licence(analysis.premise, False).allows  # a word of the place the premise allows ("seaside" for the sea)
    place = next((w for w in lex.entry("places", wish.place)["en"] if allows(w)), "home")
    weather = f", in the {wish.weather}" if wish.weather else ""
    way = {"wish_dear": ""} if wish.key == "family" else {"wish_away": ""}  # met again at home, or taken there
    return {"wish": words, "wish_place": place, "wish_weather": weather, **way}


def _dear(scenes: list[dict[str, Any]], cast: Sequence[str], gone: frozenset[str]) -> str | None:
    """The loved one beside the hero: the first other on screen with it, else the cast's next."""
    for scene in scenes:
        other = next((a["id"] for a in scene["characters"] if a["id"] != "hero" and a["id"] not in gone), None)
        if other is not None and appearance(scene, "hero") is not None:
            return str(other)
    return next((c for c in cast if c != "hero" and c not in gone), None)


def _on_the_way(scene: dict[str, Any], hero: dict[str, Any], dear: str | None, wish_at: str, lang: str) -> None:
    """The way there: on the road (driven: the street), the hero and its loved one going together."""
    drive = any(a["action"] == "drive" for a in scene["characters"])
    road = "street" if drive or wish_at in _GREEN else "park"  # a country road; the street to the village, driven
    if scene["location"] in {HOME, wish_at, *_BROAD} or not drive:
        move(scene, road, "clear", None, lang)
    if hero["action"] in _STILL | {"work"}:
        hero.update(action="walk", target=None, holding=None)
    if dear is None or drive:
        return
    mate = join(scene, dear, "walk")
    if mate is not None and mate["action"] in _STILL | {"work", "give", "hug"}:
        mate.update(action="walk", target=None, holding=None)


def show_last_wish(scenes: list[dict[str, Any]], analysis: Analysis, lang: str, notes: Sequence[str],
                   cast: Sequence[str] = (), gone: frozenset[str] = frozenset()) -> None:
    """In a last-wish story: at home (clear) until the way there, the hero dreaming of the wish where it says it;
    the way there on the road; from the scene the arc marks granted, the wished place (its snow, its sunset in
    the last scene when wished) with the loved one beside the hero, glad, the hug in the scene after the arrival.
    ``notes``: each scene's visual notes (its beats')."""
    kind = story_kind(analysis)
    if kind.id != "last_wish" or not scenes:
        return
    wish = wish_of(analysis)
    said = next((n for n, s in enumerate(scenes) if kind.opens(
        " ".join([s["narration"], *(d["text"] for d in s["dialogue"])]))), 0)
    there = next((n for n, note in enumerate(notes) if n > said and GRANTED in note), None)
    if there is None:  # the premise tells it granted ("and they all come home"): from the one who comes, or the hug
        there = next((n for n, s in enumerate(scenes) if n > said + 1 and any(
            a["id"] == "hero" and a["action"] in {"enter", "hug"} for a in s["characters"])), None)
    if there is None:
        return  # the premise tells it all in its own clauses: drawn as they say
    dear = _dear(scenes[there:], cast, gone) or _dear(scenes, cast, gone)
    way = there - 1 if there - 1 > said and wish.location != HOME else None  # the scene before it is reached
    away = False  # on the way there: from the first scene after the wish where the hero goes with another
    for n, scene in enumerate(scenes[:there]):
        hero = appearance(scene, "hero")
        going = len(scene["characters"]) > 1 and any(a["action"] in _MOVING | {"work"} for a in scene["characters"])
        away = wish.key != "family" and (away or (going and n > said) or n == way)  # a loved one comes to the hero
        if n == way and hero is not None:
            _on_the_way(scene, hero, dear, wish.location, lang)
            continue
        at_wish = scene["location"] == wish.location or (wish.weather and scene["weather"] == wish.weather)
        if away:
            for a in scene["characters"]:
                if a["action"] == "work":
                    a.update(action="walk", holding=None)  # carried there, driven, taken: on the way together
            if at_wish and wish.location != HOME:
                move(scene, "street" if any(a["action"] == "drive" for a in scene["characters"]) else "park",
                      "clear", None, lang)  # not there yet
            continue
        if at_wish or scene["location"] != HOME and n <= said or scene["location"] == HOME:
            move(scene, HOME, "clear", None, lang)  # the wish is said at home, far from it (no snow in the room)
        if wish.key == "family" and dear is not None and hero is not None and appearance(scene, dear) is not None:
            gone_one = dear if scene["location"] == HOME else "hero"  # far away until they come; on their way alone
            if not any(d["speaker"] == gone_one for d in scene["dialogue"]):
                scene["characters"] = [a for a in scene["characters"] if a["id"] != gone_one]
                for a in scene["characters"]:
                    if a.get("target") == gone_one:
                        a["target"] = None
                hero = appearance(scene, "hero")
                if hero is None:
                    continue
        if hero is not None and (n == said or n > said and hero["action"] not in _STILL - {"think"}):
            hero.update(action="think", holding=f"wish:{wish.key}", target=None)  # dreaming of the sea, at home
    for i, scene in enumerate(scenes[there:]):
        last = there + i == len(scenes) - 1
        move(scene, wish.location, wish.weather or "clear", wish.time if last else None, lang)
        hero = appearance(scene, "hero")
        if hero is None:
            continue
        if hero["action"] in _STILL | {"enter", "walk"}:
            hug = i == 1 and dear is not None
            hero.update(action="hug" if hug else "stand", target=dear if hug else None, holding=None,
                        expression="love" if hug else "happy")
        if dear is None or dear == "hero":
            continue
        mate = join(scene, dear, "stand", expression="happy")
        if mate is None:
            continue
        if mate["action"] in _STILL | _MOVING | {"hug", "give"}:
            hugs = hero["action"] == "hug"
            mate.update(action="hug" if hugs else "stand", target="hero" if hugs else None, holding=None,
                        expression="love" if hugs else "happy")
