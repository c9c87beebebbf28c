"""Caption layout (pure), sizing, overlay compositing and CJK glyph rendering."""

from __future__ import annotations

import numpy as np
import pytest

from render.captions import (
    CAPTION_BOTTOM,
    CAPTION_ZONE,
    ELLIPSIS,
    LATIN_FONTS,
    NO_LINE_START,
    CaptionPainter,
    Overlay,
    balance,
    find_font,
    fit_caption,
    is_cjk,
    layout_caption,
)


def fake_measure(text: str, size: int) -> float:
    """Latin characters are 0.5 em wide, CJK characters 1 em."""
    return sum(size * (1.0 if is_cjk(ch) else 0.5) for ch in text)


def test_english_wraps_at_words_within_width() -> None:
    text = "Every day Ginger carries bricks until his paws ache and his back hurts"
    lines = layout_caption(text, 20, 200, fake_measure)
    assert len(lines) > 1
    assert all(fake_measure(line, 20) <= 200 for line in lines)
    assert " ".join(lines).split() == text.split()  # no word broken or lost


def test_overlong_word_is_broken_by_characters() -> None:
    lines = layout_caption("Supercalifragilisticexpialidocious cat", 20, 100, fake_measure)
    assert all(fake_measure(line, 20) <= 100 for line in lines)
    assert "".join(lines).replace(" ", "") == "Supercalifragilisticexpialidociouscat"


def test_chinese_wraps_per_character_without_orphan_punctuation() -> None:
    text = "白猫惊呆了，橘猫只是微笑。他买下了隔壁的豪宅，还请所有流浪猫吃饭。"
    for width in (100, 120, 140, 200):
        lines = layout_caption(text, 20, width, fake_measure)
        assert "".join(lines) == text
        assert all(line[0] not in NO_LINE_START for line in lines), lines
        assert all(fake_measure(line, 20) <= width for line in lines)
    # at 120 px (6 characters) "，" would start line 2: the 了 before it moves down too
    assert layout_caption("白猫惊呆了了，橘猫", 20, 120, fake_measure) == ["白猫惊呆了", "了，橘猫"]


def test_mixed_text_keeps_latin_words_whole() -> None:
    lines = layout_caption("橘猫说 hello world 然后走了", 20, 100, fake_measure)
    assert "hello" in " ".join(lines) and "world" in " ".join(lines)
    assert all(fake_measure(line, 20) <= 100 for line in lines)


def test_fit_starts_at_five_percent_and_stays_legible() -> None:
    size, lines = fit_caption("Kindness wins", 720, 1280, fake_measure)
    assert size == 64 and lines == ["Kindness wins"]
    long = "The white cat now washes the dishes in the back of the restaurant every single night"
    size, lines = fit_caption(long, 720, 1280, fake_measure)
    assert 40 <= size < 64 and len(lines) <= 3


def test_fit_ellipsizes_when_three_lines_at_the_floor_are_not_enough() -> None:
    text = " ".join(["meow"] * 80)
    size, lines = fit_caption(text, 720, 1280, fake_measure)
    assert size == 40
    assert len(lines) == 3 and lines[-1].endswith(ELLIPSIS)
    assert all(fake_measure(line, size) <= 720 * 0.84 for line in lines)
    zh_size, zh_lines = fit_caption("橘猫" * 60, 720, 1280, fake_measure)
    assert len(zh_lines) == 3 and zh_lines[-1].endswith(ELLIPSIS) and zh_size == 40


def test_overlay_composite_matches_float_reference() -> None:
    rng = np.random.default_rng(1)
    from PIL import Image

    rgba = Image.fromarray(rng.integers(0, 256, (6, 8, 4), dtype=np.uint8), "RGBA")
    overlay = Overlay.from_rgba(rgba, 2, 3)
    frame = rng.integers(0, 256, (12, 12, 3), dtype=np.uint8)
    expected = frame.astype(np.float64).copy()
    src = np.asarray(rgba, dtype=np.float64)
    a = src[..., 3:4] / 255
    expected[3:9, 2:10] = expected[3:9, 2:10] * (1 - a) + src[..., :3] * a
    out = frame.copy()
    overlay.apply(out)
    assert np.abs(out.astype(np.float64) - expected).max() <= 1.0
    faded = frame.copy()
    overlay.apply(faded, opacity=0.0)
    assert np.array_equal(faded, frame)
    for opacity in (0.05, 0.5, 0.9):  # a fading title: integer maths within ~1 level of the float blend
        half = frame.copy()
        overlay.apply(half, opacity)
        ref = frame.astype(np.float64).copy()
        ref[3:9, 2:10] = ref[3:9, 2:10] * (1 - a * opacity) + src[..., :3] * a * opacity
        assert np.abs(half.astype(np.float64) - ref).max() <= 1.5


def test_fading_opaque_white_over_white_never_wraps_around() -> None:
    from PIL import Image

    overlay = Overlay.from_rgba(Image.new("RGBA", (5, 4), (255, 255, 255, 255)), 0, 0)
    for opacity in np.linspace(0.01, 1.0, 120):
        frame = np.full((4, 5, 3), 255, np.uint8)
        overlay.apply(frame, float(opacity))
        assert frame.min() >= 254  # a uint16 overflow would wrap to black


def test_caption_is_drawn_in_the_lower_area_with_a_band() -> None:
    painter = CaptionPainter(720, 1280, "en")
    overlay = painter.caption("Who is laughing now?")
    frame = np.full((1280, 720, 3), 128, dtype=np.uint8)
    overlay.apply(frame)
    changed = np.flatnonzero(np.any(frame != 128, axis=(1, 2)))
    assert changed.min() > 1280 * 0.6 and changed.max() < 1280 * 0.9
    assert (frame == 255).all(axis=2).sum() > 500  # white glyph pixels
    assert (frame < 60).all(axis=2).sum() > 500  # dark stroke pixels


def _text_mask(painter: CaptionPainter, text: str) -> np.ndarray:
    return painter.caption(text).rgb.min(axis=2) > 200  # white fill only (band and stroke are dark)


def test_chinese_caption_draws_real_glyphs_not_tofu() -> None:
    cjk = find_font("zh")
    if cjk is None or "CJK" not in cjk[0].name and "wqy" not in cjk[0].name and "Droid" not in cjk[0].name:
        pytest.skip("no CJK font installed (Debian: apt install fonts-noto-cjk)")
    latin = find_font("en", LATIN_FONTS)
    if latin is None:
        pytest.skip("no Latin TrueType font to build the tofu reference")
    real = CaptionPainter(360, 640, "zh", font=cjk)
    tofu = CaptionPainter(360, 640, "zh", font=latin)  # DejaVu has no hanzi: .notdef boxes
    a, b = _text_mask(real, "寒风"), _text_mask(real, "豪宅")
    ta, tb = _text_mask(tofu, "寒风"), _text_mask(tofu, "豪宅")
    assert np.array_equal(ta, tb), "the tofu reference should not depend on the characters"
    assert a.sum() > 100 and b.sum() > 100
    assert not np.array_equal(a, b), "different hanzi must give different glyph masks"
    assert not np.array_equal(a, ta), "the CJK render must not be .notdef boxes"


def test_cjk_font_is_the_simplified_chinese_face() -> None:
    cjk = find_font("zh")
    if cjk is None or not cjk[0].name.startswith("NotoSansCJK"):
        pytest.skip("Noto Sans CJK not installed")
    from PIL import ImageFont

    family, _ = ImageFont.truetype(str(cjk[0]), 20, index=cjk[1]).getname()
    assert family is not None and family.endswith("SC")


def test_balanced_wrap_leaves_no_lone_word_or_hanzi() -> None:
    # greedy wrapping would leave "生" alone on the second line
    assert layout_caption("橘子的逆袭人生", 20, 120, fake_measure) == ["橘子的逆袭人", "生"]
    assert balance("橘子的逆袭人生", 20, ["橘子的逆袭人", "生"], 120, fake_measure) == ["橘子的逆", "袭人生"]
    greedy = layout_caption("The ginger cat finally wins", 20, 150, fake_measure)
    lines = balance("The ginger cat finally wins", 20, greedy, 150, fake_measure)
    assert len(lines) == len(greedy) and " ".join(lines) == "The ginger cat finally wins"
    widths = [fake_measure(line, 20) for line in lines]
    assert max(widths) <= max(fake_measure(line, 20) for line in greedy)
    assert max(widths) - min(widths) <= 60  # at most ~one word apart
    assert balance("one", 20, ["one"], 150, fake_measure) == ["one"]
    size, zh = fit_caption("橘子的逆袭人生", 720, 1280, fake_measure, max_lines=2, fraction=0.1, max_height=None)
    assert len(zh) == 1 or min(len(line) for line in zh) >= 3, (size, zh)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("text", ["Kindness wins", "Who's laughing now?", "Guess who is back in town today",
                                  "A very long caption that will surely need three lines of text to fit in",
                                  "被嘲笑是穷光蛋", "白猫的下巴都要掉下来了，橘猫只是微微一笑，然后走进了自己的公司大楼"])
def test_caption_block_stays_inside_the_caption_zone(language: str, text: str) -> None:
    """The zone the painter keeps free of the pets' feet (checked in test_painter)."""
    overlay = CaptionPainter(720, 1280, language).caption(text)
    top, bottom = overlay.y, overlay.y + overlay.weighted.shape[0]
    assert top >= 1280 * (CAPTION_BOTTOM - CAPTION_ZONE) - 1, (text, top)
    assert bottom <= 1280 * CAPTION_BOTTOM + 1
