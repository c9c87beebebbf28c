"""A pet that falls ill or is hurt ("my cat is sick", "the old dog falls ill", 小猫生病了, 老狗住院了) is drawn as the
patient, lying down bandaged, never as the one treating with a stethoscope (which read as "the puppy is the
doctor"); a pet caring for the sick (照顾生病的, "treats a sick kitten") still treats them. Script checks on
the offline writer's real output and one render of the scene."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.premise import analyse
from story.staged import action_of
from tests.test_staging_actions import _char
from tests.test_staging_roles import _doing, _drawn, _script

ILL = [
    "my cat is sick and won't eat",
    "a puppy gets sick and the brave cat nurse takes him to the vet",
    "the old dog falls ill and his kittens look after him",
    "the husky is badly injured in a car accident",
    "小猫生病了，主人连夜带它去医院",
    "老狗住院了，小猫每天去医院看他",
    "狗狗受伤了，躺在医院里",
]


@pytest.mark.parametrize("premise", ILL)
def test_the_pet_that_falls_ill_is_drawn_as_the_patient_not_the_doctor(premise: str) -> None:
    script = _script(premise)
    assert [a for _, a in _doing(script, "sick") if a.id == "hero"], [
        [(a.id, a.action) for a in s.characters] for s in script.scenes]
    assert not [a for _, a in _doing(script, "treat") if a.id == "hero"]  # no stethoscope on the sick one


@pytest.mark.parametrize(("premise", "drawn"), [
    ("the cat doctor treats a sick kitten", "treat"),
    ("护士猫照顾生病的老狗", "treat"),
    ("医生狗给生病的小猫看病", "treat"),
    ("the husky gets hurt saving a kitten", "treat"),
])
def test_caring_for_the_sick_is_still_a_treatment(premise: str, drawn: str) -> None:
    assert action_of(clauses(analyse(premise))[0])[0] == drawn


def test_the_sick_pet_lies_bandaged_without_a_stethoscope() -> None:
    script = _script("my cat is sick and won't eat")
    at = next(i for i, a in _doing(script, "sick") if a.id == "hero")
    _, report = _drawn(script, at)
    hero = _char(report, "hero")
    assert hero["body"] == "lying" and "bandage" in hero["marks"] and "stethoscope" not in hero["marks"]
    assert hero["expression"] == "sad"
