"""Mood music, ducking and the loudness master (pure numpy)."""

from __future__ import annotations

import numpy as np
import pytest

from render.music import MOODS, SilentMusic, SynthMusic, duck, duck_gain, loudness, master, mix_tracks

SR = 16_000  # a low rate keeps these tests fast; the maths does not depend on it


def db(x: float) -> float:
    return float(20 * np.log10(max(x, 1e-12)))


def rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(x.astype(np.float64) ** 2)))


def test_score_length_and_seeded_determinism() -> None:
    music = SynthMusic(SR)
    moods = [("sad", 3.0), ("triumphant", 3.5)]
    a, b, c = music.score(moods, 1), music.score(moods, 1), music.score(moods, 2)
    assert a.dtype == np.float32 and a.size == round(6.5 * SR)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)
    assert np.isfinite(a).all() and np.abs(a).max() < 1.0


@pytest.mark.parametrize("mood", sorted(MOODS))
def test_every_mood_makes_balanced_sound(mood: str) -> None:
    x = SynthMusic(SR).score([(mood, 3.0)], 0)
    assert -26 < db(rms(x)) < -16  # balanced around -20 dBFS RMS


def test_moods_sound_different() -> None:
    music = SynthMusic(SR)
    spectra = {}
    for mood in ("sad", "happy", "tense"):
        x = music.score([(mood, 3.0)], 0)
        spectra[mood] = np.abs(np.fft.rfft(x))[: SR // 2]
    assert np.corrcoef(spectra["sad"], spectra["happy"])[0, 1] < 0.9
    assert np.corrcoef(spectra["sad"], spectra["tense"])[0, 1] < 0.9


def test_segments_join_without_a_gap_or_a_click() -> None:
    x = SynthMusic(SR).score([("sad", 3.0), ("happy", 3.0)], 5)
    block = SR // 50
    env = np.array([rms(x[i : i + block]) for i in range(0, x.size - block, block)])
    cut = 3 * 50
    around = env[cut - 10 : cut + 10]
    assert around.min() > 0.25 * np.median(env)  # no dip to silence at the cut
    steps = np.abs(np.diff(x))
    assert steps[3 * SR - 200 : 3 * SR + 200].max() <= steps.max() * 1.01  # no click larger than the music


def test_duck_is_about_minus_12_db_under_speech_and_smooth() -> None:
    n = 6 * SR
    t = np.arange(n) / SR
    music = (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    speech = np.zeros(n, np.float32)
    speech[2 * SR : 4 * SR] = 0.5 * np.sin(2 * np.pi * 300 * t[2 * SR : 4 * SR])
    gain = duck_gain(speech, SR)
    assert gain.shape == (n,)
    assert db(gain[int(3.0 * SR)]) == pytest.approx(-12, abs=0.5)
    assert db(gain[int(0.5 * SR)]) == pytest.approx(0, abs=0.1)
    assert db(gain[int(5.5 * SR)]) == pytest.approx(0, abs=0.5)  # released after speech
    assert db(gain[2 * SR]) < -6  # look-ahead: already down when speech starts
    assert np.abs(np.diff(gain)).max() < 0.01  # smooth per sample (no zipper steps)
    ducked = duck(music, speech, SR)
    assert ducked.shape == music.shape
    assert rms(ducked[int(2.5 * SR) : int(3.5 * SR)]) < rms(music) * 0.3


def test_master_hits_target_loudness_without_clipping() -> None:
    t = np.arange(4 * SR) / SR
    quiet = (0.05 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    out = master(quiet, SR)
    assert loudness(out, SR) == pytest.approx(-16, abs=0.5)
    assert np.abs(out).max() <= 10 ** (-1 / 20) + 1e-6
    spiky = quiet.copy()
    spiky[SR : SR + 50] = 0.99  # a transient far above the programme level
    limited = master(spiky, SR)
    assert np.abs(limited).max() <= 10 ** (-1 / 20) + 1e-6
    assert loudness(limited, SR) == pytest.approx(-16, abs=1.0)
    assert np.array_equal(master(np.zeros(100, np.float32), SR), np.zeros(100, np.float32))


def test_mix_puts_speech_on_top_of_music() -> None:
    music = SynthMusic(SR).score([("happy", 4.0)], 0)
    t = np.arange(music.size) / SR
    speech = np.zeros_like(music)
    speech[SR : 3 * SR] = 0.8 * np.sin(2 * np.pi * 180 * t[SR : 3 * SR])
    mixed = mix_tracks(music, speech, SR)
    assert mixed.shape == music.shape and np.abs(mixed).max() <= 1.0
    spectrum = np.abs(np.fft.rfft(mixed[int(1.5 * SR) : int(2.5 * SR)]))
    assert spectrum[180] > 5 * np.median(spectrum)  # the 180 Hz "voice" dominates while speaking
    music_only = mix_tracks(music, None, SR)
    assert loudness(music_only, SR) == pytest.approx(-16, abs=0.5)


def test_score_is_synthesised_low_and_delivered_at_48k() -> None:
    music = SynthMusic()  # 48 kHz out, 24 kHz synthesis
    x = music.score([("funny", 1.0), ("calm", 1.25)], 0)
    assert music.synth_rate == 24_000 and x.size == round(2.25 * 48_000)
    energy = np.abs(np.fft.rfft(x)) ** 2
    freqs = np.fft.rfftfreq(x.size, 1 / 48_000)
    assert energy[freqs > 12_000].sum() < 0.005 * energy.sum()  # upsampling adds next to nothing up there


def test_silent_music_has_the_right_length() -> None:
    x = SilentMusic(SR).score([("sad", 1.5), ("calm", 2.0)], 0)
    assert x.size == round(3.5 * SR) and not x.any()
