"""A contest the hero only signs up for ("a shy dog signs up for a talent show", "a cat registers for a singing contest",
小猫报名参加了唱歌比赛) is still ahead: the entry is where the story starts (then its practice), never told as the
outcome ("I made it", "Did that really just happen?", the applause, the hero drawn celebrating)."""

from __future__ import annotations

import re

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.practice import only_wished
from story.premise import analyse

_MADE = re.compile(r"made it|really just happen|really happening|unreal|pinch me|can hardly believe|trophy|"
                   r"冠军|奖杯|掌声|这是真的|不敢相信|我做到了", re.IGNORECASE)


@pytest.mark.parametrize("premise", [
    "a shy dog signs up for a talent show",
    "a cat registers for a singing contest",
    "小猫报名参加了唱歌比赛",
])
def test_a_contest_entered_is_only_ahead(premise: str) -> None:
    assert only_wished(clauses(analyse(premise))[-1])


@pytest.mark.parametrize(("premise", "lang"), [
    ("a shy dog signs up for a talent show", "en"),
    ("a cat registers for a singing contest", "en"),
    ("小猫报名参加了唱歌比赛", "zh"),
])
def test_a_contest_entered_is_never_told_as_won(premise: str, lang: str) -> None:
    for seed in range(1, 3):
        script = write_story(premise, None, lang, seed).script
        hero = script.characters[0].id
        celebrating = [k for k, s in enumerate(script.scenes, 1) for a in s.characters
                       if a.id == hero and a.action == "celebrate"]
        said = " ".join(s.narration + " " + " ".join(x.text for x in s.dialogue) for s in script.scenes)
        assert not celebrating, (seed, celebrating)
        assert not _MADE.search(said), (seed, said)


def test_a_contest_entered_and_won_is_still_won() -> None:
    """"signs up for a talent show and wins" tells the win: drawn won, as before."""
    read = clauses(analyse("a shy dog signs up for a talent show and wins"))
    assert not only_wished(read[-1])
    script = write_story("a shy dog signs up for a talent show and wins", None, "en", 1).script
    assert any(a.action == "celebrate" for s in script.scenes for a in s.characters)
