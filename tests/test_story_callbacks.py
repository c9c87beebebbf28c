"""An arc line that calls back a deed (the rags-to-riches "Remember me? You threw me a coin once.", "the old coin
shines in her paw", "I don't need your coin anymore") is said only where that deed is told: by the arc's own line
(the rival tossing a coin at the hero) or by the premise. Where the premise's own mocking, shaming or dumping takes
the place of the arc's opening, no coin was ever thrown, and the hero never hands one back."""

from __future__ import annotations

import re

import pytest

from story.arcs import fits_setting, premise_deeds
from story.offline import write_story

TOSSED = re.compile(r"tosses a coin at|扔了一枚硬币")
CALLED_BACK = re.compile(r"threw me a coin|old coin shines|your coin anymore|扔过一枚硬币|旧硬币闪着光|你的硬币")

# the genre's rags-to-riches premises as users type them; each said a coin callback with no coin thrown
NO_COIN = (
    ("a poor dog is shamed by his rich in-laws at the wedding", 1),
    ("a poor dog is shamed by his rich in-laws at the wedding", 2),
    ("the orange cat was laughed at for being poor, now he drives a sports car", 1),
    ("a poor ginger cat is mocked by a rich white cat, works hard every day and shocks them all", 1),
    ("a proud rich cat mocks the poor new dog at school, who wins the science fair", 1),
    ("橘猫被白猫嘲笑穷，努力工作后让所有人震惊", 1),
    ("穷狗在婚礼上被丈母娘羞辱", 1),
    ("狗狗的女朋友嫌他穷跟有钱的贵宾犬跑了，他努力创业成了富豪", 2),
    ("穷柴犬被女朋友嫌弃，三年后开着豪车回来了", 1),
)


def _said(premise: str, seed: int) -> str:
    script = write_story(premise, None, "", seed).script
    return " ".join(s.narration + " " + " ".join(t for _, t in s.spoken()) for s in script.scenes)


@pytest.mark.parametrize(("premise", "seed"), NO_COIN)
def test_no_coin_called_back_where_none_was_thrown(premise: str, seed: int) -> None:
    said = _said(premise, seed)
    assert TOSSED.search(said) is None  # the premise's own wrong opens the story
    assert CALLED_BACK.search(said) is None, said


def test_a_coin_the_premise_throws_is_called_back() -> None:
    premise = "a rich cat throws a coin at a poor dog, who later becomes rich"
    assert premise_deeds(premise) == {"coin_toss"}
    assert any(CALLED_BACK.search(_said(premise, seed)) for seed in (1, 2, 3))


def test_a_callback_fits_only_after_its_deed() -> None:
    line = {"speaker": "hero", "en": "x", "zh": "x", "visual": "x", "after": "coin_toss"}
    assert not fits_setting(line, {"_told": ""})
    assert fits_setting(line, {})  # the arc's own draws, before the premise's clauses are woven in
    assert fits_setting(line, {"_told": "coin_toss"})
    assert fits_setting({"speaker": "hero", "en": "x", "zh": "x", "visual": "x"}, {"_told": ""})
    assert premise_deeds("穷猫被富猫扔了一枚硬币") == {"coin_toss"}
    assert premise_deeds("a poor cat is mocked by a rich cat") == set()
