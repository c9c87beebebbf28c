"""GPU render backend on diffusers (``settings.render.backend == "diffusers"``, optional ``gpu`` extra).

``DiffusersPainter`` (keyframes with consistent characters) and ``DiffusersImageToVideo`` (optional
motion) implement the Protocols of ``render/stages.py``; narration, music, composition and the
default Ken Burns motion are the CPU stages of ``render.pipeline.default_backends``. The pieces
live in ``render/diffusion/``.
"""

from __future__ import annotations

import importlib
import importlib.util

from petreel.settings import Settings
from render.diffusion.i2v import DiffusersImageToVideo
from render.diffusion.painter import DiffusersPainter
from render.stages import Backends

__all__ = ["DiffusersImageToVideo", "DiffusersPainter", "diffusers_backends", "render_device"]


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
    # 1. the CPU stages (asked for as the storyboard backend, so default_backends cannot recurse here)
    cpu_settings = settings.model_copy(
        update={"render": settings.render.model_copy(update={"backend": "storyboard"})}
    )
    cpu = importlib.import_module("render.pipeline").default_backends(cpu_settings)
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
