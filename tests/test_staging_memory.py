"""A scene that tells a memory ("remembers the day he met his owner", 回忆起) has a look of its own: graded
sepia, soft and vignetted, and reported; a day that "will be remembered" is not a memory. Real writer output,
real renders."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter import StoryboardPainter
from render.painter.painter import remembered
from render.stages import never_cancel, no_progress
from story.offline import write_offline
from story.script import Scene
from tests.test_staging import SMALL, _scene


def _warmth(img: np.ndarray) -> tuple[float, float]:
    """How sepia a picture is: red over blue, and how little colour it has otherwise (mean channel spread)."""
    rgb = img.astype(np.float32)
    return float((rgb[..., 0] - rgb[..., 2]).mean()), float((rgb.max(axis=-1) - rgb.min(axis=-1)).std())


@pytest.mark.parametrize(("premise", "lang", "seed"), [
    ("an old dog remembers the day he met his owner at the train station", "en", 1),
    ("a cat visits grandma's grave and remembers the summers they spent together", "en", 2),
    ("小猫回忆起和奶奶一起的日子", "zh", 2),
])
def test_the_scene_that_tells_a_memory_is_graded_as_one(premise: str, lang: str, seed: int) -> None:
    script = write_offline(premise, "ginger-cat", lang, seed)
    painter = StoryboardPainter()
    arts = painter.paint_layers(script, SMALL, no_progress, never_cancel)
    looks = [r["drawn"].get("look") for r in painter.report]
    assert "memory" in looks, looks
    k = looks.index("memory")
    assert remembered(script.scenes[k]) and not all(remembered(s) for s in script.scenes)
    # the same scene told without the memory: the memory is sepia (warmer, its colours flattened)
    plain = script.model_copy(update={"scenes": [s if i != k else s.model_copy(update={"narration": "It is quiet."})
                                                 for i, s in enumerate(script.scenes)]})
    arts_plain = StoryboardPainter().paint_layers(plain, SMALL, no_progress, never_cancel)
    memory, now = (np.asarray(a[k].flatten(), dtype=np.float32) for a in (arts, arts_plain))
    (warm_m, spread_m), (warm_n, spread_n) = _warmth(memory), _warmth(now)
    assert warm_m > warm_n + 8 and spread_m < spread_n, (warm_m, warm_n, spread_m, spread_n)
    h, w = memory.shape[:2]
    corner, middle = memory[: h // 8, : w // 6].mean(), memory[h // 3: h // 2, w // 3: 2 * w // 3].mean()
    assert corner < middle - 20  # the soft vignette


@pytest.mark.parametrize(("narration", "memory"), [
    ("Rex remembers the day he met Duke.", True), ("Years ago, the two were inseparable.", True),
    ("雪球回忆起和奶奶一起的日子。", True), ("Rex will remember this day forever.", False),
    ("Mango remembers every word, every face.", False), ("The whole station goes quiet.", False),
])
def test_memory_words_and_their_look_alikes(narration: str, memory: bool) -> None:
    assert remembered(Scene.model_validate(_scene("station", narration=narration))) is memory
