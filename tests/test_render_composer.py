"""FfmpegComposer (streaming encode, atomic output, size cap, thumbnail) and probe."""

from __future__ import annotations

import shutil
import struct
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from petreel.errors import OutputPathError, RenderFailed
from petreel.mp4 import is_faststart, top_level
from render.composer import PIPE_BYTES, FfmpegComposer, encode_command, fit_audio, widen_pipe
from render.probe import parse_ffmpeg_info, probe
from render.stages import SAMPLE_RATE, RenderSpec

SPEC = RenderSpec(width=96, height=160, fps=12, preset="veryfast")


def gradient_frames(n: int, spec: RenderSpec = SPEC) -> Iterator[np.ndarray]:
    yy, xx = np.mgrid[0 : spec.height, 0 : spec.width]
    for i in range(n):
        yield np.stack([(xx * 2 + i * 3) % 256, (yy + i) % 256, np.full_like(xx, 90)], -1).astype(np.uint8)


def noise_frames(n: int, spec: RenderSpec, seed: int = 0) -> Iterator[np.ndarray]:
    rng = np.random.default_rng(seed)
    for _ in range(n):
        yield rng.integers(0, 256, (spec.height, spec.width, 3), dtype=np.uint8)


def leftovers(directory: Path) -> list[Path]:
    return sorted(directory.glob(".petreel-*"))


def test_encodes_inline_playable_mp4_with_silent_audio(tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    info = FfmpegComposer().compose(gradient_frames(24), np.zeros(0, np.float32), SPEC, out, 24)
    facts = probe(out)
    assert facts["video_codec"] == "h264" and facts["profile"] == "High" and facts["pix_fmt"] == "yuv420p"
    assert (facts["width"], facts["height"]) == (96, 160)
    assert facts["has_audio"] and facts["audio_codec"] == "aac" and facts["audio_sample_rate"] == 48_000
    assert facts["faststart"]
    assert facts["duration"] == pytest.approx(2.0, rel=0.1)
    assert info.duration == 2.0 and info.size_bytes == out.stat().st_size
    with Image.open(info.thumbnail) as thumb:
        assert thumb.format == "JPEG" and max(thumb.size) <= 320
    assert leftovers(tmp_path) == []


def test_thumbnail_limits_on_a_full_size_frame(tmp_path: Path) -> None:
    spec = RenderSpec(width=720, height=1280, fps=2, preset="ultrafast")
    info = FfmpegComposer().compose(noise_frames(2, spec), np.zeros(SAMPLE_RATE, np.float32), spec,
                                    tmp_path / "big.mp4", 2)
    with Image.open(info.thumbnail) as thumb:
        assert thumb.size == (180, 320)
    assert info.thumbnail.stat().st_size <= 200_000


def test_oversized_clip_is_reencoded_under_the_cap(tmp_path: Path) -> None:
    spec = RenderSpec(width=160, height=288, fps=12, preset="veryfast", crf=0)
    plain = FfmpegComposer().compose(noise_frames(24, spec), np.zeros(0, np.float32), spec, tmp_path / "a.mp4", 24)
    cap = plain.size_bytes // 3
    capped = FfmpegComposer(max_bytes=cap).compose(noise_frames(24, spec), np.zeros(0, np.float32), spec,
                                                   tmp_path / "b.mp4", 24)
    assert capped.size_bytes <= cap < plain.size_bytes
    facts = probe(capped.path)
    assert facts["profile"] == "High" and facts["faststart"] and facts["has_audio"]
    assert leftovers(tmp_path) == []


def test_failing_frame_source_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"

    def broken() -> Iterator[np.ndarray]:
        yield from gradient_frames(10)
        raise RuntimeError("painter exploded")

    with pytest.raises(RuntimeError, match="exploded"):
        FfmpegComposer().compose(broken(), np.zeros(0, np.float32), SPEC, out, 24)
    assert not out.exists() and not out.with_suffix(".jpg").exists()
    assert leftovers(tmp_path) == []


def test_existing_output_survives_a_failed_render(tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    out.write_bytes(b"previous clip")
    with pytest.raises(RenderFailed, match="expected 24 frames"):
        FfmpegComposer().compose(gradient_frames(5), np.zeros(0, np.float32), SPEC, out, 24)
    assert out.read_bytes() == b"previous clip"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("reads", [0, 100_000])
def test_an_encoder_that_dies_mid_stream_fails_the_render(tmp_path: Path, reads: int) -> None:
    """ffmpeg gone while frames still come (the frames are written on the render's own thread): the
    render stops at the broken pipe with ffmpeg's error, leaves nothing, and does not hang."""
    spec = RenderSpec(width=720, height=1280, fps=12, preset="veryfast")  # a frame is more than the pipe holds
    fake = tmp_path / "ffmpeg"
    fake.write_text(f"#!/bin/sh\nhead -c {reads} > /dev/null\necho 'encoder crashed' >&2\nexit 3\n")
    fake.chmod(0o755)
    taken = 0

    def frames() -> Iterator[np.ndarray]:
        nonlocal taken
        for frame in gradient_frames(8, spec):
            taken += 1
            yield frame

    out = tmp_path / "clip.mp4"
    with pytest.raises(RenderFailed, match="encoder crashed"):
        FfmpegComposer(ffmpeg=str(fake), encoder="x264").compose(frames(), np.zeros(0, np.float32), spec, out, 8)
    assert taken < 8  # stopped at the broken pipe, not after every frame was made
    assert not out.exists() and leftovers(tmp_path) == []


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RenderFailed, match="even"):
        FfmpegComposer().compose(gradient_frames(1), np.zeros(0), RenderSpec(width=95, height=160), tmp_path / "x.mp4", 1)
    with pytest.raises(OutputPathError):
        FfmpegComposer().compose(gradient_frames(1), np.zeros(0), SPEC, tmp_path / "no" / "x.mp4", 1)


def test_any_os_error_at_the_destination_is_an_output_path_error(tmp_path: Path) -> None:
    (tmp_path / "clip.jpg").mkdir()  # the thumbnail cannot replace a directory (IsADirectoryError)
    with pytest.raises(OutputPathError) as err:
        FfmpegComposer().compose(gradient_frames(4), np.zeros(0), SPEC, tmp_path / "clip.mp4", 4)
    assert str(tmp_path) in str(err.value)
    assert not (tmp_path / "clip.mp4").exists() and leftovers(tmp_path) == []


def test_frame_pipe_is_widened_to_cut_context_switches() -> None:
    import os
    import sys

    r, w = os.pipe()
    try:
        size = widen_pipe(w)
        if sys.platform.startswith("linux"):
            assert size == PIPE_BYTES  # the default 64 KiB would take ~40 wake-ups per 720x1280 frame
        else:
            assert size == 0
    finally:
        os.close(r)
        os.close(w)


def test_fit_audio_pads_and_trims() -> None:
    assert fit_audio(None, 0.5).size == SAMPLE_RATE // 2
    assert fit_audio(np.ones(10, np.float32), 1.0)[:10].sum() == 10
    assert fit_audio(np.ones(SAMPLE_RATE * 3, np.float32), 1.0).size == SAMPLE_RATE


def box(kind: bytes, payload: bytes = b"", large: bool = False) -> bytes:
    if large:
        return struct.pack(">I4sQ", 1, kind, 16 + len(payload)) + payload
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def test_mp4_boxes_and_faststart(tmp_path: Path) -> None:
    fast = tmp_path / "fast.mp4"
    fast.write_bytes(box(b"ftyp", b"isom") + box(b"moov", b"x" * 20) + box(b"mdat", b"y" * 50, large=True))
    assert [b.kind for b in top_level(fast)] == ["ftyp", "moov", "mdat"]
    mdat = top_level(fast)[2]
    assert (mdat.kind, mdat.offset, mdat.body, mdat.size) == ("mdat", 40, 56, 66)
    assert is_faststart(fast)
    slow = tmp_path / "slow.mp4"
    slow.write_bytes(box(b"ftyp") + box(b"mdat", b"y" * 50) + struct.pack(">I4s", 0, b"moov") + b"z" * 30)
    assert [b.kind for b in top_level(slow)] == ["ftyp", "mdat", "moov"]
    assert not is_faststart(slow)


def test_parse_ffmpeg_info() -> None:
    text = """Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'clip.mp4':
  Duration: 00:01:02.50, start: 0.000000, bitrate: 912 kb/s
  Stream #0:0[0x1](und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(tv, bt709, progressive), 720x1280, 780 kb/s, 24 fps, 24 tbr, 12288 tbn (default)
  Stream #0:1[0x2](und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, stereo, fltp, 128 kb/s (default)
"""
    facts = parse_ffmpeg_info(text)
    assert facts["video_codec"] == "h264" and facts["profile"] == "High" and facts["pix_fmt"] == "yuv420p"
    assert (facts["width"], facts["height"], facts["fps"]) == (720, 1280, 24.0)
    assert facts["duration"] == pytest.approx(62.5)
    assert facts["has_audio"] and facts["audio_codec"] == "aac" and facts["audio_sample_rate"] == 48000


def test_probe_fallback_agrees_with_ffprobe(tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    FfmpegComposer().compose(gradient_frames(12), np.zeros(0, np.float32), SPEC, out, 12)
    fallback = probe(out, use_ffprobe=False)
    assert fallback["source"] == "ffmpeg"
    if shutil.which("ffprobe") is None:
        pytest.skip("ffprobe not installed; fallback checked alone")
    main = probe(out)
    for key in ("video_codec", "profile", "pix_fmt", "width", "height", "has_audio", "audio_codec", "faststart"):
        assert main[key] == fallback[key], key
    assert main["duration"] == pytest.approx(fallback["duration"], abs=0.05)


def test_the_streaming_command_differs_from_a_file_encode_by_its_source_only() -> None:
    # the bench's bare encode runs this command on a file of the same frames: same x264 options,
    # threads, audio padding and length as the render's pipe
    spec = RenderSpec(width=64, height=48, fps=12, crf=23, preset="veryfast")
    piped = encode_command("ffmpeg", spec, "pipe:0", "yuv420p", Path("a.wav"), 24, Path("o.mp4"), threads=3)
    filed = encode_command("ffmpeg", spec, "frames.yuv", "yuv420p", Path("a.wav"), 24, Path("o.mp4"), threads=3)
    assert [a for a, b in zip(piped, filed, strict=True) if a != b] == ["pipe:0"]
    assert piped[piped.index("-threads") + 1] == "3" and piped[piped.index("-t") + 1] == "2.000000"
    assert piped[piped.index("-c:v") + 1] == "libx264" and "+faststart" in piped


def test_every_audio_encode_uses_the_fast_aac_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The streaming encode, the loudness correction and the size cap all code the AAC with ffmpeg's ``fast``
    search (a quarter of the default's CPU; the video is the same), and the clip still plays with its sound."""
    import subprocess

    commands: list[list[str]] = []
    run, popen = subprocess.run, subprocess.Popen

    def record_run(cmd: list[str], *args: object, **kwargs: object) -> object:
        commands.append(list(cmd))
        return run(cmd, *args, **kwargs)  # type: ignore[call-overload]

    def record_popen(cmd: list[str], *args: object, **kwargs: object) -> object:
        commands.append(list(cmd))
        return popen(cmd, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", record_run)
    monkeypatch.setattr(subprocess, "Popen", record_popen)
    spec = RenderSpec(width=160, height=288, fps=12, preset="veryfast", crf=0)
    t = np.arange(2 * SAMPLE_RATE) / SAMPLE_RATE
    quiet = (0.01 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)  # ~-43 LUFS: corrected after the encode
    plain = FfmpegComposer().compose(noise_frames(24, spec), quiet, spec, tmp_path / "a.mp4", 24)
    FfmpegComposer(max_bytes=plain.size_bytes // 3).compose(noise_frames(24, spec), quiet, spec,
                                                           tmp_path / "b.mp4", 24)
    coded = [cmd for cmd in commands if "-c:a" in cmd and cmd[cmd.index("-c:a") + 1] == "aac"]
    kinds = {"stream": any("pipe:0" in c for c in coded), "gain": any("-c:v" in c and "copy" in c for c in coded),
             "cap": any("-maxrate" in c for c in coded)}
    assert all(kinds.values()), kinds
    assert all(c[c.index("-aac_coder") + 1] == "fast" for c in coded if "-aac_coder" in c)
    assert all("-aac_coder" in c for c in coded), [c for c in coded if "-aac_coder" not in c]
    facts = probe(tmp_path / "b.mp4")
    assert facts["has_audio"] and facts["audio_codec"] == "aac"
