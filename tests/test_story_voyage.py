"""A trip to another world is its own story, drawn leg by leg (story/voyage.py, story/data/voyages.json): a trip to
space ("a little corgi dreams of going to space, builds a cardboard rocket and lands on the moon", 小橘猫坐火箭去月球) is
the kind and arc ``space_trip``: the dream at home at night (the moon in its thought), the rocket built, the launch,
the stars, the moon with its flag, never drawn on the moon from its first scene. A trip back in time (穿越) is
``time_travel``: home, the flash, the palace, its people met only there. A pirate voyage is ``pirates``: the map, the
ship, the waves, the island, the chest. Painter: the moon and a rocket in the thought bubble; a pirate ship, a
treasure map, a treasure chest."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from render.painter.geometry import Pen
from render.painter.poses import draw_marks
from render.painter.props import draw_prop
from render.painter.vocabulary import art, match_prop, stage_action
from story.kinds import story_kind
from story.premise import analyse
from story.script import Script
from story.voyage import legs, scene_legs
from tests.test_staging_roles import _script

SPACE = "a little corgi dreams of going to space, builds a cardboard rocket and lands on the moon"


@pytest.fixture(scope="module")
def space() -> Script:
    return _script(SPACE)


@pytest.mark.parametrize("premise", [
    SPACE,
    "小橘猫坐火箭去月球",
    "a shiba wants to be the first dog on mars",
    "哈士奇用纸箱做了一个火箭，飞到了月亮上",
])
def test_a_trip_to_space_is_its_own_story(premise: str) -> None:
    kind = story_kind(analyse(premise))
    assert (kind.id, kind.arc) == ("space_trip", "space_trip")


@pytest.mark.parametrize("premise", [
    "a kitten looks at the full moon with her grandma",
    "a rich cat steals the poor puppy's toy rocket",  # a theft
])
def test_other_stories_are_no_space_trip(premise: str) -> None:
    assert story_kind(analyse(premise)).id != "space_trip"


def test_the_trip_goes_from_the_dream_at_home_to_the_moon(space: Script) -> None:
    locations = [s.location for s in space.scenes]
    hero = space.scenes[0].characters[0]
    assert locations[0] == "bedroom" and space.scenes[0].time_of_day == "night"
    assert (hero.action, hero.holding) == ("think", "wish:space")  # the moon in its thought, at home
    assert locations[-1] == "planet" and "flag" in space.scenes[-1].props
    order = ["bedroom", "park", "space", "planet"]
    assert [order.index(x) for x in locations] == sorted(order.index(x) for x in locations)  # never back
    assert any("rocket" in s.props for s in space.scenes[:locations.index("planet")])


def test_a_leg_told_first_is_a_summary_drawn_where_the_trip_starts() -> None:
    trip = legs("space_trip")
    beats = [[("小橘猫坐火箭去月球", "we see 团子 walking, at the mars")],
             [("", "团子 at home at night, dreaming of the moon")],
             [("五、四、三、二、一……火箭轰的一声冲上了天！", "团子 waving from the rocket at the launch")],
             [("", "团子 floating among the stars in space")], [("", "团子 planting a flag on the moon")], []]
    assert [trip[n].id for n in scene_legs(trip, beats)] == ["dream", "dream", "launch", "space", "surface",
                                                             "surface"]


def test_the_moon_is_drawn_in_its_thought() -> None:
    pose = stage_action("think", "neutral", "wish:space", [], "bedroom")
    assert pose.marks == ("thought:space",)
    img = Image.new("RGB", (600, 600), (0, 0, 0))
    draw_marks(Pen(ImageDraw.Draw(img, "RGBA"), 300, 560, 4.0), pose.marks, -71.0, 0)
    moon = np.linalg.norm(np.asarray(img).astype(np.float32) - (250, 215, 80), axis=2) < 40
    rocket = np.linalg.norm(np.asarray(img).astype(np.float32) - (225, 70, 70), axis=2) < 40
    assert moon.sum() > 40 and rocket.sum() > 20


TIME = "a house cat wakes up in ancient China as the emperor's cat"


@pytest.mark.parametrize("premise", [
    TIME,
    "柴犬穿越到古代当了将军",
    "小橘猫穿越回古代，成了皇帝最宠爱的猫",  # 穿越回: no second chance
    "a golden retriever falls through a portal into the middle ages and becomes a knight",
])
def test_a_trip_back_in_time_is_its_own_story(premise: str) -> None:
    kind = story_kind(analyse(premise))
    assert (kind.id, kind.arc) == ("time_travel", "time_travel")


def test_a_day_undone_is_still_a_second_chance() -> None:
    assert story_kind(analyse("被渣男狗抛弃的猫咪重生了，这一次她要改变命运")).id == "second_chance"


def test_the_trip_in_time_goes_from_home_through_the_flash_to_the_palace() -> None:
    script = _script(TIME)
    locations = [s.location for s in script.scenes]
    palace = locations.index("mansion")
    flash = next(i for i, s in enumerate(script.scenes) if s.weather == "storm")
    assert 0 < flash < palace and set(locations[:palace]) == {"bedroom"} and set(locations[palace:]) == {"mansion"}
    assert all(s.caption.startswith("Palace") and "red lanterns" in s.props for s in script.scenes[palace:])
    assert "China" not in {c.name for c in script.characters}  # a land, no pet's name
    emperor = next(c.id for c in script.characters if c.id != "hero")
    assert all(emperor not in {a.id for a in s.characters} for s in script.scenes[:palace])  # met there
    assert any(emperor in {a.id for a in s.characters} for s in script.scenes[palace:])
    assert not any("china" in p.lower() for s in script.scenes for p in s.props)


PIRATES = "三只小猫坐船出海寻宝，遇到了暴风雨，最后在小岛上找到了宝箱"


@pytest.mark.parametrize("premise", [
    "two kittens sail to find pirate treasure",
    PIRATES,
    "a shiba finds an old treasure map and sets sail",
    "柯基捡到一张藏宝图，和朋友们一起出海寻宝",
])
def test_a_pirate_treasure_hunt_is_its_own_story(premise: str) -> None:
    kind = story_kind(analyse(premise))
    assert (kind.id, kind.arc) == ("pirates", "pirates")


@pytest.mark.parametrize("premise", [
    "a pirate cat loses his ship in a storm but finds treasure on a desert island",
    "an old sea dog loses his boat in a typhoon, washes up on an island and digs up a chest of gold",
    "一只橘猫在暴风雨中失去了船，却在荒岛上找到了宝藏",
])
def test_a_ship_lost_in_a_storm_on_the_way_to_treasure_is_the_voyage(premise: str) -> None:
    """The storm that takes the ship is the voyage's storm when the premise finds treasure: no disaster rebuilt."""
    kind = story_kind(analyse(premise))
    assert (kind.id, kind.arc) == ("pirates", "pirates")


@pytest.mark.parametrize("premise", [
    "a storm washes away the old cat's house and she rebuilds it board by board",
    "一场大火烧毁了小狗的家，它从头开始",
])
def test_a_disaster_with_no_treasure_is_still_rebuilt(premise: str) -> None:
    assert story_kind(analyse(premise)).arc == "rebuild"


def test_the_voyage_goes_from_the_map_over_the_waves_to_the_chest() -> None:
    script = _script(PIRATES)
    props = [set(s.props) | {a.holding for a in s.characters if a.holding} for s in script.scenes]
    first = {name: next(i for i, p in enumerate(props) if name in p)
             for name in ("treasure map", "pirate ship", "treasure chest")}
    storm = next(i for i, s in enumerate(script.scenes) if s.weather == "storm")
    assert first["treasure map"] < first["pirate ship"] <= storm < first["treasure chest"], props
    assert {s.location for s in script.scenes} == {"beach", "sea"}  # the map, the island, the chest ashore
    assert all(s.location == "sea" for s in script.scenes if s.weather == "storm")  # the wild waves out at sea
    assert not any("yacht" in p for s in script.scenes for p in s.props)  # the pirate ship, not a second boat


@pytest.mark.parametrize(("asked", "drawn"), [("pirate ship", "pirate ship"), ("treasure map", "treasure map"),
                                             ("treasure chest", "treasure chest"), ("宝箱", "treasure box")])
def test_the_pirate_things_have_their_own_drawings(asked: str, drawn: str) -> None:
    match = match_prop(asked)
    assert match is not None and art(match) == drawn
    img = Image.new("RGB", (400, 400), (0, 0, 0))
    draw_prop(drawn, Pen(ImageDraw.Draw(img, "RGBA"), 200, 380, 1.5))
    assert (np.asarray(img).sum(axis=2) > 0).sum() > 4000
