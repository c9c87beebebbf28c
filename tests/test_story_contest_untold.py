"""A contest the premise's hero enters or competes in, its win never told ("a shy corgi enters the cooking contest",
"a cat joins the talent show", 哈士奇参加了唱歌比赛): the contest is told under way, the result still ahead, never as won
("I made it", "It all feels unreal", the trophy, the hero drawn celebrating); only a premise that says won, wins, beats
or champion ends on a trophy."""

from __future__ import annotations

import re

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.practice import contest_untold
from story.premise import analyse

_MADE = re.compile(r"made it|really just happen|really happening|unreal|pinch me|can hardly believe|trophy|champion|"
                   r"we did it|difference a year|feel real|really here|never been happier|worth every step|"
                   r"冠军|奖杯|这是真的|不敢相信|做到了|都值了|像做梦|拿不走", re.IGNORECASE)

_ENTERED = [
    ("a shy corgi enters the cooking contest", "en"),
    ("a cat joins the talent show", "en"),
    ("a husky joins a singing competition", "en"),
    ("a cat competes in a dance competition", "en"),
    ("小柯基参加了厨艺比赛", "zh"),
    ("哈士奇参加了唱歌比赛", "zh"),
]


@pytest.mark.parametrize(("premise", "lang"), _ENTERED)
def test_a_contest_entered_is_never_told_as_won(premise: str, lang: str) -> None:
    assert contest_untold(clauses(analyse(premise)))
    for seed in range(1, 3):
        script = write_story(premise, None, lang, seed).script
        hero = script.characters[0].id
        celebrating = [k for k, s in enumerate(script.scenes, 1) for a in s.characters
                       if a.id == hero and a.action == "celebrate"]
        said = " ".join(s.narration + " " + " ".join(x.text for x in s.dialogue) for s in script.scenes)
        assert not celebrating, (seed, celebrating)
        assert not _MADE.search(said), (seed, _MADE.search(said), said)


def test_the_contest_is_told_under_way() -> None:
    """After the contest's scene, its own lines: the hero at it, the result still ahead."""
    script = write_story("a shy corgi enters the cooking contest", None, "en", 1).script
    at = next(k for k, s in enumerate(script.scenes) if "enters the cooking contest" in s.narration)
    after = " ".join(s.narration + " " + " ".join(x.text for x in s.dialogue) for s in script.scenes[at:])
    assert re.search(r"judges|practi[sc]e|heart is pounding|gives it everything|how it will end", after), after


@pytest.mark.parametrize("premise", [
    "a little poodle wins the dog show",
    "a shy corgi enters the cooking contest and wins",
    "a cat joins the talent show and becomes the champion",
    "小猫参加唱歌比赛拿了冠军",
    "a shy dog signs up for a talent show",  # only signed up: the contest itself still ahead (story.practice.only_wished)
    "a corgi dreams of winning the dog show",
])
def test_a_contest_won_or_not_yet_entered_is_no_untold_contest(premise: str) -> None:
    assert not contest_untold(clauses(analyse(premise)))


def test_a_contest_won_still_ends_on_its_win() -> None:
    script = write_story("a little poodle wins the dog show", None, "en", 1).script
    assert any(a.action == "celebrate" for s in script.scenes for a in s.characters)
