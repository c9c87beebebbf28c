"""A rescue in the snow (a sled dog in a blizzard, a saint bernard finding a lost skier, 圣伯纳犬在暴风雪中找到了被雪埋住的
登山者) is told in the snow from its first scene: no calm sunny day with a butterfly before the cry (the rescue arc's
snow openings), the snow's own peril and digging, and a lost skier found in the snow is a rescue (kinds.json
``rescue``), never a helping paw at a street corner. Checked on the offline writer's real scripts."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse

CALM = ("butterfly", "sky is calm", "humming a little tune", "out for a walk", "nothing much", "蝴蝶", "天空很平静",
        "哼着小曲", "出门散步", "悠闲")


@pytest.mark.parametrize("premise", [
    "a sled dog in a blizzard saves his owner",
    "a saint bernard finds a lost skier in the snow",
    "a dog digs a puppy out of the snow",
    "圣伯纳犬在暴风雪中找到了被雪埋住的登山者",
    "雪橇犬在暴风雪里救了主人",
])
def test_a_snow_rescue_is_told_in_the_snow_from_the_start(premise: str) -> None:
    lang = analyse(premise).language
    for seed in range(3):
        written = write_story(premise, None, lang, seed)
        assert written.arc == "rescue", (seed, written.arc)
        script = written.script
        assert script.scenes[0].weather == "snow", (seed, script.scenes[0].narration)
        lines = [t for s in script.scenes for _, t in s.spoken()]
        assert not [t for t in lines for w in CALM if w in t.lower()], seed
        assert any(c.action == "dig" for s in script.scenes for c in s.characters), seed
