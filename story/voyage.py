"""A trip to another world seen leg by leg (``show_voyage``, on the expanded scenes of a story whose kind is a trip:
a rocket to the moon, 穿越 to the old palace, a pirate voyage): ``story/data/voyages.json`` lists each kind's legs in
order (at home dreaming of the moon, building the rocket, the launch, among the stars, on the moon, the wave home),
each with its place, its time and weather, its things and the hero's pose, and the words that tell a scene is in it.

A scene is in the leg its words name first (its visual notes, then its lines), never going back: a leg named before
a scene of an earlier leg is the premise's summary or a dream ("dreams of going to space", 小橘猫坐火箭去月球 told
first), drawn where the trip stands then (at home, the moon in its thought). A scene that names none stays in the
leg before it; the first is the trip's first leg. The crowd a striving line brings along is no crowd on the moon: a
leg marked ``alone`` drops it (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from story.datafiles import read_json
from story.kinds import story_kind
from story.lexicon import lexicon
from story.nearest import nearest
from story.onscreen import appearance, enter, join, move
from story.plan import place_title
from story.premise import Analysis
from story.text import HAN

_IDLE = frozenset({"stand", "talk", "walk", "think", "sit", "sleep", "drive", "run", "work", "celebrate", "wave",
                   "point"})  # a pose the leg's own may replace: not a deed the premise tells (eat, hug, cry, fight)


@dataclass(frozen=True)
class Pose:
    """One exercise of a leg's round (the training's run, weights, rope): the hero's action, the things drawn with
    it, and the words of a line that ask for it ("lap", "lifts", 跳绳)."""
    action: str
    props: tuple[str, ...]
    words: tuple[str, ...]
    holding: str | None = None  # what the pose is drawn on or with (the climb: up a rock face)


@dataclass(frozen=True)
class Leg:
    id: str
    location: str | None  # its place, or None: the scene's own (a race run where the premise runs it)
    time: str | None  # its time of day, or None: the scene's own
    weather: str  # its weather ("clear")
    words: tuple[str, ...]  # English and Chinese words that tell a scene is in this leg
    props: tuple[str, ...]  # lexicon prop keys drawn in it (the rocket, the flag), or the painter's words for one
    # the lexicon has no key of ("treasure chest": drawn as the painter finds it, reported where it is another)
    action: str | None  # the hero's pose there, where its own is idle (None: its own)
    holding: str | None  # what the hero holds in that pose ("wish:space": the moon in its thought)
    alone: bool  # no crowd there (the moon, the stars)
    keep: frozenset[str]  # the hero's own poses kept there though idle elsewhere ("work" at the building)
    title: tuple[str, str] | None  # its headline's place word (English, Chinese), for a location drawn as it
    # ("Palace", 皇宫 for the mansion), or None: the location's own
    others: bool  # the others of the cast are on screen there (the emperor watching in the palace)
    replaces: frozenset[str]  # lexicon prop keys its things stand for: the scene's own of them left out (the
    # treasure chest for 'pirate treasure' drawn as a stack of cash, the pirate ship for the boat sailed)
    poses: tuple[Pose, ...] = ()  # the round of the hero's exercises there, one a scene in turn (the training: a run,
    # the weights, the rope), a scene whose lines ask for one in it; its generic doing ("train") replaced too
    others_do: str = "stand"  # what the others on screen there do, at the hero
    mockers: bool = False  # the others on screen there are only those seen jeering at the hero before (the rival)
    own_places: frozenset[str] = frozenset()  # the scene locations it keeps (a race on the street), any other moved
    over: frozenset[str] = frozenset()  # more of the hero's poses its action replaces (being laughed at: the shock)
    face: str | None = None  # the hero's expression in the leg's own pose (sad: being laughed at), or None: its own
    closing: tuple[str, ...] = ()  # the things the story's last scene shows when it ends in this leg, in place of its
    # own of their kind (the ones who laughed, stunned, for the cheering crowd)


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("voyages.json")
    return data


@cache
def legs(kind_id: str) -> tuple[Leg, ...]:
    """The legs of a kind's trip, in order; empty for a kind that is no trip."""
    spec = _data()["kinds"].get(kind_id)
    if spec is None:
        return ()
    return tuple(Leg(g["id"], g.get("location"), g.get("time"), g.get("weather", "clear"),
                     (*g.get("words", {}).get("en", ()), *g.get("words", {}).get("zh", ())), tuple(g.get("props", ())),
                     g.get("action"), g.get("holding"), bool(g.get("alone")), frozenset(g.get("keep", ())),
                     (g["title"]["en"], g["title"]["zh"]) if "title" in g else None, bool(g.get("others")),
                     frozenset(g.get("replaces", ())),
                     tuple(Pose(p["action"], tuple(p.get("props", ())), (*p["words"]["en"], *p["words"]["zh"]), p.get("holding"))
                           for p in g.get("poses", ())), g.get("others_do", "stand"), bool(g.get("mockers")),
                     frozenset(g.get("own_places", ())), frozenset(g.get("over", ())), g.get("face"),
                     tuple(g.get("closing", ())))
                 for g in spec["legs"])


def asked_again(kind_id: str, line: str, said: Sequence[str]) -> bool:
    """``line`` asks an exercise of the kind's training round (the weights, the run, the rope) that a line already
    ``said`` asks for: told once, the clip never shows it twice nor says it over another exercise's scene."""
    rounds = [leg for leg in legs(kind_id) if leg.poses]
    if not rounds:
        return False
    told = " ".join(said)
    return any(set(asked_poses(leg, line)) & set(asked_poses(leg, told)) for leg in rounds)


def met_from(kind_id: str) -> int:
    """The first leg where the others of the cast are met (穿越: the old world's people, from waking there on);
    0 for a trip they share from the start."""
    spec = _data()["kinds"].get(kind_id, {})
    return next((n for n, g in enumerate(spec.get("legs", ())) if g["id"] == spec.get("met_at")), 0)


def _at(word: str, text: str, low: str) -> int:
    """Where ``word`` is said in ``text`` (Chinese as a substring, English as a whole word start), or -1."""
    if HAN.search(word):
        return text.find(word)
    at = low.find(word)
    while at >= 0:
        before = low[at - 1] if at else " "
        if not before.isalpha():
            return at
        at = low.find(word, at + 1)
    return -1


def named_leg(trip: Sequence[Leg], text: str) -> int | None:
    """The leg whose word ``text`` says first (the earliest word; a tie: the longer word), or None."""
    low = text.lower()
    best: tuple[int, int, int] | None = None
    for n, leg in enumerate(trip):
        for w in leg.words:
            at = _at(w.lower() if not HAN.search(w) else w, text, low)
            if at >= 0 and (best is None or (at, -len(w)) < (best[0], best[1])):
                best = (at, -len(w), n)
    return None if best is None else best[2]


def scene_legs(trip: Sequence[Leg], beats: Sequence[Sequence[tuple[str, str]]]) -> list[int]:
    """Each scene's leg from its beats' (line, visual note): the furthest leg its beats name, each by its line's
    earliest word, else its note's where it is no note told again (a premise clause's note carries the premise's
    place, "at the mars", and the filler after it the same note); of the
    scenes that name one, those of the longest run that never goes back are its steps, any other a summary or a dream
    ("小橘猫坐火箭去月球" told first), drawn where the trip stands then like a scene that names none."""
    named: list[int | None] = []
    last = ""
    for scene in beats:
        said = []
        for line, note in scene:
            leg = named_leg(trip, line)
            if leg is None and note != last:  # a note told again (the filler after a clause) names it once
                leg = named_leg(trip, note)
            last = note
            if leg is not None:
                said.append(leg)
        named.append(max(said) if said else None)
    kept = set(_in_order(named))  # the most scenes told in the trip's order; any other is a summary or a dream
    named = [leg if n in kept else None for n, leg in enumerate(named)]
    out: list[int] = []
    at = 0
    for leg in named:
        at = max(at, leg) if leg is not None else at
        out.append(at)
    return out


def _in_order(named: Sequence[int | None]) -> list[int]:
    """The scenes of the longest run of named legs that never goes back (ties: the one starting nearer the trip's
    start: a summary told first is the one left out)."""
    told = [n for n, leg in enumerate(named) if leg is not None]
    best: dict[int, tuple[int, int, int | None]] = {}  # scene -> (scenes in the run, legs summed, the scene before)
    for n in told:
        leg = int(named[n] or 0)
        before = [(best[m][0], -best[m][1], m) for m in best if int(named[m] or 0) <= leg]
        length, total, prev = max(before, default=(0, 0, None))
        best[n] = (length + 1, -total + leg, prev)
    if not best:
        return []
    end: int | None = max(best, key=lambda n: (best[n][0], -best[n][1]))
    run = []
    while end is not None:
        run.append(end)
        end = best[end][2]
    return run[::-1]


def show_voyage(scenes: list[dict[str, Any]], analysis: Analysis, lang: str,
                beats: Sequence[Sequence[tuple[str, str]]], most_props: int, cast: Sequence[str] = (),
                gone: frozenset[str] = frozenset()) -> None:
    """In a trip's story: each scene drawn in its leg (``scene_legs``): the leg's place, time and weather, its things
    (before the scene's own, ``most_props`` in all), the hero in the leg's pose where its own is idle; no crowd in a
    leg marked ``alone``; the others of the ``cast`` (less the ``gone``) off screen before the leg where they are met
    (unless they speak), on screen in a leg marked ``others``. ``beats``: each scene's beats' (line, visual note)."""
    kind = story_kind(analysis).id
    trip = legs(kind)
    if not trip or not scenes:
        return
    lex = lexicon()
    told = [*beats, *[()] * (len(scenes) - len(beats))][:len(scenes)]
    jeered: list[str] = []  # the others seen jeering at the hero so far (the mockers)
    at = scene_legs(trip, told)
    poses = _poses(trip, at, [" ".join(line for line, _ in said) for said in told])
    for scene, n, pose in zip(scenes, at, poses, strict=True):
        leg = trip[n]
        jeered += [a["id"] for a in scene["characters"] if a["action"] in _JEERS and a.get("target") == "hero"
                   and a["id"] not in jeered]
        move(scene, scene["location"] if leg.location is None or scene["location"] in leg.own_places else leg.location,
             leg.weather, leg.time, lang)
        if leg.title and leg.location:
            scene["caption"] = scene["caption"].replace(place_title(leg.location, lang), leg.title[lang == "zh"], 1)
        if n < met_from(kind):
            _before_met(scene)
        elif leg.others:
            others = [c for c in cast if c != "hero" and c not in gone]
            for cid in [c for c in others if c in jeered or c == "rival"] if leg.mockers else others:
                join(scene, cid, leg.others_do, target="hero")
        rounds = {k for p in leg.poses if p is not pose for k in p.props} - set(pose.props) if pose else set()
        own = [p for p in scene["props"] if not (leg.alone and _prop_key(p) == "crowd" or _prop_key(p) in leg.replaces
                                                 or _prop_key(p) in rounds)]  # one exercise a scene: the run's, no weights
        things = [str(lex.entry("props", key)["label"]) if key in lex.data["props"] else key
                  for key in (*(pose.props if pose else ()), *leg.props)]
        scene["props"] = list(dict.fromkeys([*things, *own]))[:most_props]
        hero = appearance(scene, "hero")
        if hero is not None and pose and hero["action"] in _IDLE | {p.action for p in leg.poses}:
            hero.update(action=pose.action, holding=pose.holding, target=None)
        elif hero is not None and leg.action and hero["action"] in (_IDLE | leg.over) - leg.keep:
            hero.update(action=leg.action, holding=leg.holding, target=None, **({"expression": leg.face} if leg.face else {}))
    last = trip[at[-1]].closing
    if last:
        kinds = {_prop_key(p) for p in last}
        scenes[-1]["props"] = list(dict.fromkeys([*last, *(p for p in scenes[-1]["props"] if _prop_key(p) not in kinds)]))[
            :most_props]


_JEERS = frozenset({"sneer", "laugh", "point", "push"})  # a jeer at the hero: who does it is one of its mockers


def asked_pose(leg: Leg, lines: str) -> Pose | None:
    """The exercise of ``leg``'s round that ``lines`` ask for (the earliest word: "runs lap after lap", 跳绳), or
    None."""
    asked = asked_poses(leg, lines)
    return asked[0] if asked else None


def asked_poses(leg: Leg, lines: str) -> list[Pose]:
    """The exercises of ``leg``'s round that ``lines`` ask for, in the order they are said ("runs lap after lap,
    then lifts the weights": the run, then the weights)."""
    low = lines.lower()
    asked = sorted((at, -len(w), k) for k, p in enumerate(leg.poses) for w in p.words
                   if (at := _at(w if HAN.search(w) else w.lower(), lines, low)) >= 0)
    return [leg.poses[k] for k in dict.fromkeys(k for _, _, k in asked)]


def _poses(trip: Sequence[Leg], at: Sequence[int], lines: Sequence[str]) -> list[Pose | None]:
    """Each scene's exercise (None in a leg of no round): the one its lines ask for; of two its lines ask for ("runs
    lap after lap, then lifts the weights"), the one its leg draws least; else the one of its leg's round that the
    leg draws least (the round's order first: the weights), so the training is seen as a run, the weights, the rope,
    never one exercise twice while the round has another."""
    said = [asked_poses(trip[n], text) for n, text in zip(at, lines, strict=True)]
    out: list[Pose | None] = [s[0] if len(s) == 1 else None for s in said]

    def least(k: int, pool: Sequence[Pose]) -> Pose:
        seen = [p for j, p in enumerate(out) if j != k and p is not None and at[j] == at[k]]
        return min(pool, key=lambda p: (seen.count(p), pool.index(p)))

    for k, n in enumerate(at):
        if trip[n].poses and len(said[k]) > 1:
            out[k] = least(k, said[k])
    for k, n in enumerate(at):
        if trip[n].poses and not said[k]:
            out[k] = least(k, trip[n].poses)
    return out


def _before_met(scene: dict[str, Any]) -> None:
    """A scene before the others are met: the hero alone, but for one who speaks in it."""
    heard = {d["speaker"] for d in scene["dialogue"]}
    gone = {a["id"] for a in scene["characters"] if a["id"] != "hero" and a["id"] not in heard}
    scene["characters"] = [a for a in scene["characters"] if a["id"] not in gone]
    for a in scene["characters"]:
        if a.get("target") in gone:
            a["target"] = None
    if not scene["characters"]:
        enter(scene, "hero", "stand")


def _prop_key(prop: str) -> str | None:
    """The lexicon prop key a scene's prop is drawn as (its label's, else the nearest: 'pirate treasure' is money)."""
    key = next((h.key for h in lexicon().find(prop) if h.section == "props"), None)
    if key is None:
        near = nearest(prop, "props", "zh" if HAN.search(prop) else "en")
        key = near.used if near else None
    return key


_WORLD_EN = re.compile(r"\b(?:mars|venus|jupiter|saturn|neptune|uranus|pluto)\b", re.IGNORECASE)
_WORLD_ZH = re.compile(r"火星|金星|木星|土星|海王星|天王星|冥王星")
_MOON_EN = ((re.compile(r"\bmoon dust\b"), "red dust"), (re.compile(r"\b[Tt]he moon\b"), "{world}"))


def world_said(beats: Sequence[dict[str, Any]], premise: str, lang: str) -> None:
    """A trip the premise takes to another world than the moon ("a cat astronaut flies to mars", 金毛去火星旅行):
    each beat's line says that world where the space trip's lines say the moon ("lands on the moon": lands on Mars;
    "the moon dust": the red dust), never a moon the premise never named."""
    found = _WORLD_ZH.search(premise) if lang == "zh" else _WORLD_EN.search(premise)
    if found is None or ("月球" in premise if lang == "zh" else re.search(r"\bmoon\b", premise, re.IGNORECASE)):
        return
    world = found.group(0) if lang == "zh" else found.group(0).title()
    for beat in beats:
        line = str(beat["line"])
        if lang == "zh":
            line = line.replace("月球", world)
        else:
            for said, instead in _MOON_EN:
                line = said.sub(instead.format(world=world), line)
        beat["line"] = line
