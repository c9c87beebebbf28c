"""A rescue's danger is on screen before the rescue: the burning house, the fire or the flood a premise
names is drawn from the arc's first scene of danger (the cry for help, the one stuck), and through the
rescue that follows it, not only from the clause that names it on (which showed a dog standing in a
quiet street until the kitten was already saved). Script checks on the offline writer's real output."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.script import Script
from story.text import HAN


def _script(premise: str, seed: int = 1) -> Script:
    return write_story(premise, None, "zh" if HAN.search(premise) else "en", seed).script


def _told(script: Script, words: str) -> int:
    return next(i for i, s in enumerate(script.scenes) if words in s.narration)


@pytest.mark.parametrize(("premise", "rescue", "peril"), [
    ("the fire dog rescues a kitten from a burning house", "rescues", "burning house"),
    ("大火烧了起来，柴犬冲进火场救出了小猫", "救出", "fire"),
])
def test_the_fire_is_on_screen_before_the_rescue(premise: str, rescue: str, peril: str) -> None:
    script = _script(premise, 2)
    at = _told(script, rescue)
    before = [i for i, s in enumerate(script.scenes[:at]) if peril in s.props]
    assert before, [(s.narration[:30], s.props) for s in script.scenes]


def test_the_flood_stays_on_screen_until_the_kitten_is_saved() -> None:
    script = _script("洪水来了，金毛游过去救出了被困的小猫", 2)
    came, saved = _told(script, "洪水来了"), _told(script, "救出")
    assert came < saved
    assert all("floodwater" in s.props for s in script.scenes[came:saved + 1]), [s.props for s in script.scenes]
    assert saved > came + 1  # the cry for help comes after the flood, in it, right before the rescue


def test_a_rescue_with_no_danger_named_gets_none_invented() -> None:
    script = _script("a brave husky rescues a kitten stuck in a tree", 2)
    assert not any({"fire", "burning house", "floodwater"} & set(s.props) for s in script.scenes)


def test_the_rubble_is_still_there_when_the_puppy_is_dug_out() -> None:
    script = _script("an earthquake traps a puppy under the rubble and the police dog digs him out", 106)
    dug = next(i for i, s in enumerate(script.scenes) if any(a.action == "dig" for a in s.characters))
    assert "rubble" in script.scenes[dug].props, [s.props for s in script.scenes]
