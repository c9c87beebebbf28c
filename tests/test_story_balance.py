"""Scene balance (issue 12): a premise of mocking then success spends no more than a third of its scenes on the
mocking, and the hero's effort is seen between it and the payoff; the training is seen as different exercises, one a
scene (the weights, the run, the rope, the climb), never one exercise drawn twice while the round has another, and no
exercise's things in another's scene. Real writer output."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.script import Scene
from story.voyage import _poses, legs

_JEERS = {"laugh", "sneer", "point", "push"}
_EFFORT = {"work", "study", "train", "run", "skip", "climb", "dig", "fish", "drive"}


def _mocked(scene: Scene) -> bool:
    return any(a.id != "hero" and a.action in _JEERS and a.target == "hero" for a in scene.characters)


def _hero(scene: Scene) -> str:
    return next((a.action for a in scene.characters if a.id == "hero"), "")


@pytest.mark.parametrize(("premise", "lang", "seed"), [
    ("a poor ginger cat is mocked by a rich white cat, works hard and gets rich", "en", 0),
    ("a poor ginger cat is mocked by a rich white cat, works hard and gets rich", "en", 1),
    ("a stray dog is laughed at by the poodles for being dirty, works as a window cleaner and becomes a millionaire",
     "en", 0),
    ("小哈士奇被富家狗嘲笑穷，每天送外卖攒钱，最后买下了那只富家狗的公司", "zh", 1),
    ("一只穷柴犬被有钱的贵宾犬看不起，它每天卖烤红薯，后来成了大老板", "zh", 0),
    ("哈士奇外卖员被顾客看不起，后来开了外卖公司", "zh", 0),
])
def test_the_mocking_is_no_more_than_a_third_and_the_effort_is_seen(premise: str, lang: str, seed: int) -> None:
    scenes = write_story(premise, None, lang, seed).script.scenes
    mocked = [k for k, s in enumerate(scenes) if _mocked(s)]
    assert mocked and len(mocked) * 3 <= len(scenes), [(_hero(s), _mocked(s)) for s in scenes]
    first_win = next(k for k, s in enumerate(scenes) if s.mood == "triumphant")
    effort = [k for k in range(mocked[-1] + 1, first_win) if _hero(scenes[k]) in _EFFORT]
    assert effort, [(s.mood, _hero(s)) for s in scenes]


def test_the_effort_before_the_success_is_drawn_at_work_not_at_the_success() -> None:
    """哈士奇外卖员…后来开了外卖公司: the days of work led up to the company are drawn as work (at night: another
    picture than the work by day), its hero's words said there, not in the celebration it leads up to."""
    scenes = write_story("哈士奇外卖员被顾客看不起，后来开了外卖公司", None, "zh", 0).script.scenes
    won = next(k for k, s in enumerate(scenes) if _hero(s) == "celebrate")
    assert all(s.mood != "triumphant" for s in scenes[:won]), [(s.mood, _hero(s)) for s in scenes]
    assert any(s.time_of_day == "night" and _hero(s) == "work" for s in scenes[:won])


@pytest.mark.parametrize(("premise", "lang", "seed"), [
    ("a weak puppy trains every day to get stronger and wins the race", "en", 1),
    ("胖胖的橘猫被同学嘲笑，下定决心减肥，每天锻炼，最后赢得了长跑比赛", "zh", 0),
    ("胖胖的橘猫被同学嘲笑，下定决心减肥，每天锻炼，最后赢得了长跑比赛", "zh", 1),
    ("小短腿柯基跑得最慢，每天晚上跳绳跑步，最后拿了运动会第一名", "zh", 0),
    ("a small tabby kitten is always last, practises every day and wins the big race", "en", 1),
])
def test_each_training_scene_draws_another_exercise(premise: str, lang: str, seed: int) -> None:
    scenes = write_story(premise, None, lang, seed).script.scenes
    drawn = []
    for s in scenes:
        if _hero(s) in {"train", "run", "skip", "climb"} and not any("crowd" in p for p in s.props):
            drawn.append(_hero(s))
            if _hero(s) != "train":
                drawn += ["train"] * any(p == "weights" for p in s.props)  # the weights beside a run: the weights
    assert len(drawn) == len(set(drawn)), drawn


def test_a_scene_that_asks_for_two_exercises_draws_the_one_not_drawn_yet() -> None:
    trip = legs("training")
    train = next(n for n, leg in enumerate(trip) if leg.id == "train")
    lines = ["Rocky trains every day.", "Rocky runs lap after lap, then lifts the little weights.", "Rocky runs."]
    assert [p.action for p in _poses(trip, [train] * 3, lines) if p] == ["skip", "train", "run"]
    assert [p.action for p in _poses(trip, [train] * 5, ["Rocky trains."] * 5) if p] == [
        "train", "run", "skip", "climb", "train"]
