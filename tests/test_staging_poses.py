"""The staging a viewer reads with the sound off: a pet lying ill or asleep at home or in hospital is drawn in
its bed under the blanket (never lying on the floor before the bed); one walking or running is seen going its
way (turned, a stride or a kick-off, dust behind), never standing; a partner who leaves the hero for another
stands with that one, the hero apart, never between them. Staging checks, one small render each."""

from __future__ import annotations

from typing import Any

import pytest

from render.painter.beds import QUILTS
from render.painter.staging import stage_scene
from render.painter.vocabulary import art, match_prop
from story.lexicon import lexicon
from story.premise import analyse
from story.script import Scene
from tests.test_staging import _scene, _still
from tests.test_staging_actions import _char, _near, _near_mask
from tests.test_staging_roles import _script

_CAST = ["hero", "rival", "partner"]
_DUST = (236, 228, 214)  # the puffs behind a runner's back foot (``poses.draw_marks``)


def _staged(location: str, chars: list[dict[str, Any]], props: list[str] | None = None) -> dict[str, Any]:
    scene = Scene.model_validate(_scene(location, chars, props=props or []))
    staged, placed = stage_scene(scene, _CAST)
    return {"staged": {st.id: st for st in staged}, "placed": placed}


# -- ill or asleep: in its bed -------------------------------------------------------------------------------


@pytest.mark.parametrize(("location", "action", "bed"), [
    ("bedroom", "sick", "home"), ("bedroom", "sleep", "home"), ("hospital", "sick", "hospital"),
    ("street", "sick", ""), ("park", "sleep", ""),  # out of doors: no bed
])
def test_one_lying_ill_or_asleep_at_home_or_in_hospital_is_in_its_bed(location: str, action: str, bed: str) -> None:
    st = _staged(location, [{"id": "hero", "action": action}])["staged"]["hero"]
    assert st.pose.body == "lying" and st.bed == bed


def test_the_one_treated_lies_in_the_hospital_bed_asked_not_beside_a_second_one() -> None:
    got = _staged("hospital", [{"id": "rival", "action": "treat", "target": "hero"}, {"id": "hero", "action": "stand"}],
                  ["bed"])
    assert got["staged"]["hero"].bed == "hospital"
    assert [pp.where for pp in got["placed"]] == ["bed:hero"]  # the bed asked is the one it lies in


def test_the_sick_pet_is_drawn_under_its_quilt() -> None:
    img, report = _still(_scene("bedroom", [{"id": "hero", "action": "sick"}]))
    hero = _char(report, "hero")
    assert hero["bed"] == "home" and hero["body"] == "lying"
    x0, y0, x1, y1 = hero["box"]
    assert max(_near(img, (x0, y0, x1, y1), c, tol=20) for c in QUILTS) > 0.08 * (x1 - x0) * (y1 - y0)


# -- under way: walking, running -----------------------------------------------------------------------------


@pytest.mark.parametrize(("action", "legs", "mark"), [
    ("walk", "walk", "trail"), ("exit", "walk", "trail"), ("enter", "walk", "trail"), ("run", "run", "dust")])
def test_one_walking_or_running_is_seen_going_its_way(action: str, legs: str, mark: str) -> None:
    st = _staged("street", [{"id": "hero", "action": action, "facing": "front"}])["staged"]["hero"]
    assert st.turned and st.pose.legs == legs and mark in st.pose.marks


def test_a_running_pet_kicks_up_dust_behind_it() -> None:
    run, report = _still(_scene("park", [{"id": "hero", "action": "run"}]))  # on the grass
    stand, _ = _still(_scene("park", [{"id": "hero", "action": "stand"}]))
    box = _char(report, "hero")["box"]
    assert int((_near_mask(run, box, _DUST, 12) & ~_near_mask(stand, box, _DUST, 12)).sum()) > 20


# -- a partner who leaves for another: the pair together, the hero apart -----------------------------------------


def test_the_partner_and_its_new_love_stand_together_the_hero_apart() -> None:
    got = _staged("bedroom", [{"id": "rival", "action": "exit"}, {"id": "partner", "action": "exit", "target": "rival"},
                              {"id": "hero", "action": "cry"}])["staged"]
    hero, pair = got["hero"].slot.x, [got["rival"].slot.x, got["partner"].slot.x]
    assert all(x > 0.5 for x in pair) and hero < 0.5, (hero, pair)


def test_the_hero_stays_between_others_who_touch_it() -> None:
    got = _staged("bedroom", [{"id": "rival", "action": "hug", "target": "hero"},
                              {"id": "partner", "action": "stand", "target": "rival"}, {"id": "hero", "action": "cry"}])
    assert got["staged"]["hero"].slot.x == 0.5  # a hug comforts the hero: nobody is apart


@pytest.mark.parametrize("premise", [
    "柯基的女朋友为了有钱的哈士奇离开了他",
    "a shiba's boyfriend leaves her for a rich white cat and she is shocked",
    "her husband cheats on her with a rich poodle",
])
def test_the_new_love_is_staged_at_the_partners_side(premise: str) -> None:
    script = _script(premise)
    both = [s for s in script.scenes if len(s.characters) == 3]
    assert both, premise
    for s in both:
        apps = {a.id: a for a in s.characters}
        love = next(a for a in s.characters if a.id not in ("hero", "rival"))
        assert love.target == "rival", [(a.id, a.action, a.target) for a in s.characters]
        if apps["rival"].action in ("exit", "run", "walk"):
            assert love.action == apps["rival"].action  # it goes with the partner


# -- things asked and drawn: a perch, a washing machine, a volleyball, a car wash ---------------------------------


@pytest.mark.parametrize(("words", "drawn", "drawn_as"), [
    ("perch", "perch", "perch"), ("cat tree", "perch", "perch"), ("猫爬架", "perch", "perch"),
    ("washing machine", "washing machine", "washing machine"), ("洗衣机", "washing machine", "washing machine"),
    ("volleyball", "basketball", "volleyball"), ("排球", "basketball", "volleyball"),
])
def test_the_premises_things_are_drawn_as_themselves(words: str, drawn: str, drawn_as: str) -> None:
    label = str(lexicon().entry("props", lexicon().keys(words, "props")[0])["label"])  # what the story asks
    m = match_prop(label)
    assert (m.drawn, art(m), m.how != "fallback") == (drawn, drawn_as, True), label


def test_a_car_at_a_car_wash_is_scrubbed_under_suds_not_driven() -> None:
    scene = _scene("street", [{"id": "hero", "action": "work"}], props=["shiny sports car"],
                   narration="Max scrubs the car at the car wash.")
    _, report = _still(scene)
    car = report["drawn"]["props"][0]
    hero = _char(report, "hero")
    assert (car["drawn_as"], car["where"], hero["job"], hero["rig"]) == ("soapy car", "ground", "carwash", None)
    assert hero["holding"]["drawn"] == "squeegee"  # the sponge in its paw
    _, driven = _still(_scene("street", [{"id": "hero", "action": "work"}], props=["shiny sports car"]))
    assert _char(driven, "hero")["job"] == "taxi"  # a car with no washing told of is still driven


def test_a_partner_who_walks_away_with_another_leaves_for_it() -> None:
    cast = {p.key: p for p in analyse("the cat's wife walks away with a rich dog while he cries in the rain").cast}
    assert cast["dog"].lover_of == "rival" and cast["rival"].side == "villain"
    assert [p.key for p in analyse("the dog walks off with my sandwich").cast] == ["hero"]  # a theft, no affair


def test_a_car_wash_premise_washes_the_car_in_every_scene_a_pet_works_at_it() -> None:
    scene = Scene.model_validate(_scene("street", [{"id": "hero", "action": "work"}], props=["shiny sports car"]))
    (st,), placed = stage_scene(scene, _CAST, premise="一只小狗在洗车店打工，洗了一整天的车")
    assert (st.pose.job, placed[0].art) == ("carwash", "soapy car")
