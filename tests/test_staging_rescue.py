"""Viewer QA of the drawing: the one a hero saves is in the picture (a patient in a bed, a kitten held to
the chest), kittens are drawn as several small ones, vehicles and big props fit the vertical frame, and
job costumes read (an astronaut's spacesuit is not a police cap)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from render.painter import StoryboardPainter
from render.painter.looks import youth
from render.painter.painter import SAFE_X
from render.painter.staging import stage_scene
from render.painter.vocabulary import match_prop
from render.stages import RenderSpec, never_cancel, no_progress, overscan_size
from story.lexicon import lexicon
from story.offline import write_offline
from story.script import Character, Scene, Script
from tests.test_staging import _HERO, _RIVAL, _scene, _still

SPEC = RenderSpec(width=180, height=320, seed=5)
_KITTENS = {"id": "kittens", "name": "Tots", "species": "cat", "breed": "black cat", "style": "black-cat",
            "look": "three tiny sleek black kittens with glossy fur"}
_GROWN = {**_KITTENS, "id": "mother", "look": "a sleek black cat with glossy fur"}


def _paint(scenes: list[dict[str, Any]], characters: list[dict[str, Any]] | None = None,
           spec: RenderSpec = SPEC) -> tuple[list[Any], list[dict[str, Any]]]:
    while len(scenes) < 5:
        scenes = scenes + [scenes[-1]]
    script = Script.model_validate({"title": "T", "language": "en", "premise": "p", "style": "ginger-cat",
                                    "characters": characters or [_HERO, _RIVAL], "scenes": scenes})
    painter = StoryboardPainter()
    arts = painter.paint_layers(script, spec, no_progress, never_cancel)
    return arts, painter.report


# -- 4. the young: small, and several where the premise has several ---------------------------


def test_youth_reads_the_character() -> None:
    assert youth(Character.model_validate(_KITTENS)) == (True, 3)
    assert youth(Character.model_validate({**_GROWN, "look": "a tiny lost golden puppy"})) == (True, 1)
    assert youth(Character.model_validate({**_GROWN, "look": "two tiny kittens"})) == (True, 2)
    assert youth(Character.model_validate(_GROWN)) == (False, 1)
    assert youth(Character.model_validate({**_KITTENS, "id": "hero"})) == (False, 1)  # the hero is grown


def test_her_kittens_are_drawn_as_several_small_ones() -> None:
    def sprite(character: dict[str, Any]) -> np.ndarray:
        arts, _ = _paint([_scene("street", [{"id": character["id"]}])], [_HERO, character])
        return np.asarray(arts[0].sprites[0].rgba)

    litter, one = sprite(_KITTENS), sprite({**_KITTENS, "id": "kitten", "look": "a tiny sleek black kitten"})
    grown = sprite(_GROWN)
    assert one.shape[0] < 0.7 * grown.shape[0]  # a kitten is small beside a grown cat
    assert abs(litter.shape[0] - one.shape[0]) < 0.2 * one.shape[0]  # the litter: kittens of the same size
    assert litter.shape[1] > 2.3 * one.shape[1]  # ...three of them side by side


def test_the_offline_writer_says_kittens_and_puppies_in_their_look() -> None:
    script = write_offline("A greedy husky kicks a poor calico cat and her kittens out in the snow",
                           "ginger-cat", "en", 2)
    (kittens,) = [c for c in script.characters if c.id == "kittens"]
    assert "kittens" in kittens.look and youth(kittens) == (True, 3)
    script = write_offline("A kind shiba taxi driver rescues a lost puppy in the rain", "shiba", "en", 4)
    young = [c for c in script.characters if youth(c)[0]]
    assert [youth(c) for c in young] == [(True, 1)] and "puppy" in young[0].look


# -- 1. the one helped is in the picture --------------------------------------------------------


@pytest.mark.parametrize(("asked", "drawn"), [
    ("patient", "patient"), ("sick pet", "patient"), ("病人", "patient"), ("stray kitten", "kitten"),
    ("lost puppy", "puppy"), ("little strays", "kittens"), ("stray puppies", "puppies"), ("流浪猫", "kitten"),
])
def test_the_ones_helped_are_drawable(asked: str, drawn: str) -> None:
    assert match_prop(asked).drawn == drawn


def test_saves_a_patient_draws_the_patient_in_a_bed_beside_the_hero() -> None:
    base, _ = _still(_scene("hospital", [{"id": "hero", "action": "hug"}]))
    img, report = _still(_scene("hospital", [{"id": "hero", "action": "hug"}], props=["patient"]))
    (entry,) = report["drawn"]["props"]
    assert (entry["drawn"], entry["how"], entry["where"]) == ("patient", "exact", "ground")
    (hero,) = report["drawn"]["characters"]
    x0, y0, x1, y1 = entry["box"]
    assert np.abs(img[y0:y1, x0:x1] - base[y0:y1, x0:x1]).mean() > 8  # drawn where the report says
    centre = (x0 + x1) / 2
    assert hero["box"][0] < centre and (hero["box"][0] + hero["box"][2]) / 2 < centre  # beside, not in front
    assert hero["facing"] == "right"  # toward the bed


@pytest.mark.parametrize("action", ["hug", "walk", "run"])
def test_a_rescued_kitten_is_carried_in_the_heros_arms(action: str) -> None:
    scene = Scene.model_validate(_scene("rainy_street", [{"id": "hero", "action": action}], props=["stray kitten"]))
    (st,), placed = stage_scene(scene)
    assert st.pose.holding is not None and st.pose.holding.drawn == "kitten" and st.pose.arms == "belly"
    assert [p.where for p in placed] == ["hand:hero"]
    plain, _ = _still(_scene("rainy_street", [{"id": "hero", "action": action}]))
    held, report = _still(_scene("rainy_street", [{"id": "hero", "action": action}], props=["stray kitten"]))
    x0, y0, x1, y1 = (max(0, v) for v in report["drawn"]["characters"][0]["box"])
    assert np.abs(held[y0:y1, x0:x1] - plain[y0:y1, x0:x1]).mean() > 3


def test_a_kitten_stays_on_the_ground_when_the_hero_feeds_it() -> None:
    scene = Scene.model_validate(_scene("street", [{"id": "hero", "action": "give"}], props=["stray kitten"]))
    (st,), placed = stage_scene(scene)
    assert [p.where for p in placed] == ["ground"] and (st.pose.holding is None or st.pose.holding.drawn != "kitten")


# -- 2. vehicles and big props fit the vertical frame ------------------------------------------


@pytest.mark.parametrize(("chars", "props"), [
    ([{"id": "hero", "action": "drive"}], []),
    ([{"id": "hero", "action": "drive"}, {"id": "rival"}], []),
    ([{"id": "hero"}], ["taxi"]),
    ([{"id": "hero", "action": "cry"}, {"id": "rival", "action": "sneer", "target": "hero"}], ["golden car"]),
    ([{"id": "hero", "action": "work"}], ["wok"]),
    ([{"id": "hero", "action": "work"}], ["delivery scooter"]),
    ([{"id": "rival", "action": "laugh"}, {"id": "hero"}], ["luxury yacht"]),
    ([{"id": "hero", "action": "hug"}], ["patient"]),
    ([{"id": "hero"}], ["hospital bed"]),
])
def test_every_vehicle_and_big_prop_fits_the_frame(chars: list[dict[str, Any]], props: list[str]) -> None:
    spec = RenderSpec(width=360, height=640, seed=5)
    arts, report = _paint([_scene("street", chars, props=props)], spec=spec)
    ow, _ = overscan_size(spec)
    left = (ow - spec.width) / 2  # the visible frame's left edge in keyframe pixels
    lo, hi = left + SAFE_X * spec.width - 2, left + (1 - SAFE_X) * spec.width + 2
    drawn = report[0]["drawn"]
    boxes = [p["box"] for p in drawn["props"] if p["drawn"] not in ("crowd", "confetti")]
    boxes += [c["box"] for c in drawn["characters"] if c["rig"] is not None]
    assert boxes
    for x0, _, x1, _ in boxes:
        assert lo <= x0 and x1 <= hi, (props, chars, x0, x1, lo, hi)
    for sp in arts[0].sprites:  # and the ink of every sprite with a rig stays inside too
        cols = np.nonzero((sp.rgba[..., 3] > 32).any(axis=0))[0]
        if sp.speaker is not None and any(c["rig"] for c in drawn["characters"] if c["id"] == sp.speaker):
            assert lo <= sp.x + cols[0] and sp.x + cols[-1] <= hi


# -- 3. costumes the premises ask for ----------------------------------------------------------


@pytest.mark.parametrize(("job", "outfit"), [("astronaut", "spacesuit"), ("doctor", "white_coat"),
                                             ("firefighter", "firefighter"), ("chef", "chef_hat"),
                                             ("mayor", "suit"), ("construction", "hard_hat")])
def test_jobs_wear_their_own_costume(job: str, outfit: str) -> None:
    assert lexicon().entry("jobs", job)["outfit"] == outfit
    assert lexicon().find("a cat in a spacesuit", ["outfits"])[0].key == "spacesuit"


def test_a_spacesuit_is_not_a_police_uniform() -> None:
    bare_img, report = _still(_scene("street", [{"id": "hero"}]))
    x0, y0, x1, y1 = (max(0, v) for v in report["drawn"]["characters"][0]["box"])

    def head(outfit: str) -> np.ndarray:
        img, _ = _still(_scene("street", [{"id": "hero", "outfit": outfit}]))
        return img[y0:y0 + (y1 - y0) // 2, x0:x1]  # the head and helmet

    suit, police, bare = head("spacesuit"), head("uniform"), head("none")
    assert np.abs(suit - police).mean() > 6 and np.abs(suit - bare).mean() > 6


def test_an_astronaut_premise_is_drawn_in_a_spacesuit() -> None:
    script = write_offline("A shy tabby astronaut is laughed at by a rich poodle, then flies a rocket to the moon",
                           "tabby-cat", "en", 1)
    outfits = {a.outfit for s in script.scenes for a in s.characters if a.id == "hero"}
    assert "spacesuit" in outfits and "uniform" not in outfits


def test_nobody_stands_in_space_without_a_spacesuit() -> None:
    scene = Scene.model_validate(_scene("planet", [{"id": "hero"}, {"id": "rival", "outfit": "suit"}]))
    (hero, rival), _ = stage_scene(scene, ["hero", "rival"])
    assert (hero.outfit, rival.outfit) == ("spacesuit", "suit")  # a rich poodle keeps the suit she showed off


# -- what the QA premises showed --------------------------------------------------------------


@pytest.mark.parametrize(("location", "props", "rig"), [
    ("street", [], "car"), ("street", ["delivery scooter"], "delivery scooter"), ("beach", ["luxury yacht"], "yacht"),
    ("planet", ["rocket"], None), ("space", [], None),
])
def test_a_pet_drives_the_scenes_own_vehicle(location: str, props: list[str], rig: str | None) -> None:
    """'flies a rocket to the moon' was a red car on Mars."""
    scene = Scene.model_validate(_scene(location, [{"id": "hero", "action": "drive"}], props=props))
    (st,), _ = stage_scene(scene)
    assert (st.pose.rig.drawn if st.pose.rig else None) == rig


def test_a_rocket_is_never_held_and_two_words_for_it_draw_one() -> None:
    scene = Scene.model_validate(_scene("planet", [{"id": "hero", "action": "work", "holding": "rocket"}],
                                        props=["rocket", "space helmet"]))
    (st,), placed = stage_scene(scene)
    assert st.pose.holding is None and st.pose.job == "explore"
    assert [p.where for p in placed] == ["back", "back"] and placed[0].x == placed[1].x
    one, _ = _still(_scene("planet", [{"id": "hero", "action": "cry"}], props=["rocket"]))
    two, report = _still(_scene("planet", [{"id": "hero", "action": "cry"}], props=["rocket", "space helmet"]))
    assert np.array_equal(one, two)  # drawn once
    assert [p["box"] for p in report["drawn"]["props"]][0] == report["drawn"]["props"][1]["box"]


def test_young_ones_shiver_out_in_the_snow() -> None:
    scenes = [_scene("street", [{"id": "kittens"}], weather="snow"), _scene("kitchen", [{"id": "kittens"}])]
    _, report = _paint(scenes, [_HERO, _KITTENS])
    assert [r["drawn"]["characters"][0]["action"] for r in report[:2]] == ["shiver", "stand"]


def test_a_stray_kitten_is_fed_not_given_a_present() -> None:
    scene = Scene.model_validate(_scene("street", [{"id": "hero", "action": "give"}], props=["stray kitten"]))
    (st,), _ = stage_scene(scene)
    assert st.pose.holding is not None and st.pose.holding.drawn == "food bowl"
    scene = Scene.model_validate(_scene("street", [{"id": "hero", "action": "give", "target": "kittens"},
                                                   {"id": "kittens"}]))
    (st, _), _ = stage_scene(scene, ["hero", "kittens"], {"kittens": 3})
    assert st.pose.holding is not None and st.pose.holding.drawn == "food bowl"
    scene = Scene.model_validate(_scene("street", [{"id": "hero", "action": "give", "target": "rival"},
                                                   {"id": "rival"}]))
    (st, _), _ = stage_scene(scene, ["hero", "rival"], {"kittens": 3})
    assert st.pose.holding is not None and st.pose.holding.drawn == "gift box"  # a grown-up still gets a gift


def test_a_firefighter_holds_a_fire_hose_and_the_fire_truck_is_a_truck_not_a_wok() -> None:
    assert match_prop("fire truck").drawn == "car" and match_prop("fire hose").drawn == "fire hose"
    scene = Scene.model_validate(_scene("street", [{"id": "hero", "action": "work", "outfit": "firefighter"}],
                                        props=["fire hose", "fire truck"]))
    (st,), placed = stage_scene(scene)
    assert st.pose.job == "firefight" and st.pose.holding is not None and st.pose.holding.drawn == "fire hose"
    assert [p.where for p in placed] == ["hand:hero", "back"]  # the truck parked behind, at a truck's size


def test_a_taxi_driver_at_work_drives_the_taxi() -> None:
    scene = Scene.model_validate(_scene("street", [{"id": "hero", "action": "work"}], props=["taxi"]))
    (st,), placed = stage_scene(scene)
    assert st.pose.job == "taxi" and st.pose.rig is not None and st.pose.rig.drawn == "car"
    assert [p.where for p in placed] == ["rig:hero"]


def test_a_thing_with_no_drawing_is_not_put_in_a_pets_paw() -> None:
    """"pushes the calico into a fountain": the calico held a present (the fallback) while pushed; nothing is
    near to a fountain, so nothing stands for it (it was a gift box on the ground)."""
    scene = Scene.model_validate(_scene("school", [{"id": "rival", "action": "push", "target": "hero"},
                                                   {"id": "hero"}], props=["fountain"]))
    (rival, hero), placed = stage_scene(scene, ["hero", "rival"])
    assert hero.pose.holding is None and rival.pose.holding is None
    assert placed == []


@pytest.mark.parametrize("action", ["hug", "walk"])
def test_a_rescued_puppy_in_the_cast_is_carried_in_front_of_the_hero(action: str) -> None:
    pup = {**_GROWN, "id": "pup", "species": "dog", "breed": "golden retriever", "style": None,
           "look": "a tiny lost golden retriever puppy"}
    scene = _scene("park", [{"id": "hero", "action": action, "target": "pup"}, {"id": "pup"}])
    arts, report = _paint([scene], [_HERO, pup])
    hero, held = report[0]["drawn"]["characters"]
    assert hero["arms"] == "belly"
    hx0, hy0, hx1, hy1 = hero["box"]
    px0, py0, px1, py1 = held["box"]
    assert hx0 < (px0 + px1) / 2 < hx1 and hy0 < py1 < hy1  # in the hero's arms, above its feet
    assert [sp.speaker for sp in arts[0].sprites] == ["hero", "pup"]  # drawn in front of the hero
    (_, litter), _ = stage_scene(Scene.model_validate(_scene("park", [{"id": "hero", "action": action,
                                                                        "target": "kittens"}, {"id": "kittens"}])),
                                 ["hero", "kittens"], {"kittens": 3})
    assert not litter.carried  # a litter stands beside
