"""The one MP4 box reader (pure, standard library only).

An MP4 file is a tree of boxes: a 32-bit size (1: a 64-bit size follows the type; 0: the box runs
to the end of its parent) and a four-letter type. ``boxes`` lists the children of one span;
``top_level`` reads them from a file without loading it; ``is_faststart`` says whether ``moov``
precedes ``mdat`` (inline playback while downloading); ``video_facts`` reads width, height and
duration from ``moov/mvhd`` and the first ``trak/tkhd`` with a size (what Telegram shows).
The render layer's probe and the sandbox's fake Bot API both read clips through this module.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Reader = Callable[[int, int], bytes]  # (offset, length) -> at most ``length`` bytes


@dataclass(frozen=True)
class Box:
    kind: str  # four letters, e.g. "moov"
    offset: int  # where the box (its header) starts
    body: int  # where its contents start (after the 8- or 16-byte header)
    end: int  # one past its last byte, clipped to the parent

    @property
    def size(self) -> int:
        return self.end - self.offset


def boxes(read: Reader, start: int, end: int) -> list[Box]:
    """The boxes laid end to end in ``[start, end)``; stops at a corrupt header rather than loop."""
    found: list[Box] = []
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", read(pos, 8))
        header = 8
        if size == 1:  # 64-bit largesize follows the type
            if pos + 16 > end:
                break
            (size,) = struct.unpack(">Q", read(pos + 8, 8))
            header = 16
        elif size == 0:  # runs to the end of the parent
            size = end - pos
        if size < header:
            break
        found.append(Box(kind.decode("latin-1"), pos, pos + header, min(pos + size, end)))
        pos += size
    return found


def bytes_reader(data: bytes) -> Reader:
    return lambda offset, length: data[offset : offset + length]


def top_level(path: Path) -> list[Box]:
    """The top-level boxes of the file at ``path`` (reads only their headers)."""
    end = path.stat().st_size
    with path.open("rb") as f:

        def read(offset: int, length: int) -> bytes:
            f.seek(offset)
            return f.read(length)

        return boxes(read, 0, end)


def is_faststart(path: Path) -> bool:
    """True when the ``moov`` box comes before the first ``mdat`` box."""
    kinds = [box.kind for box in top_level(path)]
    return "moov" in kinds and "mdat" in kinds and kinds.index("moov") < kinds.index("mdat")


def video_facts(data: bytes) -> tuple[int, int, int]:
    """(width, height, whole seconds) of an MP4 held in memory; zeros for what it does not say."""
    read = bytes_reader(data)
    width = height = duration = 0
    for moov in (b for b in boxes(read, 0, len(data)) if b.kind == "moov"):
        for sub in boxes(read, moov.body, moov.end):
            s, e = sub.body, sub.end
            if sub.kind == "mvhd" and e - s >= 20:
                if data[s] == 1 and e - s >= 32:  # version 1: 64-bit times
                    scale, length = struct.unpack(">IQ", data[s + 20 : s + 32])
                else:
                    scale, length = struct.unpack(">II", data[s + 12 : s + 20])
                duration = round(length / scale) if scale else 0
            if sub.kind == "trak":
                for leaf in boxes(read, s, e):
                    if leaf.kind == "tkhd" and leaf.end - leaf.body >= 84 and not width:
                        w, h = struct.unpack(">II", data[leaf.end - 8 : leaf.end])
                        width, height = w >> 16, h >> 16
    return width, height, duration
