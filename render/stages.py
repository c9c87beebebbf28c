"""Render stage Protocols and the value types that flow between them.

Every backend (CPU storyboard defaults in this package, the diffusers GPU backend in
``render/diffusion/backend.py``) implements these. The pipeline (``render/pipeline.py``) only
talks to the Protocols, so tests and the worker choose backends by injection.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np
from PIL import Image

from render.voices import VoiceProfile
from story.script import Scene, Script

if TYPE_CHECKING:
    from render.timeline import Timeline

# progress(stage, fraction 0..1); stage names: "script", "keyframes", "narration", "music", "compose"
ProgressFn = Callable[[str, float], None]
# should_cancel() is polled between stages/scenes; True raises petreel.errors.Cancelled
CancelFn = Callable[[], bool]

SAMPLE_RATE = 48_000  # audio sample rate used by every audio stage (float32 in [-1, 1])


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
    # where every scene and spoken line fell on the clip (``render_clip`` fills it; a composer leaves it out)
    timeline: Timeline | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class SpeechSegment:
    """One spoken line placed on the clip's timeline (what subtitles are timed by)."""

    scene: int  # index into script.scenes
    start: float  # seconds from the first frame
    end: float
    speaker: str  # "narrator" or a character id
    text: str


@dataclass
class Sprite:
    """A pre-drawn character (or moving prop) layer placed on a scene's background.

    Arrays are straight-alpha RGBA uint8, (h, w, 4), at keyframe scale; ``x``, ``y`` is the
    top-left corner at rest, in keyframe pixels. ``blink`` and ``talk`` are same-size variants
    (eyes closed; mouth open) shown by the animator: blinks now and then, the mouth while
    ``speaker`` has a line on the timeline. ``motion`` is the body movement over the scene.
    """

    rgba: np.ndarray
    x: float
    y: float
    motion: str = "idle"  # idle (breathe/bob) | still | shiver | bounce | enter_left | enter_right | exit_left | exit_right
    blink: np.ndarray | None = None
    talk: np.ndarray | None = None
    speaker: str | None = None  # character id whose lines move this sprite's mouth
    phase: float = 0.0  # offsets the idle cycle so two characters don't bob in step


@dataclass
class SceneArt:
    """A scene as layers: the background with everything static (the keyframe minus the sprites),
    the moving sprites in back-to-front order, and falling weather drawn by the animator."""

    background: Image.Image  # RGB, ``overscan_size(spec)``
    sprites: list[Sprite]
    weather: str = "clear"  # clear | rain | snow | storm

    def flatten(self) -> Image.Image:
        """The still keyframe: every sprite at rest pasted on the background."""
        out = self.background.copy()
        for sp in self.sprites:
            layer = Image.fromarray(sp.rgba, "RGBA")
            out.paste(layer, (round(sp.x), round(sp.y)), layer)
        return out


@runtime_checkable
class LayeredPainter(Protocol):
    """A painter that also gives each scene as layers, so characters can move on a CPU budget."""

    def paint_layers(
        self, script: Script, spec: RenderSpec, progress: ProgressFn, should_cancel: CancelFn
    ) -> list[SceneArt]: ...


@dataclass(frozen=True)
class SceneTiming:
    """Where a scene's frame stream sits on the clip's timeline (what motion and mouths are timed by)."""

    start: float  # clip time of the scene's cut (its first own frame)
    duration: float  # seconds the scene is on screen
    lead: int = 0  # frames the stream carries before the cut (the crossfade's first half)
    speech: tuple[SpeechSegment, ...] = ()  # every line of the clip (a mouth moves while its line plays)

    def clip_time(self, k: int, fps: int) -> float:
        """Clip time of frame ``k`` of the scene's stream."""
        return self.start + (k - self.lead) / fps


@runtime_checkable
class LayeredAnimator(Protocol):
    def layered_frames(self, art: SceneArt, scene: Scene, spec: RenderSpec, n_frames: int,
                       timing: SceneTiming) -> Iterator[np.ndarray]:
        """``n_frames`` I420 frames (``render.yuv``: ``(h * 3 // 2, w)`` uint8) of the camera over
        ``art.background`` with the sprites moving and the weather falling."""
        ...


@runtime_checkable
class SpeakerTracker(Protocol):
    """A layered animator that can say where each speaking character is drawn, frame by frame
    (the subtitles' name tag and marker follow it)."""

    def heads(self, art: SceneArt, scene: Scene, spec: RenderSpec, n_frames: int,
              timing: SceneTiming) -> dict[str, np.ndarray]:
        """Per speaker (``Sprite.speaker``), an ``(n_frames, 2)`` array of where its head is in each
        frame ``layered_frames`` gives for the same arguments: (centre x, top y) in frame pixels."""
        ...


@runtime_checkable
class PlaceNamer(Protocol):
    """A painter that draws some scenes as a named shop or venue (a BAKERY sign, a GYM banner): each such scene's
    headline names it ("Bakery", not "Shop"), before anything is spoken or painted."""

    def place_captions(self, script: Script) -> Script: ...


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
    def speak(self, text: str, language: str, voice: VoiceProfile) -> np.ndarray | None:
        """Mono float32 audio at SAMPLE_RATE in ``voice`` (``render.voices``), trimmed of leading and
        trailing silence, or None when no TTS engine is available (logged warning)."""
        ...


@runtime_checkable
class MusicMaker(Protocol):
    def stream(self, moods: list[tuple[str, float]], seed: int) -> Iterator[np.ndarray]:
        """Stereo (n, 2) float32 blocks at SAMPLE_RATE following (mood, seconds) segments, made as
        they are asked for; no blocks at all means no music."""
        ...


@runtime_checkable
class Composer(Protocol):
    def compose(
        self,
        frames: Iterator[np.ndarray],
        audio: np.ndarray | Path,
        spec: RenderSpec,
        out_path: Path,
        n_frames: int,
        thumbnail: Path | None = None,
    ) -> ClipInfo:
        """Encode frames + audio (a stereo WAV, or a mono/(n, 2) array) into an inline-playable MP4 at
        ``out_path`` (atomically) plus a thumbnail at ``thumbnail`` (default: ``out_path`` with ``.jpg``)."""
        ...


OVERSCAN = 1.12  # keyframe size / video frame size: the camera's room to pan and zoom


def overscan_size(spec: RenderSpec) -> tuple[int, int]:
    """Keyframe size every painter delivers for ``spec``: about 1.12x the video frame, even numbers."""

    def even(v: float) -> int:
        return max(2, 2 * math.ceil(v / 2))

    return even(spec.width * OVERSCAN), even(spec.height * OVERSCAN)


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
