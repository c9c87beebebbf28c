"""What the scenes between a premise's beats show, as a viewer reads them with the sound off: a deed done once
(a girlfriend walking out, a pet thrown out, a run) is drawn in its own scene only, the filler scene after it its
aftermath (the one left crying alone, walking off down the street, standing to catch its breath), never the deed
again; a pet thrown out of its home is drawn outside at the house's shut front door with its suitcase, never in a
bedroom. One offline script per premise (seed 3), one small still for the painter."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from render.painter.venues import venue_kind
from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse
from story.script import Scene, Script
from story.staged import thrown_out
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
    ("一只小橘猫每天早上跑步，终于在运动会上拿了第一名", "run"),
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
