"""A character's job seen on screen: its look (the police cap and navy uniform, the firefighter's helmet and
coat, the doctor's white coat) and its deed where the premise says it (a doctor treats the sick kitten, the
police dog catches the thief with handcuffs out, the kitten that becomes a firefighter sprays the hose, a
photographer takes photos). Script checks on the offline writer's real output and pixel checks on real
renders of those scripts."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from render.painter.persona import personas
from render.stages import RenderSpec
from story.offline import write_story
from story.premise import analyse
from story.script import Script
from story.text import HAN
from tests.test_staging import _layers
from tests.test_staging_actions import _char, _differs, _near_mask, _render

SPEC = RenderSpec(width=270, height=480, seed=5)
_STEEL = (176, 184, 196)
_NAVY = (40, 62, 112)
_FIRE_COAT = (196, 150, 78)


def _script(premise: str, seed: int = 1) -> Script:
    return write_story(premise, None, "zh" if HAN.search(premise) else "en", seed).script


def _doing(script: Script, action: str) -> list[tuple[int, Any]]:
    """(scene index, appearance) of everyone doing ``action`` in the script."""
    return [(i, a) for i, s in enumerate(script.scenes) for a in s.characters if a.action == action]


def _drawn(script: Script, index: int) -> tuple[np.ndarray, dict[str, Any]]:
    """Scene ``index`` of a real script, rendered with the whole cast as the painter draws it."""
    arts, report = _layers(script, SPEC)
    return np.asarray(arts[index].flatten(), dtype=np.float32), report[index]


def _box(report: dict[str, Any], cid: str) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = _char(report, cid)["box"]
    return int(x0), int(y0), int(x1), int(y1)


# -- the deed the premise says ----------------------------------------------------------------------------


@pytest.mark.parametrize("premise", [
    "a doctor dog treats a sick kitten",
    "a golden retriever nurse saves a kitten in the hospital",
    "医生狗给生病的小猫看病",
    "护士猫在医院照顾受伤的小狗",
])
def test_a_medic_caring_for_a_patient_is_staged_as_a_treatment(premise: str) -> None:
    script = _script(premise)
    treated = _doing(script, "treat")
    assert treated and all(a.id == "hero" and a.target and a.target != "hero" for _, a in treated), treated
    assert not _doing(script, "give")  # never a food bowl handed over


def test_food_given_to_a_sick_kitten_is_a_gift_not_a_treatment() -> None:
    script = _script("a kind dog gives food to a sick kitten")
    assert _doing(script, "give") and not _doing(script, "treat")


def _dog(script: Script) -> str:
    return next(c.id for c in script.characters if c.species == "dog")


@pytest.mark.parametrize("premise", [
    "a hungry cat steals a fish and gets caught by the police dog", "警察狗抓住了偷鱼的猫", "a police dog catches a thief cat",
])
def test_the_police_dog_catches_the_thief(premise: str) -> None:
    script = _script(premise)
    catcher = _dog(script)
    caught = _doing(script, "catch")
    assert caught and {a.id for _, a in caught} == {catcher}, [[a.action for a in s.characters] for s in script.scenes]
    assert all(a.target and a.target != catcher for _, a in caught)
    assert not any(a.action == "shocked" for _, a in caught)


@pytest.mark.parametrize(("premise", "action"), [("a cat catches the bus", "run"), ("小猫抓到一条鱼", "fish")])
def test_a_catch_of_no_one_is_no_arrest(premise: str, action: str) -> None:
    script = _script(premise)
    assert not _doing(script, "catch") and _doing(script, action)


def test_gei_before_a_deed_is_for_someone_not_a_gift() -> None:
    script = _script("小猫给富猫拍照片")  # takes photos of the rich cat
    assert _doing(script, "photo") and not _doing(script, "give")


@pytest.mark.parametrize("premise", ["小猫在音乐会上弹钢琴", "小猫在音乐会上唱歌"])
def test_a_concert_is_on_the_stage(premise: str) -> None:
    script = _script(premise)
    deed = [i for i, a in [*_doing(script, "play"), *_doing(script, "sing")]]
    assert deed and {script.scenes[i].location for i in deed} == {"stage"}
    assert script.scenes[0].location == "stage"


# -- a role named before the species ----------------------------------------------------------------------


def test_a_role_before_the_species_is_that_pets_job() -> None:
    poor = analyse("a poor photographer cat is mocked by a rich cat").hero
    assert (poor.job, poor.job_words, poor.traits) == ("photographer", "photographer", ("poor",))
    police = next(p for p in analyse("a hungry cat steals a fish and gets caught by the police dog").cast
                  if p.species == "dog")
    assert (police.job, police.job_words) == ("police", "police")
    assert next(p for p in analyse("警察狗抓住了偷鱼的猫").cast if p.species == "dog").job == "police"
    assert analyse("a doctor dog treats a sick kitten").hero.job == "doctor"


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("premise", [
    "a poor photographer cat is mocked by a rich cat", "a tabby cat photographer wins a prize",
    "a clumsy corgi photographer is mocked by his friends, digs up an old camera and wins the city photo contest",
])
def test_a_photographer_is_seen_taking_photos_and_not_mocked_in_a_bedroom(premise: str, seed: int) -> None:
    script = _script(premise, seed)
    assert any(a.id == "hero" for _, a in _doing(script, "photo"))
    # no place named: the photographer's own (out in the town), never the painter's room by the window
    assert "bedroom" not in {script.scenes[i].location for i, _ in [*_doing(script, "photo"), *_doing(script, "sneer")]}


@pytest.mark.parametrize(("premise", "dressed"), [
    ("a golden retriever nurse saves a kitten in the hospital", {"dog": "nurse", "cat": None}),
    ("医生狗给生病的小猫看病", {"dog": "white_coat", "cat": None}),
    ("警察狗抓住了偷鱼的猫", {"cat": None, "dog": "police"}),
    ("a stray kitten is adopted by a firefighter dog and becomes a firefighter too",
     {"cat": "firefighter", "dog": "firefighter"}),
])
def test_a_job_is_worn_by_its_own_pet_never_by_the_one_it_is_done_to(premise: str, dressed: dict[str, str]) -> None:
    script = _script(premise)
    species = {c.id: c.species for c in script.characters}
    assert {species[cid]: p.job for cid, p in personas(script).items()} == dressed


def test_a_pop_stars_work_is_singing() -> None:
    script = _script("a shy cat becomes a pop star")
    assert not _doing(script, "work") and _doing(script, "sing")


# -- drawn: the gear and the look in their regions --------------------------------------------------------


def test_a_catch_holds_handcuffs_out_and_the_thief_puts_its_paws_up() -> None:
    stood, _ = _render("talk", "street", target=True)
    caught, report = _render("catch", "street", target=True)
    hero, rival = _char(report, "hero"), _char(report, "rival")
    assert hero["marks"] == ["cuffs"] and (rival["arms"], rival["expression"]) == ("up", "shocked")
    x0, y0, x1, y1 = _box(report, "hero")
    reach = (x0 + (x1 - x0) // 2, y0 + (y1 - y0) // 4, min(caught.shape[1], x1 + (x1 - x0) // 3), y1)
    assert (_near_mask(caught, reach, _STEEL, 22) & _differs(caught, stood, reach)).sum() > 150  # the cuffs


def test_the_police_dog_is_drawn_in_its_uniform_catching_the_cat() -> None:
    script = _script("a hungry cat steals a fish and gets caught by the police dog")
    at = _doing(script, "catch")[0][0]
    img, report = _drawn(script, at)
    dog = _char(report, _dog(script))
    assert (dog["outfit"], dog["marks"]) == ("police", ["cuffs"]) and _char(report, "hero")["arms"] == "up"
    assert _near_mask(img, _box(report, _dog(script)), _NAVY, 25).sum() > 800  # the navy uniform and cap


def test_the_kitten_that_becomes_a_firefighter_sprays_the_hose_in_the_helmet_and_coat() -> None:
    script = _script("a stray kitten is adopted by a firefighter dog and becomes a firefighter too")
    worked = [(i, a) for i, a in _doing(script, "work") if a.id == "hero"]
    assert worked, [[a.action for a in s.characters] for s in script.scenes]
    at, app = worked[0]
    assert app.outfit == "firefighter" and "fire hose" in script.scenes[at].props
    img, report = _drawn(script, at)
    kitten = _char(report, "hero")
    assert (kitten["job"], kitten["outfit"], kitten["holding"]["drawn"]) == ("firefight", "firefighter", "fire hose")
    assert _near_mask(img, _box(report, "hero"), _FIRE_COAT, 25).sum() > 800  # the firefighter's coat


def test_the_doctor_dog_treats_the_kitten_lying_bandaged() -> None:
    script = _script("a doctor dog treats a sick kitten")
    at = _doing(script, "treat")[0][0]
    _, report = _drawn(script, at)
    doctor, patient = _char(report, "hero"), _char(report, "cat")
    assert "stethoscope" in doctor["marks"] and doctor["outfit"] == "white_coat"
    assert patient["body"] == "lying" and "bandage" in patient["marks"]
