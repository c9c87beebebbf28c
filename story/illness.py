"""A getting-well story's patient seen ill until it is well, its carer beside it (``show_illness``, on the expanded
scenes of an ``illness`` story: "a little corgi falls ill and his best friend cat nurses him back to health", 狗狗发高烧了，
小猫整夜照顾它): from the scene where the hero falls ill (drawn ``sick``: lying, bandaged), the scenes of its
care (the soup brought, the vet, the night by its side) draw it still lying ill, never standing up beside its
carer, until the scene that tells it well again (the kind's ``closing`` words) or shows it up and about. The carer
(the one the premise has look after it) is in each scene of its care from its first, doing the care (the soup
handed over by day, a paw on it by night), and in the scenes of the recovery both are together: the hug, then the
walk side by side (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from story.kinds import Kind
from story.onscreen import appearance, enter

SICK = "sick"
_STILL = frozenset({"stand", "talk", "think"})  # a pose the patient keeps in bed, or its carer could do the care in
_UP = frozenset({"run", "hug", "celebrate", "dance", "play", "walk", "enter", "skip", "wave", "swim", "climb"})  # up and about
_CARING = frozenset({"give", "hug", "treat"})  # the care done: a bowl handed over, a paw on it, a vet's check
_TOGETHER = frozenset({"hug", "walk", "play", "run", "dance", "celebrate"})  # both up and glad
_WATCHING = "sad"  # the carer's face through the night by the patient's side: worried


def _carer(scenes: list[dict[str, Any]], start: int, cast: Sequence[str]) -> str | None:
    """Who looks after the patient: the first other pet on screen beside it once it is ill, else the cast's next."""
    for scene in scenes[start:]:
        other = next((a["id"] for a in scene["characters"] if a["id"] != "hero"), None)
        if other is not None:
            return str(other)
    return next((c for c in cast if c != "hero"), None)


def _attend(scene: dict[str, Any], carer: str, action: str, holding: str | None, expression: str = "neutral") -> None:
    """The carer in the scene (joined at the side, when it was not on screen), doing ``action`` to the patient, with
    ``expression`` where one is given (the night watch's worried face, never a hug's heart eyes)."""
    app = appearance(scene, carer)
    if app is None:
        enter(scene, carer, action, expression=expression, target="hero", holding=holding)
    elif app["action"] in _STILL or app["action"] == action:
        app.update(action=action, target="hero", holding=holding)
        if expression != "neutral":
            app.update(expression=expression)


def show_illness(scenes: list[dict[str, Any]], kind: Kind, cast: Sequence[str] = ()) -> None:
    """In an illness story, the hero drawn ``sick`` in each scene after it falls ill, until it is well again; its carer
    (one of ``cast``, the characters' ids) caring for it through the scenes of its care and with it once it is well."""
    if kind.id != "illness":
        return
    fell = next((i for i, s in enumerate(scenes) if (appearance(s, "hero") or {}).get("action") == SICK), None)
    if fell is None:
        return
    well = len(scenes)
    for n in range(fell + 1, len(scenes)):
        hero = appearance(scenes[n], "hero")
        if hero is None:
            continue
        lines = " ".join([scenes[n]["narration"], *(d["text"] for d in scenes[n]["dialogue"])])
        if hero["action"] in _UP or kind.closes(lines):
            well = n
            break  # well again: up and about from here on
        if hero["action"] in _STILL:
            hero.update(action=SICK, target=None, holding=None)
    carer = _carer(scenes, fell + 1, cast)
    if carer is None:
        return
    come = next((n for n in range(fell + 1, well) if appearance(scenes[n], carer)), min(fell + 2, well))
    for scene in scenes[come:well]:
        if appearance(scene, "hero") is None:
            continue
        night = scene.get("time_of_day") == "night"  # the night by its side: a paw on it, worried, awake
        _attend(scene, carer, "hug" if night else "give", None if night else "soup", _WATCHING if night else "neutral")
    after = [s for s in scenes[well:] if appearance(s, "hero") is not None]
    for i, scene in enumerate(after):
        hero = appearance(scene, "hero")
        assert hero is not None
        if hero["action"] not in _STILL | _TOGETHER | {SICK}:
            continue  # its own deed (a race won, a gift): not changed
        action = "hug" if i == 0 and len(after) > 1 else "walk"
        if hero["action"] in _STILL | {SICK}:  # "I can stand!": out of bed, never saying it lying ill
            hero.update(action=action, target=None, holding=None)
        if hero["action"] == "hug" and hero.get("target") is None:
            hero.update(target=carer)  # the hug is the carer's
        mate = appearance(scene, carer)
        if mate is not None and mate["action"] in _CARING:
            mate.update(action="stand")  # well again: no more soup, no more watching
        _attend(scene, carer, hero["action"], None)
        mate = appearance(scene, carer)
        if mate is not None and mate["action"] in _TOGETHER:
            mate.update(target="hero" if mate["action"] == "hug" else None)
