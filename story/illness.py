"""A getting-well story's patient seen ill until it is well (``show_illness``, on the expanded scenes of an
``illness`` story: "a little corgi falls ill and his best friend cat nurses him back to health", 狗狗发高烧了，
小猫整夜照顾它): from the scene where the hero falls ill (drawn ``sick``: lying, bandaged), the scenes of its
care (the soup brought, the vet, the night by its side) draw it still lying ill, never standing up beside its
carer, until the scene that tells it well again (the kind's ``closing`` words) or shows it up and about (pure)."""

from __future__ import annotations

from typing import Any

from story.kinds import Kind

SICK = "sick"
_STILL = frozenset({"stand", "talk", "think"})  # a pose the patient keeps in bed
_UP = frozenset({"run", "hug", "celebrate", "dance", "play", "walk", "enter", "skip", "wave", "swim", "climb"})  # up and about


def show_illness(scenes: list[dict[str, Any]], kind: Kind) -> None:
    """In an illness story, the hero drawn ``sick`` in each scene after it falls ill, until it is well again."""
    if kind.id != "illness":
        return
    ill = False
    for scene in scenes:
        hero = next((a for a in scene["characters"] if a["id"] == "hero"), None)
        if hero is None:
            continue
        if not ill:
            ill = hero["action"] == SICK
            continue
        lines = " ".join([scene["narration"], *(d["text"] for d in scene["dialogue"])])
        if hero["action"] in _UP or kind.closes(lines):
            return  # well again: up and about from here on
        if hero["action"] in _STILL:
            hero.update(action=SICK, target=None, holding=None)
