"""I420 frames: BT.709 conversion accuracy, planes, and layer compositing against float references."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from render.yuv import (
    OFFSETS,
    RGB_TO_YUV,
    Layer,
    frame_shape,
    i420_to_rgb,
    new_frame,
    planes,
    rgb_to_i420,
    rgb_to_yuv_full,
)


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


def _exact_i420(rgb: np.ndarray) -> np.ndarray:
    """The exact maths: float BT.709 luma per pixel, chroma of each 2x2 block's mean colour, rounded."""
    h, w = rgb.shape[:2]
    full = rgb.astype(np.float64) @ RGB_TO_YUV.T.astype(np.float64) + OFFSETS
    mean = full.reshape(h // 2, 2, w // 2, 2, 3).mean(axis=(1, 3))
    return np.concatenate([np.rint(full[..., 0]).reshape(-1), np.rint(mean[..., 1]).reshape(-1),
                           np.rint(mean[..., 2]).reshape(-1)]).astype(np.uint8).reshape(h * 3 // 2, w)


def test_opencv_conversions_are_within_one_level_of_the_exact_maths() -> None:
    rng = np.random.default_rng(7)
    rgb = rng.integers(0, 256, (64, 96, 3), dtype=np.uint8)
    diff = np.abs(rgb_to_i420(rgb).astype(int) - _exact_i420(rgb).astype(int))
    assert diff.max() <= 1 and diff.mean() < 0.1
    rgba = np.dstack([rgb, rng.integers(0, 256, (64, 96), dtype=np.uint8)])
    exact = rgb.astype(np.float64) @ RGB_TO_YUV.T.astype(np.float64)
    for plane, ref, offset in zip(rgb_to_yuv_full(rgba), np.moveaxis(exact, -1, 0), (16, 128, 128), strict=True):
        assert np.abs(plane.astype(int) - np.rint(ref + offset)).max() <= 1


def _float_layer_planes(box: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What ``Layer.from_box`` stores, in plain float maths: luma and chroma weighted, and the keeps."""
    yuv = np.rint(box[..., :3].astype(np.float64) @ RGB_TO_YUV.T.astype(np.float64) + OFFSETS)
    a = box[..., 3].astype(np.float64)
    cover = a + (box[..., 3] >> 7)
    h, w = a.shape
    a_mean = a.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))
    c_cover = np.rint(a_mean) + (np.rint(a_mean).astype(int) >> 7)
    with np.errstate(divide="ignore", invalid="ignore"):
        u = np.where(a_mean > 0, (yuv[..., 1] * a).reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3)) / a_mean, 128)
    return np.rint(yuv[..., 0]) * cover + 128, 256 - cover, np.rint(u) * c_cover + 128, 256 - c_cover


def test_layer_planes_match_the_float_maths() -> None:
    rng = np.random.default_rng(8)
    box = rng.integers(0, 256, (40, 60, 4), dtype=np.uint8)
    box[..., 3][rng.random((40, 60)) < 0.3] = 0  # transparent pixels among them
    layer = Layer.from_box(box, 0, 0)
    y_w, y_keep, u_w, u_keep = _float_layer_planes(box)
    assert np.array_equal(layer.luma.keep, y_keep) and np.array_equal(layer.cb.keep, u_keep)
    # weighted values: within one level of the value times its coverage (one rounding of the colour)
    assert np.abs(layer.luma.weighted.astype(float) - y_w).max() <= 257
    assert np.abs((layer.cb.weighted.astype(float) - u_w) / np.maximum(256 - u_keep, 1)).max() <= 1.0
