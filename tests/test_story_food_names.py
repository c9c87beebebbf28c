"""A pet's name that is a food's word (汤圆, 饺子, 包子, "Dumpling") names the pet: it is never a thing of
the story, drawn or asked; the same word bought, eaten or in a shop's name stays the thing."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse, hero_style
from story.styles import DEFAULT_STYLE


@pytest.mark.parametrize(("premise", "name"), [
    ("柯基饺子每天送外卖，被客人看不起", "饺子"),  # a food's word right after the breed
    ("橘猫汤圆开了一家面包店", "汤圆"),  # 汤圆: drawn as the nearest thing, a name all the same
    ("小狗饺子在餐厅打工", "饺子"),
    ("金毛包子被主人丢在路边，后来成了警犬", "包子"),
    ("汤圆是一只胖橘猫，每天被欺负", "汤圆"),  # the name first, then which pet it is
    ("Dumpling the hamster wants to be a chef", "Dumpling"),  # a thing's word told as a pet
])
def test_a_food_word_after_the_pet_is_its_name(premise: str, name: str) -> None:
    analysis = analyse(premise)
    assert analysis.hero.name == name
    assert "dumplings" not in analysis.props and "food_bowl" not in analysis.props


@pytest.mark.parametrize(("premise", "thing"), [
    ("小狗吃饺子的时候被富家狗嘲笑", "dumplings"),  # eaten
    ("a corgi eats a dumpling and dreams of being a chef", "dumplings"),
    ("流浪猫每天吃包子，后来成了厨师", "buns"),
])
def test_the_food_eaten_stays_a_thing(premise: str, thing: str) -> None:
    analysis = analyse(premise)
    assert analysis.hero.name is None
    assert thing in analysis.props


@pytest.mark.parametrize("premise", ["小猫买了狗狗饼干送给朋友", "橘猫开了一家小猫蛋糕店"])
def test_a_food_bought_or_a_shop_s_name_names_no_pet(premise: str) -> None:
    assert all(p.name is None for p in analyse(premise).cast)


def test_the_named_pet_s_story_draws_no_dumplings() -> None:
    premise = "柯基饺子每天送外卖，被客人看不起"
    analysis = analyse(premise)
    script = write_story(premise, hero_style(analysis) or DEFAULT_STYLE, analysis.language, 1).script
    assert script.characters[0].name == "饺子"
    drawn = {p for s in script.scenes for p in s.props} | {a.holding for s in script.scenes for a in s.characters}
    assert "dumplings" not in drawn, drawn


def test_a_food_inside_a_longer_word_after_the_pet_is_no_name() -> None:
    analysis = analyse("柯基面包师每天早上烤面包")  # 面包师, a baker: the corgi's job
    assert analysis.hero.name is None and analysis.job == "baker"
