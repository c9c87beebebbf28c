"""The words painted beside a pet (a laugh's HA, a sneer's HMPH) are in the script's language: 哈 and 哼
in a Chinese clip, drawn in a CJK face (story/data/shops.json ``signs_zh``). Pixel checks: the marks
drawn alone match the glyphs of their words, and a real render of a Chinese writer script differs from the
same script painted in English only in the sneering pet's mark, above its head."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from render.painter import StoryboardPainter
from render.painter.geometry import Pen
from render.painter.poses import draw_marks
from render.painter.shops import sign_font, sign_text
from render.stages import RenderSpec, never_cancel, no_progress
from story.offline import write_offline

U = 6.0  # pixels per pet unit: the marks at about a phone's size
HEAD_Y = -71.0


def _marks(mark: str, lang: str) -> np.ndarray:
    img = Image.new("RGB", (900, 900), (0, 0, 0))
    draw_marks(Pen(ImageDraw.Draw(img, "RGBA"), 450, 850, U), (mark,), HEAD_Y, 0, lang)
    return np.asarray(img)


def _glyph_mask(word: str, lang: str, at: tuple[float, float], size: float) -> np.ndarray:
    """Where the word's own glyphs fall when written alone at ``at`` (pet units), in the mark's face."""
    img = Image.new("L", (900, 900), 0)
    pen = Pen(ImageDraw.Draw(img), 450, 850, U)
    font = sign_font(lang, max(6, round(size * U * 1.3)))
    ImageDraw.Draw(img).text(pen.P(*at), word, fill=255, font=font, anchor="mm")
    return np.asarray(img) > 127


@pytest.mark.parametrize(("mark", "word", "zh", "at", "size", "colour"), [
    ("haha", "HA", "哈", (32, HEAD_Y - 30), 11, (255, 210, 60)),
    ("sneer", "HMPH", "哼", (30, HEAD_Y - 36), 7, (255, 255, 255)),
])
def test_a_mark_writes_its_word_in_the_script_language(mark: str, word: str, zh: str, at: tuple[float, float],
                                                       size: float, colour: tuple[int, int, int]) -> None:
    assert sign_text(word, "zh") == zh and sign_text(word, "en") == word
    inked = {lang: np.linalg.norm(_marks(mark, lang).astype(np.float32) - colour, axis=2) < 60 for lang in ("zh", "en")}
    glyph = _glyph_mask(zh, "zh", at, size)
    near = np.zeros_like(glyph)
    ys, xs = np.nonzero(glyph)
    near[ys.min():ys.max() + 1, xs.min():xs.max() + 1] = True  # the glyph's box
    # the Chinese mark's ink inside the glyph's box is the glyph: most of the glyph is inked, little else
    zh_in = inked["zh"] & near
    assert (zh_in & glyph).sum() > 0.6 * glyph.sum()
    assert (zh_in & ~glyph).sum() < 0.25 * zh_in.sum()
    # the English mark is not that glyph, and a Chinese clip shows no Latin capitals there
    assert (inked["en"] & glyph).sum() < 0.6 * glyph.sum()
    assert not np.array_equal(inked["zh"], inked["en"])


def test_a_chinese_render_shows_the_chinese_sneer() -> None:
    """The rival sneers in a real Chinese script; painted in Chinese and in English, its sprite differs only
    above its head, where the Chinese one holds the white ink of 哼 and the English one that of HMPH."""
    script = write_offline("穷橘猫被富白猫和她的狗男友嘲笑，在工地打工，后来逆袭", "ginger-cat", "zh", 0)
    k = next(i for i, s in enumerate(script.scenes) if any(a.action == "sneer" for a in s.characters))
    scenes = [script.scenes[k]] * 5
    zh = script.model_copy(update={"scenes": scenes})
    en = script.model_copy(update={"scenes": scenes, "language": "en"})
    spec = RenderSpec(width=540, height=960, seed=3)
    arts = {lang: StoryboardPainter().paint_layers(s, spec, no_progress, never_cancel)[0]
            for lang, s in (("zh", zh), ("en", en))}
    who = next(a.id for a in scenes[0].characters if a.action == "sneer")
    sprite = {lang: next(sp for sp in art.sprites if sp.speaker == who).rgba for lang, art in arts.items()}
    assert sprite["zh"].shape[1] == sprite["en"].shape[1]  # cropped to the ink: the marks may make one taller
    tall = max(s.shape[0] for s in sprite.values())  # the feet at the bottom of both: pad the shorter on top
    sprite = {lang: np.pad(s, ((tall - s.shape[0], 0), (0, 0), (0, 0))) for lang, s in sprite.items()}
    diff = np.abs(sprite["zh"].astype(np.int16) - sprite["en"].astype(np.int16)).max(axis=2) > 40
    rows = np.flatnonzero(diff.any(axis=1))
    assert rows.size and rows[-1] < 0.45 * diff.shape[0], rows  # only the mark, in the top of the sprite
    # the word's light ink (white, graded by the scene's mood) where the two differ
    light = {lang: ((s[..., :3] > 180).all(axis=2) & (s[..., 3] > 200)) & diff for lang, s in sprite.items()}
    assert light["zh"].sum() > 20 and light["en"].sum() > 20 and not np.array_equal(light["zh"], light["en"])
    # the word is written before the sneering face, toward the one it sneers at (behind the head, a sneerer
    # at the frame's edge had its HMPH cut by the edge)
    target = next(a.target for a in scenes[0].characters if a.action == "sneer")
    centre = {sp.speaker: sp.x + sp.rgba.shape[1] / 2 for sp in arts["en"].sprites}
    toward = 1 if centre[target] > centre[who] else -1
    cols = np.flatnonzero(diff.any(axis=0))
    assert (cols.mean() - diff.shape[1] / 2) * toward > 0, (cols.mean(), diff.shape[1], toward)
    # the background and the other pets are the same picture in both languages
    other = [sp.speaker for sp in arts["zh"].sprites if sp.speaker not in (who, None)]
    for sp_id in other:
        a = next(sp for sp in arts["zh"].sprites if sp.speaker == sp_id).rgba
        b = next(sp for sp in arts["en"].sprites if sp.speaker == sp_id).rgba
        assert np.array_equal(a, b), sp_id
