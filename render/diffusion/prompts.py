"""What to ask the diffusion model for (pure): prompts, seeds, character-sheet keys, batches.

Character consistency rests on three things decided here: every prompt repeats each character's
``look`` verbatim, each character has its own stable seed (job seed + character id), and a
character sheet's file name is a hash of everything that determines its pixels, so a Remix with
the same seed finds and reuses the same sheet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from render.script import Character, Scene, Script
from render.styles import ART_STYLES, DEFAULT_ART_STYLE, ArtStyle

NEGATIVE_PROMPT = (
    "human, person, realistic human hands, text, watermark, signature, logo, blurry, low quality, "
    "deformed, disfigured, extra limbs, extra heads, bad anatomy, cropped, horizontal composition"
)
SEED_MASK = 0x7FFF_FFFF

_CAMERA_WORDS = {
    "static": "steady camera",
    "push_in": "slow push-in",
    "pull_out": "slow pull-out",
    "pan_left": "slow pan left",
    "pan_right": "slow pan right",
    "tilt_up": "slow tilt up",
    "tilt_down": "slow tilt down",
}


def stable_seed(*parts: object) -> int:
    """A 31-bit seed from a stable hash of ``parts`` (independent of PYTHONHASHSEED)."""
    text = "\x1f".join(str(p) for p in ("petreel", *parts))
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big") & SEED_MASK


def character_seed(job_seed: int, char_id: str) -> int:
    return stable_seed("character", job_seed, char_id)


def scene_seed(job_seed: int, index: int, scene: Scene) -> int:
    """Seed of one keyframe: the job seed, the scene's place in the story and its lead character."""
    return stable_seed("scene", job_seed, index, scene.characters[0].id)


def art_style(script: Script) -> ArtStyle:
    return ART_STYLES.get(script.art_style, ART_STYLES[DEFAULT_ART_STYLE])


def _words(value: str) -> str:
    return value.replace("_", " ")


def cast_line(script: Script, scene: Scene) -> str:
    """Each character of the scene: verbatim look, expression and outfit."""
    parts = []
    for appearance in scene.characters:
        char = script.character(appearance.id)
        text = f"{char.look}, {_words(appearance.expression)} expression"
        if appearance.outfit != "none":
            text += f", wearing {_words(appearance.outfit)}"
        parts.append(text)
    return "; ".join(parts)


def scene_prompt(script: Script, scene: Scene) -> str:
    """Art style, the scene's visual prompt, then the cast's verbatim looks.

    The short art style goes first because CLIP encoders (SD1.5/SDXL) keep only 77 tokens; the
    looks are also carried by the IP-Adapter sheets when those are on.
    """
    return (
        f"{art_style(script).prompt}, cartoon pets acting like humans. {scene.visual_prompt}. "
        f"{cast_line(script, scene)}. {scene.setting}, {scene.mood} mood, vertical 9:16 frame"
    )


def sheet_prompt(script: Script, char: Character) -> str:
    return (
        f"character reference sheet of {char.look}, a {char.breed} {char.species}, full body, front view, "
        f"standing, centered, plain white background. {art_style(script).prompt}"
    )


def motion_prompt(scene: Scene) -> str:
    """Prompt for image-to-video: the scene plus gentle motion and the scene's camera move."""
    return (
        f"{scene.visual_prompt}. {scene.setting}. The animals move naturally, subtle expressive motion, "
        f"{_CAMERA_WORDS.get(scene.camera, 'steady camera')}, {scene.mood} mood"
    )


def sheet_key(model: str, job_seed: int, script: Script, char: Character) -> str:
    """Hash naming a character sheet: same model, seed, character and art style -> same sheet."""
    text = "\x1f".join([model, str(job_seed), char.id, char.look, char.species, char.breed, art_style(script).id])
    return hashlib.sha256(text.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class KeyframeJob:
    """One image the painter asks for: a scene keyframe or a character sheet."""

    index: int
    prompt: str
    seed: int
    cast: tuple[str, ...] = ()  # character ids whose sheets condition this image (IP-Adapter)


def keyframe_jobs(script: Script, job_seed: int) -> list[KeyframeJob]:
    return [
        KeyframeJob(i, scene_prompt(script, scene), scene_seed(job_seed, i, scene),
                    tuple(a.id for a in scene.characters))
        for i, scene in enumerate(script.scenes)
    ]


def plan_batches(jobs: Sequence[KeyframeJob], max_batch: int, by_cast_size: bool) -> list[list[KeyframeJob]]:
    """Split jobs into batches of at most ``max_batch``; with IP-Adapter, a batch shares one cast size.

    (Per-image IP-Adapter embeddings are stacked per batch, so every image needs the same number.)
    """
    size = max(1, max_batch)
    groups: dict[int, list[KeyframeJob]] = {}
    for job in jobs:
        groups.setdefault(len(job.cast) if by_cast_size else 0, []).append(job)
    batches: list[list[KeyframeJob]] = []
    for key in sorted(groups):
        group = groups[key]
        batches.extend(group[i : i + size] for i in range(0, len(group), size))
    return batches
