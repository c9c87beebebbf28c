"""The premise's own lines of a short-drama reveal read as sentences (English and Chinese): a Chinese clause
whose subject is its own pronoun after 其实/原来/五年后 names the pet once, where the pronoun stood
(其实女婿是隐藏的首富, never 女婿其实他是…); 却 goes after the subject (土豆却被…, never 却，土豆…); who the
pet is said to be after 是 is nobody of the cast (原来她是董事长的妈妈: never the manager's mother);
"she's a CEO" keeps its "is", and "5 years later" is the next clause's when, never a clause of its own."""

from __future__ import annotations

import re

import pytest

from story.offline import write_story


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
    assert re.search(rf"(?:其实|原来|五年后)(?:{names})(?:是|成了)", text), text


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
