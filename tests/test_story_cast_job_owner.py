"""A job said with 's before a pet names the pet's owner, a person of the story (issue 12): "an old farmer's dog"
is a dog and the old farmer who owns it, never one "old farmer dog" with a farmer's job; the pet is the hero, the
owner its family, and never does what the pet is said to do ("the baker's cat steals bread": the cat steals)."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse

OWNED = [
    ("an old farmer's dog", "dog", "farmer", "old farmer"),
    ("the baker's cat steals bread", "cat", "baker", "baker"),
    ("a fisherman's old cat waits at the dock", "cat", "fisherman", "fisherman"),
    ("the old doctor's dog saves a boy", "dog", "doctor", "old doctor"),
    ("the chef's cat wants to cook", "cat", "chef", "chef"),
]


@pytest.mark.parametrize(("premise", "species", "job", "said"), OWNED)
def test_a_jobs_pet_is_the_hero_and_the_owner_its_family(premise: str, species: str, job: str, said: str) -> None:
    cast = analyse(premise).cast
    hero = cast[0]
    assert hero.role == "hero" and hero.species == species
    assert hero.job is None and job not in " ".join(hero.words)  # never a "farmer dog"
    owner = next(p for p in cast if p.job == job)
    assert owner is not hero and owner.relation == "owner" and owner.side == "hero"
    assert owner.words == (said,) and not owner.does_wrong


def test_the_owner_keeps_its_traits_and_the_pet_its_own() -> None:
    cast = analyse("a fisherman's old cat waits at the dock").cast
    assert cast[0].traits == ("old",)
    cast = analyse("an old farmer's dog").cast
    assert "old" not in cast[0].traits


def test_a_working_pet_keeps_its_job() -> None:
    hero = analyse("the police dog catches a thief").cast[0]
    assert hero.job == "police"
    hero = analyse("a quiet intern dog gets yelled at by the boss").cast[0]
    assert hero.job is not None


def test_the_story_tells_the_pet_as_the_owners() -> None:
    script = write_story("the baker's cat steals bread", None, "en", 1).script
    hero = next(c for c in script.characters if c.id == "hero")
    text = " ".join(s.narration for s in script.scenes)
    assert "the baker's cat" in text and "baker cat" not in text
    assert any(c.id != "hero" for c in script.characters) and hero.species == "cat"
