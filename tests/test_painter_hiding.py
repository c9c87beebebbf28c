"""One hiding under the bed (hides under the bed when the thunder starts, 躲在床底下哭) is drawn flat on the floor
beneath a bed, its quilt hanging over the body, only the scared, shivering face peeking out past the hem, whatever
the stand-in action the line was written as (it was drawn celebrating, or crying in the middle of the room); the
report says so (``"bed": "under"``, ``"drawn_as": "hide under bed"``). Staging checks and one small still."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter.staging import stage_scene
from story.script import Scene
from tests.test_staging import _scene, _still


def _hero(narration: str, action: str = "celebrate") -> tuple[str, str, str]:
    scene = Scene.model_validate(_scene("bedroom", [{"id": "hero", "action": action}], narration=narration))
    (st,), _ = stage_scene(scene, ["hero"])
    return st.bed, st.pose.body, st.pose.expression


@pytest.mark.parametrize("narration", [
    "And one day, Pumpkin hides under the bed when the thunder starts.", "She crawled under her bed and stayed there.",
    "一天早上，小猫奶茶被骂了以后躲在床底下哭。", "小狗吓得钻到床下面去了。", "它缩在床底下发抖。",
])
def test_one_hiding_under_the_bed_lies_beneath_it_scared(narration: str) -> None:
    assert _hero(narration) == ("under", "lying", "shocked")


@pytest.mark.parametrize("narration", [
    "The ball rolls under the bed.", "Pumpkin hides behind the sofa.", "Pumpkin goes to bed early.",
    "床底下有一个旧箱子。", "小猫躲在沙发后面。",
])
def test_no_hiding_under_the_bed_where_the_words_tell_none(narration: str) -> None:
    assert _hero(narration)[0] != "under"


def test_the_still_shows_the_bed_over_it_and_the_report_says_so() -> None:
    img, report = _still(_scene("bedroom", [{"id": "hero", "action": "cry"}],
                                narration="Pumpkin hides under the bed and cries."))
    plain, _ = _still(_scene("bedroom", [{"id": "hero", "action": "cry"}], narration="Pumpkin cries."))
    (char,) = report["drawn"]["characters"]
    assert char["bed"] == "under" and char["drawn_as"] == "hide under bed" and char["body"] == "lying"
    x0, y0, x1, y1 = char["box"]
    assert x1 - x0 > 1.3 * (y1 - y0)  # the bed with the face out past it: long and low
    bed = img[y0 + (y1 - y0) // 4:y1 - (y1 - y0) // 4, x0:x0 + (x1 - x0) * 2 // 5]  # the quilt over its body
    assert np.abs(bed - plain[y0 + (y1 - y0) // 4:y1 - (y1 - y0) // 4, x0:x0 + (x1 - x0) * 2 // 5]).mean() > 25
    assert float(bed.std(axis=(0, 1)).mean()) < 45  # one quilt's colour, not a pet's patches


# -- locked in a cage ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("narration", "caged"), [
    ("Sunny, a puppy, is locked in a cage at the pet market.", True), ("一只被关在笼子里的小狗。", True),
    ("小狗在笼子里哭。", True), ("The kitten is trapped inside a small crate.", True),
    ("The parrot's cage is empty now.", False), ("Sunny walks past the cages.", False), ("他觉得很孤单。", False),
])
def test_one_locked_in_a_cage_is_drawn_behind_its_bars(narration: str, caged: bool) -> None:
    scene = Scene.model_validate(_scene("market", [{"id": "hero", "action": "cry"}], narration=narration))
    (st,), _ = stage_scene(scene, ["hero"])
    assert ("caged" in st.pose.marks) is caged


def test_the_cage_is_drawn_over_the_pet() -> None:
    chars = [{"id": "hero", "action": "stand"}]
    img, report = _still(_scene("market", chars, narration="Sunny is locked in a cage."))
    plain, plain_report = _still(_scene("market", chars, narration="Sunny waits."))
    (char,) = report["drawn"]["characters"]
    assert "caged" in char["marks"]
    x0, y0, x1, y1 = char["box"]
    tray = img[y1 - (y1 - y0) // 12:y1, x0 + (x1 - x0) // 4:x1 - (x1 - x0) // 4].reshape(-1, 3)  # its dark tray
    assert float((np.abs(tray - np.array((96, 100, 112))).max(axis=1) < 30).mean()) > 0.4
    assert (x1 - x0) > (plain_report["drawn"]["characters"][0]["box"][2] - plain_report["drawn"]["characters"][0][
        "box"][0])  # the cage wider than the pet alone
