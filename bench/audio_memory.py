"""Peak memory of the audio stages (music, mix, master, WAV for the encoder) by clip length.

    python bench/audio_memory.py [60 180 ...]

Each length runs in a fresh process: speech clips are made first (synthetic voiced lines, one
every scene, about 85 % of the clip; the TTS engine is not what is measured), then the peak RSS is
read before and after the audio stages: the timeline, ``SynthMusic.stream`` under the speech,
``render.mixer.mix_to_wav`` (two block passes and one ebur128 measurement). Prints the growth the
audio stages caused and the slope per extra minute. Run on a shared 2-core machine: the RSS figures
do not depend on contention, the seconds do.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, resource, sys, tempfile, time
from pathlib import Path
import numpy as np
from render.composer import ffmpeg_exe
from render.mixer import Placed, mix_to_wav
from render.music import SynthMusic
from render.stages import SAMPLE_RATE as SR
from render.timeline import Line, plan_timeline

seconds = float(sys.argv[1])
n_scenes = max(5, round(seconds / 6))
line_s = 6.0 * 0.88
t = np.arange(int(line_s * SR)) / SR
rng = np.random.default_rng(0)
clips = [(0.3 * np.sin(2 * np.pi * (110 + 20 * i) * t) * (0.5 + 0.5 * np.sin(2 * np.pi * 3 * t))
          + 0.01 * rng.standard_normal(t.size)).astype(np.float32) for i in range(n_scenes)]
exe = ffmpeg_exe()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
start, start_children, start_wall = time.process_time(), children(), time.perf_counter()
timeline = plan_timeline([[Line("narrator", "x", c.size / SR)] for c in clips], [6.0] * n_scenes, 24)
placed = [Placed(round(s.start * SR), c) for s, c in zip(timeline.segments, clips)]
moods = [(m, d) for m, d in zip(["sad", "tense", "happy", "triumphant", "calm"] * 99, timeline.durations)]
n = round(timeline.n_frames / 24 * SR)
with tempfile.TemporaryDirectory() as tmp:
    mix_to_wav(Path(tmp) / "m.wav", Path(tmp) / "m.f32", n, placed, SynthMusic().stream(moods, 1),
               timeline.segments, exe)
cpu, ffmpeg_cpu = time.process_time() - start, children() - start_children
wall = time.perf_counter() - start_wall
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": timeline.seconds, "base_mib": base, "peak_mib": peak, "cpu_s": cpu,
                  "ffmpeg_cpu_s": ffmpeg_cpu, "wall_s": wall}))
"""


def measure(seconds: float) -> dict[str, float]:
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", CHILD, str(seconds)], capture_output=True, text=True,
                         check=True, cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main(lengths: list[float]) -> int:
    rows = [measure(s) for s in lengths]
    for r in rows:
        print(f"{r['seconds']:6.1f} s clip: audio stages grew peak RSS by {r['peak_mib'] - r['base_mib']:6.1f} MiB "
              f"(peak {r['peak_mib']:.0f} MiB, speech clips and imports {r['base_mib']:.0f} MiB), "
              f"{r['cpu_s']:.2f} python CPU s + {r['ffmpeg_cpu_s']:.2f} ffmpeg CPU s (ebur128), {r['wall_s']:.2f} s wall")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        slope = ((b["peak_mib"] - b["base_mib"]) - (a["peak_mib"] - a["base_mib"])) / ((b["seconds"] - a["seconds"]) / 60)
        print(f"growth per extra minute of clip: {slope:.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main([float(x) for x in sys.argv[1:]] or [60.0, 180.0]))
