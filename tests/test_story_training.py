"""A weak, slow or small pet who trains to get stronger and wins (no illness) is the kind and arc ``training``
(story/data/kinds.json, story/data/arcs/training.json), each scene drawn in its stage (story/voyage.py,
voyages.json 'training'): left behind and laughed at (the mocker sneering, a laughing crowd), the training (a round
of exercises: the run, the weights, the rope, one a scene; the one a line asks for in it), the start of the race
(the hero running, the crowd), the win (the trophy, the cheering crowd), the mocker stunned; a race indoors at home is
run at the stadium, one on the street or at school stays there."""

from __future__ import annotations

import pytest

from story.kinds import story_kind
from story.premise import analyse
from story.script import Script
from story.voyage import _poses, legs
from tests.test_staging_roles import _script

WEAK = "a weak puppy trains every day to get stronger and wins the race"
ZH = "胖胖的橘猫被同学嘲笑，下定决心减肥，每天锻炼，最后赢得了长跑比赛"


@pytest.fixture(scope="module")
def weak() -> Script:
    return _script(WEAK)


@pytest.fixture(scope="module")
def zh() -> Script:
    return _script(ZH)


@pytest.mark.parametrize("premise", [
    WEAK,
    ZH,
    "the smallest kitten is laughed at in PE class, trains every morning and wins the sports day",
    "瘦弱的小柴犬每天训练，最后赢了比赛",
    "a chubby corgi gets teased for being slow, trains hard and wins the marathon",
])
def test_a_weak_pet_training_to_win_is_its_own_story(premise: str) -> None:
    kind = story_kind(analyse(premise))
    assert (kind.id, kind.arc) == ("training", "training")


@pytest.mark.parametrize("premise", [
    "a little corgi falls ill and his best friend cat nurses him back to health",  # a getting-well story
    "a retired greyhound trains a clumsy young puppy to run",  # the mentor's
    "the bulldogs tease a shy beagle at the dog show; she trains every day and wins best in show",  # a pet show
    "a shiba trains every day",  # no race nor win: nothing to train for
])
def test_other_stories_are_no_training(premise: str) -> None:
    assert story_kind(analyse(premise)).id != "training"


def _stages(script: Script) -> list[str]:
    """Each scene as a viewer reads it with the sound off."""
    out = []
    for sc in script.scenes:
        acts = {a.id: a.action for a in sc.characters}
        hero = acts.get("hero")
        if any(a != "hero" and act == "shocked" for a, act in acts.items()):
            out.append("stunned")
        elif hero == "celebrate" and "trophy" in sc.props:
            out.append("win")
        elif hero == "run" and any("crowd" in p for p in sc.props):
            out.append("race")
        elif hero in {"run", "train", "skip"}:
            out.append(f"train:{hero}")
        elif any(act in {"sneer", "laugh"} for a, act in acts.items() if a != "hero") or "laughing crowd" in sc.props:
            out.append("mocked")
        else:
            out.append("other")
    return out


@pytest.mark.parametrize("fixture", ["weak", "zh"])
def test_the_story_goes_from_the_mocking_through_the_training_and_the_race_to_the_win(
        fixture: str, request: pytest.FixtureRequest) -> None:
    stages = _stages(request.getfixturevalue(fixture))
    assert stages[0] == "mocked", stages
    trained = [s for s in stages if s.startswith("train:")]
    assert len(set(trained)) >= 2, stages  # a round of exercises, not the same pose again and again
    order = [("mocked",), ("train",), ("race",), ("win", "stunned")]  # the mocker stunned beside the trophy
    firsts = [next(k for k, s in enumerate(stages) if s.startswith(o)) for o in order]
    assert firsts == sorted(firsts), stages
    assert stages[-1] in {"win", "stunned"} and "stunned" in stages, stages
    script: Script = request.getfixturevalue(fixture)
    mocked = [sc for sc, s in zip(script.scenes, stages, strict=True) if s == "mocked"]
    assert all(a.action not in {"laugh", "celebrate"} and a.expression != "happy"
               for sc in mocked for a in sc.characters if a.id == "hero")  # laughed at, never laughing along


def test_the_race_is_run_at_the_stadium_when_the_story_is_at_home(zh: Script) -> None:
    assert all(sc.location != "bedroom" for sc, s in zip(zh.scenes, _stages(zh), strict=True)
               if s in {"race", "win", "stunned"} or s.startswith("train"))


def test_a_line_that_asks_for_an_exercise_gets_it_and_the_others_go_round() -> None:
    trip = legs("training")
    train = next(n for n, leg in enumerate(trip) if leg.id == "train")
    lines = ["Rocky trains every day.", "Before the sun is up, Rocky runs lap after lap.", "Nobody tries so hard.",
             "奶茶举起小哑铃"]
    assert [p.action for p in _poses(trip, [train] * 4, lines) if p] == ["skip", "run", "climb", "train"]
    assert {p.action for p in _poses(trip, [train] * 3, lines[:3]) if p} == {"run", "train", "skip"}
