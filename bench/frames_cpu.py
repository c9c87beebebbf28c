"""Frame loop benchmark: the CPU of the render's frames, by part, without speech or the encoder.

Paints the scenes of ``bench/render_cpu.py``'s script once (the storyboard painter's layers: the
characters as sprites, rain and snow), gives every line a stand-in length (``--speech-rate`` s a
character: no TTS), plans the timeline, then runs the pipeline's frame generator (camera, sprites,
weather, crossfades, captions, subtitles; ``render.pipeline._frames``) to its end ``--repeat``
times on this thread, with nothing downstream (no pipe, no ffmpeg). Prints the thread CPU per
frame and, per part, the CPU its calls took (each call timed on this thread):

    sprite place     ``SpriteLayer.place``: a variant at its pose (of which "resampled": new poses)
    sprite paste     ``SpriteStage.paste``: the background put back, the sprites pasted
    camera           ``PlaneCamera.sample``: the window's bilinear lookup (a whole frame)
    still region     ``PlaneCamera.resample``: a static shot's lookup where the sprites are
    weather          ``WeatherLayer.draw``; "weather fields": building the fields (once a render)
    overlays         ``Layer.apply``: caption, title, subtitle, name tag and marker
    subtitle pictures  ``CaptionPainter.subtitle``: a line's block drawn (once a line)
    conversions      sprites' and backgrounds' Y/U/V planes (once a scene)
    crossfades       ``render.animator.blend``

    PYTHONPATH=. .venv/bin/python bench/frames_cpu.py [--seconds 60] [--repeat 3]

Other processes skew it less than wall time, but a loaded machine still slows each call (caches):
compare figures from one run, or runs of two trees alternated.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import render.animator  # noqa: E402
import render.captions  # noqa: E402
import render.layers  # noqa: E402
import render.yuv  # noqa: E402
from bench.render_cpu import bench_script  # noqa: E402
from petreel.settings import load_settings  # noqa: E402
from render import pipeline  # noqa: E402
from render.backends import default_backends  # noqa: E402
from render.stages import RenderSpec  # noqa: E402
from render.timeline import Line, plan_timeline  # noqa: E402

PARTS: list[tuple[Any, str, str]] = [  # (owner, attribute, label)
    (render.layers.SpriteLayer, "place", "sprite place"),
    (render.layers.SpriteLayer, "_resample", "  resampled"),
    (render.layers.SpriteStage, "paste", "sprite paste"),
    (render.animator.PlaneCamera, "sample", "camera"),
    (render.animator.PlaneCamera, "resample", "still region"),
    (render.layers.WeatherLayer, "draw", "weather"),
    (render.layers.WeatherLayer, "__init__", "weather fields"),
    (render.yuv.Layer, "apply", "overlays"),
    (render.captions.CaptionPainter, "subtitle", "subtitle pictures"),
    (render.layers.SpriteLayer, "__init__", "conversions"),
    (render.animator.PlaneCamera, "__init__", "conversions"),
    (render.animator, "blend", "crossfades"),
]


class Timers:
    def __init__(self) -> None:
        self.cpu: defaultdict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()

    def wrap(self, owner: Any, name: str, label: str) -> None:
        fn: Callable[..., Any] = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.cpu[label] += time.thread_time() - t0
                self.calls[label] += 1

        setattr(owner, name, timed)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60.0, help="the bench script's nominal length")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--speech-rate", type=float, default=0.068, help="stand-in seconds of speech a character")
    args = ap.parse_args()
    spec = RenderSpec(720, 1280, 24, 23, "veryfast", seed=11)
    script = bench_script(args.seconds)
    backends = default_backends(load_settings())
    lines = [[Line(who, text, args.speech_rate * len(text)) for who, text in s.spoken()] for s in script.scenes]
    timeline = plan_timeline(lines, [s.duration for s in script.scenes], spec.fps)
    timers = Timers()
    for owner, name, label in PARTS:
        timers.wrap(owner, name, label)
    print(f"{len(script.scenes)} scenes, {timeline.n_frames} frames at {spec.width}x{spec.height}@{spec.fps}")
    for rep in range(args.repeat):
        arts = pipeline.paint_scenes(script, backends, spec, lambda *a: None, lambda: False)
        timers.cpu.clear()
        timers.calls.clear()
        t0, n = time.thread_time(), 0
        for _ in pipeline._frames(script, arts, backends, spec, timeline, timeline.segments, lambda *a: None):
            n += 1
        cpu = time.thread_time() - t0
        parts = "  ".join(f"{k} {v:.3f} ({timers.calls[k]})" for k, v in
                          sorted(timers.cpu.items(), key=lambda kv: -kv[1]))
        print(f"run {rep + 1}: {cpu:.3f} core-s, {1000 * cpu / n:.3f} ms a frame; parts (core-s, calls): {parts}  "
              f"rest {cpu - sum(v for k, v in timers.cpu.items() if not k.startswith(' ')):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
