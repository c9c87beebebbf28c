"""Buying, saving and riches as a viewer reads them with the sound off: a house bought is drawn (the scene that
tells it staged at the new house's front, the hero there with the mom it was bought for; a mansion in its
garden), and not before; saving up is a coin dropped into a piggy bank or a jar, not a plain stand; a whole
hotel bought or a mansion lived in is riches (a suit from that scene, the mockers stunned); a thing saved up
for is drawn only once the hero has it. One offline script per premise (seed 1), one small still for the
painter."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from render.painter.vocabulary import art, match_prop
from story.buying import bought_told, home_bought, saved_for, saving_up, show_buying
from story.offline import write_story
from story.premise import analyse
from story.riches import implied_riches
from story.script import Scene, Script
from story.venues import venue_kind
from tests.test_staging import _scene, _still


@cache
def _script(premise: str) -> Script:
    return write_story(premise, None, analyse(premise).language, 1).script


def _told(script: Script, *words: str) -> int:
    return next(i for i, s in enumerate(script.scenes)
                if any(w in " ".join([s.narration, *(line.text for line in s.dialogue)]) for w in words))


def _hero(scene: Scene) -> dict[str, object]:
    return next(a.model_dump() for a in scene.characters if a.id == "hero")


@pytest.mark.parametrize(("premise", "words", "home", "location"), [
    # a saving story tells the want first ("sees how much her mom needs a house"): the house is drawn where it is
    # given (saving_up's giving beat) or told bought (the premise's own clause)
    ("a poor ginger cat saves every coin to buy her mom a house", ("gives", "For me?"), "house", "street"),
    ("橘猫每天打工，攒钱给妈妈买了一套房子", ("买了一套房子",), "house", "street"),
    ("a homeless kitten grows up and buys a big house with a garden for her family", ("big house",), "villa",
     "mansion"),
])
def test_a_house_bought_is_staged_at_its_front_from_the_scene_that_tells_it(premise: str, words: tuple[str, ...],
                                                                          home: str, location: str) -> None:
    """A bought house was never drawn: the mom's house ended in the bedroom or on a busy street."""
    script = _script(premise)
    at = _told(script, *words)
    shown = [venue_kind(s) for s in script.scenes]
    assert [v.kind if v else None for v in shown[:at]] == [None] * at  # no house before it is bought
    found = shown[at]
    assert found is not None and found.kind == home and script.scenes[at].location == location
    assert _hero(script.scenes[at])["action"] == "celebrate"
    if "mom" in premise or "妈妈" in premise:  # the one it is for is there, glad with the hero
        mom = next(a for a in script.scenes[at].characters if a.id == "mother")
        assert mom.action == "celebrate"


def test_a_mansion_lived_in_is_riches_from_that_scene_and_not_the_place_before() -> None:
    """"ends up living in a mansion" set every scene in the mansion and never dressed the hero rich."""
    script = _script("a mocked tabby cat ends up living in a mansion")
    at = _told(script, "mansion")
    assert all(s.location != "mansion" for s in script.scenes[:at])
    assert venue_kind(script.scenes[at]) is not None
    assert all(a.outfit == "suit" for s in script.scenes[at:] for a in s.characters if a.id == "hero")
    assert any(a.id == "rival" and a.action == "shocked" for a in script.scenes[at].characters)


@pytest.mark.parametrize(("text", "home"), [
    ("Olive buys the whole hotel.", "home"), ("Bear ends up owning the whole restaurant.", "home"),
    ("Rex moves his whole family into a mansion.", "home"), ("来福买下了整家餐厅。", "home"),
    ("Olive dreams of buying the whole hotel.", None),
])
def test_a_whole_building_bought_is_riches(text: str, home: str | None) -> None:
    assert implied_riches(text) == home


@pytest.mark.parametrize(("text", "home"), [
    ("Finally, Biscuit buys his own little house.", "house"), ("糯米给爸妈买了新房子。", "house"),
    ("Ziggy surprises his parents with a new home.", "house"), ("终于，雪球住进了大别墅。", "mansion"),
    ("Biscuit dreams of a little house.", None), ("小狗想给妈妈买房子。", None),
    ("A kind family gives the kitten a new home.", None),
])
def test_a_home_bought_is_read(text: str, home: str | None) -> None:
    assert home_bought(text) == home


@pytest.mark.parametrize(("text", "holder"), [
    ("Brownie puts coins in a jar every day.", "coin jar"), ("阿福每天往存钱罐里投硬币。", "piggy bank"),
    ("Koda saves every penny.", "piggy bank"), ("Buddy saves the puppy from the river.", None),
    ("And one day, Duke, the brave dog, saves her from a fire.", None),  # a rescue, never a piggy bank
    ("Rex saved his old master, Duke, out of the flood.", None), ("Mia saves her pocket money.", "piggy bank"),
])
def test_saving_up_is_read(text: str, holder: str | None) -> None:
    assert saving_up(text) == holder


def test_saving_up_is_a_coin_dropped_into_a_jar() -> None:
    """"puts coins in a jar every day to buy a bike": drawn standing."""
    script = _script("a little corgi puts coins in a jar every day to buy a bike")
    hero = _hero(script.scenes[_told(script, "jar")])
    assert hero["action"] == "give" and hero["holding"] == "coin jar"


@pytest.mark.parametrize(("premise", "thing"), [
    ("a little corgi puts coins in a jar every day to buy a bike", "bicycle"),
    ("a poor cat works hard to buy a golden car", "shiny sports car"),
])
def test_a_thing_saved_or_worked_for_is_drawn_only_at_the_end(premise: str, thing: str) -> None:
    """The bike and the golden car were drawn from the first scenes on, before the hero had them (a saving story
    tells the hero holding it before its last scene: drawn from there)."""
    script = _script(premise)
    got = next((k for k, s in enumerate(script.scenes) if bought_told(s.narration)), len(script.scenes) - 1)
    assert not any(thing in s.props for s in script.scenes[:got]) and thing in script.scenes[-1].props


def test_the_house_and_the_jar_are_drawn() -> None:
    """The new house (a red roof over its wall) where the setting names it, never from the premise alone; the
    jar of coins drawn as a jar, not the piggy bank it is a kind of."""
    img, report = _still(_scene("street", [{"id": "hero", "action": "celebrate"}],
                                setting="in front of the new house, its garden and picket fence"))
    assert report["drawn"]["place"] == "house" and report["drawn"]["place_from"] == "setting"
    h, w = img.shape[:2]
    roof = img[round(0.22 * h):round(0.3 * h), round(0.45 * w):round(0.55 * w)].reshape(-1, 3)
    assert float((np.abs(roof - np.array((186, 70, 58))).max(axis=1) < 40).mean()) > 0.3
    assert venue_kind(Scene.model_validate(_scene("street")), "she buys a house") is None
    jar = match_prop("coin jar")
    assert jar.drawn == "piggy bank" and art(jar) == "coin jar"


def test_pocket_money_saved_in_a_piggy_bank_is_striving_at_home_not_a_rescue_at_the_bank() -> None:
    """"saves his pocket money in a piggy bank" was told as a rescue ("saves his") set in an office ("bank")."""
    premise = "a shiba inu saves his pocket money in a piggy bank for a new toy"
    written = write_story(premise, None, "en", 1)
    assert written.arc != "rescue"
    assert all(s.location != "office" for s in written.script.scenes)


@pytest.mark.parametrize(("sentence", "goals"), [
    ("the siamese comes to buy flowers from her", []),  # a customer's visit: the flowers stay in the shop
    ("the rich poodle came to buy a cake at last", []),
    ("Pip works hard to buy a golden car", ["car"]),
    ("豆豆为了买自行车每天打工", ["bicycle"]),
])
def test_a_visit_to_buy_is_no_thing_saved_for(sentence: str, goals: list[str]) -> None:
    """"until the siamese comes to buy flowers from her" took the flowers out of every scene before one
    told them bought (the flower shop's wedding order drawn with no bouquet): coming to buy is a
    customer's visit, not an aim the hero saves or works for."""
    assert saved_for(sentence) == goals


def test_the_hero_enters_first_at_the_home_and_the_one_named_joins_facing_it() -> None:
    def scene(narration: str, *ids: str) -> dict[str, object]:
        return {"narration": narration, "location": "street", "setting": "a street", "props": [], "visual_prompt": "",
                "characters": [{"id": i, "expression": "neutral", "outfit": "none", "action": "stand",
                                "facing": "front"} for i in ids]}
    scenes = [scene("Mimi sweeps the shop every night.", "hero", "rival"),
              scene("At last she buys a house, and Rosa sees it.", "rival")]
    show_buying(scenes, {"hero": "Mimi", "mom": "Rosa", "rival": "Tom"})
    apps = scenes[1]["characters"]
    assert isinstance(apps, list) and [a["id"] for a in apps] == ["hero", "rival", "mom"]
    assert (apps[0]["action"], apps[0]["expression"], apps[0]["facing"]) == ("celebrate", "happy", "right")
    assert (apps[2]["action"], apps[2]["expression"], apps[2]["facing"]) == ("celebrate", "happy", "left")
    assert scenes[1]["location"] == "street" and "new house" in str(scenes[1]["setting"])
    full = [scene("At last she buys a house, and Rosa sees it.", "rival", "friend", "hero")]
    show_buying(full, {"hero": "Mimi", "mom": "Rosa"})  # no room for the mom
    assert [a["id"] for a in full[0]["characters"]] == ["rival", "friend", "hero"]
