"""Scolding is a wrong done to the one scolded (the teacher scolds the little puppy every day, 老师天天批评小狗,
被老板骂是废物的金毛, "the manager shouts at the waiter"): the scolded pet is the hero, the scolder its rival, and
the scolding is drawn as the scolder's angry paw pointed at the hero, never as plain talk (a wrong said aloud is
drawn as that wrong)."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse
from story.text import script_language

_SCOLDED = [
    ("the teacher scolds the little puppy every day", "dog", "teacher"),
    ("老师天天批评小狗，小狗努力学习考了第一名", "dog", "老师"),
    ("被老板骂是废物的金毛，后来开了自己的公司", "dog", "老板"),
    ("a grumpy chef yells at the little kitten in the kitchen every night", "cat", "chef"),
    ("小猫每天被主厨训斥，后来开了自己的餐厅", "cat", "主厨"),
]


@pytest.mark.parametrize(("premise", "species", "scolder"), _SCOLDED)
def test_the_scolded_pet_is_the_hero_and_the_scolder_its_rival(premise: str, species: str, scolder: str) -> None:
    a = analyse(premise)
    assert a.hero.species == species and not any(w == scolder for w in a.hero.words)
    rival = next(p for p in a.cast if p.role == "rival")
    assert any(scolder in w for w in rival.words)


@pytest.mark.parametrize("premise", [
    "the teacher scolds the little puppy every day",
    "The manager shouts at the ginger cat waiter in front of everyone; years later the cat owns the restaurant",
    "老师天天批评小狗，小狗努力学习考了第一名",
])
def test_the_scolding_is_drawn_as_the_scolder_pointing_at_the_hero(premise: str) -> None:
    written = write_story(premise, None, script_language(premise), 1)
    rival = next(p.key for p in written.analysis.cast if p.role == "rival")
    first = next(s for s in written.script.scenes if any(c.id == rival for c in s.characters))
    scolder = next(c for c in first.characters if c.id == rival)
    assert scolder.action == "point" and scolder.target == "hero" and scolder.expression == "angry"
