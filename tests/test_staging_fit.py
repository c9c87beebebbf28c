"""An action fits its place: a climb indoors (a hospital ward, a school, an office) goes up a flight of stairs,
not a ladder standing in the room; out of doors, or where the scene asks for a ladder in words, the ladder
stays. Real writer output, real renders."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter import StoryboardPainter
from render.stages import never_cancel, no_progress
from story.offline import write_offline
from tests.test_staging import SMALL, _scene, _still

_WOOD = np.asarray((150, 98, 52), np.float32)
_STEP = np.asarray((206, 196, 180), np.float32)


def _share(region: np.ndarray, colour: np.ndarray, tol: float = 28) -> float:
    return float((np.abs(region - colour).max(axis=-1) < tol).mean())


def _climber(location: str, **kw: str) -> tuple[list[str], float, float]:
    img, report = _still(_scene(location, [{"id": "hero", "action": "climb", "holding": "ladder"}], **kw))
    (char,) = report["drawn"]["characters"]
    x0, y0, x1, y1 = (max(0, v) for v in char["box"])
    region = img[y0:y1, x0:x1]
    return char["marks"], _share(region, _STEP), _share(region, _WOOD)


@pytest.mark.parametrize("location", ["hospital", "school", "office", "bedroom"])
def test_a_climb_indoors_goes_up_the_stairs(location: str) -> None:
    marks, steps, wood = _climber(location)
    assert marks == ["stairs"]
    assert steps > 0.08, steps  # the flight of stairs behind and under the climber


@pytest.mark.parametrize(("location", "kw"), [("park", {}), ("construction_site", {}),
                                              ("hospital", {"narration": "Mango climbs the ladder to the shelf."})])
def test_a_ladder_stays_outdoors_or_where_the_scene_asks_for_it(location: str, kw: dict[str, str]) -> None:
    marks, steps, wood = _climber(location, **kw)
    assert marks == ["ladder"] and wood > 0.03, (marks, wood)


def test_a_written_story_climbing_indoors_is_drawn_on_stairs() -> None:
    script = write_offline("小猫在学校里爬上楼顶", "ginger-cat", "zh", 1)
    painter = StoryboardPainter()
    painter.paint_layers(script, SMALL, no_progress, never_cancel)
    climbs = [(r["drawn"]["location"], c["marks"]) for r in painter.report for c in r["drawn"]["characters"]
              if c["action"] == "climb"]
    assert climbs and all(marks == ["stairs"] for _, marks in climbs), climbs


@pytest.mark.parametrize(("premise", "word"), [
    ("a ginger cat becomes a pilot and flies a plane over the city", "pilot"),
    ("a pug works as a librarian and finds a secret map in an old book", "librarian"),
    ("a nurse dog rescues a kitten trapped in the hospital", "trapped"),
    ("a shy corgi works as a plumber and fixes the rich cat's sink", "plumber"),
])
def test_a_job_or_a_participle_is_no_thing_to_draw(premise: str, word: str) -> None:
    """A job the premise names is the pet's costume and a participle names nothing: neither stands in the
    scene as the painter's stand-in present (the gift box drawn for what nothing is near to)."""
    script = write_offline(premise, "ginger-cat", "en", 1)
    asked = [p for sc in script.scenes for p in sc.props]
    assert word not in asked, asked
    painter = StoryboardPainter()
    painter.paint_layers(script, SMALL, no_progress, never_cancel)
    stand_ins = [p["asked"] for r in painter.report for p in r["drawn"]["props"] if p["how"] == "none"]
    assert word not in stand_ins, stand_ins
