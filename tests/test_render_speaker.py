"""Who is speaking is unmistakable with the sound off: the subtitle's name tag sits under the speaking
pet and a marker of the speaker's colour points down at that pet while its line is on screen."""

from __future__ import annotations

from typing import Any

import numpy as np

from render.captions import SUBTITLE_BOTTOM, CaptionPainter, plan_cues, speaker_colours
from render.painter import StoryboardPainter
from render.pipeline import speaker_spots
from render.stages import RenderSpec, SpeechSegment, never_cancel, no_progress
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
        marker = painter.marker(cue)
        assert marker is not None
        rgb = _rgb([painter.subtitle(cue), marker])
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
    assert painter.marker(narr[0]) is None and narr[0].spot is None
