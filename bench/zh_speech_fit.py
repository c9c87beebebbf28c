"""Chinese speech against its scenes on real offline scripts: does any line run past its scene's cut?

    PYTHONPATH=. .venv/bin/python bench/zh_speech_fit.py [--seed 3] [PREMISE ...]

Each premise is written by the offline writer in Chinese and rendered with espeak-ng and no music at a
small picture (180x320, 12 fps). Per clip it prints the smallest room between a line's end and its
scene's cut (from the timeline; negative would be an overrun), the speech spans of the decoded track
that cross a cut, the speech coverage and the longest silence.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from petreel.settings import load_settings  # noqa: E402
from render.audiometer import coverage, decode_audio, longest_gap, speech_spans  # noqa: E402
from render.composer import ffmpeg_exe  # noqa: E402
from render.cpu import cpu_backends  # noqa: E402
from render.pipeline import render_clip  # noqa: E402
from render.stages import RenderSpec  # noqa: E402
from story.offline import write_offline  # noqa: E402
from story.premise import analyse, hero_style  # noqa: E402

PREMISES = [
    "橘猫小橘被富有的白猫嘲笑是穷光蛋，它努力工作，最后救了金毛旺财一家",
    "柯基豆豆被最好的朋友柴犬背叛，偷走了它的秘方，后来豆豆把柴犬告上了法庭",
    "小黑猫在新学校被同学们欺负，把午饭都抢走了，后来它考了全校第一名",
    "哈士奇二哈参加厨艺大赛，被评委看不起，最后做出一道菜让全场落泪",
]
SPEC = RenderSpec(width=180, height=320, fps=12, seed=5)


def check(premise: str, seed: int, out: Path) -> str:
    script = write_offline(premise, hero_style(analyse(premise)) or "ginger-cat", "zh", seed)
    info = render_clip(script, out, cpu_backends(load_settings(render={"music": False})), SPEC)
    timeline = info.timeline
    assert timeline is not None
    cuts = np.cumsum(timeline.durations)
    room = min(float(cuts[s.scene] - s.end) for s in timeline.segments)
    audio = decode_audio(out, ffmpeg_exe(), 16_000)
    spans = speech_spans(audio, 16_000)
    seconds = audio.size / 16_000
    crossing = [(round(a, 2), round(b, 2)) for a, b in spans
                if any(a < cut - 0.05 and b > cut + 0.05 for cut in cuts[:-1])]
    return (f"{seconds:5.1f} s  least room before a cut {room:+.2f} s  spans crossing a cut {len(crossing)} "
            f"{crossing[:3]}  speech {coverage(spans, seconds):.0%}  longest silence {longest_gap(spans, seconds):.2f} s"
            f"  {premise[:30]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("premises", nargs="*", default=PREMISES)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for i, premise in enumerate(args.premises):
            print(check(premise, args.seed, Path(tmp) / f"clip{i}.mp4"), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
