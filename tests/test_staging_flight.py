"""A plane is drawn as a plane (not a rocket), up in the sky beside the pilot who flies it, and a pilot (or a
ship's captain) wears a pilot's costume: a white peaked cap, a dark jacket and gold wings. Real writer output,
real renders."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter import StoryboardPainter
from render.painter.persona import personas
from render.painter.vocabulary import match_prop
from render.stages import never_cancel, no_progress
from story.offline import write_offline
from tests.test_staging import SMALL, _scene, _still


@pytest.mark.parametrize(("premise", "lang"), [
    ("a ginger cat becomes a pilot and flies a plane over the city", "en"),
    ("a dog pilot flies his grandma to the beach in a private jet", "en"),
    ("a rich poodle shows off her helicopter to the poor cat", "en"),
    ("飞行员小猫开着飞机回家", "zh"),
])
def test_a_premise_plane_is_asked_and_drawn_as_a_plane(premise: str, lang: str) -> None:
    script = write_offline(premise, "ginger-cat", lang, 1)
    asked = [p for sc in script.scenes for p in sc.props]
    assert "plane" in asked and "rocket" not in asked, asked
    painter = StoryboardPainter()
    painter.paint_layers(script, SMALL, no_progress, never_cancel)
    drawn = [p["drawn"] for r in painter.report for p in r["drawn"]["props"]]
    assert "plane" in drawn and "rocket" not in drawn


def test_the_plane_is_in_the_sky_beside_the_pilot_not_behind_it() -> None:
    base, _ = _still(_scene("street", [{"id": "hero", "action": "drive"}]))
    img, report = _still(_scene("street", [{"id": "hero", "action": "drive"}], props=["plane"]))
    (entry,) = report["drawn"]["props"]
    assert (entry["drawn"], entry["where"]) == ("plane", "back")
    x0, y0, x1, y1 = entry["box"]
    face = report["drawn"]["characters"][0]["face"]
    assert y1 <= face[3] and not (x0 < face[0] and face[2] < x1 and y0 < face[1])  # not hidden behind the head
    h, w = img.shape[:2]
    region = img[max(0, y0):y1, max(0, x0):min(w, x1)]
    assert np.abs(region - base[max(0, y0):y1, max(0, x0):min(w, x1)]).mean() > 12
    white = (region.min(axis=-1) > 220).mean()  # its white body against the sky
    assert white > 0.06, white
    rocket, _ = _still(_scene("street", [{"id": "hero", "action": "drive"}], props=["rocket"]))
    assert np.abs(rocket - img).mean() > 2


@pytest.mark.parametrize("words", ["plane", "a private jet", "airplane", "飞机", "直升机"])
def test_the_painter_knows_a_plane(words: str) -> None:
    assert match_prop(words).drawn == "plane"


@pytest.mark.parametrize("premise", ["a dog pilot flies his grandma to the beach in a private jet",
                                     "飞行员小猫开着飞机回家", "an old sea captain cat sails home through the storm"])
def test_a_pilot_wears_the_pilots_cap_and_wings(premise: str) -> None:
    lang = "en" if premise.isascii() else "zh"
    script = write_offline(premise, "ginger-cat", lang, 1)
    assert personas(script)["hero"].job == "pilot"
    painter = StoryboardPainter()
    arts = painter.paint_layers(script, SMALL, no_progress, never_cancel)
    k = next(i for i, r in enumerate(painter.report) if any(
        c["id"] == "hero" and c["outfit"] == "pilot" for c in r["drawn"]["characters"]))
    rgba = next(sp for sp in arts[k].sprites if sp.speaker == "hero").rgba
    ink = rgba[..., 3] > 200
    h = rgba.shape[0]
    top = rgba[: h // 3, :, :3].astype(np.float32)  # the white crown of the cap (graded for the scene's mood)
    cap = ink[: h // 3] & (top.min(axis=-1) > 160) & (top.max(axis=-1) - top.min(axis=-1) < 30)
    jacket = ink[h // 2:] & (np.abs(rgba[h // 2:, :, :3].astype(np.float32) - (36, 44, 72)).max(axis=-1) < 30)
    assert cap.mean() > 0.01 and jacket.mean() > 0.05, (cap.mean(), jacket.mean())


@pytest.mark.parametrize(("premise", "lang", "job"), [
    ("a ginger cat becomes a pilot and flies a plane over the city", "en", "pilot"),
    ("小狗努力训练，当上了飞行员", "zh", "pilot"),
    ("小橘猫努力学习，当上了医生", "zh", "white_coat"),
])
def test_a_pet_who_becomes_a_pilot_wears_it_from_the_scene_that_tells_it(premise: str, lang: str, job: str) -> None:
    script = write_offline(premise, "ginger-cat", lang, 1)
    painter = StoryboardPainter()
    painter.paint_layers(script, SMALL, no_progress, never_cancel)
    worn = [next(c["outfit"] for c in r["drawn"]["characters"] if c["id"] == "hero") for r in painter.report]
    assert job in worn, worn
    first = worn.index(job)
    assert all(w == job for w in worn[first:]), worn  # from the scene it becomes one on
    assert first > 0 and job not in worn[:first]  # not before: the story of becoming one is told


def test_dreaming_of_it_is_not_becoming_it() -> None:
    script = write_offline("a poor ginger cat dreams of becoming a doctor", "ginger-cat", "en", 1)
    painter = StoryboardPainter()
    painter.paint_layers(script, SMALL, no_progress, never_cancel)
    worn = [next(c["outfit"] for c in r["drawn"]["characters"] if c["id"] == "hero") for r in painter.report]
    assert worn[:-1] == ["none"] * (len(worn) - 1)
