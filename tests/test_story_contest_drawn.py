"""A contest the premise names by its own word ("a pug on masterchef", "enters the spelling bee", "the school sports
day", 学校运动会, 狗狗选美比赛) is read as a contest and drawn where it is held: a school race or sports day at the track,
never in a classroom; the days before a contest of no trade are its practice alone at home, each another time of day,
never the contest's stage before its day nor the same picture again."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse


@pytest.mark.parametrize("premise", [
    "a pug on masterchef",
    "a nervous beagle enters the spelling bee",
    "a tabby cat takes part in the school sports day",
    "a beagle runs in the city marathon",
    "小橘猫参加学校运动会",
    "小狗参加了狗狗选美比赛",
])
def test_a_contest_named_by_its_own_word_is_a_contest(premise: str) -> None:
    assert "compete" in clauses(analyse(premise))[-1].events


@pytest.mark.parametrize(("premise", "lang"), [
    ("a dachshund wins the school race", "en"),
    ("a tabby cat takes part in the school sports day", "en"),
    ("小橘猫参加学校运动会", "zh"),
    ("柯基参加了学校运动会的赛跑", "zh"),
])
def test_a_school_race_is_drawn_at_the_track(premise: str, lang: str) -> None:
    for seed in (1, 2):
        scenes = write_story(premise, None, lang, seed).script.scenes
        told = next(s for s in scenes if premise.split()[-1] in s.narration or premise[-3:] in s.narration)
        assert told.location == "stadium", (seed, [(s.location, s.narration[:40]) for s in scenes])


def test_masterchef_is_a_cooking_contest_practised_at_the_stove() -> None:
    scenes = write_story("a pug on masterchef", None, "en", 1).script.scenes
    contest = next(k for k, s in enumerate(scenes) if "masterchef" in s.narration)
    assert scenes[contest].location == "stage"
    assert scenes[:contest] and all(s.location == "kitchen" for s in scenes[:contest])


@pytest.mark.parametrize(("premise", "lang", "said"), [
    ("a cat joins the talent show", "en", "talent show"),
    ("a nervous beagle enters the spelling bee", "en", "spelling bee"),
    ("a fluffy samoyed competes in the dog show", "en", "dog show"),
    ("小狗参加了狗狗选美比赛", "zh", "选美比赛"),
])
def test_a_contest_of_no_trade_is_practised_at_home_not_on_its_stage(premise: str, lang: str, said: str) -> None:
    for seed in (1, 2):
        scenes = write_story(premise, None, lang, seed).script.scenes
        contest = next(k for k, s in enumerate(scenes) if said in s.narration)
        before = scenes[:contest]
        assert before and all(s.location != scenes[contest].location for s in before), \
            (seed, [(s.location, s.narration[:40]) for s in scenes])


@pytest.mark.parametrize(("premise", "lang"), [
    ("a shy corgi enters the cooking contest", "en"),
    ("a chubby cat enters the baking contest at the county fair", "en"),
    ("a cat joins the talent show", "en"),
    ("小柯基参加了厨艺比赛", "zh"),
    ("小橘猫参加学校运动会", "zh"),
])
def test_days_of_practice_are_never_the_same_picture_twice(premise: str, lang: str) -> None:
    """The wok at the stove day after day: by day, at sunset, at night, at dawn (``story.practice.another_day``)."""
    for seed in (1, 2):
        scenes = write_story(premise, None, lang, seed).script.scenes
        pictures = [(s.location, s.time_of_day, tuple(a.action for a in s.characters), tuple(s.props)) for s in scenes]
        same = [k for k in range(1, len(pictures)) if pictures[k] == pictures[k - 1]
                and pictures[k][2][:1] in {("work",), ("train",)}]
        assert not same, (seed, pictures)
