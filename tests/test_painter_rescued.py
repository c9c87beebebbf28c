"""A rescue from a fire or from the water reads with the sound off: the one saved, hugged by its rescuer, bears
what it was saved from (soot smudges and smoke rising off it, or a drenched head dripping into a puddle) and
weeps with relief; the rescuer hugs it with a set face, never heart eyes. Staging checks and one sprite."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageDraw

from render.painter.looks import resolve_look
from render.painter.pets import Pet
from render.painter.staging import Staged, stage_scene
from render.painter.vocabulary import stage_action
from story.script import Character, Scene
from tests.test_staging import _scene


def _staged(narration: str, props: list[str] | None = None, premise: str = "") -> dict[str, Staged]:
    scene = Scene.model_validate(_scene("street", [{"id": "hero", "action": "hug", "target": "rival"},
                                                   {"id": "rival", "action": "stand"}],
                                        narration=narration, props=props or []))
    staged, _ = stage_scene(scene, ["hero", "rival"], premise=premise)
    return {st.id: st for st in staged}


@pytest.mark.parametrize(("narration", "props", "mark"), [
    ("Rocky saves Bear from a burning house.", [], "soot"),
    ("Rocky rescues Bear.", ["burning house"], "soot"),
    ("消防员柴犬从着火的房子里救出了小猫。", [], "soot"),
    ("Mango saves Nori from drowning.", [], "soaked:"),
    ("Max pulls Bella out of the river.", [], "soaked:"),
    ("柯基救起了落水的小猫。", [], "soaked:"),
])
def test_the_one_saved_bears_what_it_was_saved_from(narration: str, props: list[str], mark: str) -> None:
    st = _staged(narration, props)
    assert mark in st["rival"].pose.marks and st["rival"].pose.expression == "crying"
    assert st["hero"].pose.expression == "determined"  # a rescue: no heart eyes


def test_what_it_is_saved_from_may_be_the_premises() -> None:
    premise = "小柴犬掉进了河里，一只勇敢的黑猫把它救了上来"
    assert "soaked:" in _staged("一只勇敢的黑猫奶茶把旺财救了上来。", premise=premise)["rival"].pose.marks
    assert "soaked:" not in _staged("黑猫和旺财一起回家了。", premise=premise)["rival"].pose.marks  # no rescue told


@pytest.mark.parametrize("narration", [
    "Tiger hugs his mother at the airport.",  # a hug, no rescue: heart eyes, nothing on the one hugged
    "Max rescues the puppy from the tree.",  # a rescue from nothing drawn as a mark
    "They hug by the fire all night.",  # a fire, no rescue
])
def test_a_hug_that_is_no_rescue_from_fire_or_water_marks_nobody(narration: str) -> None:
    st = _staged(narration)
    assert not {"soot", "soaked:"} & set(st["rival"].pose.marks)
    assert st["hero"].pose.expression == "love"


def test_soot_smudges_a_white_pet() -> None:
    char = Character.model_validate({"id": "hero", "name": "A", "species": "cat", "breed": "white Persian",
                                     "look": "a white cat", "style": "white-persian"})

    def drawn(marks: tuple[str, ...]) -> np.ndarray:
        img = Image.new("RGB", (240, 240), (200, 200, 205))
        pose = replace(stage_action("stand", "crying", None, [], "street"), marks=marks)
        pet = Pet(ImageDraw.Draw(img, "RGBA"), 120, 230, 200, resolve_look(char, random.Random(1)), "none", pose, 1)
        pet.draw()
        pet.action_marks()
        return np.asarray(img, dtype=np.int16)

    u = 200 / 104
    body = (slice(round(230 - 44 * u), round(230 - 8 * u)), slice(round(120 - 18 * u), round(120 + 18 * u)))

    def grey(a: np.ndarray) -> int:
        return int(((a.max(axis=2) < 140) & (a.max(axis=2) > 40) & (np.ptp(a, axis=2) < 30)).sum())

    assert grey(drawn(("soot",))[body]) > grey(drawn(())[body]) + 150
