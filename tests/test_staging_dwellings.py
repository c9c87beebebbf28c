"""A hotel, a car dealership (4S店) and a residential compound (小区) are places of their own: the story sets the
scene there with no place drawn as another (a hotel was reported "drawn as mansion", 4S店 and 小区 were lost to a
street), and the painter draws each as itself, named in the headline and the report: a hotel's lobby (the HOTEL
sign, the reception desk, the key board), a showroom with cars on show, the compound's gate before its apartment
blocks. A dog's kennel (狗窝) is its backyard with the kennel in it, no bedroom. A party or a resort stays a mansion,
reported as one."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter.venues import venue_captions
from story.offline import write_story
from story.script import Script
from story.venues import places_drawn
from tests.test_staging import SMALL, _scene, _still


@pytest.fixture(scope="module")
def written() -> dict[str, tuple[Script, list[str]]]:
    out = {}
    for key, premise, lang in (
            ("hotel", "a poor cat works as a cleaner in a fancy hotel and the rich guests mock him", "en"),
            ("hotel_zh", "柴犬在五星级酒店当服务员，被客人嘲笑", "zh"),
            ("showroom", "a corgi sells cars at a 4S store and the boss laughs at him", "en"),
            ("showroom_zh", "金毛在4S店卖车，被经理骂了", "zh"),
            ("compound", "a stray cat lives in a residential compound and the security guard chases him away", "en"),
            ("compound_zh", "小区里的流浪猫被保安赶走，后来被业主收养", "zh"),
            ("kennel", "the old dog sleeps in a kennel in the backyard and dreams of the house", "en"),
            ("kennel_zh", "被主人赶到狗窝里睡的老狗，每天晚上都望着窗户", "zh")):
        w = write_story(premise, "corgi", lang, 1)
        out[key] = (w.script, [str(s) for s in w.substitutions])
    return out


@pytest.mark.parametrize(("key", "location", "title"), [
    ("hotel", "mansion", "Hotel"), ("hotel_zh", "mansion", "酒店"), ("showroom", "shop", "Showroom"),
    ("showroom_zh", "shop", "汽车4S店"), ("compound", "street", "Residences"), ("compound_zh", "street", "小区"),
    ("kennel", "park", "Kennel"), ("kennel_zh", "park", "狗窝"),
])
def test_the_place_is_set_drawn_and_named_as_itself(written: dict[str, tuple[Script, list[str]]], key: str,
                                                     location: str, title: str) -> None:
    script, subs = written[key]
    assert not [s for s in subs if " place " in f" {s} "]  # no place drawn as another
    drawn = places_drawn(script)
    first = next(i for i, s in enumerate(script.scenes) if s.location == location)
    found = drawn[first]
    assert found is not None and found.kind == key.removesuffix("_zh")
    assert venue_captions(script).scenes[first].caption.startswith(title)


def test_a_cage_is_no_place_the_pet_is_locked_in_where_it_is() -> None:
    """"Locked in a cage at the pet market" was set in a bedroom (the cage its nearest place): the market now,
    the cage drawn round the pet there (``tests/test_painter_hiding.py``)."""
    w = write_story("a puppy is locked in a cage at the pet market until a girl buys him", "corgi", "en", 1)
    assert w.script.scenes[0].location == "market" and not [s for s in w.substitutions if s.kind == "place"]


def test_a_party_is_still_a_mansion_and_reported_so() -> None:
    subs = [str(s) for s in write_story("the rich poodle throws a party and mocks the poor cat", "corgi", "en",
                                         1).substitutions]
    assert any("'party' drawn as 'mansion'" in s for s in subs)


def _place(location: str, setting: str) -> tuple[np.ndarray, dict[str, object]]:
    img, report = _still(_scene(location, [{"id": "hero", "action": "stand"}], setting=setting))
    return img, report["drawn"]  # type: ignore[return-value]


def _share(img: np.ndarray, box: tuple[float, float, float, float], rgb: tuple[int, int, int]) -> float:
    """The share of ``box`` (fractions of the visible frame, inside the still's overscan) of colour ``rgb``."""
    h, w = img.shape[:2]
    vx, vy = (w - SMALL.width) / 2, (h - SMALL.height) / 2
    x0, y0, x1, y1 = box
    part = img[round(vy + y0 * SMALL.height):round(vy + y1 * SMALL.height),
               round(vx + x0 * SMALL.width):round(vx + x1 * SMALL.width)].reshape(-1, 3)
    return float((np.abs(part - np.array(rgb)).max(axis=1) < 24).mean())


@pytest.mark.parametrize(("location", "setting", "kind", "box", "rgb"), [
    ("mansion", "hotel: a grand marble mansion", "hotel", (0.62, 0.05, 0.72, 0.12), (120, 30, 44)),  # its sign
    ("mansion", "the lobby by the front desk", "hotel", (0.64, 0.27, 0.9, 0.4), (150, 96, 56)),  # the key board
    ("shop", "car dealership: a glossy boutique", "showroom", (0.03, 0.56, 0.25, 0.59), (220, 40, 48)),  # red car
    ("street", "residential compound: a quiet street", "compound", (0.33, 0.08, 0.67, 0.18), (214, 222, 234)),  # block
    ("park", "kennel: a leafy city park", "kennel", (0.04, 0.48, 0.14, 0.56), (214, 168, 112)),  # its plank wall
])
def test_each_is_drawn_as_itself(location: str, setting: str, kind: str, box: tuple[float, float, float, float],
                                 rgb: tuple[int, int, int]) -> None:
    img, drawn = _place(location, setting)
    plain, plain_drawn = _place(location, "a place")
    assert drawn.get("place") == kind and "place" not in plain_drawn
    assert _share(img, box, rgb) > 0.4 and _share(plain, box, rgb) < 0.1
