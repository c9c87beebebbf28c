"""``--processes auto``: the pure rule, the probes and the argument."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.capacity import MIB_PER_RENDER, auto_processes, available_mib, parse_processes, usable_cores
from worker.runner import main


def test_one_process_per_two_cores_within_memory() -> None:
    assert auto_processes(1, 8000) == 1
    assert auto_processes(2, 8000) == 1  # two at once: 1.31x throughput, each clip 48 % slower
    assert auto_processes(4, 8000) == 2
    assert auto_processes(16, 64000) == 8
    assert auto_processes(16, 2.5 * MIB_PER_RENDER) == 2  # memory caps it
    assert auto_processes(16, 100) == 1  # never zero
    assert auto_processes(64, 10**7) == 16
    assert auto_processes(32, 64000, gpus=(0, 1)) == 2  # one per GPU


def test_probes(tmp_path: Path) -> None:
    assert usable_cores() >= 1
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       24683520 kB\nMemAvailable:    2097152 kB\n")
    assert available_mib(meminfo) == 2048
    assert available_mib(tmp_path / "missing") == float("inf")


def test_processes_argument() -> None:
    assert parse_processes("auto") == "auto" and parse_processes("3") == 3
    with pytest.raises(ValueError):
        parse_processes("0")
    with pytest.raises(SystemExit):
        main(["worker", "--processes", "many", "--once"])
