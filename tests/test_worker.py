"""The render worker in-process, with fake renderers and a controllable clock."""

from __future__ import annotations

import argparse
import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from petreel.errors import Cancelled, ScriptError
from petreel.settings import QuotaSettings, RenderSettings, Settings, WorkerSettings
from render.stages import CancelFn, ClipInfo, ProgressFn
from storage.models import Job
from storage.store import Store
from tests.factories import make_script
from tests.fakes.clock import Clock
from tests.fakes.renderers import (
    FailingRenderer,
    InstantRenderer,
    ScriptedRenderer,
    StagedRenderer,
    write_fake_clip,
)
from worker.runner import PipelineRenderer, Worker, add_parsers, gpu_for, load_renderer, with_gpu


def make_settings(tmp_path: Path, **worker: float) -> Settings:
    return Settings(
        data_dir=tmp_path,
        worker=WorkerSettings(lease_s=60.0, heartbeat_s=30.0, backoff_s=0.0, max_attempts=3, poll_s=0.01).model_copy(
            update=worker
        ),
        quota=QuotaSettings(daily_free=3, max_queued=10, max_queue=100),
    )


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    s = Store.from_settings(settings)
    yield s
    s.close()


def enqueue(store: Store, premise: str = "a cat gets rich", script_json: str = "{}") -> int:
    return store.enqueue(1, premise, "ginger-cat", "storyboard", "en", script_json, 11).id


def run_worker(store: Store, renderer: object, settings: Settings, **kwargs: bool) -> int:
    worker = Worker(store, renderer, settings, "w-test")  # type: ignore[arg-type]
    try:
        return worker.run(**kwargs)
    finally:
        worker.close()


def test_worker_renders_publishes_and_completes(store: Store, settings: Settings) -> None:
    ids = [enqueue(store) for _ in range(2)]
    renderer = InstantRenderer()
    begun = time.monotonic()
    assert run_worker(store, renderer, settings, drain=True) == 2
    wall = time.monotonic() - begun
    assert renderer.rendered == ids
    for job_id in ids:
        job = store.get_job(job_id)
        assert job is not None and (job.state, job.worker_id) == ("done", "w-test")
        assert store.clip_path(job_id).read_bytes() == b"fake-mp4 job=%d attempt=1" % job_id
        assert store.thumbnail_path(job_id).read_bytes() == b"fake-jpg"
        assert [e.kind for e in store.events_for(job_id)] == ["queued", "progress", "done"]
        # the worker's own measurement of the render, for the bot's petreel_process_render_seconds
        assert 0.0 <= store.events_for(job_id)[-1].payload["process_render_s"] <= wall
    page, total = store.list_clips(1)
    assert total == 2 and page[0].size_bytes == store.clip_path(ids[1]).stat().st_size
    assert list((store.clips_dir / ".work").iterdir()) == []  # no leftovers
    assert [r["kind"] for r in store.ledger(1)] == ["reserve", "reserve", "commit", "commit"]


def test_once_processes_at_most_one_job(store: Store, settings: Settings) -> None:
    enqueue(store)
    enqueue(store)
    assert run_worker(store, InstantRenderer(), settings, once=True) == 1
    assert store.stats().jobs_by_state == {"done": 1, "queued": 1}


def test_a_job_that_always_fails_ends_dead_and_refunded(store: Store, settings: Settings) -> None:
    job_id = enqueue(store)
    renderer = FailingRenderer()
    assert run_worker(store, renderer, settings, drain=True) == 3
    job = store.get_job(job_id)
    assert job is not None and (job.state, job.attempts, job.error_code) == ("dead", 3, "render_failed")
    assert renderer.calls == 3
    assert [r["kind"] for r in store.ledger(1)] == ["reserve", "refund"]
    dead = store.events_for(job_id)[-1]
    assert (dead.kind, dead.payload["code"], dead.payload["message"]) == ("dead", "render_failed", "ffmpeg exited 1")
    assert not store.clip_path(job_id).exists()


def test_unexpected_exceptions_are_retried_as_render_failures(store: Store, settings: Settings) -> None:
    job_id = enqueue(store)
    assert run_worker(store, FailingRenderer(lambda: MemoryError("CUDA out of memory")), settings, drain=True) == 3
    job = store.get_job(job_id)
    assert job is not None and job.state == "dead"
    assert job.error == "MemoryError: CUDA out of memory"


def test_user_errors_other_than_render_failed_are_not_retried(store: Store, settings: Settings) -> None:
    job_id = enqueue(store, premise="broken-script")
    assert run_worker(store, ScriptedRenderer(), settings, drain=True) == 1
    job = store.get_job(job_id)
    assert job is not None and (job.state, job.attempts, job.error_code) == ("failed", 1, "script_error")
    assert store.events_for(job_id)[-1].kind == "failed"
    assert [r["kind"] for r in store.ledger(1)] == ["reserve", "refund"]


def test_cancellation_is_honoured_between_stages(store: Store, settings: Settings) -> None:
    job_id = enqueue(store)
    other = store.reopen()

    def cancel_at(stage: str) -> None:
        if stage == "narration":
            assert other.cancel(job_id, owner=1)

    renderer = StagedRenderer(cancel_at)
    worker = Worker(store, renderer, settings, "w", cancel_poll_s=0.0)
    try:
        assert worker.run_once() == "cancelled"
    finally:
        worker.close()
        other.close()
    assert renderer.reached == ["keyframes", "narration"]  # stopped before music
    job = store.get_job(job_id)
    assert job is not None and job.state == "cancelled"
    assert [r["kind"] for r in store.ledger(1)] == ["reserve", "refund"]
    assert [e.kind for e in store.events_for(job_id)] == ["queued", "progress", "cancelled"]
    assert not store.clip_path(job_id).exists()


def test_stale_worker_is_refused_and_the_newer_attempt_wins(tmp_path: Path) -> None:
    # Worker A renders with an expired lease (its clock jumps past it) while B re-claims the job.
    settings = make_settings(tmp_path, lease_s=5.0)
    clock = Clock()
    store_a = Store.from_settings(settings, clock=clock)
    store_b = store_a.reopen()
    job_id = enqueue(store_a)
    b_clip: list[int] = []

    def freeze_then_lose(stage: str) -> None:
        if stage == "narration":
            clock.now += 6  # A "froze" past its lease
            claimed = store_b.claim("worker-b", 5.0)
            assert claimed is not None and claimed.job.attempts == 2
            clip = store_b.complete(job_id, claimed.token, InstantRenderer().render(
                claimed.job, store_b.clip_path(job_id), lambda s, f: None, lambda: False))  # fmt: skip
            assert clip is not None
            b_clip.append(clip.id)

    worker_a = Worker(store_a, StagedRenderer(freeze_then_lose), settings, "worker-a", progress_interval_s=0.0)
    try:
        assert worker_a.run_once() == "stale"  # A's progress heartbeat was refused; it stopped
    finally:
        worker_a.close()
    job = store_a.get_job(job_id)
    assert job is not None and (job.state, job.worker_id, job.attempts) == ("done", "worker-b", 2)
    page, total = store_a.list_clips(1)
    assert total == 1 and page[0].id == b_clip[0]
    assert store_a.clip_path(job_id).read_bytes().endswith(b"attempt=2")  # A never overwrote it
    assert [r["kind"] for r in store_a.ledger(1)] == ["reserve", "commit"]
    store_a.close()
    store_b.close()


def test_abort_releases_the_lease(store: Store, settings: Settings) -> None:
    job_id = enqueue(store)
    worker = Worker(store, StagedRenderer(lambda stage: worker.request_stop(abort=True)), settings, "w")
    try:
        assert worker.run() == 1
    finally:
        worker.close()
    job = store.get_job(job_id)
    assert job is not None and (job.state, job.attempts, job.worker_id) == ("queued", 0, None)
    assert [r["kind"] for r in store.ledger(1)] == ["reserve"]  # still reserved for the next worker


def test_graceful_stop_finishes_the_current_job(store: Store, settings: Settings) -> None:
    first, second = enqueue(store), enqueue(store)
    worker = Worker(store, StagedRenderer(lambda stage: worker.request_stop()), settings, "w")
    try:
        assert worker.run() == 1
    finally:
        worker.close()
    assert [store.get_job(j).state for j in (first, second)] == ["done", "queued"]  # type: ignore[union-attr]


class ProgressFlood:
    """Reports 100 progress steps in each of two stages, as fast as it can."""

    def render(self, job: Job, out_path: Path, progress: ProgressFn, should_cancel: CancelFn) -> ClipInfo:
        for stage in ("keyframes", "compose"):
            for i in range(100):
                progress(stage, i / 100)
        return write_fake_clip(job, out_path)


def _writes_while_rendering(settings: Settings, progress_interval_s: float) -> int:
    """Database writes to the job row while it is running (progress writes and lease renewals from
    any connection), counted by a trigger: the outbox merges progress events, so events can't tell."""
    store = Store.from_settings(settings)
    store.db.execute("CREATE TABLE running_writes (job_id INTEGER)")
    store.db.execute(
        "CREATE TRIGGER count_running_writes AFTER UPDATE ON jobs "
        "WHEN OLD.state = 'running' AND NEW.state = 'running' "
        "BEGIN INSERT INTO running_writes VALUES (NEW.id); END"
    )
    enqueue(store)
    worker = Worker(store, ProgressFlood(), settings, "w", progress_interval_s=progress_interval_s)
    try:
        assert worker.run_once() == "done"
        return int(store.db.execute("SELECT COUNT(*) FROM running_writes").fetchone()[0])
    finally:
        worker.close()
        store.close()


def test_progress_writes_are_throttled(tmp_path: Path) -> None:
    """200 progress reports in two stages: the first of each stage is written, the rest wait for
    ``progress_interval_s`` (plus the one claim check before publishing). Without the throttle
    every report is a write under the database's write lock."""
    throttled = _writes_while_rendering(make_settings(tmp_path / "throttled"), progress_interval_s=60.0)
    unthrottled = _writes_while_rendering(make_settings(tmp_path / "unthrottled"), progress_interval_s=0.0)
    assert throttled <= 4, f"{throttled} writes for 2 stages"
    assert unthrottled >= 200  # the same renderer, the throttle off: the count above is the throttle's


def test_heartbeat_thread_renews_the_lease(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, lease_s=30.0, heartbeat_s=0.05)
    store = Store.from_settings(settings)
    job_id = enqueue(store)
    reader = store.reopen()
    leases: list[float] = []

    def lease() -> float:
        job = reader.get_job(job_id)
        assert job is not None and job.lease_expires is not None
        return job.lease_expires

    def watch(stage: str) -> None:
        leases.append(lease())
        if stage == "a":
            first = leases[0]
            _wait_for(lambda: lease() > first)  # stage "a" lasts until the heartbeat thread renews

    worker = Worker(store, StagedRenderer(watch, stages=("a", "b")), settings, "w", progress_interval_s=60.0)
    try:
        assert worker.run_once() == "done"
    finally:
        worker.close()
        reader.close()
        store.close()
    assert leases[1] > leases[0]  # renewed by the heartbeat thread while stage "a" slept


def _wait_for(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.02)


def test_idle_worker_registers_heartbeats_and_unregisters(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, heartbeat_s=0.05)
    reader = Store.from_settings(settings)
    reader.worker_heartbeat("ghost", "busy", 99)  # a worker killed long ago
    reader.db.execute("UPDATE workers SET heartbeat = heartbeat - 7200")
    box: dict[str, Worker] = {}
    ready = threading.Event()

    def serve_in_thread() -> None:  # a Store belongs to the thread that opened it
        with Store.from_settings(settings) as own:
            box["w"] = Worker(own, InstantRenderer(), settings, "w-idle")
            ready.set()
            try:
                box["w"].run()
            finally:
                box["w"].close()

    thread = threading.Thread(target=serve_in_thread)
    thread.start()
    try:
        ready.wait(5)
        _wait_for(lambda: [w.worker_id for w in reader.workers()] == ["w-idle"])  # the ghost was pruned
        (first,) = reader.workers()
        assert (first.state, first.job_id, first.pid, first.host) == ("idle", None, os.getpid(), socket.gethostname())
        _wait_for(lambda: reader.workers()[0].heartbeat > first.heartbeat)  # beats while idle
        assert reader.workers()[0].started == first.started
        job_id = enqueue(reader)
        _wait_for(lambda: getattr(reader.get_job(job_id), "state", None) == "done")
        _wait_for(lambda: (reader.workers()[0].state, reader.workers()[0].job_id) == ("idle", None))  # idle again
    finally:
        box["w"].request_stop()
        thread.join(10)
    assert not thread.is_alive()
    assert reader.workers() == []  # removed on the way out
    reader.close()


def test_busy_then_stopping_is_published_while_rendering(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, heartbeat_s=0.05)
    store = Store.from_settings(settings)
    reader = store.reopen()
    job_id = enqueue(store)
    seen: list[tuple[str, int | None]] = []

    def on_stage(stage: str) -> None:
        if stage == "a":
            (row,) = reader.workers()
            seen.append((row.state, row.job_id))
            worker.request_stop()  # finish this job, then exit
            _wait_for(lambda: reader.workers()[0].state == "stopping")  # the heartbeat thread wrote it
            (row,) = reader.workers()
            seen.append((row.state, row.job_id))

    worker = Worker(store, StagedRenderer(on_stage, stages=("a", "b")), settings, "w-busy")
    try:
        assert worker.run() == 1
    finally:
        worker.close()
    assert seen == [("busy", job_id), ("stopping", job_id)]
    job = store.get_job(job_id)
    assert job is not None and job.state == "done" and job.started is not None and job.finished is not None
    assert reader.workers() == []
    assert store.render_seconds() == [job.finished - job.started]
    reader.close()
    store.close()


def test_pipeline_renderer_rejects_an_invalid_stored_script(settings: Settings) -> None:
    job = Job(
        id=1, owner=1, chat_id=None, premise="p", style="ginger-cat", art_style="storyboard", language="en",
        script_json='{"title": ""}', seed=1, state="running", attempts=1, max_attempts=3, run_after=0.0,
        lease_expires=None, worker_id="w", progress_stage=None, progress_fraction=None, error_code=None,
        error=None, utc_day="2025-03-01", status_chat_id=None, status_message_id=None, parent_clip_id=None,
        created=0.0, updated=0.0, finished=None,
    )  # fmt: skip
    with pytest.raises(ScriptError):
        PipelineRenderer(settings).render(job, Path("unused.mp4"), lambda s, f: None, lambda: False)
    assert make_script().model_dump_json()  # the factory script is what real jobs carry


def test_load_renderer(settings: Settings) -> None:
    assert isinstance(load_renderer(None, settings), PipelineRenderer)
    assert isinstance(load_renderer("tests.fakes.renderers:instant", settings), InstantRenderer)
    with pytest.raises(ValueError, match="module:factory"):
        load_renderer("tests.fakes.renderers", settings)


def test_cli_options_and_gpu_pinning(settings: Settings) -> None:
    parser = argparse.ArgumentParser()
    add_parsers(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["worker", "--processes", "4", "--gpu", "1", "--once", "--renderer", "m:f"])
    assert (args.processes, args.gpu, args.once, args.drain, args.renderer) == (4, 1, True, False, "m:f")
    assert args.stop_grace is None  # by default a stop waits for the current job
    assert args.gpus is None and parser.parse_args(["worker", "--gpus", "0,1, 3"]).gpus == (0, 1, 3)
    for bad in (["--gpus", "a"], ["--gpus", "-1"], ["--gpus", ","], ["--gpu", "0", "--gpus", "1"]):
        with pytest.raises(SystemExit):
            parser.parse_args(["worker", *bad])
    assert [gpu_for(i, (0, 1)) for i in range(4)] == [0, 1, 0, 1]
    assert gpu_for(3, ()) is None
    assert parser.parse_args(["worker", "--stop-grace", "90"]).stop_grace == 90.0
    pinned = with_gpu(settings, 1)
    assert (pinned.worker.gpu, pinned.render.device) == (1, "cuda:1")
    assert with_gpu(settings, None) is settings


def test_pipeline_renderer_end_to_end_through_the_worker(tmp_path: Path) -> None:
    settings = make_settings(tmp_path).model_copy(
        update={"render": RenderSettings(width=72, height=128, fps=6, narration=False, music=False)}
    )
    script = make_script(n_scenes=5, scene_s=4.0)
    with Store.from_settings(settings) as store:
        job_id = store.enqueue(1, script.premise, script.style, "storyboard", "en", script.model_dump_json(), 5).id
        worker = Worker(store, PipelineRenderer(settings), settings, "e2e")
        try:
            assert worker.run_once() == "done"
        finally:
            worker.close()
        (clip,), total = store.list_clips(1)
        assert (clip.job_id, clip.width, clip.height, total) == (job_id, 72, 128, 1)
        assert clip.duration == pytest.approx(script.duration, abs=1.0)
        assert clip.path == store.clip_path(job_id) and clip.path.stat().st_size == clip.size_bytes > 0
        assert clip.path.read_bytes()[4:8] == b"ftyp"  # an MP4
        assert clip.thumbnail == store.thumbnail_path(job_id) and clip.thumbnail.is_file()


def test_pipeline_renderer_keeps_its_backends_loaded_between_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The expensive parts are replaced (offline twins): building backends = loading models; rendering
    # = writing a fake clip that records which backends object it was given.
    from render import backends as render_backends
    from render import pipeline
    built: list[object] = []
    used: list[object] = []

    def build(settings: Settings) -> object:
        built.append(object())
        return built[-1]

    def render_clip(script: object, out_path: Path, backends: object, *rest: object) -> ClipInfo:
        used.append(backends)
        out_path.write_bytes(b"mp4")
        out_path.with_suffix(".jpg").write_bytes(b"jpg")
        return ClipInfo(out_path, out_path.with_suffix(".jpg"), 72, 128, 20.0, 3)

    monkeypatch.setattr(render_backends, "default_backends", build)
    monkeypatch.setattr(pipeline, "render_clip", render_clip)
    settings = make_settings(tmp_path)
    script = make_script().model_dump_json()
    with Store.from_settings(settings) as store:
        ids = [store.enqueue(1, "p", "ginger-cat", "storyboard", "en", script, seed).id for seed in (1, 2)]
        worker = Worker(store, PipelineRenderer(settings), settings, "warm")
        try:
            assert worker.run(drain=True) == 2
        finally:
            worker.close()
        assert [getattr(store.get_job(j), "state", None) for j in ids] == ["done", "done"]
    assert len(built) == 1 and used == [built[0], built[0]]  # built once per process, reused by every job


class _NoFileRenderer:
    def render(self, job: Job, out_path: Path, progress: object, should_cancel: object) -> ClipInfo:
        return ClipInfo(out_path, out_path.with_suffix(".jpg"), 1, 1, 1.0, 1)  # claims a file it never wrote


def test_missing_output_is_a_retryable_failure_not_a_crash(store: Store, settings: Settings) -> None:
    job_id = enqueue(store)
    assert run_worker(store, _NoFileRenderer(), settings, drain=True) == 3
    job = store.get_job(job_id)
    assert job is not None and job.state == "dead" and (job.error or "").startswith("FileNotFoundError")


class _SpuriousCancelRenderer:
    def render(self, job: Job, out_path: Path, progress: object, should_cancel: object) -> ClipInfo:
        raise Cancelled()


def test_a_cancel_nobody_asked_for_counts_as_a_failed_attempt(store: Store, settings: Settings) -> None:
    job_id = enqueue(store)
    assert run_worker(store, _SpuriousCancelRenderer(), settings, drain=True) == 3
    job = store.get_job(job_id)
    assert job is not None and (job.state, job.attempts) == ("dead", 3)


def test_worker_applies_the_retention_setting(tmp_path: Path) -> None:
    settings = make_settings(tmp_path).model_copy(update={"retention_days": 30})
    clock = Clock()
    store = Store.from_settings(settings, clock=clock)
    old = enqueue(store)
    assert run_worker(store, InstantRenderer(), settings, drain=True) == 1
    # 1. A month later: a fresh clip, a leftover of a killed worker and a live render's work file.
    clock.now += 31 * 86_400
    fresh = enqueue(store)
    work = store.clips_dir / ".work"
    dead_leftover, live_render = work / "77-deadbeef.mp4", work / "78-cafe.mp4"
    dead_leftover.write_bytes(b"x")
    live_render.write_bytes(b"y")
    two_days_ago = time.time() - 2 * 86_400
    os.utime(dead_leftover, (two_days_ago, two_days_ago))
    # 2. The next worker start prunes before it claims.
    assert run_worker(store, InstantRenderer(), settings, drain=True) == 1
    page, total = store.list_clips(1)
    assert total == 1 and page[0].job_id == fresh  # the pruned clip (never sent) is no longer listed
    assert not store.clip_path(old).exists() and not store.thumbnail_path(old).exists()
    assert store.clip_path(fresh).is_file()
    pruned = store.db.execute("SELECT job_id FROM clips WHERE pruned IS NOT NULL").fetchall()
    assert pruned == [(old,)]
    assert not dead_leftover.exists() and live_render.exists()
    store.close()


def test_a_clip_without_thumbnail_is_done_with_no_thumbnail_recorded(store: Store, settings: Settings) -> None:
    job_id = enqueue(store, premise="no-thumbnail")
    assert run_worker(store, ScriptedRenderer(), settings, once=True) == 1
    (clip,), _ = store.list_clips(1)
    assert (clip.job_id, clip.thumbnail, clip.path) == (job_id, None, store.clip_path(job_id))
    assert clip.path.is_file() and not store.thumbnail_path(job_id).exists()


def test_stop_grace_releases_a_render_that_outlasts_it(store: Store, settings: Settings) -> None:
    first, second = enqueue(store), enqueue(store)

    def stop_then_keep_rendering(stage: str) -> None:
        if stage == "keyframes":
            worker.request_stop()  # SIGTERM: finish if it fits in the grace
        time.sleep(0.06)

    renderer = StagedRenderer(stop_then_keep_rendering)
    worker = Worker(store, renderer, settings, "w", stop_grace_s=0.1)
    try:
        assert worker.run() == 1
    finally:
        worker.close()
    assert renderer.reached == ["keyframes", "narration"]  # the cancellation check after the grace stopped it
    job = store.get_job(first)
    assert job is not None and (job.state, job.attempts, job.worker_id) == ("queued", 0, None)
    assert store.get_job(second).state == "queued"  # type: ignore[union-attr]
    assert [r["kind"] for r in store.ledger(1)] == ["reserve", "reserve"]  # nothing refunded or charged


def test_a_heartbeat_longer_than_the_lease_is_shortened(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, lease_s=1.0, heartbeat_s=30.0)  # misconfigured: one beat per 30 s
    store = Store.from_settings(settings)
    rival = store.reopen()
    job_id = enqueue(store)
    stolen: list[object] = []

    def try_to_steal(stage: str) -> None:
        job = rival.get_job(job_id)
        assert job is not None and job.lease_expires is not None
        claimed_lease = job.lease_expires
        # render past the end of the lease the claim took: only the heartbeat keeps the job
        _wait_for(lambda: time.time() > claimed_lease + 0.2)
        stolen.append(rival.claim("rival", 1.0))

    worker = Worker(store, StagedRenderer(try_to_steal, stages=("a",)), settings, "w", progress_interval_s=60.0)
    try:
        assert worker.run_once() == "done"
    finally:
        worker.close()
    assert stolen == [None]
    job = store.get_job(job_id)
    assert job is not None and (job.state, job.worker_id, job.attempts) == ("done", "w", 1)
    rival.close()
    store.close()


def test_pipeline_renderer_finds_the_job_a_remix_comes_from(store: Store, settings: Settings) -> None:
    original = enqueue(store)
    assert run_worker(store, InstantRenderer(), settings, drain=True) == 1
    clips, _ = store.list_clips(1)
    assert [c.job_id for c in clips] == [original]
    remix = store.enqueue(1, "a cat gets rich", "corgi", "storyboard", "en", "{}", 12, parent_clip_id=clips[0].id)
    fresh = store.get_job(enqueue(store))
    renderer = PipelineRenderer(settings)
    assert renderer.parent_job_id(remix) == original
    assert fresh is not None and renderer.parent_job_id(fresh) is None


def test_a_beat_landing_right_after_complete_is_not_a_lost_claim(
    store: Store, settings: Settings, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The heartbeat thread may renew between our own complete() and unwatch(): the refusal is
    expected, not a "claim lost" warning (8 busy workers logged hundreds of them per 4,000 jobs)."""
    job_id = enqueue(store)
    worker = Worker(store, InstantRenderer(), settings, "w-test")
    beat_store = store.reopen()
    real_complete = store.complete
    refused: list[bool] = []

    def complete_then_beat(*args: object, **kwargs: object) -> object:
        clip = real_complete(*args, **kwargs)  # type: ignore[arg-type]
        claim = worker._heartbeat._claim  # still watched: unwatch() comes after complete()
        assert claim is not None
        worker._heartbeat._renew(beat_store, claim)  # the heartbeat thread's beat, in that window
        refused.append(claim.stale)
        return clip

    monkeypatch.setattr(store, "complete", complete_then_beat)
    try:
        with caplog.at_level(logging.WARNING, logger="worker.runner"):
            assert worker.run(once=True) == 1
    finally:
        worker.close()
        beat_store.close()
    job = store.get_job(job_id)
    assert job is not None and job.state == "done"
    assert refused == [True]  # the renewal was refused (the job is done) ...
    assert "claim lost" not in caplog.text  # ... and that is no news
