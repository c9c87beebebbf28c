"""Weather continuity: a premise's own weather carries across the scenes it covers (every scene of a
story set in a snowy winter; while the place stays the same for a rain named once), and no line of
filler ("rain or shine") brings weather the premise never asked for. Real writer output."""

from __future__ import annotations

import re
from typing import Any

import pytest

from story.datafiles import read_json
from story.expand import expand_plan
from story.lexicon import lexicon
from story.offline import write_story
from story.plan import Plan
from tests.test_story_plan import PREMISE, good_plan


@pytest.mark.parametrize(("premise", "lang", "weather"), [
    ("a poor cat sells flowers in the snowy winter", "en", "snow"),
    ("two kittens rolling in the snow on a snowy winter day", "en", "snow"),
    ("a lonely dog waits at the bus stop every day of the rainy season", "en", "rain"),
    ("橘猫在下雪的冬天卖花", "zh", "snow"),
])
@pytest.mark.parametrize("seed", [1, 2])
def test_a_story_set_in_a_season_has_its_weather_in_every_scene(premise: str, lang: str, weather: str,
                                                                  seed: int) -> None:
    script = write_story(premise, None, lang, seed).script
    assert [s.weather for s in script.scenes] == [weather] * len(script.scenes)


def test_weather_named_once_carries_while_the_place_stays_and_stops_when_it_changes() -> None:
    script = write_story("a poor ginger cat is kicked out into the rain, works hard as a delivery rider "
                         "and buys a mansion", None, "en", 1).script
    first = script.scenes[0]
    assert first.weather == "rain"
    for before, scene in zip(script.scenes, script.scenes[1:], strict=False):
        if scene.location != before.location and scene.location != "rainy_street":
            assert scene.weather == "clear", (before.location, scene.location)
    assert script.scenes[-1].weather == "clear"  # the mansion at the end is dry


def _plan(**beats: Any) -> Plan:
    data = good_plan()
    data["beats"] = [dict(b) for b in data["beats"]]
    for k, line in beats.items():
        data["beats"][int(k[1:])]["line"] = line
    return Plan.model_validate(data)


def test_a_line_of_filler_brings_no_weather_to_the_picture() -> None:
    dry = expand_plan(_plan(), PREMISE, "ginger-cat", "en", 3)
    wet = expand_plan(_plan(b0="Rain or shine, Mango cleans windows on the tallest skyscraper.",
                            b3="One snowy night Mango studies business books under a tiny lamp."),
                      PREMISE, "ginger-cat", "en", 3)
    assert [s.weather for s in wet.scenes] == [s.weather for s in dry.scenes] == ["clear"] * len(dry.scenes)


def test_the_pictures_own_note_still_sets_the_weather() -> None:
    data = good_plan()
    data["beats"][3] = {**data["beats"][3], "visual": "Mango studying at night in a tiny room, snow on the window"}
    script = expand_plan(Plan.model_validate(data), PREMISE, "ginger-cat", "en", 3)
    assert [s.weather for s in script.scenes].count("snow") == 1


def _strings(node: Any, path: str = "") -> list[tuple[str, str]]:
    if isinstance(node, str):
        return [(path, node)]
    if isinstance(node, dict):
        return [x for k, v in node.items() for x in _strings(v, f"{path}/{k}")]
    if isinstance(node, list):
        return [x for i, v in enumerate(node) for x in _strings(v, f"{path}/{i}")]
    return []


@pytest.mark.parametrize("name", ["spine.json", "kinds.json", "arcs/common.json"])
def test_filler_and_lead_lines_name_no_weather(name: str) -> None:
    """The fill pools, kinds' pools and the arcs' leads ("One rainy evening,") are said in any story: none
    names a weather (a pet's name, Snowball, and the rainy street's own words are no weather said)."""
    lex = lexicon()
    said = [(p, s) for p, s in _strings(read_json(name)) if not p.startswith(("/names/", "/location_words/", "/scene_words/", "/settings/"))
            and not re.search(r"/(?:words|with|unless|opening|own_words)/", p)  # a kind's matching words are never said
            and not p.startswith("/calm/weather/")]  # the calm story's lines of its own weather, said only in it
    assert said
    assert [(p, s) for p, s in said if lex.keys(s, "weathers")] == []


@pytest.mark.parametrize(("premise", "place"), [
    ("a corgi gives a speech at city hall and shivers in the rain", "city_hall"),  # drawn outdoors: the rain falls there
    ("a pug nurse works at the hospital and shivers in the rain", "hospital"),  # under a roof: rain on the window
])
def test_a_story_stays_where_it_is_when_only_its_weather_turns(premise: str, place: str) -> None:
    """staging.json indoor_places (places and stays_in_weather) is where a clause that names only its weather
    leaves the story: no cut to a rainy street."""
    from story.spine import staying_places

    assert place in staying_places()
    for seed in range(3):
        script = write_story(premise, "corgi", "en", seed).script
        wet = [s for s in script.scenes if s.weather in {"rain", "storm"}]
        assert wet and all(s.location == place for s in wet), (seed, [(s.location, s.weather) for s in script.scenes])


@pytest.mark.parametrize(("premise", "lang", "weather", "place"), [
    ("a lonely puppy runs away from home in the snow", "en", "snow", "street"),
    ("a stray kitten shivers in the rain outside a bakery", "en", "rain", "rainy_street"),
    ("an old dog walks home alone in the storm", "en", "storm", "rainy_street"),
    ("小橘猫被赶出家门，在大雪里发抖", "zh", "snow", "street"),
])
def test_a_deed_done_in_the_open_weather_is_drawn_outdoors_in_it(premise: str, lang: str, weather: str,
                                                                  place: str) -> None:
    """The room or shop the note also names ("away from home", "outside a bakery") is not where the deed is: a
    pet running in the snow is on the snowy street, never in the bedroom with snow only in its window."""
    indoor = set(read_json("staging.json")["indoor_places"]["places"])
    script = write_story(premise, None, lang, 1).script
    told = [s for s in script.scenes if s.weather == weather]
    assert told, [(s.location, s.weather) for s in script.scenes]
    assert told[0].location == place and not any(s.location in indoor for s in told), \
        [(s.location, s.weather) for s in script.scenes]


def test_weather_watched_from_a_room_keeps_the_room() -> None:
    from story.location import out_in as _out_in
    assert _out_in("Mango watching the snow from the bedroom window") is None
    assert _out_in("a rainy night at home") is None
    assert _out_in("Mango shivering in the heavy rain outside the bakery") == "rain"
    assert _out_in("阿花在大雪里发抖") == "snow"


def test_a_pet_watching_the_snow_from_its_room_stays_in_the_room() -> None:
    script = write_story("a cat watches the snow from her bedroom window and dreams of her mother", None, "en", 1).script
    assert {s.location for s in script.scenes} == {"bedroom"}, [(s.location, s.weather) for s in script.scenes]
