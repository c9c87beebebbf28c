"""Pets at work, drawn and told as the job is (issue 12): a tabby on a warehouse's night shift, a stray dog working at
a warehouse by day, a pug delivering pizza every night. A filler line called the many to look on at the hero's plain
work ("Everyone at the warehouse turns to look", with a cheering crowd drawn at the warehouse at night); now the hero's
days of work, and any scene at night, are said without a crowd turning to look. Premises here are in no other test."""

from __future__ import annotations

import re

import pytest

from render.painter.persona import job_costume
from render.painter.props import VARIANTS
from render.painter.vocabulary import art, match_prop, vocabulary
from story.buying import school_goal
from story.drawings import FALL, TRIP, TRIPPING, drawn_lines, own_drawings, scene_words
from story.expand import _WORKPLACES
from story.offline import write_story
from story.premise import analyse
from story.weave import crowd_at_night

_LANG = {True: "en", False: "zh"}


def _written(premise: str, seed: int = 1):  # type: ignore[no-untyped-def]
    return write_story(premise, None, _LANG[premise.isascii()], seed)


_LOOKING = re.compile(r"\b(?:everyone|everybody|every eye)\b(?! has gone)", re.IGNORECASE)

AT_WORK = [
    "a stray dog works at a warehouse by day and studies at night to become a vet",
    "a pug delivers pizza on a scooter every night to save for a new house",
    "a ragdoll cat works at a gas station at night and saves a kitten from the cold",
    "a kitten works two jobs to pay for college and finally graduates",
    "an old cat works as a janitor at a school and secretly studies every night to become a teacher",
]


@pytest.mark.parametrize("premise", AT_WORK)
@pytest.mark.parametrize("seed", [1, 2])
def test_no_crowd_turns_to_look_at_the_heros_work(premise: str, seed: int) -> None:
    script = _written(premise, seed).script
    for scene in script.scenes:
        working = any(c.id == "hero" and c.action == "work" for c in scene.characters)
        told = _LOOKING.search(scene.narration)
        assert not (told and (working or scene.time_of_day == "night")), (scene.time_of_day, scene.narration)
        if scene.time_of_day == "night" and working:
            assert "cheering crowd" not in scene.props, scene.narration


def test_a_crowd_at_night_is_read_from_the_words() -> None:
    assert crowd_at_night("we see Max working late at night at the warehouse Everyone at the warehouse turns to look.")
    assert crowd_at_night("小橘在仓库上夜班。所有人都在看着。")
    assert not crowd_at_night("Everyone at the warehouse turns to look.")
    assert not crowd_at_night("Night after night, Max keeps at it. Max stays long after everyone has gone.")


# -- a trip drawn as a trip and a fall, wine drawn in a wine glass --------------------------------------------------

TRIPS = [
    ("a clumsy corgi waiter trips and spills wine on a rich cat", {"hero": FALL}),
    ("a tuxedo cat works as a waitress and a rude customer trips her on purpose", {"rival": TRIP, "hero": FALL}),
    ("服务员小猫端红酒的时候被绊倒了，酒洒在富豪猫身上", {"hero": FALL}),
]


@pytest.mark.parametrize(("premise", "drawn"), TRIPS)
def test_a_trip_is_drawn_as_a_trip_and_a_fall_not_a_shove(premise: str, drawn: dict[str, str]) -> None:
    written = _written(premise)
    cast = [c.id for c in written.script.characters]
    tripping = [own_drawings(s, cast, premise) for s in written.script.scenes if TRIPPING.search(scene_words(s))]
    assert any(all(d.get(k) == v for k, v in drawn.items()) for d in tripping), tripping
    lines = drawn_lines(written.substitutions, written.script)
    assert not [ln for ln in lines if ("trip" in ln or "绊倒" in ln) and ("'push'" in ln or "'stand'" in ln)], lines
    assert f"drawn as '{drawn.get('rival', FALL)}'" in " ".join(lines)


def test_a_road_trip_is_no_fall() -> None:
    assert not TRIPPING.search("the corgi goes on a road trip with her family")
    assert not TRIPPING.search("a school trip to the zoo")
    assert TRIPPING.search("the poodle stumbles on the stairs")


@pytest.mark.parametrize("premise", [
    "a clumsy corgi waiter trips and spills wine on a rich cat",
    "a husky bartender pours wine for a rich poodle who mocks him",
    "一只小猫服务员打翻了红酒，洒在富豪猫身上",
])
def test_wine_is_a_glass_of_wine_not_a_cup_of_coffee(premise: str) -> None:
    written = _written(premise)
    props = [p for s in written.script.scenes for p in s.props]
    assert "glass of wine" in props and "cup of coffee" not in props, props
    assert not [ln for ln in drawn_lines(written.substitutions, written.script) if "coffee" in ln]


def test_the_painter_draws_wine_in_a_wine_glass() -> None:
    assert art(match_prop("glass of wine")) == "wine glass"
    assert art(match_prop("红酒")) == "wine glass"
    assert art(match_prop("cup of coffee")) == "coffee cup"
    assert "wine glass" in VARIANTS


# -- a crossing guard: its hi-vis vest and its stop sign at the crossing --------------------------------------------

GUARDS = [
    "a golden retriever works as a crossing guard and saves a kid from a speeding car",
    "a corgi works as a crossing guard outside a school in the rain",
    "小柯基当交通协管员，每天在路口帮小学生过马路",
    "an old beagle is a crossing guard who helps puppies cross the road every morning",
]


@pytest.mark.parametrize("premise", GUARDS)
def test_a_crossing_guard_is_seen_at_the_crossing_with_its_stop_sign(premise: str) -> None:
    assert analyse(premise).job == "crossing_guard"
    script = _written(premise).script
    at_work = [s for s in script.scenes if any(c.id == "hero" and c.action == "work" for c in s.characters)]
    assert at_work and all(s.location == "street" and "stop sign" in s.props for s in at_work), at_work
    hero = next(c for c in script.characters if c.id == "hero")
    assert job_costume(f"{premise} {hero.look}", "crossing_guard") == "cleaner"  # the orange hi-vis vest


def test_the_painter_draws_the_stop_sign_held_up() -> None:
    assert match_prop("stop sign").drawn == "stop sign" and match_prop("停车牌").drawn == "stop sign"
    assert vocabulary().jobs["cross"]["holding"] == "stop sign"


# -- studying after work is at home; saving for college ends at the college -----------------------------------------

STUDIES = [
    "a stray dog works at a warehouse by day and studies at night to become a vet",
    "a tabby cat works at a warehouse and studies at night to pass the exam",
    "a shiba works the night shift at a factory and studies for his exams between shifts",
    "一只小橘猫白天在仓库打工，晚上学习，想考上大学",
]


@pytest.mark.parametrize("premise", STUDIES)
def test_the_hero_studies_at_home_not_at_its_workplace(premise: str) -> None:
    script = _written(premise).script
    studying = [s for s in script.scenes if any(c.id == "hero" and c.action == "study" for c in s.characters)]
    assert studying
    assert not [s.location for s in studying if s.location in _WORKPLACES
                and not studies_named(s.narration)], [(s.location, s.narration) for s in studying]


def studies_named(narration: str) -> bool:
    return any(w in narration.lower() for w in ("hospital", "restaurant", "shop", "warehouse", "factory"))


def test_delivering_pizza_to_save_for_college_ends_at_the_college() -> None:
    premise = "a ginger cat delivers pizza to save for college"
    analysis = analyse(premise)
    assert analysis.job == "delivery" and "school" not in analysis.places
    written = _written(premise)
    assert written.arc == "saving_up"
    scenes = written.script.scenes
    working = [s for s in scenes if any(c.id == "hero" and c.action == "work" for c in s.characters)]
    assert working and all(s.location == "street" and "delivery scooter" in s.props for s in working)
    assert any("pizza" in s.props for s in working)
    assert scenes[-1].location == "school" and "college" in scenes[-1].narration.lower()
    assert not any("holds college" in s.narration for s in scenes)


@pytest.mark.parametrize(("text", "said"), [
    ("a ginger cat delivers pizza to save for college", True),
    ("a shiba washes cars to pay for her tuition", True),
    ("小狗送外卖攒大学学费", True),
    ("a pug delivers pizza to save for a new house", False),
    ("a corgi goes to college and saves a kitten", False),
])
def test_a_saving_for_college_is_read(text: str, said: bool) -> None:
    assert (school_goal(text) is not None) is said


def test_one_who_pays_for_a_school_saves_for_nothing() -> None:
    assert school_goal("years later the cat pays for his school") is None
