"""Fake ``JobRenderer``s for worker tests: instant, scripted by the job's premise, or staged with hooks.

They write a few bytes instead of a video (and a ``.jpg`` beside it), honour ``should_cancel`` the
way the real pipeline does (raise ``Cancelled`` between stages) and record what they rendered.
``instant`` and ``scripted`` are ``--renderer tests.fakes.renderers:<name>`` factories for real
worker processes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from petreel.errors import Cancelled, RenderFailed, ScriptError
from petreel.settings import Settings
from render.stages import CancelFn, ClipInfo, ProgressFn
from storage.models import Job


def write_fake_clip(job: Job, out_path: Path) -> ClipInfo:
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(b"fake-mp4 job=%d attempt=%d" % (job.id, job.attempts))
    thumbnail = out_path.with_suffix(".jpg")
    thumbnail.write_bytes(b"fake-jpg")
    return ClipInfo(out_path, thumbnail, 72, 128, 1.5, out_path.stat().st_size)


class InstantRenderer:
    def __init__(self) -> None:
        self.rendered: list[int] = []

    def render(self, job: Job, out_path: Path, progress: ProgressFn, should_cancel: CancelFn) -> ClipInfo:
        progress("compose", 1.0)
        self.rendered.append(job.id)
        return write_fake_clip(job, out_path)


class ScriptedRenderer:
    """Does what the premise says (first word), so one process can run different behaviours:

    ``sleep:<s>``        sleep (not cancellable), then succeed
    ``sleep-first:<s>``  on attempt 1 sleep like ``sleep``; later attempts succeed at once
    ``nap:<s>``          sleep in 50 ms steps, raising ``Cancelled`` when asked
    ``crash``            raise RuntimeError (retryable)
    ``broken-script``    raise ScriptError (not retryable)
    ``no-thumbnail``     succeed without writing the thumbnail
    ``die``              end the whole process at once with exit code 3 (a crash)
    anything else        succeed at once
    """

    def render(self, job: Job, out_path: Path, progress: ProgressFn, should_cancel: CancelFn) -> ClipInfo:
        word = job.premise.split()[0] if job.premise.split() else ""
        kind, _, arg = word.partition(":")
        progress("keyframes", 0.0)
        if kind == "sleep" or (kind == "sleep-first" and job.attempts == 1):
            time.sleep(float(arg))
        elif kind == "nap":
            end = time.monotonic() + float(arg)
            while time.monotonic() < end:
                if should_cancel():
                    raise Cancelled()
                time.sleep(0.05)
        elif kind == "crash":
            raise RuntimeError("renderer crashed")
        elif kind == "die":
            os._exit(3)
        elif kind == "broken-script":
            raise ScriptError("fake invalid script")
        progress("compose", 1.0)
        info = write_fake_clip(job, out_path)
        if kind == "no-thumbnail":
            info.thumbnail.unlink()
        return info


class FailingRenderer:
    def __init__(self, error: Callable[[], Exception] = lambda: RenderFailed("ffmpeg exited 1")) -> None:
        self.error = error
        self.calls = 0

    def render(self, job: Job, out_path: Path, progress: ProgressFn, should_cancel: CancelFn) -> ClipInfo:
        self.calls += 1
        raise self.error()


class StagedRenderer:
    """Reports each stage, calls ``on_stage(stage)`` (tests act mid-render there), then checks
    ``should_cancel`` like the real pipeline does between stages."""

    def __init__(
        self,
        on_stage: Callable[[str], None] = lambda stage: None,
        stages: Sequence[str] = ("keyframes", "narration", "music", "compose"),
    ) -> None:
        self.on_stage = on_stage
        self.stages = tuple(stages)
        self.reached: list[str] = []

    def render(self, job: Job, out_path: Path, progress: ProgressFn, should_cancel: CancelFn) -> ClipInfo:
        for i, stage in enumerate(self.stages):
            progress(stage, i / len(self.stages))
            self.reached.append(stage)
            self.on_stage(stage)
            if should_cancel():
                raise Cancelled()
        return write_fake_clip(job, out_path)


def instant(settings: Settings) -> InstantRenderer:
    return InstantRenderer()


def scripted(settings: Settings) -> ScriptedRenderer:
    return ScriptedRenderer()
