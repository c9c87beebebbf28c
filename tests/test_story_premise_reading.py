"""English premise reading a new user trips on (issue 12): a breed a user names is cast as that breed
("an Afghan hound", "a Spitz", 藏獒), its look drawn from the breed, not a golden retriever put in its place.
Every assertion reads the offline writer's real output; premises here are in no other test."""

from __future__ import annotations

import random

import pytest

from render.painter.looks import resolve_look
from render.painter.venues import VENUES, places_drawn, venue_captions
from story.offline import write_story
from story.premise import analyse


def _lang(premise: str) -> str:
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"


@pytest.mark.parametrize(("premise", "breed"), [
    ("an Afghan hound becomes a famous model", "Afghan hound"),
    ("a Spitz puppy gets lost in the snow", "Japanese Spitz"),
    ("a German spitz is laughed at for her small size and wins the race", "Japanese Spitz"),
    ("a Tibetan mastiff guards the little village every night", "mastiff"),
    ("一只藏獒在村口守了十年", "mastiff"),
    ("a Pekingese is mocked for her flat face and becomes a model", "Pekingese"),
    ("a Siberian cat and a corgi open a bakery together", "Siberian cat"),
    ("an Australian shepherd herds the sheep through the storm", "Australian shepherd"),
])
def test_a_common_breed_is_cast_as_itself(premise: str, breed: str) -> None:
    script = write_story(premise, None, _lang(premise), 1).script
    assert breed in {c.breed for c in script.characters}, [(c.id, c.breed) for c in script.characters]


def test_a_breed_word_of_another_breed_keeps_the_longer_one() -> None:
    cast = analyse("a Siberian husky and a Siberian cat become best friends").cast
    assert [p.breed for p in cast[:2]] == ["husky", "siberian_cat"], [(p.role, p.breed) for p in cast]


def test_a_spitz_is_drawn_white_and_fluffy_an_afghan_golden() -> None:
    chars = {c.breed: c for p in ("a fluffy spitz naps", "an afghan hound naps")
             for c in write_story(p, None, "en", 1).script.characters}
    spitz, afghan = (resolve_look(chars[b], random.Random(1)) for b in ("Japanese Spitz", "Afghan hound"))
    assert spitz.fluffy and min(spitz.fur) > 230, spitz
    assert afghan.fluffy and afghan.fur[0] > afghan.fur[2] + 60, afghan


@pytest.mark.parametrize(("premise", "banner", "head"), [
    ("two cats check into a cheap motel on a road trip", "MOTEL", "Motel"),
    ("a tired dog sleeps at a roadside motel in the desert", "MOTEL", "Motel"),
    ("a cat works at an inn in the mountains", "INN", "Inn"),
    ("a stray kitten sneaks into a grand hotel on a snowy night", "HOTEL", "Hotel"),
])
def test_a_lodging_is_signed_and_headed_with_the_word_said(premise: str, banner: str, head: str) -> None:
    """A motel or an inn is drawn at the hotel's lobby (the nearest drawable), but its sign and headline say the
    premise's word, never HOTEL for a motel."""
    script = venue_captions(write_story(premise, None, "en", 1).script)
    found = [(s, m) for s, m in zip(script.scenes, places_drawn(script), strict=True) if m and m.kind == "hotel"]
    assert found, [(s.location, s.setting) for s in script.scenes]
    for scene, match in found:
        assert dict(VENUES["hotel"].words)[match.asked] == banner, match
        assert scene.caption.split(" · ")[0] == head, scene.caption
