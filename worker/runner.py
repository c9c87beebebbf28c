"""``petreel worker``: processes that claim jobs, keep their lease alive, render and complete.

One ``Worker`` per process owns one ``Store`` (the render thread) plus a heartbeat thread with its own
connection that renews the lease every ``settings.worker.heartbeat_s``. Every write quotes the claim
token, so a worker that froze past its lease is refused and the newer attempt wins.

The process also keeps a ``workers`` row (health checks, metrics): registered when ``run`` starts,
heartbeated every ``heartbeat_s`` through ``Store.worker_heartbeat`` (one statement) – by the poll loop
while idle and by the heartbeat thread while a job renders (``Store.claim`` marks it busy in the claim's
own transaction) – marked ``stopping`` once a stop is requested, and removed when ``run`` returns.

Rendering goes to ``<clips_dir>/.work/<job_id>-<token>.mp4`` and is published as ``<job_id>.mp4``/``.jpg``
only while the claim is still ours. When the store keeps clips in the database (PostgreSQL), ``complete``
copies the work files into it instead, so a worker on another host shares nothing with the bot but the
database URL. Idle workers wait on ``Store.wait_for_jobs`` (LISTEN/NOTIFY on PostgreSQL; the poll
interval stays as the safety net). Backends are built once per process (``PipelineRenderer``), so models
stay loaded.

Retention: every ``maintenance_every_s`` (and at start) the loop applies ``settings.retention_days``
through ``Store.prune`` (old clip files, delivered events, expired drafts) and deletes ``.work`` files
older than a day (left by killed workers). Concurrent workers doing it at once is harmless.

Signals: the first SIGTERM/SIGINT finishes the current job and exits; a second one aborts the render at
the next cancellation check and releases the lease (the job goes back to the queue, attempt not counted).
With ``stop_grace_s`` (``--stop-grace``) the first signal aborts and releases too once the render has
run that long after it, so a container's kill deadline never lands mid-render.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import logging
import multiprocessing
import multiprocessing.connection as mp_connection
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any, Literal, Protocol

from pydantic import ValidationError

from petreel.errors import Cancelled, RenderFailed, ScriptError, UserError
from petreel.settings import Settings, load_settings
from render.stages import CancelFn, ClipInfo, ProgressFn
from storage.models import ClaimedJob, Job, WorkerState
from storage.store import DatabaseError, Store
from worker.capacity import auto_processes, available_mib, parse_processes, usable_cores

log = logging.getLogger(__name__)

# Rows of workers silent this long (killed processes) are deleted when a worker registers.
WORKER_ROW_TTL_S = 3600.0
# Retention runs this often; render leftovers in ``.work`` older than a day belong to dead workers.
MAINTENANCE_EVERY_S = 3600.0
WORK_FILE_TTL_S = 86_400.0

# A failed database call or disk operation: logged and retried by the loop.
DATABASE_OR_DISK: tuple[type[Exception], ...] = (*DatabaseError, OSError)

Outcome = Literal["done", "queued", "failed", "dead", "cancelled", "released", "stale"]


class JobRenderer(Protocol):
    def render(self, job: Job, out_path: Path, progress: ProgressFn, should_cancel: CancelFn) -> ClipInfo:
        """Render ``job`` to ``out_path`` (MP4) plus a thumbnail; raise ``Cancelled`` when
        ``should_cancel()`` turns True, ``UserError``/``RenderFailed`` for known failures."""
        ...


RendererFactory = Callable[[Settings], JobRenderer]


class PipelineRenderer:
    """The real renderer: job.script_json → ``Script`` → ``render.pipeline.render_clip``.

    The backends (and any models they load) are built on first use and kept for every later job.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._backends: Any = None
        self._diffusers = False  # the warm backends are the diffusers set (not the CPU fallback)
        self._lookup: Store | None = None  # opened on first remix, on the render thread

    def parent_job_id(self, job: Job) -> int | None:
        """The job that rendered the clip this job remixes (its character sheets are reused)."""
        if job.parent_clip_id is None:
            return None
        if self._lookup is None:
            self._lookup = Store.from_settings(self.settings)
        clip = self._lookup.get_clip(job.parent_clip_id)
        return clip.job_id if clip is not None else None

    def prepare(self) -> None:
        """Build the backends now (load models before the first job arrives)."""
        if self._backends is None:
            from render.backends import cpu_backends, default_backends

            r = self.settings.render
            if r.backend == "diffusers" and not r.model_path:
                # a GPU worker started without a model (a fresh `docker compose up`) keeps working
                # and says why, instead of exiting into a restart loop
                log.warning(
                    "PETREEL_RENDER__BACKEND=diffusers without PETREEL_RENDER__MODEL_PATH: rendering with the "
                    "CPU storyboard painter; put a diffusers pipeline in the models volume and set the path"
                )
                self._backends = cpu_backends(self.settings)
            else:
                self._backends = default_backends(self.settings)
                self._diffusers = r.backend == "diffusers"

    def render(self, job: Job, out_path: Path, progress: ProgressFn, should_cancel: CancelFn) -> ClipInfo:
        from story.script import Script

        # 1. The stored script (written and validated at enqueue; re-validated here).
        try:
            script = Script.model_validate_json(job.script_json)
        except ValidationError as exc:
            raise ScriptError(f"stored script is invalid: {exc.error_count()} errors") from exc
        # 2. Output spec from settings, seed from the job; backends built once per process.
        from render import pipeline

        spec = pipeline.render_spec(self.settings, seed=job.seed)
        self.prepare()
        backends = self._backends
        if self._diffusers:
            # Per-job view of the warm pipelines: character sheets kept with the job (a remix
            # inherits its parent's) and cancellation wired into image-to-video.
            from render.diffusion.backend import job_backends

            backends = job_backends(backends, job.id, self.parent_job_id(job), should_cancel)
        # 3. Render.
        result: ClipInfo = pipeline.render_clip(script, out_path, backends, spec, progress, should_cancel)
        return result


def pipeline_renderer(settings: Settings) -> JobRenderer:
    return PipelineRenderer(settings)


def load_renderer(spec: str | None, settings: Settings) -> JobRenderer:
    """``module:factory`` → ``factory(settings)``; None → the real pipeline renderer."""
    if not spec:
        return PipelineRenderer(settings)
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise ValueError(f"--renderer must look like module:factory, got {spec!r}")
    factory: RendererFactory = getattr(importlib.import_module(module_name), attr)
    return factory(settings)


# -- the claim a render is working under ---------------------------------------------------------------


@dataclass
class _Claim:
    job_id: int
    token: str
    stale: bool = False  # another worker holds the job now (or it was finished/cancelled)
    closing: bool = False  # this worker is writing the attempt's outcome: a refused renewal is expected
    pending: tuple[str, float] | None = None  # progress reported off the render thread

    def take_pending(self) -> tuple[str | None, float | None]:
        pending, self.pending = self.pending, None
        return pending if pending is not None else (None, None)


BeatFn = Callable[[Store, int | None], None]


class _Heartbeat:
    """A thread with its own connection that, every ``interval_s`` while a claim is watched, renews
    its lease and heartbeats the worker row through ``beat``."""

    def __init__(self, open_store: Callable[[], Store], interval_s: float, lease_s: float, beat: BeatFn) -> None:
        self._open_store = open_store
        self._interval_s = interval_s
        self._lease_s = lease_s
        self._beat = beat
        self._claim: _Claim | None = None
        self._lock = threading.Lock()  # unwatch() waits for a beat in flight: no 'busy' after 'idle'
        self._wake = threading.Event()
        self._closed = False
        self._thread: threading.Thread | None = None

    def watch(self, claim: _Claim) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="petreel-heartbeat", daemon=True)
            self._thread.start()
        self._claim = claim

    def unwatch(self) -> None:
        with self._lock:
            self._claim = None

    def wake(self) -> None:
        """Beat now (e.g. to publish 'stopping'); safe from a signal handler."""
        self._wake.set()

    def close(self) -> None:
        self._closed = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _run(self) -> None:
        store = self._open_store()
        try:
            while not self._closed:
                self._wake.wait(self._interval_s)
                self._wake.clear()
                with self._lock:
                    claim = self._claim
                    if self._closed or claim is None:
                        continue
                    self._renew(store, claim)
                    self._beat(store, claim.job_id)
        finally:
            store.close()

    def _renew(self, store: Store, claim: _Claim) -> None:
        if claim.stale:
            return
        stage, fraction = claim.take_pending()
        try:
            alive = store.heartbeat(claim.job_id, claim.token, stage, fraction, self._lease_s)
        except DatabaseError:
            log.exception("heartbeat for job %s failed", claim.job_id)
            return
        if not alive:
            if not claim.closing:  # (a beat landing right after our own complete/fail is no news)
                log.warning("job %s: claim lost (lease expired or job finished elsewhere)", claim.job_id)
            claim.stale = True


# -- the worker -----------------------------------------------------------------------------------------


class Worker:
    def __init__(
        self,
        store: Store,
        renderer: JobRenderer,
        settings: Settings,
        worker_id: str,
        *,
        progress_interval_s: float = 1.0,
        cancel_poll_s: float = 0.5,
        maintenance_every_s: float = MAINTENANCE_EVERY_S,
        stop_grace_s: float | None = None,
    ) -> None:
        self.store = store
        self.renderer = renderer
        self.settings = settings
        self.worker_id = worker_id
        self.progress_interval_s = progress_interval_s
        self.cancel_poll_s = cancel_poll_s
        self.maintenance_every_s = maintenance_every_s
        self._next_maintenance = -float("inf")  # time.monotonic() of the next retention pass
        self.stop_grace_s = stop_grace_s  # None: a stop request waits for the current job however long
        self.stop_requested = False
        self.abort_requested = False
        self._stop_deadline = float("inf")  # time.monotonic() after which a stop request aborts
        self._thread_id = threading.get_ident()
        self.pid = os.getpid()
        self.host = socket.gethostname()
        ws = settings.worker
        # A lease must survive a late beat: renew at least three times per lease, whatever is configured.
        beat_s = min(ws.heartbeat_s, ws.lease_s / 3)
        if beat_s < ws.heartbeat_s:
            log.warning("worker.heartbeat_s=%gs is too long for lease_s=%gs; beating every %gs", ws.heartbeat_s,
                        ws.lease_s, beat_s)  # fmt: skip
        self._heartbeat = _Heartbeat(store.reopen, beat_s, ws.lease_s, self._beat)
        self._last_beat = -float("inf")  # time.monotonic() of the poll loop's last worker-row write

    # -- control ------------------------------------------------------------------------------------

    def request_stop(self, abort: bool = False) -> None:
        """Stop after the current job; ``abort`` also abandons it (lease released)."""
        if not self.stop_requested and self.stop_grace_s is not None:
            self._stop_deadline = time.monotonic() + self.stop_grace_s
        self.stop_requested = True
        self.abort_requested = self.abort_requested or abort
        self._heartbeat.wake()  # a rendering worker publishes 'stopping' now

    def on_signal(self, signum: int, frame: FrameType | None) -> None:
        first = not self.stop_requested
        self.request_stop(abort=not first)
        log.warning(
            "%s: %s", signal.Signals(signum).name, "finishing the current job" if first else "aborting the current job"
        )

    def close(self) -> None:
        self._heartbeat.close()

    # -- loop ---------------------------------------------------------------------------------------

    def run(self, *, once: bool = False, drain: bool = False, parent_pid: int | None = None) -> int:
        """Claim and render until stopped. ``once``: at most one job; ``drain``: stop when nothing is
        claimable; ``parent_pid``: stop when that parent process goes away. Returns jobs processed."""
        processed = 0
        processed_since_idle = False
        self._register()
        try:
            while not self.stop_requested:
                if parent_pid is not None and os.getppid() != parent_pid:
                    log.warning("parent process exited; stopping")
                    break
                self._maintain()
                try:
                    outcome = self.run_once()
                except DATABASE_OR_DISK:
                    log.exception("queue error; retrying after %.1fs", self.settings.worker.poll_s)
                    outcome = None
                if outcome is not None:
                    processed += 1
                else:
                    self._beat_idle(force=processed_since_idle)  # the row may still say 'busy'
                processed_since_idle = outcome is not None
                if once or (outcome is None and drain):
                    break
                if outcome is None:
                    self._idle(self.settings.worker.poll_s)
        finally:
            self._unregister()
        return processed

    def _idle(self, seconds: float) -> None:
        """Wait up to ``seconds`` for work: PostgreSQL wakes us when a job is queued (LISTEN/NOTIFY);
        the poll interval stays as the safety net (and is all there is on SQLite)."""
        end = time.monotonic() + seconds
        while not self.stop_requested and (left := end - time.monotonic()) > 0:
            self._beat_idle()
            try:
                if self.store.wait_for_jobs(min(0.1, left)):
                    return
            except DatabaseError:
                log.exception("%s: waiting for jobs failed", self.worker_id)
                time.sleep(min(0.1, left))

    # -- the workers row --------------------------------------------------------------------------

    def _beat(self, store: Store, job_id: int | None, *, started: float | None = None) -> None:
        """Heartbeat this worker's row on ``store`` (the caller thread's own connection)."""
        state: WorkerState = "stopping" if self.stop_requested else "idle" if job_id is None else "busy"
        try:
            store.worker_heartbeat(
                self.worker_id, state, job_id, pid=self.pid, host=self.host, gpu=self.settings.worker.gpu,
                started=started,
            )  # fmt: skip
        except DatabaseError:
            log.exception("%s: worker heartbeat failed", self.worker_id)

    def _beat_idle(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last_beat >= self.settings.worker.heartbeat_s:
            self._last_beat = now
            self._beat(self.store, None)

    def _maintain(self) -> None:
        """Apply the retention setting and drop stale render leftovers, at most every ``maintenance_every_s``."""
        if time.monotonic() < self._next_maintenance:
            return
        self._next_maintenance = time.monotonic() + self.maintenance_every_s
        # 1. Old clip files, delivered events and expired drafts.
        try:
            pruned = self.store.prune(self.settings.retention_days)
        except DATABASE_OR_DISK:
            log.exception("%s: retention pass failed", self.worker_id)
        else:
            if pruned:
                log.info("%s: retention removed %d clip(s) older than %d days", self.worker_id, pruned,
                         self.settings.retention_days)  # fmt: skip
        # 2. Work files of renders whose worker died (no render takes a day).
        cutoff = time.time() - WORK_FILE_TTL_S
        try:
            for leftover in (self.store.clips_dir / ".work").glob("*"):
                try:
                    if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                        leftover.unlink(missing_ok=True)
                except FileNotFoundError:  # its render was published (renamed) or removed meanwhile
                    continue
        except OSError:
            log.exception("%s: could not clean the work folder", self.worker_id)

    def _register(self) -> None:
        # 1. Forget workers that died without unregistering, 2. then announce this one.
        try:
            self.store.prune_workers(WORKER_ROW_TTL_S)
        except DatabaseError:
            log.exception("%s: could not prune old worker rows", self.worker_id)
        self._last_beat = time.monotonic()
        self._beat(self.store, None, started=self.store.clock())

    def _unregister(self) -> None:
        try:
            self.store.remove_worker(self.worker_id)
        except DatabaseError:
            log.exception("%s: could not remove the worker row", self.worker_id)

    def run_once(self) -> Outcome | None:
        """Claim one job and process it; None when nothing was claimable."""
        claimed = self.store.claim(self.worker_id, self.settings.worker.lease_s)
        if claimed is None:
            return None
        return self.process(claimed)

    def process(self, claimed: ClaimedJob) -> Outcome:
        job, token = claimed.job, claimed.token
        claim = _Claim(job.id, token)
        work = self.store.clips_dir / ".work" / f"{job.id}-{token[:12]}.mp4"
        work.parent.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        log.info("job %s: attempt %s/%s on %s", job.id, job.attempts, job.max_attempts, self.worker_id)
        self._heartbeat.watch(claim)  # the claim itself marked our row 'busy'
        try:
            # 1. Render under the claim (progress and cancellation go through the closures).
            try:
                info = self.renderer.render(job, work, self._progress_fn(claim), self._cancel_fn(claim))
                render_s = time.monotonic() - started  # the bot's petreel_process_render_seconds
            except Cancelled:
                return self._after_cancel(claim)
            except UserError as exc:
                retryable = isinstance(exc, RenderFailed)
                return self._failed(claim, str(exc), exc.code, retryable)
            except Exception as exc:  # a bug or a transient failure (OOM, ffmpeg): retried with backoff
                log.exception("job %s: render raised", job.id)
                return self._failed(claim, f"{type(exc).__name__}: {exc}", RenderFailed.code, True)
            # 2. Publish and complete only while the claim is still ours.
            if claim.stale or not self.store.heartbeat(job.id, token):
                log.warning("job %s: finished a stale attempt; discarding it", job.id)
                return "stale"
            try:
                # Kept in the database (PostgreSQL): complete() copies the work files in its commit.
                published = info if self.store.clips_in_db else self._publish(info, job.id)
            except OSError as exc:  # the renderer's files are missing or the disk is full
                log.exception("job %s: could not publish the clip", job.id)
                return self._failed(claim, f"{type(exc).__name__}: {exc}", RenderFailed.code, True)
            try:
                claim.closing = True
                clip = self.store.complete(job.id, token, published, process_render_s=render_s)
            except OSError as exc:  # the renderer's files vanished before they reached the database
                log.exception("job %s: could not store the clip", job.id)
                return self._failed(claim, f"{type(exc).__name__}: {exc}", RenderFailed.code, True)
            if clip is None:
                return "stale"
            log.info("job %s: done in %.1fs (clip %s)", job.id, time.monotonic() - started, clip.id)
            return "done"
        finally:
            # 3. Stop the heartbeat for this claim and drop any leftover work files.
            self._heartbeat.unwatch()
            for leftover in work.parent.glob(f"{job.id}-{token[:12]}.*"):
                leftover.unlink(missing_ok=True)

    def _after_cancel(self, claim: _Claim) -> Outcome:
        if self.store.is_cancelled(claim.job_id):
            log.info("job %s: cancelled by its owner", claim.job_id)
            return "cancelled"
        if claim.stale:
            return "stale"
        if self.abort_requested:  # shutting down: hand the job back now rather than when the lease ends
            claim.closing = True
            if self.store.release(claim.job_id, claim.token):
                log.info("job %s: released back to the queue", claim.job_id)
                return "released"
            return "stale"
        # Nobody asked for this stop: count it as a failed attempt so it cannot loop forever.
        return self._failed(claim, "the renderer stopped without a cancel request", RenderFailed.code, True)

    def _failed(self, claim: _Claim, error: str, code: str, retryable: bool) -> Outcome:
        claim.closing = True
        state = self.store.fail(claim.job_id, claim.token, error, retryable=retryable, code=code)
        log.warning("job %s: %s (%s) -> %s", claim.job_id, code, error, state or "stale")
        outcomes: dict[str | None, Outcome] = {"queued": "queued", "failed": "failed", "dead": "dead"}
        return outcomes.get(state, "stale")

    def _publish(self, info: ClipInfo, job_id: int) -> ClipInfo:
        final = self.store.clip_path(job_id)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(info.path, final)
        thumbnail = info.thumbnail
        if thumbnail.is_file():
            thumbnail = self.store.thumbnail_path(job_id)
            os.replace(info.thumbnail, thumbnail)
        return dataclasses.replace(info, path=final, thumbnail=thumbnail, size_bytes=final.stat().st_size)

    def _progress_fn(self, claim: _Claim) -> ProgressFn:
        last: dict[str, Any] = {"stage": None, "at": 0.0}

        def progress(stage: str, fraction: float) -> None:
            if threading.get_ident() != self._thread_id:
                claim.pending = (stage, fraction)  # the heartbeat thread writes it
                return
            now = time.monotonic()
            if claim.stale or (stage == last["stage"] and now - last["at"] < self.progress_interval_s):
                claim.pending = (stage, fraction)
                return
            last.update(stage=stage, at=now)
            claim.pending = None
            if not self.store.heartbeat(claim.job_id, claim.token, stage, fraction):
                claim.stale = True

        return progress

    def _cancel_fn(self, claim: _Claim) -> CancelFn:
        polled: dict[str, Any] = {"at": time.monotonic(), "cancelled": False}

        def should_cancel() -> bool:
            if self.abort_requested or claim.stale:
                return True
            now = time.monotonic()
            if now >= self._stop_deadline:  # the stop grace ran out: release rather than be killed
                log.warning("job %s: stop grace of %gs over; aborting", claim.job_id, self.stop_grace_s)
                self.abort_requested = True
                return True
            if threading.get_ident() == self._thread_id and now - polled["at"] >= self.cancel_poll_s:
                polled.update(at=now, cancelled=self.store.is_cancelled(claim.job_id))
            return bool(polled["cancelled"])

        return should_cancel


# -- processes and CLI ----------------------------------------------------------------------------------


def with_gpu(settings: Settings, gpu: int | None) -> Settings:
    """Pin the worker (and the torch device) to one GPU index."""
    if gpu is None:
        return settings
    return settings.model_copy(
        update={
            "worker": settings.worker.model_copy(update={"gpu": gpu}),
            "render": settings.render.model_copy(update={"device": f"cuda:{gpu}"}),
        }
    )


def gpu_for(index: int, gpus: Sequence[int]) -> int | None:
    """The GPU of worker process ``index`` when ``gpus`` are shared round-robin (None: no GPU list)."""
    return gpus[index % len(gpus)] if gpus else None


def parse_gpus(text: str) -> tuple[int, ...]:
    """``"0,1,3"`` → ``(0, 1, 3)`` (the ``--gpus`` option)."""
    try:
        gpus = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected GPU indexes like 0,1 - got {text!r}") from None
    if not gpus or min(gpus) < 0:
        raise argparse.ArgumentTypeError(f"expected GPU indexes like 0,1 - got {text!r}")
    return gpus


def serve(
    settings: Settings,
    worker_id: str,
    renderer_spec: str | None = None,
    *,
    once: bool = False,
    drain: bool = False,
    parent_pid: int | None = None,
    sigint: bool = True,
    stop_grace_s: float | None = None,
) -> int:
    """Run one worker in this process until stopped; returns the process exit code. ``sigint=False``
    leaves SIGINT alone (spawned children: the parent turns Ctrl-C into SIGTERM for them)."""
    # 1. Renderer (models load once, here) and the process's own store.
    renderer = load_renderer(renderer_spec, settings)
    prepare = getattr(renderer, "prepare", None)
    if callable(prepare):
        prepare()
    store = Store.from_settings(settings)
    worker = Worker(store, renderer, settings, worker_id, stop_grace_s=stop_grace_s)
    # 2. Signals: first one drains, second one aborts (only the main thread may install handlers).
    previous: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT) if sigint else (signal.SIGTERM,):
            previous[sig] = signal.signal(sig, worker.on_signal)
    # 3. Loop.
    try:
        processed = worker.run(once=once, drain=drain, parent_pid=parent_pid)
        log.info("%s: stopping after %d job(s)", worker_id, processed)
        return 0
    finally:
        for restored, handler in previous.items():
            signal.signal(restored, handler)
        worker.close()
        store.close()


def _default_worker_id(index: int | None = None) -> str:
    suffix = f"-{index}" if index is not None else ""
    return f"{socket.gethostname()}-{os.getpid()}{suffix}"


def _configure_logging(settings: Settings) -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=settings.log_level.upper(), format="%(asctime)s %(processName)s %(levelname)s %(name)s: %(message)s"
        )


def _child(
    settings: Settings,
    index: int,
    renderer_spec: str | None,
    once: bool,
    drain: bool,
    parent: int,
    stop_grace_s: float | None = None,
    gpus: tuple[int, ...] = (),
) -> None:
    """Entry point of one spawned worker process. SIGINT is left to the parent, which forwards SIGTERM."""
    settings = with_gpu(settings, gpu_for(index, gpus))
    _configure_logging(settings)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    code = serve(
        settings, _default_worker_id(index), renderer_spec, once=once, drain=drain, parent_pid=parent, sigint=False,
        stop_grace_s=stop_grace_s,
    )
    sys.exit(code)


def run_processes(
    settings: Settings,
    n: int,
    renderer_spec: str | None,
    *,
    once: bool,
    drain: bool,
    stop_grace_s: float | None = None,
    gpus: tuple[int, ...] = (),
) -> int:
    """Spawn ``n`` worker processes (each its own store and models) and forward stop signals to them.
    With ``gpus``, process ``i`` renders on ``gpus[i % len(gpus)]``.

    A child that dies abnormally (a crash, the OOM killer) makes the others stop gracefully and the
    parent exit 1, so the supervisor (Docker, systemd) restarts the whole set instead of the machine
    quietly running fewer workers. Its job's lease expires and another attempt picks it up."""
    ctx = multiprocessing.get_context("spawn")
    procs = [
        ctx.Process(
            target=_child,
            args=(settings, i, renderer_spec, once, drain, os.getpid(), stop_grace_s, gpus),
            name=f"petreel-worker-{i}",
        )
        for i in range(n)
    ]
    for proc in procs:
        proc.start()

    state = {"stopping": False, "crashed": False}

    def stop_all() -> None:
        state["stopping"] = True
        for proc in procs:
            if proc.pid is not None and proc.is_alive():
                os.kill(proc.pid, signal.SIGTERM)

    def forward(signum: int, frame: FrameType | None) -> None:
        stop_all()

    def abnormal(code: int | None) -> bool:
        # A child still starting up when we forwarded SIGTERM dies of it (no handler yet): not a crash.
        return bool(code) and not (state["stopping"] and code == -signal.SIGTERM)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        # 1. Wait for children one by one as they exit; 2. on the first abnormal exit, stop the rest.
        alive = list(procs)
        while alive:
            mp_connection.wait([proc.sentinel for proc in alive])
            for proc in [p for p in alive if not p.is_alive()]:
                alive.remove(proc)
                proc.join()
                if abnormal(proc.exitcode):
                    log.error("%s exited with code %s; stopping the other workers", proc.name, proc.exitcode)
                    state["crashed"] = True
                    stop_all()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 1 if state["crashed"] else 0


def command(args: argparse.Namespace) -> int:
    settings = with_gpu(load_settings(), args.gpu)
    settings = with_gpu(settings, settings.worker.gpu)
    _configure_logging(settings)
    gpus: tuple[int, ...] = args.gpus or ()
    Store.from_settings(settings).close()  # a database that can't be used: one line and exit 2, before any child
    processes = args.processes
    if processes == "auto":
        cores, memory = usable_cores(), available_mib()
        processes = auto_processes(cores, memory, gpus)
        log.info("--processes auto: %d worker process(es) for %d cores, %.0f MiB available, %d GPU(s)",
                 processes, cores, memory, len(gpus))
    if processes <= 1:
        settings = with_gpu(settings, gpu_for(0, gpus))
        return serve(
            settings, args.worker_id or _default_worker_id(), args.renderer, once=args.once, drain=args.drain,
            stop_grace_s=args.stop_grace,
        )  # fmt: skip
    return run_processes(
        settings, processes, args.renderer, once=args.once, drain=args.drain, stop_grace_s=args.stop_grace,
        gpus=gpus,
    )  # fmt: skip


def add_parsers(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "worker", help="Render queued clips (one or more worker processes).",
        description="Claim queued jobs from the database in PETREEL_DATA_DIR (./data, or PETREEL_DATABASE_URL), "
        "render them and hand the clips to the bot. The renderer is PETREEL_RENDER__BACKEND (storyboard on "
        "the CPU, or diffusers with PETREEL_RENDER__MODEL_PATH on a GPU). It serves no HTTP: the bot's "
        "/healthz reports workers by their heartbeats.",
        epilog="Main settings: PETREEL_DATA_DIR, PETREEL_RENDER__BACKEND, PETREEL_RENDER__MODEL_PATH, "
        "PETREEL_WORKER__LEASE_S, PETREEL_LOG_LEVEL. All of them: docs/CONFIGURATION.md.",
    )
    parser.add_argument(
        "--processes", type=parse_processes, default=1, metavar="N|auto",
        help="worker processes to run (spawned); auto: one per 2 cores within the free memory, one per GPU",
    )  # fmt: skip
    gpu = parser.add_mutually_exclusive_group()
    gpu.add_argument("--gpu", type=int, default=None, help="GPU index for these workers")
    gpu.add_argument(
        "--gpus", type=parse_gpus, default=None, metavar="LIST",
        help="GPU indexes shared round-robin by the worker processes, e.g. 0,1 (process i uses the i-th)",
    )  # fmt: skip
    parser.add_argument("--once", action="store_true", help="process at most one job, then exit")
    parser.add_argument("--drain", action="store_true", help="exit once nothing is left to claim")
    parser.add_argument(
        "--stop-grace",
        type=float,
        default=None,
        metavar="SECONDS",
        help="after SIGTERM, finish the current job for at most this long, then release it to the queue "
        "(default: always finish; set below the orchestrator's kill deadline)",
    )
    parser.add_argument("--renderer", default=None, help="module:factory building the renderer (tests, plug-ins)")
    parser.add_argument("--worker-id", default=None, help="name recorded on claimed jobs (default host-pid)")
    parser.set_defaults(func=command)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m worker.runner worker …`` (the same as ``petreel worker …``)."""
    parser = argparse.ArgumentParser(prog="petreel")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    return func(args)


if __name__ == "__main__":
    sys.exit(main())
