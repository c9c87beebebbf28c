"""Measure a rendered clip's sound: speech coverage, longest silence, loudness and true peak.

    python bench/audio_check.py clip.mp4 [more.mp4 ...]

Coverage and silences come from the decoded audio track (RMS gate at -45 dBFS over 20 ms frames,
pauses under 0.25 s inside a phrase bridged: ``render.audiometer.speech_spans``); loudness and
true peak from ffmpeg's ebur128 filter on the encoded file. Meaningful for ``--no-music`` clips
(with music on, the gate hears the music too).
"""

from __future__ import annotations

import sys
from pathlib import Path

from render.audiometer import coverage, decode_audio, longest_gap, measure_loudness, speech_spans
from render.composer import ffmpeg_exe


def main(paths: list[str]) -> int:
    exe = ffmpeg_exe()
    for name in paths:
        sr = 16_000
        audio = decode_audio(Path(name), exe, sr)
        total = audio.size / sr
        spans = speech_spans(audio, sr)
        level = measure_loudness(Path(name), exe)
        first = spans[0][0] if spans else float("nan")
        print(f"{name}: {total:.2f} s, speech {coverage(spans, total):.1%}, longest silence "
              f"{longest_gap(spans, total):.2f} s, first speech at {first:.2f} s, "
              f"{level.integrated:.1f} LUFS, true peak {level.true_peak:.1f} dBTP")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
