"""Premise-to-clip rendering: ``render_clip(script, out_path, backends, spec, ...) -> ClipInfo``.

Straight-line stages over injected backends (``render.stages``), after each scene's headline is made to name
the shop or venue it is drawn as, where the painter draws one (a ``PlaceNamer``: "Gym", not "Stadium"):

1. every spoken line (narration and dialogue, each speaker in its own voice, ``render.voices``),
   in a child process that exits before step 2 when the engine asks for one (``render.speech``:
   the TTS engine's and the painter's memory peaks do not add);
2. keyframes (as layers where the painter gives them);
3. the timeline (``render.timeline``): scene lengths follow the speech and every line becomes a
   ``SpeechSegment`` on the clip; step 5 times subtitles and mouths by these;
4. the sound (``render.mixer``): music streamed under the speech, ducked, mixed in stereo and
   mastered in blocks to a WAV file;
5. frames (camera, moving characters and weather, crossfades, captions, subtitles) streamed as I420
   to the composer with that WAV.

``should_cancel()`` is polled between stages and scenes (and every second of frames); when it
returns True, ``petreel.errors.Cancelled`` is raised and the composer leaves nothing at
``out_path``. ``default_backends(settings)`` builds the CPU storyboard set or, when
``settings.render.backend == "diffusers"``, the GPU set from ``render.diffusion.backend``.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from petreel.errors import Cancelled, RenderFailed
from petreel.settings import Settings
from render.animator import crossfaded, xfade_half
from render.captions import CaptionPainter, Cue, SpeakerMarks, plan_cues, speaker_colours
from render.composer import ffmpeg_exe
from render.mixer import Placed, mix_to_wav
from render.speech import Spoken, speak_script
from render.stages import (
    SAMPLE_RATE,
    Backends,
    CancelFn,
    ClipInfo,
    LayeredAnimator,
    LayeredPainter,
    PlaceNamer,
    ProgressFn,
    RenderSpec,
    SceneArt,
    SceneTiming,
    SpeakerTracker,
    SpeechSegment,
    never_cancel,
    no_progress,
    overscan_size,
)
from render.timeline import Line, Timeline, frame_counts, plan_timeline
from render.voices import NARRATOR_VOICE, VoiceProfile, cast_voices
from render.yuv import Layer, rgb_to_i420
from story.script import Script

__all__ = ["Timeline", "frame_counts", "paint_scenes", "render_clip", "render_spec"]

log = logging.getLogger(__name__)

TITLE_S = 2.0
TITLE_FADE_S = 0.4

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
    """Render ``script`` to an MP4 at ``out_path`` (written atomically) and return what was made,
    with the timeline it followed; the thumbnail goes to ``thumbnail`` (default: ``out_path`` with ``.jpg``)."""

    def check() -> None:
        if should_cancel():
            raise Cancelled("render cancelled")

    if isinstance(backends.painter, PlaceNamer):  # the headline names the bakery or the gym the scene is drawn as
        script = backends.painter.place_captions(script)
    n = len(script.scenes)
    voices = cast_voices(script)
    check()
    # 1. every spoken line, first: the TTS engine speaks in a child process that exits before the
    #    painting starts (render/speech.py), so the engine's and the painter's memory peaks never add
    progress("narration", 0.0)
    spoken = speak_script(script, backends.narrator, voices, check, progress)
    progress("narration", 1.0)
    check()
    # 2. keyframes (as layers where the painter gives them)
    progress("keyframes", 0.0)
    arts = paint_scenes(script, backends, spec, progress, should_cancel)
    if len(arts) != n:
        raise RenderFailed(f"painter returned {len(arts)} keyframes for {n} scenes")
    progress("keyframes", 1.0)
    # 3. the timeline: scene lengths follow the speech, every line placed on the clip
    timeline = plan_timeline(
        [[Line(who, text, 0.0 if audio is None else audio.size / SAMPLE_RATE) for who, text, audio in scene]
         for scene in spoken],
        [s.duration for s in script.scenes], spec.fps)
    check()
    with tempfile.TemporaryDirectory(prefix="petreel-audio-") as tmp:
        # 4. the sound: music under the speech, mixed and mastered in blocks to a stereo WAV; the
        #    speech is in that file now, so its arrays go before the frames start
        progress("music", 0.0)
        wav = Path(tmp) / "mix.wav"
        placed = place_speech(spoken, timeline, voices)
        del spoken
        moods: list[tuple[str, float]] = [(s.mood, d) for s, d in zip(script.scenes, timeline.durations, strict=True)]
        n_samples = round(timeline.n_frames / spec.fps * SAMPLE_RATE)
        mix_to_wav(wav, Path(tmp) / "mix.f32", n_samples, placed, backends.music.stream(moods, spec.seed),
                   timeline.segments, ffmpeg_exe())
        del placed
        progress("music", 1.0)
        # 5. frames (camera, moving characters and weather, crossfades, captions, subtitles) streamed
        #    as I420 to the composer; each scene's art is let go after its last frame
        check()
        progress("compose", 0.0)
        frames = _frames(script, arts, backends, spec, timeline, timeline.segments, progress, check)
        info = backends.composer.compose(frames, wav, spec, Path(out_path), timeline.n_frames,
                                         thumbnail=thumbnail)
    progress("compose", 1.0)
    return dataclasses.replace(info, timeline=timeline)


def place_speech(spoken: Spoken, timeline: Timeline, voices: dict[str, VoiceProfile]) -> list[Placed]:
    """Each synthesised line at its segment's start, panned to its speaker's place."""
    clips = [(who, audio) for scene in spoken for who, _, audio in scene if audio is not None and audio.size]
    if len(clips) != len(timeline.segments):
        raise RenderFailed(f"{len(clips)} spoken lines for {len(timeline.segments)} segments")
    return [Placed(round(seg.start * SAMPLE_RATE), audio, voices.get(who, NARRATOR_VOICE).pan)
            for (who, audio), seg in zip(clips, timeline.segments, strict=True)]


def paint_scenes(script: Script, backends: Backends, spec: RenderSpec, progress: ProgressFn,
                 should_cancel: CancelFn) -> list[SceneArt]:
    """Each scene as layers: from a ``LayeredPainter``, or a plain keyframe with no sprites."""
    painter = backends.painter
    if isinstance(painter, LayeredPainter):
        return painter.paint_layers(script, spec, progress, should_cancel)
    keyframes = painter.paint(script, spec, progress, should_cancel)
    return [SceneArt(background=k, sprites=[], weather=scene.weather)
            for k, scene in zip(keyframes, script.scenes, strict=False)]


def speaker_spots(arts: list[SceneArt], spec: RenderSpec) -> dict[tuple[int, str], tuple[float, float]]:
    """Where each speaking pet's head is at rest, (centre x, top y) in frame fractions, per (scene,
    speaker), from the painter's sprites (none for a painter without sprites)."""
    ow, oh = overscan_size(spec)
    dx, dy = (ow - spec.width) / 2, (oh - spec.height) / 2
    spots: dict[tuple[int, str], tuple[float, float]] = {}
    for i, art in enumerate(arts):
        for sp in art.sprites:
            alpha = sp.rgba[..., 3] if sp.rgba.ndim == 3 and sp.rgba.shape[2] == 4 else None
            if sp.speaker is None or alpha is None:
                continue
            rows, cols = np.flatnonzero(alpha.max(axis=1)), np.flatnonzero(alpha.max(axis=0))
            if rows.size:
                spots[(i, sp.speaker)] = ((sp.x + (cols[0] + cols[-1]) / 2 - dx) / spec.width,
                                          (sp.y + rows[0] - dy) / spec.height)
    return spots


def _frames(script: Script, arts: list[SceneArt], backends: Backends, spec: RenderSpec, timeline: Timeline,
            speech: list[SpeechSegment], progress: ProgressFn, check: Callable[[], None] | None = None,
            ) -> Iterator[np.ndarray]:
    painter = CaptionPainter(spec.width, spec.height, script.language,
                             colours=speaker_colours([c.id for c in script.characters]))
    captions = [painter.caption(s.caption) for s in script.scenes]
    title = painter.title(script.title)
    cues = plan_cues(speech, painter.paginate, {c.id: c.name for c in script.characters},
                     speaker_spots(arts, spec))
    drawn: dict[Cue, tuple[Layer, SpeakerMarks | None]] = {}
    half = xfade_half(spec.fps, timeline.frames)
    last = len(script.scenes) - 1
    cuts = [0, *itertools.accumulate(timeline.frames)]
    animator = backends.animator

    pending = deque(arts)
    arts.clear()  # from here on only ``pending`` holds the scenes' art: each goes after its last frame
    talking = {cue.scene for cue in cues if cue.label is not None}  # scenes with a character's line
    heads: dict[int, tuple[int, dict[str, np.ndarray]]] = {}  # scene: (its stream's first clip frame, paths)

    def scene_streams() -> Iterator[Iterator[np.ndarray]]:
        for i, scene in enumerate(script.scenes):
            art = pending.popleft()
            lead, tail = (half if i > 0 else 0), (half if i < last else 0)
            n = timeline.frames[i] + lead + tail
            if isinstance(animator, LayeredAnimator):
                timing = SceneTiming(cuts[i] / spec.fps, timeline.frames[i] / spec.fps, lead, tuple(speech))
                if i in talking and isinstance(animator, SpeakerTracker):  # where its speakers are drawn
                    heads[i] = (cuts[i] - lead, animator.heads(art, scene, spec, n, timing))
                yield animator.layered_frames(art, scene, spec, n, timing)
            else:  # an RGB animator (image-to-video): converted once per frame
                yield (rgb_to_i420(f) for f in animator.frames(art.flatten(), scene, spec, n))

    def head(cue: Cue, k: int) -> tuple[float, float] | None:
        """Where ``cue``'s speaker's head is drawn in clip frame ``k`` (frame pixels): tracked through
        the camera and the pet's own motion where the animator can say, else its resting spot."""
        first, paths = heads.get(cue.scene, (0, {}))
        path = paths.get(cue.speaker)
        if path is not None:
            x, y = path[min(max(0, k - first), len(path) - 1)]
            return float(x), float(y)
        return None if cue.spot is None else (cue.spot[0] * spec.width, cue.spot[1] * spec.height)

    owners = [i for i, count in enumerate(timeline.frames) for _ in range(count)]
    title_frames, fade_frames = round(TITLE_S * spec.fps), max(1, round(TITLE_FADE_S * spec.fps))
    total = timeline.n_frames
    upcoming = 0  # cues[:upcoming] have started
    for k, frame in enumerate(crossfaded(scene_streams(), half)):
        if k % spec.fps == 0:
            if check is not None:
                check()
            progress("compose", k / total)
        if not frame.flags.writeable:
            frame = frame.copy()
        top = title if k < title_frames else captions[owners[min(k, total - 1)]]
        if k < title_frames:  # title card over the first seconds, fading out; then the headline
            title.apply(frame, min(1.0, (title_frames - k) / fade_frames))
        else:
            top.apply(frame)
        t = k / spec.fps
        while upcoming < len(cues) and cues[upcoming].start <= t:  # the cues begun by now (they start in order)
            upcoming += 1
        showing = next((cues[j] for j in range(upcoming - 1, -1, -1) if cues[j].shows(t)), None)
        if showing is not None:  # the latest line on screen (lines do not overlap on the timeline)
            cue = showing
            if cue not in drawn:
                drawn.clear()  # earlier cues are done: keep one drawn at a time
                drawn[cue] = (painter.subtitle(cue), painter.marks(cue))
            block, marks = drawn[cue]
            block.apply(frame)
            if marks is not None:  # the name tag and the marker follow the speaking pet
                for layer in marks.at(head(cue, k), top.y + top.height):
                    layer.apply(frame)
        yield frame


# ---------------------------------------------------------------------------------------------- wiring


def render_spec(settings: Settings, seed: int = 0) -> RenderSpec:
    r = settings.render
    return RenderSpec(width=r.width, height=r.height, fps=r.fps, crf=r.crf, preset=r.preset, seed=seed)
