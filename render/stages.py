"""Render stage Protocols and the value types that flow between them.

Every backend (CPU storyboard defaults in this package, the diffusers GPU backend in
``render/diffusers_backend.py``) implements these. The pipeline (``render/pipeline.py``) only
talks to the Protocols, so tests and the worker choose backends by injection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np
from PIL import Image

from render.script import Scene, Script

# progress(stage, fraction 0..1); stage names: "script", "keyframes", "narration", "music", "compose"
ProgressFn = Callable[[str, float], None]
# should_cancel() is polled between stages/scenes; True raises petreel.errors.Cancelled
CancelFn = Callable[[], bool]

SAMPLE_RATE = 48_000  # audio sample rate used by every audio stage (mono float32 in [-1, 1])


def no_progress(stage: str, fraction: float) -> None:
    return None


def never_cancel() -> bool:
    return False


@dataclass(frozen=True)
class RenderSpec:
    width: int = 720
    height: int = 1280
    fps: int = 24
    crf: int = 23
    preset: str = "veryfast"
    seed: int = 0


@dataclass(frozen=True)
class ClipInfo:
    """What the composer produced; stored in the clips table and passed to sendVideo."""

    path: Path
    thumbnail: Path
    width: int
    height: int
    duration: float
    size_bytes: int


@runtime_checkable
class KeyframePainter(Protocol):
    def paint(self, script: Script, spec: RenderSpec, progress: ProgressFn, should_cancel: CancelFn) -> list[Image.Image]:
        """One keyframe per scene, each ``spec.width`` x ``spec.height`` RGB (or larger, for camera motion)."""
        ...


@runtime_checkable
class Animator(Protocol):
    def frames(self, keyframe: Image.Image, scene: Scene, spec: RenderSpec, n_frames: int) -> Iterator[np.ndarray]:
        """``n_frames`` frames (H, W, 3) uint8 of the scene's camera move over its keyframe."""
        ...


@runtime_checkable
class Narrator(Protocol):
    def speak(self, text: str, language: str, voice: str) -> np.ndarray | None:
        """Mono float32 audio at SAMPLE_RATE, or None when no TTS engine is available (logged warning)."""
        ...


@runtime_checkable
class MusicMaker(Protocol):
    def score(self, moods: list[tuple[str, float]], seed: int) -> np.ndarray:
        """Mono float32 music at SAMPLE_RATE following (mood, seconds) segments."""
        ...


@runtime_checkable
class Composer(Protocol):
    def compose(
        self,
        frames: Iterator[np.ndarray],
        audio: np.ndarray,
        spec: RenderSpec,
        out_path: Path,
        n_frames: int,
    ) -> ClipInfo:
        """Encode frames + audio into an inline-playable MP4 at ``out_path`` (atomically) plus a thumbnail."""
        ...


def blank_frame(spec: RenderSpec) -> np.ndarray:
    return np.zeros((spec.height, spec.width, 3), dtype=np.uint8)


@dataclass
class Backends:
    """The set of stages one render uses."""

    painter: KeyframePainter
    animator: Animator
    narrator: Narrator
    music: MusicMaker
    composer: Composer
    name: str = "storyboard"


StageOutput = tuple[list[Image.Image], np.ndarray]
