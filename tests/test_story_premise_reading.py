"""English premise reading a new user trips on (issue 12): a breed a user names is cast as that breed
("an Afghan hound", "a Spitz", 藏獒), its look drawn from the breed, not a golden retriever put in its place.
Every assertion reads the offline writer's real output; premises here are in no other test."""

from __future__ import annotations

import random

import pytest

from render.painter.looks import resolve_look
from render.painter.venues import venue_captions
from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse
from story.venues import VENUES, places_drawn


def _lang(premise: str) -> str:
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"


@pytest.mark.parametrize(
    ("premise", "breed"),
    [
        ("an Afghan hound becomes a famous model", "Afghan hound"),
        ("a Spitz puppy gets lost in the snow", "Japanese Spitz"),
        ("a German spitz is laughed at for her small size and wins the race", "Japanese Spitz"),
        ("a Tibetan mastiff guards the little village every night", "mastiff"),
        ("一只藏獒在村口守了十年", "mastiff"),
        ("a Pekingese is mocked for her flat face and becomes a model", "Pekingese"),
        ("a Siberian cat and a corgi open a bakery together", "Siberian cat"),
        ("an Australian shepherd herds the sheep through the storm", "Australian shepherd"),
    ],
)
def test_a_common_breed_is_cast_as_itself(premise: str, breed: str) -> None:
    script = write_story(premise, None, _lang(premise), 1).script
    assert breed in {c.breed for c in script.characters}, [(c.id, c.breed) for c in script.characters]


def test_a_breed_word_of_another_breed_keeps_the_longer_one() -> None:
    cast = analyse("a Siberian husky and a Siberian cat become best friends").cast
    assert [p.breed for p in cast[:2]] == ["husky", "siberian_cat"], [(p.role, p.breed) for p in cast]


def test_a_spitz_is_drawn_white_and_fluffy_an_afghan_golden() -> None:
    chars = {
        c.breed: c
        for p in ("a fluffy spitz naps", "an afghan hound naps")
        for c in write_story(p, None, "en", 1).script.characters
    }
    spitz, afghan = (resolve_look(chars[b], random.Random(1)) for b in ("Japanese Spitz", "Afghan hound"))
    assert spitz.fluffy and min(spitz.fur) > 230, spitz
    assert afghan.fluffy and afghan.fur[0] > afghan.fur[2] + 60, afghan


@pytest.mark.parametrize(
    ("premise", "banner", "head"),
    [
        ("two cats check into a cheap motel on a road trip", "MOTEL", "Motel"),
        ("a tired dog sleeps at a roadside motel in the desert", "MOTEL", "Motel"),
        ("a cat works at an inn in the mountains", "INN", "Inn"),
        ("a stray kitten sneaks into a grand hotel on a snowy night", "HOTEL", "Hotel"),
    ],
)
def test_a_lodging_is_signed_and_headed_with_the_word_said(premise: str, banner: str, head: str) -> None:
    """A motel or an inn is drawn at the hotel's lobby (the nearest drawable), but its sign and headline say the
    premise's word, never HOTEL for a motel."""
    script = venue_captions(write_story(premise, None, "en", 1).script)
    found = [
        (s, m) for s, m in zip(script.scenes, places_drawn(script), strict=True) if m and m.kind == "hotel"
    ]
    assert found, [(s.location, s.setting) for s in script.scenes]
    for scene, match in found:
        assert dict(VENUES["hotel"].words)[match.asked] == banner, match
        assert scene.caption.split(" · ")[0] == head, scene.caption


@pytest.mark.parametrize(
    ("split", "joined"),
    [
        (
            "a kind baker takes the stray kitten in on a rainy night",
            "a kind baker takes in the stray kitten on a rainy night",
        ),
        (
            "an old fisherman takes the shivering puppy in during the storm",
            "an old fisherman takes in the shivering puppy during the storm",
        ),
        ("a gentle nurse took the injured cat in", "a gentle nurse took in the injured cat"),
    ],
)
def test_a_split_taking_in_is_read_as_the_taking_in(split: str, joined: str) -> None:
    """ "takes the stray kitten in": the kitten taken in by the taker (its family), as "takes in the stray kitten"."""
    a, b = analyse(split), analyse(joined)
    assert [(p.role, p.key) for p in a.cast] == [(p.role, p.key) for p in b.cast], [
        (p.role, p.key) for p in a.cast
    ]
    assert any(p.kind_by == "family" for p in a.cast[1:]), [(p.role, p.kind_by) for p in a.cast]
    assert write_story(split, None, "en", 1).arc == "taken_in"


@pytest.mark.parametrize(
    "premise", ["she takes the kitten in her arms", "he takes the puppy in the rain to the vet"]
)
def test_an_in_that_starts_a_place_stays(premise: str) -> None:
    assert analyse(premise).premise == premise


@pytest.mark.parametrize(
    ("premise", "dream"),
    [
        ("a poor kitten grows up to be a pilot", "pilot"),
        ("a shy kitten grew up to be a famous singer", "pop_star"),
        ("a little puppy becomes a doctor when he grows up", "doctor"),
        ("小猫长大后成为了一名飞行员", "pilot"),
    ],
)
def test_growing_up_to_be_is_a_dream_told_as_one(premise: str, dream: str) -> None:
    a = analyse(premise)
    assert a.dream == dream and a.job is None, (a.job, a.dream)
    written = write_story(premise, None, _lang(premise), 1)
    assert written.arc == "career_dream", written.arc


@pytest.mark.parametrize(
    ("premise", "said"),
    [
        ("The delivery dog's car breaks down in the rain", "car breaks down in the rain"),
        ("the lonely cat's bike gets stolen at school", "bike gets stolen at school"),
        ("a young corgi's kite gets stuck in a tree", "kite gets stuck in a tree"),
        ("the old farmer dog's tractor gets stuck in the mud", "tractor gets stuck in the mud"),
    ],
)
def test_a_thing_of_the_pets_is_told_as_its_own(premise: str, said: str) -> None:
    """ "The delivery dog's car breaks down": Duke's car breaks down, never "Duke, the delivery dog, car breaks down"."""
    script = write_story(premise, None, "en", 1).script
    hero = next(c.name for c in script.characters if c.id == "hero")
    lines = [s.narration for s in script.scenes if said in s.narration]
    assert lines and all(f"{hero}'s {said}" in line for line in lines), lines


@pytest.mark.parametrize(
    "premise",
    [
        "a poor cat works three jobs to feed his family",
        "a golden retriever saves his family from a house fire",
        "a shy kitten misses her whole family after moving to the city",
    ],
)
def test_a_pets_family_is_more_than_one_of_its_kind(premise: str) -> None:
    """ "his family": two pets of the hero's species drawn as its family, never one pet of another kind."""
    script = write_story(premise, None, "en", 1).script
    hero = next(c for c in script.characters if c.id == "hero")
    family = [c for c in script.characters if c.id.startswith("family") or c.id == "rival"]
    assert len(family) == 2 and all(c.species == hero.species for c in family), script.characters


@pytest.mark.parametrize(
    "premise",
    [
        "a kind family adopts a stray kitten",
        "a stray puppy is adopted by a family",
        "a family of cats naps",
        "an old dog is abandoned by his family on the highway",
    ],
)
def test_a_household_is_no_pets_family(premise: str) -> None:
    assert not any(p.relation == "family" for p in analyse(premise).cast), analyse(premise).cast


@pytest.mark.parametrize(
    "premise",
    [
        "a greedy poodle dumps a poor beagle for a rich husky, but when the husky loses everything she comes back begging",
        "the siamese leaves her poor husband for a rich bulldog; when the bulldog goes broke, she comes back",
        "a vain persian walks out on the tabby for a rich dog, and when the dog goes bankrupt she returns",
    ],
)
def test_the_one_who_comes_back_after_a_when_clause_is_the_one_who_left(premise: str) -> None:
    """ "…; when the cat goes bankrupt she comes back": she is the one who left, never the when-clause's pet."""
    told = clauses(analyse(premise))
    assert told[-1].actor == told[0].actor not in (None, told[-2].actor), [(c.text, c.actor) for c in told]


def test_the_one_who_comes_back_after_a_when_clause_is_the_one_waited_for() -> None:
    told = clauses(
        analyse(
            "a beagle waits at the bus stop every day for his owner, and when spring comes she comes back"
        )
    )
    assert told[-1].actor == "owner", [(c.text, c.actor) for c in told]
