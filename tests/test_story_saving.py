"""Saving up and buying ("saves every coin for ten years and buys the biggest house", 省吃俭用攒钱买了房子): the
hero is drawn scrimping (at work, with the money), never hugging; the purchase is the proud owner's, not a
gift box, unless it is bought for someone ("buys his mother a house"); and a sacrifice that names no one it
is for is saving up for the hero's own goal: no parent-sacrifice story with an invented relative, no one
invented at all. Checked on the offline writer's real scripts (premises of no other test)."""

from __future__ import annotations

import pytest

from story.arcs import choose_arc
from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse
from story.staged import action

SEEDS = range(3)


@pytest.mark.parametrize(("premise", "saving", "bought"), [
    ("a poor tabby cat saves every coin for ten years and buys the biggest house on the street",
     "saves every coin", "buys the biggest house"),
    ("a stray cat saves every penny and buys her own car", "saves every penny", "buys her own car"),
    ("小橘猫省吃俭用攒了十年钱终于买了房子", "攒了十年钱", "买了房子"),
])
def test_saving_is_drawn_as_scrimping_and_the_purchase_as_the_proud_owner(premise: str, saving: str,
                                                                           bought: str) -> None:
    acts = {c.verb: action(c) for c in clauses(analyse(premise))}
    save = next(a for v, a in acts.items() if saving in v)
    buy = next(a for v, a in acts.items() if bought in v)
    assert save == "work", acts
    assert buy == "celebrate", acts


@pytest.mark.parametrize(("premise", "verb", "drawn"), [
    ("a brave dog saves the kitten from the river", "saves", "hug"),  # a rescue names whom it saves
    ("a poor dog works three jobs and buys his mother a house", "buys", "give"),  # bought for someone
])
def test_a_rescue_and_a_purchase_for_someone_are_not_saving_up(premise: str, verb: str, drawn: str) -> None:
    acts = {c.verb: action(c) for c in clauses(analyse(premise))}
    assert acts[verb] == drawn, acts


@pytest.mark.parametrize("premise", [
    "a poor tabby cat saves every coin for ten years and buys the biggest house on the street",
    "小橘猫省吃俭用攒了十年钱终于买了房子",
])
def test_saving_up_alone_invents_no_relative_and_no_one_else(premise: str) -> None:
    analysis = analyse(premise)
    for seed in SEEDS:
        assert choose_arc(analysis, seed) != "parent_sacrifice", seed
        script = write_story(premise, None, analysis.language, seed).script
        assert [c.id for c in script.characters] == ["hero"], (seed, [c.id for c in script.characters])
        assert all(a.action != "hug" for s in script.scenes for a in s.characters), seed


def test_a_sacrifice_for_someone_named_is_still_the_parents_story() -> None:
    premise = "a mother cat saves every coin for her kittens"
    assert all(choose_arc(analyse(premise), seed) == "parent_sacrifice" for seed in SEEDS)
