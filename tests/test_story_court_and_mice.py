"""Casting the palace and the mice: a pet named by its place at court (皇帝狗, 贵妃猫, 太监狗, 宫女猫, "the
emperor cat", "a butler dog") is a pet of its own in that role, drawn in the role's costume (an emperor's
yellow robe, cape and crown; a consort's gown and tiara; a palace servant's teal robe and black cap); a mouse
or a rat (老鼠, 耗子) is cast as itself and drawn with its big round ears and long thin tail."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image, ImageDraw

from render.painter.animals import MOUSE_TAIL, animal_of
from render.painter.geometry import PINK
from render.painter.looks import resolve_look
from render.painter.persona import personas
from render.painter.pets import Pet
from render.painter.vocabulary import stage_action
from story.offline import write_story
from story.premise import analyse
from story.script import Character
from story.text import script_language

_COURT = [
    ("宫里的贵妃猫陷害小宫女猫，皇帝狗最后识破了她", {"courtier", "consort", "ruler"}),
    ("太监狗每天给皇帝狗送饭", {"courtier", "ruler"}),
    ("贵妃猫嫉妒皇后猫", {"consort", "ruler"}),
    ("a loyal butler dog serves a spoiled king cat", {"courtier", "ruler"}),
]


@pytest.mark.parametrize(("premise", "relations"), _COURT)
def test_each_pet_named_by_its_place_at_court_is_cast_in_that_role(premise: str, relations: set[str]) -> None:
    cast = analyse(premise).cast
    assert {p.relation for p in cast} == relations and len(cast) == len(relations)


_COSTUMES = {"ruler": "royal", "consort": "princess", "courtier": "courtier"}


@pytest.mark.parametrize(("premise", "relations"), _COURT[::2])
def test_a_court_role_is_drawn_in_its_costume(premise: str, relations: set[str]) -> None:
    script = write_story(premise, None, script_language(premise), 1).script
    roles = {p.key: p.relation for p in analyse(premise).cast}
    drawn = personas(script)
    worn = {roles[c.id]: drawn[c.id].job for c in script.characters if c.id in roles}
    assert worn == {r: _COSTUMES[r] for r in relations}


@pytest.mark.parametrize("premise", ["a tiny mouse helps a big cat escape a trap", "老鼠偷吃了猫的鱼，被猫抓住了",
                                     "一只小老鼠和一只大黄猫成了好朋友", "a rat steals the cheese from the kitchen"])
def test_a_mouse_or_a_rat_is_cast_as_itself(premise: str) -> None:
    script = write_story(premise, None, script_language(premise), 1).script
    mice = [c for c in script.characters if animal_of(f"{c.breed} {c.look}".lower()) == "mouse"]
    assert len(mice) == 1 and mice[0].breed == "mouse"


def _sprite(breed: str, look: str) -> np.ndarray:
    img = Image.new("RGBA", (240, 300), (0, 0, 0, 0))
    char = Character.model_validate({"id": "hero", "name": "A", "species": "cat", "breed": breed, "look": look})
    pose = stage_action("stand", "neutral", None, [], "street")
    Pet(ImageDraw.Draw(img, "RGBA"), 120, 280, 220, resolve_look(char, random.Random(1)), "none", pose, 1).draw()
    return np.asarray(img)


def _pixels(rgba: np.ndarray, colour: tuple[int, int, int]) -> int:
    return int(((rgba[..., 3] > 200) & (np.abs(rgba[..., :3].astype(int) - colour).sum(axis=2) < 30)).sum())


def test_a_mouse_has_big_pink_lined_ears_and_a_long_thin_pink_tail() -> None:
    mouse = _sprite("mouse", "a little grey mouse with big round pink-lined ears and a long thin tail")
    cat = _sprite("grey cat", "a little grey cat")  # the same rig: a cat's small pink-lined ears, a furry tail
    assert _pixels(mouse[:110], PINK) > 2 * _pixels(cat[:110], PINK)  # the ears, above the face
    assert _pixels(mouse, MOUSE_TAIL) > 200 and _pixels(cat, MOUSE_TAIL) == 0
