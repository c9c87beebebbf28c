"""I420 frames: BT.709 conversion accuracy, planes, and layer compositing against float references."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from render.yuv import Layer, frame_shape, i420_to_rgb, new_frame, planes, rgb_to_i420, rgb_to_yuv_full


def test_bt709_limited_range_reference_colours() -> None:
    # ITU-R BT.709 8-bit studio range: white 235/128/128, black 16/128/128, primaries as tabulated
    rgb = np.array([[[255, 255, 255], [0, 0, 0], [255, 0, 0], [0, 255, 0], [0, 0, 255], [128, 128, 128]]], np.uint8)
    y, u, v = (c[0] for c in rgb_to_yuv_full(rgb))
    assert list(y) == [235, 16, 63, 173, 32, 126]
    assert list(u) == [128, 128, 102, 42, 240, 128]
    assert list(v) == [128, 128, 240, 26, 118, 128]


def test_round_trip_is_within_a_few_levels_on_flat_2x2_blocks() -> None:
    rng = np.random.default_rng(0)
    blocks = rng.integers(0, 256, (40, 60, 3), dtype=np.uint8)
    rgb = np.repeat(np.repeat(blocks, 2, axis=0), 2, axis=1)  # chroma subsampling loses nothing here
    back = i420_to_rgb(rgb_to_i420(rgb))
    assert np.abs(back.astype(int) - rgb.astype(int)).max() <= 3
    assert np.abs(back.astype(int) - rgb.astype(int)).mean() < 1.0


def _ffmpeg_i420(rgb: np.ndarray) -> np.ndarray:
    import subprocess

    from render.composer import ffmpeg_exe

    h, w = rgb.shape[:2]
    cmd = [ffmpeg_exe(), "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-i", "-",
           "-vf", "scale=out_color_matrix=bt709:out_range=tv:flags=accurate_rnd,format=yuv420p",
           "-f", "rawvideo", "-"]
    out = subprocess.run(cmd, input=rgb.tobytes(), capture_output=True, check=True).stdout
    return np.frombuffer(out, np.uint8).reshape(h * 3 // 2, w)


def test_conversion_matches_ffmpegs_bt709_scaler() -> None:
    """The old pipeline let ffmpeg convert; the colours must not shift now that numpy does."""
    rng = np.random.default_rng(1)
    rgb = rng.integers(0, 256, (32, 48, 3), dtype=np.uint8)
    ours, theirs = planes(rgb_to_i420(rgb))[0], planes(_ffmpeg_i420(rgb))[0]
    assert np.abs(ours.astype(int) - theirs.astype(int)).max() <= 1  # luma: same matrix, same range
    for colour in [(255, 0, 0), (20, 200, 90), (236, 150, 60), (90, 120, 250), (128, 128, 128)]:
        flat = np.full((16, 16, 3), colour, np.uint8)  # chroma: no subsampling filter difference on flat colour
        assert np.abs(rgb_to_i420(flat).astype(int) - _ffmpeg_i420(flat).astype(int)).max() <= 1, colour


def test_planes_are_views_in_i420_order() -> None:
    frame = new_frame(8, 6)
    assert frame.shape == frame_shape(8, 6) == (9, 8)
    y, u, v = planes(frame)
    assert y.shape == (6, 8) and u.shape == v.shape == (3, 4)
    y[...], u[...], v[...] = 1, 2, 3
    flat = frame.reshape(-1)
    assert (flat[:48] == 1).all() and (flat[48:60] == 2).all() and (flat[60:] == 3).all()


def _float_reference(frame_rgb: np.ndarray, rgba: np.ndarray, x: int, y: int, opacity: float = 1.0) -> np.ndarray:
    out = frame_rgb.astype(np.float64).copy()
    a = rgba[..., 3:4] / 255.0 * opacity
    h, w = rgba.shape[:2]
    out[y : y + h, x : x + w] = out[y : y + h, x : x + w] * (1 - a) + rgba[..., :3] * a
    return out


def test_layer_composite_matches_float_reference_in_luma() -> None:
    rng = np.random.default_rng(1)
    blocks = rng.integers(0, 256, (4, 5, 4), dtype=np.uint8)
    rgba = np.repeat(np.repeat(blocks, 2, 0), 2, 1)  # flat 2x2 blocks: chroma is exact too
    frame_rgb = np.repeat(np.repeat(rng.integers(0, 256, (8, 8, 3), dtype=np.uint8), 2, 0), 2, 1)
    layer = Layer.from_rgba(Image.fromarray(rgba, "RGBA"), 2, 4, crop=False)
    for opacity in (1.0, 0.5, 0.05):
        frame = rgb_to_i420(frame_rgb)
        layer.apply(frame, opacity)
        ref = rgb_to_i420(np.rint(_float_reference(frame_rgb, rgba, 2, 4, opacity)).astype(np.uint8))
        assert np.abs(frame.astype(int) - ref.astype(int)).max() <= 2, opacity
    untouched = rgb_to_i420(frame_rgb)
    layer.apply(untouched, 0.0)
    assert np.array_equal(untouched, rgb_to_i420(frame_rgb))


def test_layer_touches_only_the_rows_it_covers_and_clips_at_edges() -> None:
    frame = np.full(frame_shape(32, 32), 50, np.uint8)
    Layer.from_rgba(Image.new("RGBA", (10, 6), (255, 255, 255, 255)), 26, 29).apply(frame)
    y, _, _ = planes(frame)
    assert (y[:28] == 50).all() and (y[28:, :26] == 50).all() and (y[30:, 26:] == 235).all()


def test_fading_opaque_white_over_white_never_wraps_around() -> None:
    layer = Layer.from_rgba(Image.new("RGBA", (6, 4), (255, 255, 255, 255)), 0, 0)
    for opacity in np.linspace(0.01, 1.0, 120):
        frame = rgb_to_i420(np.full((4, 6, 3), 255, np.uint8))
        layer.apply(frame, float(opacity))
        assert planes(frame)[0].min() >= 234  # a uint16 overflow would wrap to black


@pytest.mark.parametrize("size", [(720, 1280), (96, 160)])
def test_crop_keeps_the_chroma_grid(size: tuple[int, int]) -> None:
    img = Image.new("RGBA", size, (0, 0, 0, 0))
    img.paste((200, 30, 30, 255), (13, 21, 40, 37))
    layer = Layer.from_rgba(img, 0, 0)
    assert layer.x % 2 == 0 and layer.y % 2 == 0 and layer.width % 2 == 0 and layer.height % 2 == 0
    assert layer.x <= 13 and layer.y <= 21 and layer.x + layer.width >= 40 and layer.y + layer.height >= 37
