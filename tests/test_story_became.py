"""A time jump, then what the hero is ("… and now she's the CEO", "5 years later he is famous", "now shes a famous
singer"): the becoming, drawn as the hero made it (celebrating), never a plain stand or a thinking pose; what it is
said to be only after the jump is no becoming where it is no job, boss, riches or fame ("now he is homeless")."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.offline import validate_premise, write_story
from story.premise import analyse


def _last(premise: str) -> tuple[str, ...]:
    return clauses(analyse(validate_premise(premise)))[-1].events


@pytest.mark.parametrize("premise", [
    "a cat was bullied at school for being poor and now she's the CEO",
    "POV: ur cat was bullied at school for being poor and now shes the CEO 😼💼",
    "POV: you're the stray cat nobody wanted and now you're famous on tiktok",
    "she didnt give up and now shes a famous singer 🐱🎤",
    "a cat was laughed at by everyone, years later she is the boss",
])
def test_what_the_hero_is_after_a_time_jump_is_a_becoming(premise: str) -> None:
    assert "become" in _last(premise)


@pytest.mark.parametrize("premise", [
    "a rich cat loses everything and now he is homeless",
    "a kitten was lost, now she is crying in the rain",
    "a cat was bullied at school and now she is not the CEO",
    "the dog is the CEO of a big company",
])
def test_a_state_that_is_no_success_is_no_becoming(premise: str) -> None:
    assert "become" not in _last(premise)


@pytest.mark.parametrize(("premise", "told"), [
    ("POV: ur cat was bullied at school for being poor and now shes the CEO 😼💼", "is the CEO"),
    ("POV: you're the stray cat nobody wanted and now you're famous on tiktok", "is famous on tiktok"),
])
def test_the_becoming_is_drawn_as_the_hero_made_it(premise: str, told: str) -> None:
    """Was Pumpkin thinking, in a student's cap, where "Now, Pumpkin is the CEO" is said."""
    script = write_story(premise, None, "en", 1).script
    at = next(k for k, s in enumerate(script.scenes) if told in s.narration)
    hero = next(c for c in script.scenes[at].characters if c.id == "hero")
    assert hero.action == "celebrate", (at, hero)
