"""Mixing and mastering in blocks: ducking, panning, limiter, loudness; the audio meter."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from render.audiometer import Loudness, coverage, longest_gap, measure_loudness, parse_ebur128, speech_spans
from render.composer import ffmpeg_exe, loudness_correction
from render.mixer import (
    CEILING_DB,
    DUCK_DB,
    LIMIT_BLOCK_S,
    Placed,
    duck_curve,
    gated_level,
    limited_loss,
    limiter_gain,
    master_pass,
    mix_pass,
    mix_to_wav,
)
from render.mixer import db as db_gain
from render.music import SynthMusic
from render.stages import SAMPLE_RATE, SpeechSegment

SR = SAMPLE_RATE


def db(x: float) -> float:
    return float(20 * np.log10(max(x, 1e-12)))


def voice(seconds: float, hz: float = 180.0, amp: float = 0.6) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    return (amp * np.sin(2 * np.pi * hz * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 4 * t))).astype(np.float32)


def read_wav(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (2, 2, SR)
        return np.frombuffer(w.readframes(w.getnframes()), "<i2").reshape(-1, 2).astype(np.float32) / 32768


def test_duck_curve_is_down_under_speech_and_smooth() -> None:
    t = np.arange(0, 6, 1 / 1000)
    gain = duck_curve(t, [(2.0, 4.0)])
    assert db(gain[3000]) == pytest.approx(DUCK_DB, abs=0.01)
    assert db(gain[500]) == pytest.approx(0, abs=0.01) and db(gain[5500]) == pytest.approx(0, abs=0.01)
    assert db(gain[2000]) < DUCK_DB / 2  # already well down when the line starts
    assert np.abs(np.diff(gain)).max() < 0.02  # no zipper steps
    # blocks computed apart agree with the whole curve (the mixer works block by block)
    assert np.array_equal(np.concatenate([duck_curve(t[:2500], [(2.0, 4.0)]), duck_curve(t[2500:], [(2.0, 4.0)])]),
                          gain)


def test_limiter_gain_holds_peaks_under_the_ceiling_ahead_of_time() -> None:
    peaks = np.full(400, 0.3, np.float32)
    peaks[200] = 2.0  # one loud 5 ms block
    g = limiter_gain(peaks, gain=1.0, ceiling=0.5)
    assert g[200] * 2.0 <= 0.5 + 1e-9 and g[198] <= g[197]  # down before the peak (look-ahead)
    assert g[0] == 1.0 and g[-1] > 0.99  # released again


def test_mix_masters_to_minus_16_lufs_in_stereo(tmp_path: Path) -> None:
    n = 8 * SR
    speech = [Placed(int(0.1 * SR), voice(3.0), 0.0), Placed(int(4.0 * SR), voice(3.0, 260.0), 0.3)]
    segments = [SpeechSegment(0, 0.1, 3.1, "narrator", "a"), SpeechSegment(1, 4.0, 7.0, "hero", "b")]
    music = SynthMusic().stream([("happy", 4.0), ("tense", 4.0)], 1)
    out = tmp_path / "mix.wav"
    mix_to_wav(out, tmp_path / "mix.f32", n, speech, music, segments, ffmpeg_exe())
    assert not (tmp_path / "mix.f32").exists()
    x = read_wav(out)
    assert x.shape == (n, 2)
    level = measure_loudness(out, ffmpeg_exe())
    assert level.integrated == pytest.approx(-16.0, abs=0.5)
    assert np.abs(x).max() <= 10 ** (CEILING_DB / 20) + 1e-3
    narrator, hero = x[int(1 * SR) : int(3 * SR)], x[int(4.5 * SR) : int(6.5 * SR)]
    lr = np.sqrt((narrator**2).mean(axis=0))
    assert lr[0] == pytest.approx(lr[1], rel=0.1)  # the narrator in the middle
    hr = np.sqrt((hero**2).mean(axis=0))
    assert hr[1] > 1.3 * hr[0]  # the hero a little to the right


def test_silence_stays_silence(tmp_path: Path) -> None:
    out = tmp_path / "mix.wav"
    assert mix_to_wav(out, tmp_path / "m.f32", SR, [], iter(()), [], ffmpeg_exe()) == 0.0
    assert not read_wav(out).any()


def test_parse_ebur128_summary() -> None:
    text = """[Parsed_ebur128_0 @ 0x1] Summary:

  Integrated loudness:
    I:         -16.3 LUFS
    Threshold: -26.4 LUFS

  Loudness range:
    LRA:         5.1 LU

  True peak:
    Peak:       -1.4 dBFS"""
    assert parse_ebur128(text) == Loudness(-16.3, -1.4, 5.1)
    silent = text.replace("-16.3", "-70.0").replace("-1.4 dBFS", "-inf dBFS")
    assert parse_ebur128(silent).true_peak == float("-inf")


def test_loudness_correction_after_encoding() -> None:
    assert loudness_correction(Loudness(-16.2, -1.5)) is None
    assert loudness_correction(Loudness(-16.1, -0.6)) == pytest.approx(-0.6)  # true peak wins
    assert loudness_correction(Loudness(-17.0, -3.0)) == pytest.approx(1.0)
    assert loudness_correction(Loudness(-17.0, -1.5)) == pytest.approx(0.3)  # never over the peak limit
    assert loudness_correction(Loudness(-70.0, float("-inf"))) is None  # a silent track is left alone


def test_speech_spans_bridge_short_pauses_only() -> None:
    sr = 16_000
    x = np.zeros(6 * sr, np.float32)
    for a, b in ((0.5, 1.5), (1.65, 2.5), (3.5, 5.0)):  # a 0.15 s pause, then a 1 s silence
        x[int(a * sr) : int(b * sr)] = 0.3
    spans = speech_spans(x, sr)
    assert [(round(a, 2), round(b, 2)) for a, b in spans] == [(0.5, 2.5), (3.5, 5.0)]
    assert coverage(spans, 6.0) == pytest.approx(3.5 / 6)
    assert longest_gap(spans, 6.0) == pytest.approx(1.0)


def loud_mix(seconds: float = 8.0) -> tuple[int, list[Placed], list[SpeechSegment]]:
    """Speech with peaks far over its level (the limiter has work at -16 LUFS) over music."""
    n = int(seconds * SR)
    t = np.arange(int(3.0 * SR)) / SR
    bursty = (0.15 * np.sin(2 * np.pi * 200 * t) * (1 + 5 * (np.sin(2 * np.pi * 3 * t) > 0.95))).astype(np.float32)
    speech = [Placed(int(0.5 * SR), bursty, -0.2), Placed(int(4.5 * SR), voice(3.0, 240.0, 0.3), 0.3)]
    segments = [SpeechSegment(0, 0.5, 3.5, "narrator", "a"), SpeechSegment(1, 4.5, 7.5, "hero", "b")]
    return n, speech, segments


def test_the_limiters_loss_is_predicted_from_the_mix(tmp_path: Path) -> None:
    # what the limiter takes off, measured by ebur128 on two masters (limited and not), is what
    # limited_loss predicts from the mix's block energies and peaks
    n, speech, segments = loud_mix()
    raw = tmp_path / "mix.f32"
    energy = np.zeros(-(-n // int(LIMIT_BLOCK_S * SR)))
    peaks = mix_pass(raw, n, speech, SynthMusic().stream([("tense", 8.0)], 3), segments, 0.3, SR, energy)
    gain, ceiling = db_gain(8.0), 10 ** (CEILING_DB / 20)
    limited = tmp_path / "limited.wav"
    master_pass(raw, limited, n, gain, limiter_gain(peaks, gain, ceiling), ceiling)
    unlimited = measure_loudness(raw, ffmpeg_exe(), raw_rate=SR, true_peak=False).integrated + 8.0
    measured = unlimited - measure_loudness(limited, ffmpeg_exe(), true_peak=False).integrated
    predicted = limited_loss(energy, peaks, 8.0, ceiling)
    assert measured > 0.5  # the limiter bites
    assert predicted == pytest.approx(measured, abs=0.15)  # ebur128 prints 0.1 LU steps


def test_the_master_lands_on_the_target_in_one_measurement(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import render.mixer

    runs: list[Path] = []

    def counted(path: Path, *args: object, **kwargs: object) -> Loudness:
        runs.append(path)
        return measure_loudness(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(render.mixer, "measure_loudness", counted)
    n, speech, segments = loud_mix()
    out = tmp_path / "mix.wav"
    mix_to_wav(out, tmp_path / "mix.f32", n, speech, SynthMusic().stream([("tense", 8.0)], 3), segments, ffmpeg_exe())
    assert len(runs) == 1  # the mix only: the gain is predicted, the master not measured again
    assert measure_loudness(out, ffmpeg_exe(), true_peak=False).integrated == pytest.approx(-16.0, abs=0.25)


def test_gated_level_drops_silence_and_quiet_blocks() -> None:
    loud = np.full(10, 0.01)  # -20 dB mean square
    assert gated_level(np.concatenate([loud, np.full(5, 1e-9)])) == pytest.approx(-20.0)  # under -70: out
    assert gated_level(np.concatenate([loud, np.full(10, 1e-4)])) == pytest.approx(-20.0)  # 20 dB under: out
    assert gated_level(np.full(3, 1e-9)) == -np.inf
