"""One carried on another's back (carries his sick mom on his back, a piggyback ride, 背着妈妈去医院) is drawn up
on its carrier's back, behind it and over its shoulders, the carrier bent forward with its paws back under the
rider, whatever stand-in action the carry was written as (work, treat, walk); the report says so
(``"drawn_as": "carry on back"`` and ``"on back"``). Staging checks and one small still."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from render.painter.staging import Staged, stage_scene
from story.drawings import piggyback
from story.script import Scene
from tests.test_staging import _scene, _still

_CAST = ["hero", "partner"]


def _chars(action: str, target: str | None) -> list[dict[str, Any]]:
    return [{"id": "hero", "action": action, **({"target": target} if target else {})}, {"id": "partner"}]


def _staged(action: str, narration: str, target: str | None = "partner", premise: str = "",
            young: dict[str, int] | None = None) -> dict[str, Staged]:
    scene = Scene.model_validate(_scene("street", _chars(action, target), narration=narration))
    staged, _ = stage_scene(scene, _CAST, young or {}, premise)
    return {st.id: st for st in staged}


@pytest.mark.parametrize(("action", "target", "narration"), [
    ("work", None, "Ginger carries Rex, her sick mom, on her back to the hospital."),
    ("treat", "partner", "有一年的秋天，小柴犬大黄背着生病的妈妈土豆去医院。"),
    ("walk", "partner", "She gives him a piggyback ride all the way home."),
    ("hug", "partner", "大黄一把背起小猫，冲进了雪里。"),
    ("push", "partner", "After the earthquake Waffles carries his grandpa on his back out of the ruins."),
])
def test_the_one_carried_rides_on_the_carriers_back(action: str, target: str | None, narration: str) -> None:
    st = _staged(action, narration, target)
    hero, rider = st["hero"], st["partner"]
    assert rider.on_back and rider.carried and not hero.on_back
    assert hero.pose.arms == "piggy" and hero.pose.rig is None and hero.pose.holding is None and hero.turned
    assert rider.slot.feet < hero.slot.feet - 0.3 * hero.slot.height  # raised onto its back
    assert (rider.slot.x - hero.slot.x) * hero.facing < 0  # behind it, the side it walks away from
    assert rider.facing == hero.facing and rider.pose.body == "stand"  # not lying treated, not hugged in front


@pytest.mark.parametrize(("action", "narration"), [
    ("work", "Ginger carries the heavy boxes to the truck."),  # carried in the paws, no one on the back
    ("push", "Snow turns her back on Rex."),
    ("treat", "大黄背着主人偷吃零食。"),  # 背着 "behind the master's back", no carrying
    ("hug", "大黄背上书包去上学。"),  # a schoolbag on its back
])
def test_no_carry_on_the_back_where_the_words_tell_none(action: str, narration: str) -> None:
    st = _staged(action, narration)
    assert not st["partner"].on_back and st["hero"].pose.arms != "piggy"


def test_the_premises_carry_in_a_scene_whose_doer_does_its_stand_in_but_not_one_who_only_stands() -> None:
    premise = "a brave corgi carries his sick mom on his back to the hospital"
    assert piggyback(Scene.model_validate(_scene("street", _chars("work", None))), premise)
    assert _staged("work", "The rain keeps falling.", None, premise)["partner"].on_back
    assert not _staged("stand", "The rain keeps falling.", None, premise)["partner"].on_back


def test_a_kitten_carried_rides_high_enough_to_show_over_the_shoulder() -> None:
    grown = _staged("work", "Ginger carries Rex on her back through the snow.")
    kitten = _staged("work", "Ginger carries Rex on her back through the snow.", young={"partner": 1})
    assert kitten["partner"].slot.feet < grown["partner"].slot.feet  # drawn small: lifted higher


def test_the_still_shows_the_rider_above_the_carrier_and_the_report_says_so() -> None:
    chars = _chars("work", None)
    img, report = _still(_scene("street", chars, narration="Ginger carries Rex on her back to the vet."))
    plain_img, plain = _still(_scene("street", chars, narration="Ginger works while Rex waits."))
    by = {c["id"]: c for c in report["drawn"]["characters"]}
    assert by["hero"]["drawn_as"] == "carry on back" and by["partner"]["drawn_as"] == "on back"
    assert "drawn_as" not in {k for c in plain["drawn"]["characters"] for k in c}
    hx0, hy0, hx1, _ = by["hero"]["box"]
    rx0, ry0, rx1, ry1 = by["partner"]["box"]
    assert ry0 < hy0 and rx0 < hx1 and hx0 < rx1  # over the carrier, overlapping it
    # the rider's head, above the carrier's: ink there on the back, the plain street's sky without it
    band = (slice(ry0, hy0), slice(max(rx0, hx0), min(rx1, hx1)))
    assert np.abs(img[band] - plain_img[band]).mean() > 20
