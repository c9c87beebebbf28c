"""Mood music synthesised with numpy, in stereo, streamed scene by scene.

``SynthMusic.stream`` follows the scenes' (mood, seconds) segments: each mood has a key, tempo,
chord progression and instrument (sad minor pads, tense pulses, triumphant brass, happy plucks,
funny staccato, calm pads with bells...), seeded so a render is reproducible, and neighbouring
segments are joined with short equal-power crossfades centred on the scene cut. Each instrument
has its place in the stereo field. Music is made one segment at a time and handed out in blocks
(float32, (n, 2), ``SAMPLE_RATE``), so memory stays the same however long the clip is; ``score``
joins the blocks (for tests and short clips). Ducking and the loudness master are in
``render/mixer.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import numpy as np

from render.stages import SAMPLE_RATE

Timbre = Literal["pad", "pluck", "brass", "bass", "stab", "bell", "thump"]

SEGMENT_XFADE_S = 0.5
SYNTH_RATE = 24_000
MUSIC_RMS_DB = -20.0  # level each mood segment is balanced to before the mix
# stereo position per instrument (-1 left .. 1 right); pads and plucks alternate sides per note
_PAN: dict[str, float] = {"pad": 0.45, "pluck": 0.3, "brass": 0.15, "bass": 0.0, "stab": -0.25, "bell": 0.5,
                          "thump": 0.0}
_ALTERNATE = {"pad", "pluck", "bell"}

_MAJOR = (0, 4, 7)
_MINOR = (0, 3, 7)


@dataclass(frozen=True)
class MoodSpec:
    root: int  # MIDI note of the key's tonic (bass register is an octave below)
    bpm: float
    chords: tuple[tuple[int, tuple[int, ...]], ...]  # (semitones above root, chord shape) per bar
    lead: Timbre  # the instrument carrying the harmony
    rhythm: Literal["sustain", "eighths", "arpeggio", "staccato", "march"]
    beats_per_chord: int = 4
    level_db: float = 0.0  # relative loudness of the mood
    sparkle: bool = False  # high bell notes now and then


MOODS: dict[str, MoodSpec] = {
    "sad": MoodSpec(57, 66, ((0, _MINOR), (8, _MAJOR), (3, _MAJOR), (10, _MAJOR)), "pad", "sustain", level_db=-2),
    "tense": MoodSpec(50, 104, ((0, _MINOR), (0, _MINOR), (1, _MAJOR), (0, _MINOR)), "stab", "eighths"),
    "happy": MoodSpec(60, 112, ((0, _MAJOR), (7, _MAJOR), (9, _MINOR), (5, _MAJOR)), "pluck", "arpeggio",
                      sparkle=True),
    "triumphant": MoodSpec(62, 96, ((0, _MAJOR), (5, _MAJOR), (7, _MAJOR), (0, _MAJOR)), "brass", "march",
                           level_db=1),
    "funny": MoodSpec(65, 132, ((0, _MAJOR), (9, _MINOR), (2, _MINOR), (7, _MAJOR)), "pluck", "staccato"),
    "calm": MoodSpec(55, 72, ((0, (0, 4, 7, 11)), (5, (0, 4, 7, 11))), "pad", "sustain", 8, -3, sparkle=True),
    "dramatic": MoodSpec(48, 80, ((0, _MINOR), (8, _MAJOR), (5, _MINOR), (7, _MAJOR)), "brass", "sustain"),
    "romantic": MoodSpec(63, 70, ((0, _MAJOR), (9, _MINOR), (5, _MAJOR), (7, _MAJOR)), "pad", "arpeggio",
                         level_db=-2),
}


def midi_hz(note: float) -> float:
    return float(440.0 * 2.0 ** ((note - 69) / 12))


def _db(x: float) -> float:
    return float(10 ** (x / 20))


# ---------------------------------------------------------------------------------------------- notes


def synth_note(freq: float, dur: float, timbre: Timbre, sr: int = SAMPLE_RATE) -> np.ndarray:
    """One note (including its release tail) as float32, roughly unit peak."""
    release = {"pad": 0.8, "brass": 0.25, "pluck": 0.6, "bass": 0.2, "stab": 0.08, "bell": 1.2, "thump": 0.3}[timbre]
    n = max(1, int((dur + release) * sr))
    t = np.arange(n, dtype=np.float32) / sr
    if timbre == "thump":  # timpani-ish: falling sine with a fast decay
        phase = 2 * np.pi * (freq * t + 12.0 * (1 - np.exp(-t * 18)) / 18)
        return (np.sin(phase) * np.exp(-t * 7)).astype(np.float32)
    if timbre == "bell":
        partials = ((1.0, 1.0, 2.2), (2.76, 0.4, 4.0), (5.4, 0.2, 7.0))
        out = sum((a * np.sin(2 * np.pi * freq * r * t) * np.exp(-t * d) for r, a, d in partials),
                  start=np.zeros(n, dtype=np.float32))
        return (out * 0.6).astype(np.float32)
    phase = 2 * np.pi * freq * t.astype(np.float64)
    if timbre in ("brass", "pad"):  # vibrato: the analytic integral of 1 + depth * sin(rate t)
        rate, depth = (5.0, 0.003) if timbre == "brass" else (0.3, 0.002)
        w = 2 * np.pi * rate
        phase -= 2 * np.pi * freq * depth / w * np.cos(w * t + freq % 6.28)
    s1, c2 = np.sin(phase).astype(np.float32), 2 * np.cos(phase).astype(np.float32)
    harmonics = {"pad": 4, "brass": 8, "pluck": 6, "bass": 2, "stab": 5}[timbre]
    out = np.zeros(n, dtype=np.float32)
    prev, cur = np.zeros(n, dtype=np.float32), s1
    if timbre == "pluck":  # higher partials die faster: exp(-t (2.5 + 1.5 h)) built up by products
        step = np.exp(-1.5 * t)
        decay = np.exp(-2.5 * t)
    for h in range(1, harmonics + 1):  # sin(h x) by the Chebyshev recurrence, no extra sin() calls
        if freq * h > sr * 0.45:
            break
        amp = 1.0 / h ** (0.9 if timbre == "brass" else 1.3)
        if timbre == "pluck":
            decay *= step
            out += cur * decay * amp
        else:
            out += cur * amp
        prev, cur = cur, c2 * cur - prev
    if timbre == "pad":  # a second detuned voice for width
        out += 0.6 * np.sin(phase * 1.004 + 1.0).astype(np.float32)
    return (out * _adsr(timbre, dur, n, sr)).astype(np.float32)


def _adsr(timbre: Timbre, dur: float, n: int, sr: int) -> np.ndarray:
    attack, decay, sustain, release = {
        "pad": (0.45, 0.3, 0.8, 0.8), "brass": (0.06, 0.15, 0.75, 0.25), "pluck": (0.004, 0.05, 1.0, 0.3),
        "bass": (0.01, 0.2, 0.6, 0.2), "stab": (0.005, 0.06, 0.35, 0.08),
    }[timbre]
    t = np.arange(n, dtype=np.float32) / sr
    env = np.where(t < attack, t / attack, sustain + (1 - sustain) * np.exp(-(t - attack) / decay))
    tail = np.clip((t - dur) / release, 0.0, 1.0)
    return (env * (1.0 - tail) ** 2).astype(np.float32)


# ---------------------------------------------------------------------------------------------- score


def pan_gains(pan: float) -> tuple[float, float]:
    """Constant-power (left, right) gains for ``pan`` in [-1, 1]; the centre is 1/sqrt(2) each."""
    angle = (min(1.0, max(-1.0, pan)) + 1.0) * np.pi / 4
    return float(np.cos(angle)), float(np.sin(angle))


def _render_segment(spec: MoodSpec, seconds: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    """One mood segment, stereo (n, 2) float32, balanced to ``MUSIC_RMS_DB`` + the mood's level."""
    n = int(seconds * sr)
    buf = np.zeros((n + int(2.0 * sr), 2), dtype=np.float32)  # room for release tails
    beat = 60.0 / spec.bpm
    chord_s = beat * spec.beats_per_chord
    inversion = int(rng.integers(0, 3))
    start_chord = int(rng.integers(0, len(spec.chords)))
    notes: list[tuple[float, float, float, Timbre, float]] = []  # start, dur, freq, timbre, gain
    t0, k = 0.0, 0
    while t0 < seconds:
        offset, shape = spec.chords[(start_chord + k) % len(spec.chords)]
        tones = [spec.root + offset + iv + (12 if i < inversion else 0) for i, iv in enumerate(shape)]
        tones = sorted(m - 12 if m > spec.root + 16 else m for m in tones)  # keep the voicing close
        bass = spec.root - 12 + offset
        notes.append((t0, chord_s * 0.95, midi_hz(bass), "bass", 0.7))
        if spec.rhythm == "sustain":
            notes += [(t0, chord_s, midi_hz(m), spec.lead, 0.5) for m in tones]
        elif spec.rhythm == "eighths":
            for j in range(spec.beats_per_chord * 2):
                notes.append((t0 + j * beat / 2, beat * 0.3, midi_hz(bass + 12), "stab", 0.6 if j % 2 else 0.9))
            notes += [(t0, chord_s, midi_hz(m), "pad", 0.25) for m in tones]
            notes.append((t0, 0.1, midi_hz(bass - 12), "thump", 0.8))
        elif spec.rhythm == "arpeggio":
            order = list(tones) + [tones[0] + 12]
            if rng.random() < 0.5:
                order = order + order[-2:0:-1]
            for j in range(spec.beats_per_chord * 2):
                notes.append((t0 + j * beat / 2, beat * 0.45, midi_hz(order[j % len(order)] + 12), spec.lead, 0.55))
            notes += [(t0, chord_s, midi_hz(m), "pad", 0.2) for m in tones]
        elif spec.rhythm == "staccato":
            for j in range(spec.beats_per_chord):
                notes.append((t0 + j * beat, beat * 0.15, midi_hz(bass if j % 2 == 0 else bass + 7), "bass", 0.8))
                note = tones[int(rng.integers(0, len(tones)))] + 12
                notes.append((t0 + j * beat + beat / 2, beat * 0.12, midi_hz(note), "pluck", 0.6))
        elif spec.rhythm == "march":
            notes += [(t0, chord_s * 0.9, midi_hz(m), spec.lead, 0.45) for m in tones]
            for j in range(spec.beats_per_chord):
                notes.append((t0 + j * beat, beat * 0.4, midi_hz(bass + 12), "brass", 0.35 if j % 2 else 0.5))
            notes.append((t0, 0.2, midi_hz(bass - 12), "thump", 0.9))
        if spec.sparkle and rng.random() < 0.6:
            at = t0 + beat * int(rng.integers(0, spec.beats_per_chord))
            notes.append((at, beat, midi_hz(tones[int(rng.integers(0, len(tones)))] + 24), "bell", 0.25))
        t0 += chord_s
        k += 1
    cache: dict[tuple[float, float, str], np.ndarray] = {}
    for index, (start, dur, freq, timbre, gain) in enumerate(notes):
        i = int(start * sr)
        if i >= n:
            continue
        key = (round(freq, 3), round(dur, 4), timbre)
        if key not in cache:
            cache[key] = synth_note(freq, dur, timbre, sr)
        wave_ = cache[key]
        j = min(n + int(2.0 * sr), i + wave_.size)
        pan = _PAN[timbre] * (-1 if timbre in _ALTERNATE and index % 2 else 1)
        left, right = pan_gains(pan)
        buf[i:j, 0] += wave_[: j - i] * (gain * left)
        buf[i:j, 1] += wave_[: j - i] * (gain * right)
    seg = buf[:n]
    rms = float(np.sqrt(np.mean(np.square(seg, dtype=np.float64)) * 2)) if n else 0.0  # as mono power
    if rms > 1e-9:
        seg *= _db(MUSIC_RMS_DB + spec.level_db) / rms
    return seg


class _Upsampler:
    """Linear-interpolation resampling of a stream of (n, 2) blocks by ``ratio`` (out/in)."""

    def __init__(self, ratio: float) -> None:
        self.step = 1.0 / ratio  # input samples per output sample
        self.buf = np.zeros((0, 2), dtype=np.float32)
        self.buf_start = 0  # input index of buf[0]
        self.out_pos = 0  # next output index

    def _take(self, upto: int) -> np.ndarray:
        """Output samples ``out_pos`` .. ``upto`` (exclusive) from what is buffered."""
        if upto <= self.out_pos:
            return np.zeros((0, 2), dtype=np.float32)
        pos = np.arange(self.out_pos, upto, dtype=np.float64) * self.step - self.buf_start
        idx = np.arange(self.buf.shape[0], dtype=np.float64)
        out = np.empty((pos.size, 2), dtype=np.float32)
        for ch in (0, 1):
            out[:, ch] = np.interp(pos, idx, self.buf[:, ch])
        self.out_pos = upto
        drop = max(0, int(self.out_pos * self.step) - self.buf_start - 1)
        self.buf, self.buf_start = self.buf[drop:], self.buf_start + drop
        return out

    def push(self, block: np.ndarray) -> np.ndarray:
        self.buf = np.concatenate([self.buf, block.astype(np.float32)]) if self.buf.size else block
        available = self.buf_start + self.buf.shape[0] - 1  # the last input sample needs its successor
        return self._take(int(np.ceil(available / self.step)))

    def flush(self, total_out: int) -> np.ndarray:
        return self._take(total_out)


class SynthMusic:
    """Implements ``render.stages.MusicMaker``."""

    def __init__(self, sample_rate: int = SAMPLE_RATE, xfade_s: float = SEGMENT_XFADE_S,
                 synth_rate: int = SYNTH_RATE) -> None:
        self.sample_rate = sample_rate
        self.xfade_s = xfade_s
        # the instruments stay under ~8 kHz: synthesise at a lower rate, then upsample
        self.synth_rate = min(sample_rate, synth_rate)

    def stream(self, moods: list[tuple[str, float]], seed: int) -> Iterator[np.ndarray]:
        """Stereo (n, 2) float32 blocks at ``sample_rate``, round(total seconds * rate) samples in all."""
        sr = self.synth_rate
        total = round(sum(s for _, s in moods) * sr)
        total_out = round(sum(s for _, s in moods) * self.sample_rate)
        xf = int(self.xfade_s * sr)
        half = xf // 2
        up = _Upsampler(self.sample_rate / sr) if sr != self.sample_rate else None
        pending = np.zeros((0, 2), dtype=np.float32)  # synth-rate samples from pending_start on
        pending_start = 0
        start = 0.0
        for i, (mood, seconds) in enumerate(moods):
            spec = MOODS.get(mood, MOODS["calm"])
            rng = np.random.default_rng([seed & 0xFFFFFFFF, i])
            last = i == len(moods) - 1
            a = round(start * sr) - (half if i > 0 else 0)
            b = min(total, round((start + seconds) * sr) + (0 if last else half))
            seg = _render_segment(spec, (b - a) / sr, sr, rng)[: b - a]
            # equal-power fades over the crossfade zone centred on the scene cut
            if i > 0 and xf:
                seg[:xf] *= np.sin(np.linspace(0, np.pi / 2, xf, dtype=np.float32))[:, None]
            if not last and xf:
                seg[-xf:] *= np.cos(np.linspace(0, np.pi / 2, xf, dtype=np.float32))[:, None]
            grow = b - pending_start - pending.shape[0]
            if grow > 0:
                pending = np.concatenate([pending, np.zeros((grow, 2), dtype=np.float32)])
            pending[a - pending_start : a - pending_start + seg.shape[0]] += seg
            start += seconds
            # everything before the next segment's fade-in is final
            done = total if last else min(total, round(start * sr) - half)
            cut = max(0, done - pending_start)
            block, pending, pending_start = pending[:cut], pending[cut:], pending_start + cut
            if block.shape[0]:
                yield block if up is None else up.push(block)
        if up is not None:
            tail = up.flush(total_out)
            if tail.shape[0]:
                yield tail

    def score(self, moods: list[tuple[str, float]], seed: int) -> np.ndarray:
        """The whole score as one (n, 2) array (tests, short clips)."""
        blocks = list(self.stream(moods, seed))
        return np.concatenate(blocks) if blocks else np.zeros((0, 2), dtype=np.float32)


class SilentMusic:
    """``MusicMaker`` used when music is switched off: no blocks at all (the mixer adds nothing)."""

    def __init__(self, sample_rate: int = SAMPLE_RATE) -> None:
        self.sample_rate = sample_rate

    def stream(self, moods: list[tuple[str, float]], seed: int) -> Iterator[np.ndarray]:
        return iter(())

    def score(self, moods: list[tuple[str, float]], seed: int) -> np.ndarray:
        return np.zeros((round(sum(s for _, s in moods) * self.sample_rate), 2), dtype=np.float32)
