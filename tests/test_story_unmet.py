"""A try the premise says failed, or a deed it says was not done, is never told as done (story/unmet.py, kinds.json
``failed``, story/data/arcs/not_this_time.json; a denied wrong in story/premise.py)."""

from __future__ import annotations

import re

import pytest

from story.kinds import story_kind
from story.offline import write_story
from story.premise import analyse
from story.unmet import show_unmet

FAILED = [
    "一只柯基考研失败了",
    "小猫考研失败，但是没有放弃",
    "a cat applies for a job at the bakery but she didn't get the job",
    "a husky fails his driving test",
    "a corgi tries out for the soccer team but doesn't make it",
    "a tabby cat loses the election for class president",
    "a kitten wants to win the race but comes last",
    "柯基没有通过驾照考试",
    "哈士奇没考上大学，去送外卖",
    "小猫参加了歌唱比赛，被淘汰了",
]

# a success said after the failure: the failure is the setback, the success the outcome
WON_AFTER = [
    "a shiba fails the exam but studies harder and passes the next year",
    "小狗参加高考落榜了，第二年又考上了",
    "小猫学骑自行车，失败了很多次，终于学会了",
    "a clumsy labrador fails school but becomes a guide dog for a blind old cat",
    "a kitten fails her driving test three times and finally passes",
]

_WON_LINE = re.compile(r"I passed|I did it|worth it|hardly believe|got there|Did you see that|我过了|做到了|都值了|冠军",
                       re.IGNORECASE)


def _lang(premise: str) -> str:
    return "zh" if re.search(r"[\u4e00-\u9fff]", premise) else "en"


@pytest.mark.parametrize("premise", FAILED)
def test_a_failed_try_is_its_own_kind(premise: str) -> None:
    assert story_kind(analyse(premise)).id == "failed"


@pytest.mark.parametrize("premise", WON_AFTER)
def test_a_success_after_the_failure_is_not_a_failed_story(premise: str) -> None:
    assert story_kind(analyse(premise)).id != "failed"


@pytest.mark.parametrize("premise", FAILED)
@pytest.mark.parametrize("seed", [1, 2])
def test_a_failed_try_is_never_told_as_won(premise: str, seed: int) -> None:
    script = write_story(premise, None, _lang(premise), seed).script
    told = [t.replace(premise, "") for sc in script.scenes for _s, t in sc.spoken()]
    assert not [t for t in told if _WON_LINE.search(t)], told
    at = next(i for i, sc in enumerate(script.scenes) if story_kind(analyse(premise)).closes(sc.narration))
    hero = script.characters[0].id
    for sc in script.scenes[at:]:
        assert "trophy" not in sc.props
        for app in sc.characters:
            if app.id == hero:
                assert app.action not in {"celebrate", "wave", "laugh", "sneer", "dance"}, (sc.narration, app)
                assert app.expression not in {"happy", "smug"}, (sc.narration, app)


def test_the_failure_comes_after_the_try() -> None:
    """考研失败: the hope and the try first, the no after them, getting up again last."""
    script = write_story("一只柯基考研失败了", None, "zh", 1).script
    at = next(i for i, sc in enumerate(script.scenes) if "考研失败" in sc.narration)
    assert at >= 2
    assert "深呼吸" in " ".join(t for sc in script.scenes[:at] for _s, t in sc.spoken())


@pytest.mark.parametrize("premise", ["老板没有骂小狗", "the boss doesn't scold the puppy even though he is late",
                                     "柯基打碎了花瓶，但是妈妈没有骂它"])
def test_a_denied_wrong_is_no_wrong(premise: str) -> None:
    a = analyse(premise)
    assert a.wrongs == []
    assert not any(p.does_wrong for p in a.cast)
    assert story_kind(a).id != "striving"


def test_show_unmet_takes_the_grin_off_after_the_failure() -> None:
    scenes = [
        {"narration": "Max trains.", "mood": "happy", "props": ["trophy"],
         "characters": [{"id": "hero", "action": "train", "expression": "happy"}]},
        {"narration": "But Max doesn't make it.", "mood": "triumphant", "props": ["trophy", "football"],
         "characters": [{"id": "hero", "action": "celebrate", "expression": "happy"}]},
        {"narration": "Max gets up.", "mood": "happy", "props": [],
         "characters": [{"id": "hero", "action": "wave", "expression": "happy"},
                        {"id": "friend", "action": "wave", "expression": "happy"}]},
    ]
    show_unmet(scenes, lambda text: "doesn't make it" in text, "hero")
    assert scenes[0]["props"] == ["trophy"] and scenes[0]["characters"][0]["expression"] == "happy"
    assert scenes[1]["props"] == ["football"] and scenes[1]["mood"] == "sad"
    assert scenes[1]["characters"][0] == {"id": "hero", "action": "sulk", "expression": "sad"}
    assert scenes[2]["characters"][0] == {"id": "hero", "action": "sulk", "expression": "determined"}
    assert scenes[2]["characters"][1]["action"] == "wave"


@pytest.mark.parametrize("premise", ["a dog bus driver is mocked by his passengers, then saves them all when the brakes fail",
                                     "the thief's plan fails and the corgi catches him"])
def test_a_things_failure_is_no_failed_try(premise: str) -> None:
    assert story_kind(analyse(premise)).id != "failed"

