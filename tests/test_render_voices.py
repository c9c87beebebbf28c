"""Voices (pure): the narrator neutral, each character its own pitch and place, small animals higher."""

from __future__ import annotations

from itertools import combinations

from render.voices import MIN_DISTANCE, NARRATOR, cast_voices, character_voice, size_factor
from story.script import Character, Script
from tests.factories import make_script


def pet(id: str, species: str, breed: str, voice: str = "male") -> Character:
    return Character.model_validate({"id": id, "name": id.title(), "species": species, "breed": breed,
                                     "look": f"a {breed} {species}", "voice": voice})


def test_narrator_is_neutral_and_centred() -> None:
    voices = cast_voices(make_script())
    assert voices[NARRATOR].pitch == 1.0 and voices[NARRATOR].pan == 0.0 and voices[NARRATOR].pace == 1.0


def test_every_speaker_is_distinct() -> None:
    script = make_script()
    cast = [pet("hero", "cat", "ginger tabby"), pet("rival", "cat", "white Persian"),
            pet("wife", "cat", "siamese", "female"), pet("boss", "dog", "bulldog")]
    script = Script.model_validate({**script.model_dump(), "characters": [c.model_dump() for c in cast],
                                    "scenes": [{**s.model_dump(), "characters": [{"id": "hero"}]}
                                               for s in script.scenes]})
    voices = cast_voices(script)
    assert set(voices) == {NARRATOR, "hero", "rival", "wife", "boss"}
    for a, b in combinations(voices.values(), 2):
        apart = abs(a.pitch / b.pitch - 1) >= MIN_DISTANCE / 2 - 1e-3
        assert apart or (a.pan * b.pan < 0), (a, b)
    for v in voices.values():
        if v.speaker != NARRATOR:
            assert abs(v.pitch - 1.0) >= MIN_DISTANCE - 1e-3 and 0 < abs(v.pan) <= 0.3


def test_small_animals_sound_higher_than_big_ones() -> None:
    kitten, mastiff = pet("kit", "cat", "kitten"), pet("max", "dog", "English mastiff")
    assert size_factor(kitten) > size_factor(pet("tom", "cat", "tabby")) > size_factor(mastiff)
    assert character_voice(kitten).pitch > 1.0 > character_voice(mastiff).pitch
    assert character_voice(pet("c", "cat", "tabby", "child")).pitch > character_voice(pet("c", "cat", "tabby")).pitch


def test_voices_are_stable_for_a_character() -> None:
    assert cast_voices(make_script()) == cast_voices(make_script())
