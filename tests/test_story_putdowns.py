"""A put-down said of a pet is the mocking it is ("everyone said the little shiba could never win the race", "her
classmates said the fat corgi was too fat to dance", "the boss called the husky lazy", 大家都说小柯基永远不会成功,
同事们都说哈士奇太懒了): the one it is said of is the hero, the ones saying it its mockers, drawn sneering at it
(or it hurt before a laughing crowd), never plain talk nor the deed the put-down names (no dance); a vow ("said she
would never leave him") is no put-down."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse
from story.text import script_language

_PUT_DOWN = [
    ("her classmates said the fat corgi was too fat to dance, but she became a ballet star", "corgi", "classmates"),
    ("同事们都说哈士奇太懒了，哈士奇不服气，拼命工作当上了经理", "哈士奇", "同事"),
    ("the other cats told the little kitten she could never be a singer", "kitten", "cats"),
]


@pytest.mark.parametrize(("premise", "hero", "mockers"), _PUT_DOWN)
def test_the_one_put_down_is_the_hero_and_the_ones_saying_it_mock_it(premise: str, hero: str, mockers: str) -> None:
    a = analyse(premise)
    assert any(hero in w for w in a.hero.words) and "mock" in a.wrongs
    assert any(mockers in w for p in a.cast if p.side == "villain" for w in p.words)


@pytest.mark.parametrize("premise", [
    "her classmates said the fat corgi was too fat to dance, but she became a ballet star",
    "The boss called the husky lazy, so he started his own delivery company and became rich",
    "Everyone said the little shiba could never win the race, but she trained every day and won",
    "同事们都说哈士奇太懒了，哈士奇不服气，拼命工作当上了经理",
    "大家都说小柯基永远不会成功，它偷偷练习，最后拿了冠军",
])
def test_the_put_down_is_drawn_as_mocking_never_as_talk(premise: str) -> None:
    script = write_story(premise, None, script_language(premise), 1).script
    first = next(s for s in script.scenes if any(c.id != "hero" for c in s.characters)
                 or any("crowd" in p for p in s.props))
    others = [c for c in first.characters if c.id != "hero"]
    hero = next(c for c in first.characters if c.id == "hero")
    assert all(c.action in ("sneer", "laugh", "point") and c.target == "hero" for c in others)
    assert others or hero.action == "cry"
    assert any(p.startswith("laughing crowd") for p in first.props) or others
    assert not any(c.action in ("talk", "dance") for c in first.characters)
    assert "lazy" not in first.props  # the label is said, not drawn


def test_a_vow_is_no_put_down() -> None:
    a = analyse("the husky said he would never leave his little sister alone")
    assert "mock" not in a.wrongs
