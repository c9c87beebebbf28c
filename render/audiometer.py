"""Measuring sound: loudness and true peak (ffmpeg's ``ebur128``, ITU-R BS.1770) and where speech is.

``measure_loudness(path)`` runs ffmpeg's ebur128 filter on any file ffmpeg reads (an encoded MP4,
a WAV, or raw float32 with ``raw_rate``/``raw_channels``) and returns integrated loudness (LUFS),
true peak (dBTP) and loudness range. ``parse_ebur128`` is the pure part. ``speech_spans`` finds the
spoken stretches of a decoded track with an RMS gate (pauses shorter than ``bridge_s`` inside a
phrase count as speech); ``coverage`` and ``longest_gap`` summarise them; ``speech_level_db`` is the
voiced RMS level of speech clips (the narrator evens its lines with it, the mixer sets the music
under it). Tests and the bench measure clips with these; the composer uses ``measure_loudness`` to
check its own output.
"""

from __future__ import annotations

import math
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from petreel.errors import RenderFailed
from render.stages import SAMPLE_RATE

_I_RE = re.compile(r"Integrated loudness:\s*I:\s*(-?[\d.]+|-inf|nan) LUFS", re.S)
_LRA_RE = re.compile(r"Loudness range:\s*LRA:\s*(-?[\d.]+|nan) LU", re.S)
_TP_RE = re.compile(r"True peak:\s*Peak:\s*(-?[\d.]+|-inf|nan) dBFS", re.S)


@dataclass(frozen=True)
class Loudness:
    integrated: float  # LUFS; -inf for silence
    true_peak: float  # dBTP; -inf for silence
    lra: float = 0.0  # LU


def _num(text: str) -> float:
    return float(text) if text not in ("-inf", "nan") else -math.inf


def parse_ebur128(stderr: str, true_peak: bool = True) -> Loudness:
    """The summary that ``-af ebur128=peak=true`` prints at the end (pure); without ``true_peak``
    (the filter ran without ``peak=true``) there is no peak to read and it is -inf."""
    summary = stderr[stderr.rfind("Summary:"):]
    i, tp = _I_RE.search(summary), _TP_RE.search(summary)
    if i is None or (true_peak and tp is None):
        raise RenderFailed(f"no ebur128 summary in ffmpeg output: {stderr[-300:]}")
    lra = _LRA_RE.search(summary)
    return Loudness(_num(i[1]), _num(tp[1]) if tp else -math.inf, _num(lra[1]) if lra else 0.0)


def measure_loudness(path: Path, ffmpeg: str, raw_rate: int | None = None, raw_channels: int = 2,
                     true_peak: bool = True) -> Loudness:
    """Integrated loudness and true peak of ``path``'s first audio stream (its video is not
    decoded). ``true_peak=False`` skips the 4x oversampled peak scan, most of the filter's CPU,
    when only the loudness is wanted; ``true_peak`` is then -inf."""
    source = ["-f", "f32le", "-ar", str(raw_rate), "-ac", str(raw_channels)] if raw_rate else []
    peak = ":peak=true" if true_peak else ""
    cmd = [ffmpeg, "-hide_banner", "-nostats", "-vn", *source, "-i", str(path), "-map", "0:a:0",
           "-af", f"ebur128=framelog=quiet{peak}", "-f", "null", "-"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise RenderFailed(f"loudness measurement failed: {done.stderr[-400:]}")
    return parse_ebur128(done.stderr, true_peak)


def decode_audio(path: Path, ffmpeg: str, sample_rate: int = 16_000, channels: int = 1) -> np.ndarray:
    """The audio track of ``path`` decoded to float32 (n,) or (n, channels)."""
    cmd = [ffmpeg, "-hide_banner", "-loglevel", "error", "-i", str(path), "-map", "0:a:0", "-f", "f32le",
           "-ac", str(channels), "-ar", str(sample_rate), "-"]
    pcm = subprocess.run(cmd, capture_output=True, timeout=300, check=True).stdout
    audio = np.frombuffer(pcm, dtype="<f4")
    return audio if channels == 1 else audio.reshape(-1, channels)


def speech_spans(audio: np.ndarray, sample_rate: int, threshold_db: float = -45.0, frame_s: float = 0.02,
                 bridge_s: float = 0.25) -> list[tuple[float, float]]:
    """(start, end) seconds where the track is above ``threshold_db`` RMS, pauses < ``bridge_s`` bridged."""
    mono = audio if audio.ndim == 1 else audio.mean(axis=1)
    frame = max(1, int(frame_s * sample_rate))
    n = mono.size // frame
    if n == 0:
        return []
    rms = np.sqrt(np.mean(np.square(mono[: n * frame].reshape(n, frame), dtype=np.float64), axis=1))
    on = rms > 10 ** (threshold_db / 20)
    spans: list[tuple[float, float]] = []
    edges = np.flatnonzero(np.diff(np.concatenate([[0], on.astype(np.int8), [0]])))
    for a, b in zip(edges[::2], edges[1::2], strict=True):
        start, end = a * frame_s, b * frame_s
        if spans and start - spans[-1][1] < bridge_s:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def coverage(spans: list[tuple[float, float]], total_s: float) -> float:
    """Fraction of ``total_s`` inside ``spans``."""
    return sum(b - a for a, b in spans) / total_s if total_s > 0 else 0.0


def longest_gap(spans: list[tuple[float, float]], total_s: float) -> float:
    """Longest stretch of ``total_s`` outside ``spans`` (the start and end of the clip included)."""
    edges = [0.0, *(t for span in spans for t in span), total_s]
    return max(b - a for a, b in zip(edges[::2], edges[1::2], strict=True))


def speech_level_db(clips: Iterable[np.ndarray], sr: int = SAMPLE_RATE, frame_s: float = 0.05) -> float:
    """Power-average RMS (dBFS) of the voiced frames of ``clips``; -inf when nothing is voiced."""
    frame = int(frame_s * sr)
    power, count = 0.0, 0
    for clip in clips:
        n = clip.size // frame
        if n == 0:
            continue
        ms = np.mean(np.square(clip[: n * frame].reshape(n, frame), dtype=np.float64), axis=1)
        voiced = ms[ms > 10 ** (-50 / 10)]
        power += float(voiced.sum())
        count += voiced.size
    return 10 * float(np.log10(power / count)) if count else float("-inf")
