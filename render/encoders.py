"""Which H.264 encoder ffmpeg runs: libx264 on the CPU, or NVENC on an NVIDIA GPU.

``select_encoder`` is the pure rule: ``x264`` always gives libx264; ``nvenc`` and ``auto`` give NVENC
when the ffmpeg build lists ``h264_nvenc`` and a one-frame trial encode on the GPU succeeds,
otherwise libx264 with the reason (``nvenc`` asked for and missing logs a warning, ``auto`` an info
line). ``choose_encoder`` runs the probes (``ffmpeg -encoders`` and the trial) once per binary; with
``auto`` on a machine that shows no NVIDIA device (``nvidia_device_present``: no driver node) it runs
neither (two ffmpeg starts, ~0.03 core-s and ~50 ms of a render process's first clip).
Both encoders give H.264 High profile yuv420p; NVENC's constant-quality ``-cq`` takes the spec's crf.
"""

from __future__ import annotations

import logging
import os
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from render.stages import RenderSpec

log = logging.getLogger(__name__)

NVENC_PRESET = "p4"  # NVENC's balanced preset (p1 fastest .. p7 best)
# x264 quantises chroma this many steps finer than luma (its psy default is -2 on top): the
# storyboards' saturated flat colours and ink edges otherwise lose the most (chroma SSIM ~0.985);
# at crf 23 this lifts the clip's SSIM against its own frames over 0.99 for ~4 % more bytes
X264_CHROMA_QP_OFFSET = -2
# x264's lookahead (frame types, mbtree) in the encoding thread instead of a thread of its own: with
# its own thread, how many frames it had buffered when it decided depended on the machine's load, and
# the last frames of a clip (what it decides on at the end of the input) came out differently from
# the same input now and then (two renders of one seed, identical frames and audio in, differed in
# their last frames: 4 pairs of ~50 on a loaded machine; 0 of 36 with this). In the encoding thread it is
# also cheaper: 480 frames of the 60 s bench script, 3 alternations, 6.05-6.11 core-s instead of 6.32-6.49,
# 30 bytes more.
X264_PARAMS = f"chroma-qp-offset={X264_CHROMA_QP_OFFSET}:sync-lookahead=0"


@dataclass(frozen=True)
class Encoder:
    name: str  # the ffmpeg encoder: libx264 | h264_nvenc

    @property
    def gpu(self) -> bool:
        return self.name == "h264_nvenc"

    def video_args(self, spec: RenderSpec, threads: int, bitrate_k: int | None = None) -> list[str]:
        """``-c:v …`` options for High profile H.264 at the spec's quality (or a capped bitrate)."""
        capped = ["-b:v", f"{bitrate_k}k", "-maxrate", f"{bitrate_k}k", "-bufsize", f"{2 * bitrate_k}k"] if bitrate_k else []
        gop = ["-g", str(spec.fps * 2)]
        if self.gpu:
            rate = ["-rc", "vbr", *capped] if bitrate_k else ["-rc", "vbr", "-cq", str(max(1, spec.crf)), "-b:v", "0"]
            return ["-c:v", "h264_nvenc", "-profile:v", "high", "-preset", NVENC_PRESET, *rate, *gop]
        rate = capped or ["-crf", str(max(1, spec.crf))]  # crf 0 is lossless, which High profile cannot carry
        return ["-c:v", "libx264", "-profile:v", "high", "-preset", spec.preset, *rate, *gop,
                "-x264-params", X264_PARAMS, "-threads", str(threads)]


X264 = Encoder("libx264")
NVENC = Encoder("h264_nvenc")


# where an NVIDIA driver shows itself: its control node and first device (Linux, containers given the
# GPU), its procfs entry, or WSL's GPU paravirtualisation device
NVIDIA_DEVICE_PATHS = ("/dev/nvidiactl", "/dev/nvidia0", "/proc/driver/nvidia/version", "/dev/dxg")


def nvidia_device_present(paths: tuple[str, ...] = NVIDIA_DEVICE_PATHS) -> bool:
    """Any NVIDIA driver node is there: without one, no ffmpeg build can open NVENC."""
    return any(os.path.exists(p) for p in paths)


def select_encoder(choice: str, build_has_nvenc: bool, gpu_works: bool | None,
                   device: bool = True) -> tuple[Encoder, str]:
    """The encoder for ``choice`` (x264 | nvenc | auto) given what the probes found, and why.

    ``gpu_works`` is None when the trial encode was not run (the build has no NVENC, or ``auto`` found
    no NVIDIA ``device``).
    """
    if choice == "x264":
        return X264, "libx264 asked for"
    if choice == "auto" and not device:
        return X264, "no NVIDIA GPU device on this machine"
    if not build_has_nvenc:
        return X264, "this ffmpeg build has no h264_nvenc"
    if not gpu_works:
        return X264, "h264_nvenc could not open a GPU (trial encode failed)"
    return NVENC, "h264_nvenc on the GPU"


def build_has_nvenc(exe: str) -> bool:
    done = subprocess.run([exe, "-hide_banner", "-encoders"], capture_output=True, text=True, timeout=30, check=False)
    return any(line.split()[1:2] == ["h264_nvenc"] for line in done.stdout.splitlines() if line.strip())


def nvenc_trial(exe: str) -> bool:
    """Encode one small frame with NVENC: True when a GPU and driver take it."""
    cmd = [exe, "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=black:s=256x256:d=0.1",
           "-frames:v", "1", "-c:v", "h264_nvenc", "-f", "null", "-"]
    try:
        return subprocess.run(cmd, capture_output=True, timeout=60, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@lru_cache(maxsize=8)
def choose_encoder(choice: str, exe: str) -> Encoder:
    """Probe ``exe`` (once per binary and choice) and return the encoder to use, logging a fallback."""
    device = choice == "nvenc" or (choice == "auto" and nvidia_device_present())
    has = device and build_has_nvenc(exe)
    works = nvenc_trial(exe) if has else None
    encoder, why = select_encoder(choice, has, works, device)
    if choice == "nvenc" and not encoder.gpu:
        log.warning("NVENC asked for but unavailable (%s); encoding with libx264", why)
    elif choice == "auto":
        log.info("video encoder: %s (%s)", encoder.name, why if encoder.gpu else f"{why}; falling back to libx264")
    return encoder
