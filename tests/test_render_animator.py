"""Camera maths (pure), sub-pixel smooth frames and crossfades."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from render.animator import (
    KenBurnsAnimator,
    base_view,
    blend,
    crossfaded,
    ease,
    ordered_map,
    scene_progress,
    view_rect,
    xfade_half,
)
from render.stages import RenderSpec
from tests.factories import make_script

CAMERAS = ["static", "push_in", "pull_out", "pan_left", "pan_right", "tilt_up", "tilt_down"]
KEY = (202, 358)  # ~1.12x overscan of 180x320
OUT = (180, 320)


def rects(camera: str, n: int = 49) -> np.ndarray:
    return np.array([view_rect(camera, u, *KEY, *OUT) for u in scene_progress(n)])


@pytest.mark.parametrize("camera", CAMERAS)
def test_view_stays_inside_the_keyframe_with_the_output_aspect(camera: str) -> None:
    r = rects(camera)
    x, y, w, h = r.T
    assert (x >= 0).all() and (y >= 0).all()
    assert (x + w <= KEY[0] + 1e-9).all() and (y + h <= KEY[1] + 1e-9).all()
    assert np.allclose(w / h, OUT[0] / OUT[1])


def test_each_camera_moves_the_way_its_name_says() -> None:
    assert np.all(np.diff(rects("push_in")[:, 2]) < 0)  # window shrinks: zoom in
    assert np.all(np.diff(rects("pull_out")[:, 2]) > 0)
    assert np.all(np.diff(rects("pan_left")[:, 0]) < 0)  # window slides left
    assert np.all(np.diff(rects("pan_right")[:, 0]) > 0)
    assert np.all(np.diff(rects("tilt_up")[:, 1]) < 0)
    assert np.all(np.diff(rects("tilt_down")[:, 1]) > 0)
    assert np.ptp(rects("static"), axis=0).max() == 0
    for cam in ("pan_left", "pan_right"):
        assert np.ptp(rects(cam)[:, 0]) > 10  # a visible move, not a nudge


@pytest.mark.parametrize("camera", CAMERAS[1:])
def test_motion_is_eased_and_sub_pixel(camera: str) -> None:
    r = rects(camera, 97)
    moving = r[:, 0] if camera.startswith("pan") else r[:, 1] if camera.startswith("tilt") else r[:, 2]
    speed = np.abs(np.diff(moving))
    assert speed[0] < speed.max() * 0.1 and speed[-1] < speed.max() * 0.1  # eases in and out
    assert np.abs(np.diff(moving, 2)).max() < speed.max() * 0.2  # no sudden jumps
    frac = np.mod(moving, 1.0)
    assert len(np.unique(np.round(frac, 3))) > 20  # positions are not snapped to whole pixels


def test_ease_and_base_view() -> None:
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == 0.5 and ease(-1) == 0 and ease(2) == 1
    assert base_view(202, 358, 180, 320) == pytest.approx((201.375, 358))


def _edge_keyframe() -> Image.Image:
    img = Image.new("RGB", KEY, (230, 230, 230))
    ImageDraw.Draw(img).rectangle((96, 0, 104, KEY[1]), fill=(20, 20, 20))
    return img.filter(ImageFilter.GaussianBlur(1.5))


@pytest.mark.parametrize("quality", ["fast", "exact"])
def test_rendered_pan_tracks_the_camera_without_pixel_jitter(quality: Literal["fast", "exact"]) -> None:
    scene = make_script().scenes[0].model_copy(update={"camera": "pan_right"})
    spec = RenderSpec(*OUT, fps=24)
    n = 48
    frames = list(KenBurnsAnimator(quality).frames(_edge_keyframe(), scene, spec, n))
    assert len(frames) == n and all(f.shape == (320, 180, 3) and f.dtype == np.uint8 for f in frames)
    darkness = np.array([255.0 - f[100:220].mean(axis=(0, 2)) for f in frames])
    darkness -= darkness.min(axis=1, keepdims=True)
    xs = np.arange(OUT[0])
    measured = (darkness * xs).sum(axis=1) / darkness.sum(axis=1)
    # the bar centre is at 100.5 in keyframe coordinates; output pixel i has its centre at i + 0.5
    expected = np.array([(100.5 - x) * OUT[0] / w - 0.5 for x, _, w, _ in rects("pan_right", n)])
    # tracks the float camera to a fraction of a pixel: no integer stepping
    assert np.abs(measured - expected).max() < 0.15  # whole-pixel stepping would be off by up to 0.5


def test_fast_and_exact_sampling_agree() -> None:
    rng = np.random.default_rng(3)
    key = Image.fromarray(rng.integers(0, 256, (KEY[1] // 4, KEY[0] // 4, 3), dtype=np.uint8)).resize(KEY)
    scene = make_script().scenes[0].model_copy(update={"camera": "push_in"})
    spec = RenderSpec(*OUT)
    fast = list(KenBurnsAnimator("fast").frames(key, scene, spec, 5))
    exact = list(KenBurnsAnimator("exact").frames(key, scene, spec, 5))
    diff = np.mean([np.abs(a.astype(int) - b.astype(int)).mean() for a, b in zip(fast, exact, strict=True)])
    assert diff < 4.0


def test_static_frames_are_independent_copies() -> None:
    scene = make_script().scenes[0].model_copy(update={"camera": "static"})
    a, b = KenBurnsAnimator().frames(_edge_keyframe(), scene, RenderSpec(*OUT), 2)
    a[:] = 0
    assert b.max() > 0


def test_crossfade_keeps_frame_count_and_centres_the_blend() -> None:
    half = 2

    def stream(value: int, n: int) -> list[np.ndarray]:
        return [np.full((2, 2, 3), value, np.uint8) for _ in range(n)]

    # scene A: 6 own + 2 tail; scene B: 2 lead + 5 own + 2 tail; scene C: 2 lead + 4 own
    out = list(crossfaded([iter(stream(0, 8)), iter(stream(200, 9)), iter(stream(100, 6))], half))
    values = [int(f[0, 0, 0]) for f in out]
    assert len(out) == 6 + 5 + 4
    assert values[:4] == [0, 0, 0, 0] and values[8:9] == [200]
    assert 0 < values[4] < values[5] < values[6] < values[7] < 200  # blend straddles the cut at frame 6
    assert values[-1] == 100


def test_blend_and_xfade_half() -> None:
    a, b = np.zeros((1, 1, 3), np.uint8), np.full((1, 1, 3), 255, np.uint8)
    assert blend(a, b, 0)[0, 0, 0] == 0 and blend(a, b, 1)[0, 0, 0] == 255 and 120 < blend(a, b, 0.5)[0, 0, 0] < 135
    rng = np.random.default_rng(5)
    x, y = rng.integers(0, 256, (2, 4, 6, 3), dtype=np.uint8)
    w = round(0.3 * 256)
    assert np.array_equal(blend(x, y, 0.3), (x.astype(int) * (256 - w) + y.astype(int) * w) >> 8)
    assert xfade_half(24, [96, 96]) == 5  # 0.4 s at 24 fps
    assert xfade_half(24, [8, 96]) == 2  # never more than a quarter of the shortest scene


def test_parallel_sampling_keeps_order_and_pixels() -> None:
    assert list(ordered_map(lambda x: x * x, list(range(20)), workers=3, ahead=2)) == [x * x for x in range(20)]
    scene = make_script().scenes[0].model_copy(update={"camera": "tilt_up"})
    one = list(KenBurnsAnimator(workers=1).frames(_edge_keyframe(), scene, RenderSpec(*OUT), 12))
    two = list(KenBurnsAnimator(workers=2).frames(_edge_keyframe(), scene, RenderSpec(*OUT), 12))
    assert all(np.array_equal(a, b) for a, b in zip(one, two, strict=True))
