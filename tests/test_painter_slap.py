"""A shove or a fight the scene's own words tell as a slap (slaps him, 打了他一巴掌, 扇耳光) is drawn as one: the
open paw swung up at the target's cheek, the swing's arcs and a star where it lands; the one slapped turned to
the slapper, stunned, a red paw print on its cheek, never boxing back in gloves. The report says so
(``"drawn_as": "slap"``). Staging checks and one small sprite each."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageDraw

from render.painter.looks import resolve_look
from render.painter.pets import Pet
from render.painter.staging import Staged, stage_scene
from render.painter.vocabulary import stage_action
from story.script import Character, Scene
from tests.test_staging import _scene, _still

_CAST = ["hero", "rival"]


def _staged(action: str, narration: str) -> dict[str, Staged]:
    scene = Scene.model_validate(_scene("street", [{"id": "rival", "action": action, "target": "hero"},
                                                   {"id": "hero", "action": "stand"}], narration=narration))
    staged, _ = stage_scene(scene, _CAST)
    return {st.id: st for st in staged}


@pytest.mark.parametrize(("action", "narration"), [
    ("push", "Snow slaps Ginger in front of everyone."),
    ("push", "Snow slapped him hard."),
    ("fight", "天还没亮，老婆雪球打了橘子一巴掌。"),
    ("push", "雪球狠狠扇了它一记耳光。"),
])
def test_a_slap_is_drawn_as_a_slap_and_the_one_slapped_bears_its_mark(action: str, narration: str) -> None:
    st = _staged(action, narration)
    rival, hero = st["rival"], st["hero"]
    assert rival.pose.arms == "slap" and rival.pose.marks == ("smack",) and rival.pose.expression == "angry"
    assert "slapped" in hero.pose.marks and hero.pose.expression == "shocked" and "gloves" not in hero.pose.marks
    assert hero.turned and hero.facing == (1 if rival.slot.x > hero.slot.x else -1)  # toward the slapper


@pytest.mark.parametrize(("action", "narration"), [
    ("push", "Snow shoves Ginger out of the way."), ("fight", "They fight over the last fish."),
    ("push", "雪球推开了橘子，打开了一扇门。"),  # a door's measure word is no slap
])
def test_a_shove_or_a_fight_told_without_a_slap_stays_what_it_was(action: str, narration: str) -> None:
    st = _staged(action, narration)
    assert st["rival"].pose.arms != "slap" and "slapped" not in st["hero"].pose.marks


def _drawn(action: str, marks: tuple[str, ...] = (), expression: str = "neutral") -> np.ndarray:
    char = Character.model_validate({"id": "hero", "name": "A", "species": "cat", "breed": "white Persian",
                                     "look": "a white cat", "style": "white-persian"})
    img = Image.new("RGB", (240, 240), (200, 200, 205))
    pose = stage_action(action, expression, None, [], "street")
    if action == "push":
        pose = replace(pose, arms="slap", marks=("smack",), lean=0.0)
    elif marks:
        pose = replace(pose, marks=marks, arms="droop")
    Pet(ImageDraw.Draw(img, "RGBA"), 120, 230, 200, resolve_look(char, random.Random(1)), "none", pose, 1,
        turned=True).draw()
    return np.asarray(img, dtype=np.int16)


def _red(a: np.ndarray) -> int:
    return int(((a[..., 0] > 170) & (a[..., 1] < 80) & (a[..., 2] < 100)).sum())


def test_the_paw_print_is_on_the_cheek_toward_the_slapper() -> None:
    u = 200 / 104
    cheek = (slice(round(230 - 76 * u), round(230 - 54 * u)), slice(round(120 + 8 * u), round(120 + 34 * u)))
    slapped, plain = _drawn("stand", ("slapped",), "shocked"), _drawn("stand", (), "shocked")
    assert _red(slapped[cheek]) > _red(plain[cheek]) + 60


def test_the_slap_raises_the_open_paw_beside_the_head() -> None:
    u = 200 / 104
    # beside the head on the facing side, above the shoulder: empty when standing, the paw and the star when slapping
    beside = (slice(round(230 - 90 * u), round(230 - 62 * u)), slice(round(120 + 36 * u), round(120 + 60 * u)))
    slap, stand = _drawn("push"), _drawn("stand")
    assert np.abs(slap[beside] - stand[beside]).mean() > 15


def test_the_report_says_the_shove_was_drawn_as_a_slap() -> None:
    chars: list[dict[str, Any]] = [{"id": "hero", "action": "stand"},
                                   {"id": "rival", "action": "push", "target": "hero"}]
    _, report = _still(_scene("street", chars, narration="Snow slaps Ginger."))
    drawn = {c["id"]: c for c in report["drawn"]["characters"]}
    asked = {c["id"]: c for c in report["asked"]["characters"]}
    assert asked["rival"]["action"] == "push" and drawn["rival"]["drawn_as"] == "slap"
    assert "slapped" in drawn["hero"]["marks"]


# -- shoved into the water: in it to the chest, paws up, splashing ------------------------------------------


@pytest.mark.parametrize("narration", [
    "Nori pushes Mango into the pool at the party.", "布偶猫雪球把橘猫年糕推进了泳池。", "He shoves her into the river.",
])
def test_one_shoved_into_the_water_is_in_it_splashing(narration: str) -> None:
    hero = _staged("push", narration)["hero"]
    assert "splash" in hero.pose.marks and hero.pose.arms == "up" and hero.pose.expression == "shocked"


def test_a_shove_on_dry_land_has_no_water() -> None:
    assert "splash" not in _staged("push", "Snow pushes Ginger out of the pool queue.")["hero"].pose.marks


def test_the_water_covers_the_body_of_one_shoved_in() -> None:
    u = 200 / 104
    body = (slice(round(230 - 30 * u), round(230 - 4 * u)), slice(round(120 - 20 * u), round(120 + 20 * u)))

    def blue(a: np.ndarray) -> int:
        return int(((a[..., 2] > 180) & (a[..., 0] < 140)).sum())

    char = Character.model_validate({"id": "hero", "name": "A", "species": "cat", "breed": "ginger tabby",
                                     "look": "a ginger cat", "style": "ginger-cat"})
    counts = []
    for marks in (("splash",), ()):
        img = Image.new("RGB", (240, 240), (200, 200, 205))
        pose = replace(stage_action("stand", "shocked", None, [], "street"), marks=marks)
        pet = Pet(ImageDraw.Draw(img, "RGBA"), 120, 230, 200, resolve_look(char, random.Random(1)), "none", pose, 1)
        pet.draw()
        pet.action_marks()
        counts.append(blue(np.asarray(img, dtype=np.int16)[body]))
    assert counts[0] > counts[1] + 0.5 * (body[0].stop - body[0].start) * (body[1].stop - body[1].start)


# -- a shove told as tearing a paper up: the paper pulled in two before the chest, scraps falling ------------


@pytest.mark.parametrize("narration", [
    "老板球球撕掉了柴犬馒头的合同。", "The boss rips up the contract.", "Max tears his letter in half.",
])
def test_tearing_a_paper_up_is_drawn_as_tearing(narration: str) -> None:
    rival = _staged("push", narration)["rival"]
    assert rival.pose.arms == "tear" and rival.pose.marks == ("torn",) and rival.pose.holding is None


@pytest.mark.parametrize("narration", ["Snow shoves Ginger.", "Snow sheds tears and pushes him away."])
def test_a_shove_with_no_paper_torn_stays_a_shove(narration: str) -> None:
    assert _staged("push", narration)["rival"].pose.arms == "push"


def test_the_torn_paper_is_before_the_chest() -> None:
    u = 200 / 104
    chest = (slice(round(230 - 54 * u), round(230 - 18 * u)), slice(round(120 + 0 * u), round(120 + 60 * u)))
    char = Character.model_validate({"id": "hero", "name": "A", "species": "cat", "breed": "ginger tabby",
                                     "look": "a ginger cat", "style": "ginger-cat"})

    def white(arms: str, marks: tuple[str, ...]) -> int:
        img = Image.new("RGB", (300, 240), (200, 200, 205))
        pose = replace(stage_action("push", "angry", None, [], "street"), arms=arms, marks=marks, lean=0.0)
        pet = Pet(ImageDraw.Draw(img, "RGBA"), 120, 230, 200, resolve_look(char, random.Random(1)), "none", pose,
                  1, turned=True)
        pet.draw()
        pet.action_marks()
        return int((np.asarray(img, dtype=np.int16)[chest].min(axis=2) > 235).sum())

    area = (chest[0].stop - chest[0].start) * (chest[1].stop - chest[1].start)
    assert white("tear", ("torn",)) > white("push", ()) + 0.12 * area


@pytest.mark.parametrize("premise", [
    "the greedy boss tears up the little corgi's contract, but the corgi opens her own bakery and wins",
    "a rich cat tore up the poor kitten's drawing in front of the class",
])
def test_the_story_reads_tearing_a_paper_up_as_the_deed_not_as_crying(premise: str) -> None:
    """"tears up" is the shove the painter draws as tearing (lexicon push), never the "tears" of crying: the
    one who tears it is the pet shown doing it in the first scene."""
    from story.offline import write_offline

    first = write_offline(premise, "ginger-cat", "en", 1).scenes[0]
    assert [c.action for c in first.characters if c.id != "hero"] == ["push"]
    assert all(c.action != "cry" for c in first.characters if c.id != "hero")


def test_tears_that_are_crying_stay_crying() -> None:
    from story.offline import write_offline

    script = write_offline("her tears fall as the puppy leaves", "ginger-cat", "en", 1)
    assert "cry" in {c.action for s in script.scenes for c in s.characters}
