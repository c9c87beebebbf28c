"""Layout on real renders, in every window of every camera move: each head under the headline (two lines
of it too) and under the title card while it shows, each character's lowest ink above the subtitles and a
speaker's name tag; a fight's gloves in view; a fishing line clear of whoever stands beside, and no pond
drawn at the lakeside."""

from __future__ import annotations

from typing import Any, get_args

import numpy as np
import pytest

from render.animator import frame_point, view_rect
from render.captions import CaptionPainter
from render.painter import StoryboardPainter, headroom
from render.painter.blocking import COVERED, covered, fit_rows
from render.pipeline import TITLE_S
from render.stages import RenderSpec, SceneArt, Sprite, never_cancel, no_progress, overscan_size
from story.offline import write_story
from story.script import Camera, Script
from tests.test_staging import _scene, _script

SPEC = RenderSpec(width=360, height=640, seed=3)
_TWO_LINES = "Home in the rain at night"  # two lines at the full size: the tallest headline


def _paint(script: Script, spec: RenderSpec = SPEC) -> tuple[list[SceneArt], list[dict[str, Any]]]:
    painter = StoryboardPainter()
    return painter.paint_layers(script, spec, no_progress, never_cancel), painter.report


def _windows(camera: str, spec: RenderSpec, upto: float = 1.0) -> list[tuple[float, float, float, float]]:
    w, h = overscan_size(spec)
    return [view_rect(camera, float(u), w, h, spec.width, spec.height) for u in np.linspace(0.0, upto, 11)]


def _sprite(art: SceneArt, cid: str) -> Sprite:
    return next(sp for sp in art.sprites if sp.speaker == cid)


def _head_top(sp: Sprite, face: list[int]) -> float:
    """The top of the head over ``face`` (keyframe pixels): the sprite's ink in the face's columns, going up
    from the face without a break (ears, a hat; a mark floating above is not the head)."""
    x0, x1 = max(0, round(face[0] - sp.x)), min(sp.rgba.shape[1], round(face[2] - sp.x))
    inked = (sp.rgba[: max(0, round(face[1] - sp.y)), x0:x1, 3] >= 128).any(axis=1)
    gaps = np.flatnonzero(~inked)
    return sp.y + (int(gaps[-1]) + 1 if len(gaps) else 0)


def _bottom(sp: Sprite) -> float:
    return sp.y + int(np.flatnonzero((sp.rgba[:, :, 3] >= 128).any(axis=1))[-1]) + 1


def _text_faults(script: Script, spec: RenderSpec = SPEC) -> list[tuple[Any, ...]]:
    """Every (scene, camera, character, what, row, limit) where a head meets the text above it or a
    character's ink the text below it, in any window of the scene's camera move (frame rows)."""
    arts, report = _paint(script, spec)
    text = CaptionPainter(spec.width, spec.height, script.language)
    faults = []
    for i, (scene, art, rep) in enumerate(zip(script.scenes, arts, report, strict=True)):
        bottom = text.tag_top(named=bool(scene.dialogue))  # a name tag over two lines, or the two lines
        tops = [(text.headline_bottom(scene.caption), _windows(scene.camera, spec))]
        if i == 0:  # the title card over the first seconds
            tops.append((text.title_bottom(script.title),
                         _windows(scene.camera, spec, min(1.0, TITLE_S / scene.duration))))
        for c in rep["drawn"]["characters"]:
            sp = _sprite(art, c["id"])
            assert covered(sp, tuple(c["face"])) > 0.6, (i, c["id"])  # the face box is where the face is drawn
            head, low = _head_top(sp, c["face"]), _bottom(sp)
            for top, rects in tops:
                for rect in rects:
                    row = frame_point(rect, spec.width, spec.height, 0.0, head)[1]
                    if row < top:
                        faults.append((i + 1, scene.camera, c["id"], "head", round(row), top))
            for rect in _windows(scene.camera, spec):
                row = frame_point(rect, spec.width, spec.height, 0.0, low)[1]
                if row > bottom:
                    faults.append((i + 1, scene.camera, c["id"], "feet", round(row), bottom))
    return faults


_CASTS = {
    "alone": [{"id": "hero", "action": "stand"}],
    "alone, hopping": [{"id": "hero", "action": "celebrate"}],
    "alone, talking": [{"id": "hero", "action": "talk"}],
    "two": [{"id": "hero", "action": "stand"}, {"id": "rival", "action": "laugh", "target": "hero"}],
    "three": [{"id": "hero", "action": "cry"}, {"id": "rival", "action": "point", "target": "hero"},
              {"id": "partner", "action": "laugh"}],
}


@pytest.mark.parametrize("camera", get_args(Camera))
@pytest.mark.parametrize("cast", list(_CASTS))
def test_heads_stay_under_a_two_line_headline_and_the_title_and_feet_above_the_name_tag(camera: str,
                                                                                        cast: str) -> None:
    talk = [{"speaker": "hero", "text": "I will show them."}]
    scene = _scene("street", _CASTS[cast], camera=camera, caption=_TWO_LINES, duration=3.0,
                   dialogue=talk if "talk" in cast else [])
    script = _script([scene]).model_copy(update={"title": "A Lonely Husky Wins"})
    text = CaptionPainter(SPEC.width, SPEC.height, "en")
    assert text.headline_bottom(_TWO_LINES) > text.headline_bottom("Street") + 30  # two lines, not one
    assert text.title_bottom(script.title) > text.headline_bottom(_TWO_LINES)  # the title taller still
    assert _text_faults(script) == []


def _mark_faults(script: Script, spec: RenderSpec = SPEC) -> list[tuple[Any, ...]]:
    """Every (scene, camera, character, row, limit) where a character's ink (the head and what floats over it:
    "HA", "...", tears, sweat, zzz; not a prop held up nor its gear) meets the headline in any window of the
    scene's camera move (frame rows)."""
    arts, report = _paint(script, spec)
    text = CaptionPainter(spec.width, spec.height, script.language)
    faults = []
    for scene, art, rep in zip(script.scenes, arts, report, strict=True):
        tops = [(text.headline_bottom(scene.caption), _windows(scene.camera, spec))]
        for c in rep["drawn"]["characters"]:
            sp = _sprite(art, c["id"])
            ink = sp.rgba[:, :, 3] >= 128
            for box in (c["held_box"], c["gear_box"]):
                if box:
                    mx, my = (box[2] - box[0]) * 0.25, (box[3] - box[1]) * 0.25
                    ink[max(0, round(box[1] - my - sp.y)):max(0, round(box[3] + my - sp.y)),
                        max(0, round(box[0] - mx - sp.x)):max(0, round(box[2] + mx - sp.x))] = False
            first = sp.y + int(np.flatnonzero(ink.any(axis=1))[0])
            for top, rects in tops:
                for rect in rects:
                    row = frame_point(rect, spec.width, spec.height, 0.0, first)[1]
                    if row < top:
                        faults.append((scene.camera, c["id"], c["marks"], round(row), top))
    return faults


_MARKED = {  # actions drawn with marks floating over the head
    "laughing": [{"id": "hero", "action": "laugh"}],
    "crying": [{"id": "hero", "action": "cry"}],
    "asleep": [{"id": "hero", "action": "sleep"}],
    "thinking": [{"id": "hero", "action": "think"}],
    "shocked": [{"id": "hero", "action": "shocked"}],
    "two laughing": [{"id": "hero", "action": "stand"}, {"id": "rival", "action": "laugh", "target": "hero"}],
    "caught": [{"id": "hero", "action": "stand"}, {"id": "rival", "action": "catch", "target": "hero"}],
}


@pytest.mark.parametrize("camera", ["push_in", "tilt_up", "static"])
@pytest.mark.parametrize("cast", list(_MARKED))
def test_marks_over_a_head_keep_the_headroom_the_heads_keep(camera: str, cast: str) -> None:
    scene = _scene("street", _MARKED[cast], camera=camera, caption=_TWO_LINES, duration=3.0)
    script = _script([_scene("street"), scene])  # after the first scene: under the headline, the title card gone
    assert _mark_faults(script) == []


@pytest.mark.parametrize(("premise", "seed"), [
    ("a shy tabby cat is bullied by a big bulldog at school, learns boxing from an old cat, and wins the school fight",
     5),
    ("a lonely old husky is laughed at by a proud poodle at the lake, learns to fish from a kind grandpa cat, and "
     "wins the fishing contest", 3),
    ("a corgi delivers food on a scooter in the rain", 2),
    ("a shy cat sings on stage to a cheering crowd", 4),
    ("小橘猫被富猫嘲笑，努力工作，开上了金色跑车", 1),
])
def test_no_head_meets_the_text_nor_feet_the_tag_in_a_written_story(premise: str, seed: int) -> None:
    lang = "zh" if not premise.isascii() else "en"
    script = write_story(premise, None, lang, seed).script
    assert _text_faults(script, RenderSpec(width=360, height=640, seed=seed)) == []


def _fight(first: str) -> Script:
    other = "rival" if first == "hero" else "hero"
    return _script([_scene("school", [{"id": first, "action": "fight", "target": other}, {"id": other}])])


@pytest.mark.parametrize("first", ["hero", "rival"])
def test_both_fighters_gloves_are_in_view_and_below_their_eyes(first: str) -> None:
    arts, report = _paint(_fight(first))
    art, chars = arts[0], report[0]["drawn"]["characters"]
    assert all("gloves" in c["marks"] and c["gear_box"] for c in chars)
    for c in chars:
        sp = _sprite(art, c["id"])
        x0, y0, x1, y1 = c["gear_box"]
        a = sp.rgba[round(y0 - sp.y): round(y1 - sp.y), round(x0 - sp.x): round(x1 - sp.x)].astype(int)
        red = (a[..., 0] > 150) & (a[..., 1] < 90) & (a[..., 2] < 100) & (a[..., 3] > 200)
        assert red.mean() > 0.25, c["id"]  # the box is where the gloves are drawn
        k = next(j for j, other in enumerate(art.sprites) if other is sp)
        for later in art.sprites[k + 1:]:  # no character drawn over them hides them
            assert covered(later, tuple(c["gear_box"])) <= COVERED + 0.02, (first, c["id"], later.speaker)
        fx0, fy0, fx1, fy1 = c["face"]  # the guard below the eyes: the top of the gloves under the face's middle
        assert np.flatnonzero(red.any(axis=1))[0] + y0 > (fy0 + fy1) / 2 - 2, c["id"]


def test_a_prop_fought_over_stands_below_the_gloves() -> None:
    scene = _scene("street", [{"id": "hero", "action": "fight", "target": "rival"}, {"id": "rival"}],
                   props=["trophy"])
    arts, report = _paint(_script([scene]))
    (trophy,) = [p for p in report[0]["drawn"]["props"] if p["drawn"] == "trophy"]
    assert trophy["where"] == "front"
    prop = next(sp for sp in arts[0].sprites if sp.speaker is None)  # drawn over the fighters
    for c in report[0]["drawn"]["characters"]:
        assert covered(prop, tuple(c["gear_box"])) == 0.0, c["id"]
        assert covered(prop, tuple(c["face"])) == 0.0, c["id"]


def _fishing(place: str) -> Script:
    return _script([_scene(place, [{"id": "hero", "action": "fish"}, {"id": "rival", "action": "stand"}])])


@pytest.mark.parametrize("place", ["lake", "park"])
def test_a_fishing_line_crosses_nobody_and_the_pond_is_drawn_only_away_from_water(place: str) -> None:
    arts, report = _paint(_fishing(place))
    art, chars = arts[0], {c["id"]: c for c in report[0]["drawn"]["characters"]}
    line = chars["hero"]["gear_box"]
    assert line is not None
    for sp in art.sprites:
        if sp.speaker not in (None, "hero"):
            assert covered(sp, tuple(line)) <= COVERED + 0.02, (place, sp.speaker)
    # the pond: a flat blue ellipse at the fisher's feet, in front of its facing side
    fisher = _sprite(art, "hero")
    rgba = fisher.rgba.astype(int)
    low = rgba[-round(rgba.shape[0] * 0.08):]
    pond = (low[..., 2] > 180) & (low[..., 0] < 130) & (low[..., 3] > 200)
    assert (pond.sum() > 40) == (place == "park"), (place, int(pond.sum()))
    assert chars["hero"]["marks"] == (["rod:shore"] if place == "lake" else ["rod"])


def test_fit_rows_keeps_the_cast_as_it_is_when_it_fits_else_lower_then_smaller() -> None:
    assert headroom.TITLE_S == TITLE_S  # the painter keeps heads clear of the title card as long as it shows
    feet, rise, fall = 100.0, 60.0, 5.0
    assert fit_rows([(feet, rise, fall)], [(30.0, 110.0)], (-5.0, 10.0), 0.7) == (1.0, 0.0)
    k, d = fit_rows([(feet, rise, fall)], [(45.0, 110.0)], (-5.0, 10.0), 0.7)  # lower is enough
    assert k == 1.0 and d == pytest.approx(5.0)
    k, d = fit_rows([(feet, rise, fall)], [(55.0, 106.0)], (-5.0, 10.0), 0.7)  # lower and smaller
    assert 0.7 < k < 1.0 and feet + d - k * rise >= 55.0 - 1e-6 and feet + d + k * fall <= 106.0 + 1e-6
    assert fit_rows([(feet, rise, fall)], [(95.0, 100.0)], (-5.0, 10.0), 0.7)[0] == 0.7  # no room: the least



@pytest.mark.parametrize(("cast", "camera"), [("alone", "pan_left"), ("alone, hopping", "static"),
                                              ("three", "tilt_up")])
def test_a_cast_only_lowered_or_lifted_to_clear_the_text_is_painted_once(cast: str, camera: str,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the fit only moves the cast down or up (these scenes: drawn at full size, lower), the cast painted
    is moved, not painted again: no size is painted twice in a scene, and the moved cast clears the text."""
    from render.painter import painter as module

    sizes: list[list[float]] = [[]]  # per scene, the sizes the cast was painted at
    real = module.refit
    monkeypatch.setattr(module, "refit", lambda staged, by, drop: (sizes[-1].append(by), real(staged, by, drop))[1])
    talk = [{"speaker": "hero", "text": "I will show them."}]
    scene = _scene("street", _CASTS[cast], camera=camera, caption=_TWO_LINES, duration=3.0,
                   dialogue=talk if "talk" in cast else [])
    script = _script([scene]).model_copy(update={"title": "A Lonely Husky Wins"})
    arts = StoryboardPainter().paint_layers(script, SPEC, lambda stage, done: sizes.append([]), never_cancel)
    assert len(arts) == len(sizes) - 1
    assert all(s and len(s) == len(set(s)) for s in sizes[:-1]), sizes
    assert _text_faults(script) == []
