"""Real worker processes (``python -m worker.runner worker …``) against one SQLite file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from petreel.settings import QuotaSettings, Settings
from storage.db import scalar
from storage.store import Store

REPO = Path(__file__).resolve().parents[1]
SCRIPTED = "tests.fakes.renderers:scripted"

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals and process groups")


def worker_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "worker.runner", "worker", *args]


def worker_env(data_dir: Path, lease_s: float = 1.0) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "PETREEL_DATA_DIR": str(data_dir),
        "PETREEL_WORKER__LEASE_S": str(lease_s),
        "PETREEL_WORKER__HEARTBEAT_S": "0.2",
        "PETREEL_WORKER__POLL_S": "0.05",
        "PETREEL_WORKER__BACKOFF_S": "0",
        "PETREEL_LOG_LEVEL": "INFO",
    }


def open_store(data_dir: Path) -> Store:
    return Store.from_settings(
        Settings(data_dir=data_dir, quota=QuotaSettings(daily_free=1000, max_queued=1000, max_queue=1000))
    )


def enqueue(store: Store, premise: str, owner: int = 1) -> int:
    return store.enqueue(owner, premise, "ginger-cat", "storyboard", "en", "{}", 1).id


def wait_until(predicate: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.05)


def running_on(store: Store, job_id: int, worker_id: str) -> Callable[[], bool]:
    def check() -> bool:
        job = store.get_job(job_id)
        return job is not None and job.state == "running" and job.worker_id == worker_id

    return check


def reported(store: Store, job_id: int, stage: str) -> Callable[[], bool]:
    def check() -> bool:
        job = store.get_job(job_id)
        return job is not None and job.progress_stage == stage

    return check


def freeze(proc: subprocess.Popen[str], db_path: Path, tries: int = 50) -> None:
    """SIGSTOP ``proc`` at a moment it holds no SQLite write lock (a process frozen inside a write
    transaction would block every other writer: not the scenario under test)."""
    for _ in range(tries):
        proc.send_signal(signal.SIGSTOP)
        wait_until(lambda: Path(f"/proc/{proc.pid}/stat").read_text().split(") ")[1][0] == "T", timeout=5)
        probe = sqlite3.connect(db_path, timeout=0.5, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return
        except sqlite3.OperationalError:
            proc.send_signal(signal.SIGCONT)
            time.sleep(0.03)
        finally:
            probe.close()
    raise AssertionError("the worker always held the write lock")


def lease_expired(store: Store, job_id: int) -> Callable[[], bool]:
    def check() -> bool:
        job = store.get_job(job_id)
        return job is not None and job.lease_expires is not None and job.lease_expires < time.time()

    return check


def clean(stderr: str) -> None:
    assert "database is locked" not in stderr
    assert "Traceback" not in stderr, stderr[-3000:]


def assert_charged_once(store: Store, job_id: int) -> None:
    assert [r["kind"] for r in store.ledger(1) if r["job_id"] == job_id] == ["reserve", "commit"]
    assert int(scalar(store.db, "SELECT COUNT(*) FROM clips WHERE job_id = ?", (job_id,))) == 1
    assert [e.kind for e in store.events_for(job_id)].count("done") == 1


def test_eight_processes_render_five_hundred_jobs_exactly_once(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        ids = [enqueue(store, "instant", owner=1 + i % 50) for i in range(500)]
    proc = subprocess.run(
        worker_cmd("--processes", "8", "--drain", "--renderer", "tests.fakes.renderers:instant"),
        env=worker_env(tmp_path, lease_s=60.0),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    clean(proc.stderr)
    assert proc.stderr.count("stopping after") == 8  # every process ran and exited cleanly
    with open_store(tmp_path) as store:
        assert store.stats().jobs_by_state == {"done": 500}
        db = store.db
        assert scalar(db, "SELECT COUNT(*) FROM clips") == 500
        assert scalar(db, "SELECT COUNT(DISTINCT job_id) FROM clips") == 500
        assert scalar(db, "SELECT COUNT(*) FROM events WHERE kind = 'done'") == 500
        assert scalar(db, "SELECT COUNT(DISTINCT job_id) FROM events WHERE kind = 'done'") == 500
        assert scalar(db, "SELECT COUNT(*) FROM credit_ledger WHERE kind = 'commit'") == 500
        assert scalar(db, "SELECT MAX(attempts) FROM jobs") == 1
        assert all(store.clip_path(j).is_file() for j in ids)


def test_killed_worker_job_is_re_leased_and_charged_once(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        job_id = enqueue(store, "sleep-first:60")
        env = worker_env(tmp_path, lease_s=1.0)
        a = subprocess.Popen(
            worker_cmd("--once", "--renderer", SCRIPTED, "--worker-id", "A"), env=env, cwd=REPO,
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            wait_until(running_on(store, job_id, "A"))
            a.send_signal(signal.SIGKILL)
        finally:
            a.communicate(timeout=30)
        wait_until(lease_expired(store, job_id))
        b = subprocess.run(
            worker_cmd("--once", "--renderer", SCRIPTED, "--worker-id", "B"), env=env, cwd=REPO,
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert b.returncode == 0, b.stderr[-3000:]
        clean(b.stderr)
        job = store.get_job(job_id)
        assert job is not None and (job.state, job.worker_id, job.attempts) == ("done", "B", 2)
        assert_charged_once(store, job_id)


def test_frozen_worker_is_refused_and_the_newer_attempt_wins(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        job_id = enqueue(store, "sleep-first:3")
        env = worker_env(tmp_path, lease_s=1.0)
        a = subprocess.Popen(
            worker_cmd("--once", "--renderer", SCRIPTED, "--worker-id", "A"), env=env, cwd=REPO,
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            wait_until(running_on(store, job_id, "A"))
            wait_until(reported(store, job_id, "keyframes"))  # A is asleep in the render
            freeze(a, store.path)
            wait_until(lease_expired(store, job_id))
            b = subprocess.run(
                worker_cmd("--once", "--renderer", SCRIPTED, "--worker-id", "B"), env=env, cwd=REPO,
                capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            assert b.returncode == 0, b.stderr[-3000:]
        finally:
            a.send_signal(signal.SIGCONT)
            _, a_err = a.communicate(timeout=60)
        assert a.returncode == 0, a_err[-3000:]
        clean(a_err)
        assert "claim lost" in a_err or "stale attempt" in a_err
        job = store.get_job(job_id)
        assert job is not None and (job.state, job.worker_id, job.attempts) == ("done", "B", 2)
        assert store.clip_path(job_id).read_bytes().endswith(b"attempt=2")
        assert_charged_once(store, job_id)


def test_sigterm_finishes_the_current_job_then_exits(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        first = enqueue(store, "sleep:2.5")
        second = enqueue(store, "instant")
        a = subprocess.Popen(
            worker_cmd("--renderer", SCRIPTED, "--worker-id", "A"), env=worker_env(tmp_path, lease_s=30.0),
            cwd=REPO, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            wait_until(running_on(store, first, "A"))
            wait_until(lambda: [(w.worker_id, w.state, w.job_id) for w in store.workers()] == [("A", "busy", first)])
            assert store.workers()[0].pid == a.pid
            a.send_signal(signal.SIGTERM)
            wait_until(lambda: [w.state for w in store.workers()] == ["stopping"])  # published while it finishes
        finally:
            _, err = a.communicate(timeout=60)
        assert a.returncode == 0, err[-3000:]
        clean(err)
        assert "finishing the current job" in err
        assert [store.get_job(j).state for j in (first, second)] == ["done", "queued"]  # type: ignore[union-attr]
        assert store.workers() == []  # unregistered on a graceful exit


def test_parent_forwards_sigterm_to_its_worker_processes(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        ids = [enqueue(store, "nap:3"), enqueue(store, "nap:3"), enqueue(store, "instant")]
        parent = subprocess.Popen(
            worker_cmd("--processes", "2", "--renderer", SCRIPTED), env=worker_env(tmp_path, lease_s=30.0),
            cwd=REPO, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            wait_until(lambda: store.stats().running == 2)
            parent.send_signal(signal.SIGTERM)
        finally:
            _, err = parent.communicate(timeout=60)
        assert parent.returncode == 0, err[-3000:]
        clean(err)
        assert [store.get_job(j).state for j in ids] == ["done", "done", "queued"]  # type: ignore[union-attr]


def test_sigterm_with_stop_grace_releases_a_long_render(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        job_id = enqueue(store, "nap:60")
        a = subprocess.Popen(
            worker_cmd("--renderer", SCRIPTED, "--worker-id", "A", "--stop-grace", "0.3"),
            env=worker_env(tmp_path, lease_s=30.0), cwd=REPO, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            wait_until(running_on(store, job_id, "A"))
            a.send_signal(signal.SIGTERM)
        finally:
            _, err = a.communicate(timeout=30)
        assert a.returncode == 0, err[-3000:]
        clean(err)
        assert "stop grace of 0.3s over" in err and "released back to the queue" in err
        job = store.get_job(job_id)
        assert job is not None and (job.state, job.attempts, job.lease_expires) == ("queued", 0, None)
        assert [r["kind"] for r in store.ledger(1)] == ["reserve"]  # still reserved for the next worker
        assert store.workers() == []


def test_a_crashed_worker_process_stops_the_set_for_a_restart(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        parent = subprocess.Popen(
            worker_cmd("--processes", "2", "--renderer", SCRIPTED), env=worker_env(tmp_path, lease_s=30.0),
            cwd=REPO, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            wait_until(lambda: len(store.workers()) == 2)  # both children are up
            crash = enqueue(store, "die")
        finally:
            _, err = parent.communicate(timeout=60)
        # The parent did not keep running one worker short: it stopped the other one and failed.
        assert parent.returncode == 1, err[-3000:]
        assert "exited with code 3; stopping the other workers" in err
        assert err.count("stopping after") == 1  # the healthy worker exited gracefully
        assert "database is locked" not in err
        job = store.get_job(crash)
        assert job is not None and (job.state, job.attempts) == ("running", 1)  # re-leased once its lease ends
        assert [(w.state, w.job_id) for w in store.workers()] == [("busy", crash)]  # only the dead one's row


def _spawned_workers(pid: int) -> int:
    """How many worker children ``pid`` has (the spawn resource tracker is not one)."""
    found = 0
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except FileNotFoundError:
            continue
        found += b"spawn_main" in cmdline and b"resource_tracker" not in cmdline
    return found


def _catches(pid: int, sig: signal.Signals) -> bool:
    """Whether process ``pid`` has installed a handler for ``sig`` (the SigCgt mask in /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (sig - 1) & 1)
    return False


def test_sigterm_while_the_children_start_is_a_clean_stop(tmp_path: Path) -> None:
    parent = subprocess.Popen(
        worker_cmd("--processes", "2", "--renderer", SCRIPTED), env=worker_env(tmp_path),
        cwd=REPO, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        wait_until(lambda: _spawned_workers(parent.pid) == 2, timeout=20)  # most likely still importing
        wait_until(lambda: _catches(parent.pid, signal.SIGTERM), timeout=20)  # the parent's forwarding handler
    finally:
        parent.send_signal(signal.SIGTERM)
        _, err = parent.communicate(timeout=60)
    assert parent.returncode == 0, err[-3000:]  # a child killed before its handler existed is no crash
    assert "stopping the other workers" not in err


def test_gpus_are_shared_round_robin_by_the_worker_processes(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        parent = subprocess.Popen(
            worker_cmd("--processes", "3", "--gpus", "0,1", "--renderer", SCRIPTED), env=worker_env(tmp_path),
            cwd=REPO, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            wait_until(lambda: len(store.workers()) == 3)
            by_index = {w.worker_id.rsplit("-", 1)[1]: w.gpu for w in store.workers()}  # ids end in -<index>
            assert by_index == {"0": 0, "1": 1, "2": 0}
        finally:
            parent.send_signal(signal.SIGTERM)
            _, err = parent.communicate(timeout=60)
        assert parent.returncode == 0, err[-3000:]
