"""``DiffusersImageToVideo``: an ``Animator`` that brings a keyframe to life with an image-to-video model.

Any diffusers image-to-video pipeline directory (LTX-Video distilled, Wan 2.x I2V) works: it makes
``render.i2v_frames`` frames at a 9:16 size the model likes (VAE tiling on, ``decode_chunk_size``
where the pipeline has it), which are then fitted to the video size and time-stretched to the
scene's frame count. A scene whose generation fails falls back to the Ken Burns animator when one
is given.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Iterator
from typing import Any

import numpy as np
import torch
from PIL import Image

from petreel.errors import Cancelled, RenderFailed
from petreel.settings import RenderSettings
from render.diffusion import framing, prompts
from render.diffusion.runtime import (
    PipelineLoader,
    PipelineRequest,
    StepHook,
    cached_pipeline,
    enable_offload,
    free_memory,
    generators,
    is_oom,
    resolve_device,
)
from render.script import Scene
from render.stages import Animator, CancelFn, RenderSpec, never_cancel

log = logging.getLogger(__name__)

I2V_SIZE = (480, 832)  # 9:16-ish, multiple of 32 (LTX) and 16 (Wan); Wan 2.x 480p
DECODE_CHUNK = 8


class DiffusersImageToVideo:
    """Animator on a warm diffusers image-to-video pipeline."""

    def __init__(
        self,
        settings: RenderSettings,
        device: str | None = None,
        *,
        loader: PipelineLoader | None = None,
        fallback: Animator | None = None,
        size: tuple[int, int] = I2V_SIZE,
        steps: int | None = None,
        should_cancel: CancelFn = never_cancel,
        model_path: str | None = None,
    ) -> None:
        path = model_path or settings.i2v_model_path
        if not path:
            raise RenderFailed("render.i2v_model_path must name an image-to-video pipeline directory")
        self.settings = settings
        self.device = resolve_device(device or settings.device)
        self.request = PipelineRequest.from_settings(settings, path, self.device, ip=False, vae_tiling=True)
        self._loader: PipelineLoader = loader or cached_pipeline
        self.fallback = fallback
        self.size = size
        self.steps = steps or settings.steps
        self.should_cancel = should_cancel  # the worker may rebind this per job
        self._pipe: Any = None
        self.generated = 0  # clips made by the model (not by the fallback)

    def warm(self) -> Any:
        if self._pipe is None:
            self._pipe = self._loader(self.request)
        return self._pipe

    @property
    def model_frames(self) -> int:
        pipe = self.warm()
        ratio: Any = getattr(pipe, "vae_temporal_compression_ratio", None)
        if ratio is None:
            ratio = getattr(pipe, "vae_scale_factor_temporal", 4)
        return framing.video_frame_count(self.settings.i2v_frames, int(ratio))

    def frames(self, keyframe: Image.Image, scene: Scene, spec: RenderSpec, n_frames: int) -> Iterator[np.ndarray]:
        """``n_frames`` (H, W, 3) uint8 frames of the scene, moving."""
        try:
            clip = self.generate(keyframe, scene, spec.seed)
        except Cancelled:
            raise
        except RenderFailed as exc:
            if self.fallback is None:
                raise
            log.warning("image-to-video failed for a scene (%s); using the Ken Burns animator", exc.detail)
            yield from self.fallback.frames(keyframe, scene, spec, n_frames)
            return
        target = (spec.width, spec.height)
        yield from framing.retime([framing.fit_frame(f, target) for f in clip], n_frames)

    def generate(self, keyframe: Image.Image, scene: Scene, seed: int) -> np.ndarray:
        """(frames, H, W, 3) uint8 at the model size; one out-of-memory retry with CPU offload."""
        try:
            return self._generate(keyframe, scene, seed)
        except (Cancelled, RenderFailed):
            raise
        except Exception as exc:
            if not is_oom(exc):
                raise RenderFailed(f"image-to-video failed: {exc!r}") from exc
            free_memory()
            enable_offload(self.warm(), self.device)
            log.warning("out of GPU memory in image-to-video (%s); retrying with CPU offload", exc)
            try:
                return self._generate(keyframe, scene, seed)
            except (Cancelled, RenderFailed):
                raise
            except Exception as again:
                free_memory()
                raise RenderFailed(f"image-to-video failed after retry: {again!r}") from again

    def _generate(self, keyframe: Image.Image, scene: Scene, seed: int) -> np.ndarray:
        pipe = self.warm()
        width, height = self.size
        hook = StepHook(lambda done: None, self.should_cancel)
        kwargs: dict[str, Any] = {
            "image": framing.cover_fit(keyframe, (width, height)),
            "prompt": prompts.motion_prompt(scene),
            "width": width,
            "height": height,
            "num_frames": self.model_frames,
            "num_inference_steps": self.steps,
            "guidance_scale": self.settings.guidance,
            "generator": generators([prompts.stable_seed("motion", seed, scene.visual_prompt)])[0],
            "output_type": "np",
            "callback_on_step_end": hook,
        }
        params = inspect.signature(pipe.__call__).parameters
        if "negative_prompt" in params and self.settings.guidance > 1:
            kwargs["negative_prompt"] = prompts.NEGATIVE_PROMPT
        if "decode_chunk_size" in params:
            kwargs["decode_chunk_size"] = DECODE_CHUNK
        if "frame_rate" in params:
            kwargs["frame_rate"] = 24
        vae_config = getattr(getattr(pipe, "vae", None), "config", None)
        if "decode_timestep" in params and getattr(vae_config, "timestep_conditioning", False):
            kwargs.update(decode_timestep=0.05, decode_noise_scale=0.025)  # LTX 0.9.1+ recommended
        with torch.inference_mode():
            output = pipe(**kwargs)
        if hook.cancelled:
            raise Cancelled()
        frames = np.asarray(output.frames[0])
        self.generated += 1
        return framing.to_uint8(frames)
