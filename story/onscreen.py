"""Who is on screen in an expanded scene (a scene of a ``Script``, as a dict): a cast member's appearance, and one
joined at the side of the scene to do something there (``join``: only while the scene has room; ``enter``:
whatever its size). The stories that redraw their scenes after the expansion
(``story.illness``, ``story.quarrel``, ``story.wish``, ``story.buying``, ``story.voyage``) share it, and a scene moved
to another place (``move``: its caption and setting with it) (pure)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from story.plan import scene_title, staging


def appearance(scene: dict[str, Any], cid: str) -> dict[str, Any] | None:
    """The appearance of the cast member ``cid`` in ``scene``, or None when it is not on screen."""
    return next((a for a in scene["characters"] if a["id"] == cid), None)


def join(scene: dict[str, Any], cid: str, action: str, *, expression: str = "neutral", target: str | None = None,
         holding: str | None = None, most: int = 3, facing: str = "front") -> dict[str, Any] | None:
    """``cid``'s appearance in ``scene`` (``enter``), or None when it is not on screen and ``most`` are already."""
    if len(scene["characters"]) >= most and appearance(scene, cid) is None:
        return None
    return enter(scene, cid, action, expression=expression, target=target, holding=holding, facing=facing)


def enter(scene: dict[str, Any], cid: str, action: str, *, expression: str = "neutral", target: str | None = None,
          holding: str | None = None, facing: str = "front", first: bool = False) -> dict[str, Any]:
    """``cid``'s appearance in ``scene``: its own when it is on screen, else a new one at the side of the scene
    (the scene's first where ``first``: the hero), facing ``facing``, doing ``action`` (to ``target``, holding
    ``holding``), however many are on screen."""
    app = appearance(scene, cid)
    if app is not None:
        return app
    app = {"id": cid, "expression": expression, "outfit": "none", "action": action, "facing": facing,
           "target": target, "holding": holding}
    scene["characters"].insert(0 if first else len(scene["characters"]), app)
    return app


def move(scene: dict[str, Any], location: str, weather: str, time: str | None, lang: str) -> None:
    """The scene drawn at ``location`` in ``weather`` (its caption and setting with it)."""
    if scene["location"] == location and scene["weather"] == weather and (time is None or scene["time_of_day"] == time):
        return
    scene.update(location=location, weather=weather, time_of_day=time or scene["time_of_day"])
    scene["caption"] = scene_title(location, scene["time_of_day"], weather, lang)[:120]
    stage = staging()
    extras = " ".join(w for w in (stage["time_words"][scene["time_of_day"]], stage["weather_words"][weather]) if w)
    scene["setting"] = f"{stage['settings'][location][0]} {extras}".strip()[:200]


_EFFORT = frozenset({"work", "train", "run", "skip", "climb", "swim", "study", "dance", "sing", "cook", "practise"})


def kin_at_the_win(scenes: list[dict[str, Any]], kin: Collection[str]) -> None:
    """The hero's family the premise names at its side in the work ("trains every morning with his grandma",
    跟着妈妈每天游泳: on screen while the hero trains) is there at the win too: in each scene from the first
    triumphant one on that it is missing from, it joins the hero at the side, glad, while the scene has room."""
    first = next((k for k, s in enumerate(scenes) if s["mood"] == "triumphant"), None)
    if first is None:
        return
    beside = {a["id"] for s in scenes[:first] if (h := appearance(s, "hero")) is not None and h["action"] in _EFFORT
              for a in s["characters"]}  # there while the hero works or trains
    for cid in (k for k in kin if k in beside):
        for scene in scenes[first:]:
            hero = appearance(scene, "hero")
            if hero is not None and appearance(scene, cid) is None:
                join(scene, cid, "celebrate" if hero["action"] == "celebrate" else "stand", expression="happy",
                     facing="left")
