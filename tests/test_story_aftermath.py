"""What the scenes between a premise's beats show, as a viewer reads them with the sound off: a deed done once
(a girlfriend walking out, a pet thrown out, a run) is drawn in its own scene only, the filler scene after it its
aftermath (the one left crying alone, walking off down the street, standing to catch its breath), never the deed
again; a pet thrown out of its home is drawn outside at the house's shut front door with its suitcase, never in a
bedroom; the weather a scene is drawn in is the story's own (no rain where it snows, the snow said falling goes on
down the next street) and its lines say no other; a getting-well story's care (the soup, the night by its side)
is told after the hero falls ill, never on the day it still plays. One offline script per premise (seed 3), one small still for
the painter."""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pytest

from story.clauses import clauses
from story.kinds import kinds_data
from story.offline import write_story
from story.premise import analyse
from story.script import Scene, Script
from story.staged import thrown_out
from story.venues import venue_kind
from story.weather import fits_weather
from tests.test_staging import _scene, _still


@cache
def _script(premise: str) -> Script:
    return write_story(premise, None, analyse(premise).language, 3).script


def _acts(scene: Scene) -> dict[str, str]:
    return {a.id: a.action for a in scene.characters}


def _told(script: Script, *words: str) -> int:
    return next(i for i, s in enumerate(script.scenes) if any(w in s.narration for w in words))


@pytest.mark.parametrize(("premise", "words"), [
    ("一只柴犬外卖员被女朋友甩了，下着大雨还在送外卖，后来开了一家奶茶店，前女友排队来买奶茶", ("甩了",)),
    ("a husky gets dumped by his girlfriend on valentine's day and becomes a famous chef", ("dumped",)),
    ("柯基的女朋友离开了他，他每天努力工作，最后买了大房子", ("离开了",)),
])
def test_a_partner_walks_out_once_and_the_next_scene_shows_the_one_left_crying_alone(premise: str,
                                                                                   words: tuple[str, ...]) -> None:
    """The dumping was drawn twice: the filler scene after it copied its note, the girlfriend walking out again
    and saying "快走吧你" over her shoulder."""
    script = _script(premise)
    at = _told(script, *words)
    assert _acts(script.scenes[at]).get("rival") == "exit"
    leaving = [i for i, s in enumerate(script.scenes) if _acts(s).get("rival") == "exit"]
    assert leaving == [at]
    after = script.scenes[at + 1]
    assert _acts(after) == {"hero": "cry"}  # alone, in tears, where it happened
    assert after.location == script.scenes[at].location
    assert all(line.speaker != "rival" for line in after.dialogue)  # the one who left says nothing after


@pytest.mark.parametrize(("premise", "deed"), [
    ("a tabby cat steals fish from the market every day and finally gets caught", "run"),
    ("a dachshund runs away from home and gets lost in the storm", "run"),
])
def test_the_heros_own_run_is_drawn_in_its_scene_only(premise: str, deed: str) -> None:
    """Running was drawn in three scenes in a row: each filler after the premise's run ran again."""
    script = _script(premise)
    running = [i for i, s in enumerate(script.scenes) if _acts(s).get("hero") == deed]
    assert len(running) == 1


@pytest.mark.parametrize(("premise", "words", "weather"), [
    ("a golden retriever is kicked out of the house by his owner and lives on the street until a kind girl adopts "
     "him", ("kicked out",), "clear"),
    ("小橘猫被继母赶出家门，后来成了大老板", ("赶出家门",), "clear"),
    ("a poor cat is thrown out of his house on a snowy night and later becomes a famous baker", ("thrown out",),
     "snow"),
    ("小狗被主人赶出了家门，在雪地里发抖", ("赶出了家门",), "clear"),
])
def test_a_pet_thrown_out_is_outside_its_front_door_with_its_suitcase(premise: str, words: tuple[str, ...],
                                                                      weather: str) -> None:
    """Thrown out of the house was drawn in a bedroom, the owner shoving the pet about the room, and again in the
    scene after."""
    script = _script(premise)
    at = _told(script, *words)
    scene = script.scenes[at]
    assert scene.location == "street" and scene.setting.startswith("front door")
    assert "suitcase" in scene.props and scene.weather == weather
    found = venue_kind(scene)
    assert found is not None and found.kind == "front door"
    after = script.scenes[at + 1]
    assert after.location == "street" and "push" not in _acts(after).values()
    assert _acts(after)["hero"] in {"walk", "talk", "stand"}


@pytest.mark.parametrize(("premise", "out"), [
    ("a pug is kicked out of the house", True),
    ("his owner throws him out in the rain", True),
    ("一只小猫被赶出家门", True),
    ("a corgi is kicked out of the football team", False),
    ("a cat throws out the trash", False),
])
def test_thrown_out_of_a_home_only(premise: str, out: bool) -> None:
    said = clauses(analyse(premise))
    assert any(thrown_out(c) for c in said) is out


def test_the_front_door_a_pet_is_thrown_out_of_is_a_house_without_a_sold_sign() -> None:
    """The house a pet is thrown out of is drawn as a house's front (its roof and door), never a shop street, and
    never with the SOLD sign of a house bought."""
    door, report = _still(_scene("street", setting="front door: a quiet street lined with shops"))
    sold, _ = _still(_scene("street", setting="her new house: a quiet street lined with shops"))
    street, _ = _still(_scene("street", setting="a quiet street lined with shops"))
    assert report["drawn"]["location"] == "street" and report["drawn"]["place"] == "front door"
    assert np.abs(door - street).mean() > 20  # a house, not the street
    h, w = door.shape[:2]
    sign = (slice(int(0.5 * h), int(0.56 * h)), slice(int(0.8 * w), int(0.92 * w)))
    assert np.abs(door[sign] - sold[sign]).mean() > 20  # the sold house's sign is not there


# -- the weather a scene is drawn in is the story's, and its lines say no other ----------------------------------


def _lines(scene: Scene) -> str:
    return " ".join([scene.narration, *(line.text for line in scene.dialogue)])


@pytest.mark.parametrize("premise", [
    "in a snowy winter, a stray cat sells matches on the street and a kind family takes her home",
    "it is snowing hard when a little kitten loses her way home",
    "下雪天，一只流浪狗在街上找吃的，被一家人收养了",
])
def test_no_rain_falls_nor_is_said_in_a_snowy_story(premise: str) -> None:
    """The arcs' rainy scenes ("shivering in the rain", "crying outside in the rain") were drawn on the rainy
    street in a snowy story, and their lines ("Rain soaks her fur", 外面的雨想下多久就下多久吧) said there."""
    script = _script(premise)
    assert all(s.weather != "rain" and s.location != "rainy_street" for s in script.scenes)
    assert not any(re.search(r"\brain|雨", _lines(s).lower()) for s in script.scenes)
    assert any(s.weather == "snow" for s in script.scenes)


def test_the_snow_a_premise_says_is_falling_goes_on_down_the_next_street() -> None:
    """下着雪 was drawn in a bedroom, and the street the kitten wanders next was dry."""
    script = _script("一只小猫被赶出家门，下着雪，它在街上流浪，后来被好心人收养")
    at = _told(script, "下着雪")
    wanders = _told(script, "流浪")
    assert script.scenes[at].location == "street" and script.scenes[at].weather == "snow"
    assert script.scenes[wanders].location == "street" and script.scenes[wanders].weather == "snow"


@pytest.mark.parametrize(("line", "weathers", "fits"), [
    ("Rain soaks Miso's fur.", {"snow"}, False),
    ("雨下了整整一夜。", set(), False),
    ("Rain soaks Miso's fur.", {"storm"}, True),  # rain comes with a storm
    ("Snow settles on Miso's ears.", {"snow"}, True),
    ("Miso blinks slowly.", set(), True),
])
def test_a_line_names_only_the_storys_weather(line: str, weathers: set[str], fits: bool) -> None:
    assert fits_weather(line, weathers) is fits


# -- a getting-well story's care is told after the hero falls ill --------------------------------------------------


def _care_lines(lang: str) -> list[re.Pattern[str]]:
    illness = next(k for k in kinds_data()["kinds"] if k["id"] == "illness")
    return [re.compile(".+".join(map(re.escape, line.split("{actor}")))) for line in illness["more"]["rise"][lang]]


@pytest.mark.parametrize(("premise", "words"), [
    ("a puppy plays in the park all day and then gets sick, and grandma nurses him back to health", ("gets sick",)),
    ("小猫每天在院子里追蝴蝶，后来发烧了，妈妈整夜照顾它", ("发烧了",)),
])
def test_no_soup_nor_care_is_told_before_the_hero_falls_ill(premise: str, words: tuple[str, ...]) -> None:
    """The arc's soup and night by its side were told on the day the puppy still played in the park, and the
    kind's care lines ("A warm bowl of soup, still steaming.", 团子一分钟也没有离开) said after its playing."""
    script = _script(premise)
    ill = _told(script, *words)
    care = _care_lines(script.language)
    for scene in script.scenes[:ill]:
        assert not any(p.search(_lines(scene)) for p in care), _lines(scene)
        assert "steaming bowl" not in scene.props and all(a.action != "sick" for a in scene.characters)
    assert any(p.search(_lines(s)) for s in script.scenes[ill:] for p in care) or any(
        "steaming bowl" in s.props for s in script.scenes[ill:])  # the care comes, after it
