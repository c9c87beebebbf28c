"""The clip's sound: speech placed and panned, music ducked under it, mastered, in blocks.

``mix_to_wav`` makes the final stereo 16-bit WAV the composer encodes, in two passes over
``BLOCK_S`` blocks so memory does not grow with the clip's length:

1. mix: each block gets the music (streamed from the ``MusicMaker``, set ``MUSIC_UNDER_DB`` below
   the speech and ducked a further ``DUCK_DB`` around every ``SpeechSegment``) and the speech
   clips that overlap it, each at its speaker's place in the stereo field; the float32 mix goes to
   a scratch file and its peak is kept per ``LIMIT_BLOCK_S``;
2. master: ffmpeg's ebur128 measures the integrated loudness of the mix (BS.1770, K-weighted),
   then every block is brought to ``TARGET_LUFS`` and a look-ahead limiter keeps sample peaks under
   ``CEILING_DB`` (margin for the true peak and the AAC encoder, which the composer checks and
   corrects after encoding, see ``render/composer.py``).

The limiter takes loudness off the loud passages it holds down, more the higher the gain. The gain
is chosen so that the limited master lands on the target: ``limited_loss`` predicts that loss from
the mix's energy per limiter block (pass 1 keeps it) and the limiter's curve, through the gated
400 ms blocks of BS.1770 (unweighted: the loss is a ratio, the K-weighting mostly cancels). The
master itself is not measured again: the prediction lands within ebur128's 0.1 LU steps of the
target (10 mixes of real voice lines over every mood: -16.0 or -16.1 LUFS each), and the composer
measures the encoded clip anyway (``render/composer.py``: loudness and true peak of the decoded AAC,
corrected once when off), so a second run here cost ~0.1 core-s a minute of clip for nothing.
"""

from __future__ import annotations

import math
import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from render.audiometer import measure_loudness, speech_level_db
from render.music import pan_gains
from render.stages import SAMPLE_RATE, SpeechSegment

BLOCK_S = 1.0
TARGET_LUFS = -16.0
TRUE_PEAK_MAX_DB = -1.0  # what the delivered file must stay under (dBTP)
CEILING_DB = -2.0  # sample-peak ceiling of the master, under TRUE_PEAK_MAX_DB for inter-sample peaks
MUSIC_UNDER_DB = -6.0  # music level below the speech level, between lines
DUCK_DB = -12.0  # and further down while someone speaks
DUCK_ATTACK_S = 0.08  # the music starts going down this long before a line
DUCK_RELEASE_S = 0.45  # and comes back up over this long after it
LIMIT_BLOCK_S = 0.005
LIMIT_RELEASE_S = 0.08
SILENCE_LUFS = -60.0  # a mix quieter than this is left as it is
MUSIC_NOMINAL_DB = -20.0  # the level ``render.music`` balances each mood to (mono-equivalent RMS)


@dataclass(frozen=True)
class Placed:
    """A speech clip on the clip's timeline."""

    start: int  # first sample
    audio: np.ndarray  # mono float32 at SAMPLE_RATE
    pan: float = 0.0  # -1 left .. 1 right

    @property
    def end(self) -> int:
        return self.start + self.audio.size


def db(x: float) -> float:
    return float(10 ** (x / 20))


def duck_curve(times: np.ndarray, segments: list[tuple[float, float]], depth_db: float = DUCK_DB,
               attack_s: float = DUCK_ATTACK_S, release_s: float = DUCK_RELEASE_S) -> np.ndarray:
    """Music gain (linear) at ``times`` (seconds): ``depth_db`` during each segment, smooth ramps."""
    cover = np.zeros(times.size, dtype=np.float64)
    if times.size == 0:
        return cover.astype(np.float32) + 1
    lo, hi = float(times[0]), float(times[-1])
    for start, end in segments:
        if end + release_s < lo or start - attack_s > hi:
            continue
        rise = np.clip((times - (start - attack_s)) / attack_s, 0.0, 1.0)
        fall = np.clip(((end + release_s) - times) / release_s, 0.0, 1.0)
        cover = np.maximum(cover, np.minimum(rise, fall))
    cover = cover * cover * (3 - 2 * cover)  # smoothstep: no corners in the gain
    return np.power(10.0, depth_db * cover / 20).astype(np.float32)


def _blocks_of(stream: Iterator[np.ndarray], size: int, total: int) -> Iterator[np.ndarray]:
    """Re-cut a stream of (k, 2) blocks into ``size``-sample blocks, zero-padded to ``total``."""
    buf = np.zeros((0, 2), dtype=np.float32)
    sent = 0
    for block in stream:
        buf = np.concatenate([buf, block]) if buf.size else block
        while buf.shape[0] >= size and sent < total:
            take = min(size, total - sent)
            yield buf[:take]
            buf, sent = buf[take:], sent + take
    while sent < total:
        take = min(size, total - sent)
        out = np.zeros((take, 2), dtype=np.float32)
        have = min(take, buf.shape[0])
        out[:have] = buf[:have]
        buf = buf[have:]
        sent += take
        yield out


def mix_pass(raw: Path, n: int, speech: list[Placed], music: Iterator[np.ndarray] | None,
             segments: list[SpeechSegment], music_gain: float, sr: int = SAMPLE_RATE,
             energy: np.ndarray | None = None) -> np.ndarray:
    """Pass 1: the unmastered float32 stereo mix of ``n`` samples to ``raw``; peaks per limiter block
    (and, into ``energy`` when given, the sum of squares of both channels per limiter block)."""
    block = int(BLOCK_S * sr)
    limit_block = max(1, int(LIMIT_BLOCK_S * sr))
    spans = [(s.start, s.end) for s in segments]
    peaks = np.zeros(-(-n // limit_block), dtype=np.float32)
    placed = sorted(speech, key=lambda p: p.start)
    music_blocks = _blocks_of(music, block, n) if music is not None else None
    with raw.open("wb") as f:
        for at in range(0, n, block):
            size = min(block, n - at)
            mix = np.zeros((size, 2), dtype=np.float32)
            if music_blocks is not None:
                part = next(music_blocks)
                times = (at + np.arange(size, dtype=np.float64)) / sr
                mix += part * (duck_curve(times, spans) * music_gain)[:, None]
            for clip in placed:
                if clip.start >= at + size or clip.end <= at:
                    continue
                a, b = max(at, clip.start), min(at + size, clip.end)
                left, right = pan_gains(clip.pan)
                piece = clip.audio[a - clip.start : b - clip.start]
                mix[a - at : b - at, 0] += piece * left
                mix[a - at : b - at, 1] += piece * right
            mix.tofile(f)
            first = at // limit_block
            whole = size // limit_block * limit_block
            if whole:
                peaks[first : first + whole // limit_block] = np.abs(mix[:whole]).reshape(-1, limit_block * 2).max(1)
            if whole < size:
                peaks[first + whole // limit_block] = np.abs(mix[whole:]).max()
            if energy is not None:
                sq = np.square(mix, dtype=np.float64).sum(axis=1)
                if whole:
                    energy[first : first + whole // limit_block] = sq[:whole].reshape(-1, limit_block).sum(1)
                if whole < size:
                    energy[first + whole // limit_block] = sq[whole:].sum()
    return peaks


def gated_level(window_energy: np.ndarray) -> float:
    """BS.1770's gated mean (dB, unweighted) of 400 ms block energies (mean squares): blocks under
    -70 dB out, then blocks 10 dB under the mean of the rest out; -inf when nothing passes (pure)."""
    loud = window_energy[window_energy > 10 ** (-70 / 10)]
    if loud.size == 0:
        return -math.inf
    kept = loud[loud > loud.mean() * 10 ** (-10 / 10)]
    return 10 * math.log10(kept.mean())


def window_energies(energy: np.ndarray, block_gain: np.ndarray | None = None, sr: int = SAMPLE_RATE) -> np.ndarray:
    """Mean square of each 400 ms window, every 100 ms (the gating blocks of BS.1770), from the
    energy per limiter block, each block times ``block_gain`` squared when given (pure)."""
    e = energy if block_gain is None else energy * np.square(block_gain, dtype=np.float64)
    per = max(1, round(0.1 / LIMIT_BLOCK_S))  # limiter blocks in 100 ms
    width = min(4 * per, e.size)  # a clip under 400 ms is one window
    run = np.concatenate([[0.0], np.cumsum(e)])
    ends = np.arange(width, e.size + 1, per)
    return (run[ends] - run[ends - width]) / (2 * width * max(1, int(LIMIT_BLOCK_S * sr)))


def limited_loss(energy: np.ndarray, peaks: np.ndarray, gain_db: float, ceiling: float,
                 sr: int = SAMPLE_RATE) -> float:
    """The loudness (dB) the limiter takes off a mix at ``gain_db`` (pure, a prediction)."""
    before = gated_level(window_energies(energy, sr=sr))
    after = gated_level(window_energies(energy, limiter_gain(peaks, db(gain_db), ceiling, sr), sr))
    return before - after if math.isfinite(before) and math.isfinite(after) else 0.0


def gain_for(target_off: float, energy: np.ndarray, peaks: np.ndarray, ceiling: float,
             sr: int = SAMPLE_RATE) -> float:
    """The gain (dB) that lifts a mix by ``target_off`` dB once the limiter has taken its share:
    ``gain - limited_loss(gain) == target_off``, by a few fixed-point steps (pure)."""
    gain = target_off
    for _ in range(6):
        step = target_off + limited_loss(energy, peaks, gain, ceiling, sr) - gain
        gain += step
        if abs(step) < 0.02:
            break
    return gain


def limiter_gain(peaks: np.ndarray, gain: float, ceiling: float, sr: int = SAMPLE_RATE) -> np.ndarray:
    """Per-limiter-block gain (linear) keeping ``peaks * gain`` under ``ceiling``: a 10 ms look-ahead,
    instant attack and a ``LIMIT_RELEASE_S`` release (pure)."""
    need = np.minimum(1.0, ceiling / np.maximum(peaks.astype(np.float64) * gain, 1e-12))
    padded = np.concatenate([need, np.ones(2)])
    need = np.minimum.reduce([padded[k : k + need.size] for k in range(3)])  # reduction starts 2 blocks early
    out = np.empty_like(need)
    release = 1.0 - np.exp(-LIMIT_BLOCK_S / LIMIT_RELEASE_S)
    g = 1.0
    for i, want in enumerate(need.tolist()):
        g = want if want < g else g + (want - g) * release
        out[i] = g
    return out


def master_pass(raw: Path, wav: Path, n: int, gain: float, block_gain: np.ndarray, ceiling: float,
                sr: int = SAMPLE_RATE) -> None:
    """Pass 2: ``raw`` times ``gain`` and the limiter curve, as a 16-bit stereo WAV at ``wav``."""
    block = int(BLOCK_S * sr)
    limit_block = max(1, int(LIMIT_BLOCK_S * sr))
    centres = (np.arange(block_gain.size) + 0.5) * limit_block
    with raw.open("rb") as f, wave.open(str(wav), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(sr)
        for at in range(0, n, block):
            size = min(block, n - at)
            x = np.fromfile(f, dtype=np.float32, count=size * 2).reshape(size, 2)
            g = np.interp(np.arange(at, at + size, dtype=np.float64), centres, block_gain).astype(np.float32)
            y = np.clip(x * (g * gain)[:, None], -ceiling, ceiling)  # interpolation can overshoot a hair
            w.writeframes((y * 32767.0).astype("<i2").tobytes())


def mix_to_wav(wav: Path, scratch: Path, n: int, speech: list[Placed], music: Iterator[np.ndarray] | None,
               segments: list[SpeechSegment], ffmpeg: str, sr: int = SAMPLE_RATE,
               target_lufs: float = TARGET_LUFS, ceiling_db: float = CEILING_DB) -> float:
    """Mix and master ``n`` samples to ``wav`` (``scratch`` holds the float mix meanwhile); returns
    the gain applied in dB. Silence stays silence."""
    level = speech_level_db(p.audio for p in speech)
    music_gain = db(level + MUSIC_UNDER_DB - MUSIC_NOMINAL_DB) if np.isfinite(level) else 1.0
    energy = np.zeros(-(-n // max(1, int(LIMIT_BLOCK_S * sr))), dtype=np.float64)
    peaks = mix_pass(scratch, n, speech, music, segments, music_gain, sr, energy)
    measured = measure_loudness(scratch, ffmpeg, raw_rate=sr, raw_channels=2, true_peak=False).integrated
    ceiling = db(ceiling_db)
    if measured <= SILENCE_LUFS:
        gain_db = 0.0
    else:  # the gain that lands the limited master on the target
        gain_db = gain_for(target_lufs - measured, energy, peaks, ceiling, sr)
    master_pass(scratch, wav, n, db(gain_db), limiter_gain(peaks, db(gain_db), ceiling, sr), ceiling, sr)
    scratch.unlink(missing_ok=True)
    return gain_db
