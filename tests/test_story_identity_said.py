"""Who a pet is, said of it after "is" (short-drama reveals, English): "he is the mall owner", "she's a CEO",
"gets promoted to be their boss", "is secretly the richest dog in the city" name what the pet is, never one
more pet of the cast; a pet told apart by "is" keeps its own ("there is a stray dog", "a dog whose owner is
the mayor")."""

from __future__ import annotations

import pytest

from story.premise import analyse


def _keys(premise: str) -> list[str]:
    return [p.key for p in analyse(premise).cast]


@pytest.mark.parametrize(("premise", "cast"), [
    ("security guard dog is mocked by rich cats at the mall, the next day they find out he is the mall owner",
     3),  # was: the owner one more pet
    ("pregnant cat gets abandoned by her husband, 5 years later she's a CEO and he comes begging", 2),  # the CEO
    ("the shiba who everyone called useless at the office gets promoted to be their boss", 1),  # the boss
    ("a golden retriever is looked down on by his wife's rich family, but he is secretly the richest dog in "
     "the city", 2),  # the richest dog
    ("a husky cleaner is bullied by a poodle, but she is actually the new company boss", 2),
])
def test_who_a_pet_is_names_no_new_pet(premise: str, cast: int) -> None:
    assert len(analyse(premise).cast) == cast, _keys(premise)


@pytest.mark.parametrize(("premise", "cast"), [
    ("there is a stray dog who waits for his owner at the station", 2),
    ("a lonely cat meets a dog whose owner is the mayor", 3),
])
def test_a_pet_told_apart_by_is_stays(premise: str, cast: int) -> None:
    assert len(analyse(premise).cast) == cast, _keys(premise)


@pytest.mark.parametrize("premise", [
    "入赘的金毛女婿被丈母娘嫌弃，其实他是隐藏的首富",
    "被全家看不起的上门女婿柴犬，一个电话叫来了十辆豪车",
    "a golden retriever son-in-law is looked down on by his wife's rich family",
])
def test_a_son_in_law_is_the_heros_relation_never_its_name(premise: str) -> None:
    hero = analyse(premise).hero
    assert hero.name is None and hero.relation == "son_in_law", hero
