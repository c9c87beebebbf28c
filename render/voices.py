"""Who sounds like what: one ``VoiceProfile`` per speaker of a script (pure).

The narrator keeps the engine's own voice, centred. Each character gets a profile from its
script voice (male, female, child), its size (a kitten or a chihuahua sounds higher than a
mastiff) and a small per-character offset, so two characters of the same kind still differ; and a
place in the stereo field (slightly left or right, never hard-panned).

``pitch`` is applied by resampling: the voice is synthesised ``pitch`` times slower (piper's
``length_scale``) and then played back ``pitch`` times faster, which raises pitch and formants
together (a smaller animal has a shorter vocal tract) while the duration comes out as asked and no
time-stretching artefacts are added. ``pace`` > 1 is slower speech.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from story.script import Character, Script

NARRATOR = "narrator"
# (pitch, pace) per script voice; the narrator is the engine's voice unchanged
_BASE = {"narrator": (1.0, 1.0), "male": (0.95, 1.03), "female": (1.25, 0.98), "child": (1.4, 0.96)}
# body size per species and breed words: higher pitch for small animals
_SMALL = re.compile(
    r"kitten|puppy|chihuahua|pomeranian|yorkshire|yorkie|maltese|papillon|toy|teacup|shih ?tzu|pug|"
    r"dachshund|corgi|munchkin|singapura|bichon|poodle|small|tiny|little|mini", re.I)
_BIG = re.compile(
    r"mastiff|great dane|saint bernard|st\.? bernard|newfoundland|bernese|rottweiler|shepherd|husky|"
    r"malamute|retriever|labrador|doberman|akita|wolfhound|leonberger|maine coon|ragdoll|big|large|giant|fat",
    re.I)
_SPECIES = {"cat": 1.12, "dog": 0.94}  # pets in this genre speak in cartoon voices: cats high, dogs low
MIN_DISTANCE = 0.12  # a character's pitch is at least this far (ratio) from the narrator's
PAN_WIDTH = 0.3  # characters sit at most this far off centre (-1 left .. 1 right)
PITCH_RANGE = (0.75, 1.6)


@dataclass(frozen=True)
class VoiceProfile:
    """How one speaker's lines are synthesised and placed."""

    speaker: str = NARRATOR  # "narrator" or a character id
    kind: str = "narrator"  # the script voice: narrator | male | female | child
    pitch: float = 1.0  # pitch and formant ratio (1 = the engine's voice)
    pace: float = 1.0  # length ratio (> 1 slower)
    pan: float = 0.0  # -1 left .. 1 right


NARRATOR_VOICE = VoiceProfile()


def _unit(key: str) -> float:
    """A stable number in [-1, 1] from ``key`` (no randomness: a seed reproduces a clip)."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") / 0xFFFFFFFF * 2 - 1


def size_factor(character: Character) -> float:
    """Pitch factor from species and breed: small animals higher, big ones lower."""
    factor = _SPECIES.get(character.species, 1.0)
    text = f"{character.breed} {character.look}"
    if _SMALL.search(character.breed) or (_SMALL.search(text) and not _BIG.search(character.breed)):
        factor *= 1.08
    elif _BIG.search(character.breed) or _BIG.search(text):
        factor *= 0.9
    return factor


def character_voice(character: Character, index: int = 0) -> VoiceProfile:
    """The profile of one character; ``index`` (its place in the cast) alternates the pan side."""
    kind = character.voice if character.voice != "narrator" else _default_kind(character)
    base_pitch, pace = _BASE[kind]
    pitch = base_pitch * size_factor(character) * (1 + 0.035 * _unit(f"pitch:{character.id}"))
    if abs(pitch - 1.0) < MIN_DISTANCE:  # never mistakable for the narrator
        pitch = 1.0 + MIN_DISTANCE if pitch >= 1.0 else 1.0 - MIN_DISTANCE
    pitch = min(PITCH_RANGE[1], max(PITCH_RANGE[0], pitch))
    side = -1.0 if index % 2 == 0 else 1.0
    pan = side * PAN_WIDTH * (0.7 + 0.3 * abs(_unit(f"pan:{character.id}")))
    return VoiceProfile(speaker=character.id, kind=kind, pitch=round(pitch, 4), pace=pace, pan=round(pan, 3))


def _default_kind(character: Character) -> str:
    """A character the writer left on the narrator's voice still gets a voice of its own."""
    return "child" if _SMALL.search(character.breed) else "male"


def cast_voices(script: Script) -> dict[str, VoiceProfile]:
    """Every speaker of ``script``: the narrator plus each character, by id.

    Characters that end up too close to one another (same kind, same size) are spread apart, so
    that any two speakers differ by at least ``MIN_DISTANCE`` in pitch or sit on opposite sides.
    """
    voices = {NARRATOR: NARRATOR_VOICE}
    taken: list[float] = [1.0]
    for i, character in enumerate(script.characters):
        voice = character_voice(character, i)
        pitch = voice.pitch
        for _ in range(4):
            if all(abs(pitch / p - 1.0) >= MIN_DISTANCE / 2 for p in taken):
                break
            pitch *= 1.0 + MIN_DISTANCE / 2 if pitch >= 1.0 else 1.0 - MIN_DISTANCE / 2
        pitch = min(PITCH_RANGE[1], max(PITCH_RANGE[0], pitch))
        taken.append(pitch)
        voices[character.id] = VoiceProfile(voice.speaker, voice.kind, round(pitch, 4), voice.pace, voice.pan)
    return voices
