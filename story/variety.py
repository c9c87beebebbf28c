"""A clip a muted viewer can follow shows a new picture each scene: a scene drawn as the one before it (the same
place, time and weather, and the same pets there doing the same things: the mockers sneering at the hero twice, the hero
celebrating three scenes in a row, the lost pet walking the same street again) re-poses one pet, the one whose
pose says most (``story/data/variety.json``'s ``poses``, in their order: the hero hanging its head the second time
it is mocked, waving after it cheers, speaking up while the one who mocked it begs), in a pose fitting the scene's mood, never drawn as the
scene after it then, with that pose's face where it wore its old pose's (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from story.datafiles import read_json


@cache
def _data() -> dict[str, Any]:
    return dict(read_json("variety.json"))


def picture(scene: dict[str, Any]) -> tuple[str, str, str, tuple[tuple[str, str], ...]]:
    """What a muted viewer sees of a scene: its place, time and weather, and who is there doing what (the waiting
    pet at the station by day, then at night, is two pictures)."""
    return (str(scene["location"]), str(scene.get("time_of_day", "day")), str(scene.get("weather", "clear")),
            tuple(sorted((str(a["id"]), str(a["action"])) for a in scene["characters"])))


@cache
def _faces() -> dict[str, str]:
    return {**read_json("staging.json")["action_expression"], **_data()["faces"]}


def _poses(action: str, mood: str) -> Sequence[str]:
    data = _data()
    poses = data["poses"].get(action, ())
    return poses.get(data["moods"].get(mood, "calm"), ()) if isinstance(poses, dict) else poses


def vary_pictures(scenes: list[dict[str, Any]]) -> None:
    """Each scene drawn as the one before it re-poses one pet (in place), never one of two doing one thing together;
    one with no pose to change to stays."""
    order = list(_data()["poses"])
    for k in range(1, len(scenes)):
        scene = scenes[k]
        if picture(scene) != picture(scenes[k - 1]):
            continue
        doing = [str(a["action"]) for a in scene["characters"]]
        apps = sorted((a for a in scene["characters"] if a["action"] in order and doing.count(a["action"]) == 1),
                      key=lambda a: (order.index(a["action"]), a["id"] != "hero"))
        after = picture(scenes[k + 1]) if k + 1 < len(scenes) else None
        for app in apps:
            was = str(app["action"])
            for pose in _poses(was, str(scene["mood"])):
                app["action"] = pose
                if picture(scene) != after:
                    break
            else:
                app["action"] = was
                continue
            if app["expression"] == _faces().get(was, "neutral"):  # the face of its pose
                app["expression"] = _faces().get(pose, "neutral")
            break
