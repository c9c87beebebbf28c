"""Torch / diffusers plumbing shared by the painter and the image-to-video animator.

Loading (``DiffusionPipeline.from_pretrained`` once per process, kept warm), device and dtype
choice, speed-ups (regional ``torch.compile``, First Block Cache, CPU offload, VAE tiling), the
step callback that reports progress and cancels, and out-of-memory recovery. diffusers is imported
lazily so this module imports with torch alone.
"""

from __future__ import annotations

import functools
import gc
import inspect
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from petreel.errors import RenderFailed
from petreel.settings import RenderSettings
from render.diffusion.prompts import Fits
from render.stages import CancelFn

log = logging.getLogger(__name__)

# Sub-modules compiled one by one in a UNet (it has no ``_repeated_blocks``): its transformer blocks.
UNET_REGIONS = ("BasicTransformerBlock",)
NATIVE_SIDE = {"sd15": 512, "sdxl": 1024, "flux": 1024}


@dataclass(frozen=True)
class PipelineRequest:
    """Everything that decides how a pipeline is loaded; the process-wide cache key."""

    path: str
    device: str
    dtype: str
    ip_adapter_path: str | None = None
    ip_adapter_weight_name: str = "ip-adapter_sdxl.safetensors"
    ip_adapter_scale: float = 0.6
    compile: bool = False
    cpu_offload: bool = False
    first_block_cache: float = 0.0
    vae_tiling: bool = False

    @classmethod
    def from_settings(cls, settings: RenderSettings, path: str, device: torch.device, *, ip: bool,
                      vae_tiling: bool = False) -> PipelineRequest:
        return cls(
            path=path,
            device=str(device),
            dtype=str(torch_dtype(settings.dtype, device)).removeprefix("torch."),
            ip_adapter_path=settings.ip_adapter_path if ip else None,
            ip_adapter_weight_name=settings.ip_adapter_weight_name,
            ip_adapter_scale=settings.ip_adapter_scale,
            compile=settings.compile,
            cpu_offload=settings.cpu_offload,
            first_block_cache=settings.first_block_cache,
            vae_tiling=vae_tiling,
        )


PipelineLoader = Callable[[PipelineRequest], Any]


def resolve_device(name: str) -> torch.device:
    device = torch.device(name)
    if device.type == "cuda" and not torch.cuda.is_available():
        raise RenderFailed(f"render device {name!r} requested but CUDA is not available")
    return device


def torch_dtype(name: str, device: torch.device) -> torch.dtype:
    """bf16/fp16 as configured on an accelerator; float32 on CPU (half precision there is slow or unsupported)."""
    if device.type == "cpu":
        return torch.float32
    dtype = getattr(torch, name, None)
    return dtype if isinstance(dtype, torch.dtype) else torch.bfloat16


def load_pipeline(request: PipelineRequest) -> Any:
    """Load and prepare one pipeline (uncached). Raises ``RenderFailed`` when the directory is unusable."""
    from diffusers import DiffusionPipeline

    dtype = getattr(torch, request.dtype)
    # 1. weights
    kwargs: dict[str, Any] = {"dtype": dtype}
    if "safety_checker" in _model_index(request.path):
        kwargs.update(safety_checker=None, requires_safety_checker=False)
    try:
        pipe = DiffusionPipeline.from_pretrained(request.path, **kwargs)
    except (OSError, ValueError) as exc:
        raise RenderFailed(f"cannot load diffusers pipeline from {request.path}: {exc}") from exc
    # 2. placement, IP-Adapter, speed-ups
    return setup_pipeline(pipe, request)


def setup_pipeline(pipe: Any, request: PipelineRequest) -> Any:
    """Everything after the weights are in memory (also used on pipelines built in code by the bench)."""
    device = torch.device(request.device)
    pipe.set_progress_bar_config(disable=True)
    # 1. placement (offloaded pipelines are placed by their hooks, step 4)
    if not request.cpu_offload:
        pipe.to(device)
    # 2. IP-Adapter for character sheets
    if request.ip_adapter_path:
        load_ip_adapter(pipe, request.ip_adapter_path, request.ip_adapter_weight_name, request.ip_adapter_scale)
    # 3. speed and memory
    prepare(pipe, request)
    # 4. offload last, so it also covers the image encoder the IP-Adapter added
    if request.cpu_offload:
        enable_offload(pipe, device)
    return pipe


@functools.lru_cache(maxsize=2)
def cached_pipeline(request: PipelineRequest) -> Any:
    """``load_pipeline`` once per process and request: the worker keeps its models warm between jobs."""
    return load_pipeline(request)


def _model_index(path: str) -> dict[str, Any]:
    index = Path(path) / "model_index.json"
    if not index.is_file():
        return {}
    data = json.loads(index.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def load_ip_adapter(pipe: Any, path: str, weight_name: str, scale: float) -> None:
    """IP-Adapter weights from ``path/weight_name``, image encoder from ``path/image_encoder``."""
    if getattr(pipe, "unet", None) is None:
        raise RenderFailed(f"IP-Adapter character sheets need a UNet pipeline (SD1.5/SDXL), not {type(pipe).__name__}")
    try:
        pipe.load_ip_adapter(path, subfolder="", weight_name=weight_name)
    except (OSError, ValueError, KeyError) as exc:
        raise RenderFailed(f"cannot load IP-Adapter {weight_name} from {path}: {exc}") from exc
    pipe.set_ip_adapter_scale(scale)


def prepare(pipe: Any, request: PipelineRequest) -> None:
    """Optional speed-ups; each one that does not apply is logged and skipped."""
    vae = getattr(pipe, "vae", None)
    if vae is not None and request.vae_tiling and hasattr(vae, "enable_tiling"):
        vae.enable_tiling()
    elif vae is not None and hasattr(vae, "use_slicing"):
        vae.enable_slicing()  # decode a batch one image at a time: same speed, far less peak memory
    if request.first_block_cache > 0:
        enable_first_block_cache(pipe, request.first_block_cache)
    if request.compile:
        compile_regions(denoiser(pipe))


def denoiser(pipe: Any) -> torch.nn.Module:
    model = getattr(pipe, "transformer", None) or getattr(pipe, "unet", None)
    if model is None:
        raise RenderFailed(f"{type(pipe).__name__} has neither a transformer nor a UNet")
    return model


def enable_first_block_cache(pipe: Any, threshold: float) -> bool:
    """First Block Cache on the pipeline's transformer (needs at least two transformer blocks)."""
    model = getattr(pipe, "transformer", None)
    if model is None or not hasattr(model, "enable_cache"):
        log.warning("first_block_cache ignored: %s has no cache-capable transformer", type(pipe).__name__)
        return False
    from diffusers.hooks import FirstBlockCacheConfig

    try:
        model.enable_cache(FirstBlockCacheConfig(threshold=threshold))
    except (ValueError, IndexError, TypeError) as exc:
        log.warning("first_block_cache ignored for %s: %s", type(model).__name__, exc)
        return False
    return True


def compile_regions(model: torch.nn.Module) -> int:
    """Regional ``torch.compile`` (fixed sizes): the repeated blocks, not the whole model. Returns how many."""
    repeated = getattr(model, "_repeated_blocks", None) or UNET_REGIONS
    count = 0
    for module in model.modules():
        if type(module).__name__ in repeated:
            module.compile(dynamic=False)
            count += 1
    if not count:
        log.warning("compile: no %s blocks found in %s", repeated, type(model).__name__)
    return count


def uncompile(model: torch.nn.Module) -> int:
    """Undo ``compile_regions`` (used when compilation fails at the first call, e.g. no C compiler)."""
    count = 0
    for module in model.modules():
        if getattr(module, "_compiled_call_impl", None) is not None:
            module._compiled_call_impl = None
            count += 1
    return count


def is_compiled(model: torch.nn.Module) -> bool:
    return any(getattr(m, "_compiled_call_impl", None) is not None for m in model.modules())


def enable_offload(pipe: Any, device: torch.device) -> bool:
    """Model CPU offload (one sub-model on the GPU at a time). A no-op on CPU."""
    if device.type == "cpu" or getattr(pipe, "_petreel_offloaded", False):
        return False
    pipe.enable_model_cpu_offload(device=device)
    pipe._petreel_offloaded = True
    return True


def is_oom(exc: BaseException) -> bool:
    return isinstance(exc, torch.OutOfMemoryError)


def free_memory() -> None:
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def native_side(pipe: Any, kind: str = "auto") -> int:
    """The square resolution the model was trained at (model_kind wins; else read from the pipeline)."""
    if kind in NATIVE_SIDE:
        return NATIVE_SIDE[kind]
    scale = int(getattr(pipe, "vae_scale_factor", 8))
    sample = getattr(pipe, "default_sample_size", None)
    if sample is None:
        unet = getattr(pipe, "unet", None)
        sample = getattr(getattr(unet, "config", None), "sample_size", None)
    return int(sample) * scale if isinstance(sample, int) else 512


def family(pipe: Any) -> str:
    """``sdxl``, ``flux``, ``sd15`` or ``other`` from the pipeline class."""
    name = type(pipe).__name__
    if "XL" in name:
        return "sdxl"
    if "Flux" in name:
        return "flux"
    if name.startswith("StableDiffusion"):
        return "sd15"
    return "other"


def prompt_fitters(pipe: Any) -> dict[str, Fits]:
    """``{"prompt": fits, "prompt_2": fits, ...}``: one token-budget test per prompt argument of the
    pipeline that has its own tokenizer (SDXL: two CLIPs; FLUX: CLIP + T5; LTX/Wan: T5).

    A text fits when the pipeline's own tokenizer, special tokens included, makes no more tokens
    than the encoder reads: ``model_max_length`` for CLIP, the call's ``max_sequence_length``
    default for T5-style encoders. Fitting prompts to this is what keeps the pipelines from cutting
    them (and from logging "Token indices sequence length is longer than ...").
    """
    params = inspect.signature(pipe.__call__).parameters
    out: dict[str, Fits] = {}
    for suffix in ("", "_2", "_3"):
        tokenizer = getattr(pipe, f"tokenizer{suffix}", None)
        if tokenizer is not None and f"prompt{suffix}" in params:
            out[f"prompt{suffix}"] = token_fits(tokenizer, token_limit(tokenizer, params))
    return out


def token_limit(tokenizer: Any, params: Mapping[str, inspect.Parameter]) -> int:
    limit = int(getattr(tokenizer, "model_max_length", 77) or 77)
    if not type(tokenizer).__name__.startswith("CLIP"):
        default = params["max_sequence_length"].default if "max_sequence_length" in params else None
        if isinstance(default, int):
            limit = min(limit, default)
    return limit


def token_fits(tokenizer: Any, limit: int) -> Fits:
    def fits(text: str) -> bool:
        ids = tokenizer(text, verbose=False)["input_ids"]  # untruncated; verbose=False: no length warning
        return len(ids) <= limit

    return fits


def generators(seeds: list[int]) -> list[torch.Generator]:
    """CPU generators: the same seed gives the same noise on any device."""
    return [torch.Generator(device="cpu").manual_seed(s) for s in seeds]


class StepHook:
    """``callback_on_step_end``: reports steps, and interrupts the pipeline when ``should_cancel()``.

    diffusers pipelines skip the remaining steps once ``pipe._interrupt`` is True; the caller checks
    ``cancelled`` after the call and raises ``petreel.errors.Cancelled``.
    """

    def __init__(self, on_step: Callable[[int], None], should_cancel: CancelFn) -> None:
        self.on_step = on_step
        self.should_cancel = should_cancel
        self.cancelled = False
        self.steps = 0

    def __call__(self, pipe: Any, step: int, timestep: Any, callback_kwargs: dict[str, Any]) -> dict[str, Any]:
        self.steps = step + 1
        self.on_step(step + 1)
        if not self.cancelled and self.should_cancel():
            self.cancelled = True
            pipe._interrupt = True
        return {}
