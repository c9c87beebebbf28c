"""Frames into a pipe without a copy: every byte arrives as written, even when each array is let go
(and its memory reused for the next) right after it is written; plain writes where vmsplice can't."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from render.pipefeed import PipeFeeder, zero_copy_available

SHAPE = (960, 720)  # a 720x640 I420 frame: 0.7 MB, more than half the widened pipe
# the reader takes 4 KiB at a time and hashes it: far slower than the writer, so the pipe stays full
# and the feeder must hold frames while the reader is behind
READER = ("import hashlib, sys\nh = hashlib.sha256()\nwhile chunk := sys.stdin.buffer.read1(4096):\n"
          "    h.update(chunk)\nprint(h.hexdigest(), end='')\n")


def feed(frames: int, zero_copy: bool) -> tuple[str, str, PipeFeeder]:
    """``frames`` arrays through a feeder into the slow reader: (the reader's hash, the expected one)."""
    proc = subprocess.Popen([sys.executable, "-c", READER], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    feeder = PipeFeeder(proc.stdin.fileno(), zero_copy=zero_copy)
    expected = hashlib.sha256()
    most_held = 0
    for i in range(frames):
        frame = np.full(SHAPE, i % 251, np.uint8)  # freed below: the next np.full reuses its memory
        frame[i % SHAPE[0]] = 255 - i % 251
        expected.update(frame.data)
        feeder.write(frame)
        del frame
        most_held = max(most_held, feeder.held)
    proc.stdin.close()
    with proc.stdout:
        got = proc.stdout.read().decode()
    proc.wait()
    feeder.close()
    assert most_held <= 8  # only what the pipe can still refer to
    return got, expected.hexdigest(), feeder


@pytest.mark.skipif(not zero_copy_available(), reason="vmsplice is Linux-only")
def test_spliced_frames_arrive_intact_though_each_is_let_go_at_once() -> None:
    got, expected, feeder = feed(40, zero_copy=True)
    assert got == expected
    assert feeder.spliced == feeder.sent == 40 * SHAPE[0] * SHAPE[1]  # every byte went by vmsplice
    assert feeder.held == 0


def test_plain_writes_arrive_intact() -> None:
    got, expected, feeder = feed(12, zero_copy=False)
    assert got == expected and feeder.spliced == 0


def test_a_file_that_is_not_a_pipe_gets_plain_writes(tmp_path: Path) -> None:
    frames = [np.full(SHAPE, v, np.uint8) for v in (3, 7)]
    with open(tmp_path / "raw", "wb") as f:
        feeder = PipeFeeder(f.fileno())
        for frame in frames:
            feeder.write(frame)
        feeder.close()
    assert (tmp_path / "raw").read_bytes() == b"".join(f.tobytes() for f in frames)
    assert feeder.spliced == 0


def test_a_reader_gone_is_a_broken_pipe() -> None:
    read, write = os.pipe()
    os.close(read)
    feeder = PipeFeeder(write)
    with pytest.raises(BrokenPipeError):
        feeder.write(np.zeros(SHAPE, np.uint8))
    os.close(write)


def test_only_contiguous_arrays() -> None:
    read, write = os.pipe()
    try:
        with pytest.raises(ValueError, match="contiguous"):
            PipeFeeder(write).write(np.zeros((8, 8), np.uint8)[:, ::2])
    finally:
        os.close(read)
        os.close(write)
