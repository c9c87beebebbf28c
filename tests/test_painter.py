"""The procedural storyboard painter: sizes, determinism, coverage of every location/outfit/expression."""

from __future__ import annotations

import random
from typing import Any, get_args

import numpy as np
import pytest
from PIL import Image

from petreel.errors import Cancelled
from render.animator import view_rect
from render.captions import CAPTION_BOTTOM, CAPTION_ZONE
from render.painter import CAPTION_BAND, StoryboardPainter, layout, overscan_size, resolve_look
from render.stages import KeyframePainter, RenderSpec, never_cancel, no_progress
from story.script import Character, Expression, Location, Outfit, Script
from tests.factories import make_script

SMALL = RenderSpec(width=180, height=320, seed=7)

_CAT = {"id": "ginger", "name": "Ginger", "species": "cat", "breed": "ginger tabby", "style": "ginger-cat",
        "look": "a small ginger tabby cat"}
_DOG = {"id": "corgi", "name": "Biscuit", "species": "dog", "breed": "Pembroke corgi", "style": "corgi",
        "look": "a chubby corgi"}
_WHITE = {"id": "snow", "name": "Snow", "species": "cat", "breed": "white Persian", "style": "white-persian",
          "look": "a fluffy white Persian cat"}
_HUSKY = {"id": "husky", "name": "Storm", "species": "dog", "breed": "Siberian husky", "style": None,
          "look": "a husky with icy blue eyes"}


def _scene(location: str = "office", chars: list[dict[str, str]] | None = None, mood: str = "calm") -> dict[str, Any]:
    return {"location": location, "setting": "a place", "characters": chars or [{"id": "ginger"}],
            "visual_prompt": "pets", "narration": "Something happens.", "caption": "Caption", "duration": 4.0,
            "mood": mood}


def _script(scenes: list[dict[str, Any]], characters: list[dict[str, Any]] | None = None) -> Script:
    while len(scenes) < 5:
        scenes = scenes + [scenes[-1]]
    return Script.model_validate({
        "title": "Test", "language": "en", "premise": "a test premise", "style": "ginger-cat",
        "characters": characters or [_CAT, _DOG, _WHITE, _HUSKY], "scenes": scenes,
    })


def _paint(script: Script, spec: RenderSpec = SMALL) -> list[Image.Image]:
    return StoryboardPainter().paint(script, spec, no_progress, never_cancel)


def _arr(img: Image.Image) -> np.ndarray:
    return np.asarray(img, dtype=np.float32)


def test_implements_the_protocol() -> None:
    assert isinstance(StoryboardPainter(), KeyframePainter)


def test_overscan_size_is_about_12_percent_larger_and_even() -> None:
    w, h = overscan_size(RenderSpec(width=720, height=1280))
    assert (w, h) == (808, 1434)
    for spec in (SMALL, RenderSpec(width=181, height=321)):
        w, h = overscan_size(spec)
        assert w % 2 == 0 and h % 2 == 0
        assert 1.11 <= w / spec.width <= 1.14 and 1.11 <= h / spec.height <= 1.13


def test_one_rgb_keyframe_per_scene_with_progress() -> None:
    script = make_script(n_scenes=6)
    seen: list[tuple[str, float]] = []
    frames = StoryboardPainter().paint(script, SMALL, lambda s, f: seen.append((s, f)), never_cancel)
    assert len(frames) == 6
    assert all(f.mode == "RGB" and f.size == overscan_size(SMALL) for f in frames)
    assert [s for s, _ in seen] == ["keyframes"] * 6
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)
    for f in frames:  # a real picture, not a flat fill
        assert _arr(f).std() > 20


def test_deterministic_for_a_seed_and_different_across_seeds() -> None:
    script = make_script(n_scenes=5)
    a, b = _paint(script), _paint(script)
    assert all(np.array_equal(_arr(x), _arr(y)) for x, y in zip(a, b, strict=True))
    c = _paint(script, RenderSpec(width=180, height=320, seed=8))
    diffs = [np.abs(_arr(x) - _arr(y)).mean() for x, y in zip(a, c, strict=True)]
    assert max(diffs) > 1.0


def test_cats_and_dogs_are_drawn_differently() -> None:
    # Same fur colours and outfit; only the species differs (ears, muzzle, nose, whiskers, tail).
    base = {"id": "pet", "name": "Pat", "breed": "brown mixed", "look": "a brown pet", "style": None}
    frames = []
    for species in ("cat", "dog"):
        script = _script([_scene("office", [{"id": "pet"}])], [{**base, "species": species}])
        frames.append(_arr(_paint(script)[0]))
    w, h = overscan_size(SMALL)
    head = (slice(int(h * 0.35), int(h * 0.55)), slice(int(w * 0.3), int(w * 0.7)))
    assert np.abs(frames[0][head] - frames[1][head]).mean() > 8


def test_characters_are_drawn_in_the_centre() -> None:
    ginger = _paint(_script([_scene("office", [{"id": "ginger"}])]))[0]
    husky = _paint(_script([_scene("office", [{"id": "husky"}])]))[0]
    w, h = ginger.size
    box = (int(w * 0.38), int(h * 0.5), int(w * 0.62), int(h * 0.7))  # torso area of a lone hero
    centre = _arr(ginger.crop(box))
    assert np.abs(centre - _arr(husky.crop(box))).mean() > 15
    fur = np.array([235, 140, 50], np.float32)  # the ginger-cat catalogue colour, lightly graded
    near_fur = (np.linalg.norm(centre - fur, axis=2) < 45).mean()
    assert near_fur > 0.15


def test_caption_band_is_calmer_than_the_picture() -> None:
    frames = _paint(make_script(n_scenes=8))
    w, h = overscan_size(SMALL)
    top = (h - SMALL.height) // 2
    band_top = top + int(SMALL.height * (1 - CAPTION_BAND))
    for f in frames:
        gray = _arr(f.convert("L"))
        band = gray[band_top: top + SMALL.height]
        middle = gray[top + SMALL.height // 4: band_top]
        assert band.std() < middle.std()


def test_layout_keeps_faces_central_and_the_hero_largest() -> None:
    for n in (1, 2, 3):
        slots = layout(n)
        assert len(slots) == n
        assert slots[0].height == max(s.height for s in slots)
        for s in slots:
            face_y = s.feet - s.height * 71 / 104
            assert 0.15 <= s.x <= 0.85 and 0.3 <= face_y <= 0.6
            assert s.feet <= 1 - CAPTION_BAND + 0.01


@pytest.mark.parametrize("camera", ["static", "push_in", "pull_out", "pan_left", "pan_right", "tilt_up", "tilt_down"])
def test_feet_stay_above_the_caption_zone_through_every_camera_move(camera: str) -> None:
    """Captions never cover the pets' feet: the ground line on screen, over the whole move, stays
    above the top of the tallest caption block (plus a margin for shoes and the shadow)."""
    spec = RenderSpec(width=720, height=1280)
    key_w, key_h = overscan_size(spec)
    zone_top = CAPTION_BOTTOM - CAPTION_ZONE
    for n in (1, 2, 3):
        for slot in layout(n):
            feet = (key_h - spec.height) / 2 + slot.feet * spec.height  # keyframe pixels
            for u in np.linspace(0.0, 1.0, 41):
                _, y, _, h = view_rect(camera, float(u), key_w, key_h, spec.width, spec.height)
                assert (feet - y) / h <= zone_top - 0.015, (camera, n, slot, u)


def test_every_location_renders() -> None:
    locations = list(get_args(Location))
    chars = [{"id": "ginger", "expression": "happy"}, {"id": "corgi"}]
    for start in range(0, len(locations), 8):
        scenes = [_scene(loc, chars, mood) for loc, mood in
                  zip(locations[start:start + 8], ["sad", "tense", "happy", "triumphant", "funny", "calm",
                                                   "dramatic", "romantic"], strict=False)]
        frames = _paint(_script(scenes))
        for f in frames:
            assert _arr(f).std() > 20


def test_every_outfit_and_expression_renders_on_cats_and_dogs() -> None:
    outfits, expressions = list(get_args(Outfit)), list(get_args(Expression))
    ids = ["ginger", "corgi", "snow", "husky"]
    slots = [(outfits[i % len(outfits)], expressions[i % len(expressions)]) for i in range(30)]
    scenes = []
    for k in range(10):
        chars = [{"id": ids[(k + j) % 4], "outfit": slots[3 * k + j][0], "expression": slots[3 * k + j][1]}
                 for j in range(3)]
        scenes.append(_scene("park", chars))
    frames = _paint(_script(scenes))
    assert len(frames) == 10
    arrays = [_arr(f) for f in frames]
    assert all(a.std() > 20 for a in arrays)
    assert len({a.tobytes() for a in arrays}) == 10  # different outfits and faces, different pictures


def test_outfit_changes_the_picture() -> None:
    plain, suited = (_paint(_script([_scene("office", [{"id": "corgi", "outfit": o}])]))[0] for o in ("none", "suit"))
    assert np.abs(_arr(plain) - _arr(suited)).mean() > 1.0


def test_cancel_between_scenes() -> None:
    calls: list[float] = []
    polls = iter([False, False, True])
    with pytest.raises(Cancelled):
        StoryboardPainter().paint(make_script(n_scenes=5), SMALL, lambda s, f: calls.append(f),
                                  lambda: next(polls))
    assert len(calls) == 2


def test_looks_come_from_style_breed_or_seeded_palette() -> None:
    rng = random.Random(0)
    ginger = resolve_look(Character.model_validate(_CAT), rng)
    assert (ginger.species, ginger.fur, ginger.pattern, ginger.ears) == ("cat", (235, 140, 50), "tabby", "pointy")
    husky = resolve_look(Character.model_validate(_HUSKY), rng)
    assert (husky.pattern, husky.ears) == ("mask", "pointy") and husky.eyes[2] > 200  # "icy blue eyes"
    golden = resolve_look(Character.model_validate({**_HUSKY, "breed": "golden retriever", "look": "golden dog",
                                                    "style": "no-such-style"}), rng)
    assert golden.ears == "floppy" and golden.fluffy
    odd = {**_HUSKY, "breed": "mystery mutt", "look": "a scruffy pup"}
    a, b = (resolve_look(Character.model_validate(odd), random.Random(3)) for _ in range(2))
    assert a == b and a.species == "dog"


def test_full_size_keyframes() -> None:
    spec = RenderSpec(width=720, height=1280, seed=1)
    frames = _paint(make_script(n_scenes=5), spec)
    assert [f.size for f in frames] == [(808, 1434)] * 5
    assert all(f.mode == "RGB" for f in frames)


def test_a_story_label_the_painter_does_not_draw_falls_back_without_looping() -> None:
    """"old photo" is the story's own label for its photo prop: its nearest is itself (it recursed)."""
    from render.painter.vocabulary import match_prop

    assert match_prop("old photo").how in {"exact", "alias", "nearest", "fallback"}


def test_a_blink_or_talk_layer_made_from_its_changed_box_is_the_whole_layer_made_again() -> None:
    """The variants' layers are the rest pose's layer with only the box where the drawings differ
    made again (matte, box filter, grade): the same bytes as making the whole layer, whatever the
    box's grid alignment."""
    from PIL import ImageDraw

    from render.painter.painter import _changed_layer, _layer

    def drawing(ground: tuple[int, int, int], mouth: tuple[int, int, int, int] | None) -> Image.Image:
        img = Image.new("RGB", (120, 160), ground)
        d = ImageDraw.Draw(img, "RGBA")
        d.ellipse((9, 13, 111, 151), fill=(230, 140, 60, 255), outline=(40, 30, 30, 255), width=3)
        d.ellipse((30, 40, 58, 66), fill=(250, 250, 250, 160))  # half see-through
        if mouth is not None:
            d.ellipse(mouth, fill=(150, 30, 40, 255))
        return img

    grounds = ((0, 0, 0), (255, 255, 255))
    rest_pair = [drawing(g, None) for g in grounds]
    rest = _layer(rest_pair, "sad", 97)
    for mouth in ((45, 101, 76, 118), (44, 100, 77, 119), (0, 150, 15, 160)):
        pair = [drawing(g, mouth) for g in grounds]
        made = _changed_layer(rest, rest_pair, pair, "sad", 97)
        assert made.tobytes() == _layer(pair, "sad", 97).tobytes(), mouth
        assert made.tobytes() != rest.tobytes()
    assert _changed_layer(rest, rest_pair, rest_pair, "sad", 97).tobytes() == rest.tobytes()
