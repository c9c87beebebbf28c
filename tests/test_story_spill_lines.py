"""The lines and staging of a mishap story (issue 12): a thing dropped or spilt on someone, then the hero fired or
mocked, then its comeback. "a clumsy beagle waiter drops a cake on a rich poodle at her birthday party, gets fired,
then wins a baking show on TV" (seed 6) opened "Before sunrise" at the party, gave the poodle's "You did that on
purpose!" to the beagle (the poodle off screen), put a cheering crowd round the spill and said "Nobody at the party
even notices" after "Everyone turns to stare"; a mishap with nobody spilt on ("drops the tray at the gala") was told
as the hero's effort or triumph ("One small step, then another", "It all feels unreal"); the boss the coffee was
spilt on begged "I was only joking before"; 把蛋糕掉在了富贵猫身上 was no mishap at all (a surprise party).
Premises here are in no other test."""

from __future__ import annotations

import re

import pytest

from story.drawings import spilt_thing
from story.offline import write_story
from story.script import Script
from story.spinedata import spine_data

BEAGLE = ("a clumsy beagle waiter drops a cake on a rich poodle at her birthday party, gets fired, then wins a baking "
          "show on TV")
SPILT_ON = [
    (BEAGLE, 6),
    (BEAGLE, 1),
    ("a nervous kitten intern spills coffee on the boss, gets fired, then opens her own coffee shop", 2),
    ("a young husky spills soup on a rich cat at the restaurant, is fired, then opens his own restaurant", 4),
    ("小柯基服务员把蛋糕打翻在老板身上，被开除了，后来开了自己的蛋糕店", 3),
    ("实习生橘猫把咖啡洒在了经理身上，被炒鱿鱼，后来开了自己的咖啡馆", 1),
    ("小狗在生日派对上把蛋糕掉在了富贵猫身上，被赶了出去，后来在电视烘焙大赛上夺冠", 1),
]
NOBODY_SPILT_ON = [
    ("a clumsy cat drops the tray at the gala, gets fired, and later wins a cooking contest", 1),
    ("a clumsy cat drops the tray at the gala, gets fired, and later wins a cooking contest", 6),
    ("a shy corgi waiter knocks over the wine at the wedding, everyone laughs at him, then he becomes a famous chef", 6),
    ("笨手笨脚的小猫在婚礼上打翻了红酒，被大家嘲笑，后来成了有名的厨师", 2),
]
# effort and triumph lines the spill was told with on the old code
_STRIVING = ["One small step", "From the top", "It all feels unreal", "will not stop wagging", "Nobody snickers",
             "remember this day", "Pinch me", "ever tried so hard", "Come on, come on", "One more try",
             "这么拼过", "最后一个离开", "他们会看到的", "还不够好，再来", "天不亮就起床", "快了……就快了"]


def _script(premise: str, seed: int) -> Script:
    return write_story(premise, None, "en" if premise.isascii() else "zh", seed).script


def _spill(script: Script) -> int:
    return next(i for i, s in enumerate(script.scenes) if any(a.action == "spill" for a in s.characters))


@pytest.mark.parametrize(("premise", "seed"), SPILT_ON)
def test_the_one_spilt_on_says_its_own_words_on_screen(premise: str, seed: int) -> None:
    """"You did that on purpose!", 你这个笨手笨脚的家伙！: said by the poodle (the boss) the cake fell on, on screen,
    facing the hero, who stands aghast; never by the hero."""
    script = _script(premise, seed)
    lang = "en" if premise.isascii() else "zh"
    theirs = set(spine_data()["say"]["clash"][lang])
    at = _spill(script)
    victim = next(a.target for a in script.scenes[at].characters if a.action == "spill")
    assert victim not in (None, "hero")
    after = script.scenes[at + 1]
    acts = {a.id: a for a in after.characters}
    assert victim in acts and acts[victim].action == "point" and acts[victim].target == "hero", after
    assert acts["hero"].action == "shocked", after
    for scene in script.scenes:
        for line in scene.dialogue:
            if line.text in theirs:
                assert line.speaker == victim and line.speaker in {a.id for a in scene.characters}, scene


@pytest.mark.parametrize(("premise", "seed"), SPILT_ON + NOBODY_SPILT_ON)
def test_nobody_cheers_a_spill_and_everyone_saw_it(premise: str, seed: int) -> None:
    """The crowd round the spill and just after it stares (onlookers), never cheers; a clip that says all eyes turned
    to the spill never says later that nobody noticed."""
    script = _script(premise, seed)
    at = _spill(script)
    for scene in script.scenes[at:at + 2]:
        assert "cheering crowd" not in scene.props, scene
    said = " ".join(s.narration for s in script.scenes)
    assert "even notices" not in said and "谁也没有注意到" not in said


@pytest.mark.parametrize(("premise", "seed"), NOBODY_SPILT_ON)
def test_a_spill_with_nobody_spilt_on_is_no_effort_nor_triumph(premise: str, seed: int) -> None:
    """"drops the tray at the gala", 在婚礼上打翻了红酒: the mishap all eyes turn to (the hero aghast after it), never
    told as the hero's effort ("One small step, then another") nor its triumph ("It all feels unreal")."""
    script = _script(premise, seed)
    at = _spill(script)
    for scene in script.scenes[at:at + 2]:
        words = " ".join([scene.narration, *(ln.text for ln in scene.dialogue)])
        assert not [w for w in _STRIVING if w in words], words
    assert next(a for a in script.scenes[at + 1].characters if a.id == "hero").action == "shocked"


@pytest.mark.parametrize("seed", range(1, 7))
@pytest.mark.parametrize("premise", [
    BEAGLE,
    "a clumsy cat drops the tray at the gala, gets fired, and later wins a cooking contest",
    "小狗在生日派对上把蛋糕掉在了富贵猫身上，被赶了出去，后来在电视烘焙大赛上夺冠",
])
def test_a_party_is_held_by_day_or_in_the_evening(premise: str, seed: int) -> None:
    """The birthday party, the gala: never "Before sunrise," nor "One morning," (天还没亮，一天早上，), never drawn
    in the morning."""
    script = _script(premise, seed)
    scene = script.scenes[_spill(script)]
    assert not re.match(r"Before sunrise|One morning|天还没亮|一天早上", scene.narration), scene.narration
    assert scene.time_of_day != "morning"


@pytest.mark.parametrize(("premise", "seed"), [(p, s) for p, _ in SPILT_ON[2:4] for s in range(1, 7)])
def test_the_one_spilt_on_never_says_it_was_joking(premise: str, seed: int) -> None:
    """The boss the coffee was spilt on never begs "I was only joking before": it never joked at the hero (the
    premise tells no mocking)."""
    script = _script(premise, seed)
    said = " ".join(ln.text for s in script.scenes for ln in s.dialogue)
    assert "only joking" not in said and "只是开玩笑" not in said


def test_a_cake_that_falls_on_one_is_a_mishap() -> None:
    """把蛋糕掉在了富贵猫身上: the cake fell on the cat (a mishap, staged as the spill), no surprise party."""
    assert spilt_thing("小狗在生日派对上把蛋糕掉在了富贵猫身上") == "蛋糕"
    script = _script("小狗在生日派对上把蛋糕掉在了富贵猫身上，被赶了出去，后来在电视烘焙大赛上夺冠", 2)
    assert "秘密" not in script.title and "惊喜" not in script.title
    assert any(a.action == "spill" for a in script.scenes[_spill(script)].characters)
