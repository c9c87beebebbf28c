"""Staged scenes: the vocabulary data, props drawn where the report says, actions, light, weather, layers."""

from __future__ import annotations

import json
from typing import Any, get_args

import numpy as np
import pytest
from PIL import Image

from render.painter import StoryboardPainter
from render.painter.backgrounds import BACKGROUNDS
from render.painter.gear import INSTRUMENTS
from render.painter.hazards import DRAW as HAZARDS
from render.painter.props import DRAW
from render.painter.staging import stage_scene
from render.painter.vocabulary import _DATA, match_prop, vocabulary
from render.stages import LayeredPainter, RenderSpec, SceneArt, never_cancel, no_progress
from story.script import Action, Location, Scene, Script

SMALL = RenderSpec(width=180, height=320, seed=5)

_HERO = {"id": "hero", "name": "Ginger", "species": "cat", "breed": "ginger tabby", "style": "ginger-cat",
         "look": "a small ginger tabby cat"}
_RIVAL = {"id": "rival", "name": "Snow", "species": "cat", "breed": "white Persian", "style": "white-persian",
          "look": "a fluffy white Persian cat"}
_PARTNER = {"id": "partner", "name": "Rex", "species": "dog", "breed": "husky", "style": None, "look": "a husky"}


def _scene(location: str = "street", chars: list[dict[str, Any]] | None = None, **kw: Any) -> dict[str, Any]:
    return {"location": location, "setting": "a place", "characters": chars or [{"id": "hero"}],
            "visual_prompt": "pets", "narration": "Something happens.", "caption": "Caption", "duration": 4.0,
            "mood": "calm", **kw}


def _script(scenes: list[dict[str, Any]]) -> Script:
    while len(scenes) < 5:
        scenes = scenes + [scenes[-1]]
    return Script.model_validate({"title": "Test", "language": "en", "premise": "a test premise",
                                  "style": "ginger-cat", "characters": [_HERO, _RIVAL, _PARTNER], "scenes": scenes})


def _layers(script: Script, spec: RenderSpec = SMALL) -> tuple[list[SceneArt], list[dict[str, Any]]]:
    painter = StoryboardPainter()
    arts = painter.paint_layers(script, spec, no_progress, never_cancel)
    return arts, painter.report


def _still(scene: dict[str, Any], spec: RenderSpec = SMALL) -> tuple[np.ndarray, dict[str, Any]]:
    arts, report = _layers(_script([scene]), spec)
    return np.asarray(arts[0].flatten(), dtype=np.float32), report[0]


# -- the vocabulary is data with a schema --------------------------------------------------------


def test_vocabulary_file_is_complete_and_consistent() -> None:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    assert set(raw) == {"props", "nearest", "fallback", "colors", "actions", "jobs", "outdoor", "zh_colors", "crowds",
                        "grown_up", "instruments", "variants", "hazards"}
    assert set(raw["instruments"]) - {"about"} == set(INSTRUMENTS)  # every instrument played has a drawing
    assert set(raw["hazards"]) - {"about"} == set(HAZARDS)  # every disaster across the floor has a drawing
    assert set(raw["zh_colors"].values()) <= set(raw["colors"])
    v = vocabulary()
    assert set(v.props) == set(DRAW)  # every drawable prop has a drawing and the other way round
    for name, kind in v.props.items():
        assert kind.layer in ("back", "ground", "rig", "hand") and 0 < kind.size <= 0.4 and kind.aliases, name
        assert all(a == a.lower() and len(a) <= 40 for a in kind.aliases), name
        assert kind.zh, name  # every prop can be asked for in Chinese too
    assert set(v.nearest.values()) <= set(v.props) and v.fallback in v.props
    assert set(v.actions) == set(get_args(Action))
    for name, spec in v.actions.items():
        assert spec["motion"] in ("idle", "still", "shiver", "bounce", "enter", "exit"), name
        assert spec.get("holding") in (None, *v.props) and spec.get("rig") in (None, *v.props), name
    for job, spec in v.jobs.items():
        assert set(spec["when"]["props"]) <= set(v.props), job
        assert set(spec["when"]["locations"]) <= set(get_args(Location)), job
    assert v.outdoor <= set(get_args(Location))
    assert set(BACKGROUNDS) == set(get_args(Location))
    assert len({BACKGROUNDS[loc] for loc in get_args(Location)}) == len(get_args(Location))  # no stand-ins


@pytest.mark.parametrize(("asked", "drawn", "how"), [
    ("golden car", "car", "exact"), ("car", "car", "exact"), ("a shiny new sports car", "car", "alias"),
    ("window-cleaning cradle", "window-cleaning cradle", "exact"), ("little strays", "kittens", "alias"),
    ("Microphone", "microphone", "exact"), ("banknotes", "money", "alias"), ("old truck", "car", "alias"),
    ("guitar", "guitar", "exact"), ("piano", "microphone", "nearest"), ("snowman", "gift box", "fallback"),
    ("金色跑车", "car", "alias"), ("一叠钞票", "money", "alias"), ("外卖电动车", "delivery scooter", "alias"),
    ("雪人", "gift box", "fallback"), ("company sign", "company sign", "exact"), ("公司招牌", "company sign", "alias"),
])
def test_props_map_to_the_nearest_drawable_one_and_say_how(asked: str, drawn: str, how: str) -> None:
    m = match_prop(asked)
    assert (m.drawn, m.how) == (drawn, how)


def test_colour_words_colour_the_prop() -> None:
    assert match_prop("golden car").color == (238, 186, 52)
    assert match_prop("red umbrella").color == (214, 48, 58)
    assert match_prop("car").color is None
    assert match_prop("金色跑车").color == (238, 186, 52)


# -- staging -------------------------------------------------------------------------------------


def test_the_hero_takes_the_front_slot_whatever_the_scene_order() -> None:
    scene = Scene.model_validate(_scene("street", [{"id": "rival"}, {"id": "hero"}]))
    staged, _ = stage_scene(scene, ["hero", "rival", "partner"])
    assert [st.id for st in staged] == ["rival", "hero"]  # scene order kept for the report
    assert staged[1].slot.height > staged[0].slot.height and staged[1].slot.x < staged[0].slot.x


def test_characters_face_their_target_and_enter_from_the_near_edge() -> None:
    scene = Scene.model_validate(_scene("street", [
        {"id": "hero", "action": "enter"}, {"id": "rival", "action": "sneer", "target": "hero"}]))
    staged, _ = stage_scene(scene)
    hero, rival = staged
    assert hero.motion == "enter_left" and hero.facing == 1
    assert rival.facing == -1 and rival.turned and rival.pose.arms == "point"
    assert rival.pose.expression == "smug"  # the action's face when the writer left it neutral


def test_work_picks_the_job_from_props_and_place() -> None:
    cases = [("skyscraper", [], "window"), ("kitchen", [], "cook"), ("street", ["delivery scooter"], "deliver"),
             ("construction_site", [], "bricks"), ("office", [], "type"), ("street", ["wok"], "cook")]
    for location, props, job in cases:
        staged, _ = stage_scene(Scene.model_validate(_scene(location, [{"id": "hero", "action": "work"}],
                                                            props=props)))
        assert staged[0].pose.job == job, (location, props)


# -- what is drawn -------------------------------------------------------------------------------


def test_an_asked_prop_is_drawn_in_the_region_the_report_gives() -> None:
    for prop in ("golden car", "crowd", "rocket", "money", "hospital bed", "mansion gate", "company sign"):
        base, _ = _still(_scene("street", [{"id": "hero"}]))
        with_prop, report = _still(_scene("street", [{"id": "hero"}], props=[prop]))
        (entry,) = report["drawn"]["props"]
        x0, y0, x1, y1 = entry["box"]
        assert x1 > x0 and y1 > y0, prop
        region = np.abs(with_prop[y0:y1, x0:x1] - base[y0:y1, x0:x1]).mean()
        assert region > 6, (prop, region)
        everywhere = np.abs(with_prop - base).mean()
        assert region > 2 * everywhere, prop  # the change is where the report says


def test_held_props_and_rigs_are_drawn_with_their_character() -> None:
    plain, _ = _still(_scene("stage", [{"id": "hero", "action": "talk"}]))
    mic, report = _still(_scene("stage", [{"id": "hero", "action": "talk", "holding": "microphone"}]))
    (char,) = report["drawn"]["characters"]
    assert char["holding"] == {"asked": "microphone", "drawn": "microphone", "how": "exact"}
    x0, y0, x1, y1 = char["box"]
    assert np.abs(mic[y0:y1, x0:x1] - plain[y0:y1, x0:x1]).mean() > 0.3
    _, report = _still(_scene("street", [{"id": "hero"}, {"id": "rival", "action": "sleep"}],
                              props=["delivery scooter", "trophy"]))
    hero = report["drawn"]["characters"][0]  # an unclaimed scooter is ridden, a trophy held, by who is free
    assert hero["rig"]["drawn"] == "delivery scooter" and hero["holding"] is None and hero["arms"] == "wheel"
    # the trophy stands on the ground, brought before the scooter that would hide it
    assert [p["where"] for p in report["drawn"]["props"]] == ["rig:hero", "front"]
    _, report = _still(_scene("mansion", [{"id": "hero", "action": "drive"}], props=["golden car"]))
    (char,) = report["drawn"]["characters"]
    assert char["rig"]["drawn"] == "car" and char["rig"]["color"] == [238, 186, 52]
    assert report["drawn"]["props"][0]["where"] == "rig:hero"


@pytest.mark.parametrize("action", [a for a in get_args(Action) if a != "stand"])
def test_every_action_draws_something_different_from_standing(action: str) -> None:
    chars = [{"id": "hero", "action": "stand"}, {"id": "rival"}]
    stand, _ = _still(_scene("park", chars))
    acting, _ = _still(_scene("park", [{"id": "hero", "action": action, "target": "rival"}, {"id": "rival"}]))
    assert np.abs(acting - stand).mean() > 0.8, action


def test_every_location_has_its_own_picture() -> None:
    locations = list(get_args(Location))
    pictures = {}
    for start in range(0, len(locations), 8):
        arts, _ = _layers(_script([_scene(loc) for loc in locations[start:start + 8]]))
        for loc, art in zip(locations[start:start + 8], arts, strict=False):
            pictures[loc] = np.asarray(art.background, dtype=np.float32)
    for a in locations:
        assert pictures[a].std() > 15, a
        for b in locations:
            if a < b:
                assert np.abs(pictures[a] - pictures[b]).mean() > 10, (a, b)


def test_night_is_darker_than_day_and_sunset_warmer() -> None:
    def luma(img: np.ndarray) -> float:
        return float((img * [0.299, 0.587, 0.114]).sum(axis=2).mean())

    for location in ("street", "skyscraper", "office", "park"):
        day, _ = _still(_scene(location))
        night, _ = _still(_scene(location, time_of_day="night"))
        assert luma(night) < 0.75 * luma(day), location
        sunset, _ = _still(_scene(location, time_of_day="sunset"))
        assert (sunset[..., 0] - sunset[..., 2]).mean() > (day[..., 0] - day[..., 2]).mean() + 5, location


def test_rain_and_snow_are_baked_into_the_background() -> None:
    clear, _ = _layers(_script([_scene("street")]))
    for weather in ("rain", "snow", "storm"):
        arts, report = _layers(_script([_scene("street", weather=weather)]))
        assert arts[0].weather == weather and report[0]["drawn"]["weather"] == weather
        diff = np.abs(np.asarray(arts[0].background, np.float32) - np.asarray(clear[0].background, np.float32))
        assert diff.mean() > 8, weather
    arts, report = _layers(_script([_scene("rainy_street")]))
    assert arts[0].weather == "rain" and "note" in report[0]["drawn"]


# -- the report ----------------------------------------------------------------------------------


def test_report_lists_every_asked_prop_and_action() -> None:
    scenes = [
        _scene("street", [{"id": "hero", "action": "shiver"},
                          {"id": "rival", "action": "sneer", "target": "hero", "holding": "phone"}],
               props=["golden car", "umbrella", "melting snowman"], weather="rain"),
        _scene("space", [{"id": "hero", "action": "celebrate"}], props=["rocket", "planet", "crowd"],
               time_of_day="night"),
    ]
    _, report = _layers(_script(scenes))
    assert len(report) == 5
    for entry, scene in zip(report, scenes, strict=False):
        asked = entry["asked"]
        assert asked["props"] == scene["props"] and asked["location"] == scene["location"]
        drawn = entry["drawn"]["props"]
        assert [d["asked"] for d in drawn] == scene["props"]
        assert all(d["drawn"] in vocabulary().props and d["how"] in ("exact", "alias", "nearest") or
                   (d["drawn"], d["how"], d["where"]) == (None, "none", "none") for d in drawn)
        assert [c["id"] for c in entry["drawn"]["characters"]] == [c["id"] for c in scene["characters"]]
        assert [c["action"] for c in entry["drawn"]["characters"]] == [c["action"] for c in scene["characters"]]
    # nothing drawable is near to a snowman: drawn as nothing (it was a stand-in gift box), and said so
    assert report[0]["drawn"]["props"][2] == {"asked": "melting snowman", "drawn": None, "how": "none", "where": "none",
                                              "box": None}
    assert report[1]["drawn"]["props"][1]["how"] == "nearest"
    rival = report[0]["drawn"]["characters"][1]
    assert rival["target"] == "hero" and rival["facing"] == "left" and rival["holding"]["drawn"] == "phone"
    json.dumps(report)  # plain data


# -- layers --------------------------------------------------------------------------------------


def test_layers_flatten_to_the_stills_and_are_deterministic() -> None:
    script = _script([
        _scene("street", [{"id": "hero", "action": "walk"}, {"id": "rival", "action": "laugh", "target": "hero"}],
               props=["golden car", "money"]),
        _scene("office", [{"id": "hero", "action": "work"}], time_of_day="night"),
        _scene("park", [{"id": "hero", "action": "push", "target": "rival"}, {"id": "rival", "action": "cry"},
                        {"id": "partner", "action": "kneel"}], time_of_day="sunset"),
        _scene("bedroom", [{"id": "hero", "action": "sleep"}]),
        _scene("street", [{"id": "hero"}], weather="rain"),
    ])
    painter = StoryboardPainter()
    assert isinstance(painter, LayeredPainter)
    stills = painter.paint(script, SMALL, no_progress, never_cancel)
    arts = painter.paint_layers(script, SMALL, no_progress, never_cancel)
    again = StoryboardPainter().paint_layers(script, SMALL, no_progress, never_cancel)
    for i, (still, art, art2) in enumerate(zip(stills, arts, again, strict=True)):
        flat = np.asarray(art.flatten(), np.int16)
        assert np.array_equal(flat, np.asarray(art2.flatten(), np.int16))
        if art.weather == "clear":
            assert np.array_equal(flat, np.asarray(still, np.int16)), i
        else:  # a still adds one frozen frame of falling rain; the animator draws it moving
            assert 0 < np.abs(flat - np.asarray(still, np.int16)).mean() < 12
    other = StoryboardPainter().paint_layers(script, RenderSpec(width=180, height=320, seed=6), no_progress,
                                             never_cancel)
    assert any(not np.array_equal(np.asarray(a.flatten()), np.asarray(b.flatten())) for a, b in zip(arts, other,
                                                                                                       strict=True))


def test_sprites_carry_blink_and_talk_variants() -> None:
    arts, _ = _layers(_script([_scene("street", [{"id": "hero", "action": "talk"}, {"id": "rival"}]),
                               _scene("bedroom", [{"id": "hero", "action": "sleep"}])]))
    art = arts[0]
    assert isinstance(art.background, Image.Image) and art.background.mode == "RGB"
    assert {sp.speaker for sp in art.sprites} == {"hero", "rival"}
    assert len({sp.phase for sp in art.sprites}) == 2
    for sp in art.sprites:
        assert sp.rgba.dtype == np.uint8 and sp.rgba.shape[2] == 4
        assert sp.rgba[..., 3].max() == 255 and sp.rgba[..., 3].min() == 0  # a cut-out, not a box
        for variant in (sp.blink, sp.talk):
            assert variant is not None and variant.shape == sp.rgba.shape
            changed = np.abs(variant.astype(np.int16) - sp.rgba).max(axis=2) > 0
            assert 0 < changed.mean() < 0.05  # only the eyes or the mouth change
    (sleeper,) = arts[1].sprites
    assert sleeper.motion == "still" and sleeper.talk is None
    assert sleeper.rgba.shape[1] > sleeper.rgba.shape[0]  # lying down: wider than tall
