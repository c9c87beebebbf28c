"""render_clip end to end at a small size, timeline maths, atomic output, cancellation, wiring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from petreel.errors import BackendUnavailable, Cancelled
from petreel.settings import load_settings
from render.animator import KenBurnsAnimator
from render.backends import default_backends
from render.captions import SUBTITLE_BOTTOM
from render.composer import FfmpegComposer
from render.music import SilentMusic, SynthMusic
from render.narrator import SilentNarrator
from render.pipeline import render_clip, render_spec
from render.probe import probe
from render.stages import (
    SAMPLE_RATE,
    Backends,
    CancelFn,
    ClipInfo,
    ProgressFn,
    RenderSpec,
    SceneArt,
    SceneTiming,
    Sprite,
)
from render.timeline import Line, plan_timeline
from render.voices import NARRATOR_VOICE, VoiceProfile
from render.yuv import planes
from story.script import Scene, Script
from tests.factories import make_script

SPEC = RenderSpec(width=180, height=320, fps=12, seed=3)
SR = SAMPLE_RATE


class TinyPainter:
    """Flat coloured keyframes (1.12x overscan) with a blob: a stand-in for the storyboard painter."""

    def paint(self, script: Script, spec: RenderSpec, progress: ProgressFn, should_cancel: CancelFn) -> list[Image.Image]:
        size = (round(spec.width * 1.12) // 2 * 2, round(spec.height * 1.12) // 2 * 2)
        frames = []
        for i, _ in enumerate(script.scenes):
            if should_cancel():
                raise Cancelled("painter")
            img = Image.new("RGB", size, (40 + 35 * i, 90, 160))
            ImageDraw.Draw(img).ellipse((size[0] * 0.3, size[1] * 0.4, size[0] * 0.7, size[1] * 0.6),
                                        fill=(240, 140, 50), outline=(0, 0, 0), width=3)
            frames.append(img)
            progress("keyframes", (i + 1) / len(script.scenes))
        return frames


class ToneNarrator:
    """Deterministic stand-in for TTS: a 200 Hz tone, 0.35 s per word (or per 2 hanzi)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.voices: list[VoiceProfile] = []

    def speak(self, text: str, language: str, voice: VoiceProfile = NARRATOR_VOICE) -> np.ndarray | None:
        self.calls.append((text, language))
        self.voices.append(voice)
        units = len(text) / 2 if language == "zh" else len(text.split())
        t = np.arange(int(units * 0.35 * SR)) / SR
        return (0.8 * np.sin(2 * np.pi * 200 * t)).astype(np.float32)


class ExplodingAnimator(KenBurnsAnimator):
    """Fails in the middle of the third scene, after ffmpeg has started writing."""

    def frames(self, keyframe: Image.Image, scene: Scene, spec: RenderSpec, n_frames: int) -> Iterator[np.ndarray]:
        if scene.mood == "dramatic":  # the third scene of make_script
            raise RuntimeError("animator exploded")
        yield from super().frames(keyframe, scene, spec, n_frames)

    def layered_frames(self, art: SceneArt, scene: Scene, spec: RenderSpec, n_frames: int,
                       timing: SceneTiming) -> Iterator[np.ndarray]:
        if scene.mood == "dramatic":
            raise RuntimeError("animator exploded")
        yield from super().layered_frames(art, scene, spec, n_frames, timing)


def backends(**kw: object) -> Backends:
    parts: dict[str, object] = dict(painter=TinyPainter(), animator=KenBurnsAnimator(), narrator=ToneNarrator(),
                                    music=SynthMusic(), composer=FfmpegComposer())
    parts.update(kw)
    return Backends(**parts)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Script, list[tuple[str, float]]]:
    out = tmp_path_factory.mktemp("clip") / "clip.mp4"
    script = make_script("en", n_scenes=5, scene_s=4.0)
    seen: list[tuple[str, float]] = []
    render_clip(script, out, backends(), SPEC, progress=lambda stage, f: seen.append((stage, f)))
    return out, script, seen


def test_clip_is_inline_playable_and_as_long_as_its_speech(rendered: tuple[Path, Script, list]) -> None:
    out, script, _ = rendered
    voice = ToneNarrator()
    lines = [[Line(who, text, voice.speak(text, "en").size / SR) for who, text in s.spoken()] for s in script.scenes]
    timeline = plan_timeline(lines, [s.duration for s in script.scenes], SPEC.fps)
    facts = probe(out)
    assert facts["video_codec"] == "h264" and facts["profile"] == "High" and facts["pix_fmt"] == "yuv420p"
    assert (facts["width"], facts["height"]) == (180, 320)
    assert facts["faststart"] and facts["has_audio"] and facts["audio_codec"] == "aac"
    assert facts["duration"] == pytest.approx(timeline.seconds, abs=0.1)
    assert facts["size_bytes"] <= 50 * 1024 * 1024
    with Image.open(out.with_suffix(".jpg")) as thumb:
        assert max(thumb.size) <= 320
    assert out.with_suffix(".jpg").stat().st_size <= 200_000
    assert list(out.parent.glob(".petreel-*")) == []


def test_progress_runs_through_the_stages_in_order(rendered: tuple[Path, Script, list]) -> None:
    _, _, seen = rendered
    order = [stage for i, (stage, _) in enumerate(seen) if i == 0 or seen[i - 1][0] != stage]
    assert order == ["narration", "keyframes", "music", "compose"]
    # each stage says when it starts, so the work between two calls is that stage's (the bench's figures)
    assert [f for stage, f in seen if stage == "music"] == [0.0, 1.0]
    assert next(f for stage, f in seen if stage == "compose") == 0.0
    assert seen[-1] == ("compose", 1.0)
    fractions = [f for stage, f in seen if stage == "compose"]
    assert fractions == sorted(fractions)


def test_audio_is_stereo_at_minus_16_lufs_under_minus_1_dbtp(rendered: tuple[Path, Script, list]) -> None:
    from render.audiometer import decode_audio, measure_loudness
    from render.composer import ffmpeg_exe

    out, _, _ = rendered
    level = measure_loudness(out, ffmpeg_exe())  # ebur128 on the encoded file: the decoded AAC
    assert level.integrated == pytest.approx(-16, abs=1.0)
    assert level.true_peak <= -1.0
    stereo = decode_audio(out, ffmpeg_exe(), 16_000, channels=2)
    assert stereo.shape[1] == 2 and not np.allclose(stereo[:, 0], stereo[:, 1], atol=1e-3)  # stereo music


def test_failing_stage_leaves_nothing_at_the_output(tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    with pytest.raises(RuntimeError, match="exploded"):
        render_clip(make_script(n_scenes=5), out, backends(animator=ExplodingAnimator()), SPEC)
    assert not out.exists() and not out.with_suffix(".jpg").exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("stage", ["keyframes", "narration", "music", "compose"])
def test_cancel_between_stages_raises_and_writes_nothing(tmp_path: Path, stage: str) -> None:
    out = tmp_path / "clip.mp4"
    state = {"cancel": False}

    def progress(name: str, fraction: float) -> None:
        if name == stage and fraction > 0.2:
            state["cancel"] = True

    with pytest.raises(Cancelled):
        render_clip(make_script(n_scenes=5), out, backends(), SPEC, progress, lambda: state["cancel"])
    assert list(tmp_path.iterdir()) == []


def test_cancel_before_start_does_no_work(tmp_path: Path) -> None:
    narrator = ToneNarrator()
    with pytest.raises(Cancelled):
        render_clip(make_script(n_scenes=5), tmp_path / "x.mp4", backends(narrator=narrator), SPEC,
                    should_cancel=lambda: True)
    assert narrator.calls == []


def test_default_backends_storyboard_and_switches() -> None:
    b = default_backends(load_settings(render={"narration": False, "music": True}))
    assert b.name == "storyboard"
    assert isinstance(b.narrator, SilentNarrator)
    assert isinstance(b.composer, FfmpegComposer) and b.composer.max_bytes == 50 * 1024 * 1024
    assert type(b.painter).__name__ == "StoryboardPainter"
    spec = render_spec(load_settings(), seed=9)
    assert (spec.width, spec.height, spec.fps, spec.seed) == (720, 1280, 24, 9)


def test_diffusers_backend_without_the_gpu_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "diffusers", None)  # makes the import fail
    with pytest.raises(BackendUnavailable, match=r"gpu extra.*diffusers not installed"):
        default_backends(load_settings(render={"backend": "diffusers", "model_path": "/models/x"}))


def test_diffusers_backend_without_a_model_path_is_a_clear_error() -> None:
    with pytest.raises(BackendUnavailable, match="MODEL_PATH"):
        default_backends(load_settings(render={"backend": "diffusers"}))


def test_dialogue_is_spoken_in_the_speakers_voices_after_the_narration(tmp_path: Path) -> None:
    base = make_script(n_scenes=5, scene_s=8.0)
    scenes = [s.model_dump() for s in base.scenes]
    scenes[1]["dialogue"] = [{"speaker": "rival", "text": "Look at this poor cat."},
                             {"speaker": "hero", "text": "One day you will see."}]
    script = Script.model_validate({**base.model_dump(), "scenes": scenes})
    narrator = ToneNarrator()
    render_clip(script, tmp_path / "c.mp4", backends(narrator=narrator), SPEC)
    heard = [text for text, _ in narrator.calls]
    assert heard[1:4] == [script.scenes[1].narration, "Look at this poor cat.", "One day you will see."]
    narration, rival, hero = narrator.voices[1:4]
    assert narration == NARRATOR_VOICE and rival.speaker == "rival" and hero.speaker == "hero"
    assert len({narration.pitch, rival.pitch, hero.pitch}) == 3


# ---------------------------------------------------------------------------------------------- frames: subtitles, layers


class FrameGrab:
    """A composer that keeps every frame's Y plane (the frames stay I420 all the way here)."""

    def __init__(self) -> None:
        self.lumas: list[np.ndarray] = []

    def compose(self, frames: Iterator[np.ndarray], audio: np.ndarray | Path, spec: RenderSpec, out_path: Path,
                n_frames: int, thumbnail: Path | None = None) -> ClipInfo:
        for frame in frames:
            assert frame.shape == (spec.height * 3 // 2, spec.width) and frame.dtype == np.uint8
            self.lumas.append(planes(frame)[0].copy())
        return ClipInfo(out_path, out_path, spec.width, spec.height, n_frames / spec.fps, 0)


def test_subtitles_follow_the_narration_segments(tmp_path: Path) -> None:
    spec = RenderSpec(width=360, height=640, fps=12, seed=3)
    script = make_script("en", n_scenes=5, scene_s=4.0)
    grab = FrameGrab()
    info = render_clip(script, tmp_path / "c.mp4", backends(composer=grab, music=SilentMusic()), spec)
    # the segments the pipeline placed (the same deterministic narrator), as the clip's info reports them
    voice = ToneNarrator()
    lines = [[Line("narrator", s.narration, voice.speak(s.narration, "en").size / SAMPLE_RATE)] for s in script.scenes]
    planned = plan_timeline(lines, [s.duration for s in script.scenes], spec.fps)
    assert info.timeline == planned and info.timeline.n_frames == len(grab.lumas)
    segments = planned.segments
    assert [s.text for s in segments] == [s.narration for s in script.scenes]
    zone = slice(round(640 * (SUBTITLE_BOTTOM - 0.16)), round(640 * SUBTITLE_BOTTOM))
    lit = np.array([(y[zone] >= 225).sum() > 40 for y in grab.lumas])  # white subtitle glyphs
    t = np.arange(len(lit)) / spec.fps
    on = np.zeros(len(lit), bool)
    for seg in segments:
        on |= (t >= seg.start) & (t < seg.end)
        first = int(np.ceil(seg.start * spec.fps))
        assert lit[first: first + 2].all(), seg  # on screen within a frame of the line's start
    near_edge = np.zeros(len(lit), bool)
    for seg in segments:
        for edge in (seg.start, seg.end):
            near_edge[max(0, round(edge * spec.fps) - 1): round(edge * spec.fps) + 2] = True
    assert np.array_equal(lit[~near_edge], on[~near_edge])  # shown exactly while spoken, gone after


def test_a_layered_painter_makes_characters_move_in_the_clip(tmp_path: Path) -> None:
    spec = RenderSpec(width=180, height=320, fps=12, seed=3)
    script = make_script("en", n_scenes=5, scene_s=4.0)
    script = script.model_copy(update={"scenes": [s.model_copy(update={"camera": "static"}) for s in script.scenes]})
    grab = FrameGrab()
    painter = LayeredTinyPainter()
    render_clip(script, tmp_path / "c.mp4", backends(painter=painter, composer=grab, music=SilentMusic()), spec)
    assert painter.layered_calls == 1
    # frames of the second scene (static camera): the sprite's rows change, a corner of sky does not
    voice = ToneNarrator()
    lines = [[Line("narrator", s.narration, voice.speak(s.narration, "en").size / SAMPLE_RATE)] for s in script.scenes]
    first, second = plan_timeline(lines, [s.duration for s in script.scenes], spec.fps).frames[:2]
    scene = grab.lumas[first + 6: first + second - 6]
    sprite = (slice(150, 260), slice(40, 140))
    assert max(np.abs(scene[0][sprite].astype(int) - y[sprite].astype(int)).mean() for y in scene[1:]) > 0.5
    sky = (slice(100, 130), slice(0, 20))
    assert all(np.array_equal(scene[0][sky], y[sky]) for y in scene[1:])


class LayeredTinyPainter(TinyPainter):
    """``TinyPainter``'s keyframes as backgrounds plus one bobbing, blinking character a scene."""

    def __init__(self) -> None:
        self.layered_calls = 0

    def paint_layers(self, script: Script, spec: RenderSpec, progress: ProgressFn,
                     should_cancel: CancelFn) -> list[SceneArt]:
        self.layered_calls += 1
        sprite = np.zeros((120, 80, 4), np.uint8)
        sprite[10:110, 10:70] = (250, 240, 60, 255)
        shut = sprite.copy()
        shut[30:40, 20:60] = (0, 0, 0, 255)
        return [SceneArt(k, [Sprite(sprite, x=60, y=170, motion="bounce", blink=shut, speaker="hero")])
                for k in self.paint(script, spec, progress, should_cancel)]
