"""The camera window's affine maps (pure) and the warp they drive."""

from __future__ import annotations

import numpy as np

from render.warp import chroma_map, luma_map, over, under, warp, warped


def at(m: np.ndarray, col: float, row: float) -> tuple[float, float]:
    x, y = m @ np.array([col, row, 1.0])
    return float(x), float(y)


def test_a_window_the_size_of_the_output_maps_pixels_onto_themselves() -> None:
    assert at(luma_map((0.0, 0.0, 8.0, 6.0), 8, 6), 3, 2) == (3.0, 2.0)
    assert at(chroma_map((0.0, 0.0, 8.0, 6.0), 8, 6), 3, 2) == (3.0, 2.0)


def test_a_zoomed_window_samples_between_source_pixels() -> None:
    # a window half the output's size: output pixel centres step half a source pixel
    x, y = at(luma_map((10.0, 20.0, 4.0, 3.0), 8, 6), 0, 0)
    assert (x, y) == (10.25 - 0.5, 20.25 - 0.5)
    assert at(luma_map((10.0, 20.0, 4.0, 3.0), 8, 6), 2, 0)[0] == x + 1.0


def test_a_placed_stretched_plane_is_anchored_at_its_top_left() -> None:
    m = luma_map((0.0, 0.0, 100.0, 100.0), 100, 100, left=40.0, top=30.0, stretch=2.0, c0=40, r0=30)
    assert at(m, 0, 0) == (0.0, -0.25)  # its first pixel under the output's first covered one
    assert at(m, 0, 2)[1] == 0.75  # stretched twice: two output rows per plane row


def test_warp_and_over_composite_premultiplied_planes() -> None:
    src = np.arange(64, dtype=np.uint8).reshape(8, 8)
    out = np.empty((8, 8), np.uint8)
    warp(src, luma_map((0.0, 0.0, 8.0, 8.0), 8, 8), out)
    assert np.array_equal(out, src)
    alpha = warped(np.full((2, 2), 255, np.uint8), luma_map((0, 0, 8, 8), 8, 8, left=2, top=2), 8, 8)
    assert alpha[2:4, 2:4].min() == 255 and alpha[0, 0] == 0 and alpha[6, 6] == 0  # zero outside
    region = np.full((8, 8), 100, np.uint8)
    over(region, (alpha // 5).astype(np.uint8), alpha)  # an opaque value of 51 where alpha is full
    assert region[2, 2] == 51 and region[0, 0] == 100


def test_transparency_warped_with_255_outside_is_the_inverse_of_the_warped_alpha() -> None:
    """Sprites warp ``255 - alpha`` (255 beyond their edges) instead of inverting the warped alpha
    every frame: the same within one level (fixed-point rounding), and the same composite."""
    rng = np.random.default_rng(3)
    alpha = rng.integers(0, 256, (40, 30), dtype=np.uint8)
    alpha[rng.random((40, 30)) < 0.5] = 255
    value = (rng.integers(0, 256, (40, 30)) * (alpha / 255)).astype(np.uint8)
    for rect, stretch in (((3.3, 7.1, 90.0, 120.0), 1.007), ((0.0, 0.0, 45.0, 60.0), 1.0), ((1.7, 2.2, 33.0, 44.0), 0.98)):
        m = luma_map(rect, 72, 96, left=5.4, top=9.2, stretch=stretch)
        inverse = 255 - warped(alpha, m, 72, 96).astype(int)
        keep = warped(255 - alpha, m, 72, 96, outside=255)
        assert np.abs(keep.astype(int) - inverse).max() <= 1
        a, b = np.full((96, 72), 90, np.uint8), np.full((96, 72), 90, np.uint8)
        over(a, warped(value, m, 72, 96), warped(alpha, m, 72, 96))
        under(b, warped(value, m, 72, 96), keep)
        assert np.abs(a.astype(int) - b.astype(int)).max() <= 1
