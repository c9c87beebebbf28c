"""A win the hero only wants, must or means to get ("a puppy wants to win the dog show", "a corgi must beat the champion
husky at the dog show", 小狗一定要赢得比赛) is still ahead: its clause is where the story starts (the hero dreaming of
it, then its practice), never drawn as won (the hero celebrating with the trophy from the first scene) nor ended on an
arc's trophy and the judges' applause the premise never tells."""

from __future__ import annotations

import re

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.practice import only_wished
from story.premise import analyse

_WON = re.compile(r"I made it|winner is|judges stand up|holds up the trophy|获胜者是|举起奖杯|我做到了")


@pytest.mark.parametrize("premise", [
    "a puppy wants to win the dog show",
    "a corgi must beat the champion husky at the dog show",
    "a tiny chihuahua is determined to win the race",
    "小狗一定要赢得比赛",
])
def test_a_win_meant_is_only_wished(premise: str) -> None:
    assert only_wished(clauses(analyse(premise))[0])


@pytest.mark.parametrize(("premise", "lang"), [
    ("a puppy wants to win the dog show", "en"),
    ("a corgi must beat the champion husky at the dog show", "en"),
    ("a tiny chihuahua is determined to win the race", "en"),
    ("a lazy cat has to win the cooking contest to save the restaurant", "en"),
])
def test_a_win_only_meant_is_never_drawn_nor_told_as_won(premise: str, lang: str) -> None:
    for seed in range(1, 4):
        script = write_story(premise, None, lang, seed).script
        hero = script.characters[0].id
        celebrating = [k for k, s in enumerate(script.scenes, 1) for a in s.characters
                       if a.id == hero and a.action == "celebrate"]
        said = " ".join(s.narration + " " + " ".join(x.text for x in s.dialogue) for s in script.scenes)
        assert not celebrating, (seed, celebrating)
        assert not _WON.search(said), (seed, said)


def test_a_win_told_is_still_won() -> None:
    """"wins the dog show" is done: drawn won, as before."""
    assert not only_wished(clauses(analyse("a puppy wins the dog show"))[0])
    script = write_story("a puppy wins the dog show", None, "en", 1).script
    assert any(a.action == "celebrate" for s in script.scenes for a in s.characters)
