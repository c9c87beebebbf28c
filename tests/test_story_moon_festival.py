"""The Lantern Festival and the Mid-Autumn Festival are told as a family's festival night (kinds.json
``moon_festival``, story/data/arcs/moon_festival.json): the lanterns, the full moon, the family (cast where the premise
names none); never a lazy day of little wonders."""

from __future__ import annotations

import re

import pytest

from story.kinds import story_kind
from story.offline import write_story
from story.premise import analyse

PREMISES = ["a kitten celebrates the lantern festival with her family", "小猫一家过元宵节", "柯基和家人一起过中秋节",
            "a cat family watches the moon at the mid-autumn festival", "元宵节小猫和奶奶一起猜灯谜",
            "小橘猫元宵节和爷爷奶奶吃汤圆", "a shiba carries a lantern at the lantern festival with grandma"]


@pytest.mark.parametrize("premise", PREMISES)
def test_a_moon_festival_is_told_with_its_family(premise: str) -> None:
    assert story_kind(analyse(premise)).id == "moon_festival"
    zh = bool(re.search(r"[\u4e00-\u9fff]", premise))
    script = write_story(premise, None, "zh" if zh else "en", 1).script
    assert len(script.characters) >= 2  # the family, cast where the premise names none
    told = " ".join(t for sc in script.scenes for _s, t in sc.spoken())
    assert re.search(r"灯笼|月亮|lantern|moon", told, re.IGNORECASE)
    assert not re.search(r"烟花|firework", told, re.IGNORECASE)


def test_fireworks_stay_the_new_years() -> None:
    assert story_kind(analyse("小猫一家过春节")).id == "festival"


@pytest.mark.parametrize("premise", ["中秋节，小黑猫想念远方的妈妈",
                                     "a puppy is away from home on mid-autumn festival and misses his mom"])
def test_a_festival_far_from_the_family_is_no_night_together(premise: str) -> None:
    assert story_kind(analyse(premise)).id != "moon_festival"
