"""Sports, shows and holidays as a viewer reads them with the sound off: weights lifted (not a squeegee and a
gift box), a gym and a dog show ring drawn as themselves (not a stadium and a theatre stage), a Christmas tree
and red lanterns, an athlete's jersey (never a police cap at the end of a race), 冠军 a title won (a trophy),
not a job; and a thing nothing drawable is near to drawn as nothing at all (no stand-in present), said so in
the report. Pixel checks in the regions the report gives."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageDraw

from render.painter.looks import resolve_look
from render.painter.persona import Persona, dress
from render.painter.pets import Pet
from render.painter.staging import stage_scene
from render.painter.vocabulary import match_prop, stage_action
from story.premise import analyse
from story.script import Character, Scene
from tests.test_staging import _scene, _still


def _region(img: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    """The pixels of ``box`` (fractions of the frame)."""
    h, w = img.shape[:2]
    x0, y0, x1, y1 = box
    return img[round(y0 * h):round(y1 * h), round(x0 * w):round(x1 * w)].reshape(-1, 3)


def _share(pixels: np.ndarray, colour: tuple[int, int, int], tol: float = 24) -> float:
    return float((np.abs(pixels - np.array(colour)).max(axis=1) < tol).mean())


def test_a_thing_nothing_drawable_is_near_to_is_drawn_as_nothing() -> None:
    """"weights" once, "the final", a snowman: a stand-in gift box stood in the scene for each; now nothing does,
    and the report says the thing was not drawn."""
    chars = [{"id": "hero", "action": "cry"}]
    base, _ = _still(_scene("street", chars))
    with_snowman, report = _still(_scene("street", chars, props=["snowman"]))
    assert float(np.abs(with_snowman - base).max()) == 0.0
    assert report["drawn"]["props"] == [{"asked": "snowman", "drawn": None, "how": "none", "where": "none",
                                         "box": None}]


def test_a_held_thing_nothing_is_near_to_leaves_the_paws_empty() -> None:
    """"gives his score to the judge": no gift box in the paw."""
    assert stage_action("give", "neutral", "his score", [], "stadium").holding is None


def test_weights_are_lifted_and_drawn_in_the_paw() -> None:
    """"lifts weights": the pet holds a dumbbell out (it held a squeegee, a gift box beside it)."""
    scene = Scene.model_validate(_scene("stadium", [{"id": "hero", "action": "work"}], props=["weights"]))
    (st,), placed = stage_scene(scene)
    assert st.pose.job == "lift" and st.pose.holding is not None and st.pose.holding.drawn == "weights"
    assert [p.where for p in placed] == ["hand:hero"]
    assert match_prop("哑铃").drawn == match_prop("barbell").drawn == "weights"
    img, report = _still(_scene("stadium", [{"id": "hero", "action": "work"}], props=["weights"]))
    x0, y0, x1, y1 = report["drawn"]["characters"][0]["held_box"]
    held = img[y0:y1, x0:x1].reshape(-1, 3)
    assert _share(held, (52, 54, 64)) > 0.05  # the dark plates in the paw


@pytest.mark.parametrize(("asked", "drawn", "colour"), [
    ("Christmas tree", "christmas tree", (46, 140, 70)), ("圣诞树", "christmas tree", (46, 140, 70)),
    ("red lanterns", "lanterns", (218, 36, 40)), ("灯笼", "lanterns", (218, 36, 40)),
])
def test_holiday_things_are_drawn_as_themselves_where_the_report_says(asked: str, drawn: str,
                                                                      colour: tuple[int, int, int]) -> None:
    """A Christmas tree was flowers in a paw, a lantern a gift box or confetti."""
    assert (match_prop(asked).drawn, match_prop(asked).how in ("exact", "alias")) == (drawn, True)
    chars = [{"id": "hero", "action": "cry"}]
    img, report = _still(_scene("bedroom", chars, props=[asked]))
    (entry,) = report["drawn"]["props"]
    x0, y0, x1, y1 = entry["box"]
    assert _share(img[max(0, y0):y1, max(0, x0):x1].reshape(-1, 3), colour, 30) > 0.1, entry


@pytest.mark.parametrize(("location", "setting", "kind", "box", "colour"), [
    ("stadium", "the gym", "gym", (0.3, 0.2, 0.7, 0.4), (186, 218, 236)),  # the mirror wall
    ("stadium", "健身房", "gym", (0.3, 0.2, 0.7, 0.4), (186, 218, 236)),
    ("stage", "the city dog show", "show ring", (0.0, 0.85, 1.0, 0.95), (70, 150, 90)),  # the green carpet
    ("stage", "猫展", "show ring", (0.0, 0.85, 1.0, 0.95), (70, 150, 90)),
])
def test_a_venue_is_drawn_as_itself(location: str, setting: str, kind: str, box: tuple[float, float, float, float],
                                    colour: tuple[int, int, int]) -> None:
    """A gym was the football stadium and a dog show the theatre stage with its curtains."""
    scene: dict[str, Any] = _scene(location, [{"id": "hero", "action": "stand", "facing": "right"}])
    img, report = _still({**scene, "setting": setting})
    assert report["drawn"]["place"] == kind
    assert _share(_region(img, box), colour, 40) > 0.3
    plain, plain_report = _still(scene)
    assert "place" not in plain_report["drawn"] and _share(_region(plain, box), colour, 40) < 0.1


def test_an_athlete_wears_a_jersey_not_a_police_cap() -> None:
    """The athlete's generic "uniform" drew the police officer's navy cap at the end of a sports clip."""
    athlete = Persona(job="athlete", works=True)
    assert dress("uniform", athlete) == dress("none", athlete) == "athlete"
    char = Character(id="hero", name="A", species="dog", breed="Shiba Inu", look="a shiba", style="shiba")
    pose = stage_action("celebrate", "happy", None, [], "stadium")
    img = Image.new("RGB", (300, 320), (200, 200, 205))
    Pet(ImageDraw.Draw(img, "RGBA"), 150, 300, 208, resolve_look(char, random.Random(1)), "athlete", pose, 1).draw()
    px = np.asarray(img, dtype=np.int16)
    torso, crown = px[220:280, 130:170].reshape(-1, 3), px[90:130, 100:200].reshape(-1, 3)
    assert _share(torso, (226, 52, 58), 30) > 0.3  # the red jersey
    assert _share(crown, (40, 62, 112), 30) == 0.0  # no navy police cap


def test_a_championship_won_is_a_trophy_not_a_job() -> None:
    """拿了冠军 made the hero an athlete, drawn at a stadium; it is a title won: a trophy."""
    a = analyse("一只小仓鼠被同学嘲笑，每天努力跑轮子，最后拿了冠军")
    assert a.job is None and "trophy" in a.props


def test_a_strength_contest_is_held_in_the_gym_and_a_singing_contest_on_the_stage() -> None:
    """"beats the bully in a strength contest" was drawn on the theatre stage with its curtains."""
    chars = [{"id": "hero", "action": "celebrate"}]
    img, report = _still({**_scene("stage", chars), "narration": "Buddy wins the strength contest."})
    assert report["drawn"]["place"] == "gym" and _share(_region(img, (0.3, 0.2, 0.7, 0.4)), (186, 218, 236), 40) > 0.3
    _, sung = _still({**_scene("stage", chars), "setting": "the singing contest at the gym's party hall"})
    assert "place" not in sung["drawn"]  # a gym named alone leaves a singing stage a stage
