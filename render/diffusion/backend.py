"""GPU render backend on diffusers (``settings.render.backend == "diffusers"``, optional ``gpu`` extra).

``DiffusersPainter`` (keyframes with consistent characters) and ``DiffusersImageToVideo`` (optional
motion) implement the Protocols of ``render/stages.py``; narration, music, composition and the
default Ken Burns motion are the CPU stages of ``render.cpu.cpu_backends``. The pieces
live in ``render/diffusion/``.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib.util

from petreel.settings import Settings
from render.cpu import cpu_backends
from render.diffusion.i2v import DiffusersImageToVideo
from render.diffusion.painter import DiffusersPainter
from render.stages import Backends, CancelFn

__all__ = ["DiffusersImageToVideo", "DiffusersPainter", "diffusers_backends", "job_backends", "render_device"]


def render_device(settings: Settings) -> str:
    """``cuda:<worker.gpu>`` when the worker is pinned to a GPU, else ``render.device``."""
    if settings.worker.gpu is not None and settings.render.device.startswith("cuda"):
        return f"cuda:{settings.worker.gpu}"
    return settings.render.device


def diffusers_backends(settings: Settings) -> Backends:
    """Diffusers keyframes (+ image-to-video when ``render.i2v_model_path`` is set) with the CPU stages.

    Raises ``ImportError`` without the ``gpu`` extra. Character sheets persist under ``DATA_DIR/sheets``:
    per job through ``painter.for_job(job.id, parent_job_id)`` (a Remix inherits its parent's
    unchanged pets), else hash-named by seed (the same seed reuses the same pets).
    """
    if importlib.util.find_spec("diffusers") is None:
        raise ImportError("diffusers is not installed")
    # 1. the CPU stages for everything but the pictures
    cpu = cpu_backends(settings)
    device = render_device(settings)
    # 2. the painter
    painter = DiffusersPainter(settings.render, device=device, sheet_dir=settings.data_dir / "sheets")
    # 3. motion: image-to-video, falling back to Ken Burns per scene
    animator = cpu.animator
    if settings.render.i2v_model_path:
        animator = DiffusersImageToVideo(settings.render, device=device, fallback=cpu.animator)
    return Backends(
        painter=painter,
        animator=animator,
        narrator=cpu.narrator,
        music=cpu.music,
        composer=cpu.composer,
        name="diffusers",
    )


def job_backends(backends: Backends, job_id: int, parent_job_id: int | None, should_cancel: CancelFn) -> Backends:
    """The backends for one job (the worker calls this per job; any other backends pass through).

    The painter keeps its character sheets with the job and inherits the parent job's on a Remix
    (``DiffusersPainter.for_job``); the image-to-video animator interrupts its pipeline when the job
    is cancelled. Both share the process's warm pipelines.
    """
    painter, animator = backends.painter, backends.animator
    if isinstance(painter, DiffusersPainter) and painter.sheet_dir is not None:
        painter = painter.for_job(job_id, parent_job_id)
    if isinstance(animator, DiffusersImageToVideo):
        animator = copy.copy(animator)
        animator.warm()
        animator.should_cancel = should_cancel
    return dataclasses.replace(backends, painter=painter, animator=animator)
