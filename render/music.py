"""Mood music synthesised with numpy, sidechain ducking and the final loudness master.

``SynthMusic.score`` follows the scenes' (mood, seconds) segments: each mood has a key, tempo,
chord progression and instrument (sad minor pads, tense pulses, triumphant brass, happy plucks,
funny staccato, calm pads with bells...), seeded so a render is reproducible, and neighbouring
segments are joined with short equal-power crossfades centred on the scene cut.

``duck`` lowers music under speech (about -12 dB, smooth attack/release, a little look-ahead);
``master`` brings the mix to about -16 LUFS (ungated-K "LUFS-ish": 400 ms blocks, absolute and
relative gates, no K-weighting) and limits peaks below -1 dBFS so nothing clips.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from render.stages import SAMPLE_RATE, fit_samples

Timbre = Literal["pad", "pluck", "brass", "bass", "stab", "bell", "thump"]

SEGMENT_XFADE_S = 0.5
SYNTH_RATE = 24_000
MUSIC_RMS_DB = -20.0  # level each mood segment is balanced to before the mix
_BLOCK_S = 0.010  # control rate for envelopes and gain curves

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


def _render_segment(spec: MoodSpec, seconds: float, sr: int, rng: np.random.Generator) -> np.ndarray:
    n = int(seconds * sr)
    buf = np.zeros(n + int(2.0 * sr), dtype=np.float32)  # room for release tails
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
    for start, dur, freq, timbre, gain in notes:
        i = int(start * sr)
        if i >= n:
            continue
        key = (round(freq, 3), round(dur, 4), timbre)
        if key not in cache:
            cache[key] = synth_note(freq, dur, timbre, sr)
        wave_ = cache[key] * gain
        j = min(buf.size, i + wave_.size)
        buf[i:j] += wave_[: j - i]
    seg = buf[:n]
    rms = float(np.sqrt(np.mean(seg.astype(np.float64) ** 2))) if n else 0.0
    if rms > 1e-9:
        seg = seg * (_db(MUSIC_RMS_DB + spec.level_db) / rms)
    return seg.astype(np.float32)


class SynthMusic:
    """Implements ``render.stages.MusicMaker``."""

    def __init__(self, sample_rate: int = SAMPLE_RATE, xfade_s: float = SEGMENT_XFADE_S,
                 synth_rate: int = SYNTH_RATE) -> None:
        self.sample_rate = sample_rate
        self.xfade_s = xfade_s
        # the instruments stay under ~8 kHz: synthesise at a lower rate, then upsample
        self.synth_rate = min(sample_rate, synth_rate)

    def score(self, moods: list[tuple[str, float]], seed: int) -> np.ndarray:
        sr = self.synth_rate
        total = round(sum(s for _, s in moods) * sr)
        out = np.zeros(total, dtype=np.float32)
        xf = int(self.xfade_s * sr)
        half = xf // 2
        start = 0.0
        for i, (mood, seconds) in enumerate(moods):
            spec = MOODS.get(mood, MOODS["calm"])
            rng = np.random.default_rng([seed & 0xFFFFFFFF, i])
            a = round(start * sr) - (half if i > 0 else 0)
            b = min(total, round((start + seconds) * sr) + (half if i < len(moods) - 1 else 0))
            seg = _render_segment(spec, (b - a) / sr, sr, rng)[: b - a]
            # equal-power fades over the crossfade zone centred on the scene cut
            if i > 0:
                seg[:xf] *= np.sin(np.linspace(0, np.pi / 2, xf, dtype=np.float32)) if xf else 1
            if i < len(moods) - 1 and xf:
                seg[-xf:] *= np.cos(np.linspace(0, np.pi / 2, xf, dtype=np.float32))
            out[a : a + seg.size] += seg
            start += seconds
        if sr == self.sample_rate:
            return out
        n = round(sum(s for _, s in moods) * self.sample_rate)
        return np.interp(np.arange(n) * (sr / self.sample_rate), np.arange(out.size), out).astype(np.float32)


class SilentMusic:
    """``MusicMaker`` used when music is switched off."""

    def __init__(self, sample_rate: int = SAMPLE_RATE) -> None:
        self.sample_rate = sample_rate

    def score(self, moods: list[tuple[str, float]], seed: int) -> np.ndarray:
        return np.zeros(round(sum(s for _, s in moods) * self.sample_rate), dtype=np.float32)


# ---------------------------------------------------------------------------------------------- mixing


def _block_values(x: np.ndarray, block: int, how: Literal["rms", "peak"]) -> np.ndarray:
    n = -(-x.size // block)
    padded = np.zeros(n * block, dtype=np.float32)
    padded[: x.size] = x
    blocks = padded.reshape(n, block)
    if how == "rms":
        return np.asarray(np.sqrt(np.mean(blocks.astype(np.float64) ** 2, axis=1)))
    return np.asarray(np.max(np.abs(blocks), axis=1), dtype=np.float64)


def _smooth(target: np.ndarray, down_s: float, up_s: float, block_s: float) -> np.ndarray:
    """One-pole smoothing with separate time constants for falling and rising values."""
    down = 1.0 - np.exp(-block_s / max(down_s, 1e-6))
    up = 1.0 - np.exp(-block_s / max(up_s, 1e-6))
    out = np.empty_like(target)
    g = float(target[0]) if target.size else 1.0
    for i, want in enumerate(target.tolist()):
        g += (want - g) * (down if want < g else up)
        out[i] = g
    return out


def _per_sample(gain_blocks: np.ndarray, n: int, block: int) -> np.ndarray:
    centres = (np.arange(gain_blocks.size) + 0.5) * block
    return np.interp(np.arange(n), centres, gain_blocks).astype(np.float32)


def duck_gain(narration: np.ndarray, sr: int = SAMPLE_RATE, depth_db: float = 12.0, attack_s: float = 0.05,
              release_s: float = 0.35, threshold_db: float = -38.0, hold_s: float = 0.25) -> np.ndarray:
    """Per-sample gain (linear) for the music: ``-depth_db`` while speech is present."""
    block = max(1, int(sr * _BLOCK_S))
    env = _block_values(narration, block, "rms")
    speech = env > _db(threshold_db)
    # hold across short pauses between words and look ahead by the attack time
    hold, ahead = int(hold_s / _BLOCK_S), int(attack_s / _BLOCK_S)
    if speech.any():
        kernel = np.ones(hold + ahead + 1)
        speech = np.convolve(speech.astype(float), kernel, mode="full")[ahead : ahead + speech.size] > 0
    target = np.where(speech, _db(-depth_db), 1.0)
    smooth = _smooth(target, attack_s / 3, release_s / 3, _BLOCK_S)
    return _per_sample(smooth, narration.size, block)


def duck(music: np.ndarray, narration: np.ndarray, sr: int = SAMPLE_RATE, depth_db: float = 12.0) -> np.ndarray:
    """Music lowered by about ``depth_db`` under the narration (same length as ``music``)."""
    speech = np.zeros(music.size, dtype=np.float32)
    m = min(music.size, narration.size)
    speech[:m] = narration[:m]
    return (music * duck_gain(speech, sr, depth_db)).astype(np.float32)


def loudness(x: np.ndarray, sr: int = SAMPLE_RATE) -> float:
    """Gated loudness in LUFS-ish units (no K-weighting); -inf for silence."""
    block = int(0.4 * sr)
    if x.size == 0:
        return float("-inf")
    ms = _block_values(x, block, "rms") ** 2
    lufs = -0.691 + 10 * np.log10(np.maximum(ms, 1e-20))
    gated = ms[lufs > -70]
    if gated.size == 0:
        return float("-inf")
    rel = -0.691 + 10 * np.log10(np.mean(gated)) - 10
    gated = ms[(lufs > -70) & (lufs > rel)]
    return float(-0.691 + 10 * np.log10(np.mean(gated)))


def master(mix: np.ndarray, sr: int = SAMPLE_RATE, target_lufs: float = -16.0, ceiling_db: float = -1.0) -> np.ndarray:
    """Gain to ``target_lufs`` and a smooth peak limiter under ``ceiling_db``: never clips.

    Limiting loud transients lowers the programme loudness a little, so gain and limiting are
    repeated (at most three passes) until the level is within 0.3 LU of the target.
    """
    out = mix.astype(np.float32)
    for _ in range(3):
        level = loudness(out, sr)
        if not np.isfinite(level):
            return np.zeros_like(mix, dtype=np.float32)
        out = _limit(out * _db(target_lufs - level), sr, _db(ceiling_db))
        if abs(loudness(out, sr) - target_lufs) < 0.3:
            break
    return out


def _limit(x: np.ndarray, sr: int, ceiling: float) -> np.ndarray:
    block = max(1, int(sr * 0.005))
    peaks = _block_values(x, block, "peak")
    need = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-9))
    # look-ahead: a block's reduction starts two blocks early, then releases over ~80 ms
    padded = np.concatenate([need, np.ones(2)])
    need = np.minimum.reduce([padded[k : k + need.size] for k in range(3)])
    gain = _smooth(need, 0.001, 0.08, 0.005)
    out = x * _per_sample(np.minimum(gain, need), x.size, block)
    peak = float(np.max(np.abs(out))) if out.size else 0.0
    if peak > ceiling:  # interpolation between blocks can overshoot a hair
        out *= ceiling / peak
    return out.astype(np.float32)


def mix_tracks(music: np.ndarray, narration: np.ndarray | None, sr: int = SAMPLE_RATE,
               music_under_db: float = -6.0) -> np.ndarray:
    """Narration over ducked music, mastered. Music sits ``music_under_db`` below the speech level."""
    if narration is None or not np.any(narration):
        return master(music, sr)
    speech_level, music_level = loudness(narration, sr), loudness(music, sr)
    if np.isfinite(music_level):
        music = music * _db(speech_level + music_under_db - music_level)
    return master(duck(music, narration, sr) + fit_samples(narration, music.size), sr)


