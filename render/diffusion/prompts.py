"""What to ask the diffusion model for (pure): prompts, seeds, character-sheet keys, batches.

Character consistency rests on three things decided here: every prompt repeats each character's
``look`` verbatim, each character has its own stable seed (job seed + character id), and a
character sheet's file name is a hash of everything that determines its pixels, so a Remix with
the same seed finds and reuses the same sheet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from story.script import Character, Scene, Script
from story.styles import ART_STYLES, DEFAULT_ART_STYLE, ArtStyle

NEGATIVE_PARTS = (
    "human, person, realistic human hands",
    "text, watermark, signature, logo",
    "blurry, low quality, deformed, disfigured",
    "extra limbs, extra heads, bad anatomy",
    "cropped, horizontal composition",
)
NEGATIVE_PROMPT = ", ".join(NEGATIVE_PARTS)
SEED_MASK = 0x7FFF_FFFF
PART_SEP = ". "

# fits(text) -> True when ``text`` stays within one text encoder's token budget (runtime.prompt_fitters)
Fits = Callable[[str], bool]

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


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" .,;")


def fit(parts: Sequence[str], fits: Fits | None = None) -> str:
    """Join ``parts`` (most important first) into one prompt that ``fits`` the text encoder.

    Whole parts are kept in order while they fit; the first part that does not fit is cut at a
    word boundary (at a character for text without spaces, such as Chinese) and the rest is left
    out. So the tokenizer never has to truncate, and what is lost is always the least important.
    """
    kept: list[str] = []
    for part in filter(None, map(_clean, parts)):
        if fits is None or fits(PART_SEP.join([*kept, part])):
            kept.append(part)
            continue
        head = _longest_head(kept, part, fits)
        if head:
            kept.append(head)
        break
    return PART_SEP.join(kept)


def _longest_head(kept: list[str], part: str, fits: Fits) -> str:
    """The longest beginning of ``part`` (whole words; characters when it has no spaces) that still
    fits after ``kept`` (binary search: the token count grows with the prefix)."""
    words = part.split()
    pieces, glue = (words, " ") if len(words) > 1 else (list(part), "")
    lo, hi = 0, len(pieces)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(PART_SEP.join([*kept, glue.join(pieces[:mid])])):
            lo = mid
        else:
            hi = mid - 1
    return glue.join(pieces[:lo]).strip(" .,;")


def cast_parts(script: Script, scene: Scene) -> list[str]:
    """Each character of the scene: verbatim look, expression and outfit (one part per character)."""
    parts = []
    for appearance in scene.characters:
        char = script.character(appearance.id)
        text = f"{_clean(char.look)}, {_words(appearance.expression)} expression"
        if appearance.outfit != "none":
            text += f", wearing {_words(appearance.outfit)}"
        parts.append(text)
    return parts


def cast_line(script: Script, scene: Scene) -> str:
    return "; ".join(cast_parts(script, scene))


def scene_parts(script: Script, scene: Scene) -> list[str]:
    """A keyframe prompt's parts, most important first.

    CLIP text encoders (SD1.5/SDXL, FLUX's pooled one) read 77 tokens, so ``fit`` keeps the head:
    the short art style (the look of the whole clip), then each character's verbatim look with
    expression and outfit (consistency from scene to scene), then the scene's action, then place
    and mood, and last the generic framing words.
    """
    return [
        art_style(script).prompt,
        *cast_parts(script, scene),
        scene.visual_prompt,
        f"{scene.setting}, {scene.mood} mood",
        "cartoon pets acting like humans, vertical 9:16 frame",
    ]


def scene_prompt(script: Script, scene: Scene, fits: Fits | None = None) -> str:
    return fit(scene_parts(script, scene), fits)


def sheet_parts(script: Script, char: Character) -> list[str]:
    return [
        f"character reference sheet of {_clean(char.look)}",
        art_style(script).prompt,
        "full body, front view, standing, centered, plain white background",
        f"a {char.breed} {char.species}",
    ]


def sheet_prompt(script: Script, char: Character, fits: Fits | None = None) -> str:
    return fit(sheet_parts(script, char), fits)


def motion_parts(scene: Scene) -> list[str]:
    """Image-to-video prompt parts: the action, the camera move, gentle motion, then place and mood."""
    return [
        scene.visual_prompt,
        _CAMERA_WORDS.get(scene.camera, "steady camera"),
        "the animals move naturally, subtle expressive motion",
        f"{scene.setting}, {scene.mood} mood",
    ]


def motion_prompt(scene: Scene, fits: Fits | None = None) -> str:
    return fit(motion_parts(scene), fits)


def sheet_key(model: str, job_seed: int | None, script: Script, char: Character) -> str:
    """Hash naming a character sheet: same model, seed, character and art style -> same sheet.

    ``job_seed=None`` hashes the pet's identity alone (model, character, art style): the name a job
    stores its sheets under, so a Remix can find the parent's sheet of every unchanged character.
    """
    seed = "-" if job_seed is None else str(job_seed)
    text = "\x1f".join([model, seed, char.id, char.look, char.species, char.breed, art_style(script).id])
    return hashlib.sha256(text.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class KeyframeJob:
    """One image the painter asks for: a scene keyframe or a character sheet."""

    index: int
    prompt: str  # the whole prompt; what a text encoder gets is ``fit(parts)`` for its budget
    seed: int
    cast: tuple[str, ...] = ()  # character ids whose sheets condition this image (IP-Adapter)
    parts: tuple[str, ...] = ()  # the prompt's parts, most important first (empty: just ``prompt``)

    def fitted(self, fits: Fits | None) -> str:
        return fit(self.parts or (self.prompt,), fits)


def keyframe_jobs(script: Script, job_seed: int) -> list[KeyframeJob]:
    return [
        KeyframeJob(i, scene_prompt(script, scene), scene_seed(job_seed, i, scene),
                    tuple(a.id for a in scene.characters), tuple(scene_parts(script, scene)))
        for i, scene in enumerate(script.scenes)
    ]


def sheet_job(index: int, script: Script, char: Character, job_seed: int) -> KeyframeJob:
    parts = tuple(sheet_parts(script, char))
    return KeyframeJob(index, fit(parts), character_seed(job_seed, char.id), (), parts)


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
