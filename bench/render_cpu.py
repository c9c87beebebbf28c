"""CPU render benchmark: a 60 s, 8-scene clip at 720x1280, 24 fps with the default backends.

Prints the total render time, frames per second, time per stage, and the ratio of the total to a
bare ffmpeg encode of the very same frames and audio (pre-generated into a raw file by a second,
untimed render; only the encode is timed, with the composer's own encoder options).

    .venv/bin/python bench/render_cpu.py [--seconds 60] [--width 720 --height 1280 --fps 24]

Goal on 2 cores: total under 45 s and ratio under 1.5. Other processes on the machine skew both,
so the CPU-time ratio (core-seconds of this process + ffmpeg over the bare encode's) is printed
beside the wall ratio, with the split between Python (frames, painting, TTS, music) and ffmpeg.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

# bench/ holds other scripts (e.g. bench/queue_bench.py) that would shadow the standard library: drop it
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from petreel.settings import load_settings  # noqa: E402
from render.backends import default_backends  # noqa: E402
from render.composer import encode_args, ffmpeg_exe, fit_audio, raw_input_args, write_wav  # noqa: E402
from render.pipeline import render_clip  # noqa: E402
from render.stages import Backends, ClipInfo, RenderSpec  # noqa: E402
from story.script import Script  # noqa: E402

ROWS = [
    ("street", "rags", "sad", "push_in", "Ginger shivers on a cold street while the rich white cat laughs.",
     "Mocked in the cold"),
    ("construction_site", "hard_hat", "tense", "pan_left", "Every day Ginger carries bricks until his paws ache.",
     "Working day and night"),
    ("office", "suit", "dramatic", "pull_out", "Years later, Ginger opens his own company.", "His own company"),
    ("mansion", "tuxedo", "triumphant", "tilt_up", "Ginger buys the mansion next door.", "The mansion is his"),
    ("rooftop", "crown", "happy", "static", "The white cat's jaw drops. Ginger just smiles.", "Who is laughing now?"),
    ("park", "none", "calm", "pan_right", "And he shares his fish with every stray in town.", "Kindness wins"),
    ("restaurant", "suit", "funny", "tilt_down", "The white cat now washes the dishes.", "Tables turned"),
    ("stage", "tuxedo", "triumphant", "push_in", "Ginger is crowned cat of the year.", "Cat of the year"),
]


def bench_script(seconds: float) -> Script:
    return Script.model_validate({
        "title": "The Ginger Comeback", "language": "en",
        "premise": "poor ginger cat mocked by rich white cat gets rich", "style": "ginger-cat",
        "characters": [
            {"id": "hero", "name": "Ginger", "species": "cat", "breed": "ginger tabby", "style": "ginger-cat",
             "look": "a small ginger tabby cat with orange fur, white chest and big green eyes"},
            {"id": "rival", "name": "Snow", "species": "cat", "breed": "white Persian", "style": "white-persian",
             "look": "a fluffy white Persian cat with a flat face, blue eyes and a haughty look"},
        ],
        "scenes": [
            {"location": loc, "setting": loc.replace("_", " "),
             "characters": [{"id": "hero", "expression": "determined", "outfit": outfit},
                            {"id": "rival", "expression": "smug", "outfit": "crown"}],
             "visual_prompt": f"{loc} scene", "narration": text, "caption": caption,
             "duration": seconds / len(ROWS), "camera": camera, "mood": mood}
            for loc, outfit, mood, camera, text, caption in ROWS
        ],
    })


class RawDump:
    """A ``Composer`` that writes the frames to a raw RGB file and the audio to a WAV (for the baseline)."""

    def __init__(self, raw: Path, wav: Path) -> None:
        self.raw, self.wav = raw, wav
        self.n_frames = 0

    def compose(self, frames: Iterator[np.ndarray], audio: np.ndarray, spec: RenderSpec, out_path: Path,
                n_frames: int, thumbnail: Path | None = None) -> ClipInfo:
        with self.raw.open("wb") as f:
            for frame in frames:
                f.write(np.ascontiguousarray(frame).data)
                self.n_frames += 1
        write_wav(self.wav, fit_audio(audio, n_frames / spec.fps))
        return ClipInfo(out_path, out_path, spec.width, spec.height, n_frames / spec.fps, 0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--width", type=int, default=720)
    ap.add_argument("--height", type=int, default=1280)
    ap.add_argument("--fps", type=int, default=24)
    ap.add_argument("--no-baseline", action="store_true", help="skip the bare-encode comparison")
    args = ap.parse_args()

    settings = load_settings()
    spec = RenderSpec(width=args.width, height=args.height, fps=args.fps, crf=settings.render.crf,
                      preset=settings.render.preset, seed=11)
    script = bench_script(args.seconds)
    print(f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.2f} spec={spec.width}x{spec.height}@{spec.fps} "
          f"preset={spec.preset} crf={spec.crf} clip={script.duration:.0f}s scenes={len(script.scenes)}")
    with tempfile.TemporaryDirectory(prefix="petreel-bench-") as tmp:
        work = Path(tmp)
        backends = default_backends(settings)  # built once, as a worker keeps them
        bare: list[tuple[float, float]] = []
        dump = RawDump(work / "frames.rgb", work / "audio.wav")
        if not args.no_baseline:
            # 1. the same frames and audio into a raw file (untimed; the same seed gives the same frames)
            render_clip(script, work / "dump.mp4", Backends(backends.painter, backends.animator,
                                                            backends.narrator, backends.music, dump), spec)
            bare.append(bare_encode(spec, dump, work))
        # 2. the timed render
        marks: dict[str, float] = {}

        def progress(stage: str, fraction: float) -> None:
            marks.setdefault(stage, time.perf_counter())

        cpu0, own0 = cpu_seconds(), cpu_seconds(children=False)
        t0 = time.perf_counter()
        info = render_clip(script, work / "clip.mp4", backends, spec, progress)
        total = time.perf_counter() - t0
        cpu, own = cpu_seconds() - cpu0, cpu_seconds(children=False) - own0
        n_frames = round(info.duration * spec.fps)
        stages = [*marks.items(), ("end", t0 + total)]
        times = {name: stages[i + 1][1] - at for i, (name, at) in enumerate(stages[:-1])}
        print(f"total {total:.1f} s  frames {n_frames}  {n_frames / total:.1f} frames/s  cpu {cpu:.1f} core-s  "
              f"size {info.size_bytes / 1e6:.1f} MB  duration {info.duration:.1f} s  load={os.getloadavg()[0]:.2f}")
        print("stages " + "  ".join(f"{k} {v:.1f}s" for k, v in times.items())
              + f"  (cpu: python {own:.1f} core-s, ffmpeg {cpu - own:.1f} core-s)")
        if args.no_baseline:
            return 0
        # 3. the bare encode again (before and after the render: the machine's load drifts)
        bare.append(bare_encode(spec, dump, work))
        wall, bare_cpu = min(bare)
        print(f"bare encode {' / '.join(f'{w:.1f}' for w, _ in bare)} s ({dump.n_frames} frames), "
              f"cpu {bare_cpu:.1f} core-s  ratio total/bare {total / wall:.2f} (wall)  {cpu / bare_cpu:.2f} (cpu)")
    return 0


def cpu_seconds(children: bool = True) -> float:
    """User + system CPU of this process and (unless ``children`` is False) its finished children (ffmpeg)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    own = me.ru_utime + me.ru_stime
    if not children:
        return own
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own + kids.ru_utime + kids.ru_stime


def bare_encode(spec: RenderSpec, dump: RawDump, work: Path) -> tuple[float, float]:
    """Wall and CPU seconds of ffmpeg encoding the dumped frames + audio with the composer's options."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", *raw_input_args(spec, str(dump.raw)),
           "-i", str(dump.wav), "-map", "0:v:0", "-map", "1:a:0", *encode_args(spec, 0), str(work / "bare.mp4")]
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    subprocess.run(cmd, check=True)
    return time.perf_counter() - t0, cpu_seconds() - cpu0


if __name__ == "__main__":
    raise SystemExit(main())
