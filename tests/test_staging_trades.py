"""Trades as a viewer reads them with the sound off (issue 12): a taxi driven is a yellow taxi with its roof sign
(never the gleaming sports car), "drives a taxi" / 开出租车 puts the taxi where the hero drives, a milk-tea shop
(奶茶店, "bubble tea shop") is a shop of cups of bubble tea under its own sign (never a café of coffee), and a shop
the hero opens where it used to work keeps none of the old job's tools (no mop in the bakery); a tailor and a mechanic
are jobs of their own, at a sewing machine in a tailor's of bolts of cloth and with a wrench under a car up on its
lift in a repair shop of tyres and toolboxes; a bus or truck driver drives its own bus or truck, never a taxi."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from render.painter.vocabulary import art, match_prop
from story.offline import write_story
from story.premise import analyse
from story.script import Script
from story.venues import shop_kind
from tests.test_staging import _scene, _still


@cache
def _script(premise: str, lang: str = "en") -> Script:
    return write_story(premise, None, lang, 1).script


@pytest.mark.parametrize(("words", "drawn"), [
    ("taxi", "taxi"), ("yellow cab", "taxi"), ("出租车", "taxi"), ("的士", "taxi"), ("bus", "bus"),
    ("bubble tea", "bubble tea"), ("milk tea", "bubble tea"), ("奶茶", "bubble tea"), ("cup of coffee", "coffee cup"),
])
def test_each_vehicle_and_drink_is_drawn_as_its_own_kind(words: str, drawn: str) -> None:
    """A taxi was the red car, a milk tea a paper cup of coffee."""
    assert art(match_prop(words)) == drawn


@pytest.mark.parametrize(("premise", "lang"), [
    ("a tabby cat drives a taxi every night to pay for her kitten's school", "en"),
    ("柴犬每天开出租车养家，有一天载到了一位大明星", "zh"),
])
def test_the_taxi_driven_is_a_taxi_not_a_sports_car(premise: str, lang: str) -> None:
    """"drives a taxi" asked the shiny sports car; 开出租车 asked nothing where the hero drives."""
    s = _script(premise, lang)
    driving = [sc for sc in s.scenes if any(a.id == "hero" and a.action == "drive" for a in sc.characters)]
    assert driving and all("taxi" in sc.props for sc in driving)
    assert not any("sports car" in p for sc in s.scenes for p in sc.props)


def test_a_taxi_is_painted_yellow_with_its_chequered_band() -> None:
    img, report = _still(_scene("street", [{"id": "hero", "action": "drive"}], props=["taxi"]))
    (taxi,) = report["drawn"]["props"]
    assert taxi.get("drawn_as") == "taxi"
    x0, y0, x1, y1 = taxi["box"]
    px = img[y0:y1, x0:x1].reshape(-1, 3)
    yellow = (np.abs(px - np.array((250, 200, 40))).max(axis=1) < 30).mean()
    red = (np.abs(px - np.array((214, 48, 58))).max(axis=1) < 30).mean()
    assert yellow > 0.1 and red < 0.01


@pytest.mark.parametrize(("premise", "lang"), [
    ("a poor pug delivers food and later opens a bubble tea shop", "en"),
    ("穷小猫送外卖攒钱，最后开了一家奶茶店", "zh"),
    ("布偶猫开了一家奶茶店，被隔壁的咖啡馆老板嘲笑", "zh"),
])
def test_a_milk_tea_shop_is_drawn_as_one_not_a_cafe(premise: str, lang: str) -> None:
    """奶茶店 was drawn as 咖啡馆 with cups of coffee."""
    s = _script(premise, lang)
    opened = next(i for i, sc in enumerate(s.scenes) if sc.opens)
    kinds = [m.kind if (m := shop_kind(sc, s.premise)) else None for sc in (s.scenes[opened], s.scenes[-1])]
    assert kinds == ["milk tea shop"] * 2  # (the café next door's owner may be drawn at his café)
    assert not any("cup of coffee" in sc.props for sc in s.scenes if (m := shop_kind(sc, s.premise))
                   and m.kind == "milk tea shop")


def test_a_milk_tea_shop_sells_cups_with_pearls_under_its_sign() -> None:
    img, report = _still(_scene("restaurant", setting="a milk tea shop"))
    assert report["drawn"].get("place") == "milk tea shop"
    pearls = (np.abs(img - np.array((46, 30, 26))).max(axis=2) < 12).mean()
    assert pearls > 0.005


@pytest.mark.parametrize(("premise", "lang", "tool"), [
    ("a corgi mops floors at the mall and finally opens her own bakery", "en", "broom"),
    ("a tabby carries heavy boxes at the mall and one day opens her own bakery", "en", "boxes"),
])
def test_the_shop_opened_keeps_none_of_the_old_jobs_tools(premise: str, lang: str, tool: str) -> None:
    """The mop was still in the paw's reach in every bakery scene."""
    s = _script(premise, lang)
    opened = next(i for i, sc in enumerate(s.scenes) if sc.opens)
    assert any(tool in sc.props for sc in s.scenes[:opened])
    assert not any(tool in sc.props for sc in s.scenes[opened:])


@pytest.mark.parametrize(("premise", "job"), [
    ("a stray ginger cat works as a mechanic and the rich poodle laughs at his oily paws", "mechanic"),
    ("a husky fixes cars in a garage and opens a repair shop", "mechanic"),
    ("哈士奇在修车厂修车，被有钱的狗看不起，最后开了自己的汽修店", "mechanic"),
    ("a poor cat works as a tailor's apprentice and opens his own tailor shop", "tailor"),
    ("a shy corgi sews dresses all night and becomes a famous fashion designer", "tailor"),
    ("橘猫在裁缝店当学徒，后来开了自己的裁缝店", "tailor"),
])
def test_a_tailor_and_a_mechanic_are_jobs_of_their_own(premise: str, job: str) -> None:
    """A mechanic was a construction worker with bricks, a tailor an artist at an easel (or no job at all)."""
    assert analyse(premise).job == job


@pytest.mark.parametrize(("premise", "lang", "shop", "tool"), [
    ("a husky fixes cars in a garage and opens a repair shop", "en", "repair shop", "wrench"),
    ("哈士奇在修车厂修车，被有钱的狗看不起，最后开了自己的汽修店", "zh", "repair shop", "wrench"),
    ("a poor cat works as a tailor's apprentice and opens his own tailor shop", "en", "tailor shop", "sewing machine"),
])
def test_the_trade_is_worked_at_and_opened_as_its_own_shop(premise: str, lang: str, shop: str, tool: str) -> None:
    """The repair shop and the tailor's were a shop of shelves (or a building site) with boxes or bricks."""
    s = _script(premise, lang)
    work = [sc for sc in s.scenes if any(a.id == "hero" and a.action == "work" for a in sc.characters)]
    assert work and all(tool in sc.props for sc in work)
    assert not any(p in ("bricks", "easel", "boxes") for sc in s.scenes for p in sc.props)
    assert {m.kind for sc in work if (m := shop_kind(sc, s.premise))} == {shop}


def test_a_mechanic_works_with_a_wrench_and_a_tailor_at_a_sewing_machine() -> None:
    """The mechanic got into the car it fixes and drove it; the tailor had nothing in its paws."""
    _, mech = _still(_scene("shop", [{"id": "hero", "action": "work"}], props=["shiny sports car", "wrench"],
                            setting="a repair shop"))
    (hero,) = mech["drawn"]["characters"]
    assert hero["holding"]["drawn"] == "wrench" and hero["rig"] is None and mech["drawn"]["place"] == "repair shop"
    img, sew = _still(_scene("shop", [{"id": "hero", "action": "work"}], props=["sewing machine"],
                             setting="a tailor shop"))
    (hero,) = sew["drawn"]["characters"]
    assert hero["rig"]["drawn"] == "sewing machine" and sew["drawn"]["place"] == "tailor shop"


def test_the_repair_shop_has_a_car_up_on_its_lift() -> None:
    img, _ = _still(_scene("shop", setting="an auto repair shop"))
    posts = (np.abs(img - np.array((230, 160, 40))).max(axis=2) < 12).mean()
    assert posts > 0.01


@pytest.mark.parametrize(("premise", "lang", "ride"), [
    ("金毛是公交车司机，下雨天送迷路的小猫回家", "zh", "bus"),
    ("a shiba is a truck driver who delivers toys across the country for christmas", "en", "truck"),
])
def test_a_bus_or_truck_driver_drives_its_own_not_a_taxi(premise: str, lang: str, ride: str) -> None:
    """Read as the taxi driver's job, a bus driver was given a taxi too."""
    props = [p for sc in _script(premise, lang).scenes for p in sc.props]
    assert ride in props and "taxi" not in props


def test_a_mechanic_works_in_an_apron_not_a_police_uniform() -> None:
    """The uniform drawn (cap, badge) read as a police officer's."""
    s = _script("a husky fixes cars in a garage and opens a repair shop")
    worn = {a.outfit for sc in s.scenes for a in sc.characters if a.id == "hero" and a.action == "work"}
    assert worn == {"apron"}
