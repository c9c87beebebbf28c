"""Chinese casting (and its English twins): a label a pet is called (胆小鬼, 丑八怪, 没用的野猫, "a loser") is no
pet of the cast nor its name, and calling one a loser is mocking it; the common Chinese breed names and
nicknames (阿拉斯加, 银渐层, 柴柴, 萨摩) are breeds. Every assertion reads the premise's real analysis."""

from __future__ import annotations

import pytest

from story.premise import analyse


@pytest.mark.parametrize(("premise", "hero", "cast"), [
    ("泰迪被大家笑话是个胆小鬼，后来它在火灾中救了所有人", "poodle", 1),
    ("柯基被同学叫做丑八怪，后来成了超级模特", "corgi", 2),
    ("狸花猫被村里人叫做没用的野猫，后来抓住了偷鸡的黄鼠狼", "tabby", 1),
    ("拉布拉多被叫做傻大个，后来成了明星", "labrador", 1),
    ("同学们都叫小柯基废物，它默默努力，最后拿了冠军", "corgi", 2),
])
def test_a_label_a_pet_is_called_is_no_pet_nor_its_name(premise: str, hero: str, cast: int) -> None:
    a = analyse(premise)
    said = [(p.role, p.breed, p.words, p.name) for p in a.cast]
    assert a.hero.breed == hero and a.hero.name is None, said
    assert len(a.cast) == cast, said
    labels = ("胆小鬼", "丑八怪", "没用", "野猫", "傻大个", "废物", "小鬼")
    assert not any(w in label for p in a.cast for w in (*p.words, p.name) if w for label in labels), said


def test_a_pet_after_its_label_is_still_cast() -> None:
    a = analyse("被叫做胆小鬼的泰迪，后来救了一只小猫")
    assert a.hero.breed == "poodle" and a.hero.name is None, [(p.role, p.words) for p in a.cast]
    assert any(p.name == "豆豆" for p in analyse("小狗被主人叫做豆豆，每天在门口等主人").cast)  # a name, no label


@pytest.mark.parametrize(("premise", "hero", "mockers"), [
    ("The other puppies call the little pug a loser, but he wins the race", "pug", 2),
    ("The big cats call a tiny kitten a scaredy-cat, until she saves them from a fire", None, 2),
])
def test_calling_a_pet_a_loser_mocks_it(premise: str, hero: str | None, mockers: int) -> None:
    a = analyse(premise)
    said = [(p.role, p.breed, p.side) for p in a.cast]
    assert a.hero.species == "dog" if hero else a.hero.species == "cat", said
    assert hero is None or a.hero.breed == hero, said
    assert "mock" in a.wrongs and sum(p.side == "villain" for p in a.cast) == mockers, said


def test_a_passive_call_keeps_its_doers_after_by() -> None:
    a = analyse("A husky called a coward by the other dogs saves a kitten from the river")
    assert a.hero.breed == "husky" and all(p.side == "villain" for p in a.cast if p.words == ("dogs",))


@pytest.mark.parametrize(("premise", "breed"), [
    ("阿拉斯加被主人嫌弃太能吃，离家出走后成了雪橇冠军", "malamute"),
    ("银渐层被邻居嘲笑，后来成了明星", "british"),
    ("柴柴在公司被老板骂，最后自己开了公司", "shiba"),
    ("萨摩每天在雪地里等主人回家", "samoyed"),
    ("中华田园猫被波斯猫看不起，后来成了网红", "tabby"),
    ("加菲被主人抛弃了，后来被好心人收养", "exotic"),
])
def test_common_chinese_breed_names_are_breeds(premise: str, breed: str) -> None:
    a = analyse(premise)
    assert a.hero.breed == breed and a.hero.role == "hero", [(p.role, p.breed, p.words) for p in a.cast]
