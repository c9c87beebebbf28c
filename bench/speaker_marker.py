"""Cost of the speaker's name tag and marker following the pet, per frame, at 720x1280.

    .venv/bin/python bench/speaker_marker.py [--premise "..."] [--seed 3] [--repeat 3]

Paints an offline script's scenes as layers (the storyboard painter), then, for every frame of every
scene that has a character line, runs what the frame loop adds to follow the pet: the scene's head
paths (``KenBurnsAnimator.heads``, once per scene, amortised over its frames), the tag and marker
placed for the frame (``SpeakerMarks.at``) and both composited. It compares that with what the loop
did before, a marker composited at a fixed place (the tag was part of the subtitle block, which both
still composite). CPU seconds (``time.process_time``), best of ``--repeat``; other processes on the
machine skew the wall time but hardly the CPU time. Prints the added cost per frame in milliseconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from render.animator import KenBurnsAnimator  # noqa: E402
from render.captions import CaptionPainter, Cue, speaker_colours  # noqa: E402
from render.painter import StoryboardPainter  # noqa: E402
from render.stages import RenderSpec, SceneTiming, never_cancel, no_progress  # noqa: E402
from render.yuv import new_frame  # noqa: E402
from story.offline import write_offline  # noqa: E402

PREMISE = "A poor ginger cat is mocked by a rich white cat, works hard as a chef and opens her own restaurant"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--premise", default=PREMISE)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    spec = RenderSpec(width=720, height=1280, fps=24, seed=args.seed)
    script = write_offline(args.premise, "ginger-cat", "en", args.seed)
    arts = StoryboardPainter().paint_layers(script, spec, no_progress, never_cancel)
    painter = CaptionPainter(spec.width, spec.height, "en", colours=speaker_colours([c.id for c in script.characters]))
    names = {c.id: c.name for c in script.characters}
    animator = KenBurnsAnimator()
    # every scene with a character line: its frames, the speaker and that line's tag and marker
    jobs = []
    for i, (scene, art) in enumerate(zip(script.scenes, arts, strict=True)):
        for speaker, text in scene.spoken():
            if speaker in names and any(sp.speaker == speaker for sp in art.sprites):
                n = round(scene.duration * spec.fps)
                marks = painter.marks(Cue(0.0, 1.0, speaker, (text[:30],), names[speaker], None, i))
                assert marks is not None
                jobs.append((i, scene, art, speaker, n, marks))
                break
    frame = new_frame(spec.width, spec.height)
    frame[...] = 100
    frames = sum(n for *_, n, _ in jobs)

    def followed() -> None:
        for _, scene, art, speaker, n, marks in jobs:
            path = animator.heads(art, scene, spec, n, SceneTiming(0.0, n / spec.fps))[speaker]
            for k in range(n):
                x, y = path[k]
                for layer in marks.at((float(x), float(y))):
                    layer.apply(frame)

    def fixed() -> None:
        for *_, n, marks in jobs:
            for _ in range(n):
                marks.marker.apply(frame)

    def best(fn: Callable[[], None]) -> float:
        times = []
        for _ in range(args.repeat):
            t0 = time.process_time()
            fn()
            times.append(time.process_time() - t0)
        return min(times)

    def paths() -> None:
        for _, scene, art, _, n, _ in jobs:
            animator.heads(art, scene, spec, n, SceneTiming(0.0, n / spec.fps))

    new, old, heads = best(followed), best(fixed), best(paths)
    per_new, per_old = new / frames * 1e3, old / frames * 1e3
    print(f"speaker marker, {len(jobs)} scenes with a character line, {frames} frames at {spec.width}x{spec.height}")
    print(f"  following the pet (head paths + place + tag and marker): {per_new:.4f} ms/frame CPU")
    print(f"  before (a marker at a fixed place):                      {per_old:.4f} ms/frame CPU")
    print(f"  added per frame: {per_new - per_old:.4f} ms CPU (budget 0.1 ms)")
    print(f"  of which head paths: {heads / frames * 1e3:.4f} ms/frame")


if __name__ == "__main__":
    main()
