"""Spoken length of offline scripts against their planned length.

    PYTHONPATH=. .venv/bin/python bench/story_length.py [--seeds 3] [--no-tts]

For English and Chinese premises and several seeds it writes the offline script and prints the
planned length (the scenes' durations), the length estimated from words or hanzi at the measured
voice rates (``story.plan.VOICE_WORDS_PER_S`` / ``VOICE_HANZI_PER_S``) and, unless ``--no-tts``,
the clip length the renderer's pacing gives for the real synthesised lines (piper for English,
espeak-ng for Chinese; ``render.timeline.plan_timeline``), with the words or hanzi per second the
voices really spoke. Goal (issue #12): spoken length within ±15 % of the planned length.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from story.offline import write_offline  # noqa: E402
from story.plan import scene_seconds  # noqa: E402

PREMISES = {
    "en": [
        "a poor ginger cat is laughed at by a rich white cat, works as a window cleaner on a skyscraper at night, "
        "becomes rich and drives a golden car past them",
        "a shiba inu delivery rider starts a delivery scooter company and beats the rich poodle",
        "a husky loses his favourite ball in the park and searches the whole city",
        "a little tabby cat dreams of becoming a chef",
        "a corgi mother works three jobs so her puppies can go to school",
        "two rival dogs in a race become best friends",
    ],
    "zh": [
        "一只穷困的橘猫被富有的白猫嘲笑，努力工作后变得富有",
        "柴犬外卖员创办了外卖电动车公司",
        "小狗在公园里丢了心爱的球",
        "一只橘猫想成为宇航员，去火星探险",
    ],
}
_HAN = re.compile(r"[\u3400-\u9fff]")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--no-tts", action="store_true")
    args = ap.parse_args()
    narrator = None
    if not args.no_tts:
        from render.narrator import PiperNarrator

        narrator = PiperNarrator()
    from render.stages import SAMPLE_RATE
    from render.timeline import Line, plan_timeline
    from render.voices import cast_voices

    ratios: dict[str, list[float]] = {"est": [], "tts": []}
    rates: dict[str, list[float]] = {"en": [], "zh": []}
    print(f"{'lang':4} {'seed':>4} {'planned':>8} {'estim':>6} {'tts':>6}  premise")
    for lang, premises in PREMISES.items():
        for premise in premises:
            for seed in range(args.seeds):
                script = write_offline(premise, "", lang, seed)
                planned = script.duration
                est = sum(scene_seconds([t for _, t in s.spoken()], lang) for s in script.scenes)
                ratios["est"].append(est / planned)
                tts = float("nan")
                if narrator is not None:
                    voices = cast_voices(script)
                    lines, units, said = [], 0, 0.0
                    for scene in script.scenes:
                        row = []
                        for speaker, text in scene.spoken():
                            audio = narrator.speak(text, lang, voices[speaker])
                            secs = 0.0 if audio is None else audio.size / SAMPLE_RATE
                            row.append(Line(speaker, text, secs))
                            said += secs
                            units += len(_HAN.findall(text)) if lang == "zh" else len(text.split())
                        lines.append(row)
                    timeline = plan_timeline(lines, [s.duration for s in script.scenes], 8)
                    tts = timeline.seconds
                    ratios["tts"].append(tts / planned)
                    rates[lang].append(units / said)
                print(f"{lang:4} {seed:>4} {planned:8.1f} {est:6.1f} {tts:6.1f}  {premise[:60]}")
    print(f"estimated / planned: mean {statistics.mean(ratios['est']):.3f}  "
          f"min {min(ratios['est']):.3f}  max {max(ratios['est']):.3f}   goal 0.85-1.15")
    if ratios["tts"]:
        print(f"synthesised clip / planned: mean {statistics.mean(ratios['tts']):.3f}  "
              f"min {min(ratios['tts']):.3f}  max {max(ratios['tts']):.3f}   goal 0.85-1.15")
        for lang, r in rates.items():
            unit = "words" if lang == "en" else "hanzi"
            print(f"{lang}: voices spoke {statistics.mean(r):.2f} {unit}/s (min {min(r):.2f}, max {max(r):.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
