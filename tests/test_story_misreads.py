"""Misreads of a premise's clauses that drew the wrong picture: a machine that breaks down is stared at, never
cried over ("the delivery dog's car breaks down in the rain"); "everyone said he would never run again" is the
put-down it is; a when-clause said with no comma is two events ("when the cat goes bankrupt she comes back").
Premises here are in no other test."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse


def _acts(premise: str, words: str) -> dict[str, str]:
    script = write_story(premise, None, "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en", 0).script
    scene = next(s for s in script.scenes if words in s.narration)
    return {a.id: a.action for a in scene.characters}


@pytest.mark.parametrize(("premise", "words"), [
    ("the delivery dog's car breaks down in the rain and he pushes it to the customer's house", "breaks down"),
    ("the taxi cat's old car broke down on the highway", "broke down"),
    ("外卖狗的电动车在半路抛锚了", "抛锚"),
])
def test_a_machine_that_breaks_down_is_stared_at_never_cried_over(premise: str, words: str) -> None:
    acts = _acts(premise, words)
    assert acts["hero"] == "shocked", acts


def test_a_pet_that_breaks_down_in_tears_still_cries() -> None:
    assert _acts("the old beagle breaks down in tears at the station", "breaks down")["hero"] == "cry"


@pytest.mark.parametrize("premise", [
    "everyone said the injured greyhound would never run again, but he wins the race",
    "the vet told the old horse she would never walk again, and she dances at the fair",
])
def test_a_doubt_of_what_a_pet_can_do_is_a_put_down(premise: str) -> None:
    assert "mock" in analyse(premise).wrongs


def test_a_when_clause_said_with_no_comma_is_two_events() -> None:
    told = clauses(analyse("the poodle leaves the poor bulldog for a rich cat; when the cat goes bankrupt she comes back"))
    texts = [c.text for c in told]
    assert texts[-2:] == ["when the cat goes bankrupt", "she comes back"], texts
