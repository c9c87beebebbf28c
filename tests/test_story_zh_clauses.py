"""Chinese clause reading (issue 12): in 小猫的哥哥把它的玩具摔坏了 the one 的 names (the brother) is the
clause's subject and does the breaking, so the kitten is wronged and the quarrel is made up (making_up); 笑它 /
笑话它 is mockery done to the pet, not a laugh. Checked on the clauses and the arc (fast)."""

from __future__ import annotations

import pytest

from story.arcchoice import choose_arc
from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse


@pytest.mark.parametrize(("premise", "doer"), [
    ("小猫的哥哥把它的玩具摔坏了", "哥哥"),
    ("柯基的姐姐不小心把它的风筝弄破了", "姐姐"),
    ("泰迪的室友把它的娃娃撕烂了", "室友"),
])
def test_the_one_named_after_de_breaks_the_pets_toy_and_they_make_up(premise: str, doer: str) -> None:
    a = analyse(premise)
    c = clauses(a)[0]
    actor = next(p for p in a.cast if p.key == c.actor)
    assert (actor.words[0], c.obj) == (doer, a.hero.key), c
    assert choose_arc(a, 1) == "making_up"


def test_a_pet_named_before_de_with_no_person_after_is_still_the_subject() -> None:
    a = analyse("小猫的玩具被哥哥摔坏了")
    assert clauses(a)[0].subject == a.hero.key


@pytest.mark.parametrize("premise", ["一只小猫很胖，同学们都笑它胖", "小狗长得矮，大家都笑话它", "同学们都笑小猫胖，小猫决定去跑步",
                                     "邻居们都笑这只老狗没用"])
def test_laughing_at_the_pet_is_mockery_done_to_it(premise: str) -> None:
    a = analyse(premise)
    mocked = [c for c in clauses(a) if "mock" in c.events]
    assert mocked and mocked[0].obj == a.hero.key, clauses(a)
    assert choose_arc(a, 1) == "underdog_revenge"


def test_a_pet_who_laughs_is_no_mockery() -> None:
    assert all("mock" not in c.events for c in clauses(analyse("小猫开心地笑了")))


@pytest.mark.parametrize("premise", ["一只金毛因为太胖被大家嘲笑", "柯基腿短，大家都笑它"])
def test_a_crowd_of_mockers_is_no_invented_rival(premise: str) -> None:
    written = write_story(premise, None, "zh", 1)
    assert len(written.script.characters) == 1, written.script.characters
    assert "stunned crowd" in written.script.scenes[-1].props


@pytest.mark.parametrize(("premise", "hero"), [("被公司开除的柴犬", "柴犬"), ("一只布偶猫被公司辞退，最后成了老板", "布偶猫"),
                                             ("一只橘猫被学校开除了", "橘猫")])
def test_a_workplace_that_fires_the_pet_is_no_pet(premise: str, hero: str) -> None:
    a = analyse(premise)
    assert [p.words for p in a.cast] == [(hero,)], [(p.words, p.role) for p in a.cast]


@pytest.mark.parametrize("premise", ["嘲笑过橘猫的富家白猫来它的咖啡店吃饭", "欺负过小狗的哈士奇后来向它道歉"])
def test_the_pet_named_after_its_deed_and_de_did_that_deed(premise: str) -> None:
    a = analyse(premise)
    first = clauses(a)[0]
    assert (first.actor, first.obj) == (a.cast[1].key, a.hero.key), first
