"""States and deeds the premise names, drawn as themselves (issue 12, sound off): a pet trapped in a fire is drawn
in it, flames round it, sooty and crying, until its rescue (never standing calm before the burning house); one who
trips another has its foot out (the other falls), never falling itself; a worker made the boss ("becomes a CEO",
当上了老板) wears a boss's suit from then on, not its old apron; an idiom ("on purpose", "by accident") names no
thing to draw. Story scripts, the painter's staging and one still."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from render.painter.staging import stage_scene
from story.dangers import trapped_in
from story.drawings import FALL, TRIP, danger_until, drawn_lines, in_danger, own_drawings, trips
from story.offline import write_story
from story.outfits import boss_at
from story.script import Scene
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
    assert trapped_in("a kitten gets stuck in a tree") is None  # no danger of the list
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
