"""The hero's colour as the premise says it is what the viewer sees: a Chinese colour before the pet (小黑狗,
花猫, 白色小狗) drawn even where no catalogue style of its species has it (a black dog is no golden retriever),
and English colours said after the pet ("a dog, black and tiny, …") read as its look, not told as lines of
their own. Checked on the offline writer's scripts and the painter's looks (premises of no other test)."""

from __future__ import annotations

import colorsys
import random

import pytest

from render.painter.looks import resolve_look
from story.offline import write_story
from story.premise import analyse


def _hero_fur(premise: str, seed: int) -> tuple[str, tuple[int, int, int], str]:
    script = write_story(premise, None, analyse(premise).language, seed).script
    hero = next(c for c in script.characters if c.id == "hero")
    look = resolve_look(hero, random.Random(seed))
    return hero.species, look.fur, look.pattern


def _value_and_saturation(fur: tuple[int, int, int]) -> tuple[float, float]:
    _h, s, v = colorsys.rgb_to_hsv(*(c / 255 for c in fur))
    return v, s


@pytest.mark.parametrize(("premise", "species", "colour"), [
    ("小黑狗每天在菜市场帮奶奶看摊", "dog", "black"),
    ("一只黑色的小狗在雨里等公交车", "dog", "black"),
    ("a little black puppy learns to swim at the lake", "dog", "black"),
    ("小灰狗在公园里捡到一个皮球", "dog", "grey"),
    ("花猫在屋顶上晒太阳", "cat", "spotted"),
    ("a spotted dog guards the farm at night", "dog", "spotted"),
    ("a dog, black and shy, waits for the bus", "dog", "black"),
    ("a cat, white and sleepy, naps on the sofa", "cat", "white"),
])
def test_the_heros_colour_is_drawn(premise: str, species: str, colour: str) -> None:
    for seed in range(2):
        drawn, fur, pattern = _hero_fur(premise, seed)
        value, saturation = _value_and_saturation(fur)
        assert drawn == species, (seed, drawn)
        if colour == "black":
            assert value < 0.35, (seed, fur)
        elif colour == "white":
            assert value > 0.9 and saturation < 0.12, (seed, fur)
        elif colour == "grey":
            assert 0.35 < value < 0.9 and saturation < 0.2, (seed, fur)
        else:
            assert pattern in ("patches", "spots"), (seed, pattern)


@pytest.mark.parametrize(("premise", "colour"), [
    ("a dog, black and shy, waits for the bus", "black"),
    ("a cat, white and sleepy, naps on the sofa", "white"),
])
def test_a_colour_said_after_the_pet_is_its_look_not_a_line(premise: str, colour: str) -> None:
    assert analyse(premise).hero.colour == colour
    for seed in range(2):
        script = write_story(premise, None, "en", seed).script
        said = [s.narration.split(". ")[0] for s in script.scenes]
        assert not any(line.rstrip(".").endswith((f", {colour}", " shy", " sleepy")) for line in said), said


@pytest.mark.parametrize("premise", [
    "一只小黑狗在工地搬砖，被富家猫嘲笑，后来开着豪车从富家猫面前经过。",
    "a little black dog is laughed at by a rich cat and becomes a chef",
])
def test_the_mocker_is_told_apart_from_the_heros_drawn_colour(premise: str) -> None:
    """The villain's look is chosen apart from the hero's fur as drawn (black), not its style's default
    (a golden retriever's): no black cat sneering at a black dog."""
    for seed in range(1, 7):
        script = write_story(premise, None, analyse(premise).language, seed).script
        hero, rival = (next(c for c in script.characters if c.id == key) for key in ("hero", "rival"))
        hero_v, _ = _value_and_saturation(resolve_look(hero, random.Random(seed)).fur)
        rival_v, _ = _value_and_saturation(resolve_look(rival, random.Random(seed)).fur)
        assert hero_v < 0.3, (seed, hero.look)
        assert rival_v > 0.4, (seed, rival.look)
