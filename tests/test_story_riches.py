"""Riches a premise shows without saying "rich" (comes back driving a golden car, buys the mansion, 开着豪车回来,
住进了别墅): the viewer sees the hero rich from that scene on (a suit, never the job's uniform), at the wheel
of the ride, and the ones who mocked it stunned; a ride or a home of someone else, or only wished for, is no
riches of the hero's. Checked on the offline writer's real scripts (premises of no other test)."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse
from story.riches import implied_riches
from story.script import Script

SEEDS = range(3)


def _script(premise: str, seed: int) -> Script:
    return write_story(premise, None, analyse(premise).language, seed).script


def _first(script: Script, *words: str) -> int:
    return next(i for i, s in enumerate(script.scenes) if any(w in s.narration for w in words))


@pytest.mark.parametrize(("premise", "words", "drives"), [
    ("a humble street-sweeper cat is laughed at by the rich dogs and years later comes back driving a shiny gold car",
     ("gold car",), True),
    ("一只送快递的小狗被邻居看不起，五年后开着豪车回来了", ("豪车",), True),
    ("a poor shiba who cleans windows saves for years and buys the mansion on the hill", ("mansion",), False),
    ("卖鱼丸的小花猫被富家狗嘲笑，后来住进了豪宅", ("豪宅",), False),
])
def test_implied_riches_dress_the_hero_rich_from_that_scene_on(premise: str, words: tuple[str, ...],
                                                               drives: bool) -> None:
    for seed in SEEDS:
        script = _script(premise, seed)
        rich = _first(script, *words)
        assert any(a.id == "hero" for a in script.scenes[rich].characters), seed
        for i, scene in enumerate(script.scenes[rich:], rich):
            for a in scene.characters:
                assert a.id != "hero" or (a.outfit == "suit" and a.action != "work"), (seed, i, a)
        hero = next(a for a in script.scenes[rich].characters if a.id == "hero")
        assert (hero.action == "drive") == drives, (seed, hero)


@pytest.mark.parametrize("premise", [
    "a humble street-sweeper cat is laughed at by the rich dogs and years later comes back driving a shiny gold car",
    "卖鱼丸的小花猫被富家狗嘲笑，后来住进了豪宅",
    "a shy puppy saves his money, gets rich and drives past the cats who teased him",
])
def test_the_mockers_are_stunned_before_the_rich_hero(premise: str) -> None:
    for seed in SEEDS:
        script = _script(premise, seed)
        mockers = {a.id for s in script.scenes for a in s.characters
                   if a.id != "hero" and a.action in ("sneer", "laugh", "point") and a.target == "hero"}
        assert mockers, seed
        rich = [s for s in script.scenes if any(a.id == "hero" and a.outfit == "suit" for a in s.characters)]
        assert any(a.id in mockers and a.action == "shocked" and a.target == "hero"
                   for s in rich for a in s.characters), seed


def test_the_hero_drives_past_the_ones_who_mocked_it() -> None:
    """"drives past the cats who mocked him": the hero drives, the cats are the ones driven past (no "drives
    past <itself>")."""
    premise = "a shy puppy saves his money, gets rich and drives past the cats who teased him"
    cats = [c for c in analyse(premise).cast if c.species == "cat"]
    assert cats and all(c.key != "hero" for c in cats)
    for seed in SEEDS:
        script = _script(premise, seed)
        names = {c.id: c.name for c in script.characters}
        past = script.scenes[_first(script, "drives past")]
        assert f"{names['hero']} drives past {names['hero']}" not in past.narration, seed
        roles = {a.id: a.action for a in past.characters}
        assert roles.get("hero") == "drive", (seed, roles)
        assert any(sid != "hero" and act == "shocked" for sid, act in roles.items()), (seed, roles)


@pytest.mark.parametrize(("text", "shown"), [
    ("Later, Pip comes back driving a Lamborghini.", "ride"),
    ("Then Pip returns in a luxury car.", "ride"),
    ("Pip buys the whole building.", "home"),
    ("后来，小黑开着金色跑车回来了。", "ride"),
    ("小黑买下了整栋大楼。", "home"),
    ("Pip dreams of a sports car.", None),
    ("小黑想住进别墅。", None),
    ("Rex drives a sports car past Pip.", None),
    ("Pip cleans the windows of a mansion.", None),
])
def test_implied_riches_are_the_heros_own_and_never_a_wish(text: str, shown: str | None) -> None:
    assert implied_riches(text, {"hero": "Pip" if text.isascii() else "小黑", "rival": "Rex"}) == shown
