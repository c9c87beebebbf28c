"""Casting and arc choice on premises the viewer checks found misread (issue 12): a pet's friend who takes the
pet's partner is the rival and the pet the one wronged ("a poodle's best friend steals her boyfriend"); a
partner or friend told of again who runs off with the money is a betrayal, not a dream (卷走了所有的钱); a kung
fu master is a mentor with no owner; a sheepdog is a breed. Checked on the analysis and the arc only (fast)."""

from __future__ import annotations

import pytest

from story.arcs import choose_arc
from story.premise import analyse


def _cast(premise: str) -> dict[str, tuple[str, str | None]]:
    """The premise's words for each cast member → (role, relation)."""
    return {p.words[0]: (p.role, p.relation) for p in analyse(premise).cast if p.words}


@pytest.mark.parametrize(("premise", "hero", "rival", "partner"), [
    ("a poodle's best friend steals her boyfriend", "poodle", "best friend", "boyfriend"),
    ("My shiba's best friend stole his girlfriend", "shiba", "best friend", "girlfriend"),
    ("柯基的闺蜜抢走了她的男朋友", "柯基", "闺蜜", "男朋友"),
])
def test_a_friend_who_takes_the_pets_partner_is_the_rival_and_the_partner_the_pets(premise: str, hero: str,
                                                                                    rival: str, partner: str) -> None:
    a = analyse(premise)
    assert (a.hero.words[0], a.cast[1].words[0], a.cast[1].role) == (hero, rival, "rival"), _cast(premise)
    assert next(p for p in a.cast if p.words == (partner,)).of == "hero"


@pytest.mark.parametrize(("premise", "rival"), [
    ("a dog and his business partner open a bakery, but the partner runs off with all the money", "partner"),
    ("小橘和好朋友一起开店，结果朋友卷走了所有的钱", "好朋友"),
])
def test_a_partner_told_of_again_who_runs_off_with_the_money_betrays_the_hero(premise: str, rival: str) -> None:
    a = analyse(premise)
    assert a.cast[1].words[0] == rival and a.cast[1].role == "rival" and not a.hero.does_wrong, _cast(premise)
    assert len(a.cast) == 2, _cast(premise)  # the friend told of again is one pet
    assert choose_arc(a, 1) == "betrayal_comeback"


@pytest.mark.parametrize("premise", ["a kung fu master cat teaches a clumsy puppy", "功夫大师熊猫收了一个笨徒弟"])
def test_a_kung_fu_master_is_a_mentor_with_no_owner(premise: str) -> None:
    a = analyse(premise)
    assert [p.relation for p in a.cast].count("owner") == 0 and a.hero.relation == "mentor", _cast(premise)
    assert choose_arc(a, 1) == "mentor"


def test_a_sheepdog_is_a_dog_of_its_breed() -> None:
    hero = analyse("a sheepdog loses his flock in a storm").hero
    assert (hero.species, hero.breed) == ("dog", "border_collie")
