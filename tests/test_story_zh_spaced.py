"""Chinese premises typed as Douyin users type them (issue 12): clauses with a space or an emoji between them
(被丈母娘看不起 三年后他成了全城首富) are read as clauses, as if a comma stood there, not run together into one
(看不起三年后… read as one deed, 豪门假千金布偶猫 read as one rival). Hanzi beside a Latin word, a digit or
punctuation keep their spacing. Checked on the premise, the analysis and the script's lines."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from story.offline import validate_premise, write_story
from story.premise import analyse
from story.text import spaced_clauses


@pytest.mark.parametrize(("typed", "read"), [
    ("婆婆嫌弃儿媳 天天挑刺", "婆婆嫌弃儿媳，天天挑刺"),
    ("被退婚后她直接嫁给了首富  前未婚夫傻眼了😂", "被退婚后她直接嫁给了首富，前未婚夫傻眼了😂"),
    ("捡回家😭后来成了招牌猫", "捡回家😭，后来成了招牌猫"),
    ("捡回家😭 后来成了招牌猫", "捡回家😭，后来成了招牌猫"),
    ("回家👍🏻 后来", "回家👍🏻，后来"),
    ("小猫\u3000被骂", "小猫，被骂"),
])
def test_a_space_or_emoji_between_chinese_clauses_reads_as_a_comma(typed: str, read: str) -> None:
    assert validate_premise(typed) == read


@pytest.mark.parametrize("typed", ["布偶猫 Lucky 被欺负", "跑了 10 公里", "回家了。 后来", "招牌猫😭",
                                   "a cat named Bean 🐱 meets a dog", "当 CEO 的柯基"])
def test_spacing_beside_latin_words_digits_and_punctuation_is_kept(typed: str) -> None:
    assert spaced_clauses(typed) == typed


_SPACED = [
    "赘婿柯基被丈母娘看不起 三年后他成了全城首富",
    "真假千金 被抱错的小橘猫回到豪门 假千金布偶猫处处陷害她",
    "校园霸凌 小哈士奇被同学欺负 它的哥哥是警犬",
    "婆婆嫌弃儿媳妇是只土狗 天天挑刺 最后婆婆生病了是儿媳照顾她",
    "直播带货的猫主播一晚上卖了一百万 被同行眼红举报",
    "离婚后前夫哥后悔了 布偶猫姐姐已经成了大老板",
    "年夜饭上亲戚嘲笑小橘猫没对象 她带回来一个霸总",
    "被渣男劈腿后 小白猫去了健身房 一年后惊艳所有人",
]


@pytest.mark.parametrize("premise", _SPACED)
def test_no_line_runs_two_typed_clauses_together(premise: str) -> None:
    """Where the user's clauses met (a space), no line joins the end of one to the start of the next."""
    parts = premise.split()
    seams = [(a[-2:], b[:2]) for a, b in pairwise(parts)]
    for scene in write_story(premise, None, "zh", 1).script.scenes:
        for _, text in scene.spoken():
            for end, start in seams:
                assert not re.search(re.escape(end) + r"\w{0,4}" + re.escape(start), text), (text, end, start)


def test_a_rival_named_after_a_space_is_not_read_with_the_place_before_it() -> None:
    a = analyse(validate_premise("真假千金 被抱错的小橘猫回到豪门 假千金布偶猫处处陷害她"))
    rival = next(p for p in a.cast if p.role == "rival")
    assert "豪门" not in "".join(rival.words), rival


def test_a_rise_typed_after_a_space_is_told_as_its_own_beat() -> None:
    lines = [t for s in write_story("赘婿柯基被丈母娘看不起 三年后他成了全城首富", None, "zh", 1).script.scenes
             for _, t in s.spoken()]
    assert any(re.search(r"成了全城首富", t) and "看不起" not in t for t in lines), lines
