"""The payoff seen (story/reversal.py ``show_group_comeback``, story/riches.py ``show_owner``; issue 12).

Viewer check: "A dachshund waiter is mocked by rich customers, saves every tip, opens his own restaurant and the
customers come begging for a table": the begging took nearly half the clip (three scenes of the hero staring,
crying, a crowd cheering) and the customers who mocked him were never seen stunned; the owner wore the waiter's
vest to the end. The many who mocked the hero, said again at the end, are a stunned crowd before the hero
standing glad; the owner is in a suit from the opening.
"""

from __future__ import annotations

import re

import pytest

from story.offline import write_story
from story.premise import analyse
from story.reversal import group_comeback

DACHSHUND = ("A dachshund waiter is mocked by rich customers, saves every tip, opens his own restaurant and the "
             "customers come begging for a table")
CASHIER = ("A ginger cat cashier is sneered at by rich customers, learns to bake at night, opens the best bakery in "
           "town and the rich customers queue at her door")
POODLE = ("A scruffy poodle cleaner is laughed at by the office workers, studies at night, becomes the CEO and the "
          "workers are speechless")
STREET_CAT = ("An old street cat selling flowers is mocked by passers-by, saves every coin, opens a flower shop and "
              "the passers-by line up outside")


def _lang(premise: str) -> str:
    return "zh" if re.search(r"[\u4e00-\u9fff]", premise) else "en"


@pytest.mark.parametrize("premise", [
    DACHSHUND,
    CASHIER,
    STREET_CAT,
    "腊肠狗服务员被有钱的客人嘲笑，每天攒下小费，开了自己的餐厅，客人们排队求一个座位",
    "小泰迪在工地搬砖被工友们笑话，自学设计，开了自己的公司，工友们都来求工作",
])
def test_the_many_who_mocked_the_hero_end_stunned_before_it(premise: str) -> None:
    """The group said again at the end is the group that mocked: a stunned crowd, the hero standing glad
    (never staring, crying or kneeling at its own payoff while a crowd cheers)."""
    assert group_comeback(analyse(premise)) is not None
    scenes = write_story(premise, None, _lang(premise), 1).script.scenes
    last = scenes[-1]
    assert "stunned crowd" in last.props and "cheering crowd" not in last.props
    hero = next(a for a in last.characters if a.id == "hero")
    assert hero.action not in {"shocked", "cry", "kneel", "sulk"} and hero.expression == "happy"


@pytest.mark.parametrize("premise", [
    "A dachshund waiter is mocked by rich customers, saves every tip and the customers laugh at him again",
    "A dachshund waiter saves every tip, opens his own restaurant and the customers come begging for a table",
    "腊肠狗服务员每天攒下小费，开了自己的餐厅，客人们排队求一个座位",
])
def test_no_comeback_of_a_group_that_never_wronged_the_hero_or_wrongs_it_again(premise: str) -> None:
    assert group_comeback(analyse(premise)) is None


@pytest.mark.parametrize(("premise", "maker"), [
    ("小柯基在餐厅偷吃被老板抓到，老板罚他洗碗", "boss"),
    ("The boss makes the lazy corgi wash the dishes", "rival"),
])
def test_the_one_made_to_do_a_chore_does_it_and_the_one_who_makes_it_points(premise: str, maker: str) -> None:
    """老板罚他洗碗: the corgi washes the dishes, the boss points at it (the boss was drawn washing them)."""
    scenes = write_story(premise, None, _lang(premise), 1).script.scenes
    chore = [s for s in scenes if re.search(r"罚|\bmakes\b", s.narration)]  # the scene that tells it
    assert chore
    for scene in chore:
        doing = {a.id: a.action for a in scene.characters}
        assert doing["hero"] == "work" and doing[maker] == "point"


@pytest.mark.parametrize(("premise", "suit"), [
    (DACHSHUND, True),
    ("A tired cleaner dog mops the mall every night, saves every coin and opens her own cafe", True),
    ("A baker cat bakes bread for a big bakery, saves every coin and opens her own bakery", False),
])
def test_the_one_who_opens_its_own_place_is_drawn_its_owner(premise: str, suit: bool) -> None:
    """"A dachshund waiter … opens his own restaurant": from that scene on, the owner in a suit (it wore the
    waiter's vest to the end), or in its own cafe's apron; a baker keeps its apron in its own bakery."""
    scenes = write_story(premise, None, "en", 1).script.scenes
    opened = next(k for k, s in enumerate(scenes) if s.opens)
    heroes = [a for s in scenes[opened:] for a in s.characters if a.id == "hero"]
    worn = {a.outfit for a in heroes}
    assert not worn & {"uniform", "none"} and all(a.off_job for a in heroes) if suit else "suit" not in worn, worn
