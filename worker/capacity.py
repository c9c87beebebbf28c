"""How many render processes a machine runs with ``petreel worker --processes auto``.

The rule (pure: ``auto_processes``) comes from ``bench/render_cpu.py`` and
``bench/results/render-cpu-2core.txt``:

* One CPU render keeps about two cores busy: x264 (``-threads 0``) encodes on every core while the
  Python frame loop, the painter and TTS take one; two renders at once on 2 cores gave 1.31x the
  throughput but each clip took 48 % longer. A chat user waits for their clip, so the extra
  throughput is not worth the latency until there are cores to spare: one process per
  ``CORES_PER_RENDER`` cores.
* Memory: a 60 s render peaks at ~0.4 GiB in Python plus ~0.35 GiB in ffmpeg; ``MIB_PER_RENDER``
  keeps a margin for longer clips and the page cache. The count never exceeds what the available
  memory holds.
* With GPUs, each process holds its own models in GPU memory: one process per GPU.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

CORES_PER_RENDER = 2
MIB_PER_RENDER = 1024
MAX_AUTO = 16


def auto_processes(cores: int, available_mib: float, gpus: Sequence[int] = ()) -> int:
    """Worker processes for ``cores`` CPUs, ``available_mib`` of free memory and the listed GPUs."""
    if gpus:
        return len(gpus)
    by_cpu = cores // CORES_PER_RENDER
    by_memory = int(available_mib // MIB_PER_RENDER)
    return max(1, min(by_cpu, by_memory, MAX_AUTO))


def usable_cores() -> int:
    """CPUs this process may run on (the affinity mask, which containers' cpusets narrow)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def available_mib(meminfo: Path = Path("/proc/meminfo")) -> float:
    """``MemAvailable`` in MiB (free memory plus reclaimable cache); infinity when unknown."""
    try:
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("inf")


def parse_processes(text: str) -> int | str:
    """``--processes``: a positive count or ``auto``."""
    if text == "auto":
        return text
    n = int(text)
    if n < 1:
        raise ValueError("processes must be at least 1")
    return n
