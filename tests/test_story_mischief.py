"""A household accident told as a pet's mischief ("knocks the goldfish bowl off the table", 把妈妈的花瓶打碎了): the
misdeed owned up to, told at home, not a calm day on the street. Real writer output."""

from __future__ import annotations

import pytest

from story.kinds import mischief, story_kind
from story.offline import write_story
from story.premise import analyse


@pytest.mark.parametrize(("premise", "lang"), [
    ("A naughty kitten knocks the goldfish bowl off the table.", "en"),
    ("A cheeky corgi knocks grandma's teapot off the shelf.", "en"),
    ("调皮的小猫把金鱼缸从桌子上打翻了。", "zh"),
    ("淘气的哈士奇把妈妈的花瓶打碎了。", "zh"),
])
def test_a_household_accident_is_mischief_owned_up_to_at_home(premise: str, lang: str) -> None:
    assert mischief(premise) and story_kind(analyse(premise)).id == "misdeed"
    written = write_story(premise, None, lang, 1)
    assert {s.location for s in written.script.scenes} == {"bedroom"}


def test_a_knock_on_the_door_is_no_mischief() -> None:
    assert not mischief("a lonely dog knocks on the door of the bakery every morning")
