"""Premise-to-clip rendering: ``render_clip(script, out_path, backends, spec, ...) -> ClipInfo``.

Straight-line stages over injected backends (``render.stages``): keyframes (with narration and
music synthesised meanwhile on two worker threads), narration placed per scene, music with ducking,
then frames (camera moves, crossfades, captions, title card) streamed to the composer.
``should_cancel()`` is polled between stages and scenes (and every second of frames);
when it returns True, ``petreel.errors.Cancelled`` is raised and the composer leaves nothing at
``out_path``. ``default_backends(settings)`` builds the CPU storyboard set or, when
``settings.render.backend == "diffusers"``, the GPU set from ``render.diffusion.backend``.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

from petreel.errors import Cancelled, RenderFailed
from petreel.settings import Settings
from render.animator import crossfaded, xfade_half
from render.captions import CaptionPainter, Cue, plan_cues, speaker_colours
from render.music import mix_tracks
from render.narrator import time_compress
from render.stages import (
    SAMPLE_RATE,
    Backends,
    CancelFn,
    ClipInfo,
    LayeredAnimator,
    LayeredPainter,
    ProgressFn,
    RenderSpec,
    SceneArt,
    SceneTiming,
    SpeechSegment,
    fit_samples,
    never_cancel,
    no_progress,
)
from render.yuv import Layer, rgb_to_i420
from story.script import Script

log = logging.getLogger(__name__)

NARRATION_LEAD_S = 0.15  # speech starts this long after its scene's cut
NARRATION_OVERLAP_S = 0.5  # speech may run this far into the next scene
MAX_SPEEDUP = 1.15  # narration longer than its room is time-compressed up to this much
END_TAIL_S = 0.3  # silence kept after the last line
TITLE_S = 2.0
TITLE_FADE_S = 0.4


# ---------------------------------------------------------------------------------------------- timeline (pure)


@dataclass(frozen=True)
class Timeline:
    durations: list[float]  # seconds per scene (the last may be extended for narration)
    frames: list[int]  # frames per scene, summing to the clip's frame count

    @property
    def n_frames(self) -> int:
        return sum(self.frames)


def frame_counts(durations: list[float], fps: int) -> list[int]:
    """Frames per scene from cumulative rounded cut positions (no drift over many scenes)."""
    cuts, t = [0], 0.0
    for d in durations:
        t += d
        cuts.append(round(t * fps))
    return [b - a for a, b in pairwise(cuts)]


def place_narration(clips: list[np.ndarray | None], durations: list[float], sr: int = SAMPLE_RATE,
                    ) -> tuple[np.ndarray, list[float]]:
    track, durations, _ = place_lines(clips, durations, sr)
    return track, durations


def place_lines(clips: list[np.ndarray | None], durations: list[float], sr: int = SAMPLE_RATE,
                ) -> tuple[np.ndarray, list[float], list[tuple[int, float, float]]]:
    """One narration track with each line starting at its scene's cut (plus a short lead).

    A line longer than its room (its scene plus ``NARRATION_OVERLAP_S`` of the next) is
    time-compressed up to ``MAX_SPEEDUP``; anything still longer is never cut: the next line starts
    after it and the last scene is extended. Returns the track and the (possibly extended) durations.
    """
    durations = list(durations)
    starts = np.cumsum([0.0, *durations[:-1]])
    placed: list[tuple[int, np.ndarray]] = []
    spans: list[tuple[int, float, float]] = []  # (scene, start s, end s) of each placed line
    cursor = 0.0
    for i, clip in enumerate(clips):
        if clip is None or clip.size == 0:
            continue
        start = max(float(starts[i]) + NARRATION_LEAD_S, cursor + 0.1 if cursor else 0.0)
        end_of_room = float(starts[i]) + durations[i] + (NARRATION_OVERLAP_S if i < len(clips) - 1 else -END_TAIL_S)
        room = max(0.5, end_of_room - start)
        if clip.size / sr > room:
            clip = time_compress(clip, min(MAX_SPEEDUP, clip.size / sr / room), sr)
        placed.append((round(start * sr), clip))
        cursor = start + clip.size / sr
        spans.append((i, start, cursor))
    total = sum(durations)
    if cursor + END_TAIL_S > total:
        durations[-1] += cursor + END_TAIL_S - total
    track = np.zeros(round(sum(durations) * sr), dtype=np.float32)
    for at, clip in placed:
        end = min(track.size, at + clip.size)
        track[at:end] += clip[: end - at]
    return track, durations, spans


def narration_segments(script: Script, spans: list[tuple[int, float, float]]) -> list[SpeechSegment]:
    """The narrator's lines on the timeline (one per scene that has narration audio)."""
    return [SpeechSegment(scene=i, start=start, end=end, speaker="narrator", text=script.scenes[i].narration)
            for i, start, end in spans]


# ---------------------------------------------------------------------------------------------- render


def render_clip(
    script: Script,
    out_path: Path,
    backends: Backends,
    spec: RenderSpec,
    progress: ProgressFn = no_progress,
    should_cancel: CancelFn = never_cancel,
    thumbnail: Path | None = None,
) -> ClipInfo:
    """Render ``script`` to an MP4 at ``out_path`` (written atomically) and return what was made;
    the thumbnail goes to ``thumbnail`` (default: ``out_path`` with ``.jpg``)."""

    def check() -> None:
        if should_cancel():
            raise Cancelled("render cancelled")

    n = len(script.scenes)
    planned = [s.duration for s in script.scenes]
    check()
    stop = threading.Event()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="audio") as pool:
        # 1. keyframes (narration and music are synthesised meanwhile, each on a worker thread: the
        #    serial TTS is the longest of the three, so the score must not wait behind it)
        speech = pool.submit(_narrate, script, backends, stop)
        score = pool.submit(_score, script, backends, spec.seed, stop)
        try:
            progress("keyframes", 0.0)
            arts = paint_scenes(script, backends, spec, progress, should_cancel)
            if len(arts) != n:
                raise RenderFailed(f"painter returned {len(arts)} keyframes for {n} scenes")
            progress("keyframes", 1.0)
            check()
            clips, music = speech.result(), score.result()
        finally:
            stop.set()  # the workers stop at their next step if the main thread failed
    # 2. narration per scene, placed on the timeline (its lines are the subtitles' timing)
    progress("narration", 1.0)
    narration, durations, spans = place_lines(clips, planned)
    lines = narration_segments(script, spans)
    timeline = Timeline(durations, frame_counts(durations, spec.fps))
    # 3. music + ducking
    check()
    if durations != planned:  # a long last line extended the clip: score the new length
        music = backends.music.score(_moods(script, durations), spec.seed)
    audio = mix_tracks(fit_samples(music, narration.size), narration if any(c is not None for c in clips) else None)
    progress("music", 1.0)
    # 4. frames (camera, moving characters and weather, crossfades, captions, subtitles) streamed as
    #    I420 to the composer
    check()
    frames = _frames(script, arts, backends, spec, timeline, lines, progress, check)
    info = backends.composer.compose(frames, audio, spec, Path(out_path), timeline.n_frames, thumbnail=thumbnail)
    progress("compose", 1.0)
    return info


def _moods(script: Script, durations: list[float]) -> list[tuple[str, float]]:
    return [(s.mood, d) for s, d in zip(script.scenes, durations, strict=True)]


def _narrate(script: Script, backends: Backends, stop: threading.Event) -> list[np.ndarray | None]:
    """Narration lines, on a worker thread (TTS releases the GIL while the painter works). Polls
    ``stop``, never ``should_cancel``: that may touch thread-bound resources such as the job store."""
    clips: list[np.ndarray | None] = []
    for scene in script.scenes:
        if stop.is_set():
            raise Cancelled("narration stopped")
        clips.append(backends.narrator.speak(scene.narration, script.language, "narrator"))
    return clips


def _score(script: Script, backends: Backends, seed: int, stop: threading.Event) -> np.ndarray:
    """The score for the planned durations, on a worker thread (numpy releases the GIL)."""
    if stop.is_set():
        raise Cancelled("music stopped")
    return backends.music.score(_moods(script, [s.duration for s in script.scenes]), seed)


def paint_scenes(script: Script, backends: Backends, spec: RenderSpec, progress: ProgressFn,
                 should_cancel: CancelFn) -> list[SceneArt]:
    """Each scene as layers: from a ``LayeredPainter``, or a plain keyframe with no sprites."""
    painter = backends.painter
    if isinstance(painter, LayeredPainter):
        return painter.paint_layers(script, spec, progress, should_cancel)
    keyframes = painter.paint(script, spec, progress, should_cancel)
    return [SceneArt(background=k, sprites=[], weather=scene.weather)
            for k, scene in zip(keyframes, script.scenes, strict=False)]


def _frames(script: Script, arts: list[SceneArt], backends: Backends, spec: RenderSpec, timeline: Timeline,
            speech: list[SpeechSegment], progress: ProgressFn, check: Callable[[], None] | None = None,
            ) -> Iterator[np.ndarray]:
    painter = CaptionPainter(spec.width, spec.height, script.language,
                             colours=speaker_colours([c.id for c in script.characters]))
    captions = [painter.caption(s.caption) for s in script.scenes]
    title = painter.title(script.title)
    cues = plan_cues(speech, painter.paginate, {c.id: c.name for c in script.characters})
    drawn: dict[Cue, Layer] = {}
    half = xfade_half(spec.fps, timeline.frames)
    last = len(script.scenes) - 1
    cuts = [0, *itertools.accumulate(timeline.frames)]
    animator = backends.animator

    def scene_streams() -> Iterator[Iterator[np.ndarray]]:
        for i, (scene, art) in enumerate(zip(script.scenes, arts, strict=True)):
            lead, tail = (half if i > 0 else 0), (half if i < last else 0)
            n = timeline.frames[i] + lead + tail
            if isinstance(animator, LayeredAnimator):
                timing = SceneTiming(cuts[i] / spec.fps, timeline.frames[i] / spec.fps, lead, tuple(speech))
                yield animator.layered_frames(art, scene, spec, n, timing)
            else:  # an RGB animator (image-to-video): converted once per frame
                yield (rgb_to_i420(f) for f in animator.frames(art.flatten(), scene, spec, n))

    owners = [i for i, count in enumerate(timeline.frames) for _ in range(count)]
    title_frames, fade_frames = round(TITLE_S * spec.fps), max(1, round(TITLE_FADE_S * spec.fps))
    total = timeline.n_frames
    for k, frame in enumerate(crossfaded(scene_streams(), half)):
        if k % spec.fps == 0:
            if check is not None:
                check()
            progress("compose", k / total)
        if not frame.flags.writeable:
            frame = frame.copy()
        if k < title_frames:  # title card over the first seconds, fading out; then the headline
            title.apply(frame, min(1.0, (title_frames - k) / fade_frames))
        else:
            captions[owners[min(k, total - 1)]].apply(frame)
        t = k / spec.fps
        showing = [cue for cue in cues if cue.shows(t)]
        if showing:  # the latest line on screen (lines do not overlap on the timeline)
            cue = showing[-1]
            if cue not in drawn:
                drawn.clear()  # earlier cues are done: keep one drawn at a time
                drawn[cue] = painter.subtitle(cue)
            drawn[cue].apply(frame)
        yield frame




# ---------------------------------------------------------------------------------------------- wiring


def render_spec(settings: Settings, seed: int = 0) -> RenderSpec:
    r = settings.render
    return RenderSpec(width=r.width, height=r.height, fps=r.fps, crf=r.crf, preset=r.preset, seed=seed)
