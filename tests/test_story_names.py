"""Given names across the two languages: a Chinese name after its breed, pinyin in an English script,
and 家 that is a family or a measure word, not a place."""

from __future__ import annotations

import re

import pytest

from story.clauses import clauses
from story.names import name_in, romanise
from story.offline import write_offline
from story.premise import analyse

_HAN = re.compile(r"[\u3400-\u9fff]")


def test_a_chinese_name_is_read_in_pinyin_without_tone_marks() -> None:
    assert romanise("小橘") == "Xiaoju"
    assert romanise("旺财") == "Wangcai"
    assert romanise("豆包") == "Doubao"
    assert romanise("西安") == "Xi'an"  # a syllable starting with a vowel is set apart
    assert name_in("小橘", "en") == "Xiaoju"
    assert name_in("小橘", "zh") == "小橘"
    assert name_in("Mango", "zh") == "Mango"  # a Latin name stays as written in a Chinese script


@pytest.mark.parametrize(("premise", "names"), [
    ("橘猫小橘被富有的白猫嘲笑", {"hero": "小橘"}),
    ("最后，橘猫救了金毛旺财一家", {"golden": "旺财"}),
    ("柯基豆包在餐厅打工", {"hero": "豆包"}),
    ("黑猫煤球和白猫雪球是死对头", {"hero": "煤球", "white_cat": "雪球"}),
    ("狸花猫阿花被同学嘲笑", {"hero": "阿花"}),
    ("一只叫小橘的橘猫被富有的白猫嘲笑", {"hero": "小橘"}),
    ("萨摩耶雪糕在舞台上唱歌", {"hero": "雪糕"}),
    ("哈士奇二哈参加厨艺大赛，被评委看不起", {"hero": "二哈"}),
])
def test_a_name_written_right_after_the_breed_is_that_pets_name(premise: str, names: dict[str, str]) -> None:
    got = {p.key: p.name for p in analyse(premise).cast if p.name}
    assert got == names


@pytest.mark.parametrize("premise", ["橘猫大声喊", "白猫排队来吃面", "橘猫努力工作", "金毛竞选市长",
                                     "橘猫每天偷偷练习", "白猫小姐被橘猫救了",
                                     "橘猫终于在比赛中赢了", "萨摩耶依然在等"])
def test_a_word_after_the_breed_that_is_no_name_stays_a_word(premise: str) -> None:
    assert [p.name for p in analyse(premise).cast if p.name] == []


def test_the_name_and_the_pet_it_names_are_one_mention() -> None:
    """橘猫小橘 was told 橘猫布丁小橘 (a drawn name before the premise's own), and 一只叫小橘的橘猫 as
    橘的橘猫小橘叫小小橘."""
    first = clauses(analyse("一只叫小橘的橘猫被富有的白猫嘲笑"))[0]
    assert first.subject == "hero" and first.subject_words == "一只叫小橘的橘猫"
    assert clauses(analyse("橘猫小橘被白猫嘲笑"))[0].subject_words == "橘猫小橘"
    for seed in range(3):
        script = write_offline("橘猫小橘被富有的白猫嘲笑是穷光蛋，它努力工作，最后救了金毛旺财一家", "ginger-cat",
                               "zh", seed)
        text = "".join(s.narration for s in script.scenes)
        assert "橘猫小橘被" in text and "小橘小橘" not in text and "金毛旺财一家" in text, text
        assert {c.name for c in script.characters} >= {"小橘", "旺财"}


def test_an_english_script_of_a_chinese_premise_says_the_names_in_pinyin_and_the_family_is_no_place() -> None:
    """"救了金毛一家" (saves the golden retriever's whole family) was told "saves Duke at home"."""
    premise = "橘猫小橘被富有的白猫嘲笑是穷光蛋，它努力工作，最后救了金毛旺财一家"
    for seed in range(3):
        script = write_offline(premise, "ginger-cat", "en", seed)
        names = {c.name for c in script.characters}
        assert {"Xiaoju", "Wangcai"} <= names
        spoken = " ".join([script.title, *(s.narration for s in script.scenes),
                           *(line.text for s in script.scenes for line in s.dialogue)])
        assert not _HAN.search(spoken), spoken
        assert "whole family" in spoken and "at home" not in spoken, spoken


@pytest.mark.parametrize(("premise", "place"), [("橘猫开了一家餐厅", "restaurant"), ("最后救了金毛一家", None),
                                                ("它的家人都很开心", None), ("小狗在家里等主人", "bedroom")])
def test_jia_as_a_family_or_a_measure_word_is_no_place(premise: str, place: str | None) -> None:
    assert analyse(premise).places == ([place] if place else [])


def _narration(premise: str, seed: int = 3) -> tuple[str, dict[str, str]]:
    script = write_offline(premise, "ginger-cat", "zh", seed)
    return "".join(s.narration for s in script.scenes), {c.id: c.name for c in script.characters}


def test_chinese_misreadings_seen_on_new_premises() -> None:
    """Each was read wrongly on a premise never used before: 最后一条鱼 was cut at 最后 ("finally") into
    猫妈妈橘子把。; the friend's theft was told as the hero's own (豆豆偷走了它的秘方); a group got one pet's
    name (同学土豆们); a pronoun stuck to its verb stayed (团子它考了); 二哈 was a second husky."""
    text, names = _narration("猫妈妈把最后一条鱼留给了小猫，自己饿着肚子去上班")
    assert f"猫妈妈{names['hero']}把最后一条鱼留给了小猫" in text and "把。" not in text, text
    read = clauses(analyse("柯基豆豆被最好的朋友柴犬背叛，偷走了它的秘方，后来豆豆把柴犬告上了法庭"))
    # the best friend who betrays the hero is the rival (story/casting.py)
    assert [(c.actor, c.obj) for c in read] == [("rival", "hero"), ("rival", "hero"), ("hero", "rival")]
    text, names = _narration("柯基豆豆被最好的朋友柴犬背叛，偷走了它的秘方，后来豆豆把柴犬告上了法庭")
    assert f"{names['rival']}偷走了豆豆的秘方" in text, text
    text, names = _narration("小黑猫在新学校被同学们欺负，把午饭都抢走了，后来它考了全校第一名")
    assert "被同学们欺负" in text and "同学们把午饭都抢走了" in text and f"{names['rival']}们" not in text, text
    assert f"{names['hero']}它" not in text and f"{names['hero']}考了全校第一名" in text, text


@pytest.mark.parametrize("premise", ["暴雨夜，消防员金毛冲进火场，把一窝小猫救了出来",
                                     "穷橘猫被白猫嘲笑，最后买下了白猫家的大楼"])
def test_a_measure_word_or_a_pets_household_is_no_home(premise: str) -> None:
    assert "bedroom" not in analyse(premise).places
    script = write_offline(premise, "ginger-cat", "zh", 3)
    assert all(s.location != "bedroom" for s in script.scenes[-2:]), [s.location for s in script.scenes]


def test_a_verb_closing_the_clause_after_the_breed_is_no_name() -> None:
    """被顾客白猫投诉，: the white cat complains (投诉), it is not called 投诉 (an English script said "Tousu")."""
    cast = analyse("外卖员哈士奇在暴雨中送餐迟到，被顾客白猫投诉，后来成了外卖公司的老板").cast
    assert [p.name for p in cast if p.name] == []


def test_working_hard_is_told_once_in_english() -> None:
    """它努力工作 (works hard) was told "works day and night and works, day after day"."""
    for seed in range(3):
        script = write_offline("橘猫小橘被富有的白猫嘲笑是穷光蛋，它努力工作，最后救了金毛旺财一家", "ginger-cat", "en", seed)
        text = " ".join(s.narration for s in script.scenes)
        assert "and works, day after day" not in text, text
