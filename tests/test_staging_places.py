"""Places that read as themselves: a shop drawn as the trade the story names (flower shop, bakery, café,
grocery, bookshop, fish market), found from the scene's words or the premise, drawn where the shelves
and stalls are, and reported."""

from __future__ import annotations

import json
from typing import Any, get_args

import numpy as np
import pytest

from render.painter import StoryboardPainter
from render.painter.shops import _DATA, GOODS, shop_kinds
from render.stages import never_cancel, no_progress
from story.script import Location, Scene, Script
from story.text import HAN
from story.venues import shop_kind
from tests.test_staging import _HERO, _PARTNER, _RIVAL, SMALL, _scene, _still

KINDS = ["flower shop", "bakery", "café", "grocery", "bookshop", "fish market", "butcher", "noodle shop", "dumpling shop",
         "barber", "toy shop", "ice cream shop", "burger shop", "pizzeria", "sushi bar", "hot dog stand",
         "hot pot restaurant", "milk tea shop", "tailor shop", "repair shop", "animal shelter", "bun shop", "cobbler",
         "pet shop", "newsstand"]


def test_shops_file_is_complete_and_consistent() -> None:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    assert set(raw) == {"places", "signs_zh", "kinds"}
    assert set(raw["places"]) <= set(get_args(Location))
    assert sorted(raw["kinds"]) == sorted(KINDS)
    seen: set[str] = set()
    for name, k in raw["kinds"].items():
        assert set(k) - {"centre", "emblem"} == {"sign", "sign_zh", "title", "sign_color", "awning", "goods", "en", "zh"}, name
        assert k.get("centre", "car lift") == "car lift", name  # what stands in its middle, if not the counter
        assert k.get("emblem", "paw") == "paw", name  # what is painted either side of its sign, if anything
        assert len(k["title"]) == 2 and not HAN.search(k["title"][0]) and HAN.search(k["title"][1]), name  # headline
        assert k["goods"] in GOODS, name
        assert 1 <= len(k["sign"]) <= 12 and k["sign"].isascii(), name
        for col in (k["sign_color"], k["awning"]):
            assert len(col) == 3 and all(0 <= v <= 255 for v in col), name
        assert k["en"] and k["zh"], name
        words = {w.lower() for w in [*k["en"], *k["zh"]]}
        assert not words & seen, (name, words & seen)  # a word names one shop
        seen |= words


def _shop_scene(location: str, setting: str, **kw: Any) -> Scene:
    return Scene.model_validate(_scene(location, [{"id": "hero", "action": "cry"}], setting=setting, **kw))


@pytest.mark.parametrize(("words", "kind"), [
    ("a tiny flower shop", "flower shop"), ("the florist's counter", "flower shop"), ("花店门口", "flower shop"),
    ("a warm bakery", "bakery"), ("the cake shop", "bakery"), ("面包店", "bakery"),
    ("a quiet café", "café"), ("coffee shop", "café"), ("奶茶店", "milk tea shop"),
    ("a fruit stall", "grocery"), ("grocery store", "grocery"), ("水果摊", "grocery"),
    ("a dusty bookshop", "bookshop"), ("书店", "bookshop"),
    ("a newsstand on the corner", "newsstand"), ("街角的报摊", "newsstand"), ("报刊亭", "newsstand"),
    ("the fish market", "fish market"), ("fishmonger", "fish market"), ("海鲜市场", "fish market"),
    ("the butcher dog's shop", "butcher"), ("a deli", "butcher"), ("肉铺", "butcher"),
    ("a busy noodle shop", "noodle shop"), ("ramen bar", "noodle shop"), ("面馆", "noodle shop"),
    ("a dumpling house", "dumpling shop"), ("包子铺", "bun shop"), ("饺子馆", "dumpling shop"), ("a pet grooming salon", "barber"),
    ("理发店", "barber"), ("the toy store", "toy shop"), ("an ice cream parlour", "ice cream shop"),
])
def test_the_scene_words_name_the_shop(words: str, kind: str) -> None:
    m = shop_kind(_shop_scene("shop", words))
    assert m is not None and (m.kind, m.source) == (kind, "setting")


def test_the_premise_names_the_shop_when_the_scene_does_not() -> None:
    scene = _shop_scene("shop", "a cosy little shop")
    m = shop_kind(scene, "a poor cat opens a flower shop and a rich poodle mocks her")
    assert m is not None and (m.kind, m.asked, m.source) == ("flower shop", "flower shop", "premise")
    assert shop_kind(scene, "a poor cat is mocked by a rich poodle") is None  # a shop, no trade named
    # the scene's own words win over the premise's; a corner shop is no trade
    assert shop_kind(_shop_scene("shop", "the bakery next door"), "opens a flower shop").kind == "bakery"
    assert shop_kind(_shop_scene("shop", "a tiny corner shop"), "opens a flower shop").kind == "flower shop"
    # not a shop's place: an office stays an office; a street shows the shop only when the scene names it
    assert shop_kind(_shop_scene("office", "an office"), "opens a flower shop") is None
    assert shop_kind(_shop_scene("street", "a busy street"), "opens a flower shop") is None
    assert shop_kind(_shop_scene("street", "outside her flower shop"), "").kind == "flower shop"


def _shelves(img: np.ndarray) -> np.ndarray:
    """The left shelves of a shop interior (beside a lone centred pet), as float RGB."""
    h, w = img.shape[:2]
    return img[int(h * 0.2):int(h * 0.5), int(w * 0.06):int(w * 0.28)]


def test_each_shop_draws_its_own_goods_on_the_shelves_and_reports_it() -> None:
    generic, report = _still(_scene("shop", [{"id": "hero", "action": "cry"}], setting="a cosy little shop"))
    assert "place" not in report["drawn"]
    regions = {}
    for kind in KINDS:
        words = next(w for w in shop_kinds()[1][kind].words if w.isascii())
        img, report = _still(_scene("shop", [{"id": "hero", "action": "cry"}], setting=f"a {words}"))
        assert report["asked"]["place"] == words and report["drawn"]["place"] == kind
        assert report["drawn"]["place_from"] == "setting"
        regions[kind] = _shelves(img)
        assert np.abs(regions[kind] - _shelves(generic)).mean() > 12, kind
    for a in KINDS:  # and each trade differs from every other
        for b in KINDS:
            if a < b:
                assert np.abs(regions[a] - regions[b]).mean() > 8, (a, b)


def _share(region: np.ndarray, colour: tuple[int, int, int], tol: float = 40) -> float:
    return float((np.abs(region - np.asarray(colour, np.float32)).max(axis=-1) < tol).mean())


def test_a_flower_shop_has_blooms_and_a_bakery_has_bread() -> None:
    generic = _shelves(_still(_scene("shop", [{"id": "hero", "action": "cry"}]))[0])
    flowers = _shelves(_still(_scene("shop", [{"id": "hero", "action": "cry"}], setting="a flower shop"))[0])
    bakery = _shelves(_still(_scene("shop", [{"id": "hero", "action": "cry"}], setting="a bakery"))[0])
    green = (70, 140, 60)  # stems
    assert _share(flowers, green) > 0.01 > _share(generic, green)
    bread = (205, 140, 70)
    assert _share(bakery, bread, 30) > 2 * _share(generic, bread, 30)


@pytest.mark.parametrize(("location", "setting"), [("market", "the fish market"), ("street", "outside the bakery"),
                                                   ("restaurant", "a little café")])
def test_a_market_street_or_restaurant_shows_the_trade_too(location: str, setting: str) -> None:
    plain, _ = _still(_scene(location, [{"id": "hero", "action": "cry"}]))
    shop, report = _still(_scene(location, [{"id": "hero", "action": "cry"}], setting=setting))
    assert report["drawn"]["place"] in KINDS
    h, w = shop.shape[:2]
    region = (slice(int(h * 0.3), int(h * 0.6)), slice(0, int(w * 0.45)))  # a street's left shop front
    assert np.abs(shop[region] - plain[region]).mean() > 8, location


def test_a_premise_shop_is_drawn_in_every_shop_scene_of_the_story() -> None:
    scenes = [_scene("shop", [{"id": "hero", "action": "stand"}], setting="a cosy little shop"),
              _scene("office", [{"id": "hero", "action": "work"}])]
    script = Script.model_validate({"title": "T", "language": "en", "premise": "a cat opens a bakery",
                                    "style": "ginger-cat", "characters": [_HERO, _RIVAL, _PARTNER],
                                    "scenes": scenes * 3})
    painter = StoryboardPainter()
    painter.paint_layers(script, SMALL, no_progress, never_cancel)
    places = [r["drawn"].get("place") for r in painter.report]
    assert places == ["bakery", None] * 3
    assert painter.report[0]["drawn"]["place_from"] == "premise"


# -- a crowd fits its place ------------------------------------------------------------------------------


def test_every_place_says_how_its_crowd_is_drawn() -> None:
    from render.painter.props import CROWDS
    from render.painter.vocabulary import vocabulary

    crowds = vocabulary().crowds
    assert set(crowds) == set(get_args(Location))
    assert set(crowds.values()) <= {"crowd", *CROWDS}
    outdoor = vocabulary().outdoor
    assert all(crowds[loc] != "crowd" for loc in outdoor - {"space"})  # no party guests out on the street


@pytest.mark.parametrize(("location", "drawn_as", "rows"), [
    ("stage", "audience", (0.8, 1.0)),  # heads from behind below the performer's feet
    ("stadium", "fans", (0.4, 0.53)),  # along the front of the stands
    ("street", "onlookers", (0.54, 0.68)),  # passers-by on the pavement either side
])
def test_a_crowd_is_drawn_as_its_place_has_it_where_the_report_says(location: str, drawn_as: str,
                                                                      rows: tuple[float, float]) -> None:
    chars = [{"id": "hero", "action": "sing" if location == "stage" else "cry"}]
    base, _ = _still(_scene(location, chars))
    img, report = _still(_scene(location, chars, props=["cheering crowd"]))
    (entry,) = report["drawn"]["props"]
    assert (entry["drawn"], entry["drawn_as"], entry["where"]) == ("crowd", drawn_as, "back")
    x0, y0, x1, y1 = entry["box"]
    h, w = img.shape[:2]
    diff = np.abs(img - base).max(axis=-1) > 30
    assert diff.mean() > 0.02, location
    ys = np.nonzero(diff)[0] / h  # the change lies in the crowd's rows, inside the reported box
    lo, hi = np.percentile(ys, [10, 90])
    assert rows[0] - 0.05 <= lo and hi <= rows[1] + 0.05, (location, lo, hi)
    inside = diff[max(0, y0):y1, max(0, x0):x1].sum() / diff.sum()
    assert inside > 0.9, (location, inside)


def test_street_onlookers_leave_the_hero_in_the_middle_clear() -> None:
    chars = [{"id": "hero", "action": "cry"}]
    base, _ = _still(_scene("street", chars))
    img, _ = _still(_scene("street", chars, props=["crowd"]))
    h, w = img.shape[:2]
    diff = np.abs(img - base).max(axis=-1) > 30
    middle = diff[:, int(w * 0.4):int(w * 0.6)].mean()
    sides = np.concatenate([diff[:, :int(w * 0.2)], diff[:, int(w * 0.8):]], axis=1).mean()
    assert sides > 4 * middle


# -- fire and flags --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "drawn"), [
    ("flames", "fire"), ("a kitchen fire", "fire"), ("火灾", "fire"), ("burning house", "burning house"),
    ("a house on fire", "burning house"), ("房子着火", "burning house"), ("winner's flag", "flag"),
    ("country flag", "flag"), ("国旗", "flag"), ("flaming wok", "wok"), ("fire truck", "car"),
    ("fire hose", "fire hose"),
])
def test_fire_and_flags_are_drawn_as_themselves(words: str, drawn: str) -> None:
    from render.painter.vocabulary import match_prop

    m = match_prop(words)
    assert (m.drawn, m.how in ("exact", "alias")) == (drawn, True), words


def _warm(region: np.ndarray) -> float:
    """The share of flame-coloured pixels: red-orange-yellow, bright and saturated."""
    r, b = region[..., 0], region[..., 2]
    return float(((r > 200) & (b < 110) & (r - b > 120)).mean())


@pytest.mark.parametrize(("location", "prop"), [("kitchen", "kitchen fire"), ("street", "burning house"),
                                                ("park", "flames")])
def test_fire_burns_where_the_report_says(location: str, prop: str) -> None:
    chars = [{"id": "rival", "action": "shocked"}]  # the white cat: no warm fur to mistake for flames
    base, _ = _still(_scene(location, chars))
    img, report = _still(_scene(location, chars, props=[prop]))
    (entry,) = report["drawn"]["props"]
    assert entry["drawn"] in ("fire", "burning house") and entry["where"] in ("back", "ground", "front")
    x0, y0, x1, y1 = entry["box"]
    region, before = img[max(0, y0):y1, max(0, x0):x1], base[max(0, y0):y1, max(0, x0):x1]
    assert _warm(region) > 0.08 and _warm(region) > 3 * _warm(before), (prop, _warm(region), _warm(before))


def test_the_winner_holds_the_flag() -> None:
    chars = [{"id": "hero", "action": "celebrate"}]
    base, _ = _still(_scene("stadium", chars))
    img, report = _still(_scene("stadium", chars, props=["winner's flag"]))
    (char,) = report["drawn"]["characters"]
    assert char["holding"]["drawn"] == "flag"
    (entry,) = report["drawn"]["props"]
    assert entry["where"] == "hand:hero"
    x0, y0, x1, y1 = char["box"]
    region, before = img[max(0, y0):y1, max(0, x0):x1], base[max(0, y0):y1, max(0, x0):x1]
    red = (np.abs(region - np.asarray((220, 50, 60), np.float32)).max(axis=-1) < 40).mean()
    red_before = (np.abs(before - np.asarray((220, 50, 60), np.float32)).max(axis=-1) < 40).mean()
    assert red - red_before > 0.02, (red, red_before)  # the flag's cloth, beside the stadium's red barrier


# -- three characters all read -------------------------------------------------------------------------


def _hidden(sprite: Any, front: Any) -> float:
    """The share of ``sprite``'s opaque pixels that ``front`` (drawn over it) covers."""
    a = sprite.rgba[..., 3] > 128
    cover = np.zeros_like(a)
    dx, dy = round(front.x) - round(sprite.x), round(front.y) - round(sprite.y)
    fh, fw = front.rgba.shape[:2]
    y0, x0, y1, x1 = max(0, dy), max(0, dx), min(a.shape[0], dy + fh), min(a.shape[1], dx + fw)
    if y1 > y0 and x1 > x0:
        cover[y0:y1, x0:x1] = front.rgba[y0 - dy:y1 - dy, x0 - dx:x1 - dx, 3] > 128
    return float((a & cover).sum() / max(1, a.sum()))


@pytest.mark.parametrize(("hero", "rival"), [("stand", "stand"), ("push", "hug"), ("drive", "stand"),
                                             ("celebrate", "laugh"), ("hug", "hug"), ("sing", "sneer")])
def test_the_hero_in_front_leaves_the_back_row_readable(hero: str, rival: str) -> None:
    from tests.test_staging import _layers, _script

    chars = [{"id": "hero", "action": hero, "target": "rival" if hero in ("push", "hug") else None},
             {"id": "rival", "action": rival, "target": "hero" if rival in ("hug", "laugh", "sneer") else None},
             {"id": "partner", "action": "laugh", "target": "hero"}]
    arts, _ = _layers(_script([_scene("mansion", chars)]))
    sprites = {sp.speaker: sp for sp in arts[0].sprites if sp.speaker}
    hidden = [_hidden(sprites[k], sprites["hero"]) for k in ("rival", "partner")]
    assert max(hidden) < 0.35 and sum(hidden) / 2 < 0.2, (hero, rival, hidden)


# -- the young grow up when the story says so -----------------------------------------------------------

_KITTEN = {"id": "kitten", "name": "Mimi", "species": "cat", "breed": "tabby", "look": "a tiny tabby kitten"}


def _growing(narrations: list[str]) -> list[dict[str, Any]]:
    scenes = [_scene("park", [{"id": "hero", "action": "stand"}, {"id": "kitten", "action": "stand"}], narration=n)
              for n in narrations]
    script = Script.model_validate({"title": "T", "language": "en", "premise": "a cat raises a kitten",
                                    "style": "ginger-cat", "characters": [_HERO, _KITTEN], "scenes": scenes})
    painter = StoryboardPainter()
    painter.paint_layers(script, SMALL, no_progress, never_cancel)
    return [next(c for c in r["drawn"]["characters"] if c["id"] == "kitten") for r in painter.report]


def test_a_kitten_who_grows_up_is_drawn_grown_from_that_scene_on() -> None:
    drawn = _growing(["Mimi is tiny.", "Mimi plays.", "Years later, Mimi grows up.", "Mimi works.", "Mimi wins."])
    assert [c["young"] for c in drawn] == [True, True, False, False, False]
    assert [c.get("grown") for c in drawn][2:] == ["grew up in scene 3"] * 3
    height = [c["box"][3] - c["box"][1] for c in drawn]
    assert min(height[2:]) > 1.4 * max(height[:2]), height


def test_a_kitten_stays_small_unless_the_story_says_it_grows() -> None:
    drawn = _growing(["Mimi is tiny.", "Mimi plays.", "Mimi sleeps.", "Mimi works.", "Mimi wins, her whole group up."])
    assert all(c["young"] and "grown" not in c for c in drawn)


def test_a_hero_who_is_a_kitten_is_small_until_the_story_says_she_grows_up() -> None:
    hero = {**_HERO, "look": "a tiny ginger tabby kitten"}
    narrations = ["Ginger is tiny.", "Ginger plays.", "Ginger grows up.", "Ginger works.", "Ginger wins."]
    scenes = [_scene("park", [{"id": "hero", "action": "stand"}], narration=n) for n in narrations]

    def drawn(scenes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        script = Script.model_validate({"title": "T", "language": "en", "premise": "a kitten grows up",
                                        "style": "ginger-cat", "characters": [hero, _RIVAL], "scenes": scenes})
        painter = StoryboardPainter()
        painter.paint_layers(script, SMALL, no_progress, never_cancel)
        return [r["drawn"]["characters"][0] for r in painter.report]

    grows = drawn(scenes)
    assert [c["young"] for c in grows] == [True, True, False, False, False]
    height = [c["box"][3] - c["box"][1] for c in grows]
    assert min(height[2:]) > 1.4 * max(height[:2]), height
    stays = drawn([{**sc, "narration": "Ginger plays."} for sc in scenes])  # no growing up: a kitten all through
    assert all(c["young"] for c in stays)
