"""Encoder choice (pure rule + probes), and NVENC on a real GPU (``gpu`` marker)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

from render.composer import FfmpegComposer, encode_args
from render.encoders import (
    NVENC,
    X264,
    build_has_nvenc,
    choose_encoder,
    nvenc_trial,
    nvidia_device_present,
    select_encoder,
)
from render.probe import probe
from render.stages import RenderSpec
from render.yuv import rgb_to_i420

SPEC = RenderSpec(width=96, height=160, fps=12, crf=23)


def test_selection_rule() -> None:
    assert select_encoder("x264", True, True)[0] == X264
    assert select_encoder("auto", True, True)[0] == NVENC
    assert select_encoder("nvenc", True, True)[0] == NVENC
    enc, why = select_encoder("auto", False, None)
    assert enc == X264 and "no h264_nvenc" in why
    enc, why = select_encoder("nvenc", True, False)
    assert enc == X264 and "trial encode failed" in why
    enc, why = select_encoder("auto", True, None, device=False)
    assert enc == X264 and "no NVIDIA GPU device" in why


def test_auto_without_an_nvidia_device_runs_no_probe(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``auto`` on a machine with no NVIDIA driver node starts no ffmpeg to look for NVENC; ``nvenc``
    asked for still probes (and falls back), and ``auto`` probes where a device node is there."""
    ran = tmp_path / "ran"
    fake = tmp_path / "ffmpeg"  # lists h264_nvenc, cannot open a GPU, and notes each start
    fake.write_text(f"#!/bin/sh\necho x >> {ran}\n"
                    "case \"$*\" in *-encoders*) echo ' V....D h264_nvenc  NVIDIA NVENC';; *) exit 1;; esac\n")
    fake.chmod(0o755)
    monkeypatch.setattr("render.encoders.nvidia_device_present", lambda: False)
    choose_encoder.cache_clear()
    assert choose_encoder("auto", str(fake)) == X264
    assert not ran.exists()
    assert choose_encoder("nvenc", str(fake)) == X264
    assert len(ran.read_text().split()) == 2  # the encoder list and the trial
    monkeypatch.setattr("render.encoders.nvidia_device_present", lambda: True)
    choose_encoder.cache_clear()
    assert choose_encoder("auto", str(fake)) == X264
    assert len(ran.read_text().split()) == 4
    choose_encoder.cache_clear()


def test_nvidia_device_present_looks_for_driver_nodes(tmp_path: Path) -> None:
    node = tmp_path / "nvidiactl"
    assert not nvidia_device_present((str(node), str(tmp_path / "dxg")))
    node.write_text("")
    assert nvidia_device_present((str(tmp_path / "dxg"), str(node)))


def test_encoder_arguments() -> None:
    x264 = X264.video_args(SPEC, 2)
    assert x264[:2] == ["-c:v", "libx264"] and "-crf" in x264 and "high" in x264 and "-threads" in x264
    params = x264[x264.index("-x264-params") + 1].split(":")
    assert "chroma-qp-offset=-2" in params  # finer chroma: SSIM >= 0.99
    assert "sync-lookahead=0" in params  # the lookahead in the encoding thread: the same clip from the same frames
    nv = NVENC.video_args(SPEC, 2)
    assert nv[:2] == ["-c:v", "h264_nvenc"] and nv[nv.index("-cq") + 1] == "23" and "high" in nv
    capped = NVENC.video_args(SPEC, 2, bitrate_k=900)
    assert "-cq" not in capped and capped[capped.index("-maxrate") + 1] == "900k"
    # I420 input passes through untouched; RGB goes through the BT.709 scaler
    assert "-vf" not in encode_args(SPEC, 0, pix_fmt_in="yuv420p")
    rgb = encode_args(SPEC, 0, pix_fmt_in="rgb24")
    assert "out_color_matrix=bt709" in rgb[rgb.index("-vf") + 1]
    assert encode_args(SPEC, 0)[encode_args(SPEC, 0).index("-colorspace") + 1] == "bt709"


def test_probes_on_this_machines_ffmpeg(caplog: pytest.LogCaptureFixture) -> None:
    from render.composer import ffmpeg_exe

    exe = ffmpeg_exe()
    has = build_has_nvenc(exe)
    assert isinstance(has, bool)
    choose_encoder.cache_clear()
    with caplog.at_level(logging.INFO, logger="render.encoders"):
        enc = choose_encoder("auto", exe)
    if enc == X264:  # no GPU here: the fallback is said in a log line
        assert "falling back to libx264" in caplog.text
    assert choose_encoder("x264", exe) == X264


def test_nvenc_asked_for_without_a_gpu_falls_back_with_a_warning(caplog: pytest.LogCaptureFixture,
                                                                 tmp_path: Path) -> None:
    fake = tmp_path / "ffmpeg"  # an ffmpeg that lists h264_nvenc but cannot open a GPU
    fake.write_text("#!/bin/sh\ncase \"$*\" in *-encoders*) echo ' V....D h264_nvenc  NVIDIA NVENC';; *) exit 1;; esac\n")
    fake.chmod(0o755)
    choose_encoder.cache_clear()
    with caplog.at_level(logging.WARNING, logger="render.encoders"):
        assert choose_encoder("nvenc", str(fake)) == X264
    assert "NVENC asked for but unavailable" in caplog.text
    assert build_has_nvenc(str(fake)) and not nvenc_trial(str(fake))


def _frames(n: int) -> list[np.ndarray]:
    yy, xx = np.mgrid[0 : SPEC.height, 0 : SPEC.width]
    return [rgb_to_i420(np.stack([(xx * 2 + i * 3) % 256, (yy + i) % 256, np.full_like(xx, 90)], -1).astype(np.uint8))
            for i in range(n)]


def test_i420_frames_encode_to_h264_high_yuv420p_with_audio(tmp_path: Path) -> None:
    info = FfmpegComposer(encoder="x264").compose(iter(_frames(24)), np.zeros(0, np.float32), SPEC,
                                                  tmp_path / "c.mp4", 24)
    facts = probe(info.path)
    assert facts["video_codec"] == "h264" and facts["profile"] == "High" and facts["pix_fmt"] == "yuv420p"
    assert facts["faststart"] and facts["has_audio"] and facts["audio_codec"] == "aac"


@pytest.mark.gpu
def test_nvenc_encodes_on_the_gpu(tmp_path: Path) -> None:
    from render.composer import ffmpeg_exe

    if shutil.which("nvidia-smi") is None or not nvenc_trial(ffmpeg_exe()):
        pytest.skip("no NVIDIA GPU with NVENC here")
    choose_encoder.cache_clear()
    composer = FfmpegComposer(encoder="nvenc")
    assert composer.encoder == NVENC
    info = composer.compose(iter(_frames(48)), np.zeros(0, np.float32), SPEC, tmp_path / "c.mp4", 48)
    facts = probe(info.path)
    assert facts["video_codec"] == "h264" and facts["profile"] == "High" and facts["pix_fmt"] == "yuv420p"
    assert facts["faststart"] and facts["has_audio"]
