"""A pet going without for its young or grandchildren (issue 12: who gives, who receives, what is given): told as a
parent's sacrifice, never a lazy day; the giver draws the giving; the knitting is drawn with its yarn."""

from __future__ import annotations

import pytest

from story.arcchoice import choose_arc
from story.buying import gives_for_kin
from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse

SACRIFICES = [
    "a grandma cat knits scarves all winter to pay for her grandson's school trip",
    "a dad dog skips meals so his puppies can eat",
    "a single mom cat gives her only fish to her kittens and goes to bed hungry",
    "狗妈妈把唯一的鸡腿让给了孩子",
    "猫外婆织了一冬天的围巾，给外孙攒钱去春游",
    "爸爸狗每天只吃一顿饭，把肉留给小狗们",
]


@pytest.mark.parametrize("premise", SACRIFICES)
def test_going_without_for_the_young_is_a_parents_sacrifice(premise: str) -> None:
    analysis = analyse(premise)
    assert "sacrifice" in analysis.goals
    assert {choose_arc(analysis, seed) for seed in (1, 2)} == {"parent_sacrifice"}


@pytest.mark.parametrize("premise", [
    "a grandma cat takes her grandson on a school trip",  # a trip, no going without
    "a kitten sells lemonade to buy a bike",  # its own goal
    "a kitten saves up to buy her mom a house",  # a gift to an elder: the saving story's
    "a fat cat skips breakfast and goes jogging",  # a diet, no one it is for
    "小猫让狗咬了一口",  # 让 as a passive
])
def test_no_sacrifice_without_the_young_it_is_for(premise: str) -> None:
    assert not gives_for_kin(premise)


def test_rang_gei_gives_up_to_the_child_not_a_passive() -> None:
    """把鸡腿让给了孩子: the mother yields the drumstick to the child; the child does not do it to her."""
    analysis = analyse("狗妈妈把唯一的鸡腿让给了孩子")
    (c,) = clauses(analysis)
    assert (c.actor, c.passive) == (analysis.hero.key, False)
    assert c.obj is not None and c.obj != analysis.hero.key
    assert [c.actor for c in clauses(analyse("小猫让狗咬了一口"))] != [analyse("小猫让狗咬了一口").hero.key]


@pytest.mark.parametrize("premise,lang", [
    ("a grandma cat knits scarves all winter to pay for her grandson's school trip", "en"),
    ("猫外婆织了一冬天的围巾，给外孙攒钱去春游", "zh"),
])
def test_knitting_drawn_with_its_yarn_by_the_grandma(premise: str, lang: str) -> None:
    script = write_story(premise, None, lang, 1).script
    knitting = [sc for sc in script.scenes if "knits" in sc.narration or "织了" in sc.narration]
    assert knitting and all("yarn ball" in sc.props for sc in knitting), [sc.props for sc in script.scenes]
    assert all(a.action == "work" for sc in knitting for a in sc.characters if a.id == "hero")
    assert all(sc.weather == "snow" for sc in knitting)  # all winter: the snow


def test_the_mother_gives_the_drumstick() -> None:
    script = write_story("狗妈妈把唯一的鸡腿让给了孩子", None, "zh", 1).script
    told = next(sc for sc in script.scenes if "让给了孩子" in sc.narration)
    acts = {a.id: a.action for a in told.characters}
    assert acts["hero"] == "give" and all(act != "give" for who, act in acts.items() if who != "hero")


def test_skipping_meals_is_no_skipping_rope() -> None:
    script = write_story("a dad dog skips meals so his puppies can eat", None, "en", 1).script
    told = next(sc for sc in script.scenes if "skips meals" in sc.narration)
    assert next(a.action for a in told.characters if a.id == "hero") == "give"


_SCHOOLING = ("school", "graduat", "study", "studies", "exam", "stage", "the hall", "上学", "学校", "学费", "大学", "毕业",
              "考试", "读书", "看书", "台上")


@pytest.mark.parametrize("premise,lang", [
    ("a dad dog skips meals so his puppies can eat", "en"),
    ("a mama dog gives up her warm bed for her puppies on a cold night", "en"),
    ("狗妈妈把唯一的鸡腿让给了孩子", "zh"),
])
def test_a_sacrifice_of_food_or_bed_tells_no_school(premise: str, lang: str) -> None:
    """The parent's sacrifice arc tells a school, a study and a graduation only where the premise says schooling."""
    for seed in (1, 2, 3):
        script = write_story(premise, None, lang, seed).script
        said = " ".join(" ".join([sc.narration, *(d.text for d in sc.dialogue)]) for sc in script.scenes).lower()
        assert not [w for w in _SCHOOLING if w in said], (seed, said)


def test_a_sacrifice_for_schooling_keeps_its_graduation() -> None:
    said = [" ".join(sc.narration for sc in write_story("奶奶猫卖菜供孙子读书", None, "zh", seed).script.scenes)
            for seed in (1, 2, 3)]
    assert any("学" in s or "书" in s or "毕业" in s for s in said)
