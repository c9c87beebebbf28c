"""Quarrels between pets who live together or are friends: the falling-out's own arc (squabble), the thing
fought over drawn, both sulking back to back, the hero's sorry and the hug; a thing named "toy train" is no
training; 哥哥 and 弟弟 are two pets; a push of the owner's phone off the desk is a mischief."""

from __future__ import annotations

from typing import Any

import pytest

from render.painter.staging import stage_scene
from story.clauses import clauses
from story.kinds import story_kind
from story.offline import write_story
from story.premise import analyse
from story.script import Scene


@pytest.mark.parametrize(("premise", "kind"), [
    ("Two kittens fight over the last fish", "squabble"),
    ("Two husky brothers argue over a bone and stop talking for a whole day", "squabble"),
    ("My corgi steps on his brother's toy train and they stop talking", "squabble"),
    ("A shiba accidentally pops his best friend's balloon", "squabble"),
    ("A poodle and a dachshund share a flat and quarrel over the TV remote", "squabble"),
    ("两只猫为了一个纸箱吵架", "squabble"),
    ("柯基不小心把室友猫的积木踩坏了，它们好几天不说话", "squabble"),
    ("哥哥狗弄坏了弟弟的玩具", "squabble"),
    ("A grey cat's roommate breaks his favourite toy mouse", "quarrel"),  # another's breakage: its sorry
    ("his roommate eats his fish and they stop talking", "squabble"),
    ("two corgi brothers fight over the last toy until dad dog makes them share", "household"),
    ("The puppy pushes my phone off the desk", "misdeed"),
    ("小狗把主人的手机从桌子上推下去了", "misdeed"),
    ("my dog gets angry at the mailman", "calm"),  # one pet: no falling-out of a household
])
def test_a_falling_out_is_told_as_a_quarrel_made_up(premise: str, kind: str) -> None:
    assert story_kind(analyse(premise)).id == kind


def test_the_hero_says_sorry_only_for_its_own_deed() -> None:
    kind = story_kind(analyse("his roommate eats his fish and they stop talking"))
    assert kind.arc == "squabble"
    mine = story_kind(analyse("A husky eats his roommate's fish and the roommate cat is furious"))
    assert mine.id == "squabble"  # the hero's own deed: the hero says sorry
    other = analyse("A cat's roommate eats his fish")
    assert story_kind(other).id != "squabble"  # no quarrel word, another's deed: never the hero's sorry


@pytest.fixture(scope="module")
def fish() -> Any:
    return write_story("Two kittens fight over the last fish", None, "en", 1).script


def _acts(scene: Scene) -> dict[str, str]:
    return {c.id: c.action for c in scene.characters}


def test_the_quarrel_is_seen_in_order_thing_sulk_alone_sorry_hug(fish: Any) -> None:
    scenes = fish.scenes
    fought = next(i for i, s in enumerate(scenes) if "fish" in s.props)
    sulk = next(i for i, s in enumerate(scenes) if list(_acts(s).values()).count("sulk") >= 2)
    alone = next(i for i, s in enumerate(scenes) if i > sulk and len(s.characters) == 1)
    sorry = next(i for i, s in enumerate(scenes) if _acts(s).get("hero") in ("kneel", "give"))
    hug = next(i for i, s in enumerate(scenes) if "hug" in _acts(s).values())
    assert fought < sulk < alone < sorry < hug
    assert all(c.expression == "angry" for c in scenes[sulk].characters)


@pytest.mark.parametrize("premise", ["两只猫为了一个纸箱吵架", "Two cats who are best friends argue over a cardboard box"])
def test_a_quarrel_in_either_language_ends_in_a_sorry_and_a_hug(premise: str) -> None:
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"
    acts = [a for s in write_story(premise, None, lang, 2).script.scenes for a in _acts(s).values()]
    assert "sulk" in acts and "hug" in acts and ("kneel" in acts or "give" in acts)


def test_a_toy_train_stepped_on_is_a_toy_not_training() -> None:
    a = analyse("My corgi steps on his brother's toy train and they stop talking")
    assert "train" not in clauses(a)[0].actions
    assert not story_kind(a).striving
    script = write_story(a.premise, None, "en", 1).script
    assert all(c.action != "train" for s in script.scenes for c in s.characters)


def test_an_elder_and_a_younger_sibling_are_two_pets() -> None:
    assert [p.relation for p in analyse("哥哥狗弄坏了弟弟的玩具").cast] == ["brother", "brother"]
    assert len(analyse("小狗的弟弟哭了，弟弟很伤心").cast) == 2  # the same 弟弟 told of twice


def test_sulking_pets_turn_their_backs_on_each_other() -> None:
    scene = Scene.model_validate({"location": "bedroom", "setting": "a room", "visual_prompt": "pets",
                                  "narration": "Hmph.", "caption": "Hmph", "duration": 4.0, "mood": "sad",
                                  "characters": [{"id": "hero", "action": "sulk", "facing": "right"},
                                                 {"id": "rival", "action": "sulk", "facing": "left"}]})
    staged, _ = stage_scene(scene)
    left, right = sorted(staged, key=lambda st: st.slot.x)
    assert left.facing == -1 and right.facing == 1  # each toward its near edge: back to back
    assert all(st.pose.expression == "angry" and st.pose.arms == "crossed" for st in staged)


def test_a_deed_denied_is_no_deed() -> None:
    said = clauses(analyse("The golden retriever sits on his brother's sandcastle and his brother won't forgive him"))
    assert all("forgive" not in c.events and "hug" not in c.actions for c in said)
    assert "forgive" in clauses(analyse("两只仓鼠为了一个轮子吵架，后来和好了"))[-1].events


def test_the_box_fought_over_is_a_cardboard_box_not_bricks() -> None:
    script = write_story("两只猫为了一个纸箱吵架", None, "zh", 1).script
    props = {p for s in script.scenes for p in s.props}
    assert "cardboard box" in props and "bricks" not in props


def test_a_chinese_arc_note_keeps_its_english_doings() -> None:
    """"可乐 apologising to 奶茶": the note is English whatever the names; the hero kneels, the two hug."""
    acts = [c.action for s in write_story("两只猫为了一个纸箱吵架", None, "zh", 1).script.scenes for c in s.characters]
    assert "kneel" in acts or "give" in acts
    assert "hug" in acts


def test_a_toy_stepped_on_is_an_accident_not_a_shove() -> None:
    script = write_story("My corgi steps on his brother's toy train and they stop talking", None, "en", 1).script
    scene = next(s for s in script.scenes if any(p.startswith("broken") for p in s.props))
    hero = next(c for c in scene.characters if c.id == "hero")
    assert hero.action == "shocked"


def test_the_pet_the_quarrel_is_with_gets_no_cameo_of_its_own() -> None:
    """Its lines name it as {wronged}: no invented "I believe in you, don't give up" before the fight."""
    w = write_story("两只小狗为了最后一根香肠打起来了", None, "zh", 2)
    assert all(b.speaker == "narrator" or b.speaker == w.plan.cast[0].id or "哼" in b.line or "不理" in b.line
               for b in w.plan.beats[:3])
    assert not any("别放弃" in b.line or "相信你" in b.line for b in w.plan.beats)


@pytest.fixture(scope="module")
def ball() -> Any:
    return write_story("两只哈士奇为了一个球吵架，后来互相道歉和好了", None, "zh", 4)


def test_the_quarrel_itself_is_both_angry_over_the_thing_fought_over(ball: Any) -> None:
    """为了一个球吵架: both pets angry (not chatting), the ball on screen; 吵架, argue, bicker are a row, not a talk."""
    scene = next(s for s in ball.script.scenes if any(c.expression == "angry" for c in s.characters))
    assert [c.expression for c in scene.characters] == ["angry", "angry"]
    assert "toy" in scene.props  # a ball is drawn as the toy it is, not as a gift box
    assert "point" in clauses(analyse("Two puppy brothers bicker over a toy"))[0].actions


def test_making_up_ends_on_both_hugging(ball: Any) -> None:
    """互相道歉和好了, "then make up": the sorry ends in the hug, the one made up with on screen with the hero."""
    for scenes in (ball.script.scenes, write_story("Two cats argue over a fish and then make up", None, "en", 1).script.scenes):
        last = scenes[-1]
        assert "hug" in [c.action for c in last.characters] and len(last.characters) == 2


def test_tears_in_its_eyes_name_no_place(ball: Any) -> None:
    assert not [s for s in ball.substitutions if s.kind == "place"]  # "tears in its eyes": no place called 'eyes'


def test_not_speaking_is_sulking() -> None:
    assert "sulk" in clauses(analyse("两只猫吵架以后三天不说话"))[-1].actions


@pytest.fixture(scope="module")
def sill() -> Any:
    return write_story("two grumpy old cats argue over the sunny windowsill every morning, stop talking for a week, "
                       "and finally share it", None, "en", 1).script


def test_the_premise_ending_is_told_last_after_the_lonely_night_the_sorry_and_the_hug(sill: Any) -> None:
    """"…and finally share it": the quarrel's end is its last scenes, never told before the lonely night."""
    said = [s.narration for s in sill.scenes]
    shared = next(i for i, line in enumerate(said) if "share it" in line)
    alone = next(i for i, s in enumerate(sill.scenes) if len(s.characters) == 1)
    hug = next(i for i, s in enumerate(sill.scenes) if "hug" in _acts(s).values())
    assert alone < hug < shared
    zh = write_story("两只猫为了窗台上的阳光吵架，一个星期不说话，最后一起晒太阳", None, "zh", 1).script
    assert "晒太阳" in zh.scenes[-1].narration


def test_the_thing_fought_over_is_drawn_in_the_row_and_shared_at_the_end(sill: Any) -> None:
    """The windowsill is on screen where they row and at the end, both glad there; no gift box held out for it."""
    row = next(s for s in sill.scenes if list(_acts(s).values()).count("point") == 2)
    assert "windowsill" in row.props
    last = sill.scenes[-1]
    assert "windowsill" in last.props and len(last.characters) == 2
    assert all(c.expression in ("happy", "love") for c in last.characters)
    assert not any(c.action == "give" for s in sill.scenes for c in s.characters)  # a sill is never handed over


@pytest.mark.parametrize(("premise", "thing"), [
    ("两只小狗为了一个球打起来了，后来和好了", "toy"),
    ("two hamsters fight over the wheel", "hamster wheel"),
    ("两只仓鼠为了跑轮打起来了，谁也不理谁，最后轮流玩", "hamster wheel"),
    ("柯基和柴犬抢沙发，互相不理对方，最后挤在一起睡觉", "sofa"),
])
def test_a_fight_over_a_thing_is_a_row_not_boxing(premise: str, thing: str) -> None:
    """打起来, "fight over", 抢: both angry, pointing at each other with the thing there; no boxing gloves."""
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"
    scenes = write_story(premise, None, lang, 1).script.scenes
    assert not any(c.action == "fight" for s in scenes for c in s.characters)
    row = next(s for s in scenes if list(_acts(s).values()).count("point") == 2)
    assert all(c.expression == "angry" for c in row.characters) and thing in row.props
    assert thing in scenes[-1].props


def test_a_pair_named_together_goes_on_together() -> None:
    """"Milo and Luna fall out over the comfy dog bed and finally share it": both share it, not Milo alone."""
    w = write_story("Milo and Luna fall out over the comfy dog bed and finally share it", None, "en", 1)
    assert any("Milo and Luna share it" in b.line for b in w.plan.beats)
    last = w.script.scenes[-1]
    assert "pet bed" in last.props and {c.id for c in last.characters} == {"hero", "luna"}


def test_the_things_pets_fight_over_are_drawn() -> None:
    from render.painter.props import DRAW, EXTENT
    from render.painter.vocabulary import match_prop

    for words, drawn in (("sunny windowsill", "windowsill"), ("沙发", "sofa"), ("hamster wheel", "hamster wheel"),
                         ("跑轮", "hamster wheel"), ("kite", "kite"), ("TV remote", "remote control"),
                         ("遥控器", "remote control"), ("ball of yarn", "yarn ball"), ("pillow", "pet bed"),
                         ("胡萝卜", "carrot"), ("飞盘", "frisbee")):
        m = match_prop(words)
        assert (m.drawn, m.how != "fallback") == (drawn, True), words
        assert drawn in DRAW and drawn in EXTENT


@pytest.mark.parametrize(("premise", "relation"), [
    ("hamster brothers quarrel over who gets the wheel", "brother"),
    ("兔子姐妹为了一根胡萝卜吵起来了，最后一人一半", "sister"),
    ("姐妹猫为了遥控器吵架", "sister"),
    ("金毛兄弟为了一只飞盘吵翻了", "brother"),
])
def test_a_pet_word_with_its_siblings_word_is_two_pets(premise: str, relation: str) -> None:
    """"hamster brothers", 兔子姐妹, 姐妹猫: two siblings alike, so the falling-out is theirs (no one pet's calm day)."""
    a = analyse(premise)
    assert [p.relation for p in a.cast] == [relation, relation] and a.cast[0].breed == a.cast[1].breed
    assert story_kind(a).id == "squabble"
    assert [p.relation for p in analyse("a dog and his brothers").cast] == [None, "brother"]  # his: one more pet


def test_a_name_after_a_pet_and_and_is_a_pet_of_its_own() -> None:
    """"the old cat and Socks": two cats, Socks is not the old cat's name; "Mango the ginger cat and Biscuit the
    corgi" keeps each name with its pet."""
    a = analyse("the old cat and Socks fight over the TV remote every night")
    assert len(a.cast) == 2 and a.cast[0].name is None and a.cast[1].name == "Socks"
    assert story_kind(a).id == "squabble"
    named = analyse("Mango the ginger cat and Biscuit the corgi argue")
    assert [(p.name, p.breed) for p in named.cast] == [("Mango", "ginger"), ("Biscuit", "corgi")]
    lines = " ".join(b.line for b in write_story(a.premise, None, "en", 1).plan.beats)
    assert "the old cat and Socks" not in lines and "and Socks share everything" in lines


def test_a_row_over_who_gets_a_thing_is_one_clause() -> None:
    """"quarrel over who gets the wheel": what they row about, not a "who" clause of its own ("…quarrel over.")."""
    said = clauses(analyse("hamster brothers quarrel over who gets the wheel"))
    assert len(said) == 1 and "point" in said[0].actions and [n.used for n in said[0].asked] == ["hamster_wheel"]
    assert len(clauses(analyse("a ginger cat who sells fish meets a dog"))) == 2  # a pet's own "who" still cuts
