"""Who is on screen in an expanded scene (a scene of a ``Script``, as a dict): a cast member's appearance, and one
joined at the side of the scene to do something there. The stories that redraw their scenes after the expansion
(``story.illness``, ``story.quarrel``, ``story.wish``) share it (pure)."""

from __future__ import annotations

from typing import Any


def appearance(scene: dict[str, Any], cid: str) -> dict[str, Any] | None:
    """The appearance of the cast member ``cid`` in ``scene``, or None when it is not on screen."""
    return next((a for a in scene["characters"] if a["id"] == cid), None)


def join(scene: dict[str, Any], cid: str, action: str, *, expression: str = "neutral", target: str | None = None,
         holding: str | None = None, most: int | None = 3) -> dict[str, Any] | None:
    """``cid``'s appearance in ``scene``: its own when it is on screen, else a new one at the side of the scene,
    facing front, doing ``action`` (to ``target``, holding ``holding``); None when ``most`` are on screen already."""
    app = appearance(scene, cid)
    if app is not None:
        return app
    if most is not None and len(scene["characters"]) >= most:
        return None
    app = {"id": cid, "expression": expression, "outfit": "none", "action": action, "facing": "front",
           "target": target, "holding": holding}
    scene["characters"].append(app)
    return app
