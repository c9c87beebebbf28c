"""The piper voice with its vocoder in bfloat16 on OpenVINO; the rest on onnxruntime as before.

Two thirds of a line's cost is the HiFi-GAN vocoder, which onnxruntime runs near one core's
float32 FMA peak. On a CPU with native bfloat16 dot products (``avx512_bf16`` or AMX),
OpenVINO's oneDNN convolutions do the same sums in about half the time. ``voice_runner`` picks the
engine (``Settings.render.voice_engine``): ``auto`` uses this split voice when OpenVINO is installed
and the CPU has native bfloat16, else the plain onnxruntime session (``render/voicemodel.py``), with
one log line saying why.

How the official ONNX model is run here, and why:

- **Only the vocoder in bfloat16.** bfloat16 everywhere changes what a line says (the duration
  predictor rounds to other lengths: a 4.9 s line came out 0.7 s), and the flow in bfloat16 loses
  ~20 dB of SNR. So the model is cut at the vocoder's input (``/dec/conv_pre``): the text encoder,
  duration predictor and flow (``latent``, the official graph up to that tensor, saved once with
  the ``onnx`` package) run float32 on onnxruntime exactly as before, and every line keeps its
  float length to the sample.
- **Transposed convolutions rewritten.** oneDNN's bfloat16 transposed convolution (the vocoder's
  three upsampling layers) is slower than its float32 one; each is rewritten as the equivalent
  ordinary convolution with ``stride`` times the output channels and an interleave (polyphase
  form, ``polyphase``; float32 output equal to the original to ~120 dB SNR). The interleave is a
  DepthToSpace, which the CPU plugin runs on the convolutions' own channels-last layout.
- **One static shape.** OpenVINO's CPU plugin keeps ~25 MiB and builds kernels for every new input
  shape (20 lines of 20 lengths grew a process by 500 MiB), so the vocoder is compiled for windows
  of ``windows()`` frames (224; 112 on a CPU with AMX, where loading the vocoder costs more the longer
  its window) and a line is vocoded window by window, each window's outer ``MARGIN`` frames
  recomputed by its neighbour (``OpenVinoVocoder.vocode``): the kept samples equal one call over the
  whole line to ~130 dB SNR in float32.
- **Packed.** A render's lines go through the windows together (``OpenVinoVocoder.stream``, asked
  by ``render.narrator.PiperNarrator.speak_lines``): every sentence's latent laid end to end,
  ``GUARD`` zero frames apart, so a short sentence no longer pays for a mostly padded window.

The rewritten vocoder is saved once as OpenVINO IR under the cache directory (keyed by the official
file and the OpenVINO version) and compiled through OpenVINO's model cache there. One inference
thread, no CPU pinning (the render shares its cores).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import shutil
import sys
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, TypeVar

import numpy as np

from render.voicemodel import voice_session

log = logging.getLogger(__name__)

Engine = Literal["auto", "openvino", "onnxruntime"]
VOCODER_INPUT = "/dec/conv_pre/Conv"  # the vocoder's first node (its ONNX name): the cut
REWRITE_VERSION = "3"  # bump when the rewrite changes, so cached files are made again
# frames of the vocoder's input per call, one static shape each (256 samples a frame). Each compiled shape keeps
# ~45 MiB more in the speech process (two shapes took the render's peak from 342 to 423 MiB), so one. Line by
# line, 112 frames did best (short lines wasted most of a long window: 2.52 / 2.58 core-s of speech for the 60 s
# bench script's 16 lines against 2.62 / 2.68 at 160). Packed (``OpenVinoVocoder.stream``) nothing is padded but
# the last window, and a longer window recomputes a smaller share of seams: vocoder inference for those lines
# 1.49 core-s line by line at 112, packed 1.36 at 160, 1.30 at 224, 1.30 at 320; the speech child's peak RSS
# 254 MiB at 112, 264 at 160, 277 at 224, 296 at 320 (contended machine, 2026-12-05).
WINDOWS = (224,)
# On a CPU with AMX (``amx_bf16``: Sapphire Rapids and later) oneDNN's AMX convolutions cost ~3x less a frame, but
# loading the vocoder costs ~0.17 + 0.0012 x window core-s (0.20 at 112, 0.35 at 224, 0.74 at 448, from its cache:
# each render pays it again in its speech child) and ~0.3 MiB a frame of window: the 60 s bench script's speech child
# 2.76 core-s and 275 MiB at 112 against 2.98 and 312 at 224 (128: 2.83, 160: 2.89; median of 4, alternating,
# bench/tts_speed.py --render, 2026-12-06). Without AMX loading is ~0.08 core-s whatever the window (224 stays).
AMX_WINDOWS = (112,)
MARGIN = 10  # frames of context each side of a window's kept part (8: 72 dB SNR at the seams, 10: 131 dB)
GUARD = MARGIN  # zero frames between two utterances packed into the same windows (``OpenVinoVocoder.stream``)
T = TypeVar("T")


def import_openvino() -> Any:
    """``import openvino`` without the model converter its package imports too (``openvino.tools.ovc``,
    with its telemetry and an HTTP client: 0.06 of the 0.1 core-s the import costs in every render's
    speech child); this module only reads, rewrites and saves OpenVINO IR. The package imports the
    converter in a ``try`` that lets an ``ImportError`` pass, which a ``None`` entry in
    ``sys.modules`` raises; the entry goes again at once."""
    if "openvino" not in sys.modules and "openvino.tools.ovc" not in sys.modules:
        sys.modules["openvino.tools.ovc"] = None  # type: ignore[assignment]
        try:
            import openvino  # noqa: F401
        finally:
            del sys.modules["openvino.tools.ovc"]
    import openvino

    return openvino


@functools.cache
def amx() -> bool:
    """Whether this CPU has AMX bfloat16 tiles (the ``amx_bf16`` flag of ``/proc/cpuinfo``; False where
    there is no such file)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            return any(line.startswith("flags") and "amx_bf16" in line.split() for line in f)
    except OSError:
        return False


def windows() -> tuple[int, ...]:
    """The vocoder's static windows on this CPU: ``AMX_WINDOWS`` with AMX, else ``WINDOWS``."""
    return AMX_WINDOWS if amx() else WINDOWS


def native_bf16() -> bool:
    """Whether OpenVINO's CPU plugin reports native bfloat16 here (``avx512_bf16`` or AMX)."""
    openvino = import_openvino()

    return "BF16" in openvino.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES")


def voice_runner(official: Path, cache_dir: Path | None = None, threads: int = 1, engine: Engine = "auto") -> Any:
    """What ``piper.PiperVoice`` runs (``run(None, feeds) -> [audio]``): the split voice when
    ``engine`` asks for it (``auto``: when OpenVINO is installed, the CPU has native bfloat16 and
    there is a cache directory: made each time, the split costs ~2 core-s, more than a render's
    speech saves), else, or when it fails to load, the onnxruntime session, with one log line why."""
    if engine == "auto" and cache_dir is None:
        log.info("voice on onnxruntime: no cache directory to keep the bfloat16 vocoder in")
    elif engine != "onnxruntime":
        try:
            if engine == "openvino" or native_bf16():
                return SplitVoice(official, cache_dir, threads)
            log.info("voice on onnxruntime: this CPU has no native bfloat16 for OpenVINO's vocoder")
        except ImportError as exc:
            log.log(logging.WARNING if engine == "openvino" else logging.INFO,
                    "voice on onnxruntime: OpenVINO not installed (%s)", exc)
        except Exception as exc:  # OpenVINO refusing the model, a damaged cache, an unwritable temp dir
            log.warning("voice on onnxruntime: the OpenVINO vocoder failed to load (%s)", exc)
    return voice_session(official, cache_dir, threads)


# ---------------------------------------------------------------------------------------------- the model rewrite


def polyphase(model: Any) -> int:
    """Rewrite every 1-D transposed convolution of an OpenVINO ``model`` (stride s, kernel K,
    padding (K - s) / 2) as one convolution with s x the output channels and an interleave
    (DepthToSpace); returns how many (in place).

    Output sample ``q*s + r`` of the transposed convolution sums ``x[q + d] * w[:, :, k]`` over the
    taps with ``k = r + p - d*s`` in ``[0, K)``: for each phase ``r`` an ordinary convolution over
    the input offsets ``d``, its weights stacked as output channels ``r*cout .. (r+1)*cout``."""
    import openvino.opset13 as ops

    rewritten = 0
    for node in list(model.get_ops()):
        if node.get_type_name() != "ConvolutionBackpropData" or node.get_input_size() != 2:
            continue
        attrs = node.get_attributes()
        weights = node.input(1).get_source_output().get_node()
        if (len(attrs["strides"]) != 1 or attrs["dilations"] != [1] or attrs["output_padding"] != [0]
                or attrs["pads_begin"] != attrs["pads_end"] or weights.get_type_name() != "Constant"):
            continue
        (s,), (p,) = attrs["strides"], attrs["pads_begin"]
        w = np.asarray(weights.get_data(), dtype=np.float32)  # [cin, cout, K]
        cin, cout, k_size = w.shape
        if k_size - 2 * p != s:  # only when the output is exactly s times the input long
            continue
        taps = {(r, d): r + p - d * s for r in range(s) for d in range(-k_size, k_size + 1)
                if 0 <= r + p - d * s < k_size}
        x = node.input(0).get_source_output()
        convs = []
        for phases in phase_groups(s, taps):  # each group of phases over the offsets only they use
            d_min = min(0, *(d for r, d in taps if r in phases))
            d_max = max(0, *(d for r, d in taps if r in phases))
            stacked = np.zeros((len(phases) * cout, cin, d_max - d_min + 1), dtype=np.float32)
            for (r, d), k in taps.items():
                if r in phases:
                    at = (r - phases[0]) * cout
                    stacked[at:at + cout, :, d - d_min] = w[:, :, k].T
            convs.append(ops.convolution(x, ops.constant(stacked), [1], [-d_min], [d_max], [1]))
        conv = convs[0] if len(convs) == 1 else ops.concat(convs, 1)
        # the interleave y[c, q*s + r] = conv[r*cout + c, q] is DepthToSpace ("blocks_first"), which the CPU
        # plugin runs on channels-last data as its convolutions do; a Reshape-Transpose-Reshape (the same
        # numbers) made it reorder to planar and back around every upsampling stage (14 % of the vocoder)
        y = ops.depth_to_space(conv, "blocks_first", s)
        for target in list(node.output(0).get_target_inputs()):
            target.replace_source_output(y.output(0))
        rewritten += 1
    model.validate_nodes_and_infer_types()
    return rewritten


def phase_groups(s: int, taps: dict[tuple[int, int], int]) -> list[range]:
    """The phases ``0 .. s-1`` in runs that read the same input offsets ``d`` (pure)."""
    groups: list[range] = []
    used = [sorted(d for r_, d in taps if r_ == r) for r in range(s)]
    start = 0
    for r in range(1, s + 1):
        if r == s or used[r] != used[start]:
            groups.append(range(start, r))
            start = r
    return groups


def vocoder_model(official: Path, window: int | None) -> Any:
    """The official model's vocoder as an OpenVINO model: input ``z`` [1, channels, ``window``]
    (``None``: any length) -> audio, its upsampling in polyphase form."""
    import openvino
    import openvino.opset13 as ops

    whole = openvino.Core().read_model(str(official))
    cut = next(node for node in whole.get_ops()
               if node.get_type_name() == "Convolution" and node.get_friendly_name().startswith(VOCODER_INPUT))
    channels = cut.input(0).get_partial_shape()[1].get_length()
    z = ops.parameter(openvino.PartialShape([1, channels, -1]), openvino.Type.f32, name="z")
    cut.input(0).replace_source_output(z.output(0))
    vocoder = openvino.Model(whole.get_results(), [z], "voice_vocoder")
    if polyphase(vocoder) != 3:
        raise ValueError("the voice's vocoder does not have the three upsampling layers this rewrite expects")
    if window:
        vocoder.reshape({"z": [1, channels, window]})
    return vocoder


def save_latent(official: Path, out: Path) -> None:
    """The official ONNX graph up to the vocoder's input, as its own ONNX file (``onnx`` package)."""
    import onnx
    import onnx.utils

    graph = onnx.load(str(official), load_external_data=False).graph
    z = next(node.input[0] for node in graph.node if node.name == VOCODER_INPUT)
    onnx.utils.extract_model(str(official), str(out), [i.name for i in graph.input], [z])


# ---------------------------------------------------------------------------------------------- running it


class OpenVinoVocoder:
    """The rewritten vocoder compiled for a few static windows: ``vocode(z) -> audio`` for one
    utterance, ``stream(latents)`` for many packed into the same windows."""

    def __init__(self, models: dict[int, Any], threads: int = 1, compiled_cache: Path | None = None,
                 precision: str = "bf16") -> None:
        import openvino

        config: dict[str, Any] = {"INFERENCE_NUM_THREADS": threads, "NUM_STREAMS": 1, "PERFORMANCE_HINT": "LATENCY",
                                  "INFERENCE_PRECISION_HINT": precision, "ENABLE_CPU_PINNING": False}
        if compiled_cache is not None:
            config["CACHE_DIR"] = str(compiled_cache)
        core = openvino.Core()
        self._requests: dict[int, tuple[Any, np.ndarray]] = {}
        for window, model in sorted(models.items()):
            compiled = core.compile_model(model, "CPU", config)
            self.channels = compiled.input(0).get_partial_shape()[1].get_length()
            self.hop = compiled.output(0).get_partial_shape()[-1].get_length() // window  # samples a frame
            self._requests[window] = (compiled.create_infer_request(), np.zeros((1, self.channels, window), np.float32))

    def _infer(self, window: int, part: np.ndarray) -> np.ndarray:
        """Audio of one ``window``: ``part`` [channels, <= window] and zero frames after it."""
        request, buffer = self._requests[window]
        buffer[0, :, :part.shape[1]] = part
        buffer[0, :, part.shape[1]:] = 0.0
        request.infer({"z": buffer})
        return request.get_output_tensor(0).data.reshape(-1)

    def vocode(self, z: np.ndarray) -> np.ndarray:
        """Audio for ``z`` [1, channels, frames] in windows of the static shapes: the first flush
        with the start and the last flush with the end (where the whole model sees its edges too),
        each keeping its middle and leaving its outer ``MARGIN`` frames to its neighbour; each the
        smallest that reaches the end, else the largest. A line shorter than a window is padded with
        zero frames, which changes nothing before its end."""
        frames = z.shape[2]
        out = np.empty(frames * self.hop, dtype=np.float32)
        done = 0
        while done < frames:
            first = max(0, done - MARGIN)
            window = next((w for w in self._requests if first + w >= frames), max(self._requests))
            start = max(0, min(first, frames - window))
            audio = self._infer(window, z[0, :, start:start + window])
            keep = frames if start + window >= frames else start + window - MARGIN
            out[done * self.hop:keep * self.hop] = audio[(done - start) * self.hop:(keep - start) * self.hop]
            done = keep
        return out

    def stream(self, latents: Iterable[tuple[T, np.ndarray]]) -> Iterator[tuple[T, np.ndarray]]:
        """Audio for each ``(key, z)`` of ``latents`` (``z`` [1, channels, frames]), in order, with
        the utterances laid end to end, ``GUARD`` zero frames apart, through the largest window: a
        short utterance no longer pays for a mostly padded window of its own. ``GUARD`` covers the
        vocoder's reach, so no utterance hears its neighbours; each edge hears zero frames where a
        lone call would see the model's own edge (the audio within bfloat16's rounding of the float
        voice all the same: ``bench/tts_speed.py``). ``latents`` is read lazily, a window ahead of
        the audio, and each utterance is yielded as soon as its last window is done."""
        window = max(self._requests)
        source = iter(latents)
        z = np.zeros((self.channels, 0), np.float32)  # the stream from frame ``z_at`` on
        audio = np.zeros(0, np.float32)  # the audio from frame ``audio_at`` on
        z_at = audio_at = length = done = 0
        spans: deque[tuple[T, int, int]] = deque()  # utterances not yet yielded: key, first and end frame
        ended = False
        while True:
            first = max(0, done - MARGIN)
            while not ended and length < first + window:  # read until the window is all stream
                try:
                    key, part = next(source)
                except StopIteration:
                    ended = True
                    break
                gap = GUARD if length else 0
                z = np.concatenate([z, np.zeros((self.channels, gap), np.float32), part[0]], axis=1)
                spans.append((key, length + gap, length + gap + part.shape[2]))
                length += gap + part.shape[2]
            if done >= length:
                return
            start = max(0, min(first, length - window))
            out = self._infer(window, z[:, start - z_at:start - z_at + window])
            keep = length if ended and start + window >= length else start + window - MARGIN
            audio = np.concatenate([audio, out[(done - start) * self.hop:(keep - start) * self.hop]])
            done = keep
            while spans and spans[0][2] <= done:
                key, begin, end = spans.popleft()
                yield key, audio[(begin - audio_at) * self.hop:(end - audio_at) * self.hop].copy()
            # forget what no window and no utterance needs again
            drop = max(0, min(done - MARGIN, length - window)) - z_at  # (the last window may start earlier)
            z, z_at = z[:, drop:], z_at + drop
            cut = min(spans[0][1] if spans else done, done) - audio_at
            audio, audio_at = audio[cut * self.hop:], audio_at + cut


class SplitVoice:
    """Runs the voice like an onnxruntime session (``run(None, feeds) -> [audio]``): the latent on
    onnxruntime in float32, the vocoder on OpenVINO in bfloat16. Made from the cached files when
    there are some, else made (and saved, when ``cache_dir`` is given and writable)."""

    def __init__(self, official: Path, cache_dir: Path | None = None, threads: int = 1) -> None:
        openvino = import_openvino()

        self._reload: tuple[Path, Path, int] | None = None  # where ``latent`` loads again from (``free_latent``)
        stat = official.stat()
        sizes = windows()
        key = (f"{official.name}|{stat.st_size}|{stat.st_mtime_ns}|ov{openvino.__version__}|rewrite{REWRITE_VERSION}"
               f"|windows{sizes}")
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        if cache_dir is None:
            with tempfile.TemporaryDirectory(prefix="petreel-voice-") as tmp:
                self._make(official, Path(tmp), threads, None, sizes)
            return
        folder = cache_dir / f"{official.stem}.bf16-{digest}"
        if not (folder / "latent.onnx").is_file():
            self._save(official, folder, sizes)
        if (folder / "latent.onnx").is_file():
            self._latent: Any = voice_session(folder / "latent.onnx", cache_dir, threads)
            self._reload = (folder / "latent.onnx", cache_dir, threads)
            self._vocoder = OpenVinoVocoder({w: str(folder / f"vocoder-{w}.xml") for w in sizes}, threads,
                                            folder / "compiled")
        else:  # not writable: made in a temporary folder, as without a cache
            with tempfile.TemporaryDirectory(prefix="petreel-voice-") as tmp:
                self._make(official, Path(tmp), threads, None, sizes)

    def _make(self, official: Path, tmp: Path, threads: int, compiled_cache: Path | None,
              sizes: tuple[int, ...]) -> None:
        save_latent(official, tmp / "latent.onnx")
        self._latent = voice_session(tmp / "latent.onnx", None, threads)
        self._vocoder = OpenVinoVocoder({w: vocoder_model(official, w) for w in sizes}, threads, compiled_cache)

    @staticmethod
    def _save(official: Path, folder: Path, sizes: tuple[int, ...]) -> None:
        """Write the latent ONNX and the vocoder IR under a temporary name, then publish the folder
        atomically (two workers starting together each write their own; the first rename wins)."""
        import openvino

        partial = folder.with_name(f"{folder.name}.{os.getpid()}.partial")
        try:
            partial.mkdir(parents=True, exist_ok=True)
            for window in sizes:
                openvino.save_model(vocoder_model(official, window), partial / f"vocoder-{window}.xml",
                                    compress_to_fp16=False)
            save_latent(official, partial / "latent.onnx")  # last: its presence marks a complete folder
            with contextlib.suppress(OSError):  # published by another worker meanwhile: the same files
                os.replace(partial, folder)
            log.info("voice split for the bfloat16 vocoder once and cached at %s", folder)
        except OSError as exc:  # read-only volume, full disk
            log.warning("voice cache %s not writable (%s); splitting the official model each time", folder, exc)
        finally:
            shutil.rmtree(partial, ignore_errors=True)

    @property
    def latent(self) -> Any:
        """The float32 part as an onnxruntime session: ``run(None, feeds) -> [z]``, the vocoder's input
        (loaded again from the cache if ``free_latent`` freed it)."""
        if self._latent is None and self._reload is not None:
            self._latent = voice_session(*self._reload)
        return self._latent

    def free_latent(self) -> None:
        """Let the latent's session go (its weights, ~55 MiB resident once run) until ``latent`` is
        next asked for, when it loads again from the cache (~0.09 core-s); kept where there is no
        cache to load it from."""
        if self._reload is not None:
            self._latent = None

    @property
    def channels(self) -> int:
        return int(self._vocoder.channels)

    def run(self, output_names: Any, feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
        z = self.latent.run(None, feeds)[0]
        return [self._vocoder.vocode(z).reshape(1, 1, 1, -1)]

    def stream(self, latents: Iterable[tuple[T, np.ndarray]]) -> Iterator[tuple[T, np.ndarray]]:
        """The audio of many utterances' latents packed into the vocoder's windows (``OpenVinoVocoder.stream``)."""
        return self._vocoder.stream(latents)
