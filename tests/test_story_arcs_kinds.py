"""Premises of kinds other than striving told in their own arcs: a thief caught on duty, a pet found and kept, a
pet put out that finds a new home, a way home that is not where the story is, a carry out of danger."""

from __future__ import annotations

import pytest

from story.arcchoice import choose_arc
from story.kinds import home_goal, story_kind
from story.offline import write_story
from story.premise import analyse
from story.staged import premise_place


@pytest.mark.parametrize(("premise", "arc"), [
    ("a police dog catches a thief", "thief_caught"),
    ("警犬抓住了小偷", "thief_caught"),  # never a betrayal
    ("a police dog sniffs out a burglar hiding in the warehouse", "thief_caught"),
    ("外卖小哥捡到一只小猫", "taken_in"),  # 外卖 sells nothing: no rags to riches
    ("a delivery guy finds a kitten in the rain and takes it home", "taken_in"),
    ("a puppy kicked out by her family finds a new home", "taken_in"),  # no underdog's revenge
    ("一只被主人赶出家门的小狗找到了新家", "taken_in"),
    ("小女孩收留了一只流浪猫", "taken_in"),
    ("a dog carries his grandma on his back out of the flood", "rescue"),  # no family teaching
    ("一只狗背着受伤的主人走出大火", "rescue"),
    ("a greedy poodle steals grandma cat's wedding ring, and the kitten detective tracks him down", "stolen_treasure"),
    ("a cat carries her sick grandma on her back to the hospital", "carry_to_care"),  # the journey, no milestones
    ("a lost puppy gets lost at the fair and finds his way home", "lost_and_found"),
])
def test_arc_of_its_kind(premise: str, arc: str) -> None:
    assert choose_arc(analyse(premise), 1) == arc


def test_found_pet_is_no_striving() -> None:
    assert not story_kind(analyse("外卖小哥捡到一只小猫")).striving
    assert story_kind(analyse("小狗捡到一个钱包")).id != "found_pet"  # a wallet picked up: no pet taken in


@pytest.mark.parametrize(("premise", "surface", "goal"), [
    ("a kind policeman helps a lost puppy find its way home", "home", True),
    ("a little girl finds an injured kitten and takes it home", "home", True),
    ("a stray kitten finds a new home", "home", True),
    ("警察叔叔帮走丢的小狗找到家", "家", True),
    ("小狗走丢了，找了三天终于回到家", "家", True),
    ("a lost kitten hides at home all day", "home", False),
    ("小狗在家里等主人", "家", False),
])
def test_home_goal(premise: str, surface: str, goal: bool) -> None:
    assert home_goal(premise, surface) is goal


@pytest.mark.parametrize("premise", [
    "警察叔叔帮走丢的小狗找到家",
    "a kind policeman helps a lost puppy find its way home",
    "a lost cat walks a hundred miles to get back home",
    "a stray kitten finds a new home",
])
def test_way_home_is_not_all_at_home(premise: str) -> None:
    assert premise_place(analyse(premise)) is None
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"
    places = [s.location for s in write_story(premise, None, lang, 1).script.scenes]
    assert places[0] != "bedroom" and places[-1] == "bedroom", places


@pytest.mark.parametrize("seed", [1, 2])
def test_thief_caught_told(seed: int) -> None:
    script = write_story("a police dog catches a thief", None, "en", seed).script
    assert {c.id for c in script.characters} >= {"hero", "rival"}  # the thief on screen
    assert all(s.location != "bedroom" for s in script.scenes)  # no treasure box at home
    said = " ".join(s.narration for s in script.scenes)
    assert "box" not in said and "sofa" not in said
