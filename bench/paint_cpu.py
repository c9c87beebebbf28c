"""Storyboard painter benchmark: 8 scenes at 720x1280, staged (actions, props, time of day, weather)
against the same scenes unstaged (everyone standing, no props, clear day), stills and layers; and 8
scenes drawn as their trade (flower shop, bakery, café, grocery, bookshop, fish market) or with a crowd
fitted to its place and a fire, against the same scenes as a plain shop, market, street or stage (layers).

    .venv/bin/python bench/paint_cpu.py [--width 720 --height 1280 --repeat 3]

Prints the best-of-N wall and CPU seconds of each and the staged/unstaged and places/plain ratios
measured in this run.
Other processes on the machine skew the wall time; the CPU time is the steadier figure.
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
    {"id": "partner", "name": "Rex", "species": "dog", "breed": "husky", "look": "a husky with icy blue eyes"},
]
# location, time, weather, props, [(id, action, target, holding, outfit)]
SCENES: list[tuple[str, str, str, list[str], list[tuple[str, str, str | None, str | None, str]]]] = [
    ("street", "day", "rain", ["golden car"], [("hero", "shiver", None, None, "rags"),
                                               ("rival", "sneer", "hero", None, "crown")]),
    ("skyscraper", "night", "clear", ["window-cleaning cradle"], [("hero", "work", None, None, "hard_hat")]),
    ("kitchen", "day", "clear", ["wok"], [("hero", "work", None, None, "chef_hat")]),
    ("street", "night", "snow", ["delivery scooter"], [("hero", "work", None, None, "hoodie")]),
    ("office", "morning", "clear", ["office desk", "money"], [("hero", "work", None, None, "suit"),
                                                             ("rival", "laugh", "hero", None, "none")]),
    ("stage", "night", "clear", ["crowd", "microphone"], [("hero", "sing", None, None, "tuxedo")]),
    ("mansion", "day", "clear", ["golden car", "money"], [("hero", "drive", None, None, "sunglasses"),
                                                         ("rival", "shocked", None, None, "crown"),
                                                         ("partner", "kneel", "hero", None, "suit")]),
    ("beach", "sunset", "clear", ["trophy"], [("hero", "celebrate", None, "trophy", "crown"),
                                              ("rival", "cry", None, None, "none")]),
]


def script(staged: bool) -> Script:
    scenes: list[dict[str, Any]] = []
    for loc, tod, weather, props, chars in SCENES:
        scenes.append({
            "location": loc, "setting": loc, "visual_prompt": loc, "narration": "Something happens.",
            "caption": "Caption", "duration": 7.5, "mood": "dramatic",
            "time_of_day": tod if staged else "day", "weather": weather if staged else "clear",
            "props": props if staged else [],
            "characters": [{"id": i, "outfit": o, **({"action": a, "target": t, "holding": h} if staged else {})}
                           for i, a, t, h, o in chars],
        })
    return Script.model_validate({"title": "Bench", "language": "en", "premise": "bench", "style": "ginger-cat",
                                  "characters": CAST, "scenes": scenes})


# location, setting (its trade), props (crowd, fire), actions
PLACES: list[tuple[str, str, list[str], list[str]]] = [
    ("shop", "a flower shop", [], ["work", "sneer"]),
    ("shop", "a bakery", [], ["work"]),
    ("restaurant", "a little café", [], ["stand", "laugh"]),
    ("market", "a fruit stall", ["crowd"], ["work"]),
    ("shop", "a bookshop", [], ["think"]),
    ("market", "the fish market", [], ["work", "point"]),
    ("stage", "a stage", ["crowd"], ["sing"]),
    ("street", "a street", ["burning house", "crowd"], ["shocked"]),
]


def places_script(places: bool) -> Script:
    scenes: list[dict[str, Any]] = []
    for loc, setting, props, actions in PLACES:
        scenes.append({
            "location": loc, "setting": setting if places else loc, "visual_prompt": loc,
            "narration": "Something happens.", "caption": "Caption", "duration": 7.5, "mood": "dramatic",
            "props": props if places else [],
            "characters": [{"id": i, "action": a} for i, a in zip(("hero", "rival"), actions, strict=False)],
        })
    return Script.model_validate({"title": "Bench", "language": "en", "premise": "bench", "style": "ginger-cat",
                                  "characters": CAST[:2], "scenes": scenes})


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
    rows = {}
    for name, sc in (("unstaged", script(False)), ("staged", script(True))):
        rows[f"{name} stills"] = best(lambda sc=sc: painter.paint(sc, spec, no_progress, never_cancel), args.repeat)
        rows[f"{name} layers"] = best(lambda sc=sc: painter.paint_layers(sc, spec, no_progress, never_cancel),
                                      args.repeat)
    for name, sc in (("plain places", places_script(False)), ("trades", places_script(True))):
        rows[f"{name} layers"] = best(lambda sc=sc: painter.paint_layers(sc, spec, no_progress, never_cancel),
                                      args.repeat)
    print(f"8 scenes at {args.width}x{args.height}, best of {args.repeat}")
    for name, (wall, cpu) in rows.items():
        print(f"  {name:<19} wall {wall:6.2f} s   cpu {cpu:6.2f} s")
    ratio = rows["staged layers"][1] / rows["unstaged layers"][1]
    print(f"  staged/unstaged layers cpu ratio {ratio:.2f}")
    print(f"  places/plain layers cpu ratio {rows['trades layers'][1] / rows['plain places layers'][1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
