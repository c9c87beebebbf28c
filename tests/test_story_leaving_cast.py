"""Who is who when a partner leaves for another pet, and when a thief steals for its young: the one left is the
hero (跟…走了, "left him for", "his wife runs off with…" alone), the new love is a pet of its own even of the
hero's breed ("another corgi", 另一只白猫), drawn unlike the partner who leaves with it; a thief's young are its
family, never its accomplices, and who takes them in is no rival."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse, hero_style
from story.styles import DEFAULT_STYLE


@pytest.mark.parametrize(("premise", "partner", "new_love"), [
    ("橘猫的女朋友跟一只有钱的波斯猫走了，橘猫努力工作开了一家鱼店", "girlfriend", "persian"),
    ("小黑猫的男朋友跟白富美猫走了，她一个人开了奶茶店", "boyfriend", None),
    ("a corgi's fiancée left him for a wealthy greyhound, years later he owns a bakery", "girlfriend", "greyhound"),
])
def test_a_partner_who_goes_off_with_another_pet_leaves_the_hero(premise: str, partner: str,
                                                                 new_love: str | None) -> None:
    analysis = analyse(premise)
    rival = analysis.person("rival")
    assert rival is not None and rival.relation == partner
    assert "dump" in analysis.wrongs
    loves = [p for p in analysis.cast if p.lover_of == "rival"]
    assert len(loves) == 1 and loves[0].side == "villain"
    if new_love is not None:
        assert loves[0].breed == new_love
    assert analysis.hero.relation is None


@pytest.mark.parametrize("premise", ["柯基和女朋友一起走了很远的路", "橘猫的女朋友跟它一起走了很远的路"])
def test_walking_together_leaves_no_one(premise: str) -> None:
    assert "dump" not in analyse(premise).wrongs


@pytest.mark.parametrize(("premise", "hero_breed"), [
    ("his wife runs off with a rich Persian", None),  # the one left, whom "his" names: the hero
    ("her boyfriend left her for a rich poodle, the little corgi becomes a famous singer", "corgi"),
])
def test_the_one_left_is_the_hero(premise: str, hero_breed: str | None) -> None:
    analysis = analyse(premise)
    assert analysis.hero.relation is None and analysis.hero.breed == hero_breed
    rival = analysis.person("rival")
    assert rival is not None and rival.relation in {"wife", "boyfriend"}
    assert any(p.lover_of == "rival" for p in analysis.cast)


@pytest.mark.parametrize(("premise", "breed"), [
    ("a corgi's wife cheats on him with another corgi, a rich one", "corgi"),
    ("the black cat's boyfriend dumps her for a black cat who is a model", "black_cat"),
])
def test_the_new_love_of_the_hero_s_breed_is_a_pet_of_its_own(premise: str, breed: str) -> None:
    cast = analyse(premise).cast
    assert [p.breed for p in cast if p.breed == breed] == [breed, breed]
    assert any(p.lover_of == "rival" and p.breed == breed for p in cast)


def test_another_of_the_hero_s_breed_who_takes_its_partner_is_the_rival() -> None:
    cast = analyse("白猫的男朋友被另一只白猫抢走了").cast
    assert [(p.key, p.breed) for p in cast[:2]] == [("hero", "white_cat"), ("rival", "white_cat")]


@pytest.mark.parametrize("premise", ["柴犬的老婆跟着一只开跑车的哈士奇跑了，柴犬发誓要变强", "his wife runs off with a rich Persian"])
@pytest.mark.parametrize("seed", [1, 2])
def test_the_partner_is_drawn_unlike_the_new_love(premise: str, seed: int) -> None:
    analysis = analyse(premise)
    script = write_story(premise, hero_style(analysis) or DEFAULT_STYLE, analysis.language, seed).script
    ids = {"rival": "rival", "love": next(p.key for p in analysis.cast if p.lover_of == "rival")}
    style = {c.id: c.style for c in script.characters}
    assert style[ids["love"]] is not None
    assert style["rival"] not in {style[ids["love"]], style["hero"]}


@pytest.mark.parametrize(("premise", "hero_breed"), [
    ("一只流浪猫为了养活三只小猫去偷鱼，被鱼店老板抓住了", "stray_cat"),
    ("流浪狗偷包子给它的小狗吃，包子店老板收留了它们", "mutt"),
    ("流浪猫偷了面包店的面包给它的小猫吃，老板发现后收养了它们", "stray_cat"),
])
def test_a_thief_s_young_are_its_family(premise: str, hero_breed: str) -> None:
    analysis = analyse(premise)
    assert analysis.hero.breed == hero_breed
    young = [p for p in analysis.cast if p.relation == "kittens"]
    assert young and all(p.of == "hero" and p.side == "hero" and not p.does_wrong for p in young)


@pytest.mark.parametrize("premise", ["流浪狗偷包子给它的小狗吃，包子店老板收留了它们",
                                     "流浪猫偷了面包店的面包给它的小猫吃，老板发现后收养了它们"])
def test_who_takes_the_thief_in_is_no_rival(premise: str) -> None:
    analysis = analyse(premise)
    assert analysis.person("rival") is None
    assert all(p.side != "villain" for p in analysis.cast)


def test_a_mother_who_steals_for_her_young_is_the_hero() -> None:
    cast = analyse("猫妈妈每天去偷鱼喂它的孩子们").cast
    assert cast[0].relation == "mother" and cast[0].species == "cat"
    assert [(p.relation, p.of, p.side, p.does_wrong) for p in cast[1:]] == [("kittens", "hero", "hero", False)]
