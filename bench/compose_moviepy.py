"""Why frames are streamed to ffmpeg: the same clip assembled the moviepy way, timed beside ours.

Both assemblies start from the same parts, made once and untimed: the keyframes of the 60 s,
8-scene clip of ``bench/render_cpu.py``, its mixed narration + music track and its captions. Then:

1. **streaming** (what ``render/pipeline.py`` does): the Ken Burns animator, crossfades and caption
   overlays produce each frame once, in uint8 numpy, straight into ffmpeg's stdin;
2. **moviepy**: one ``ImageClip`` per scene with a time-varying zoom (``resized``) and a drift
   (``with_position``), ``CrossFadeIn`` between scenes, captions as masked ``ImageClip``s, all in a
   ``CompositeVideoClip`` with an ``AudioArrayClip``, written by ``write_videofile`` with the same
   codec, preset, CRF and pixel format.

Prints wall seconds and CPU core-seconds (this process + ffmpeg) of each, and the ratios.

moviepy is not a dependency (it pins an older Pillow than ours), so install it beside the venv:

    .venv/bin/pip install --no-deps --target /tmp/mpdeps moviepy decorator proglog imageio tqdm
    PYTHONPATH=/tmp/mpdeps .venv/bin/python bench/compose_moviepy.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from bench.render_cpu import bench_script, cpu_seconds  # noqa: E402
from petreel.settings import load_settings  # noqa: E402
from render.backends import default_backends  # noqa: E402
from render.captions import CaptionPainter  # noqa: E402
from render.composer import FfmpegComposer  # noqa: E402
from render.pipeline import Timeline, _frames, frame_counts, render_clip  # noqa: E402
from render.stages import SAMPLE_RATE, Backends, ClipInfo, RenderSpec, SceneArt  # noqa: E402
from story.script import Script  # noqa: E402


class Parts:
    """A painter and composer pair that keeps the keyframes and the audio and encodes nothing."""

    def __init__(self, backends: Backends) -> None:
        self.inner = backends.painter
        self.keyframes: list[Image.Image] = []
        self.audio = np.zeros(0, np.float32)
        self.n_frames = 0

    def paint(self, script: Script, spec: RenderSpec, progress: object, should_cancel: object) -> list[Image.Image]:
        self.keyframes = self.inner.paint(script, spec, progress, should_cancel)  # type: ignore[arg-type]
        return self.keyframes

    def compose(self, frames: Iterator[np.ndarray], audio: np.ndarray | Path, spec: RenderSpec, out_path: Path,
                n_frames: int, thumbnail: Path | None = None) -> ClipInfo:
        if isinstance(audio, Path):  # the pipeline's mastered stereo WAV (removed once compose returns)
            with wave.open(str(audio), "rb") as w:
                pcm = np.frombuffer(w.readframes(w.getnframes()), "<i2").reshape(-1, w.getnchannels())
            audio = pcm.astype(np.float32) / 32768
        self.audio, self.n_frames = audio, n_frames
        return ClipInfo(out_path, out_path, spec.width, spec.height, n_frames / spec.fps, 0)


def timeline_of(script: Script, spec: RenderSpec, n_frames: int) -> Timeline:
    """The scene durations the pipeline used (a long last line may have extended the last scene)."""
    durations = [s.duration for s in script.scenes]
    durations[-1] += n_frames / spec.fps - sum(durations)
    return Timeline(durations, frame_counts(durations, spec.fps), [])


def streaming(script: Script, parts: Parts, backends: Backends, spec: RenderSpec, out: Path) -> None:
    timeline = timeline_of(script, spec, parts.n_frames)
    arts = [SceneArt(key, [], "clear") for key in parts.keyframes]
    frames = _frames(script, arts, backends, spec, timeline, [], lambda stage, fraction: None)
    FfmpegComposer().compose(frames, parts.audio, spec, out, timeline.n_frames)


def _overlay_clip(block: tuple[Image.Image, int, int], start: float, duration: float):  # type: ignore[no-untyped-def]
    from moviepy import ImageClip

    rgba, x, y = block
    arr = np.asarray(rgba.convert("RGBA"))
    mask = ImageClip(arr[..., 3].astype(np.float32) / 255.0, is_mask=True, duration=duration)
    return ImageClip(arr[..., :3].copy(), duration=duration).with_mask(mask).with_position((x, y)).with_start(start)


def with_moviepy(script: Script, parts: Parts, spec: RenderSpec, out: Path) -> None:
    from moviepy import AudioArrayClip, CompositeVideoClip, ImageClip, vfx

    timeline = timeline_of(script, spec, parts.n_frames)
    fade = 0.5
    painter = CaptionPainter(spec.width, spec.height, script.language)
    layers = []
    start = 0.0
    for i, (scene, key, seconds) in enumerate(zip(script.scenes, parts.keyframes, timeline.durations, strict=True)):
        length = seconds + (fade if i else 0.0)
        kw, kh = key.size
        base = max(spec.width / kw, spec.height / kh)

        def zoom(t: float, base: float = base, length: float = length) -> float:  # a slow push-in
            return base * (1.0 + 0.08 * t / length)

        def drift(t: float, kw: int = kw, kh: int = kh, zoom=zoom) -> tuple[float, float]:  # type: ignore[no-untyped-def]
            z = zoom(t)
            return ((spec.width - kw * z) / 2, (spec.height - kh * z) / 2)

        clip = ImageClip(np.asarray(key.convert("RGB")), duration=length).resized(zoom).with_position(drift)
        clip = clip.with_start(max(0.0, start - (fade if i else 0.0)))
        if i:
            clip = clip.with_effects([vfx.CrossFadeIn(fade)])
        layers.append(clip)
        layers.append(_overlay_clip(painter.caption_block(scene.caption), start, seconds))
        start += seconds
    layers.append(_overlay_clip(painter.title_block(script.title), 0.0, 2.0))
    audio = parts.audio
    stereo = (audio if audio.ndim == 2 else np.repeat(audio[:, None], 2, axis=1)).astype(np.float64)
    video = CompositeVideoClip(layers, size=(spec.width, spec.height)).with_duration(start)
    video = video.with_audio(AudioArrayClip(stereo, fps=SAMPLE_RATE))
    video.write_videofile(
        str(out), fps=spec.fps, codec="libx264", audio_codec="aac", preset=spec.preset, logger=None,
        ffmpeg_params=["-crf", str(spec.crf), "-pix_fmt", "yuv420p", "-movflags", "+faststart"],
    )


def timed(run) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    run()
    return time.perf_counter() - t0, cpu_seconds() - cpu0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60.0)
    args = ap.parse_args()
    settings = load_settings()
    spec = RenderSpec(width=720, height=1280, fps=24, crf=settings.render.crf, preset=settings.render.preset, seed=11)
    script = bench_script(args.seconds)
    print(f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.2f} clip={script.duration:.0f}s "
          f"scenes={len(script.scenes)} preset={spec.preset} crf={spec.crf}")
    backends = default_backends(settings)
    parts = Parts(backends)
    with tempfile.TemporaryDirectory(prefix="petreel-bench-") as tmp:
        work = Path(tmp)
        # 1. the shared parts (untimed): keyframes, the audio track, the frame count
        render_clip(script, work / "parts.mp4",
                    Backends(parts, backends.animator, backends.narrator, backends.music, parts), spec)  # type: ignore[arg-type]
        # 2. the two assemblies
        ours = timed(lambda: streaming(script, parts, backends, spec, work / "streaming.mp4"))
        print(f"streaming  wall {ours[0]:6.1f} s  cpu {ours[1]:6.1f} core-s  load={os.getloadavg()[0]:.2f}")
        theirs = timed(lambda: with_moviepy(script, parts, spec, work / "moviepy.mp4"))
        print(f"moviepy    wall {theirs[0]:6.1f} s  cpu {theirs[1]:6.1f} core-s  load={os.getloadavg()[0]:.2f}")
        print(f"ratio moviepy/streaming  wall {theirs[0] / ours[0]:.2f}  cpu {theirs[1] / ours[1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
