"""The diffusers backend on CPU with tiny random-weight pipelines built in code (tests/tiny_pipelines.py).

The real backend loads them with ``from_pretrained`` exactly as it loads production models; each
pipeline call takes milliseconds at 64x128.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

pytest.importorskip("diffusers")

import torch  # noqa: E402

from petreel.errors import Cancelled, RenderFailed  # noqa: E402
from petreel.settings import RenderSettings, Settings  # noqa: E402
from render.diffusion import framing, prompts, runtime  # noqa: E402
from render.diffusion.backend import (  # noqa: E402
    DiffusersImageToVideo,
    DiffusersPainter,
    diffusers_backends,
    job_backends,
)
from render.diffusion.i2v import fit_video  # noqa: E402
from render.diffusion.painter import JobPainter  # noqa: E402
from render.stages import KeyframePainter, RenderSpec  # noqa: E402
from story.script import Scene  # noqa: E402
from tests import tiny_pipelines as tp  # noqa: E402
from tests.factories import make_script  # noqa: E402

SPEC = RenderSpec(width=72, height=128, fps=8, seed=7)
IP_WEIGHTS = "ip-adapter_tiny.safetensors"


@pytest.fixture(scope="module", autouse=True)
def one_thread() -> Iterator[None]:
    """Tiny models run fastest single-threaded, above all on a busy 2-core box."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("models")
    sd = tp.build_sd15()
    tp.save(sd, root / "sd15")
    tp.save_ip_adapter(sd.unet, root / "ip-adapter", IP_WEIGHTS)
    tp.save(tp.build_ltx_i2v(), root / "ltx")
    return {"sd15": root / "sd15", "ip": root / "ip-adapter", "ltx": root / "ltx"}


def render_settings(models: dict[str, Path], **overrides: Any) -> RenderSettings:
    values: dict[str, Any] = {
        "backend": "diffusers", "device": "cpu", "steps": 2, "guidance": 0.0, "model_path": str(models["sd15"]),
        "ip_adapter_weight_name": IP_WEIGHTS,
    }
    values.update(overrides)
    return RenderSettings(**values)


class RecordingPainter(DiffusersPainter):
    """The real painter with a fault-injection point around the one pipeline call."""

    def __init__(self, *args: Any, fail: Callable[[list[str], list[int]], None] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.batches: list[list[str]] = []
        self.fail = fail

    def _invoke(self, pipe: Any, kwargs: dict[str, Any]) -> Any:
        batch = list(kwargs["prompt"])
        self.batches.append(batch)
        if self.fail is not None:
            self.fail(batch, [g.initial_seed() for g in kwargs["generator"]])
        return super()._invoke(pipe, kwargs)


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, float]] = []

    def __call__(self, stage: str, fraction: float) -> None:
        self.calls.append((stage, fraction))


def pixels(image: Image.Image | Path) -> np.ndarray:
    if isinstance(image, Path):
        with Image.open(image) as opened:
            return np.asarray(opened.convert("RGB"), dtype=np.int16)
    return np.asarray(image, dtype=np.int16)


# -- pure parts ---------------------------------------------------------------------------------------

def test_portrait_sizes_are_nine_by_sixteen_multiples_of_64() -> None:
    assert framing.portrait_size(512) == (512, 896)
    assert framing.portrait_size(1024) == (768, 1344)
    assert framing.portrait_size(64) == (64, 128)
    assert framing.round_to(10) == 64


def test_cover_fit_retime_and_frame_counts() -> None:
    wide = Image.new("RGB", (200, 50), "red")
    assert framing.cover_fit(wide, (30, 60)).size == (30, 60)
    a, b = np.zeros((4, 4, 3), np.uint8), np.full((4, 4, 3), 200, np.uint8)
    out = list(framing.retime([a, b], 5))
    assert len(out) == 5
    assert out[0].max() == 0 and out[-1].min() == 200
    assert out[2].mean() == pytest.approx(100, abs=1)
    assert [f.mean() for f in out] == sorted(f.mean() for f in out)
    assert framing.video_frame_count(49, 8) == 49
    assert framing.video_frame_count(50, 8) == 49
    assert framing.video_frame_count(24, 4) == 21
    nan_frame = torch.tensor([[[[np.nan]], [[0.5]], [[2.0]]]])  # (F=1, C=3, H=1, W=1)
    assert fit_video(nan_frame, None).tolist() == [[[[0, 128, 255]]]]


def test_seeds_prompts_and_sheet_keys_are_stable() -> None:
    script = make_script()
    assert prompts.character_seed(7, "hero") == prompts.character_seed(7, "hero")
    assert len({prompts.character_seed(7, "hero"), prompts.character_seed(7, "rival"),
                prompts.character_seed(8, "hero")}) == 3
    scene = script.scenes[0]
    text = prompts.scene_prompt(script, scene)
    assert text.startswith(prompts.art_style(script).prompt)
    assert scene.visual_prompt in text
    for appearance in scene.characters:
        assert script.character(appearance.id).look in text
    assert "wearing rags" in text and "determined expression" in text
    hero = script.character("hero")
    assert prompts.sheet_key("m", 7, script, hero) == prompts.sheet_key("m", 7, script, hero)
    assert prompts.sheet_key("m", 7, script, hero) != prompts.sheet_key("m", 8, script, hero)


def test_plan_batches_respects_max_and_cast_size() -> None:
    jobs = [prompts.KeyframeJob(i, f"p{i}", i, ("a",) * (1 + i % 2)) for i in range(7)]
    plain = prompts.plan_batches(jobs, 3, by_cast_size=False)
    assert [len(b) for b in plain] == [3, 3, 1]
    grouped = prompts.plan_batches(jobs, 3, by_cast_size=True)
    assert sorted(j.index for b in grouped for j in b) == list(range(7))
    assert all(len({len(j.cast) for j in b}) == 1 and len(b) <= 3 for b in grouped)


@pytest.mark.filterwarnings("ignore:`torch.jit.script_method` is deprecated:DeprecationWarning")  # torch importing inductor
def test_regional_compile_marks_only_transformer_blocks_and_can_be_undone() -> None:
    unet = tp.build_sd15().unet
    assert runtime.compile_regions(unet) == sum(type(m).__name__ == "BasicTransformerBlock" for m in unet.modules())
    assert runtime.is_compiled(unet) and not unet._compiled_call_impl
    assert runtime.uncompile(unet) > 0 and not runtime.is_compiled(unet)


# -- painter ------------------------------------------------------------------------------------------

def test_paint_batches_reports_progress_and_is_deterministic(models: dict[str, Path]) -> None:
    script = make_script()
    painter = RecordingPainter(render_settings(models), device="cpu", max_batch=2)
    assert isinstance(painter, KeyframePainter)
    progress = Recorder()
    images = painter.paint(script, SPEC, progress, lambda: False)

    assert len(images) == len(script.scenes)
    assert {im.size for im in images} == {framing.overscan_size(SPEC)}
    assert {im.mode for im in images} == {"RGB"}
    assert painter.size == (64, 128)
    assert [len(b) for b in painter.batches] == [2, 2, 1]
    assert {stage for stage, _ in progress.calls} == {"keyframes"}
    fractions = [f for _, f in progress.calls]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    fits = painter.fitters["prompt"]
    assert painter.batches[0][0] == prompts.scene_prompt(script, script.scenes[0], fits)
    assert fits(painter.batches[0][0]) and not fits(prompts.scene_prompt(script, script.scenes[0]))

    again = DiffusersPainter(render_settings(models), device="cpu", max_batch=2).paint(
        script, SPEC, Recorder(), lambda: False
    )
    assert all(np.array_equal(pixels(a), pixels(b)) for a, b in zip(images, again, strict=True))
    one_batch = DiffusersPainter(render_settings(models), device="cpu").paint(script, SPEC, Recorder(), lambda: False)
    assert max(int(np.abs(pixels(a) - pixels(b)).max()) for a, b in zip(images, one_batch, strict=True)) <= 3
    other = DiffusersPainter(render_settings(models), device="cpu").paint(
        script, RenderSpec(width=72, height=128, seed=8), Recorder(), lambda: False
    )
    assert not np.array_equal(pixels(images[0]), pixels(other[0]))


def test_cancel_interrupts_the_pipeline_and_raises(models: dict[str, Path]) -> None:
    painter = DiffusersPainter(render_settings(models, steps=4), device="cpu")
    progress = Recorder()
    with pytest.raises(Cancelled):
        painter.paint(make_script(), SPEC, progress, lambda: bool(progress.calls))
    assert painter.warm()._interrupt is True
    assert len(progress.calls) == 1 and progress.calls[0][1] < 1.0


def test_out_of_memory_retries_with_smaller_batches_then_fails_clearly(models: dict[str, Path]) -> None:
    def oom_on_batches(batch: list[str], seeds: list[int]) -> None:
        if len(batch) > 2:
            raise torch.OutOfMemoryError("CUDA out of memory (simulated)")

    painter = RecordingPainter(render_settings(models), device="cpu", max_batch=5, fail=oom_on_batches)
    images = painter.paint(make_script(), SPEC, Recorder(), lambda: False)
    assert len(images) == 5
    assert [len(b) for b in painter.batches] == [5, 2, 2, 1]
    assert painter.max_batch == 2

    def always_oom(batch: list[str], seeds: list[int]) -> None:
        raise torch.OutOfMemoryError("CUDA out of memory (simulated)")

    broken = RecordingPainter(render_settings(models), device="cpu", max_batch=4, fail=always_oom)
    with pytest.raises(RenderFailed, match="out of GPU memory"):
        broken.paint(make_script(), SPEC, Recorder(), lambda: False)


def test_a_failing_scene_is_retried_alone(models: dict[str, Path]) -> None:
    script = make_script()
    office = prompts.scene_seed(SPEC.seed, 2, script.scenes[2])  # the prompt may not reach the place words
    assert script.scenes[2].location == "office"

    def office_breaks_batches(batch: list[str], seeds: list[int]) -> None:
        if len(batch) > 1 and office in seeds:
            raise RuntimeError("simulated kernel failure")

    painter = RecordingPainter(render_settings(models), device="cpu", max_batch=5, fail=office_breaks_batches)
    images = painter.paint(make_script(), SPEC, Recorder(), lambda: False)
    assert len(images) == 5
    assert [len(b) for b in painter.batches] == [5, 1, 1, 1, 1, 1]

    def office_always_breaks(batch: list[str], seeds: list[int]) -> None:
        if office in seeds:
            raise RuntimeError("simulated kernel failure")

    broken = RecordingPainter(render_settings(models), device="cpu", max_batch=5, fail=office_always_breaks)
    with pytest.raises(RenderFailed, match="keyframe 3"):
        broken.paint(make_script(), SPEC, Recorder(), lambda: False)
    assert len(broken.batches[-1]) == 1  # scenes 1 and 2 were not redone after the failure


def test_character_sheets_are_saved_reused_and_condition_keyframes(models: dict[str, Path], tmp_path: Path) -> None:
    settings = render_settings(models, ip_adapter_path=str(models["ip"]))
    script = make_script()
    painter = RecordingPainter(settings, device="cpu")
    sheets = painter.character_sheets(script, 7, tmp_path / "a")

    assert set(sheets) == {"hero", "rival"}
    for path in sheets.values():
        assert path.is_file() and path.name.startswith("sheet-") and path.suffix == ".png"
        assert "hero" not in path.name and "rival" not in path.name
        assert pixels(path).shape == (painter.sheet_size[1], painter.sheet_size[0], 3)
    assert len(painter.batches) == 1 and len(painter.batches[0]) == 2
    assert "IPAdapter" in type(painter.warm().unet.attn_processors[
        next(n for n in painter.warm().unet.attn_processors if n.endswith("attn2.processor"))]).__name__

    # same directory: the files are reused, nothing is generated
    again = RecordingPainter(settings, device="cpu")
    assert again.character_sheets(script, 7, tmp_path / "a") == sheets and again.batches == []
    # same seed elsewhere (fresh painter, no memory cache): the same pets
    fresh = DiffusersPainter(settings, device="cpu").character_sheets(script, 7, tmp_path / "b")
    assert np.array_equal(pixels(fresh["hero"]), pixels(sheets["hero"]))
    other = DiffusersPainter(settings, device="cpu").character_sheets(script, 9, tmp_path / "c")
    assert not np.array_equal(pixels(other["hero"]), pixels(sheets["hero"]))

    keyframes = again.paint(script, SPEC, Recorder(), lambda: False, sheets=sheets)
    assert len(keyframes) == 5 and {k.size for k in keyframes} == {framing.overscan_size(SPEC)}
    assert again.batches and all(len(b) <= again.max_batch for b in again.batches)
    keeper = RecordingPainter(settings, device="cpu", sheet_dir=tmp_path / "a")
    kept = keeper.paint(script, SPEC, Recorder(), lambda: False)
    assert all(np.array_equal(pixels(a), pixels(b)) for a, b in zip(keyframes, kept, strict=True))
    assert not any(p.startswith("character reference") for b in keeper.batches for p in b)  # sheets reused
    red = Image.new("RGB", painter.sheet_size, (255, 0, 0))
    recast = again.paint(script, SPEC, Recorder(), lambda: False, sheets={"hero": red, "rival": sheets["rival"]})
    assert not np.array_equal(pixels(keyframes[0]), pixels(recast[0]))


# -- image to video -----------------------------------------------------------------------------------

class SolidAnimator:
    """Ken Burns stand-in: grey frames of the right size."""

    def __init__(self) -> None:
        self.used = 0

    def frames(self, keyframe: Image.Image, scene: Scene, spec: RenderSpec, n_frames: int) -> Iterator[np.ndarray]:
        self.used += 1
        for _ in range(n_frames):
            yield np.full((spec.height, spec.width, 3), 128, np.uint8)


def test_image_to_video_frames_are_resized_and_retimed(models: dict[str, Path]) -> None:
    settings = render_settings(models, i2v_model_path=str(models["ltx"]), i2v_frames=9, first_block_cache=0.05)
    animator = DiffusersImageToVideo(settings, device="cpu", size=(32, 64))
    keyframe = Image.new("RGB", framing.overscan_size(SPEC), (230, 140, 50))
    frames = list(animator.frames(keyframe, make_script().scenes[0], SPEC, 20))

    assert len(frames) == 20
    assert {f.shape for f in frames} == {(SPEC.height, SPEC.width, 3)}
    assert {f.dtype for f in frames} == {np.dtype(np.uint8)}
    assert animator.generated == 1 and animator.model_frames == 9
    clip = animator.generate(keyframe, make_script().scenes[1], SPEC.seed)  # the bench's call: model size
    assert clip.shape == (9, 64, 32, 3) and clip.dtype == np.uint8
    assert animator.warm().transformer.is_cache_enabled
    assert animator.warm().vae.use_tiling


def test_image_to_video_cancel_and_fallback(models: dict[str, Path], tmp_path: Path) -> None:
    scene = make_script().scenes[0]
    keyframe = Image.new("RGB", framing.overscan_size(SPEC), "white")
    settings = render_settings(models, i2v_model_path=str(models["ltx"]), i2v_frames=9)
    cancelling = DiffusersImageToVideo(settings, device="cpu", size=(32, 64), should_cancel=lambda: True)
    with pytest.raises(Cancelled):
        next(cancelling.frames(keyframe, scene, SPEC, 10))

    fallback = SolidAnimator()
    missing = render_settings(models, i2v_model_path=str(tmp_path / "no-such-model"))
    animator = DiffusersImageToVideo(missing, device="cpu", fallback=fallback)
    frames = list(animator.frames(keyframe, scene, SPEC, 6))
    assert len(frames) == 6 and fallback.used == 1 and animator.generated == 0
    with pytest.raises(RenderFailed, match="cannot load"):
        list(DiffusersImageToVideo(missing, device="cpu").frames(keyframe, scene, SPEC, 6))


# -- configuration and wiring -------------------------------------------------------------------------

def test_configuration_errors_are_clear(models: dict[str, Path]) -> None:
    with pytest.raises(RenderFailed, match="model_path"):
        DiffusersPainter(RenderSettings(device="cpu"))
    with pytest.raises(RenderFailed, match="i2v_model_path"):
        DiffusersImageToVideo(RenderSettings(device="cpu"))
    if not torch.cuda.is_available():
        with pytest.raises(RenderFailed, match="CUDA"):
            DiffusersPainter(render_settings(models, device="cuda"))
    assert runtime.torch_dtype("bfloat16", torch.device("cpu")) == torch.float32


def test_diffusers_backends_combines_gpu_painter_with_cpu_stages(models: dict[str, Path]) -> None:
    settings = Settings(render=render_settings(models, i2v_model_path=str(models["ltx"])))
    backends = diffusers_backends(settings)
    assert backends.name == "diffusers"
    assert isinstance(backends.painter, DiffusersPainter)
    assert isinstance(backends.animator, DiffusersImageToVideo)
    assert backends.animator.fallback is not None
    plain = diffusers_backends(Settings(render=render_settings(models)))
    assert not isinstance(plain.animator, DiffusersImageToVideo)

    # per job: sheets kept with the job (Remix inherits), i2v interrupted by the job's cancel
    job = job_backends(backends, 7, 3, lambda: True)
    assert isinstance(job.painter, JobPainter)
    assert job.painter.job_dir == settings.data_dir / "sheets" / "job-7"
    assert job.painter.parent_dir == settings.data_dir / "sheets" / "job-3"
    assert isinstance(job.animator, DiffusersImageToVideo) and job.animator.should_cancel()
    assert job.animator.warm() is backends.animator.warm() and not backends.animator.should_cancel()
    assert job_backends(plain, 8, None, lambda: False).animator is plain.animator


# -- prompt budgets, per-job sheets (Remix), the i2v frame path --------------------------------------

def words_fit(limit: int) -> prompts.Fits:
    return lambda text: len(text.split()) <= limit


def test_fit_keeps_the_most_important_parts_whole_and_cuts_the_first_that_does_not_fit() -> None:
    parts = ["flat cartoon style", "a ginger cat, wearing rags", "the cat carries heavy bricks", "street, sad mood"]
    assert prompts.fit(parts) == ". ".join(parts)
    assert prompts.fit(parts, words_fit(100)) == ". ".join(parts)
    assert prompts.fit(parts, words_fit(10)) == "flat cartoon style. a ginger cat, wearing rags. the cat"
    assert prompts.fit(parts, words_fit(3)) == "flat cartoon style"
    assert prompts.fit(parts, words_fit(2)) == "flat cartoon"
    assert prompts.fit(["橘猫在工地搬砖", "夜晚"], lambda t: len(t) <= 4) == "橘猫在工"  # no spaces: cut by character
    script = make_script()
    scene = script.scenes[0]
    tight = prompts.scene_prompt(script, scene, words_fit(20))
    assert tight.startswith(prompts.art_style(script).prompt + ". " + script.character("hero").look)
    assert len(tight.split()) <= 20
    sheet = prompts.sheet_prompt(script, script.character("rival"), words_fit(12))
    assert sheet.startswith("character reference sheet of a fluffy white Persian cat")
    assert prompts.motion_prompt(scene, words_fit(6)).startswith(scene.visual_prompt[:20])


class LibraryLog(logging.Handler):
    """Collects what transformers and diffusers log (their loggers may not propagate to the root)."""

    names = ("transformers", "diffusers")

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __enter__(self) -> LibraryLog:
        for name in self.names:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        for name in self.names:
            logging.getLogger(name).removeHandler(self)


def test_prompts_fit_every_text_encoder_so_nothing_is_truncated(models: dict[str, Path]) -> None:
    settings = render_settings(models, i2v_model_path=str(models["ltx"]), i2v_frames=9, guidance=2.0)
    painter = RecordingPainter(settings, device="cpu", max_batch=5)
    animator = DiffusersImageToVideo(settings, device="cpu", size=(32, 64))
    for tokenizer in (painter.warm().tokenizer, animator.warm().tokenizer):  # pipelines are cached: re-arm
        tokenizer.deprecation_warnings.clear()  # transformers' warn-once flag
    with LibraryLog() as logged:
        painter.paint(make_script(), SPEC, Recorder(), lambda: False)
        next(animator.frames(Image.new("RGB", (80, 144), "white"), make_script().scenes[0], SPEC, 4))
    assert not [m for m in logged.messages if "sequence length" in m or "truncated" in m]
    tokenizer = painter.warm().tokenizer
    assert all(len(tokenizer(p, verbose=False)["input_ids"]) <= 77 for p in painter.batches[0])
    assert all(p.startswith(prompts.art_style(make_script()).prompt) for p in painter.batches[0])
    ltx_params = inspect.signature(animator.warm().__call__).parameters
    assert runtime.token_limit(animator.warm().tokenizer, ltx_params) == 128  # LTX max_sequence_length
    # the check can fail: the unfitted prompt is what made the GPU logs warn
    with LibraryLog() as logged:
        tp.clip_tokenizer()(prompts.scene_prompt(make_script(), make_script().scenes[0]))
    assert any("Token indices sequence length is longer" in m for m in logged.messages)


def test_sdxl_and_flux_style_pipelines_get_one_fitted_prompt_per_encoder() -> None:
    sdxl = tp.build_sdxl()
    fitters = runtime.prompt_fitters(sdxl)
    assert set(fitters) == {"prompt", "prompt_2"}
    long_text = "word " * 100
    assert not fitters["prompt"](long_text) and not fitters["prompt_2"](long_text)
    assert fitters["prompt"]("a ginger cat") and fitters["prompt_2"]("a ginger cat")


def test_remix_keeps_the_parents_unchanged_pets_through_job_sheets(models: dict[str, Path], tmp_path: Path) -> None:
    settings = render_settings(models, ip_adapter_path=str(models["ip"]))
    script = make_script()
    painter = RecordingPainter(settings, device="cpu", sheet_dir=tmp_path / "sheets")
    parent = painter.for_job(41)
    assert isinstance(parent, KeyframePainter)
    parent.paint(script, SPEC, Recorder(), lambda: False)
    parent_sheets = sorted((tmp_path / "sheets" / "job-41").glob("sheet-*.png"))
    assert len(parent_sheets) == 2 and all("hero" not in p.name and "rival" not in p.name for p in parent_sheets)

    # the Remix: hero restyled, new seed; the rival must stay the same pet
    data = script.model_dump()
    data["characters"][0]["look"] = "a sleek black cat with glossy fur and bright yellow eyes"
    remix = type(script).model_validate(data)
    painter.batches.clear()
    child = painter.for_job(42, parent_job_id=41)
    keyframes = child.paint(remix, RenderSpec(width=72, height=128, fps=8, seed=99), Recorder(), lambda: False)
    assert len(keyframes) == 5
    sheet_batches = [b for b in painter.batches if b[0].startswith("character reference")]
    assert len(sheet_batches) == 1 and len(sheet_batches[0]) == 1  # only the restyled hero was drawn
    child_sheets = {p.name: p.read_bytes() for p in (tmp_path / "sheets" / "job-42").glob("sheet-*.png")}
    inherited = [p for p in parent_sheets if p.name in child_sheets]
    assert len(child_sheets) == 2 and len(inherited) == 1
    assert child_sheets[inherited[0].name] == inherited[0].read_bytes()
    # a retried attempt of the same job finds its own sheets: nothing is drawn again
    painter.batches.clear()
    painter.for_job(42, parent_job_id=41).paint(remix, SPEC, Recorder(), lambda: False)
    assert not any(b[0].startswith("character reference") for b in painter.batches)
    with pytest.raises(RenderFailed, match="sheet_dir"):
        DiffusersPainter(settings, device="cpu").for_job(1)


def test_fit_video_cover_fits_on_the_frames_device() -> None:
    frames = torch.zeros(3, 3, 64, 32)
    frames[:, 0, :, :16] = 1.0  # left half red
    frames[:, 2, :, 16:] = 1.0  # right half blue
    out = fit_video(frames, (72, 128), chunk=2)
    assert out.shape == (3, 128, 72, 3) and out.dtype == np.uint8 and out.flags.c_contiguous
    assert out[:, :, :30, 0].min() == 255 and out[:, :, 42:, 2].min() == 255
    before = frames.clone()
    assert fit_video(frames, None).shape == (3, 64, 32, 3)
    assert torch.equal(frames, before)  # the caller's frames are not written into
    with torch.inference_mode():
        made = frames * 1.0  # what a pipeline returns: an inference tensor
    assert fit_video(made, None)[0, 0, 0].tolist() == [255, 0, 0]
