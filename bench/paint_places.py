"""Places benchmark: 8 scenes at 720x1280 drawn as their trade (flower shop, bakery, café, grocery, bookshop,
fish market) or with a crowd fitted to its place and a fire, against the same scenes as a plain shop, market,
street or stage (no trade named, no crowd, no fire). Layers, as the renderer paints them.

    .venv/bin/python bench/paint_places.py [--width 720 --height 1280 --repeat 3]

Prints best-of-N wall and CPU seconds of each and the places/plain CPU ratio measured in this run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from render.painter import StoryboardPainter  # noqa: E402
from render.stages import RenderSpec, never_cancel, no_progress  # noqa: E402
from story.script import Script  # noqa: E402

CAST = [
    {"id": "hero", "name": "Ginger", "species": "cat", "breed": "ginger tabby", "style": "ginger-cat",
     "look": "a small ginger tabby cat with orange fur"},
    {"id": "rival", "name": "Snow", "species": "cat", "breed": "white Persian", "style": "white-persian",
     "look": "a fluffy white Persian cat"},
]
# location, setting (its trade), props (crowd, fire), actions
SCENES: list[tuple[str, str, list[str], list[str]]] = [
    ("shop", "a flower shop", [], ["work", "sneer"]),
    ("shop", "a bakery", [], ["work"]),
    ("restaurant", "a little café", [], ["stand", "laugh"]),
    ("market", "a fruit stall", ["crowd"], ["work"]),
    ("shop", "a bookshop", [], ["think"]),
    ("market", "the fish market", [], ["work", "point"]),
    ("stage", "a stage", ["crowd"], ["sing"]),
    ("street", "a street", ["burning house", "crowd"], ["shocked"]),
]


def script(places: bool) -> Script:
    scenes: list[dict[str, Any]] = []
    for loc, setting, props, actions in SCENES:
        scenes.append({
            "location": loc, "setting": setting if places else loc, "visual_prompt": loc,
            "narration": "Something happens.", "caption": "Caption", "duration": 7.5, "mood": "dramatic",
            "props": props if places else [],
            "characters": [{"id": i, "action": a} for i, a in zip(("hero", "rival"), actions, strict=False)],
        })
    return Script.model_validate({"title": "Bench", "language": "en", "premise": "bench", "style": "ginger-cat",
                                  "characters": CAST, "scenes": scenes})


def best(fn: Any, repeat: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--width", type=int, default=720)
    ap.add_argument("--height", type=int, default=1280)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    spec = RenderSpec(width=args.width, height=args.height, seed=1)
    painter = StoryboardPainter()
    rows = {name: best(lambda sc=sc: painter.paint_layers(sc, spec, no_progress, never_cancel), args.repeat)
            for name, sc in (("plain", script(False)), ("places", script(True)))}
    print(f"8 scenes at {args.width}x{args.height}, layers, best of {args.repeat}")
    for name, (wall, cpu) in rows.items():
        print(f"  {name:<8} wall {wall:6.2f} s   cpu {cpu:6.2f} s")
    print(f"  places/plain layers cpu ratio {rows['places'][1] / rows['plain'][1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
