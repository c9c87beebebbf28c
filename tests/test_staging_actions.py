"""The genre's actions drawn so that a viewer with the sound off reads them: dancing, spilling a drink on
someone, treating a patient, rolling in the snow, swimming, fishing. Pixel checks on real renders
against the same scene with the pet only standing, and the writer's verb → action mapping."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from render.painter.geometry import GROUND
from render.painter.poses import LIQUID
from render.painter.staging import layout
from render.stages import RenderSpec, overscan_size
from story.offline import write_story
from tests.test_staging import _still

SPEC = RenderSpec(width=360, height=640, seed=5)


def _render(action: str, location: str = "street", target: bool = False, **kw: Any) -> tuple[np.ndarray, dict[str, Any]]:
    chars: list[dict[str, Any]] = [{"id": "hero", "action": action}]
    if target:
        chars = [{"id": "hero", "action": action, "target": "rival"}, {"id": "rival", "action": "stand"}]
    return _still({"location": location, "setting": "a place", "characters": chars, "visual_prompt": "pets",
                   "narration": "Something happens.", "caption": "Caption", "duration": 4.0, "mood": "calm", **kw},
                  SPEC)


def _char(report: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in report["drawn"]["characters"] if c["id"] == cid)


def _differs(a: np.ndarray, b: np.ndarray, box: Sequence[int]) -> np.ndarray:
    """Which pixels in ``box`` (x0, y0, x1, y1) differ clearly between two renders."""
    x0, y0, x1, y1 = box
    return np.asarray(np.abs(a[y0:y1, x0:x1] - b[y0:y1, x0:x1]).max(axis=2) > 40)


def _changed(a: np.ndarray, b: np.ndarray, box: Sequence[int]) -> float:
    """The share of pixels in ``box`` that differ clearly between two renders."""
    return float(_differs(a, b, box).mean())


def _near_mask(img: np.ndarray, box: Sequence[int], colour: tuple[int, int, int], tol: float = 45) -> np.ndarray:
    """Which pixels in ``box`` are within ``tol`` of ``colour`` in every channel."""
    x0, y0, x1, y1 = box
    return np.asarray(np.abs(img[y0:y1, x0:x1] - np.array(colour, dtype=np.float32)).max(axis=2) < tol)


def _near(img: np.ndarray, box: Sequence[int], colour: tuple[int, int, int], tol: float = 45) -> int:
    return int(_near_mask(img, box, colour, tol).sum())


# a lone pet stands centred, facing right: its feet, height and shoulder line in the keyframe's pixels
# (the keyframe is the camera's overscan, the visible frame centred in it)
_OW, _OH = overscan_size(SPEC)
_CX, _FEET, _H = _OW / 2, (_OH - SPEC.height) / 2 + SPEC.height * GROUND, SPEC.height * layout(1)[0].height
_SHOULDER = _FEET - _H * 47 / 104


def _drawn_at(entry: dict[str, Any]) -> tuple[float, float, float]:
    """A lone pet's centre, feet and height in the keyframe's pixels as drawn, from its face box (a pet that
    hops is drawn smaller and lower, so that its head stays under the headline at the top of its hop)."""
    x0, y0, x1, y1 = entry["face"]
    u = (y1 - y0) / 44
    turn = 4 * u if entry["turned"] else 0.0
    return (x0 + x1) / 2 - (turn if entry["facing"] == "right" else -turn), (y0 + y1) / 2 + 71 * u, 104 * u


def test_dancing_raises_a_paw_above_the_shoulders_and_kicks_a_leg() -> None:
    stand, _ = _render("stand", "stage")
    dance, report = _render("dance", "stage")
    hero = _char(report, "hero")
    assert (hero["action"], hero["arms"], hero["body"]) == ("dance", "dance", "stand") and "notes" in hero["marks"]
    # the paws above the shoulder line, out beside the head (where a standing pet has nothing)
    cx, feet, h = _drawn_at(hero)  # the dancer as drawn
    shoulder = feet - h * 47 / 104
    for side in (1, -1):
        x0 = round(cx + side * h * 0.3) if side > 0 else round(cx - h * 0.55)
        box = (x0, round(feet - h * 0.85), x0 + round(h * 0.25), round(shoulder))
        assert _changed(dance, stand, box) > 0.03, side
    # the front leg kicked out to the side, off the ground
    leg = (round(cx + h * 0.12), round(feet - h * 0.35), round(cx + h * 0.34), round(feet - h * 0.12))
    assert _changed(dance, stand, leg) > 0.15


@pytest.mark.parametrize(("prop", "held"), [("bowl of soup", "food bowl"), ("cup of coffee", "coffee cup")])
def test_a_spilt_drink_soaks_its_target_in_its_colour(prop: str, held: str) -> None:
    pushed, _ = _render("push", "restaurant", target=True, props=[prop])
    spilt, report = _render("spill", "restaurant", target=True, props=[prop])
    hero, rival = _char(report, "hero"), _char(report, "rival")
    assert hero["action"] == "spill" and hero["holding"]["drawn"] == held
    assert f"soaked:{held}" in rival["marks"] and rival["expression"] == "shocked"
    colour = LIQUID[held]
    # the drink over the white Persian's head and fur, not there when only pushed
    x0, y0, x1, y1 = rival["box"]
    top = [x0, y0, x1, y0 + (y1 - y0) // 2]
    added = _near_mask(spilt, top, colour, 30) & _differs(spilt, pushed, top)
    assert added.sum() > 800, added.sum()


def test_treating_a_patient_draws_the_patient_lying_and_the_stethoscope() -> None:
    stand, _ = _render("stand", "hospital")
    treat, report = _render("treat", "hospital")
    hero = _char(report, "hero")
    assert hero["action"] == "treat" and {"stethoscope", "medic"} <= set(hero["marks"])
    (patient,) = report["drawn"]["props"]  # nobody asked: treating nobody would read as standing
    assert patient["drawn"] == "patient"
    x0, y0, x1, y1 = patient["box"]
    assert x1 - x0 > y1 - y0 > 0 and _changed(treat, stand, (x0, y0, x1, y1)) > 0.2  # the bed, drawn there


def test_a_treated_pet_lies_down_bandaged_beside_the_one_who_treats_it() -> None:
    stood, before = _render("talk", "hospital", target=True)
    treated, report = _render("treat", "hospital", target=True)
    was, lying = _char(before, "rival"), _char(report, "rival")
    assert lying["body"] == "lying" and lying["marks"] == ["bandage"] and lying["motion"] == "still"
    w0, h0 = was["box"][2] - was["box"][0], was["box"][3] - was["box"][1]
    w1, h1 = lying["box"][2] - lying["box"][0], lying["box"][3] - lying["box"][1]
    assert h0 > w0 and w1 > h1  # upright before, along the floor now
    assert _changed(treated, stood, lying["box"]) > 0.2


def test_rolling_in_the_snow_lies_on_its_back_with_snow_kicked_up() -> None:
    stand, _ = _render("stand", "park", weather="snow")
    roll, report = _render("roll", "park", weather="snow")
    sleep, _ = _render("sleep", "park", weather="snow")
    hero = _char(report, "hero")
    assert (hero["body"], hero["marks"]) == ("back", ["flecks"])
    x0, y0, x1, y1 = hero["box"]
    assert x1 - x0 > y1 - y0  # along the ground
    assert x0 >= (_OW - SPEC.width) // 2 - 4 and x1 <= (_OW + SPEC.width) // 2 + 4  # the whole pet in the frame
    assert _changed(roll, stand, (x0, y0, x1, y1)) > 0.2
    assert _changed(roll, sleep, (x0, y0, x1, y1)) > 0.1  # paws up, not asleep on its side
    _, dry = _render("roll", "park")
    assert _char(dry, "hero")["marks"] == []  # no snow where none falls


def test_swimming_draws_the_pet_in_water() -> None:
    stand, _ = _render("stand", "beach")
    swim, report = _render("swim", "beach")
    hero = _char(report, "hero")
    assert hero["body"] == "lying" and hero["marks"] == ["water"]
    x0, y0, x1, y1 = hero["box"]
    water = (70, 150, 230)
    lower = [x0, (y0 + y1) // 2, x1, y1]
    assert _near(swim, lower, water) > 4 * _near(stand, lower, water) + 200


def test_fishing_holds_a_rod_up_over_the_head() -> None:
    stand, _ = _render("stand", "park")
    fish, report = _render("fish", "park")
    assert _char(report, "hero")["marks"] == ["rod"]
    above = (round(_CX + _H * 0.3), round(_FEET - _H * 1.2), round(_CX + _H * 0.6), round(_FEET - _H * 0.9))
    assert _changed(fish, stand, above) > 0.01


@pytest.mark.parametrize(("premise", "lang", "action", "targeted"), [
    ("a clumsy ginger cat waiter spills soup on the rich white cat", "en", "spill", True),
    ("a persian cat throws coffee at the poor cat", "en", "spill", True),
    ("a corgi doctor saves a patient in the hospital", "en", "treat", False),
    ("a dog nurse bandages an injured puppy", "en", "treat", True),
    ("a shy husky loves dancing and wins the talent show", "en", "dance", False),
    ("a kitten rolling in the snow", "en", "roll", False),
    ("a kitten playing in the snow", "en", "roll", False),
    ("a corgi swimming in the sea", "en", "swim", False),
    ("an old cat fishing by the lake", "en", "fish", False),
    ("白猫把咖啡泼在橘猫身上", "en", "spill", True),  # the Chinese verbs, told in English
    ("橘猫在雪地里打滚", "zh", "roll", False),
    ("哈士奇在舞台上跳舞", "zh", "dance", False),
    ("老猫在湖边钓鱼", "zh", "fish", False),
    # learning or practising a deed is drawn as the deed, not as study or work
    ("a fired corgi waiter learns to dance and wins the city dance contest", "en", "dance", False),
    ("a shy puppy practises singing every night and becomes a star", "en", "sing", False),
    ("a scared kitten learns to swim", "en", "swim", False),
])
def test_the_writer_stages_the_premises_verb_as_its_own_action(premise: str, lang: str, action: str,
                                                               targeted: bool) -> None:
    script = write_story(premise, None, lang, 1).script
    doing = [a for s in script.scenes for a in s.characters if a.action == action]
    assert doing, [[a.action for a in s.characters] for s in script.scenes]
    if targeted:
        assert all(a.target is not None for a in doing)
    if action == "fish":  # the fishing is done, not a bowl of fish drawn beside it
        assert not any("bowl" in p for s in script.scenes for p in s.props)


def test_learning_only_itself_stays_study() -> None:
    script = write_story("a shy cat learns to read and wins the spelling bee", None, "en", 1).script
    actions = {a.action for s in script.scenes for a in s.characters}
    assert "study" in actions and "dance" not in actions
