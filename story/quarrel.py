"""A quarrel between two pets seen as one (``show_quarrel``, on the expanded scenes of a ``squabble`` story: "two grumpy
old cats argue over the sunny windowsill", 两只小狗为了一个球打起来了, 柯基和柴犬抢沙发): the row is both of them
angry, pointing at each other over the thing they fight over (the windowsill, the wheel, the kite on screen), never a
boxing match ("fight over", 打起来 is a squabble, not gloves); the thing stays out of the lonely scenes, and comes back
at the end, where both are on screen with it, glad: a thing too big to hand over (a sofa, a windowsill) is shared side
by side (both standing glad at it), never a gift box held out in its place; the sorry before the hug is said head down (pure)."""

from __future__ import annotations

from typing import Any

from story.analysis import Analysis
from story.clauses import clauses
from story.kinds import Kind, kinds_data
from story.lexicon import lexicon
from story.onscreen import appearance, join

_ROW = frozenset({"fight", "point", "push", "talk", "stand"})  # a pose the row is drawn in: both pointing, angry
_STILL = frozenset({"stand", "talk", "think", "give", "walk"})  # an ending pose made glad with the other
_SAME = frozenset({"sleep", "eat", "laugh", "celebrate"})  # an ending done by both ("end up cuddled up asleep")
_ODD = frozenset({"drive", "talk", "think", "walk", "work", "study", "train"})  # no pose for sharing a thing: stood glad beside it


def fought_over(analysis: Analysis, kind: Kind) -> str | None:
    """The painter's word for the thing the quarrel is over (the quarrel's own clause first, then any clause's thing):
    "windowsill", "hamster wheel", "fish"; None when the premise names none."""
    said = clauses(analysis)
    row = [c for c in said if kind.hurt_in(c.text)]
    for c in (*row, *said):
        n = next((n for n in c.asked if n.section == "props" and n.used != "crowd"), None)
        if n is not None:
            return str(lexicon().entry("props", n.used)["label"])
    return None


def _with_thing(scene: dict[str, Any], thing: str | None, most: int) -> None:
    if thing and thing not in scene["props"]:
        scene["props"] = [thing, *scene["props"]][:most]


def show_quarrel(scenes: list[dict[str, Any]], analysis: Analysis, kind: Kind, cast: list[str], most: int) -> None:
    """In a squabble story: the row both angry at each other over the thing, then the ending both glad with it."""
    if kind.id != "squabble":
        return
    other = next((c for c in cast if c != "hero"), None)
    if other is None:
        return
    thing = fought_over(analysis, kind)
    big = set(kinds_data()["big_things"]["things"])  # shared side by side, never handed over
    alone = next((i for i, s in enumerate(scenes) if len(s["characters"]) == 1
                  and (appearance(s, "hero") or {}).get("action") in {"cry", "sulk", "sleep", "think"}), len(scenes))
    for scene in scenes[:alone]:  # the row: both angry, pointing at each other over the thing
        hero = appearance(scene, "hero")
        if hero is None or not (hero["action"] in _ROW and (hero["expression"] == "angry" or thing in scene["props"])
                                or hero["action"] == "fight"):
            continue  # the row: angry, or over the thing (柯基和柴犬抢沙发); never the friends' happy days before it
        hero.update(action="point", expression="angry", target=other, holding=None)
        mate = join(scene, other, "point", expression="angry", target="hero")
        if mate and mate["action"] in _ROW:
            mate.update(action="point", expression="angry", target="hero", holding=None)
        _with_thing(scene, thing, most)
    hugged = next((i for i in range(alone, len(scenes)) if any(a["action"] == "hug" for a in scenes[i]["characters"])),
                  None)
    for i in range(alone, len(scenes)):
        scene = scenes[i]
        ending = hugged is not None and i > hugged or i == len(scenes) - 1
        for app in scene["characters"]:
            if app["action"] == "give" and (thing is None or thing in big):  # no gift box held out in its place
                app.update(action="stand" if ending else "kneel", holding=None, target=None if ending else app["target"],
                           expression="happy" if ending else "sad")  # glad side by side at it; before, sorry
        if not ending:
            continue
        _with_thing(scene, thing, most)  # shared at the end: the thing fought over is there
        hero = appearance(scene, "hero")
        if hero is None:
            continue
        if hero["action"] in _ODD:  # "then fly it together": the kite in its paw, glad, not a drive
            hero.update(action="stand", holding=thing if thing and thing not in big else None)
        mate = join(scene, other, "stand", expression="happy", target="hero")
        if mate and mate["action"] in _STILL and hero["action"] in _SAME:  # 挤在一起睡觉: both of them asleep
            mate.update(action=hero["action"], target=None)
        for app in (hero, mate):
            if app and app["action"] in _STILL and app["expression"] in {"neutral", "angry", "sad"}:
                app["expression"] = "happy"
