"""Who the story is about where the premise casts only the ones who wrong a pet it names by a pronoun (issue 12):
重生回到十八岁，她不再被继母欺负 is hers, the stepmother her rival (was: the stepmother the hero); 被前夫抛弃后她… and
"she is dumped by her boyfriend" likewise; 渣男 is the ex who leaves her. A wrong told in a relative clause after the
doer's own deed (小黑狗赶走了欺负小猫的恶霸) is the bully's, the black dog the hero. "treated like a slave by the rich
cats" is a wrong the cats do (a simile), never a kindness that puts them on the hero's side."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse


def _roles(premise: str) -> list[tuple[str, str, str]]:
    return [((p.words[0] if p.words else ""), p.role, p.side) for p in analyse(premise).cast]


@pytest.mark.parametrize(("premise", "rival"), [
    ("重生回到十八岁，她不再被继母欺负", "继母"),
    ("重生后她让继母付出了代价", "继母"),
    ("被前夫抛弃后她成了女总裁", "前夫"),
    ("她被渣男退婚后开了一家咖啡店", "渣男"),
    ("他被老板开除后开了一家面馆", "老板"),
    ("she is bullied by her stepmother and runs away", "stepmother"),
    ("her stepmother locks her in the attic", "stepmother"),
    ("she is dumped by her boyfriend and becomes a star", "boyfriend"),
    ("her boss fires her and she opens a bakery", "boss"),
])
def test_the_one_a_pronoun_names_is_the_hero_where_only_wrongdoers_are_cast(premise: str, rival: str) -> None:
    a = analyse(premise)
    assert a.hero.words == () and a.hero.role == "hero", _roles(premise)
    assert a.cast[1].words == (rival,) and (a.cast[1].role, a.cast[1].side) == ("rival", "villain"), _roles(premise)


def test_the_wronged_one_is_told_by_name_and_the_stepmother_wrongs_her() -> None:
    s = write_story("重生回到十八岁，她不再被继母欺负", None, "zh", 1).script
    names = {c.id: c.name for c in s.characters}
    assert set(names) == {"hero", "rival"}
    text = "".join(sc.narration for sc in s.scenes)
    assert f"继母{names['rival']}欺负" in text and f"继母{names['hero']}" not in text


@pytest.mark.parametrize(("premise", "hero", "rival", "victim"), [
    ("小黑狗赶走了欺负小猫的恶霸", "小黑狗", "恶霸", "小猫"),
    ("小白狗保护了被同学欺负的小猫", "小白狗", "同学", "小猫"),
])
def test_a_wrong_told_before_the_bullys_de_is_the_bullys(premise: str, hero: str, rival: str, victim: str) -> None:
    a = analyse(premise)
    assert a.hero.words == (hero,) and not a.hero.does_wrong, _roles(premise)
    assert a.cast[1].words == (rival,) and a.cast[1].role == "rival", _roles(premise)
    assert any(p.words == (victim,) and p.side == "hero" for p in a.cast), _roles(premise)


@pytest.mark.parametrize(("premise", "group"), [
    ("a rabbit is treated like a slave by the rich cats", "rich cats"),
    ("a poor kitten is treated like a servant by the rich dogs", "rich dogs"),
])
def test_treated_like_a_slave_by_a_group_puts_it_on_the_villains_side(premise: str, group: str) -> None:
    a = analyse(premise)
    them = [p for p in a.cast if p.words == (group,)]
    assert len(them) == 2 and {p.side for p in them} == {"villain"} and a.cast[1] in them, _roles(premise)


def test_treated_like_a_princess_is_still_a_kindness() -> None:
    from story.sides import kind_doer
    words = tuple("a kitten is treated like a princess by her new family".split())
    assert kind_doer(words, 7, 11, False) == "friend"
    words = tuple("a rabbit is treated like a slave by the rich cats".split())
    assert kind_doer(words, 7, 11, False) is None


@pytest.mark.parametrize(("premise", "name"), [
    ("her classmates call her Piggy because she is chubby", "Piggy"),
    ("his classmates call him Shorty because he is small", "Shorty"),
])
def test_the_one_a_group_calls_by_a_nickname_is_the_hero_never_a_classmate(premise: str, name: str) -> None:
    a = analyse(premise)
    assert a.hero.name == name, _roles(premise)
    classmates = [p for p in a.cast if p.relation == "classmate"]
    assert len(classmates) == 2 and all(p.name is None for p in classmates), _roles(premise)


@pytest.mark.parametrize("premise", ["the neighbors help her find her way home", "同学们都叫她小胖妹"])
def test_a_group_of_people_is_never_the_hero_of_the_one_a_pronoun_names(premise: str) -> None:
    a = analyse(premise)
    assert a.hero.words == () and a.hero.relation is None, _roles(premise)
    assert len([p for p in a.cast if p.relation]) == 2, _roles(premise)


@pytest.mark.parametrize("premise", ["a hungry kitten is chased out of the bakery",
                                     "a stray cat gets kicked out of a bakery and opens her own"])
def test_a_shop_a_pet_is_chased_out_of_is_no_job_of_its_own(premise: str) -> None:
    assert analyse(premise).job is None


def test_a_bakery_worked_at_is_still_a_bakers() -> None:
    assert analyse("a cat works at a bakery").job == "baker"
