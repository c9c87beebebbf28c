"""Blocking on real renders: no character's face or held prop is under another character, an asked ground
prop is in view rather than behind three characters, and the subtitles never meet a face, a prop or the
pets' feet (nor the headline a face) in any window of any camera move."""

from __future__ import annotations

from typing import Any, get_args

import numpy as np
import pytest

from render.animator import frame_point, view_rect
from render.captions import LABEL_FRACTION, SAFE_TOP, CaptionPainter, Cue
from render.painter import StoryboardPainter
from render.painter.blocking import COVERED, HIDDEN, covered, place_prop
from render.stages import RenderSpec, SceneArt, Sprite, never_cancel, no_progress, overscan_size
from render.textlayout import LINE_HEIGHT, PAD
from story.offline import write_story
from story.script import Camera, Script
from tests.test_staging import _scene, _script

SPEC = RenderSpec(width=270, height=480, seed=5)
_W, _H = overscan_size(SPEC)


def _paint(script: Script, spec: RenderSpec = SPEC) -> tuple[list[SceneArt], list[dict[str, Any]]]:
    painter = StoryboardPainter()
    return painter.paint_layers(script, spec, no_progress, never_cancel), painter.report


def _keep_boxes(report: dict[str, Any]) -> list[tuple[str, str, list[int]]]:
    """(character, "face" or "held_box", box) for every box the scene must keep in view."""
    return [(c["id"], name, c[name]) for c in report["drawn"]["characters"] for name in ("face", "held_box")
            if c.get(name)]


def _box(b: list[int]) -> tuple[float, float, float, float]:
    return float(b[0]), float(b[1]), float(b[2]), float(b[3])


def _over(art: SceneArt, cid: str) -> list[Sprite]:
    """The sprites drawn after character ``cid``'s (over it)."""
    k = next(i for i, sp in enumerate(art.sprites) if sp.speaker == cid)
    return art.sprites[k + 1:]


def _windows(camera: str, spec: RenderSpec = SPEC) -> list[tuple[float, float, float, float]]:
    w, h = overscan_size(spec)
    return [view_rect(camera, float(u), w, h, spec.width, spec.height) for u in np.linspace(0.0, 1.0, 11)]


_REACHING = {
    "spill": _scene("office", [{"id": "hero", "action": "spill", "target": "rival"}, {"id": "rival"}],
                    props=["cup of coffee"]),
    "treat": _scene("hospital", [{"id": "hero", "action": "treat", "target": "rival"}, {"id": "rival"}]),
    "spill, rival first": _scene("restaurant", [{"id": "rival", "action": "spill", "target": "hero"}, {"id": "hero"}],
                                 props=["bowl of soup"]),
    "point": _scene("street", [{"id": "rival", "action": "point", "target": "hero"}, {"id": "hero", "action": "cry"}]),
    "push, three": _scene("street", [{"id": "hero", "action": "push", "target": "rival"}, {"id": "rival"},
                                     {"id": "partner"}], props=["trophy"]),
}


@pytest.mark.parametrize("name", list(_REACHING))
def test_no_face_or_held_prop_is_under_another_character(name: str) -> None:
    arts, report = _paint(_script([_REACHING[name]]))
    art, rep = arts[0], report[0]
    keep = _keep_boxes(rep)
    assert sum(1 for _, what, _ in keep if what == "face") == len(rep["drawn"]["characters"])
    for cid, what, box in keep:
        own = next(sp for sp in art.sprites if sp.speaker == cid)
        if what == "face":  # the box is where the face is drawn: the character's own ink fills it
            assert covered(own, _box(box)) > 0.75, (cid, box)
        for sp in _over(art, cid):
            assert covered(sp, _box(box)) <= COVERED + 0.02, (name, cid, what, sp.speaker)
    # the target of a spill or treat is still beside the one acting on it, both whole in every window
    for c in rep["drawn"]["characters"]:
        for x, _, w, _ in _windows(_REACHING[name].get("camera", "static")):
            assert x - 2 <= c["face"][0] and c["face"][2] <= x + w + 2, (name, c["id"])


@pytest.mark.parametrize("camera", get_args(Camera))
def test_a_spilt_drink_and_both_faces_stay_in_every_window(camera: str) -> None:
    scene = {**_REACHING["spill"], "camera": camera}
    arts, report = _paint(_script([scene]))
    for cid, what, box in _keep_boxes(report[0]):
        for sp in _over(arts[0], cid):
            assert covered(sp, _box(box)) <= COVERED + 0.02, (camera, cid, what)
        for x, y, w, h in _windows(camera):
            assert x - 2 <= box[0] and box[2] <= x + w + 2 and y - 2 <= box[1] and box[3] <= y + h + 2, (camera, cid)


@pytest.mark.parametrize(("prop", "drawn"), [("car", "car"), ("hospital bed", "hospital bed"),
                                             ("burning house", "burning house"), ("kittens", "kittens")])
def test_an_asked_ground_prop_is_not_hidden_behind_three_characters(prop: str, drawn: str) -> None:
    trio = [{"id": "hero"}, {"id": "rival", "action": "laugh", "target": "hero"}, {"id": "partner"}]
    with_it, report = _paint(_script([_scene("street", trio, props=[prop])]))
    without, _ = _paint(_script([_scene("street", trio)]))
    (entry,) = [p for p in report[0]["drawn"]["props"] if p["drawn"] == drawn]
    x0, y0, x1, y1 = entry["box"]
    # 1. the prop's own pixels, on the finished frame: most of its box shows it
    a = np.asarray(with_it[0].flatten(), dtype=np.int16)[y0:y1, x0:x1]
    b = np.asarray(without[0].flatten(), dtype=np.int16)[y0:y1, x0:x1]
    seen = (np.abs(a - b).max(axis=2) > 30).mean()
    assert seen > 0.3, (prop, entry["where"], seen)
    # 2. behind them, the characters' ink covers little of it; before them, it covers no face
    if entry["where"] == "front":
        for c in report[0]["drawn"]["characters"]:
            fx0, fy0, fx1, fy1 = c["face"]
            assert min(x1, fx1) <= max(x0, fx0) or min(y1, fy1) <= max(y0, fy0), (prop, c["id"])
    else:
        hidden = sum(covered(sp, (x0, y0, x1, y1)) for sp in with_it[0].sprites if sp.speaker)
        assert hidden <= HIDDEN + 0.1, (prop, hidden)
    for x, y, w, h in _windows("pan_left") + _windows("push_in"):
        if entry["where"] != "front":
            break
        assert x - 2 <= x0 and x1 <= x + w + 2 and y1 <= y + h + 2


def test_place_prop_moves_a_prop_out_from_behind_a_body_and_before_them_when_there_is_no_room() -> None:
    body = [(40.0, 0.0, 60.0, 100.0)]
    face = [(40.0, 0.0, 60.0, 40.0)]
    x, u, front = place_prop(10, 20, 1.0, 50, 100, 0, 100, body, face)  # room beside the body
    assert not front and abs(x - 50) > 15 and u == 1.0
    wall = [(0.0, 0.0, 100.0, 100.0)]
    x, u, front = place_prop(10, 20, 1.0, 50, 100, 0, 100, wall, [(0.0, 0.0, 100.0, 60.0)])
    assert front and 100 - 20 * u >= 60  # before them, its top below the faces


_PREMISES = [
    "a clumsy cat spills coffee on her rich boss",
    "a doctor dog treats a sick kitten",
    "a ginger cat, a white cat and a husky fight over a golden trophy",
    "a poor ginger cat is mocked by a rich white cat",
    "a shy cat sings on stage to a cheering crowd",
    "a corgi delivers food on a scooter in the rain",
]


@pytest.mark.parametrize("premise", _PREMISES)
def test_subtitles_never_meet_a_face_a_prop_or_the_feet_in_any_camera_window(premise: str) -> None:
    """The two-line subtitle block of a named speaker (its name tag on top, the tallest it gets) against every
    face and ground or held prop, and its band against the feet; the headline against the faces' tops."""
    spec = RenderSpec(width=360, height=640, seed=1)
    script = write_story(premise, None, "en", 1).script
    arts, report = _paint(script, spec)
    cp = CaptionPainter(spec.width, spec.height, "en")
    block = cp.subtitle(Cue(0.0, 1.0, "hero", ("A line of a subtitle,", "and its second line"), "Name"))
    tag_top = block.y / spec.height  # the speaker's name tag above the band
    size = cp.subtitle_size
    band_top = tag_top + (round(round(size * LABEL_FRACTION) * LINE_HEIGHT) + size * PAD * 0.35) / spec.height
    headline = cp.caption_block("Home at night")
    headline_bottom = SAFE_TOP + headline[0].height / spec.height
    seen = 0
    for scene, rep in zip(script.scenes, report, strict=True):
        boxes = [(f"{c['id']} {name}", c[name]) for c in rep["drawn"]["characters"] for name in ("face", "held_box")
                 if c.get(name)]
        boxes += [(p["drawn"], p["box"]) for p in rep["drawn"]["props"]
                  if p["box"] and (p["where"] in ("ground", "front"))]
        feet = [(c["id"], c["box"]) for c in rep["drawn"]["characters"] if c["body"] == "stand"]
        for rect in _windows(scene.camera, spec):
            def row(y: float, rect: tuple[float, float, float, float] = rect) -> float:
                return frame_point(rect, spec.width, spec.height, 0.0, y)[1] / spec.height

            for what, box in boxes:
                assert row(box[3]) <= tag_top, (premise, scene.camera, what, row(box[3]), tag_top)
                seen += 1
            for cid, box in feet:
                assert row(box[3]) <= band_top, (premise, scene.camera, cid, row(box[3]), band_top)
            for c in rep["drawn"]["characters"]:
                if c.get("face") and c["body"] == "stand":
                    assert row(c["face"][1]) >= headline_bottom, (premise, scene.camera, c["id"])
    assert seen
