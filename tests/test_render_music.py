"""Mood music: stereo, streamed in blocks, seeded, balanced, joined without clicks (pure numpy)."""

from __future__ import annotations

import numpy as np
import pytest

from render.music import MOODS, SilentMusic, SynthMusic, pan_gains

SR = 16_000  # a low rate keeps these tests fast; the maths does not depend on it


def db(x: float) -> float:
    return float(20 * np.log10(max(x, 1e-12)))


def rms(x: np.ndarray) -> float:
    """Mono-equivalent RMS of (n,) or (n, 2) audio (the channels' powers added)."""
    x = x.astype(np.float64)
    return float(np.sqrt(np.mean(np.sum(x * x, axis=1)) if x.ndim == 2 else np.mean(x * x)))


def test_score_length_stereo_and_seeded_determinism() -> None:
    music = SynthMusic(SR)
    moods = [("sad", 3.0), ("triumphant", 3.5)]
    a, b, c = music.score(moods, 1), music.score(moods, 1), music.score(moods, 2)
    assert a.dtype == np.float32 and a.shape == (round(6.5 * SR), 2)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)
    assert np.isfinite(a).all() and np.abs(a).max() < 1.0
    assert not np.allclose(a[:, 0], a[:, 1])  # real stereo, not two copies


def test_stream_comes_in_blocks_that_add_up_to_the_score() -> None:
    music = SynthMusic()  # 24 kHz synthesis streamed up to 48 kHz
    moods = [("funny", 2.0), ("calm", 2.5), ("sad", 3.0)]
    blocks = list(music.stream(moods, 4))
    assert len(blocks) >= 3  # one block per segment (or more), never the whole clip at once
    assert max(b.shape[0] for b in blocks) < 0.6 * 7.5 * 48_000
    joined = np.concatenate(blocks)
    assert joined.shape == (round(7.5 * 48_000), 2)
    assert np.array_equal(joined, music.score(moods, 4))


@pytest.mark.parametrize("mood", sorted(MOODS))
def test_every_mood_makes_balanced_sound(mood: str) -> None:
    x = SynthMusic(SR).score([(mood, 3.0)], 0)
    assert -26 < db(rms(x)) < -16  # balanced around -20 dBFS RMS


def test_moods_sound_different() -> None:
    music = SynthMusic(SR)
    spectra = {}
    for mood in ("sad", "happy", "tense"):
        x = music.score([(mood, 3.0)], 0).mean(axis=1)
        spectra[mood] = np.abs(np.fft.rfft(x))[: SR // 2]
    assert np.corrcoef(spectra["sad"], spectra["happy"])[0, 1] < 0.9
    assert np.corrcoef(spectra["sad"], spectra["tense"])[0, 1] < 0.9


@pytest.mark.parametrize("rate", [SR, 48_000])
def test_segments_join_without_a_gap_or_a_click(rate: int) -> None:
    x = SynthMusic(rate).score([("sad", 3.0), ("happy", 3.0)], 5)[:, 0]
    block = rate // 50
    env = np.array([rms(x[i : i + block]) for i in range(0, x.size - block, block)])
    cut = 3 * 50
    around = env[cut - 10 : cut + 10]
    assert around.min() > 0.25 * np.median(env)  # no dip to silence at the cut
    steps = np.abs(np.diff(x))
    assert steps[3 * rate - 200 : 3 * rate + 200].max() <= steps.max() * 1.01  # no click larger than the music


def test_score_is_synthesised_low_and_delivered_at_48k() -> None:
    music = SynthMusic()  # 48 kHz out, 24 kHz synthesis
    x = music.score([("funny", 1.0), ("calm", 1.25)], 0)[:, 0]
    assert music.synth_rate == 24_000 and x.size == round(2.25 * 48_000)
    energy = np.abs(np.fft.rfft(x)) ** 2
    freqs = np.fft.rfftfreq(x.size, 1 / 48_000)
    assert energy[freqs > 12_000].sum() < 0.005 * energy.sum()  # upsampling adds next to nothing up there


def test_pan_is_constant_power() -> None:
    for pan in (-1.0, -0.3, 0.0, 0.5, 1.0):
        left, right = pan_gains(pan)
        assert left**2 + right**2 == pytest.approx(1.0)
    assert pan_gains(-1.0)[1] == pytest.approx(0.0, abs=1e-9) and pan_gains(0.0)[0] == pytest.approx(2**-0.5)


def test_silent_music_streams_nothing() -> None:
    assert list(SilentMusic(SR).stream([("sad", 1.5), ("calm", 2.0)], 0)) == []
    x = SilentMusic(SR).score([("sad", 1.5), ("calm", 2.0)], 0)
    assert x.shape == (round(3.5 * SR), 2) and not x.any()
