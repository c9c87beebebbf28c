"""Who is speaking is unmistakable with the sound off: the subtitle's name tag sits under the speaking
pet and a marker of the speaker's colour points down at that pet while its line is on screen, following
it frame by frame as the camera moves and the pet walks in."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from render.animator import KenBurnsAnimator, head_of
from render.captions import SPEAKER_COLOURS, SUBTITLE_BOTTOM, CaptionPainter, plan_cues, speaker_colours
from render.painter import StoryboardPainter
from render.pipeline import _frames, speaker_spots
from render.stages import (
    Backends,
    RenderSpec,
    SceneArt,
    SceneTiming,
    SpeechSegment,
    Sprite,
    never_cancel,
    no_progress,
    overscan_size,
)
from render.timeline import Timeline
from render.yuv import i420_to_rgb
from story.script import Script

SPEC = RenderSpec(width=180, height=320, seed=3)
_CAST = [
    {"id": "hero", "name": "Mango", "species": "cat", "breed": "ginger tabby", "style": "ginger-cat",
     "look": "a small ginger tabby cat"},
    {"id": "rival", "name": "Pearl", "species": "cat", "breed": "white Persian", "style": "white-persian",
     "look": "a fluffy white Persian cat"},
]


def _script() -> Script:
    scene: dict[str, Any] = {
        "location": "street", "setting": "a street", "visual_prompt": "two cats", "narration": "They meet.",
        "caption": "On the street", "duration": 4.0,
        "characters": [{"id": "hero", "action": "stand"}, {"id": "rival", "action": "sneer", "target": "hero"}],
        "dialogue": [{"speaker": "rival", "text": "Out of my way."}, {"speaker": "hero", "text": "No."}],
    }
    return Script.model_validate({"title": "T", "language": "en", "premise": "two cats", "style": "ginger-cat",
                                  "characters": _CAST, "scenes": [scene] * 5})


def _rgb(layers: list[Any], w: int = 180, h: int = 320) -> np.ndarray:
    frame = np.zeros((h * 3 // 2, w), np.uint8)
    frame[h:] = 128
    for layer in layers:
        layer.apply(frame)
    return i420_to_rgb(frame).reshape(h, w, 3).astype(int)


def _near(rgb: np.ndarray, colour: tuple[int, int, int], tol: int = 40) -> np.ndarray:
    return (np.abs(rgb - np.array(colour)).max(axis=2) < tol)


def test_spots_put_each_speaker_where_the_painter_drew_it() -> None:
    script = _script()
    arts = StoryboardPainter().paint_layers(script, SPEC, no_progress, never_cancel)
    spots = speaker_spots(arts, SPEC)
    hero_x, hero_top = spots[(0, "hero")]
    rival_x, rival_top = spots[(0, "rival")]
    assert hero_x < 0.45 < 0.55 < rival_x  # two pets: the hero left, the rival right
    assert 0.15 < hero_top < 0.7 and 0.15 < rival_top < 0.7


def test_name_tag_and_marker_are_on_the_speakers_side_in_its_colour() -> None:
    script = _script()
    arts = StoryboardPainter().paint_layers(script, SPEC, no_progress, never_cancel)
    spots = speaker_spots(arts, SPEC)
    colours = speaker_colours([c.id for c in script.characters])
    painter = CaptionPainter(SPEC.width, SPEC.height, "en", colours=colours)
    segs = [SpeechSegment(scene=0, start=0.1, end=1.0, speaker="rival", text="Out of my way."),
            SpeechSegment(scene=0, start=1.2, end=1.6, speaker="hero", text="No.")]
    cues = plan_cues(segs, painter.paginate, {"hero": "Mango", "rival": "Pearl"}, spots)
    for cue in cues:
        x, top = spots[(0, cue.speaker)]
        marks = painter.marks(cue)
        assert marks is not None
        rgb = _rgb([painter.subtitle(cue), *marks.at((x * SPEC.width, top * SPEC.height))])
        mine = _near(rgb, colours[cue.speaker])
        # the name tag: the speaker's colour in the band above the subtitle, on the speaker's half
        band = mine[round(SPEC.height * 0.55):round(SPEC.height * SUBTITLE_BOTTOM)]
        cols = np.flatnonzero(band.any(axis=0))
        assert cols.size and (cols.mean() > SPEC.width / 2) == (x > 0.5), cue.speaker
        # the marker: the speaker's colour just above the pet's head, near its centre
        above = mine[:round(top * SPEC.height) + 1]
        ys, xs = np.nonzero(above)
        assert xs.size > 5 and abs(xs.mean() / SPEC.width - x) < 0.08, cue.speaker
    # the narrator has no tag and no marker
    narr = plan_cues([SpeechSegment(0, 0.1, 1.0, "narrator", "They meet.")], painter.paginate, {}, spots)
    assert painter.marks(narr[0]) is None and narr[0].spot is None


# ---------------------------------------------------------------------------------------------- following the pet

TRACK = RenderSpec(width=360, height=640, fps=24, seed=1)
BODY = (40, 200, 60)  # the test pet's colour: nothing else on the frame is this green


def _pet() -> np.ndarray:
    """A green pet: a round head on a body, 60 x 120 px, straight-alpha RGBA."""
    img = Image.new("RGBA", (60, 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((10, 0, 50, 40), fill=(*BODY, 255))
    draw.rounded_rectangle((4, 34, 56, 120), radius=12, fill=(*BODY, 255))
    return np.asarray(img).copy()


def _track_frames(camera: str, motion: str, line: tuple[float, float],
                  x: float = 40.0) -> tuple[list[np.ndarray], list[int]]:
    """The clip frames of one 3 s scene in which the hero (a green pet on the left, ``motion``) says
    a line from ``line[0]`` to ``line[1]`` s under ``camera``; and the first, middle and last frame
    index of the line."""
    scene: dict[str, Any] = {
        "location": "street", "setting": "a street", "visual_prompt": "a cat", "narration": "Hello.",
        "caption": "Street", "duration": 3.0, "camera": camera,
        "characters": [{"id": "hero", "action": "stand"}], "dialogue": [{"speaker": "hero", "text": "Hello there."}],
    }
    script = Script.model_validate({"title": "T", "language": "en", "premise": "a cat", "style": "ginger-cat",
                                    "characters": _CAST[:1], "scenes": [scene] * 5})
    ow, oh = overscan_size(TRACK)
    art = SceneArt(background=Image.new("RGB", (ow, oh), (110, 110, 120)),
                   sprites=[Sprite(_pet(), x=x, y=300.0, motion=motion, speaker="hero")])
    n = 3 * TRACK.fps
    segs = [SpeechSegment(scene=i, start=3.0 * i + line[0], end=3.0 * i + line[1], speaker="hero",
                          text="Hello there.") for i in range(5)]
    timeline = Timeline(durations=[3.0] * 5, frames=[n] * 5, segments=segs)
    backends = Backends(painter=StoryboardPainter(), animator=KenBurnsAnimator(), narrator=None,  # type: ignore[arg-type]
                        music=None, composer=None)  # type: ignore[arg-type]
    frames = list(itertools.islice(_frames(script, [art] * 5, backends, TRACK, timeline, segs, no_progress),
                                   round(TRACK.fps * 2.8)))
    first, last = math.ceil(line[0] * TRACK.fps), min(len(frames), math.ceil(line[1] * TRACK.fps)) - 1
    return frames, [first, (first + last) // 2, last]


def _pet_head(rgb: np.ndarray) -> tuple[float, int]:
    """The green pet's head in a frame: the centre column of its top rows, and its top row."""
    rows, cols = np.nonzero(_near(rgb, BODY, 30))
    top = int(rows.min())
    crown = cols[rows < top + 12]
    return (crown.min() + crown.max()) / 2, top


def _marker(rgb: np.ndarray, above: int) -> tuple[float, int] | None:
    """The hero's marker in the band just above row ``above`` (under the title and the headline):
    its centre column and its bottom row."""
    start = max(0, above - round(0.1 * TRACK.height))
    rows, cols = np.nonzero(_near(rgb[start:above], SPEAKER_COLOURS[0], 40))
    if rows.size < 10:
        return None
    return (cols.min() + cols.max()) / 2, start + int(rows.max())


def _assert_marker_on_head(frames: list[np.ndarray], at: list[int]) -> list[tuple[float, int]]:
    heads = []
    for k in at:
        rgb = i420_to_rgb(frames[k]).astype(int)
        hx, top = _pet_head(rgb)
        mark = _marker(rgb, top)
        assert mark is not None, f"no marker in frame {k}"
        mx, bottom = mark
        assert abs(mx - hx) <= 0.03 * TRACK.width, (k, mx, hx)
        assert top - 0.045 * TRACK.height <= bottom < top, (k, bottom, top)
        heads.append((hx, top))
    return heads


def test_the_marker_follows_the_pet_through_a_push_in() -> None:
    frames, at = _track_frames("push_in", "idle", (0.1, 2.7))
    heads = _assert_marker_on_head(frames, at)
    # the camera moved the pet well beyond the tolerance: a marker left at rest would miss it
    assert abs(heads[0][0] - heads[-1][0]) > 0.03 * TRACK.width and heads[0][1] - heads[-1][1] > 20, heads


def test_the_marker_follows_a_pet_walking_in_from_its_first_frame() -> None:
    # an entering pet is in view from the scene's first frame (its head leading): its line's marker is on it at once
    frames, at = _track_frames("static", "enter_left", (0.1, 2.7), x=160.0)
    assert _near(i420_to_rgb(frames[at[0]]).astype(int), BODY, 30).any()
    heads = _assert_marker_on_head(frames, at)
    assert heads[-1][0] - heads[0][0] > 0.1 * TRACK.width, heads  # it walked in


def test_heads_match_where_the_animator_draws_the_pet() -> None:
    """``KenBurnsAnimator.heads`` (pure maths) against the drawn pixels, frame by frame."""
    scene = Script.model_validate({"title": "T", "language": "en", "premise": "a cat", "style": "ginger-cat",
                                   "characters": _CAST[:1], "scenes": [{
                                       "location": "street", "setting": "s", "visual_prompt": "v", "narration": "n",
                                       "caption": "c", "duration": 3.0, "camera": "pan_left",
                                       "characters": [{"id": "hero", "action": "stand"}]}] * 5}).scenes[0]
    ow, oh = overscan_size(TRACK)
    art = SceneArt(background=Image.new("RGB", (ow, oh), (110, 110, 120)),
                   sprites=[Sprite(_pet(), x=150.0, y=300.0, motion="shiver", speaker="hero")])
    timing = SceneTiming(0.0, 2.0, 0, ())
    animator = KenBurnsAnimator()
    path = animator.heads(art, scene, TRACK, 48, timing)["hero"]
    for k, frame in enumerate(animator.layered_frames(art, scene, TRACK, 48, timing)):
        if k % 8 == 0:
            hx, top = _pet_head(i420_to_rgb(frame).astype(int))
            assert abs(path[k][0] - hx) < 2.0 and abs(path[k][1] - top) < 2.0, (k, path[k], hx, top)


def test_a_pets_head_is_its_body_not_the_marks_floating_over_it() -> None:
    """Music notes, a "!" or sweat drops drawn over a pet are not where the marker points."""
    pet = Image.new("RGBA", (100, 200), (0, 0, 0, 0))
    pet.paste(Image.fromarray(_pet()), (20, 60))
    draw = ImageDraw.Draw(pet)
    draw.ellipse((0, 0, 14, 14), fill=(250, 200, 40, 255))  # a note up left
    draw.rectangle((84, 10, 90, 40), fill=(230, 30, 30, 255))  # a "!" up right
    x, top = head_of(np.asarray(pet))  # type: ignore[misc]
    assert top == 60 and abs(x - 50) <= 1
    assert head_of(np.zeros((10, 10, 4), np.uint8)) is None


def test_the_marker_stays_under_the_headline_and_inside_the_frame() -> None:
    painter = CaptionPainter(720, 1280, "en", colours=speaker_colours(["hero"]))
    marks = painter.marks(plan_cues([SpeechSegment(0, 0.1, 1.0, "hero", "Hi.")], painter.paginate, {"hero": "Mango"})[0])
    assert marks is not None
    headline = painter.caption("A long headline that needs two lines here")
    under = headline.y + headline.height
    tag, marker = marks.at((360.0, under + 10.0), under)  # a head just under the headline
    assert marker.y >= under and abs(marker.x + marker.width / 2 - 360) <= 2
    assert tag.y == marks.tag.y and abs(tag.x + tag.width / 2 - 360) <= 2
    tag, marker = marks.at((715.0, 600.0), under)  # at the right edge: both stay inside the frame
    assert tag.x + tag.width <= 720 and marker.x + marker.width <= 720
    assert marker.y + marker.height <= 600 and marker.y + marker.height >= 600 - 0.03 * 1280
    assert marks.at((-40.0, 600.0), under) == [replace(marks.tag, x=2)]  # still walking in: no marker
    assert marks.at(None) == [marks.tag]
