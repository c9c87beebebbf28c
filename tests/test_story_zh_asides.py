"""Chinese premises typed as Douyin users type them (issue 12): the story's tag (校园霸凌, 婆媳大战, 打脸, 逆袭)
and the typist's comment (泪目, 太可爱了吧, 笑死) standing between the clauses are no deed: never told as one
with the hero's name before it (虎子校园霸凌, 豆包泪目, 年糕太可爱了吧), and the story they tag is still told."""

from __future__ import annotations

import pytest

from story.arcchoice import choose_arc
from story.clauses import clauses
from story.clausewords import aside_zh
from story.offline import validate_premise, write_story
from story.premise import analyse


@pytest.mark.parametrize("said", ["泪目", "太可爱了吧", "笑死我了", "校园霸凌", "婆媳大战", "打脸", "逆袭", "哈哈哈哈",
                                  "家人们谁懂啊", "破防了"])
def test_tags_and_comments_are_asides(said: str) -> None:
    assert aside_zh(said, first=True)


@pytest.mark.parametrize("said", ["小猫哭了", "打脸了同学", "逆袭成了首富", "妈妈心疼它", "被同学欺负"])
def test_a_deed_is_no_aside(said: str) -> None:
    assert not aside_zh(said, first=True)


@pytest.mark.parametrize("said", ["逆袭", "打脸", "校园霸凌"])
def test_a_tag_said_after_the_story_began_is_a_deed(said: str) -> None:
    assert not aside_zh(said, first=False)


@pytest.mark.parametrize(("premise", "deed"), [("穷橘猫被富白猫嘲笑，在工地打工，后来逆袭", "逆袭"),
                                               ("胖柯基被同学嘲笑，逆袭", "逆袭")])
def test_a_tag_word_told_as_the_story_goes_on_stays_a_clause(premise: str, deed: str) -> None:
    assert any(c.text == deed for c in clauses(analyse(premise))), clauses(analyse(premise))


_ASIDES = [
    ("校园霸凌，小哈士奇被同学欺负，它的哥哥是警犬", "校园霸凌"),
    ("婆媳大战，猫婆婆把狗儿媳的饭倒了", "婆媳大战"),
    ("狗狗为了救落水的小主人自己没能上来，泪目", "泪目"),
    ("小奶猫第一次见雪，吓得躲进妈妈怀里，太可爱了吧", "可爱了吧"),
    ("打脸 同学嘲笑小黑猫穷 结果酒店是它开的", "打脸"),
    ("柯基在公园里追着自己的尾巴转圈 笑死我了", "笑死"),
]


@pytest.mark.parametrize(("premise", "aside"), _ASIDES)
def test_an_aside_is_no_clause_nor_line(premise: str, aside: str) -> None:
    a = analyse(validate_premise(premise))
    assert not any(aside in c.text for c in clauses(a)), clauses(a)
    for seed in (1, 2):
        for scene in write_story(premise, None, "zh", seed).script.scenes:
            for _, text in scene.spoken():
                assert aside not in text, text


@pytest.mark.parametrize(("premise", "arc"), [
    ("婆媳大战，猫婆婆把狗儿媳的饭倒了", "in_laws"),
    ("狗狗为了救落水的小主人，泪目", "rescue"),
])
def test_the_story_an_aside_tags_is_still_told(premise: str, arc: str) -> None:
    assert choose_arc(analyse(premise), 1) == arc
