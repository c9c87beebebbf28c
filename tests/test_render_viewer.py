"""What a muted viewer sees, render side: a held prop never covers the face, and rain or snow
falls outdoors only."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from render.painter import StoryboardPainter
from render.stages import RenderSpec, never_cancel, no_progress
from story.script import Script

SPEC = RenderSpec(width=360, height=640, seed=2)
_HERO = {"id": "hero", "name": "Ginger", "species": "cat", "breed": "ginger tabby", "style": "ginger-cat",
         "look": "a small ginger tabby cat"}


def _paint(scene: dict[str, Any]) -> tuple[np.ndarray, dict[str, Any], str]:
    base = {"location": "shop", "setting": "a shop", "visual_prompt": "a cat", "narration": "Something happens.",
            "caption": "Caption", "duration": 4.0, "characters": [{"id": "hero"}]}
    script = Script.model_validate({"title": "T", "language": "en", "premise": "p", "style": "ginger-cat",
                                    "characters": [_HERO], "scenes": [{**base, **scene}] * 5})
    painter = StoryboardPainter()
    arts = painter.paint_layers(script, SPEC, no_progress, never_cancel)
    return np.asarray(arts[0].flatten(), dtype=np.int16), painter.report[0], arts[0].weather


@pytest.mark.parametrize("action,held", [("shocked", "squeegee"), ("celebrate", "trophy"), ("shocked", "microphone")])
def test_a_prop_held_with_raised_paws_leaves_the_face_clear(action: str, held: str) -> None:
    bare, report, _ = _paint({"characters": [{"id": "hero", "action": action}]})
    holding, report2, _ = _paint({"characters": [{"id": "hero", "action": action, "holding": held}]})
    assert report2["drawn"]["characters"][0]["holding"] is not None  # it is drawn, in a paw
    x0, y0, x1, y1 = report["drawn"]["characters"][0]["box"]
    w, h = x1 - x0, y1 - y0
    # the face: the middle third of the sprite's width, from the eyes to the chin
    face = (slice(y0 + round(0.2 * h), y0 + round(0.42 * h)), slice(x0 + w // 3, x1 - w // 3))
    changed = np.abs(holding[face] - bare[face]).max(axis=2) > 40
    assert changed.mean() < 0.02, (action, held, changed.mean())


def test_rain_and_snow_fall_outdoors_only() -> None:
    for weather in ("rain", "snow", "storm"):
        _, report, falling = _paint({"location": "mansion", "weather": weather})
        assert falling == "clear" and "indoors" in report["drawn"]["note"], weather
        _, report, falling = _paint({"location": "street", "weather": weather})
        assert falling == weather and "note" not in report["drawn"], weather


def test_a_pet_asleep_beside_another_lies_inside_the_frame_head_toward_its_edge() -> None:
    cast = [_HERO, {"id": "family", "name": "Bolt", "species": "dog", "breed": "corgi", "style": "corgi",
                    "look": "a corgi"}]
    scene = {"location": "bedroom", "setting": "a bedroom", "visual_prompt": "pets", "narration": "Night.",
             "caption": "Caption", "duration": 4.0,
             "characters": [{"id": "hero", "action": "sleep", "facing": "right"}, {"id": "family", "action": "stand"}]}
    script = Script.model_validate({"title": "T", "language": "en", "premise": "p", "style": "ginger-cat",
                                    "characters": cast, "scenes": [scene] * 5})
    painter = StoryboardPainter()
    art = painter.paint_layers(script, SPEC, no_progress, never_cancel)[0]
    sleeper = next(sp for sp in art.sprites if sp.speaker == "hero")
    other = next(sp for sp in art.sprites if sp.speaker == "family")
    cols = np.flatnonzero(sleeper.rgba[..., 3].max(axis=0) > 64)
    margin = (art.background.width - SPEC.width) / 2
    assert sleeper.x + cols[0] >= margin and sleeper.x + cols[-1] <= margin + SPEC.width
    drawn = painter.report[0]["drawn"]["characters"]
    assert [c["facing"] for c in drawn if c["id"] == "hero"] == ["left"]  # away from the other pet
    assert sleeper.x + cols[0] < other.x  # the head (and its "zzz") on the far side, not over the other's face


def test_a_pet_points_at_its_target_whatever_side_the_writer_said() -> None:
    cast = [_HERO, {"id": "rival", "name": "Snow", "species": "cat", "breed": "white Persian",
                    "style": "white-persian", "look": "a fluffy white Persian cat"}]
    scene = {"location": "mansion", "setting": "a mansion", "visual_prompt": "pets", "narration": "Out.",
             "caption": "Caption", "duration": 4.0,
             "characters": [{"id": "rival", "action": "point", "target": "hero", "facing": "right"},
                            {"id": "hero", "action": "stand", "facing": "left"}]}
    script = Script.model_validate({"title": "T", "language": "en", "premise": "p", "style": "ginger-cat",
                                    "characters": cast, "scenes": [scene] * 5})
    painter = StoryboardPainter()
    painter.paint_layers(script, SPEC, no_progress, never_cancel)
    drawn = {c["id"]: c for c in painter.report[0]["drawn"]["characters"]}
    hero_x, rival_x = drawn["hero"]["box"][0], drawn["rival"]["box"][0]
    assert drawn["rival"]["facing"] == ("right" if hero_x > rival_x else "left")
