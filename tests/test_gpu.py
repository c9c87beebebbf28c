"""The diffusers backend on a real CUDA device (``pytest -m gpu tests/test_gpu.py``; skipped without CUDA).

Tiny random-weight pipelines (tests/tiny_pipelines.py) in bfloat16: placement, dtype, the SDXL and
IP-Adapter code paths, real model CPU offload after an out-of-memory error, and image-to-video with
First Block Cache. Timings at full size are ``bench/render_gpu.py``'s job.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

pytest.importorskip("diffusers")

import torch  # noqa: E402

from petreel.settings import RenderSettings  # noqa: E402
from render.diffusion import framing  # noqa: E402
from render.diffusion.backend import DiffusersImageToVideo, DiffusersPainter  # noqa: E402
from render.stages import RenderSpec  # noqa: E402
from tests import tiny_pipelines as tp  # noqa: E402
from tests.factories import make_script  # noqa: E402

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA"),
    # random weights in half precision may decode NaN pixels; the assertions are about behaviour
    pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning"),
]

SPEC = RenderSpec(width=144, height=256, fps=12, seed=3)
IP_WEIGHTS = "ip-adapter_tiny.safetensors"


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("gpu-models")
    sd = tp.build_sd15()
    tp.save(sd, root / "sd15")
    tp.save_ip_adapter(sd.unet, root / "ip", IP_WEIGHTS)
    tp.save(tp.build_sdxl(), root / "sdxl")
    tp.save(tp.build_ltx_i2v(), root / "ltx")
    return {"sd15": root / "sd15", "ip": root / "ip", "sdxl": root / "sdxl", "ltx": root / "ltx"}


def cuda_settings(models: dict[str, Path], **overrides: Any) -> RenderSettings:
    values: dict[str, Any] = {
        "backend": "diffusers", "device": "cuda", "dtype": "bfloat16", "steps": 2, "guidance": 0.0,
        "model_path": str(models["sd15"]), "ip_adapter_weight_name": IP_WEIGHTS,
    }
    values.update(overrides)
    return RenderSettings(**values)


class OomOnce(DiffusersPainter):
    """Raises a real ``torch.OutOfMemoryError`` on the first batch larger than one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sizes: list[int] = []

    def _invoke(self, pipe: Any, kwargs: dict[str, Any]) -> Any:
        self.sizes.append(len(kwargs["prompt"]))
        if len(self.sizes) == 1 and self.sizes[0] > 1:
            raise torch.OutOfMemoryError("CUDA out of memory (simulated)")
        return super()._invoke(pipe, kwargs)


def test_sd15_with_ip_adapter_runs_in_bf16_on_cuda(models: dict[str, Path]) -> None:
    painter = DiffusersPainter(cuda_settings(models, ip_adapter_path=str(models["ip"])))
    images = painter.paint(make_script(), SPEC, lambda stage, f: None, lambda: False)
    pipe = painter.warm()
    assert len(images) == 5 and {im.size for im in images} == {framing.overscan_size(SPEC)}
    assert pipe.unet.dtype == torch.bfloat16 and pipe.unet.device.type == "cuda"
    assert pipe.image_encoder.device.type == "cuda"


def test_sdxl_architecture_paints_on_cuda(models: dict[str, Path]) -> None:
    painter = DiffusersPainter(cuda_settings(models, model_path=str(models["sdxl"])), max_batch=3)
    images = painter.paint(make_script(n_scenes=6), SPEC, lambda stage, f: None, lambda: False)
    assert len(images) == 6 and painter.warm().text_encoder_2.dtype == torch.bfloat16


def test_out_of_memory_turns_on_real_cpu_offload(models: dict[str, Path]) -> None:
    painter = OomOnce(cuda_settings(models, steps=3), max_batch=4)
    images = painter.paint(make_script(), SPEC, lambda stage, f: None, lambda: False)
    assert len(images) == 5
    assert painter.sizes[0] == 4 and max(painter.sizes[1:]) <= 2
    assert getattr(painter.warm(), "_petreel_offloaded", False)


def test_image_to_video_with_first_block_cache_on_cuda(models: dict[str, Path]) -> None:
    settings = cuda_settings(models, i2v_model_path=str(models["ltx"]), i2v_frames=17, first_block_cache=0.05)
    animator = DiffusersImageToVideo(settings, size=(64, 96))
    keyframe = Image.new("RGB", framing.overscan_size(SPEC), (230, 140, 50))
    frames = list(animator.frames(keyframe, make_script().scenes[0], SPEC, 30))
    assert len(frames) == 30 and {f.shape for f in frames} == {(SPEC.height, SPEC.width, 3)}
    assert {f.dtype for f in frames} == {np.dtype(np.uint8)}
    assert animator.generated == 1 and animator.warm().transformer.is_cache_enabled
    assert animator.warm().transformer.dtype == torch.bfloat16
