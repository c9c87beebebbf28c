"""story.onscreen: a cast member's appearance in an expanded scene, and one joined at its side."""

from __future__ import annotations

from typing import Any

from story.onscreen import appearance, enter, join


def _scene(*ids: str) -> dict[str, Any]:
    return {"characters": [{"id": i, "action": "stand", "expression": "neutral"} for i in ids]}


def test_appearance_is_the_cast_members_own_or_none() -> None:
    scene = _scene("hero", "rival")
    assert appearance(scene, "rival") is scene["characters"][1]
    assert appearance(scene, "friend") is None


def test_join_keeps_the_one_on_screen() -> None:
    scene = _scene("hero", "friend")
    app = join(scene, "friend", "hug", expression="love", target="hero")
    assert app is scene["characters"][1]
    assert app["action"] == "stand" and len(scene["characters"]) == 2


def test_join_adds_one_at_the_side_doing_the_action() -> None:
    scene = _scene("hero")
    app = join(scene, "friend", "give", expression="sad", target="hero", holding="soup")
    assert scene["characters"][-1] is app
    assert app == {"id": "friend", "expression": "sad", "outfit": "none", "action": "give", "facing": "front",
                   "target": "hero", "holding": "soup"}


def test_join_adds_nobody_to_a_full_scene_but_enter_does() -> None:
    scene = _scene("hero", "rival", "partner")
    assert join(scene, "friend", "walk") is None
    assert len(scene["characters"]) == 3
    assert join(scene, "rival", "walk") is scene["characters"][1]  # on screen already: its own
    assert enter(scene, "friend", "walk") is scene["characters"][-1]
    assert [a["id"] for a in scene["characters"]] == ["hero", "rival", "partner", "friend"]


def test_join_faces_where_told_and_enter_puts_the_hero_first() -> None:
    scene = _scene("friend")
    assert join(scene, "mom", "celebrate", facing="left", most=2) == {
        "id": "mom", "expression": "neutral", "outfit": "none", "action": "celebrate", "facing": "left",
        "target": None, "holding": None}
    hero = enter(scene, "hero", "celebrate", expression="happy", first=True)
    assert [a["id"] for a in scene["characters"]] == ["hero", "friend", "mom"]
    assert hero["expression"] == "happy" and hero["facing"] == "front"
    assert enter(scene, "hero", "cry", first=True) is hero and len(scene["characters"]) == 3
