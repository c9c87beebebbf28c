"""The show on TV and the thing dropped, as a viewer with the sound off reads them (issue 12): a baking show on TV
was a theatre stage with red curtains (or the mansion the story began in), and a cake dropped on a poodle a shove
with empty paws. Now the stage of a show on TV is a studio on air (cameras on tripods, an ON AIR sign, spotlights,
the audience, the show's name; a show of cooks its counter with glowing ovens), and the one who drops a thing is
drawn tipping it off its paw, gasping, the thing on whom it lands or splattered on the floor."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from render.painter.poses import DRINKS, liquid
from render.painter.venues import venue_captions
from story.plan import place_title
from story.script import Script
from story.venues import VENUES, places_drawn
from tests.test_staging import _scene, _script, _still


def _studio(narration: str, premise: str = "a test premise", lang: str = "en") -> Script:
    scene = _scene("stage", [{"id": "hero", "action": "celebrate"}], narration=narration,
                   caption=place_title("stage", lang))
    return Script.model_validate(_script([scene]).model_dump() | {"premise": premise, "language": lang})


@pytest.mark.parametrize(("narration", "premise", "lang", "title"), [
    ("Then Duke wins a baking show on TV.", "a test premise", "en", "Baking show"),
    ("Then Bolt wins a cooking contest on TV.", "a test premise", "en", "Cooking show"),
    ("Tiger sings on a TV talent show.", "a test premise", "en", "Talent show"),
    ("Everyone is watching.", "a beagle wins a reality show on TV", "en", "On air"),
    ("后来，阿福在电视厨艺大赛上夺冠。", "一只小狗后来在电视厨艺大赛上夺冠", "zh", "厨艺大赛"),
    ("糯米在电视才艺秀上唱歌。", "一只小猫在电视才艺秀上唱歌", "zh", "才艺秀"),
])
def test_a_show_on_tv_is_drawn_as_a_tv_studio(narration: str, premise: str, lang: str, title: str) -> None:
    script = _studio(narration, premise, lang)
    assert [found and found.kind for found in places_drawn(script)] == ["tv studio"] * len(script.scenes)
    assert venue_captions(script).scenes[0].caption == title


def test_a_stage_with_no_tv_stays_a_stage() -> None:
    assert places_drawn(_studio("Tiger sings at the talent show.")) == [None] * 5


def _differs(a: np.ndarray, b: np.ndarray, box: tuple[float, float, float, float]) -> float:
    """The share of pixels in ``box`` (fractions of the keyframe) that differ clearly between two renders."""
    h, w = a.shape[:2]
    x0, y0, x1, y1 = box
    cut = (slice(round(y0 * h), round(y1 * h)), slice(round(x0 * w), round(x1 * w)))
    return float((np.abs(a[cut] - b[cut]).max(axis=2) > 40).mean())


def test_the_studio_has_cameras_an_on_air_sign_and_a_show_kitchen() -> None:
    """The cameras on their tripods at either side and the ON AIR sign where a plain stage hangs its curtains; the
    ovens under the counter for a baking show, not for a talent show."""
    baking, report = _still(_scene("stage", [{"id": "hero", "action": "stand"}], narration="She wins a baking show on TV."))
    talent, _ = _still(_scene("stage", [{"id": "hero", "action": "stand"}], narration="She sings on a TV talent show."))
    plain, _ = _still(_scene("stage", [{"id": "hero", "action": "stand"}], narration="She sings at the concert."))
    assert report["drawn"]["place"] == "tv studio"
    for side in ((0.0, 0.5, 0.2, 0.75), (0.8, 0.5, 1.0, 0.75), (0.05, 0.11, 0.3, 0.19)):  # cameras, ON AIR
        assert _differs(talent, plain, side) > 0.2, side
        assert _differs(baking, talent, side) < 0.02, side
    assert _differs(baking, talent, (0.15, 0.5, 0.3, 0.64)) > 0.1  # an oven beside the pet


def _char(report: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in report["drawn"]["characters"] if c["id"] == cid)


def test_a_cake_dropped_on_another_lands_on_it() -> None:
    """Told as a shove or staged as the spill: the cake tipping off the paw, the one it lands on covered in it."""
    for action in ("push", "spill"):
        _, report = _still(_scene("mansion", [{"id": "hero", "action": action, "target": "rival"}, {"id": "rival"}],
                                  narration="Duke drops a cake on Bear at her birthday party.", props=["cake"]))
        hero, rival = _char(report, "hero"), _char(report, "rival")
        assert hero["action"] == "spill" and hero["holding"]["drawn"] == "cake" and hero["expression"] == "shocked"
        assert "soaked:cake" in rival["marks"] and rival["expression"] == "shocked"
        assert not any(m.startswith("splat") for m in hero["marks"])


@pytest.mark.parametrize(("narration", "props", "thing"), [
    ("Duke drops the birthday cake at the party.", ["cake"], "cake"),
    ("土豆在婚礼上打翻了红酒。", ["red wine"], "coffee cup"),  # the wine in its cup, not the toast's cake
    ("Ziggy drops a tray of drinks at a fancy party.", ["tray of food", "cup of coffee"], "serving tray"),
])
def test_a_thing_dropped_on_nobody_is_splattered_on_the_floor(narration: str, props: list[str], thing: str) -> None:
    stood, _ = _still(_scene("mansion", [{"id": "hero", "action": "stand"}], props=props))
    dropped, report = _still(_scene("mansion", [{"id": "hero", "action": "spill"}], narration=narration, props=props))
    hero = _char(report, "hero")
    splat = "splat:wine" if "红酒" in narration else f"splat:{thing}"  # the wine's own colour, not coffee's
    assert hero["holding"]["drawn"] == thing and splat in hero["marks"] and "shock" in hero["marks"]
    x0, y0, x1, y1 = hero["box"]  # (the thing held out at the front paw)
    floor = dropped[y1 - 25:y1 + 2, x1 - 65:x1 - 5]  # before its feet, on the side it faces
    before = stood[y1 - 25:y1 + 2, x1 - 65:x1 - 5]
    assert float((np.abs(floor - before).max(axis=2) > 40).mean()) > 0.15


def test_spilt_wine_is_red_on_whom_it_lands() -> None:
    """Knocked-over wine soaked the sister in coffee brown (the cup that stands for it): now in the wine's red."""
    _, report = _still(_scene("wedding", [{"id": "hero", "action": "spill", "target": "rival"}, {"id": "rival"}],
                              narration="Scout knocks over the wine at his sister's wedding.", props=["cup of coffee"]))
    assert "soaked:wine" in _char(report, "rival")["marks"]
    assert liquid("coffee cup", "red wine") == DRINKS["wine"][1] != liquid("coffee cup")


@pytest.mark.parametrize(("premise", "lang", "kind", "banner"), [
    ("a clumsy beagle waiter drops a cake on a rich poodle at her birthday party, gets fired", "en", "party",
     "HAPPY BIRTHDAY"),
    ("the rich poodle throws a party and mocks the poor cat", "en", "party", "PARTY"),
    ("一只小狗在老板的生日派对上把咖啡洒在老板身上", "zh", "party", "HAPPY BIRTHDAY"),
    ("a rich poodle lives in a mansion", "en", None, None),
])
def test_the_mansion_of_a_party_is_dressed_for_it(premise: str, lang: str, kind: str | None,
                                                  banner: str | None) -> None:
    """The birthday party was the mansion's bare hall: now bunting, balloons and its banner (HAPPY BIRTHDAY where
    the premise says a birthday, whatever word the scene's own setting says)."""
    scene = _scene("mansion", [{"id": "hero", "action": "stand"}], setting="at the party")
    if kind is None:
        scene = _scene("mansion", [{"id": "hero", "action": "stand"}], setting="a grand hall")
    script = Script.model_validate(_script([scene]).model_dump() | {"premise": premise, "language": lang})
    found = places_drawn(script)[0]
    assert (found and found.kind) == kind
    if found is not None:
        assert dict(VENUES["party"].words)[found.asked] == banner
