"""A role word right after a become word is what the hero becomes, never one more pet: "becomes the CEO",
"becomes the boss of the restaurant", 当上了总裁, "becomes the emperor" cast no boss or emperor as a rival
(they were cast as the rival who mocks the hero); a role whose thing follows ("the boss's right hand") and a
role the premise names before (the CEO who laughs) still are."""

from __future__ import annotations

import pytest

from story.premise import analyse


@pytest.mark.parametrize("premise", [
    "a lazy tabby starts as an intern and becomes the CEO",
    "a ginger cat works as a waiter and becomes the boss of the restaurant",
    "小橘猫从实习生做起，最后当上了总裁",
    "a humble palace cat becomes the emperor",
    "流浪狗后来成为了一位国王",
])
def test_the_role_the_hero_becomes_is_no_pet_of_the_cast(premise: str) -> None:
    a = analyse(premise)
    assert [p.key for p in a.cast] == ["hero"] and a.hero.species is not None


@pytest.mark.parametrize(("premise", "relation"), [
    ("a poor cat works hard and becomes the boss's right hand", "boss"),
    ("the CEO laughs at a poor cat who later becomes the CEO", "boss"),
])
def test_a_role_named_as_someone_else_is_still_cast(premise: str, relation: str) -> None:
    assert [p.relation for p in analyse(premise).cast] == [None, relation]
