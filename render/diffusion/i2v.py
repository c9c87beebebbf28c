"""``DiffusersImageToVideo``: an ``Animator`` that brings a keyframe to life with an image-to-video model.

Any diffusers image-to-video pipeline directory (LTX-Video distilled, Wan 2.x I2V) works: it makes
``render.i2v_frames`` frames at a 9:16 size the model likes (VAE tiling on, ``decode_chunk_size``
where the pipeline has it). The frames stay on the device (``output_type="pt"``) and are resized
there in one batched call (``fit_video``), then time-stretched to the scene's frame count with
integer blends: the GPU bench's compose stage spent most of its time resizing every frame with PIL
and blending in float32 on the CPU. A scene whose generation fails falls back to the Ken Burns
animator when one is given.
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
    prompt_fitters,
    resolve_device,
)
from render.stages import Animator, CancelFn, RenderSpec, never_cancel
from story.script import Scene

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
        self._fitters: dict[str, prompts.Fits] | None = None
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
            clip = self.frames_for(keyframe, scene, spec)
        except Cancelled:
            raise
        except RenderFailed as exc:
            if self.fallback is None:
                raise
            log.warning("image-to-video failed for a scene (%s); using the Ken Burns animator", exc.detail)
            yield from self.fallback.frames(keyframe, scene, spec, n_frames)
            return
        yield from framing.retime(list(clip), n_frames)

    def frames_for(self, keyframe: Image.Image, scene: Scene, spec: RenderSpec) -> np.ndarray:
        """The scene's clip fitted to the video size: (frames, spec.height, spec.width, 3) uint8."""
        return self.generate(keyframe, scene, spec.seed, size=(spec.width, spec.height))

    def generate(
        self, keyframe: Image.Image, scene: Scene, seed: int, size: tuple[int, int] | None = None
    ) -> np.ndarray:
        """(frames, H, W, 3) uint8 at the model size, or cover-fitted to ``size`` (width, height) on the
        pipeline's device; one out-of-memory retry with CPU offload."""
        try:
            return self._generate(keyframe, scene, seed, size)
        except (Cancelled, RenderFailed):
            raise
        except Exception as exc:
            if not is_oom(exc):
                raise RenderFailed(f"image-to-video failed: {exc!r}") from exc
            free_memory()
            enable_offload(self.warm(), self.device)
            log.warning("out of GPU memory in image-to-video (%s); retrying with CPU offload", exc)
            try:
                return self._generate(keyframe, scene, seed, size)
            except (Cancelled, RenderFailed):
                raise
            except Exception as again:
                free_memory()
                raise RenderFailed(f"image-to-video failed after retry: {again!r}") from again

    def _generate(self, keyframe: Image.Image, scene: Scene, seed: int, size: tuple[int, int] | None) -> np.ndarray:
        pipe = self.warm()
        width, height = self.size
        hook = StepHook(lambda done: None, self.should_cancel)
        fits = self.fitters.get("prompt")
        kwargs: dict[str, Any] = {
            "image": framing.cover_fit(keyframe, (width, height)),
            "prompt": prompts.motion_prompt(scene, fits),
            "width": width,
            "height": height,
            "num_frames": self.model_frames,
            "num_inference_steps": self.steps,
            "guidance_scale": self.settings.guidance,
            "generator": generators([prompts.stable_seed("motion", seed, scene.visual_prompt)])[0],
            "output_type": "pt",  # stays on the device: resized there, not frame by frame on the CPU
            "callback_on_step_end": hook,
        }
        params = inspect.signature(pipe.__call__).parameters
        if "negative_prompt" in params and self.settings.guidance > 1:
            kwargs["negative_prompt"] = prompts.fit(prompts.NEGATIVE_PARTS, fits)
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
        frames = output.frames[0]
        self.generated += 1
        if not isinstance(frames, torch.Tensor):  # a pipeline that ignores output_type="pt"
            frames = torch.from_numpy(np.asarray(frames, dtype=np.float32)).permute(0, 3, 1, 2)
        return fit_video(frames, size)

    @property
    def fitters(self) -> dict[str, prompts.Fits]:
        if self._fitters is None:
            self._fitters = prompt_fitters(self.warm())
        return self._fitters


def fit_video(frames: torch.Tensor, size: tuple[int, int] | None, chunk: int = 8) -> np.ndarray:
    """(F, C, H, W) float frames in [0, 1] (any device) -> (F, H', W', 3) uint8 numpy, cover-fitted
    to ``size`` (width, height) when given. Resizing runs batched where the frames are (the GPU:
    bicubic, milliseconds; a CPU: bilinear), ``chunk`` frames at a time; NaN becomes black."""
    out = []
    with torch.inference_mode():  # the pipeline's output is an inference tensor
        for start in range(0, frames.shape[0], chunk):
            part = frames[start : start + chunk].float()
            if size is not None and (part.shape[-1], part.shape[-2]) != size:
                (sw, sh), (left, top) = framing.cover_box((part.shape[-1], part.shape[-2]), size)
                part = torch.nn.functional.interpolate(
                    part, size=(sh, sw), mode="bilinear" if part.device.type == "cpu" else "bicubic",
                    antialias=sh < part.shape[-2],  # only downscaling needs it
                )[:, :, top : top + size[1], left : left + size[0]]
            # a new tensor first (never write into the caller's frames), then in place
            part = torch.nan_to_num(part, nan=0.0, posinf=1.0, neginf=0.0).clamp_(0.0, 1.0).mul_(255.0).add_(0.5)
            out.append(part.to(torch.uint8).permute(0, 2, 3, 1).cpu())
        return torch.cat(out).numpy()
