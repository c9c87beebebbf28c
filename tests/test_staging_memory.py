"""A scene that shows the past (its beat: "remembers the day he met his owner", 回忆起, an arc's "Once, long
ago") has a look of its own: graded sepia, soft and vignetted, and reported. The look is the beat's, never a
word of its line: a memory told without "remember" is still one, a present scene that says "will remember this
day" or "still remembers" is drawn in present colours. Real writer output, real renders."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter import StoryboardPainter
from render.stages import never_cancel, no_progress
from story.offline import write_offline
from tests.test_staging import SMALL, _scene, _script


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
    assert [i for i, s in enumerate(script.scenes) if s.memory] == [i for i, look in enumerate(looks) if look]
    assert not all(s.memory for s in script.scenes)
    # the same scene in the present: the memory is sepia (warmer, its colours flattened)
    plain = script.model_copy(update={"scenes": [s if i != k else s.model_copy(update={"memory": False})
                                                 for i, s in enumerate(script.scenes)]})
    arts_plain = StoryboardPainter().paint_layers(plain, SMALL, no_progress, never_cancel)
    memory, now = (np.asarray(a[k].flatten(), dtype=np.float32) for a in (arts, arts_plain))
    (warm_m, spread_m), (warm_n, spread_n) = _warmth(memory), _warmth(now)
    assert warm_m > warm_n + 8 and spread_m < spread_n, (warm_m, warm_n, spread_m, spread_n)
    h, w = memory.shape[:2]
    corner, middle = memory[: h // 8, : w // 6].mean(), memory[h // 3: h // 2, w // 3: 2 * w // 3].mean()
    assert corner < middle - 20  # the soft vignette


@pytest.mark.parametrize(("premise", "lang"), [
    ("a sleepy beagle thinks of the day he won his first medal", "en"),
    ("long ago a tiny kitten was found in the rain by a kind cat", "en"),
    ("a scruffy stray puppy was given a blanket by a kind old man and now repays him", "en"),
    ("小黑狗记起了第一次见到主人的那天", "zh"),
    ("小狗回想起第一次下雪的那天", "zh"),
])
def test_a_beat_in_the_past_is_a_memory_whatever_its_line_says(premise: str, lang: str) -> None:
    """The clause that remembers ("thinks of the day", 记起, 怀念), a premise that opens in the past ("long ago"),
    an arc's beat before the story ("Once, long ago" and its variants): its scene shows the past."""
    shown = 0  # the arc's beat before the story is told on some seeds only ("Once, long ago")
    for seed in (1, 2, 3):
        script = write_offline(premise, "ginger-cat", lang, seed)
        memories = [s for s in script.scenes if s.memory]
        assert len(memories) < len(script.scenes) / 2, (seed, [s.narration for s in script.scenes])
        shown += bool(memories)
    assert shown, premise


@pytest.mark.parametrize(("premise", "lang", "said"), [
    ("a loyal akita waits at the bus stop every evening for her owner", "en", "remember"),
    ("a lazy corgi wins the big race and will remember this day forever", "en", "remember"),
    ("a poor tabby kitten is mocked by a rich poodle but works hard and becomes a famous chef", "en", "remember"),
    ("一只穷橘猫在餐馆洗碗，被富猫嘲笑，后来成了大老板", "zh", "当年"),
])
def test_a_present_scene_that_says_remember_is_in_the_present(premise: str, lang: str, said: str) -> None:
    """"Will remember this day forever", "still remembers", 当年的小猫如今是老板: the present, in its colours."""
    saying = [s for seed in range(1, 7) for s in write_offline(premise, "ginger-cat", lang, seed).scenes
              if said in s.narration.lower()]
    assert saying and not any(s.memory for s in saying), [s.narration for s in saying if s.memory]


def test_the_look_follows_the_scene_not_its_words() -> None:
    def looks(scenes: list[dict[str, object]]) -> list[object]:
        painter = StoryboardPainter()
        painter.paint_layers(_script(scenes), SMALL, no_progress, never_cancel)
        return [r["drawn"].get("look") for r in painter.report]

    assert looks([_scene(narration="Rex will remember this day forever."),
                  _scene(narration="Rex still remembers the day he met Duke."),
                  _scene(narration="Rex was small then, and cold.", memory=True),
                  _scene(narration="小白回忆起奶奶。"), _scene()]) == [None, None, "memory", None, None]
