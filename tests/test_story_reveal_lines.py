"""The premise's own lines of a short-drama reveal read as sentences (English and Chinese): a Chinese clause
whose subject is its own pronoun after 其实/原来/五年后 names the pet once, where the pronoun stood
(其实女婿是隐藏的首富, never 女婿其实他是…); 却 goes after the subject (土豆却被…, never 却，土豆…); who the
pet is said to be after 是 is nobody of the cast (原来她是董事长的妈妈: never the manager's mother);
"she's a CEO" keeps its "is", and "5 years later" is the next clause's when, never a clause of its own; a reveal told as "turns out he owns",
"they find out he is", "goes undercover", 结果他是, 没想到他是 is the reveal's story, never an underdog's; "plainly dressed" is how the humble one looks, never a dress."""

from __future__ import annotations

import re

import pytest

from story.kinds import story_kind
from story.lexicon import lexicon
from story.offline import write_story
from story.premise import analyse


def _narration(premise: str, lang: str, seed: int = 1) -> str:
    written = write_story(premise, None, lang, seed)
    return " ".join(s.narration for s in written.script.scenes)


def _names(premise: str, lang: str, seed: int = 1) -> list[str]:
    return [c.name for c in write_story(premise, None, lang, seed).script.characters]


@pytest.mark.parametrize("premise", [
    "入赘的金毛女婿被丈母娘嫌弃，其实他是隐藏的首富",
    "怀孕的猫咪被老公抛弃，五年后她成了女总裁，前夫跪求复合",
    "保安狗被业主看不起，其实他是整个小区的老板",
    "保洁阿姨猫在公司被经理骂，原来她是董事长的妈妈",
])
def test_a_pronoun_subject_after_a_when_word_is_the_pet_once(premise: str) -> None:
    text = _narration(premise, "zh")
    names = "|".join(map(re.escape, _names(premise, "zh")))
    assert not re.search(rf"(?:{names})(?:其实|原来|五年后)[他她它]", text), text
    assert re.search(rf"(?:{names})(?:是|成了)", text), text  # 其实女婿是…, 豆豆成了女总裁


def test_who_the_pet_is_said_to_be_is_nobody_of_the_cast() -> None:
    premise = "保洁阿姨猫在公司被经理骂，原来她是董事长的妈妈"
    text = _narration(premise, "zh")
    assert "董事长的妈妈" in text, text


def test_que_goes_after_the_subject() -> None:
    premise = "老狗把三个孩子养大，老了却被孩子们赶出家门"
    for seed in (1, 2):
        text = _narration(premise, "zh", seed)
        assert "却，" not in text, text
        assert re.search(r"却被孩子们赶出家门", text), text


def test_a_contracted_is_and_a_span_of_years_are_kept() -> None:
    premise = "pregnant cat gets abandoned by her husband, 5 years later she's a CEO and he comes begging"
    text = _narration(premise, "en")
    hero = _names(premise, "en")[0]
    assert f"{hero} is a CEO" in text, text
    assert "5 years later," in text.lower(), text
    assert f"{hero} 5 years" not in text, text


@pytest.mark.parametrize("premise", [
    "a delivery dog gets laughed at and kicked out of a fancy restaurant, turns out he owns the whole restaurant",
    "security guard dog is mocked by rich cats at the mall, the next day they find out he is the mall owner",
    "a CEO husky goes undercover as a cleaner in his own company and the manager bullies him",
    "外卖员柯基送餐到高档餐厅被保安赶出去，结果他是这家餐厅的老板",
    "小狗被同学笑话穷，没想到她是校长的女儿",
])
def test_a_reveal_said_with_other_words_is_the_reveals_story(premise: str) -> None:
    assert story_kind(analyse(premise)).id == "reveal"


def test_turns_out_is_said_before_the_pet() -> None:
    premise = "a delivery dog gets laughed at and kicked out of a fancy restaurant, turns out he owns the whole restaurant"
    text = _narration(premise, "en")
    hero = _names(premise, "en")[0]
    assert re.search(rf"[Ii]t turns out {hero} owns the whole restaurant", text), text
    assert f"{hero} turns out he" not in text, text


@pytest.mark.parametrize("seed", [1, 2])
def test_plainly_dressed_is_no_dress(seed: int) -> None:
    premise = "a scruffy husky is laughed at by the waiters, but he is actually the real owner of the hotel"
    script = write_story(premise, None, "en", seed).script
    outfits = [a.outfit for s in script.scenes for a in s.characters if a.id == "hero"]
    assert "dress" not in outfits, outfits
    assert not lexicon().find("Rex watching quietly, plainly dressed, in the dressing room", ["outfits"])
    assert [h.key for h in lexicon().find("she wears a red dress and he is dressed in rags", ["outfits"])] == [
        "dress", "rags"]
