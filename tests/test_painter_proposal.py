"""One kneeling with a ring proposes: the open ring box held out before it toward the loved one, drawn bigger
than a thing at rest in the paw, with heart eyes; never the beg's paws at the chin with a bead of sweat (that
is an apology, and stays one where no ring is asked). Staging checks and two small sprites."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from render.painter.looks import resolve_look
from render.painter.painter import _held_box
from render.painter.pets import Pet
from render.painter.staging import Staged, stage_scene
from story.script import Character, Scene
from tests.test_staging import _scene


def _staged(props: list[str], target: bool = True) -> dict[str, Staged]:
    chars: list[dict[str, Any]] = [{"id": "hero", "action": "kneel", **({"target": "rival"} if target else {})},
                                   {"id": "rival", "action": "stand"}]
    scene = Scene.model_validate(_scene("street", chars, props=props))
    staged, _ = stage_scene(scene, ["hero", "rival"])
    return {st.id: st for st in staged}


def test_kneeling_with_the_ring_is_a_proposal() -> None:
    for props, target in ((["diamond ring"], True), (["戒指"], False), (["engagement ring", "flowers"], True)):
        hero = _staged(props, target)["hero"].pose
        assert hero.body == "kneel" and hero.arms == "offer" and hero.expression == "love", props
        assert hero.holding is not None and hero.holding.drawn == "ring" and "sweat" not in hero.marks, props


def test_kneeling_without_a_ring_still_begs() -> None:
    hero = _staged([])["hero"].pose
    assert hero.arms == "beg" and hero.expression == "sad" and "sweat" in hero.marks


def _ring_px(st: Staged) -> int:
    char = Character.model_validate({"id": "hero", "name": "A", "species": "cat", "breed": "ginger tabby",
                                     "look": "a ginger cat", "style": "ginger-cat"})
    img = Image.new("RGB", (300, 240), (200, 200, 205))
    Pet(ImageDraw.Draw(img, "RGBA"), 120, 230, 200, resolve_look(char, random.Random(1)), "none", st.pose, 1,
        turned=True).draw()
    a = np.asarray(img, dtype=np.int16)
    return int(((np.abs(a[..., 0] - 160) < 25) & (np.abs(a[..., 1] - 35) < 20) & (np.abs(a[..., 2] - 65) < 20)).sum())


def test_the_ring_held_out_is_bigger_and_its_box_says_so() -> None:
    from dataclasses import replace

    proposal = _staged(["diamond ring"])["hero"]
    at_rest = replace(proposal, pose=replace(proposal.pose, arms="beg"))
    assert _ring_px(proposal) > 2.2 * _ring_px(at_rest)  # the box's red, about (20/12)^2 as many pixels
    out, rest = _held_box(proposal), _held_box(at_rest)
    assert out is not None and rest is not None
    assert out[2] - out[0] > 1.5 * (rest[2] - rest[0]) and out[2] > 40  # bigger, out before the pet
