"""A crowd's mood matches its scene: where a pet cries, sulks or is scared and nobody of the scene is glad, the crowd
only looks on (onlookers), never a cheering crowd ("a lazy corgi gets fired from the bakery and cries in the rain":
no cheering while it cries); a glad scene keeps its cheering crowd."""

from __future__ import annotations

from typing import Any

from story.mockers import crowd_in_mood
from story.offline import write_story


def _scene(mood: str, action: str, expression: str) -> dict[str, Any]:
    return {"mood": mood, "props": ["cheering crowd", "oven"],
            "characters": [{"id": "hero", "action": action, "expression": expression}]}


def test_a_crying_scene_has_onlookers() -> None:
    scenes = [_scene("sad", "cry", "crying"), _scene("calm", "stand", "scared"), _scene("triumphant", "celebrate", "happy"),
              _scene("sad", "hug", "love")]
    crowd_in_mood(scenes)
    assert [s["props"][0] for s in scenes] == ["onlookers", "onlookers", "cheering crowd", "cheering crowd"]


def test_the_fired_corgi_is_never_cheered_while_it_cries() -> None:
    premise = "a lazy corgi gets fired from the bakery and cries in the rain, then opens his own bakery"
    for seed in (1, 2, 3, 5):
        for scene in write_story(premise, None, "en", seed).script.scenes:
            if any(c.action in ("cry", "sulk") for c in scene.characters):
                assert "cheering crowd" not in scene.props
