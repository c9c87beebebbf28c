"""A working dog's role noun ("fire dog", "police dog", "rescue dog", "guide dog", 消防犬) is the hero's job, never
one more dog of the cast: "grows up to become a fire dog" was read as "fire" and a second dog (narrated "a fire
Noodle, dog"); "grows up to be a rescue dog" cast a second dog too. The one who adopts the pet in a role and that
role told again ("adopted by a kind firefighter … saves the firefighter") is one character, never two."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse, understood_line

_FIRE = ("a skinny stray puppy is adopted by a kind firefighter, grows up to become a fire dog and saves the "
         "firefighter from a burning warehouse")


@pytest.mark.parametrize(("premise", "dream"), [
    ("a shy puppy trains hard and becomes a police dog who catches a thief", "police"),
    ("a lost puppy grows up to be a rescue dog that finds hikers in the snow", "firefighter"),
    ("a clumsy labrador fails school but becomes a guide dog for a blind old cat", "doctor"),
    ("a small beagle becomes a sniffer dog at the airport and finds the smuggler's bag", "police"),
    ("a golden retriever becomes a therapy dog at the hospital and cheers up a sad kitten", "doctor"),
    ("a husky puppy dreams of becoming a sled dog and wins the big race", "athlete"),
    ("a stray mutt becomes a fire dog and saves a kitten from a fire", "firefighter"),
])
def test_a_working_dog_is_the_heros_job_not_a_second_dog(premise: str, dream: str) -> None:
    a = analyse(premise)
    assert [p.species for p in a.cast].count("dog") == 1
    assert dream in {a.dream, a.job, a.hero.job}


def test_the_firefighter_who_adopts_is_cast_once_and_no_dog_is_added() -> None:
    a = analyse(_FIRE)
    assert len(a.cast) == 2 and a.dream == "firefighter"
    for seed in (1, 3):
        script = write_story(_FIRE, None, "en", seed).script
        assert len(script.characters) == 2
        told = " ".join(s.narration for s in script.scenes)
        assert "fire dog" in told and "sidekick" not in told
        names = {c.name for c in script.characters}
        assert not any(f"fire {n}" in told for n in names)


def test_the_adopter_told_again_in_another_job_is_still_one() -> None:
    a = analyse("a skinny stray puppy is adopted by a kind baker, grows up and saves the baker from a fire")
    assert len(a.cast) == 2


@pytest.mark.parametrize(("premise", "said", "never"), [
    ("a shy puppy trains hard and becomes a police dog who catches a thief", "police dog", "detective"),
    ("a clumsy labrador fails school but becomes a guide dog for a blind old cat", "guide dog", "doctor"),
    ("a lost puppy grows up to be a rescue dog that finds hikers in the snow", "rescue dog", "firefighter"),
])
def test_the_dream_is_told_by_the_premises_own_working_dog_word(premise: str, said: str, never: str) -> None:
    a = analyse(premise)
    assert f"become a {said}" in understood_line(a, "en") and never not in understood_line(a, "en")
    for seed in (1, 3):
        told = " ".join(s.narration for s in write_story(premise, None, "en", seed).script.scenes)
        assert never not in told
