"""A car or truck the scene tells is stuck in the snow is drawn in a drift heaped over its wheels, and the
report says so (``"stuck_in": "snow"``); a car in the snow that is not stuck, or stuck elsewhere, is not."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from render.painter.hazards import stuck_in_snow
from tests.test_staging import _scene, _still


@pytest.mark.parametrize(("words", "weather", "stuck"), [
    ("The truck gets stuck in the snow.", "clear", True), ("Its car is stuck.", "snow", True),
    ("柯基的车陷在雪里", "clear", True), ("车卡在雪地里动不了", "snow", True),
    ("The truck drives through the snow.", "snow", False), ("The car is stuck in the mud.", "rain", False),
])
def test_what_is_stuck_in_the_snow(words: str, weather: str, stuck: bool) -> None:
    assert stuck_in_snow(words, weather) is stuck


def _truck(narration: str) -> tuple[np.ndarray, dict[str, Any]]:
    img, report = _still(_scene("street", [{"id": "hero", "action": "stand"}], props=["truck"], weather="snow",
                                narration=narration))
    (entry,) = [p for p in report["drawn"]["props"] if p["asked"] == "truck"]
    return img, entry


def test_the_stuck_truck_is_in_a_drift_and_the_report_says_so() -> None:
    stuck_img, stuck = _truck("Her truck gets stuck in the snow.")
    free_img, free = _truck("Her truck rolls down the street.")
    assert stuck["stuck_in"] == "snow" and "stuck_in" not in free
    x0, y0, x1, y1 = stuck["box"]
    wheels = (slice(y1 - (y1 - y0) // 3, y1), slice(x0, x1))  # the bottom third: wheels and sills
    assert stuck_img[wheels].mean() > free_img[wheels].mean() + 8  # heaped white snow over them


@pytest.mark.parametrize("asked", ["truck", "卡车", "school bus"])
def test_a_truck_or_a_bus_is_parked_behind_the_pets_at_its_own_size(asked: str) -> None:
    """A truck in a snow rescue was a toy before the pets' feet, shrunk below their faces: a truck or a bus is
    parked on the far ground behind them, taller than a pet's body; a car still stands beside them."""
    def drawn(thing: str) -> tuple[np.ndarray, dict[str, Any], dict[str, Any]]:
        img, report = _still(_scene("street", [{"id": "hero", "action": "hug", "target": "rival"}, {"id": "rival"}],
                                    props=[thing], weather="snow"))
        (prop,) = report["drawn"]["props"]
        return img, prop, next(c for c in report["drawn"]["characters"] if c["id"] == "hero")

    img, vehicle, hero = drawn(asked)
    _, car, _ = drawn("car")
    assert vehicle["where"] == "back" and car["where"] != "back"
    tall = vehicle["box"][3] - vehicle["box"][1]
    assert tall > 0.5 * (hero["box"][3] - hero["box"][1]) and tall > 1.4 * (car["box"][3] - car["box"][1])
    x0, y0, x1, y1 = vehicle["box"]
    top = img[y0:y0 + (y1 - y0) // 3, x0:x1]  # its roof above the pets' heads: painted, not the sky
    assert top.std() > 12
