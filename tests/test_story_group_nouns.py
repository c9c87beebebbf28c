"""A group named by a pet word and its own noun ("the rich cat patients", "the snobby poodle guests", 势利的狗邻居们,
有钱的猫顾客们) is one mention: cast as the rival who does the clause's wrong, told whole in the narration, never split
into a pet and a stray noun ("Socks, the rich cat, patients ignore Buddy") nor read as another pet's relations."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse


@pytest.mark.parametrize(("premise", "words"), [
    ("the rich cat patients ignore a poor dog doctor until he saves their boss", "rich cat patients"),
    ("a golden retriever nurse works night shifts and the rich cat patients ignore her until she saves the mayor",
     "rich cat patients"),
    ("the snobby poodle guests sneer at a husky bellboy until he wins the lottery", "snobby poodle guests"),
])
def test_a_pet_word_and_its_group_noun_are_one_rival(premise: str, words: str) -> None:
    rival = next(p for p in analyse(premise).cast if p.role == "rival")
    assert rival.words == (words,) and rival.does_wrong


def test_a_single_pet_before_a_plural_is_no_group() -> None:
    assert analyse("a cat visitors love").hero.words == ("cat",)


@pytest.mark.parametrize(("premise", "hero", "rival"), [
    ("有钱的猫顾客们嘲笑穷柴犬服务员，直到他赢得了厨艺大赛", "穷柴犬", "有钱的猫顾客"),
    ("势利的狗邻居们嘲笑小橘猫，直到它赢了比赛", "小橘猫", "势利的狗邻居"),
])
def test_a_zh_group_with_its_pet_word_mocks_the_hero(premise: str, hero: str, rival: str) -> None:
    a = analyse(premise)
    assert a.hero.words == (hero,)
    assert next(p for p in a.cast if p.role == "rival").words == (rival,)


def test_the_group_is_told_whole() -> None:
    premise = "the rich cat patients ignore a poor dog doctor until he saves their boss"
    for seed in (1, 5):
        told = " ".join(s.narration for s in write_story(premise, None, "en", seed).script.scenes)
        assert "the rich cat patients, ignore" in told and "the rich cat, patients" not in told


def test_a_household_group_mocks_the_hero() -> None:
    from story.clauses import clauses

    premise = "邻居家的贵宾犬们嘲笑小橘猫，直到它救了市长"
    first = clauses(analyse(premise))[0]
    assert (first.actor, first.obj) == ("rival", "hero")
    scene = write_story(premise, None, "zh", 5).script.scenes[0]
    hero = next(c for c in scene.characters if c.id == "hero")
    assert hero.action != "sneer"
