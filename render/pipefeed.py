"""Frames into ffmpeg's stdin without copying them: ``PipeFeeder``.

A plain ``write`` copies each 1.4 MB I420 frame into the pipe's own pages (~0.15 ms a frame on
the bench machine) before ffmpeg copies it out again. On Linux, ``vmsplice`` hands the frame's own
pages to the pipe instead: the reader's copy is the only one. The pipe then points into the
frame's memory until the reader has taken those bytes, so the feeder keeps every array it sent
alive until the pipe's unread count (``FIONREAD``) says the reader is past its last byte: a frame
is never freed, and its memory never reused for a later frame, while the pipe still refers to it.
A caller must not change an array once it is written (the composer's frames are not touched
after they are written).

Where ``vmsplice`` is missing or refuses the descriptor (not Linux, not a pipe), ``os.write``.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import sys
import termios
from collections import deque
from collections.abc import Callable

import numpy as np

__all__ = ["PipeFeeder", "zero_copy_available"]


class _Iovec(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]


_Splice = Callable[[int, object, int, int], int]  # vmsplice(fd, iov, nr_segs, flags)


def _vmsplice() -> _Splice | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        fn = ctypes.CDLL(None, use_errno=True).vmsplice  # releases the GIL while it blocks
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.POINTER(_Iovec), ctypes.c_size_t, ctypes.c_uint]
    fn.restype = ctypes.c_ssize_t
    return fn  # type: ignore[no-any-return]


_VMSPLICE = _vmsplice()
_REFUSED = (errno.EINVAL, errno.EBADF, errno.ENOSYS, errno.EOPNOTSUPP)  # before anything was spliced: fall back


def zero_copy_available() -> bool:
    return _VMSPLICE is not None


def unread_bytes(fd: int) -> int:
    """Bytes written to the pipe ``fd`` (either end) that its reader has not taken yet."""
    return int.from_bytes(fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"), sys.byteorder)


class PipeFeeder:
    """Writes contiguous uint8 arrays to the pipe ``fd`` in order (``zero_copy``: by ``vmsplice``
    where it works). ``close()`` once the reader has exited or read everything."""

    def __init__(self, fd: int, zero_copy: bool = True) -> None:
        self.fd = fd
        self._splice = _VMSPLICE if zero_copy else None
        if self._splice is not None:
            try:
                unread_bytes(fd)
            except OSError:  # no unread count: no way to know when a frame is free again
                self._splice = None
        self._held: deque[tuple[int, np.ndarray]] = deque()  # (end offset in the stream, array)
        self.sent = 0  # bytes written so far
        self.spliced = 0  # of which handed over by vmsplice

    @property
    def held(self) -> int:
        """Arrays the pipe may still refer to."""
        return len(self._held)

    def write(self, frame: np.ndarray) -> None:
        if not frame.flags.c_contiguous:
            raise ValueError("PipeFeeder writes contiguous arrays only")
        view = frame.data.cast("B")
        done = self._write_spliced(frame) if self._splice is not None else 0
        while done < len(view):  # without vmsplice (or it refused this descriptor)
            n = os.write(self.fd, view[done:])
            done += n
            self.sent += n
        self._release()

    def _write_spliced(self, frame: np.ndarray) -> int:
        splice = self._splice
        assert splice is not None
        base, size, done = frame.ctypes.data, frame.nbytes, 0
        self._held.append((self.sent + size, frame))  # held before its first page is in the pipe
        while done < size:
            iov = _Iovec(base + done, size - done)
            n = splice(self.fd, ctypes.byref(iov), 1, 0)
            if n < 0:
                err = ctypes.get_errno()
                if err == errno.EINTR:
                    continue
                if err in _REFUSED and self.spliced == 0:
                    self._splice = None  # not a pipe vmsplice takes: plain writes from now on
                    self._held.pop()
                    return 0
                raise OSError(err, os.strerror(err))  # EPIPE: BrokenPipeError, as from os.write
            done += n
            self.spliced += n
            self.sent += n
        return done

    def _release(self) -> None:
        """Let go of the arrays whose bytes the reader has taken."""
        if not self._held:
            return
        taken = self.sent - unread_bytes(self.fd)
        while self._held and self._held[0][0] <= taken:
            self._held.popleft()

    def close(self) -> None:
        """Drop every array (call once the reader has exited or read to the end)."""
        self._held.clear()
