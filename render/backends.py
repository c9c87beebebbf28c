"""Which render stages a process uses: ``cpu_backends`` (the storyboard set) and
``default_backends`` (what ``settings.render.backend`` asks for).

Kept apart from ``render/pipeline.py`` so that the diffusers backend can reuse the CPU stages
without an import cycle: ``render.backends`` → ``render.diffusion.backend`` → ``render.cpu``.
"""

from __future__ import annotations

import importlib.util
import sys

from petreel.errors import BackendUnavailable
from petreel.settings import Settings
from render.cpu import cpu_backends
from render.stages import Backends

__all__ = ["cpu_backends", "default_backends"]

GPU_EXTRA = ("torch", "diffusers", "transformers")  # what ``pip install 'petreel[gpu]'`` brings


def default_backends(settings: Settings) -> Backends:
    """The backends ``settings.render.backend`` asks for (construct once per process: models stay warm)."""
    if settings.render.backend != "diffusers":
        return cpu_backends(settings)
    if not settings.render.model_path:
        raise BackendUnavailable(
            "PETREEL_RENDER__BACKEND=diffusers needs PETREEL_RENDER__MODEL_PATH (a diffusers pipeline directory)"
        )
    missing = [name for name in GPU_EXTRA if not installed(name)]
    if missing:
        raise BackendUnavailable(
            "PETREEL_RENDER__BACKEND=diffusers needs the gpu extra (pip install 'petreel[gpu]'): "
            f"{', '.join(missing)} not installed"
        )
    from render.diffusion.backend import diffusers_backends  # imports torch: only when asked for

    return diffusers_backends(settings)


def installed(name: str) -> bool:
    """Whether the third-party package ``name`` can be imported (a ``None`` in sys.modules blocks it)."""
    if name in sys.modules:
        return sys.modules[name] is not None
    return importlib.util.find_spec(name) is not None
