"""Named things of the premise drawn as what they are (issue 12, sound off): one hit by a car lying hurt, never
shoving the car; the thief on screen stealing, running off, chased; a cheating couple drawn as a couple; 红烧鱼 a
cooked fish on its plate, never a raw one; helpers all at the help, never standing by; a wait "at the door" at the
house's front door; the one down a well kept in it until its rescue; a kitten grown into a CEO in a suit at the
office."""

from __future__ import annotations

import pytest

from render.painter.props import VARIANTS
from render.painter.vocabulary import art, match_prop
from story.drawings import danger_from, danger_until, hit_by_vehicle, own_drawings, pins
from story.offline import write_story
from story.premise import analyse
from story.script import Scene, Script
from story.venues import places_drawn


def _script(premise: str, seed: int = 1) -> Script:
    return write_story(premise, None, "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en", seed).script


def _telling(script: Script, words: str) -> list[Scene]:
    found = [s for s in script.scenes if words in s.narration]
    assert found, f"no scene tells {words!r}"
    return found


def _on(scene: Scene, cid: str) -> dict[str, str | None] | None:
    app = next((a for a in scene.characters if a.id == cid), None)
    return None if app is None else {"action": app.action, "target": app.target, "expression": app.expression,
                                     "holding": app.holding, "outfit": app.outfit}


@pytest.mark.parametrize("text", ["is hit by a car", "gets hit by a truck on a rainy night", "got run over by a bus",
                                  "a speeding car hits him", "小狗被车撞了", "被一辆卡车撞倒", "出了车祸"])
def test_a_hit_by_a_vehicle_is_read(text: str) -> None:
    assert hit_by_vehicle(text)


@pytest.mark.parametrize("text", ["is hit by a ball", "works at a car wash", "hits the jackpot", "pushes the car",
                                  "被老板骂了"])
def test_no_vehicle_no_hit(text: str) -> None:
    assert not hit_by_vehicle(text)


@pytest.mark.parametrize("premise, words", [
    ("a dog is hit by a car and his owner takes him to the vet", "hit by a car"),
    ("a stray cat gets hit by a car on a rainy night and a girl saves him", "hit by a car"),
    ("小狗被车撞了，好心的阿姨把它送到医院", "被车撞"),
])
def test_one_hit_by_a_car_lies_hurt_never_shoves_it(premise: str, words: str) -> None:
    for scene in _telling(_script(premise), words):
        hero = _on(scene, "hero")
        assert hero is not None and hero["action"] == "sick", hero  # was 'push' (the car shoved) or 'cry'


def test_the_thief_is_seen_stealing_running_off_and_chased() -> None:
    script = _script("a thief steals the grandma's purse and the thief runs away but the corgi chases him")
    steals, = _telling(script, "steals")
    thief = _on(steals, "rival")
    assert thief is not None and thief["action"] == "run" and thief["holding"], thief  # off with the purse
    thief_name = next(c.name for c in script.characters if c.id == "rival")  # the thief cast, said by its name
    runs, = _telling(script, f"{thief_name} runs away")
    assert (_on(runs, "rival") or {}).get("action") == "run"
    chase, = _telling(script, f"chases {thief_name}")
    assert (_on(chase, "rival") or {}).get("action") == "run"
    assert (_on(chase, "hero") or {}).get("target") == "rival"


def test_the_thief_is_seen_in_chinese_too() -> None:
    script = _script("小偷偷走了奶奶的钱包，柯基追了上去")
    chase, = _telling(script, "追了上去")
    assert (_on(chase, "rival") or {}).get("action") == "run"


@pytest.mark.parametrize("premise, words, partner, love", [
    ("a golden retriever catches his wife cheating with a rich poodle", "cheating", "rival", "poodle"),
    ("a shy cat finds out her boyfriend is secretly dating a rich persian", "dating", "rival", "persian"),
    ("柯基发现老婆和哈士奇出轨了", "出轨", "rival", "husky"),
])
def test_a_cheating_couple_is_drawn_as_a_couple(premise: str, words: str, partner: str, love: str) -> None:
    scene = _telling(_script(premise), words)[0]
    one, other = _on(scene, partner), _on(scene, love)
    assert one is not None and other is not None
    assert one["action"] == other["action"] == "hug", (one, other)  # were both only standing
    assert one["target"] == love and other["target"] == partner
    assert one["expression"] == other["expression"] == "love"


def test_ears_pinned_back_pin_nobody_down() -> None:
    scene = Scene.model_validate({
        "location": "bedroom", "setting": "a room", "visual_prompt": "a room", "caption": "Home", "duration": 5.0,
        "narration": "Bear freezes, ears pinned back, as every head turns.",
        "characters": [{"id": "hero", "action": "shocked"}, {"id": "rival", "action": "stand"}]})
    assert pins(scene, ["hero", "rival"]) == {}


@pytest.mark.parametrize("premise", ["小猫给主人做了一盘红烧鱼", "小猫做了一桌子菜，有红烧鱼和饺子"])
def test_braised_fish_is_a_cooked_dish_never_a_raw_fish(premise: str) -> None:
    assert "props:fish_dish" in analyse(premise).surfaces
    asked = [p for s in _script(premise).scenes for p in s.props]
    assert "braised fish" in asked and "fish" not in asked
    assert art(match_prop("braised fish")) == "fish dish" and "fish dish" in VARIANTS
    assert art(match_prop("fish")) == "fish"  # a fish caught is still a fish


def test_a_fish_caught_stays_a_fish() -> None:
    assert "props:fish" in analyse("a cat catches a big fish at the lake").surfaces


@pytest.mark.parametrize("premise, words", [
    ("a little kitten gets lost and all the neighbours help her find her way home", "help"),
    ("小狗迷路了，邻居们帮它找到了家", "帮"),
])
def test_every_helper_is_at_the_help(premise: str, words: str) -> None:
    scene = _telling(_script(premise), words)[-1]
    helpers = [_on(scene, cid) for cid in ("neighbour", "neighbour_2")]
    assert all(h is not None for h in helpers), scene.characters  # the whole group there
    assert all(h["action"] not in ("stand", "talk") for h in helpers if h), helpers  # none standing by


def test_a_hero_who_helps_is_seen_helping() -> None:
    scene = _telling(_script("the corgi helps an old cat cross the road"), "helps")[0]
    hero, cat = _on(scene, "hero"), _on(scene, "cat")
    assert hero is not None and cat is not None
    assert hero["action"] == "walk" and hero["target"] == "cat" and cat["action"] == "walk"  # was talking, standing


@pytest.mark.parametrize("premise", ["狗狗每天在门口等主人回家",
                                     "a dog waits at the door every evening for his owner to come home",
                                     "an old dog sits on the doorstep every day waiting for his family"])
def test_a_wait_at_the_door_is_at_the_house_front_door(premise: str) -> None:
    script = _script(premise)
    drawn = places_drawn(script)
    waits = [i for i, s in enumerate(script.scenes) if any(w in s.narration for w in ("门口", "door"))]
    assert waits
    for i in waits:
        assert script.scenes[i].location == "street" and drawn[i] is not None and drawn[i].kind == "front door", \
            (script.scenes[i].location, drawn[i])


def test_a_shop_door_is_no_home_door() -> None:
    script = _script("小狗每天在超市门口卖花")
    assert all(found is None or found.kind != "front door" for found in places_drawn(script))


@pytest.mark.parametrize("premise", ["a kitten falls into a well and a farmer pulls her out",
                                     "小猫掉进了井里，消防员把它救了上来"])
def test_one_down_a_well_stays_in_it_until_pulled_out(premise: str) -> None:
    script = _script(premise)
    since, until = danger_from(script), danger_until(script)
    assert since is not None and until is not None and since < until
    cast = [c.id for c in script.characters]
    for n in range(since, until):
        drawn = own_drawings(script.scenes[n], cast, script.premise, True, n > since)
        assert drawn.get("hero") == "in well", (n, script.scenes[n].narration, drawn)


@pytest.mark.parametrize("premise, words", [
    ("a tiny kitten is abandoned, the kitten grows up and becomes a CEO", "becomes a CEO"),
    ("小猫长大后成了大公司的老板", "成了大公司的老板"),
])
def test_a_kitten_made_ceo_is_in_a_suit_at_the_office(premise: str, words: str) -> None:
    scene, = _telling(_script(premise), words)
    assert scene.location == "office"
    assert (_on(scene, "hero") or {}).get("outfit") == "suit"
