"""A thing the scene's words tell is thrown away (throws the ring away, 把戒指扔掉了, tosses his phone into the lake)
is drawn flying off the thrower's flung paw along its arc, whatever stand-in the throw was written as (a shove, a
cry); it was a shove at the one left, or tears, the ring on the ground. The report says so (``"drawn_as":
"throw"``, the thing still the one held). Staging checks and one small still."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter.staging import Staged, stage_scene
from story.script import Scene
from tests.test_staging import _scene, _still


def _hero(action: str, narration: str, props: list[str]) -> Staged:
    scene = Scene.model_validate(_scene("street", [{"id": "hero", "action": action, "target": "rival"},
                                                   {"id": "rival"}], narration=narration, props=props))
    staged, _ = stage_scene(scene, ["hero", "rival"])
    return staged[0]


@pytest.mark.parametrize(("action", "narration", "props", "thrown"), [
    ("push", "Clementine throws the ring away after Maple cheats.", ["diamond ring"], "ring"),
    ("cry", "一个安静的傍晚，橘猫年糕把戒指扔掉了。", ["diamond ring"], "ring"),
    ("stand", "He tosses his phone into the lake.", ["phone", "flowers"], "phone"),
    ("sulk", "她把花丢进了垃圾桶。", ["flowers"], "flowers"),
])
def test_the_thing_thrown_flies_off_the_flung_paw(action: str, narration: str, props: list[str], thrown: str) -> None:
    st = _hero(action, narration, props)
    assert st.pose.arms == "throw" and st.pose.holding is not None and st.pose.holding.drawn == thrown
    assert st.pose.expression in ("angry", "crying")


@pytest.mark.parametrize(("narration", "props"), [
    ("She throws a party for her friends.", ["diamond ring"]),  # a party thrown: nothing flies
    ("他的戒指丢了。", ["diamond ring"]),  # lost, not thrown
    ("Clementine throws the ball to Maple.", []),  # nothing for the paw asked
    ("Clementine looks at the ring for a long moment.", ["diamond ring"]),
])
def test_no_throw_where_the_words_tell_none(narration: str, props: list[str]) -> None:
    assert _hero("push", narration, props).pose.arms != "throw"


def test_the_still_shows_the_ring_up_and_away_and_the_report_says_so() -> None:
    chars = [{"id": "hero", "action": "cry"}]
    img, report = _still(_scene("street", chars, props=["ring"], narration="She throws the ring away."))
    plain, _ = _still(_scene("street", chars, props=["ring"], narration="She looks at the ring."))
    (char,) = report["drawn"]["characters"]
    assert char["drawn_as"] == "throw" and char["holding"]["drawn"] == "ring"
    hx0, hy0, hx1, hy1 = char["held_box"]
    fx0, fy0, fx1, fy1 = char["face"]
    assert (hy0 + hy1) / 2 < (fy0 + fy1) / 2  # flying off above the thrower's face, not held at the chest
    assert np.abs(img[hy0:hy1, hx0:hx1] - plain[hy0:hy1, hx0:hx1]).mean() > 20  # the ring drawn there
