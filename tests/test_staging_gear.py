"""Deeds done with gear, drawn so that a viewer with the sound off reads them: a photo taken (the camera up
at the eye, its flash going off), a climb (a ladder, the pet lifted onto a rung, paws up), digging (a
shovel in a hole, soil flying), skipping rope (the rope under lifted feet), an instrument played (piano,
guitar, violin, drums) and a fight (gloves up, an impact star, the target's fists up too). Pixel checks on
real renders against the same scene with the pet only standing, and the writer's verb → action mapping."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from render.painter.gear import LIFT
from story.offline import write_story
from story.text import HAN
from tests.test_staging_actions import _changed, _char, _differs, _near, _near_mask, _render

_WOOD = (150, 98, 52)
_SOIL = (112, 78, 48)


def _new(img: np.ndarray, before: np.ndarray, box: tuple[int, int, int, int], colour: tuple[int, int, int],
         tol: float = 25) -> int:
    """How many pixels in ``box`` are near ``colour`` and were not there (clearly different) in ``before``."""
    return int((_near_mask(img, box, colour, tol) & _differs(img, before, box)).sum())


def _box(report: dict[str, Any], cid: str = "hero") -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = _char(report, cid)["box"]
    return int(x0), int(y0), int(x1), int(y1)


def test_taking_a_photo_holds_a_camera_at_the_eye_and_the_flash_goes_off() -> None:
    stand, before = _render("stand", "street")
    photo, report = _render("photo", "street")
    assert _char(report, "hero")["marks"] == ["camera"]
    x0, y0, x1, y1 = _box(before)
    w, h = x1 - x0, y1 - y0
    face = (x0 + w // 2, y0, x1 + w // 3, y0 + h // 2)  # in front of the face, toward the facing side
    new = _differs(photo, stand, face)
    assert (_near_mask(photo, face, (48, 48, 58), 20) & new).sum() > 300  # the camera's body, new there
    assert (_near_mask(photo, face, (255, 246, 170), 25) & new).sum() > 150  # the flash


def test_climbing_lifts_the_pet_onto_a_ladder_paws_up() -> None:
    stand, before = _render("stand", "park")
    climb, report = _render("climb", "park")
    assert _char(report, "hero")["marks"] == ["ladder"]
    x0, y0, x1, y1 = _box(before)
    h = y1 - y0
    # the rails either side of the body, from the ground to above the head
    for side in ((x0, y0 - h // 6, x0 + (x1 - x0) // 3, y1), (x1 - (x1 - x0) // 3, y0 - h // 6, x1, y1)):
        assert _near(climb, side, _WOOD, 30) > _near(stand, side, _WOOD, 30) + 300, side
    # lifted: where the standing pet's feet were, the climber's are not (the rung and the ground show)
    feet = (x0 + (x1 - x0) // 4, y1 - h // 12, x1 - (x1 - x0) // 4, y1)
    assert _changed(climb, stand, feet) > 0.2
    assert LIFT["climb"] > 0



def _lang(premise: str) -> str:
    return "zh" if HAN.search(premise) else "en"

@pytest.mark.parametrize(("on", "colour"), [("tree", (126, 84, 48)), ("rock", (150, 146, 150))])
def test_a_tree_or_a_mountain_is_climbed_up_its_trunk_or_rock_face(on: str, colour: tuple[int, int, int]) -> None:
    stand, before = _render("stand", "park")
    up, report = _render("climb", "park", characters=[{"id": "hero", "action": "climb", "holding": on}])
    hero = _char(report, "hero")
    assert hero["marks"] == [on] and hero["holding"] is None  # climbed, never held
    x0, y0, x1, y1 = _box(before)
    h = y1 - y0
    behind = (x0, y0 - h // 6, x1, y1)
    assert _new(up, stand, behind, colour, 20) > 1500, on


def test_digging_drives_a_shovel_into_a_hole_and_throws_up_soil() -> None:
    stand, before = _render("stand", "park")
    dig, report = _render("dig", "park")
    assert _char(report, "hero")["marks"] == ["shovel"]
    x0, y0, x1, y1 = _box(before)
    w, h = x1 - x0, y1 - y0
    front = (x0 + w // 2, y0 + h // 3, min(dig.shape[1], x1 + w // 2), y1 + h // 12)
    assert _new(dig, stand, front, _SOIL) > 250  # soil flying, the mound
    assert _new(dig, stand, front, (58, 40, 28), 20) > 150  # the hole


def test_skipping_rope_swings_the_rope_under_the_lifted_feet() -> None:
    stand, before = _render("stand", "park")
    skip, report = _render("skip", "park")
    assert _char(report, "hero")["marks"] == ["rope"]
    x0, y0, x1, y1 = _box(before)
    h = y1 - y0
    under = (x0, y1 - h // 8, x1, y1 + h // 20)  # the rope's low arc where the feet stood
    rope = (230, 70, 120)
    assert _new(skip, stand, under, rope, 40) > 300
    assert _box(report)[1] < y0  # the whole pet up off the ground


@pytest.mark.parametrize(("props", "mark", "colour"), [
    ([], "piano", (255, 255, 255)),
    (["guitar"], "guitar", (214, 130, 52)),
    (["violin"], "violin", (170, 82, 36)),
    (["drums"], "drums", (220, 50, 60)),
])
def test_playing_draws_the_instrument_asked_in_front_of_the_pet(props: list[str], mark: str,
                                                                colour: tuple[int, int, int]) -> None:
    stand, before = _render("stand", "park")
    play, report = _render("play", "park", props=props, characters=[
        {"id": "hero", "action": "play", "holding": props[0] if props else None}])
    hero = _char(report, "hero")
    assert hero["marks"] == [mark, "notes"] and hero["holding"] is None  # played, never a microphone held
    x0, y0, x1, y1 = _box(before)
    w = x1 - x0
    body = (x0 + w // 4, y0 + (y1 - y0) // 3, min(play.shape[1], x1 + w // 3), y1)
    assert _new(play, stand, body, colour) > 300, mark


def test_a_fight_puts_gloves_up_an_impact_star_and_the_targets_fists_up_too() -> None:
    stood, _ = _render("talk", "street", target=True)
    fight, report = _render("fight", "street", target=True)
    hero, rival = _char(report, "hero"), _char(report, "rival")
    assert hero["marks"] == ["gloves", "pow"] and hero["expression"] == "angry"
    assert (rival["arms"], rival["marks"], rival["expression"]) == ("box", ["gloves"], "angry")
    assert (hero["facing"], rival["facing"]) == ("right", "left")  # face to face
    _, back = _render("stand", "street", characters=[  # as the writer casts "the rich cat fights the poor cat"
        {"id": "rival", "action": "fight", "target": "hero", "facing": "right"},
        {"id": "hero", "action": "stand", "facing": "left"}])
    assert (_char(back, "hero")["facing"], _char(back, "hero")["arms"]) == ("right", "box")  # fists up at the rival
    x0, y0, x1, y1 = _box(report)
    box = (x0, y0, min(fight.shape[1], x1 + (x1 - x0) // 2), y0 + (y1 - y0) // 2)
    assert _new(fight, stood, box, (214, 40, 48), 30) > 600  # the gloves
    assert _new(fight, stood, box, (255, 214, 60), 30) > 300  # the impact


@pytest.mark.parametrize(("premise", "action"), [
    ("a ginger cat takes a photo of the sunset", "photo"),
    ("a shy puppy climbs a tree to save a kitten", "climb"),
    ("a corgi climbs the ladder", "climb"),
    ("a puppy digs a hole for a bone in the garden", "dig"),
    ("a kitten learns jumping rope", "skip"),
    ("a tabby cat plays the piano at a concert", "play"),
    ("the rich cat fights the poor cat in the street", "fight"),
    ("a kitten learns to fish", "fish"),
    ("a shy puppy is learning to climb", "climb"),
    ("a cat photographs the rich cat stealing", "photo"),
    ("a tabby cat photographer wins a prize", "photo"),
    ("a poor cat catches a fish at the lake", "fish"),
    ("橘猫在公园拍照", "photo"),
    ("小狗爬树", "climb"),
    ("小狗在花园里挖坑", "dig"),
    ("小猫跳绳", "skip"),
    ("小猫弹钢琴", "play"),
    ("小狗打拳", "fight"),
    ("小猫钓到鱼", "fish"),
    ("小狗爬树救小猫", "climb"),  # two hanzi names in the note: it is still read as English
])
def test_the_writer_stages_the_premises_deed_with_its_gear(premise: str, action: str) -> None:
    script = write_story(premise, None, _lang(premise), 1).script
    scenes = [s for s in script.scenes if any(a.action == action for a in s.characters)]
    assert scenes, [[a.action for a in s.characters] for s in script.scenes]
    for s in scenes:  # the gear is the pose's own: no bowl of fish, no cradle for a ladder, no microphone
        assert not {"steaming bowl", "ladder", "old photo", "microphone", "guitar", "rope"} & set(s.props), s.props


@pytest.mark.parametrize(("premise", "on"), [
    ("a shy puppy climbs a tree to save a kitten", "tree"), ("an old goat climbs the mountain", "rock"),
    ("a corgi climbs the ladder", "ladder"), ("小猫每天爬山", "rock"), ("小狗爬树", "tree"),
])
def test_what_is_climbed_is_the_one_the_premise_names(premise: str, on: str) -> None:
    script = write_story(premise, None, _lang(premise), 1).script
    assert {a.holding for s in script.scenes for a in s.characters if a.action == "climb"} == {on}


@pytest.mark.parametrize(("premise", "instrument"), [
    ("a tabby cat plays the piano at a concert", "piano"), ("a cat plays the guitar on the street", "guitar"),
    ("a cat plays the violin", "violin"), ("a dog plays the drums", "drums"), ("小猫弹吉他", "guitar"),
])
def test_the_instrument_played_is_the_one_the_premise_names(premise: str, instrument: str) -> None:
    script = write_story(premise, None, _lang(premise), 1).script
    held = {a.holding for s in script.scenes for a in s.characters if a.action == "play"}
    assert held == {instrument}
