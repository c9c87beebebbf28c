"""``DiffusersPainter``: the GPU ``KeyframePainter`` on a diffusers text-to-image pipeline.

Works with any local SD1.5 / SDXL / SDXL-Lightning / FLUX-schnell pipeline directory. All keyframes
of a job are generated in batches (at most ``max_batch`` images per call). With
``render.ip_adapter_path`` set, every character first gets a reference sheet (its own stable seed)
and each keyframe is conditioned on the sheets of the characters in it through the IP-Adapter, so
the pets look the same from scene to scene. ``for_job(job_id, parent_job_id)`` gives the painter for
one job, whose sheets are stored with the job (``<sheet_dir>/job-<id>/``, names are hashes) and
inherited from the parent job on a Remix, so unchanged characters stay the same pets. Every prompt
is fitted to each text encoder's token budget, most important parts first (``prompts.fit``).
"""

from __future__ import annotations

import inspect
import logging
import os
import shutil
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import torch
from PIL import Image

from petreel.errors import Cancelled, RenderFailed
from petreel.settings import RenderSettings
from render.diffusion import framing, prompts
from render.diffusion.prompts import KeyframeJob
from render.diffusion.runtime import (
    PipelineLoader,
    PipelineRequest,
    StepHook,
    cached_pipeline,
    denoiser,
    enable_offload,
    family,
    free_memory,
    generators,
    is_compiled,
    is_oom,
    native_side,
    prompt_fitters,
    resolve_device,
    uncompile,
)
from render.stages import CancelFn, ProgressFn, RenderSpec, never_cancel, no_progress
from story.script import Script

log = logging.getLogger(__name__)

SheetSource = Mapping[str, Path | Image.Image]
MAX_CACHED_SHEETS = 32


class _Progress:
    """Turns finished denoising steps into a monotonic ``progress("keyframes", fraction)``."""

    def __init__(self, progress: ProgressFn, total_units: int) -> None:
        self.progress = progress
        self.total = max(1, total_units)
        self.base = 0
        self.last = 0.0

    def step(self, batch: int, steps_done: int) -> None:
        self._report((self.base + batch * steps_done) / self.total)

    def finish_batch(self, batch: int, steps: int) -> None:
        self.base += batch * steps
        self._report(self.base / self.total)

    def _report(self, fraction: float) -> None:
        fraction = min(1.0, fraction)
        if fraction > self.last:
            self.last = fraction
            self.progress("keyframes", fraction)


class DiffusersPainter:
    """Keyframes (and character sheets) from a warm diffusers pipeline."""

    def __init__(
        self,
        settings: RenderSettings,
        device: str | None = None,
        *,
        loader: PipelineLoader | None = None,
        max_batch: int = 8,
        size: tuple[int, int] | None = None,
        model_path: str | None = None,
        sheet_dir: Path | None = None,
    ) -> None:
        path = model_path or settings.model_path
        if not path:
            raise RenderFailed("render.model_path must name a diffusers pipeline directory for the diffusers backend")
        self.settings = settings
        self.device = resolve_device(device or settings.device)
        self.request = PipelineRequest.from_settings(settings, path, self.device, ip=bool(settings.ip_adapter_path))
        self.max_batch = max(1, max_batch)
        self._loader: PipelineLoader = loader or cached_pipeline
        self._size = size
        self._pipe: Any = None
        self.fitters: dict[str, prompts.Fits] = {}  # per prompt argument, set by warm()
        self._sheets: OrderedDict[str, Image.Image] = OrderedDict()
        self.sheet_dir = sheet_dir  # where paint() keeps character sheets when it is not given any

    # -- loading -------------------------------------------------------------------------------

    def warm(self) -> Any:
        """Load the pipeline now (the worker calls this at start-up); later calls reuse it."""
        if self._pipe is None:
            self._pipe = self._loader(self.request)
            self.fitters = prompt_fitters(self._pipe)
        return self._pipe

    @property
    def uses_ip_adapter(self) -> bool:
        return bool(self.request.ip_adapter_path)

    @property
    def size(self) -> tuple[int, int]:
        """Generation size (width, height): 9:16, multiples of 64, near the model's native area."""
        if self._size is None:
            self._size = framing.portrait_size(native_side(self.warm(), self.settings.model_kind))
        return self._size

    @property
    def sheet_size(self) -> tuple[int, int]:
        return self.size[0], self.size[0]

    # -- character sheets ----------------------------------------------------------------------

    def character_sheets(
        self,
        script: Script,
        seed: int,
        out_dir: Path,
        progress: ProgressFn = no_progress,
        should_cancel: CancelFn = never_cancel,
    ) -> dict[str, Path]:
        """One reference sheet PNG per character in ``out_dir``, reused when it already exists there.

        The file name is a hash of model, seed, character and art style (never user text), so the
        same seed gives the same sheet and a Remix of a clip finds its pets again.
        """
        out_dir.mkdir(parents=True, exist_ok=True)
        paths = {c.id: out_dir / f"sheet-{self._sheet_key(script, seed, c.id)}.png" for c in script.characters}
        return self._complete_sheets(script, seed, paths, progress, should_cancel)

    def job_sheets(
        self,
        script: Script,
        seed: int,
        job_dir: Path,
        parent_dir: Path | None = None,
        progress: ProgressFn = no_progress,
        should_cancel: CancelFn = never_cancel,
    ) -> dict[str, Path]:
        """The sheets stored with one job (``job_dir``): a Remix keeps its parent's pets.

        Files are named by the pet's identity (model, character, look, art style; no seed), so every
        character the Remix left unchanged is copied from the parent job's ``parent_dir``; only
        changed ones (the restyled hero, or all of them in a new art style) are drawn with this
        job's seed. A retried job finds its own sheets again in ``job_dir``.
        """
        job_dir.mkdir(parents=True, exist_ok=True)
        paths = {c.id: job_dir / f"sheet-{self._sheet_key(script, None, c.id)}.png" for c in script.characters}
        for path in paths.values():
            inherited = parent_dir / path.name if parent_dir is not None else None
            if not path.is_file() and inherited is not None and inherited.is_file():
                tmp = path.with_suffix(".tmp.png")
                shutil.copyfile(inherited, tmp)
                os.replace(tmp, path)
        return self._complete_sheets(script, seed, paths, progress, should_cancel)

    def for_job(self, job_id: int, parent_job_id: int | None = None) -> JobPainter:
        """A ``KeyframePainter`` for one job whose character sheets are stored with the job
        (``<sheet_dir>/job-<id>/``) and inherited from the parent job's on a Remix."""
        if self.sheet_dir is None:
            raise RenderFailed("DiffusersPainter.for_job needs a sheet_dir")
        parent = self.sheet_dir / f"job-{parent_job_id}" if parent_job_id is not None else None
        return JobPainter(self, self.sheet_dir / f"job-{job_id}", parent)

    def _complete_sheets(
        self, script: Script, seed: int, paths: dict[str, Path], progress: ProgressFn, should_cancel: CancelFn
    ) -> dict[str, Path]:
        """Generate (one batch, this job's seed) and save atomically every sheet missing at ``paths``."""
        missing = [cid for cid, path in paths.items() if not path.is_file()]
        images = self._sheet_images(script, seed, missing, progress, should_cancel)
        for cid in missing:
            tmp = paths[cid].with_suffix(".tmp.png")
            images[cid].save(tmp, format="PNG")
            os.replace(tmp, paths[cid])
        return paths

    def _sheet_key(self, script: Script, seed: int | None, char_id: str) -> str:
        w, h = self.sheet_size
        model = f"{self.request.path}|{w}x{h}|{self.settings.steps}|{self.settings.guidance}"
        return prompts.sheet_key(model, seed, script, script.character(char_id))

    def _sheet_images(
        self, script: Script, seed: int, char_ids: Sequence[str], progress: ProgressFn, should_cancel: CancelFn
    ) -> dict[str, Image.Image]:
        """Sheets for ``char_ids`` from the in-memory cache, generating the rest in one batch."""
        keys = {cid: self._sheet_key(script, seed, cid) for cid in char_ids}
        todo = [cid for cid in char_ids if keys[cid] not in self._sheets]
        if todo:
            jobs = [prompts.sheet_job(i, script, script.character(cid), seed) for i, cid in enumerate(todo)]
            meter = _Progress(progress, len(jobs) * self.settings.steps)
            made = self._run_all(jobs, self.sheet_size, meter, should_cancel, sheets=None)
            for cid, image in zip(todo, made, strict=True):
                self._remember(keys[cid], image)
        return {cid: self._sheets[keys[cid]] for cid in char_ids}

    def _remember(self, key: str, image: Image.Image) -> None:
        self._sheets[key] = image
        self._sheets.move_to_end(key)
        while len(self._sheets) > MAX_CACHED_SHEETS:
            self._sheets.popitem(last=False)

    # -- keyframes -----------------------------------------------------------------------------

    def paint(
        self,
        script: Script,
        spec: RenderSpec,
        progress: ProgressFn,
        should_cancel: CancelFn,
        sheets: SheetSource | None = None,
    ) -> list[Image.Image]:
        """One keyframe per scene at the animator's overscan size.

        ``sheets`` (character id -> PNG path or image, e.g. from ``character_sheets``) condition the
        keyframes through the IP-Adapter; without them they come from ``spec.seed``, saved in (and
        reused from) ``sheet_dir`` when the painter has one, else kept in memory.
        """
        # 1. the pipeline (warm after the first job)
        self.warm()
        if should_cancel():
            raise Cancelled()
        # 2. character sheets, when the IP-Adapter is configured
        jobs = prompts.keyframe_jobs(script, spec.seed)
        sheet_images: dict[str, Image.Image] | None = None
        if self.uses_ip_adapter:
            if sheets is None and self.sheet_dir is not None:
                sheets = self.character_sheets(script, spec.seed, self.sheet_dir, should_cancel=should_cancel)
            sheet_images = self._resolve_sheets(script, spec.seed, sheets, should_cancel)
        # 3. all keyframes, batched
        meter = _Progress(progress, len(jobs) * self.settings.steps)
        images = self._run_all(jobs, self.size, meter, should_cancel, sheets=sheet_images)
        # 4. the size the animator expects
        target = framing.overscan_size(spec)
        return [framing.cover_fit(image, target) for image in images]

    def _resolve_sheets(
        self, script: Script, seed: int, given: SheetSource | None, should_cancel: CancelFn
    ) -> dict[str, Image.Image]:
        out: dict[str, Image.Image] = {}
        for cid, source in (given or {}).items():
            out[cid] = source.convert("RGB") if isinstance(source, Image.Image) else _open_rgb(source)
        missing = [c.id for c in script.characters if c.id not in out]
        out.update(self._sheet_images(script, seed, missing, no_progress, should_cancel))
        return out

    # -- batching and recovery -----------------------------------------------------------------

    def _run_all(
        self,
        jobs: Sequence[KeyframeJob],
        size: tuple[int, int],
        meter: _Progress,
        should_cancel: CancelFn,
        sheets: dict[str, Image.Image] | None,
    ) -> list[Image.Image]:
        embeds = self._encode_sheets(sheets) if sheets is not None else None
        results: dict[int, Image.Image] = {}
        for batch in prompts.plan_batches(jobs, self.max_batch, by_cast_size=embeds is not None):
            if should_cancel():
                raise Cancelled()
            for job, image in zip(batch, self._run_batch(batch, size, meter, should_cancel, embeds), strict=True):
                results[job.index] = image
        return [results[job.index] for job in jobs]

    def _run_batch(
        self,
        batch: list[KeyframeJob],
        size: tuple[int, int],
        meter: _Progress,
        should_cancel: CancelFn,
        embeds: dict[str, tuple[torch.Tensor, torch.Tensor]] | None,
    ) -> list[Image.Image]:
        try:
            return self._generate(batch, size, meter, should_cancel, embeds)
        except (Cancelled, RenderFailed):
            raise
        except Exception as exc:
            if is_oom(exc):
                return self._after_oom(batch, size, meter, should_cancel, embeds, exc)
            if self._drop_compile(exc):
                return self._run_batch(batch, size, meter, should_cancel, embeds)
            return self._one_by_one(batch, size, meter, should_cancel, embeds, exc)

    def _after_oom(
        self,
        batch: list[KeyframeJob],
        size: tuple[int, int],
        meter: _Progress,
        should_cancel: CancelFn,
        embeds: dict[str, tuple[torch.Tensor, torch.Tensor]] | None,
        exc: BaseException,
    ) -> list[Image.Image]:
        """Out of memory: retry once with half the batch and model CPU offload, then give up clearly."""
        free_memory()
        offloaded = enable_offload(self.warm(), self.device)
        self.max_batch = max(1, len(batch) // 2)
        log.warning("out of GPU memory on a batch of %d (%s); retrying with batch %d%s",
                    len(batch), exc, self.max_batch, " and CPU offload" if offloaded else "")
        out: list[Image.Image] = []
        for start in range(0, len(batch), self.max_batch):
            chunk = batch[start : start + self.max_batch]
            try:
                out.extend(self._generate(chunk, size, meter, should_cancel, embeds))
            except (Cancelled, RenderFailed):
                raise
            except Exception as again:
                if is_oom(again):
                    free_memory()
                    raise RenderFailed(
                        f"out of GPU memory even with batch {len(chunk)} and CPU offload at {size[0]}x{size[1]}"
                    ) from again
                out.extend(self._one_by_one(chunk, size, meter, should_cancel, embeds, again))
        return out

    def _one_by_one(
        self,
        batch: list[KeyframeJob],
        size: tuple[int, int],
        meter: _Progress,
        should_cancel: CancelFn,
        embeds: dict[str, tuple[torch.Tensor, torch.Tensor]] | None,
        exc: BaseException,
    ) -> list[Image.Image]:
        """A batch failed: retry each of its images alone once, so one bad scene does not redo the clip."""
        log.warning("keyframe batch %s failed (%r); retrying each alone", [j.index + 1 for j in batch], exc)
        out: list[Image.Image] = []
        for job in batch:
            try:
                out.extend(self._generate([job], size, meter, should_cancel, embeds))
            except (Cancelled, RenderFailed):
                raise
            except Exception as again:
                raise RenderFailed(f"keyframe {job.index + 1} failed twice: {again!r}") from again
        return out

    def _drop_compile(self, exc: BaseException) -> bool:
        """A compiled denoiser that fails (e.g. no C compiler for inductor) runs eagerly instead."""
        model = denoiser(self.warm())
        if not is_compiled(model):
            return False
        log.warning("compiled denoiser failed (%r); continuing without torch.compile", exc)
        uncompile(model)
        return True

    # -- one pipeline call ---------------------------------------------------------------------

    def _generate(
        self,
        batch: Sequence[KeyframeJob],
        size: tuple[int, int],
        meter: _Progress,
        should_cancel: CancelFn,
        embeds: dict[str, tuple[torch.Tensor, torch.Tensor]] | None,
    ) -> list[Image.Image]:
        pipe = self.warm()
        n = len(batch)
        hook = StepHook(lambda done: meter.step(n, done), should_cancel)
        params = inspect.signature(pipe.__call__).parameters
        negative = "negative_prompt" in params and family(pipe) != "flux" and self.settings.guidance > 1
        kwargs: dict[str, Any] = {}
        # every text encoder gets the prompt fitted to its own token budget, most important parts first
        fitters: dict[str, prompts.Fits | None] = {"prompt": None, **self.fitters}
        for name, fits in fitters.items():
            kwargs[name] = [job.fitted(fits) for job in batch]
            if negative and f"negative_{name}" in params:
                kwargs[f"negative_{name}"] = [prompts.fit(prompts.NEGATIVE_PARTS, fits)] * n
        kwargs |= {
            "width": size[0],
            "height": size[1],
            "num_inference_steps": self.settings.steps,
            "guidance_scale": self.settings.guidance,
            "generator": generators([job.seed for job in batch]),
            "output_type": "pil",
            "callback_on_step_end": hook,
        }
        ip_off = False
        if self.uses_ip_adapter:
            kwargs["ip_adapter_image_embeds"] = [self._batch_embeds(batch, embeds)]
            if embeds is None:  # sheets themselves: IP-Adapter present but switched off
                pipe.set_ip_adapter_scale(0.0)
                ip_off = True
        try:
            output = self._invoke(pipe, kwargs)
        finally:
            if ip_off:
                pipe.set_ip_adapter_scale(self.request.ip_adapter_scale)
        if hook.cancelled:
            raise Cancelled()
        meter.finish_batch(n, self.settings.steps)
        return [image.convert("RGB") for image in output.images]

    def _invoke(self, pipe: Any, kwargs: dict[str, Any]) -> Any:
        """The one place the pipeline runs (tests subclass this to inject faults)."""
        with torch.inference_mode():
            return pipe(**kwargs)

    # -- IP-Adapter embeddings -----------------------------------------------------------------

    def _uses_cfg(self) -> bool:
        unet = getattr(self.warm(), "unet", None)
        return self.settings.guidance > 1 and getattr(getattr(unet, "config", None), "time_cond_proj_dim", None) is None

    def _encode(self, image: Image.Image) -> tuple[torch.Tensor, torch.Tensor]:
        from diffusers.models.embeddings import ImageProjection

        pipe = self.warm()
        layer = pipe.unet.encoder_hid_proj.image_projection_layers[0]
        with torch.inference_mode():
            pos, neg = pipe.encode_image(image, pipe._execution_device, 1, not isinstance(layer, ImageProjection))
        return pos, neg

    def _encode_sheets(self, sheets: dict[str, Image.Image]) -> dict[str, tuple[torch.Tensor, torch.Tensor]]:
        return {cid: self._encode(image) for cid, image in sheets.items()}

    def _batch_embeds(
        self, batch: Sequence[KeyframeJob], embeds: dict[str, tuple[torch.Tensor, torch.Tensor]] | None
    ) -> torch.Tensor:
        """(batch, images, ...) IP-Adapter embeddings, negatives first when CFG is on."""
        if embeds is None:
            blank = self._encode(Image.new("RGB", self.sheet_size, "white"))
            per_job = [(blank[0], blank[1])] * len(batch)
        else:
            per_job = [
                (torch.cat([embeds[cid][0] for cid in job.cast]), torch.cat([embeds[cid][1] for cid in job.cast]))
                for job in batch
            ]
        pos = torch.stack([p for p, _ in per_job])
        if not self._uses_cfg():
            return pos
        return torch.cat([torch.stack([n for _, n in per_job]), pos])


class JobPainter:
    """``DiffusersPainter.for_job``: one job's keyframes with its sheets stored in ``job_dir``."""

    def __init__(self, painter: DiffusersPainter, job_dir: Path, parent_dir: Path | None) -> None:
        self.painter = painter
        self.job_dir = job_dir
        self.parent_dir = parent_dir

    def paint(self, script: Script, spec: RenderSpec, progress: ProgressFn, should_cancel: CancelFn) -> list[Image.Image]:
        sheets: dict[str, Path] | None = None
        if self.painter.uses_ip_adapter:
            self.painter.warm()
            sheets = self.painter.job_sheets(
                script, spec.seed, self.job_dir, self.parent_dir, should_cancel=should_cancel
            )
        return self.painter.paint(script, spec, progress, should_cancel, sheets=sheets)


def _open_rgb(path: Path) -> Image.Image:
    with Image.open(path) as image:
        return image.convert("RGB")
