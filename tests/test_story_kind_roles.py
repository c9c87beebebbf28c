"""The people a premise names beside the hero by a role, English (story/takers.py, story/casting.py): the one who
finds, feeds, trains or rescues the pet ("an old fisherman finds a shivering puppy", "is fed every day by a kind
baker", "trained by an old policeman"), the one a pet helps ("a kitten helps the old farmer"), the one who takes it in
named by a compound role ("a mountain ranger") or by a relation no pet is called ("a grumpy neighbour", "a retired
teacher"), a household of pets ("a family of cats") and the pet it finds a home with: each cast on the hero's side,
the pet the hero, and the one cast on screen in the scene that tells it."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse


def _cast(premise: str) -> list[tuple[str, str, str, str]]:
    return [(p.key, p.role, p.side, p.words[0] if p.words else "") for p in analyse(premise).cast]


@pytest.mark.parametrize(("premise", "said", "role"), [
    ("an old fisherman finds a shivering puppy on the pier", "old fisherman", "friend"),
    ("a nurse finds an injured puppy outside the hospital", "nurse", "friend"),
    ("a stray cat is fed every day by a kind baker", "kind baker", "friend"),
    ("a shy husky is trained by an old policeman and becomes a police dog", "old policeman", "mentor"),
    ("a kitten helps the old farmer bring in the harvest", "old farmer", "friend"),
    ("a tabby cat helps the old baker run his bakery", "old baker", "friend"),
    ("a lost kitten is taken in by a mountain ranger", "mountain ranger", "family"),
])
def test_a_role_who_is_kind_to_the_pet_or_whom_it_helps_is_cast_on_its_side(premise: str, said: str, role: str) -> None:
    a = analyse(premise)
    assert a.hero.species in {"cat", "dog"}, _cast(premise)
    person = next((p for p in a.cast[1:] if p.words and p.words[0] == said), None)
    assert person is not None, _cast(premise)
    assert (person.role, person.side) == (role, "hero") and a.wrongdoer is None, _cast(premise)


@pytest.mark.parametrize(("premise", "hero", "taker"), [
    ("a grumpy neighbour takes the stray dog in", "stray dog", "neighbour"),
    ("a retired teacher adopts an old cat nobody wanted", "old cat", "retired teacher"),
    ("a family of cats adopts a stray puppy", "puppy", "family of cats"),
    ("a puppy kicked out by her family finds a new home with a cat", "puppy", "cat"),
])
def test_the_one_taken_in_is_the_hero_and_the_taker_its_family(premise: str, hero: str, taker: str) -> None:
    a = analyse(premise)
    assert a.hero.words[0] == hero, _cast(premise)
    person = next((p for p in a.cast[1:] if p.words and p.words[0] == taker), None)
    assert person is not None and person.side == "hero" and person.role in {"family", "mentor"}, _cast(premise)
    assert a.wrongdoer is None, _cast(premise)


def test_a_household_of_pets_is_told_whole() -> None:
    script = write_story("a family of cats adopts a stray puppy", None, "en", 1).script
    told = " ".join(s.narration for s in script.scenes)
    assert "a family of cats, adopts" in told, told
    assert ", family," not in told and "of Whiskers" not in told, told


@pytest.mark.parametrize(("premise", "word"), [
    ("an old fisherman finds a shivering puppy on the pier", "finds"),
    ("a stray cat is fed every day by a kind baker", "fed"),
    ("a lost kitten is taken in by a mountain ranger", "taken in"),
    ("a kitten helps the old farmer bring in the harvest", "helps"),
])
def test_the_one_cast_is_drawn_in_the_scene_that_tells_it(premise: str, word: str) -> None:
    a = analyse(premise)
    other = a.cast[1].key
    for seed in (1, 2):
        script = write_story(premise, None, "en", seed).script
        told = [s for s in script.scenes if word in s.narration]
        assert told, [s.narration for s in script.scenes]
        assert all({"hero", other} <= {c.id for c in s.characters} for s in told), \
            [(s.narration[:60], [c.id for c in s.characters]) for s in told]


def test_the_finder_is_told_in_its_own_words() -> None:
    told = " ".join(s.narration for s in write_story(
        "an old fisherman finds a shivering puppy on the pier", None, "en", 1).script.scenes)
    assert "an old fisherman, finds" in told and ", fisherman," not in told, told
