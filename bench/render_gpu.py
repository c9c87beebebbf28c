"""Benchmark the diffusers render backend: seconds per keyframe, per second of motion, per 60 s clip.

Works with no model hub: ``--random-weights sdxl`` builds a full-size SDXL-architecture pipeline
(2.6B UNet, CLIP-L + bigG text encoders, SDXL VAE, random IP-Adapter with a ViT-H image encoder)
and ``--i2v-random ltx`` a full-size LTX-Video (~2B transformer + T5-XXL encoder) image-to-video
pipeline, both with random weights in bf16: the timings are real compute, the pictures are noise.
``--model PATH`` / ``--i2v-model PATH`` use real pipeline directories instead. ``--tiny`` runs the
whole thing with tiny pipelines on the CPU as a dry run.

Every part is timed on its own; a part that fails prints its error and the rest carries on. The
numbers go to stdout and, with ``--json``, to a file.

    python3 bench/render_gpu.py --random-weights sdxl --i2v-random ltx --json out/bench.json
    python3 bench/render_gpu.py --tiny
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import platform
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, bench/ itself is sys.path[0]; drop it so bench/queue_bench.py cannot shadow stdlib ``queue``.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import torch  # noqa: E402
from PIL import Image  # noqa: E402

from petreel.settings import RenderSettings, Settings  # noqa: E402
from render.diffusion import framing, runtime  # noqa: E402
from render.diffusion.runtime import PipelineRequest  # noqa: E402
from render.stages import Backends, RenderSpec  # noqa: E402
from tests import tiny_pipelines as tp  # noqa: E402
from tests.factories import make_script  # noqa: E402

IP_WEIGHTS = "ip-adapter_sdxl_vit-h.safetensors"


class Bench:
    """Collects timings; ``part`` runs one step and records its error instead of stopping."""

    def __init__(self) -> None:
        self.results: dict[str, Any] = {}
        self.errors: dict[str, str] = {}

    @contextlib.contextmanager
    def part(self, name: str) -> Iterator[None]:
        print(f"[bench] {name} ...", flush=True)
        try:
            yield
        except Exception as exc:
            self.errors[name] = f"{type(exc).__name__}: {exc}"
            print(f"[bench] {name} FAILED: {exc!r}", flush=True)
            traceback.print_exc()
            runtime.free_memory()

    def record(self, key: str, value: Any) -> None:
        self.results[key] = value
        shown = f"{value:.3f}" if isinstance(value, float) else value
        print(f"[bench]   {key} = {shown}", flush=True)


def sync() -> None:
    if torch.cuda.is_available():
        torch.cuda.synchronize()


def peak_gib() -> float:
    return torch.cuda.max_memory_allocated() / 2**30 if torch.cuda.is_available() else 0.0


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    sync()
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    sync()
    return out, time.perf_counter() - start


def injected(pipe: Any) -> runtime.PipelineLoader:
    """A loader handing the backend a pipeline built in code (set up exactly as a loaded one)."""

    def load(request: PipelineRequest) -> Any:
        return runtime.setup_pipeline(pipe, request)

    return load


def parse(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--random-weights", choices=["sdxl", "none"], default="none")
    ap.add_argument("--i2v-random", choices=["ltx", "none"], default="none")
    ap.add_argument("--model", help="real text-to-image pipeline directory")
    ap.add_argument("--i2v-model", help="real image-to-video pipeline directory")
    ap.add_argument("--tiny", action="store_true", help="tiny pipelines on the CPU: a dry run of every step")
    ap.add_argument("--device", default=None)
    ap.add_argument("--scenes", type=int, default=8)
    ap.add_argument("--clip-seconds", type=float, default=60.0)
    ap.add_argument("--steps", type=int, default=4, help="keyframe steps (SDXL-Lightning: 4)")
    ap.add_argument("--i2v-steps", type=int, default=8, help="image-to-video steps (LTX distilled: 8)")
    ap.add_argument("--i2v-frames", type=int, default=None, help="frames per i2v clip (default 49; --tiny 9)")
    ap.add_argument("--no-ip", action="store_true", help="no IP-Adapter character sheets")
    ap.add_argument("--via-disk", action="store_true",
                    help="save the random painter pipeline and load it with from_pretrained (honest cold start)")
    ap.add_argument("--compile", action="store_true", help="regional torch.compile of the denoisers")
    ap.add_argument("--fbc", type=float, default=0.0, help="First Block Cache threshold for the i2v transformer")
    ap.add_argument("--full-clip", choices=["auto", "kenburns", "none"], default="auto",
                    help="render a whole clip with the CPU narrator/music/composer (auto: i2v when available)")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    warnings.filterwarnings("ignore", message="invalid value encountered", category=RuntimeWarning)
    bench = Bench()
    device = args.device or ("cpu" if args.tiny else "cuda")
    i2v_frames = args.i2v_frames or (9 if args.tiny else 49)
    if args.tiny:
        torch.set_num_threads(1)  # tiny models: threads only add overhead
    work = args.workdir or Path(tempfile.mkdtemp(prefix="petreel-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    dtype = runtime.torch_dtype("bfloat16", torch.device(device))
    spec = RenderSpec(width=144, height=256, fps=8, seed=11) if args.tiny else RenderSpec(seed=11)
    script = make_script(n_scenes=args.scenes, scene_s=args.clip_seconds / args.scenes)
    i2v_size = (64, 96) if args.tiny else (480, 832)
    print(f"[bench] device={device} ({torch.cuda.get_device_name() if device.startswith('cuda') else platform.processor()})"
          f" torch={torch.__version__} python={platform.python_version()} workdir={work}", flush=True)
    with contextlib.suppress(ImportError):
        import diffusers
        import transformers

        print(f"[bench] diffusers={diffusers.__version__} transformers={transformers.__version__}", flush=True)
    bench.results.update(device=device, torch=torch.__version__, spec=[spec.width, spec.height, spec.fps],
                         scenes=args.scenes, clip_seconds=script.duration)

    from render.diffusion.backend import DiffusersImageToVideo, DiffusersPainter

    use_ip = not args.no_ip and (args.tiny or args.random_weights == "sdxl")
    settings = RenderSettings(
        backend="diffusers", device=device, dtype="bfloat16", steps=args.steps, guidance=0.0,
        model_path=args.model or "random-sdxl", i2v_model_path=args.i2v_model or "random-ltx",
        i2v_frames=i2v_frames, compile=args.compile, first_block_cache=args.fbc,
        ip_adapter_path=str(work / "ip-adapter") if use_ip else None, ip_adapter_weight_name=IP_WEIGHTS,
    )

    # 1. painter: build (or load) cold, first paint, then warm paints
    painter: Any = None
    keyframe: Any = Image.new("RGB", framing.overscan_size(spec), (230, 140, 50))
    with bench.part("painter cold"):
        loader: runtime.PipelineLoader | None = None
        build_s = 0.0
        if args.model is None:
            built, build_s = timed(tp.build_sdxl, full=not args.tiny, device=device, dtype=dtype)
            bench.record("painter_build_s", build_s)
            if use_ip:
                _, ip_s = timed(tp.save_ip_adapter, built.unet, work / "ip-adapter", IP_WEIGHTS,
                                full=not args.tiny, device=device, dtype=dtype)
                bench.record("ip_adapter_build_s", ip_s)
            if args.via_disk:
                _, save_s = timed(built.save_pretrained, work / "sdxl")
                bench.record("painter_save_s", save_s)
                del built
                runtime.free_memory()
                settings = settings.model_copy(update={"model_path": str(work / "sdxl")})
                build_s = 0.0
            else:
                loader = injected(built)
        painter = DiffusersPainter(settings, device=device, loader=loader)
        _, load_s = timed(painter.warm)
        bench.record("painter_load_s", load_s)
        bench.record("keyframe_size", list(painter.size))
        images, first_s = timed(painter.paint, script, spec, lambda stage, f: None, lambda: False)
        bench.record("painter_first_paint_s", first_s)
        bench.record("painter_cold_s", build_s + load_s + first_s)
        bench.record("peak_gib_after_painter", peak_gib())
        keyframe = images[0]

    if painter is not None and "painter cold" not in bench.errors:
        with bench.part("painter warm"):
            for i in range(2):  # a new seed each time: sheets and keyframes are generated afresh
                _, warm_s = timed(painter.paint, script, dataclasses.replace(spec, seed=100 + i),
                                  lambda stage, f: None, lambda: False)
            bench.record("painter_warm_paint_s", warm_s)
            if use_ip:
                _, sheets_s = timed(painter.character_sheets, script, 999, work / "sheets")
                bench.record("sheets_s", sheets_s)
                bench.record("keyframes_only_s", warm_s - sheets_s)
                bench.record("s_per_keyframe", (warm_s - sheets_s) / args.scenes)
            else:
                bench.record("s_per_keyframe", warm_s / args.scenes)

    # 2. image to video: build, first clip, warm clip
    animator: Any = None
    if args.i2v_model or args.i2v_random == "ltx" or args.tiny:
        with bench.part("i2v cold"):
            loader = None
            build_s = 0.0
            if args.i2v_model is None:
                built_i2v, build_s = timed(tp.build_ltx_i2v, full=not args.tiny, device=device, dtype=dtype)
                bench.record("i2v_build_s", build_s)
                loader = injected(built_i2v)
            animator = DiffusersImageToVideo(settings, device=device, loader=loader, size=i2v_size,
                                             steps=args.i2v_steps)
            _, load_s = timed(animator.warm)
            bench.record("i2v_load_s", load_s)
            bench.record("i2v_model_frames", animator.model_frames)
            _, first_s = timed(animator.generate, keyframe, script.scenes[0], spec.seed)
            bench.record("i2v_first_clip_s", first_s)
            bench.record("i2v_cold_s", build_s + load_s + first_s)
            bench.record("peak_gib_after_i2v", peak_gib())
        if animator is not None and "i2v cold" not in bench.errors:
            with bench.part("i2v warm"):
                clip, warm_s = timed(animator.generate, keyframe, script.scenes[1], spec.seed)
                bench.record("i2v_clip_shape", list(clip.shape))
                bench.record("i2v_s_per_clip", warm_s)
                bench.record("i2v_s_per_generated_second", warm_s / (animator.model_frames / 24))
                scene_s = script.duration / args.scenes
                bench.record("i2v_s_per_output_second", warm_s / scene_s)

    # 3. totals for the clip: GPU stages estimated from warm numbers, then a real end-to-end render
    r = bench.results
    if "s_per_keyframe" in r:
        gpu_total = r.get("sheets_s", 0.0) + r["s_per_keyframe"] * args.scenes
        if "i2v_s_per_clip" in r:
            gpu_total += r["i2v_s_per_clip"] * args.scenes
        bench.record("gpu_stages_warm_s_per_clip", gpu_total)
    if args.full_clip != "none" and painter is not None:
        with bench.part("full clip with CPU narrator/music/composer"):
            full_clip(bench, args, painter, animator, script, spec, work)

    bench.record("errors", bench.errors)
    summary(bench)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(bench.results, indent=2, default=str), encoding="utf-8")
    return 1 if bench.errors else 0


def full_clip(bench: Bench, args: argparse.Namespace, painter: Any, animator: Any, script: Any,
              spec: RenderSpec, work: Path) -> None:
    from render.backends import default_backends
    from render.pipeline import render_clip

    cpu = default_backends(Settings())  # storyboard backend: the CPU narrator, music, composer, Ken Burns
    motion = animator if (animator is not None and args.full_clip == "auto") else cpu.animator
    backends = Backends(painter=painter, animator=motion, narrator=cpu.narrator, music=cpu.music,
                        composer=cpu.composer, name="diffusers")
    stages: dict[str, float] = {}
    start = time.perf_counter()

    def progress(stage: str, fraction: float) -> None:
        stages.setdefault(stage, time.perf_counter() - start)

    info, total_s = timed(render_clip, script, work / "bench-clip.mp4", backends,
                          dataclasses.replace(spec, seed=321), progress)
    order = sorted(stages.items(), key=lambda kv: kv[1]) + [("end", total_s)]
    bench.record("full_clip_motion", "image-to-video" if motion is animator else "ken burns")
    bench.record("full_clip_stage_s", {a[0]: round(b[1] - a[1], 2) for a, b in zip(order, order[1:], strict=False)})
    bench.record("full_clip_total_s", total_s)
    bench.record("full_clip_mp4", f"{info.path} {info.width}x{info.height} {info.duration:.1f}s {info.size_bytes} B")
    bench.record("full_clip_realtime_factor", total_s / max(info.duration, 1e-6))


def summary(bench: Bench) -> None:
    r = bench.results
    lines = [
        ("seconds per keyframe (warm)", r.get("s_per_keyframe")),
        ("character sheets per job (warm)", r.get("sheets_s")),
        ("painter cold (build/load + first job)", r.get("painter_cold_s")),
        ("i2v seconds per scene clip (warm)", r.get("i2v_s_per_clip")),
        ("i2v seconds per second of output video", r.get("i2v_s_per_output_second")),
        ("i2v cold (build/load + first clip)", r.get("i2v_cold_s")),
        (f"GPU stages for a {r.get('clip_seconds', 0):.0f} s {r.get('scenes')}-scene clip (warm)",
         r.get("gpu_stages_warm_s_per_clip")),
        ("whole clip incl. CPU narrator/music/composer", r.get("full_clip_total_s")),
    ]
    print("[bench] ---- summary ----")
    for label, value in lines:
        print(f"[bench] {label:<52} {'n/a' if value is None else f'{value:8.2f} s'}")
    if bench.errors:
        print(f"[bench] {len(bench.errors)} part(s) failed: {', '.join(bench.errors)}")
    sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main())
