"""Two tropes of the genre new users type: a pet whose engagement or marriage ends (被退婚, 离婚后嫁给了霸总, "her
fiance calls off the engagement", "divorces him and marries…") is told as the one left rising (wife_returns: the
break drawn with the one left in tears, the one who left seeing it), never as a child's household change nor a lazy
day, and no cheating said where none was; twins (双胞胎小猫, "twin kittens") are two pets of one look, each cast,
while "her twin sister" is one sister."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse

JILTED = ["被退婚的小猫三年后成为了首富", "小狗离婚后嫁给了霸总", "小猫被未婚夫退婚，五年后成了总裁",
          "the poodle's fiance calls off the engagement because she is poor",
          "husky divorces his greedy wife, she comes back begging when he gets rich"]


def _lang(premise: str) -> str:
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("premise", JILTED)
def test_a_broken_engagement_or_marriage_is_told_as_the_one_left_rising(premise: str, seed: int) -> None:
    written = write_story(premise, None, _lang(premise), seed)
    assert written.arc == "wife_returns"
    lines = " ".join(t for s in written.script.scenes for _, t in s.spoken())
    assert "cheated" not in lines and "出轨" not in lines, lines


@pytest.mark.parametrize("premise", ["被退婚的小猫三年后成为了首富", "小猫被未婚夫退婚，五年后成了总裁",
                                     "the poodle's fiance calls off the engagement because she is poor"])
def test_the_one_left_is_drawn_in_tears_at_the_break(premise: str) -> None:
    script = write_story(premise, None, _lang(premise), 1).script
    word = "退婚" if _lang(premise) == "zh" else "calls off"
    scene = next(s for s in script.scenes if any(word in t for _, t in s.spoken()))
    assert ("hero", "cry") in [(a.id, a.action) for a in scene.characters]


def test_parents_divorcing_is_still_a_household_change() -> None:
    assert write_story("a puppy is sad because his parents get divorced", None, "en", 1).arc == "family_change"


@pytest.mark.parametrize("premise", ["twin kittens separated at birth meet again at school",
                                     "双胞胎小猫出生时被分开，二十年后重逢"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_twins_are_two_pets_of_one_look(premise: str, seed: int) -> None:
    script = write_story(premise, None, _lang(premise), seed).script
    cats = [c for c in script.characters if c.species == "cat"]
    assert len(cats) == 2
    assert cats[0].look == cats[1].look and cats[0].breed == cats[1].breed


@pytest.mark.parametrize("premise", ["a cat and her twin sister open a bakery", "小猫和她的双胞胎姐姐一起上学"])
def test_a_twin_relative_is_one_relative(premise: str) -> None:
    assert [p.relation for p in analyse(premise).cast] == [None, "sister"]
