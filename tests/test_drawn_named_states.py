"""States and deeds the premise names, drawn as themselves (issue 12, sound off): a pet trapped in a fire is drawn
in it, flames round it, sooty and crying, until its rescue (never standing calm before the burning house); one who
trips another has its foot out (the other falls), never falling itself; a worker made the boss ("becomes a CEO",
当上了老板) wears a boss's suit from then on, not its old apron; an idiom ("on purpose", "by accident") names no
thing to draw; a sign held up (举着牌子) is in the hero's paws; a thief caught is pinned flat under the catcher's
paws; cooking on TV is drawn in the show's kitchen; a pregnant hero is round-bellied until its young are born. Story scripts, the painter's staging and one still."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from render.painter.staging import stage_scene
from story.dangers import trapped_in
from story.drawings import (
    FALL,
    PIN,
    PINNED,
    TRIP,
    danger_until,
    drawn_lines,
    in_danger,
    own_drawings,
    pins,
    pregnant_until,
    trips,
)
from story.held import HOLD_ACTIONS, HOLDS_SIGN
from story.offline import write_story
from story.outfits import boss_at
from story.script import Scene
from story.venues import places_drawn
from tests.test_staging import _layers, _scene, _script

TRAPPED = "trapped in fire"

# -- trapped in a fire ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("premise", "lang"), [
    ("a kitten is trapped in a burning house and cries for help", "en"),
    ("a cat is trapped in a burning house and a firefighter dog saves her", "en"),
    ("小猫被困在着火的房子里，消防员狗狗冲进去救了它", "zh"),
])
def test_the_pet_trapped_in_a_fire_is_drawn_in_it_until_its_rescue(premise: str, lang: str) -> None:
    assert trapped_in(premise) == "fire"
    written = write_story(premise, None, lang, 1)
    script = written.script
    cast = [c.id for c in script.characters]
    until = danger_until(script)
    assert until is not None
    drawn = [own_drawings(s, cast, premise, n < until) for n, s in enumerate(script.scenes)]
    trapped = [n for n, d in enumerate(drawn) if d.get("hero") == TRAPPED]
    told = next(n for n, s in enumerate(script.scenes) if "trapped" in s.narration or "被困" in s.narration)
    assert told in trapped and all(n < until for n in trapped)
    staged, _ = stage_scene(script.scenes[told], cast, {}, premise, True)
    hero = next(st for st in staged if st.id == "hero")
    assert hero.drawn_as == TRAPPED and hero.pose.expression == "crying" and hero.pose.arms == "up"
    assert {"flames", "soot"} <= set(hero.pose.marks)
    assert any(f"drawn as '{TRAPPED}'" in line for line in drawn_lines(written.substitutions, script))


def test_a_fire_nobody_is_trapped_in_draws_nobody_in_it() -> None:
    assert trapped_in("a firefighter dog puts out a fire at the bakery") is None
    assert trapped_in("a kitten gets stuck in a cardboard box") is None  # no danger of the list (a tree now is one:
    # tests/test_story_active_rescue.py)
    scene = Scene.model_validate(_scene("street", [{"id": "hero", "action": "stand"}],
                                        narration="Max watches the fire from across the street.",
                                        props=["burning house"]))
    assert in_danger(scene, ["hero"], "a firefighter dog puts out a fire at the bakery") is None


def test_the_ring_of_fire_is_drawn_round_the_trapped_one() -> None:
    premise = "a kitten is trapped in a burning house and cries for help"
    chars: list[dict[str, Any]] = [{"id": "hero", "action": "stand"}]
    scene = _scene("street", chars, narration="Ginger is trapped in the burning house.", props=["burning house"])
    stills = []
    for told in ("a test premise", premise):  # the same scene, the premise telling the hero trapped or not
        script = _script([scene]).model_copy(update={"premise": told})
        arts, report = _layers(script)
        stills.append(np.asarray(arts[0].flatten().convert("RGB"), dtype=np.int16))
    hero = next(c for c in report[0]["drawn"]["characters"] if c["id"] == "hero")
    assert hero.get("drawn_as") == TRAPPED
    a, b = stills
    h = a.shape[0]
    low = slice(int(h * 0.55), h)  # flames licking round its legs, below the burning house
    red = [((x[low][..., 0] > 200) & (x[low][..., 1] < 110) & (x[low][..., 2] < 80)).sum() for x in (a, b)]
    assert red[1] > 4 * max(1, red[0]), red


# -- one trips another ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("narration", [
    "Bolt, a rude poodle, trips the waiter on purpose.",
    "小狗故意把服务员绊倒了。",
])
def test_one_who_trips_another_has_its_foot_out(narration: str) -> None:
    alone = Scene.model_validate(_scene("restaurant", [{"id": "hero", "action": "push"}], narration=narration))
    assert trips(alone, ["hero"]) == {"hero": TRIP}
    two = Scene.model_validate(_scene("restaurant", [{"id": "hero", "action": "stand"},
                                                    {"id": "rival", "action": "walk"}], narration=narration))
    assert trips(two, ["hero", "rival"]) == {"hero": TRIP, "rival": FALL}


def test_the_one_at_the_lead_trips_it() -> None:
    scene = Scene.model_validate(_scene("street", [{"id": "hero", "action": "stand"},
                                                  {"id": "rival", "action": "talk", "target": "hero"}],
                                        narration="坏猫阿花故意伸脚把小狗阿福绊倒了。"))
    assert trips(scene, ["hero", "rival"]) == {"rival": TRIP, "hero": FALL}


@pytest.mark.parametrize("narration", [
    "The clumsy waiter trips and drops the tray.",
    "Max trips over the cable.",
    "小狗被绊倒了。",
])
def test_one_who_trips_alone_still_falls(narration: str) -> None:
    scene = Scene.model_validate(_scene("restaurant", [{"id": "hero", "action": "walk"}], narration=narration))
    assert trips(scene, ["hero"]) == {"hero": FALL}


def test_the_poodle_tripping_the_waiter_is_drawn_tripping() -> None:
    written = write_story("a rude poodle trips the waiter on purpose", None, "en", 1)
    lines = drawn_lines(written.substitutions, written.script)
    assert any("drawn as 'trip'" in line for line in lines), lines
    assert not any("trip and fall" in line for line in lines), lines


# -- made the boss -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("premise", "lang"), [
    ("a poor stray cat works hard and becomes a CEO", "en"),
    ("流浪狗努力奋斗，最后当上了老板", "zh"),
    ("小狗在花店打工，后来当上了老板", "zh"),
])
def test_the_worker_made_boss_wears_a_suit_from_then_on(premise: str, lang: str) -> None:
    script = write_story(premise, None, lang, 1).script
    worn = [next((a.outfit for a in s.characters if a.id == "hero"), None) for s in script.scenes]
    at = next(n for n, s in enumerate(script.scenes) if "becomes a CEO" in s.narration or "当上了老板" in s.narration)
    assert worn[at] == "suit"
    assert all(w in (None, "suit") for w in worn[at:]), worn
    assert all(w != "suit" for w in worn[:at]), worn


def test_the_florist_made_boss_no_longer_looks_the_same() -> None:
    script = write_story("小狗在花店打工，后来当上了老板", None, "zh", 1).script
    worn = [next((a.outfit for a in s.characters if a.id == "hero"), None) for s in script.scenes]
    assert "apron" in worn and worn[-1] == "suit"


@pytest.mark.parametrize("premise", [
    "a cat is bullied by her boss at the office",
    "a puppy dreams of becoming the boss but never becomes the boss",
    "小猫被老板骂了一顿",
])
def test_no_suit_where_the_hero_is_not_made_the_boss(premise: str) -> None:
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"
    script = write_story(premise, None, lang, 1).script
    scenes = [s.model_dump() for s in script.scenes]
    assert boss_at(scenes, premise, {c.id: c.name for c in script.characters}) is None


# -- an idiom names no thing ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("premise", "word"), [
    ("a rude poodle trips the waiter on purpose", "purpose"),
    ("a clumsy cat breaks the vase by accident", "accident"),
    ("a puppy eats the homework by mistake", "mistake"),
])
def test_an_idiom_is_no_prop(premise: str, word: str) -> None:
    script = write_story(premise, None, "en", 1).script
    assert not any(word in p for s in script.scenes for p in s.props)


# -- a sign held up ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("premise", "lang"), [
    ("a puppy holds a sign at the airport waiting for his owner", "en"),
    ("小狗举着牌子在机场等主人", "zh"),
    ("小猫举着“求收养”的牌子坐在路边", "zh"),
])
def test_the_sign_is_held_up_in_the_heros_paws(premise: str, lang: str) -> None:
    written = write_story(premise, None, lang, 1)
    script = written.script
    told = next(s for s in script.scenes if HOLDS_SIGN.search(s.narration))
    hero = next(a for a in told.characters if a.id == "hero")
    assert hero.holding == "placard" and hero.action in HOLD_ACTIONS
    assert not any(p in ("big sign", "placard") for s in script.scenes for p in s.props
                   if any(a.id == "hero" and a.action in HOLD_ACTIONS for a in s.characters))
    assert not any("'big sign'" in line for line in drawn_lines(written.substitutions, script))
    staged, placed = stage_scene(told, [c.id for c in script.characters], {}, premise)
    held = next(st for st in staged if st.id == "hero").pose.holding
    assert held is not None and held.drawn == "placard"


def test_a_sign_nobody_holds_stays_a_sign() -> None:
    assert not HOLDS_SIGN.search("a cat opens a bakery with a big sign over the door")
    assert not HOLDS_SIGN.search("小狗看着路边的招牌")
    script = write_story("a cat opens a bakery and paints a big sign", None, "en", 1).script
    assert not any(a.holding == "placard" for s in script.scenes for a in s.characters)


# -- a thief caught and pinned down --------------------------------------------------------------------------------


@pytest.mark.parametrize(("narration", "chars", "want"), [
    ("终于有一天，勇敢的柯基栗子把小偷奶茶按在地上。", [{"id": "hero", "action": "run"}, {"id": "rival", "action": "stand"}],
     {"hero": PIN, "rival": PINNED}),
    ("Scout catches the thief at last.", [{"id": "hero", "action": "run"}, {"id": "rival", "action": "stand"}],
     {"hero": PIN, "rival": PINNED}),
    ("Rex tackles the robber and pins him to the ground.",
     [{"id": "hero", "action": "stand"}, {"id": "rival", "action": "run"}], {"hero": PIN, "rival": PINNED}),
    ("一年后，花卷被警犬栗子抓住了。", [{"id": "hero", "action": "talk"}, {"id": "rival", "action": "catch", "target": "hero"}],
     {"rival": PIN, "hero": PINNED}),
])
def test_the_thief_caught_is_pinned_under_the_catchers_paws(narration: str, chars: list[dict[str, Any]],
                                                           want: dict[str, str]) -> None:
    scene = Scene.model_validate(_scene("street", chars, narration=narration))
    assert pins(scene, ["hero", "rival"], "小偷被警犬抓住了") == want
    staged, _ = stage_scene(scene, ["hero", "rival"], {}, "小偷被警犬抓住了")
    by_id = {st.id: st for st in staged}
    doer = next(i for i, d in want.items() if d == PIN)
    them = next(i for i, d in want.items() if d == PINNED)
    assert by_id[doer].drawn_as == PIN and by_id[doer].pose.arms == "reach"
    assert by_id[them].drawn_as == PINNED and by_id[them].pose.body == "lying"
    assert (by_id[them].slot.x - by_id[doer].slot.x) * by_id[doer].facing > 0  # before the catcher's paws


@pytest.mark.parametrize("narration", [
    "Whiskers is caught cheating by his wife.",  # no thief: nobody pinned
    "Scout chases the thief down the street.",  # a chase, not yet caught
    "Scout catches the ball.",
])
def test_no_pin_where_no_thief_is_caught(narration: str) -> None:
    scene = Scene.model_validate(_scene("street", [{"id": "hero", "action": "run"}, {"id": "rival", "action": "stand"}],
                                        narration=narration))
    assert pins(scene, ["hero", "rival"]) == {}


def test_the_corgi_pins_the_thief_in_the_premise_scene() -> None:
    written = write_story("勇敢的柯基把小偷按在地上", None, "zh", 1)
    lines = drawn_lines(written.substitutions, written.script)
    assert any("drawn as 'pin down'" in line for line in lines), lines


# -- cooking on TV -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("premise", "lang", "cooking"), [
    ("猫咪在电视上做红烧鱼", "zh", True),
    ("a cat cooks fish on tv and becomes famous", "en", True),
    ("小狗上电视唱歌", "zh", False),
    ("a corgi sings on tv", "en", False),
])
def test_cooking_on_tv_is_drawn_in_the_show_kitchen(premise: str, lang: str, cooking: bool) -> None:
    script = write_story(premise, None, lang, 1).script
    studios = [f for f in places_drawn(script) if f is not None and f.kind == "tv studio"]
    assert studios
    assert all((f.asked == "cooking show") == cooking for f in studios), studios


# -- pregnant ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("premise", "lang", "pregnant"), [
    ("a pregnant cat is abandoned by her husband in the rain", "en", True),
    ("怀孕的猫妈妈被老公抛弃了", "zh", True),
    ("the stray cat is pregnant and has nowhere to go", "en", True),
    ("猫妈妈怀孕了，被主人赶出家门", "zh", True),
    ("a cat and her pregnant sister", "en", False),
    ("a dog helps a pregnant cat", "en", False),
    ("小狗救了一只怀孕的流浪猫", "zh", False),
])
def test_the_pregnant_hero_is_read_as_such(premise: str, lang: str, pregnant: bool) -> None:
    script = write_story(premise, None, lang, 1).script
    until = pregnant_until(script)
    assert (until is not None) == pregnant
    if pregnant:
        assert until == len(script.scenes)  # no birth told: round-bellied throughout


def test_the_pregnant_hero_is_drawn_round_bellied_until_the_young_are_born() -> None:
    script = write_story("a pregnant cat gives birth to five kittens in the snow", None, "en", 1).script
    until = pregnant_until(script)
    assert until is not None and 0 < until < len(script.scenes)
    one = [_scene("street", [{"id": "hero", "action": "stand"}])]
    widths = []
    for premise in ("a cat waits in the street", "a pregnant cat waits in the street"):
        arts, _ = _layers(_script(one).model_copy(update={"premise": premise}))
        im = np.asarray(arts[0].flatten().convert("RGB"), dtype=np.int16)
        plain, _ = _layers(_script([_scene("street", [{"id": "rival", "action": "stand"}])]))
        widths.append(int((np.abs(im - np.asarray(plain[0].flatten().convert("RGB"), dtype=np.int16)).sum(axis=2)
                           > 40).sum()))
    assert widths[1] > widths[0]  # the round belly covers more of the frame


# -- a sled dog's sled, in Chinese ---------------------------------------------------------------------------------


def test_the_zh_sled_dog_is_a_husky_with_its_sled() -> None:
    script = write_story("雪橇犬在暴风雪中拉着雪橇送药", None, "zh", 1).script
    assert script.characters[0].breed == "Siberian husky"
    told = next(s for s in script.scenes if "拉着雪橇" in s.narration)
    assert "sled" in told.props and told.weather == "snow"


# -- a subway entrance ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("premise", "lang"), [
    ("小猫在地铁口卖报纸养活妹妹", "zh"),
    ("a stray puppy sleeps at the subway entrance every night", "en"),
])
def test_the_subway_is_drawn_as_its_street_entrance(premise: str, lang: str) -> None:
    written = write_story(premise, None, lang, 1)
    script = written.script
    found = [f for f, s in zip(places_drawn(script), script.scenes, strict=True) if s.location == "station"]
    assert found and all(f is not None and f.kind == "subway" for f in found)
    assert not any("place '地铁'" in line or "subway" in line for line in drawn_lines(written.substitutions, script))


def test_a_train_station_stays_a_train_station() -> None:
    script = write_story("a dog waits for his owner at the train station every day", None, "en", 1).script
    assert not any(f is not None and f.kind == "subway" for f in places_drawn(script))
