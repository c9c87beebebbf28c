"""Characters and weather move: motion maths (pure), and layered frames from the animator."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from render.animator import KenBurnsAnimator, view_rect
from render.motion import BLINK_S, blinking, mouth_open, pose
from render.stages import RenderSpec, SceneArt, SceneTiming, SpeechSegment, Sprite, overscan_size
from render.yuv import i420_to_rgb, planes
from tests.factories import make_script

SPEC = RenderSpec(width=180, height=320, fps=24, seed=1)
KEY = overscan_size(SPEC)
BOX = (60.0, 150.0, 50.0, 90.0)  # x, y, w, h of the test sprite in keyframe pixels
GREEN, RED = (40, 200, 60), (220, 20, 30)


def sprite_rgba(mouth: bool = False, eyes: bool = True) -> np.ndarray:
    img = Image.new("RGBA", (int(BOX[2]), int(BOX[3])), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((2, 2, 47, 87), fill=(*GREEN, 255))
    if eyes:
        d.rectangle((12, 20, 18, 26), fill=(0, 0, 0, 255))
        d.rectangle((32, 20, 38, 26), fill=(0, 0, 0, 255))
    if mouth:
        d.rectangle((18, 40, 32, 52), fill=(*RED, 255))
    return np.asarray(img).copy()


def art(motion: str = "idle", weather: str = "clear", speaker: str | None = "hero") -> SceneArt:
    background = Image.new("RGB", KEY, (70, 90, 140))
    sp = Sprite(rgba=sprite_rgba(), x=BOX[0], y=BOX[1], motion=motion, blink=sprite_rgba(eyes=False),
                talk=sprite_rgba(mouth=True), speaker=speaker, phase=0.2)
    return SceneArt(background=background, sprites=[sp], weather=weather)


def render(scene_art: SceneArt, n: int = 96, camera: str = "static",
           speech: tuple[SpeechSegment, ...] = ()) -> list[np.ndarray]:
    scene = make_script().scenes[0].model_copy(update={"camera": camera})
    timing = SceneTiming(start=0.0, duration=n / SPEC.fps, lead=0, speech=speech)
    return [f.copy() for f in KenBurnsAnimator().layered_frames(scene_art, scene, SPEC, n, timing)]


def rgb(frame: np.ndarray) -> np.ndarray:
    return i420_to_rgb(frame)


def colour_mask(frame: np.ndarray, colour: tuple[int, int, int], tol: int = 40) -> np.ndarray:
    return (np.abs(rgb(frame).astype(int) - colour).max(axis=2) < tol)


# ---------------------------------------------------------------------------------------------- pure maths


def test_idle_breathes_and_phases_differ() -> None:
    poses = [pose("idle", t / 24, 4.0, 0.0, BOX, KEY[0]) for t in range(96)]
    assert np.ptp([p.sy for p in poses]) > 0.005 and np.ptp([p.dy for p in poses]) > 0.1
    other = [pose("idle", t / 24, 4.0, 0.5, BOX, KEY[0]) for t in range(96)]
    assert [p.sy for p in poses] != [p.sy for p in other]
    assert pose("still", 1.3, 4.0, 0.0, BOX, KEY[0]) == pose("still", 2.9, 4.0, 0.3, BOX, KEY[0])


def test_entrances_start_at_the_frame_edge_and_exits_end_off_screen() -> None:
    x, _, w, _ = BOX
    start = pose("enter_left", 0.0, 4.0, 0.0, BOX, KEY[0])
    assert start.dx < 0 and x + start.dx < 0.13 * KEY[0]  # coming in from the left edge
    assert pose("enter_left", 3.0, 4.0, 0.0, BOX, KEY[0]).dx == pytest.approx(0.0)
    assert pose("enter_right", 0.0, 4.0, 0.0, BOX, KEY[0]).dx > 0
    assert x + pose("exit_right", 4.0, 4.0, 0.0, BOX, KEY[0]).dx >= KEY[0]
    assert pose("exit_left", 0.5, 4.0, 0.0, BOX, KEY[0]).dx == pytest.approx(0.0)


@pytest.mark.parametrize("camera", ["push_in", "pull_out", "pan_left", "pan_right", "tilt_up", "static"])
@pytest.mark.parametrize("motion", ["enter_left", "enter_right"])
def test_an_entering_character_is_in_view_when_its_scene_opens(camera: str, motion: str) -> None:
    """A scene opens on its subject coming in, never on an empty place: wherever it will stand and whatever
    the camera shows first, a third of an entering sprite is in the window at once (or as much as it will show
    at rest), most of it by 0.3 s, and it moves from the first frame."""
    key_w, key_h = overscan_size(RenderSpec(width=1080, height=1920, fps=24, seed=1))
    vx, _, vw, _ = view_rect(camera, 0.0, key_w, key_h, 1080, 1920)
    for rest_x in (0.05, 0.2, 0.4, 0.6, 0.75):
        box = (rest_x * key_w, 900.0, 0.2 * key_w, 600.0)
        x, _, w, _ = box
        at_rest = min(x + w, vx + vw) - max(x, vx)
        for t in (0.0, 0.3):
            left = x + pose(motion, t, 6.0, 0.3, box, key_w).dx
            seen = min(left + w, vx + vw) - max(left, vx)
            assert seen >= min(0.33 if t == 0.0 else 0.6, 0.8 * at_rest / w) * w, (rest_x, t, seen / w)
        first, next_ = (pose(motion, t, 6.0, 0.3, box, key_w).dx for t in (0.0, 0.1))
        assert first == 0 or abs(next_) < abs(first) - 0.01 * w


def test_blinks_now_and_then_and_briefly() -> None:
    t = np.arange(0, 20, 1 / 24)
    shut = np.array([blinking(float(x), 0.3) for x in t])
    starts = np.flatnonzero(np.diff(shut.astype(int)) == 1)
    assert 3 <= starts.size <= 7  # every few seconds
    runs = np.diff(np.flatnonzero(np.diff(np.r_[0, shut.astype(int), 0])))[::2]
    assert runs.max() <= round(BLINK_S * 24) + 1
    assert not np.array_equal(shut, [blinking(float(x), 0.8) for x in t])  # not in step


def test_mouth_moves_only_during_the_speakers_line() -> None:
    lines = [SpeechSegment(0, 1.0, 2.0, "hero", "Hi"), SpeechSegment(0, 2.5, 3.5, "rival", "Hm")]
    t = np.arange(0, 4, 1 / 24)
    open_ = np.array([mouth_open(float(x), "hero", lines) for x in t])
    inside = (t >= 1.0) & (t < 2.0)
    assert not open_[~inside].any()
    assert open_[inside].any() and not open_[inside].all()  # it flaps
    assert not any(mouth_open(float(x), None, lines) for x in t)


# ---------------------------------------------------------------------------------------------- frames


def test_characters_move_between_frames_of_a_static_shot() -> None:
    frames = render(art("idle"))
    ys = [planes(f)[0] for f in frames]
    # the sprite's region (in frame pixels: the static camera shows nearly the whole keyframe)
    region = (slice(120, 260), slice(40, 120))
    diffs = [np.abs(ys[0][region].astype(int) - y[region].astype(int)).mean() for y in ys[1:]]
    assert max(diffs) > 1.0  # breathing and blinking change the sprite's pixels
    corner = (slice(0, 60), slice(130, 180))  # background far from the sprite stays put
    assert all(np.array_equal(ys[0][corner], y[corner]) for y in ys[1:])
    green = colour_mask(frames[0], GREEN)
    assert green.sum() > 1000  # the sprite is drawn


def test_mouth_frames_only_during_the_speakers_segment() -> None:
    line = SpeechSegment(0, 1.0, 2.5, "hero", "Look at me!")
    frames = render(art("still"), n=96, speech=(line,))
    red = np.array([colour_mask(f, RED).sum() > 30 for f in frames])
    t = np.arange(96) / 24
    inside = (t >= line.start) & (t < line.end)
    assert red[inside].sum() >= 10 and not red[~inside].any()
    other = render(art("still", speaker="rival"), n=96, speech=(line,))
    assert not any(colour_mask(f, RED).sum() > 30 for f in other)  # someone else's line: mouth shut


def test_enter_left_slides_in_from_the_edge() -> None:
    frames = render(art("enter_left"), n=72)
    green = [colour_mask(f, GREEN).sum() for f in frames]
    assert 0 < green[0] < green[-1] and green[-1] > 1000
    xs = [np.flatnonzero(colour_mask(f, GREEN).any(axis=0)).mean() for f in frames if colour_mask(f, GREEN).any()]
    assert all(b >= a - 0.5 for a, b in zip(xs, xs[1:], strict=False))  # moving right, never back


def test_sprite_follows_the_camera() -> None:
    still, moving = render(art("still"), n=24), render(art("still"), n=24, camera="pan_right")
    cx = [np.flatnonzero(colour_mask(f, GREEN).any(axis=0)).mean() for f in moving]
    assert np.ptp(cx) > 5  # the camera pans: the sprite slides across the frame
    assert np.ptp([np.flatnonzero(colour_mask(f, GREEN).any(axis=0)).mean() for f in still]) < 0.5


@pytest.mark.parametrize("kind", ["rain", "snow", "storm"])
def test_weather_falls(kind: str) -> None:
    frames = render(SceneArt(Image.new("RGB", KEY, (60, 70, 90)), [], kind), n=12)
    ys = [planes(f)[0].astype(int) for f in frames]
    assert all(np.abs(a - b).mean() > 0.2 for a, b in zip(ys, ys[3:], strict=False))  # it keeps moving
    plain = render(SceneArt(Image.new("RGB", KEY, (60, 70, 90)), [], "clear"), n=2)
    assert (ys[0] > planes(plain[0])[0].astype(int) + 8).mean() > 0.005  # bright streaks or flakes


def test_snowflakes_are_blurred_as_pillow_blurred_them() -> None:
    """The flakes are softened with OpenCV's Gaussian now (Pillow's box approximation before): the
    same field within a few levels of coverage."""
    from PIL import ImageFilter

    from render.layers import WeatherLayer
    from render.yuv import Layer

    width, height = 720, 1280
    field = WeatherLayer("snow", width, height, seed=3).depths[0].luma
    # the near depth as before: the same random draws, Pillow's blur
    import random

    rng = random.Random("snow:3")
    img = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    k = height / 1280
    for _ in range(70):
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        r = rng.uniform(3.0, 5.5) * k
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 255, 235))
    old = Layer.from_rgba(img.filter(ImageFilter.GaussianBlur(0.8 * k)), 0, 0, crop=False).luma
    new_cover = np.zeros((height, width))
    new_cover.reshape(-1)[field.pos] = 256 - field.keep.astype(float)
    old_cover = 256 - old.keep.astype(float)
    diff = np.abs(new_cover - old_cover)
    assert diff.max() <= 12 and diff.sum() <= 0.05 * old_cover.sum(), (diff.max(), diff.sum() / old_cover.sum())


def test_weather_particles_wrap_at_both_edges() -> None:
    from render.layers import _Particles
    from render.yuv import make_plane

    rng = np.random.default_rng(4)
    cover = np.where(rng.random((6, 8)) < 0.3, rng.integers(1, 257, (6, 8)), 0).astype(np.uint16)
    plane = make_plane(rng.integers(0, 256, (6, 8)).astype(np.uint8), cover)
    particles = _Particles.of(plane)
    base = rng.integers(0, 256, (6, 8)).astype(np.uint8)
    for dy, dx in ((0, 0), (1, 2), (5, 6), (4, 7)):
        target = base.copy()
        particles.blend(target, dy, dx)
        rolled = (np.roll(plane.keep, (dy, dx), (0, 1)), np.roll(plane.weighted, (dy, dx), (0, 1)))
        expect = (base.astype(np.uint32) * rolled[0] + rolled[1]) >> 8
        assert np.array_equal(target, expect), (dy, dx)


@pytest.mark.parametrize("kind", ["rain", "snow", "storm"])
def test_weather_fields_convert_only_where_drawn_to_the_same_particles(kind: str) -> None:
    """A field's particles come from its drawn 2x2 blocks alone, the same as converting the whole frame
    (``Layer.from_rgba`` then every covered sample, row by row), on odd block counts and edge pixels too."""
    from render.layers import WeatherLayer, _field_particles, _Particles
    from render.yuv import Layer

    fields: list[np.ndarray] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("render.layers._field_particles", lambda p: fields.append(p.copy()) or _field_particles(p))
        for width, height, seed in ((720, 1280, 11), (542, 962, 7), (90, 160, 2)):
            WeatherLayer(kind, width, height, seed)
    edge = np.zeros((6, 10, 4), np.uint8)
    edge[0, 0], edge[5, 9], edge[3, 4, 3] = (200, 10, 30, 255), (1, 2, 3, 1), 9  # corners, alpha alone
    for pixels in [*fields, edge, np.zeros((4, 4, 4), np.uint8)]:
        whole = Layer.from_rgba(pixels, 0, 0, crop=False)
        want = [_Particles.of(p) for p in (whole.luma, whole.cb, whole.cr)]
        for got, expect in zip(_field_particles(pixels), want, strict=True):
            for name in ("pos", "cols", "weighted", "keep"):
                a, b = getattr(got, name), getattr(expect, name)
                assert a.dtype == b.dtype and np.array_equal(a, b), (kind, pixels.shape, name)


# ---------------------------------------------------------------------------------------------- compositing cost


def test_standing_characters_are_drawn_on_twos_and_shivers_on_ones() -> None:
    from render.motion import pose_time

    assert [pose_time("idle", k / 24, 24) * 24 for k in range(6)] == pytest.approx([0, 0, 2, 2, 4, 4])
    assert [pose_time("shiver", k / 24, 24) * 24 for k in range(6)] == pytest.approx(list(range(6)))
    region = (slice(120, 260), slice(40, 120))
    ys = [planes(f)[0][region] for f in render(art("idle"), n=48)]
    assert all(np.array_equal(ys[k], ys[k + 1]) for k in range(0, 48, 2))  # a pose held for two frames
    assert sum(not np.array_equal(ys[k], ys[k + 2]) for k in range(0, 46, 2)) >= 5  # and then the next
    shiver = [planes(f)[0][region] for f in render(art("shiver"), n=24)]
    assert sum(not np.array_equal(a, b) for a, b in zip(shiver, shiver[1:], strict=False)) >= 20


def test_a_moving_sprite_leaves_no_trail() -> None:
    """Each frame puts the background back where the sprite was before: once it has walked out, the
    frame is the bare background again, to the bit, with a static and with a moving camera."""
    for camera in ("static", "pan_left"):
        gone = render(art("exit_left"), n=48, camera=camera)
        bare = render(SceneArt(art().background, [], "clear"), n=48, camera=camera)
        assert colour_mask(gone[0], GREEN).sum() > 1000
        assert np.array_equal(gone[-1], bare[-1]), camera


def test_a_still_camera_looks_up_only_the_sprites_box_with_the_same_pixels() -> None:
    """A static shot samples the background once and looks the picture up again only where the
    sprites are: the same pixels as sampling the whole picture through the same window."""
    from render.animator import PlaneCamera, camera_rects
    from render.layers import SpriteLayer, SpriteStage

    scene_art = art("bounce")
    camera = PlaneCamera(scene_art.background)
    rect = camera_rects("static", camera.key_w, camera.key_h, SPEC, 2)[0]
    stage = SpriteStage(camera.y, camera.u, camera.v)
    layer = SpriteLayer(scene_art.sprites[0])
    for t in (0.0, 0.2, 0.41):
        at = pose("bounce", t, 4.0, 0.2, layer.box, camera.key_w)
        box = stage.paste([layer.place(at, layer.rest)])
        assert box is not None
        frame = camera.sample(rect, SPEC.width, SPEC.height)
        camera.resample(frame, rect, box, stage)
        assert np.array_equal(frame, camera.sample(rect, SPEC.width, SPEC.height, stage)), t


def test_a_pose_met_again_is_pasted_not_resampled() -> None:
    """Placements are rounded to POSE_STEP keyframe pixels and the resampled picture of each is kept:
    the same pose gives the very same planes; a whole-pixel pose is the sprite itself, unblurred."""
    from render.layers import POSE_STEP, SpriteLayer
    from render.motion import Pose

    layer = SpriteLayer(art().sprites[0])
    x0, y0, first = layer.place(Pose(dx=0.3, dy=-1.2, sy=1.004), layer.rest)
    again = layer.place(Pose(dx=0.3 + POSE_STEP / 4, dy=-1.2, sy=1.004), layer.rest)
    assert again[2] is first and again[:2] == (x0, y0)
    assert layer.place(Pose(dy=-1.2 + 2 * POSE_STEP), layer.rest)[2] is not first
    # at rest, on whole pixels: the premultiplied luma of the sprite itself at its offset in the box
    x0, y0, rest = layer.place(Pose(), layer.rest)
    ox, oy = int(BOX[0]) - x0, int(BOX[1]) - y0
    h, w = layer.rest.y.shape
    assert np.array_equal(rest.y[oy:oy + h, ox:ox + w], layer.rest.y)
    assert np.array_equal(rest.keep[oy:oy + h, ox:ox + w], layer.rest.keep)
