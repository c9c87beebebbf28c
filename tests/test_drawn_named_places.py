"""The place a premise names by a phrase, not a place noun, drawn there (issue 12, sound off): a rescue from the ice
or the water at the lake (the frozen lake where it is ice), never on a shop street; a wallet stolen on the bus on the
bus, drawn inside it; the cat next door before the house next door (never the café next door's); the big show on
the stage; a wedding told at the wedding, never on the street (a proposal or a crush is no wedding)."""

from __future__ import annotations

import numpy as np
import pytest

from story.dangers import danger_place
from story.offline import write_story
from story.premise import analyse
from story.script import Script
from story.staged import place_said
from story.venues import places_drawn
from tests.test_staging import _scene, _still


def _script(premise: str, seed: int = 1) -> Script:
    return write_story(premise, None, "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en", seed).script


def _drawn(script: Script) -> list[str]:
    return [f"{s.location}/{m.kind}" if m else s.location for s, m in zip(script.scenes, places_drawn(script),
                                                                           strict=True)]


@pytest.mark.parametrize(("premise", "place"), [
    ("a puppy falls through the ice and a husky saves him", "lake"),
    ("小狗落水被路人救起", "lake"),
    ("a puppy is drowning and a golden retriever jumps in", "lake"),
    ("a dog pulls a drowning kitten out of the water", "lake"),
    ("小狗掉进井里被消防员救了", "farm"),
    ("a kitten stuck up a tree is rescued by a firefighter", "park"),
])
def test_a_rescue_is_drawn_where_its_danger_is(premise: str, place: str) -> None:
    assert danger_place(premise) == place
    assert all(s.location == place for s in _script(premise).scenes[:3])


@pytest.mark.parametrize("premise", ["a kitten is trapped in a burning house and a dog saves her",
                                     "a cat loves the snow", "a dog rescues a kitten"])
def test_a_fire_the_snow_or_no_danger_keeps_its_place(premise: str) -> None:
    assert danger_place(premise) is None


def test_the_ice_is_drawn_as_the_frozen_lake() -> None:
    drawn = _drawn(_script("a puppy falls through the ice and a husky saves him"))
    assert drawn and all(d == "lake/frozen lake" for d in drawn)


@pytest.mark.parametrize("premise", ["a kitten's wallet is stolen on the bus", "小猫在公交车上被偷了钱包",
                                     "a dog gives up his seat on the bus for an old cat", "小狗在公交车上给老奶奶让座"])
def test_on_the_bus_is_drawn_inside_the_bus(premise: str) -> None:
    assert "street/bus" in _drawn(_script(premise))


def test_the_wallet_is_the_stolen_thing_not_the_bus() -> None:
    told = " ".join(s.narration for s in _script("a kitten's wallet is stolen on the bus").scenes)
    assert "wallet" in told and "the on the bus" not in told and "checks the bus" not in told


def test_the_bus_is_drawn_with_its_seats_poles_and_route_board() -> None:
    img, report = _still(_scene("street", setting="a busy city street", narration="Her wallet is stolen on the bus."))
    assert report["drawn"].get("place") == "bus"
    px = img.reshape(-1, img.shape[-1])[:, :3]
    poles = (np.abs(px - np.array((236, 196, 40))).max(axis=1) < 20).mean()
    seats = (np.abs(px - np.array((40, 90, 170))).max(axis=1) < 20).mean()
    assert poles > 0.002 and seats > 0.01


@pytest.mark.parametrize("premise", ["the cat next door is rich and mean", "隔壁的狗天天欺负小猫",
                                     "a kitten has a crush on the cat next door", "the dog next door keeps stealing my cat's food"])
def test_next_door_is_the_house_next_door(premise: str) -> None:
    script = _script(premise)
    assert all(d == "street/next door" for d in _drawn(script) if d.startswith("street"))
    assert "Everyone at the next door" not in " ".join(s.narration for s in script.scenes)


@pytest.mark.parametrize("premise", ["布偶猫开了一家奶茶店，被隔壁的咖啡馆老板嘲笑", "the coffee shop next door steals my recipe"])
def test_a_shop_next_door_is_no_neighbours_home(premise: str) -> None:
    assert "next_door" not in analyse(premise).places
    assert not any(d.endswith("/next door") for d in _drawn(_script(premise)))


def test_a_phrase_place_is_said_by_its_word() -> None:
    assert place_said("on the bus") == "bus" and place_said("next door") == "house next door"
    assert place_said("隔壁") == "邻居家" and place_said("the park") == "the park"


@pytest.mark.parametrize("premise", ["a cat practises for the big show", "小猫为了演出每天练习",
                                     "a shy puppy gets ready for the school play"])
def test_the_show_is_on_the_stage(premise: str) -> None:
    assert "stage" in [s.location for s in _script(premise).scenes]


@pytest.mark.parametrize("premise", ["灰姑娘猫嫁给了霸总", "a poor cat marries a rich CEO", "two cats get married",
                                     "a corgi marries his childhood sweetheart", "小狗和小猫结婚了"])
def test_a_wedding_told_is_at_the_wedding(premise: str) -> None:
    script = _script(premise)
    told = [s for s in script.scenes if "diamond ring" in s.props]
    assert told and all(s.location == "wedding" for s in told)


@pytest.mark.parametrize("premise", ["a cat proposes to her girlfriend", "a kitten has a crush on the cat next door"])
def test_a_proposal_or_a_crush_is_no_wedding(premise: str) -> None:
    assert "wedding" not in [s.location for s in _script(premise).scenes]


@pytest.mark.parametrize(("premise", "outside"), [
    ("a poor cat is kicked out of the restaurant", "outside the restaurant"),
    ("a stray dog is chased out of the bakery", "outside the bakery"),
    ("小狗被赶出了餐厅", "outside the restaurant"),
    ("小猫被饭店老板赶了出来", "outside the restaurant"),
    ("a cat is kicked out of the office by her boss", "outside the office"),
])
def test_one_thrown_out_of_a_place_is_outside_it(premise: str, outside: str) -> None:
    script = _script(premise)
    told = next(s for s in script.scenes if any(w in s.narration for w in ("out of", "赶")))
    assert told.location == "street" and told.setting.startswith(outside)
    assert "suitcase" not in told.props or "bag" in told.narration  # no home's bundle


def test_the_bakery_thrown_out_of_is_drawn_behind() -> None:
    script = _script("a stray dog is chased out of the bakery")
    drawn = places_drawn(script)
    told = next(i for i, s in enumerate(script.scenes) if "out of" in s.narration)
    assert drawn[told] is not None and drawn[told].kind == "bakery"


def test_one_thrown_out_of_its_home_is_at_its_front_door() -> None:
    script = _script("a kitten is kicked out of the house")
    told = next(s for s in script.scenes if "out of" in s.narration)
    assert told.location == "street" and told.setting.startswith("front door")
