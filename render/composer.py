"""``FfmpegComposer``: raw frames + audio -> inline-playable MP4 and a JPEG thumbnail.

Frames are streamed over stdin to the imageio-ffmpeg binary (no moviepy), handed to the pipe
without a copy where Linux allows (``render.pipefeed``), from the thread that makes them: ffmpeg's
demuxer thread reads ahead of its encoder, and a writer thread of the composer's own cost more (the
GIL handed back and forth at every pipe call) than it overlapped. The render path sends
I420 frames (``render.yuv``: planar yuv420p, BT.709 limited range), which ffmpeg encodes as they
are: no colour conversion there and half the pipe bytes of RGB. RGB frames ``(h, w, 3)`` are still
accepted (converted by ffmpeg's scaler with the same matrix); the first frame decides. Output:
H.264 High profile, yuv420p tagged BT.709 / tv range, AAC 160k 48 kHz stereo, ``+faststart``. The
AAC is ffmpeg's ``fast`` coder (``AAC_CODER``): its default ``twoloop`` search cost 1.6 core-s of a 60 s
clip's encode (8 % of it; the same stream's video ~19), ``fast`` 0.45, and the decoded track is as close
to the mix (waveform SNR 33 dB against 28.5; 4-12 kHz 18.3 against 18.8 dB; loudness and true peak
within 0.2). The
video encoder is libx264, or NVENC (``h264_nvenc``) when asked for or, with ``encoder="auto"``, when
the ffmpeg build has it and a GPU answers a one-frame trial encode (``render.encoders``).

The audio is a mastered stereo WAV (``render/mixer.py``) or an array (mono is written as two equal
channels). After the encode the decoded AAC is measured (ebur128): when its true peak is over
``TRUE_PEAK_MAX_DB`` or its loudness is more than ``LOUDNESS_TOLERANCE`` LU off ``TARGET_LUFS``, the
audio is encoded once more with the gain that puts it right (the video stream is copied).

The encode goes to a hidden temp file in the destination directory which replaces ``out_path`` only
on success, so a failed or cancelled render never leaves a partial file there. A clip over
``max_bytes`` is re-encoded with a bitrate cap (tightened up to three times).
"""

from __future__ import annotations

import fcntl
import itertools
import logging
import os
import shutil
import stat
import subprocess
import tempfile
import uuid
import wave
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import numpy as np
from PIL import Image

from petreel.errors import EncoderMissing, OutputPathError, RenderFailed
from render.audiometer import Loudness, measure_loudness
from render.encoders import X264, Encoder, choose_encoder
from render.mixer import TARGET_LUFS, TRUE_PEAK_MAX_DB
from render.pipefeed import PipeFeeder
from render.stages import SAMPLE_RATE, ClipInfo, RenderSpec
from render.yuv import i420_to_rgb, is_i420

log = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024  # Telegram's upload limit for bots on api.telegram.org
THUMB_MAX_PX = 320
THUMB_MAX_BYTES = 200_000
AUDIO_BITRATE_K = 160  # stereo
AAC_CODER = "fast"  # ffmpeg's AAC quantiser search: "fast" costs a quarter of the default "twoloop"
LOUDNESS_TOLERANCE = 0.5  # LU off the target before the audio is re-encoded
SILENCE_LUFS = -60.0  # quieter than this is a silent track: nothing to master
TRUE_PEAK_MARGIN_DB = 0.2  # a corrected file's true peak lands this far under the limit
THUMB_COMMENT = b"PetReel thumbnail"  # JPEG comment marking the thumbnails PetReel wrote
THUMB_AT = 0.4  # fraction of the clip the thumbnail frame is taken from
PIPE_BYTES = 1 << 20  # Linux's default cap for unprivileged pipes; 64 KiB would cost ~40 wake-ups a frame


def ffmpeg_exe() -> str:
    """The ffmpeg binary (imageio-ffmpeg's, or ``IMAGEIO_FFMPEG_EXE``); ``EncoderMissing`` when it is
    not there or can't be run, so the error names the encoder rather than the output folder."""
    import imageio_ffmpeg

    try:
        exe = str(imageio_ffmpeg.get_ffmpeg_exe())
    except RuntimeError as exc:  # imageio-ffmpeg found no binary at all
        raise EncoderMissing(f"ffmpeg encoder not found ({exc}); reinstall imageio-ffmpeg") from None
    found = shutil.which(exe)
    if found is None:
        raise EncoderMissing(
            f"ffmpeg encoder not found or not executable: {exe} "
            "(check IMAGEIO_FFMPEG_EXE, or reinstall imageio-ffmpeg)"
        )
    return found


def encode_args(spec: RenderSpec, threads: int, video_bitrate_k: int | None = None,
                audio_bitrate_k: int = AUDIO_BITRATE_K, pix_fmt_in: str = "yuv420p",
                encoder: Encoder = X264) -> list[str]:
    """The output options shared by the streaming encode, the capped re-encode and the bench.

    ``pix_fmt_in`` is what ffmpeg decodes the input to: ``yuv420p`` passes through untouched (the
    frames are already BT.709 limited range); anything else goes through the scaler's BT.709 matrix.
    """
    convert = [] if pix_fmt_in == "yuv420p" else ["-vf", "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p"]
    return [
        *convert, *encoder.video_args(spec, threads, video_bitrate_k),
        "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
        "-color_range", "tv",
        *audio_args(audio_bitrate_k), "-movflags", "+faststart", "-f", "mp4",
    ]


def audio_args(bitrate_k: int = AUDIO_BITRATE_K) -> list[str]:
    """The AAC options of every encode: stereo at ``SAMPLE_RATE``, ``AAC_CODER``'s search."""
    return ["-c:a", "aac", "-aac_coder", AAC_CODER, "-b:a", f"{bitrate_k}k", "-ar", str(SAMPLE_RATE), "-ac", "2"]


def raw_input_args(spec: RenderSpec, source: str = "pipe:0", pix_fmt: str = "yuv420p") -> list[str]:
    """Input options for raw frames: ``yuv420p`` (I420 frames) or ``rgb24``."""
    return ["-f", "rawvideo", "-pix_fmt", pix_fmt, "-s", f"{spec.width}x{spec.height}",
            "-framerate", str(spec.fps), "-i", source]


def encode_command(exe: str, spec: RenderSpec, source: str, pix_fmt: str, wav: Path, n_frames: int, dest: Path,
                   threads: int = 0, encoder: Encoder = X264) -> list[str]:
    """The streaming encode: ``n_frames`` raw frames from ``source`` (``pipe:0`` for the render; the
    bench passes a file of the same frames) and ``wav`` (padded or cut to the frames' length) to ``dest``."""
    return [exe, "-hide_banner", "-loglevel", "error", "-y", *raw_input_args(spec, source, pix_fmt),
            "-i", str(wav), "-map", "0:v:0", "-map", "1:a:0", "-af", "apad", "-t", f"{n_frames / spec.fps:.6f}",
            *encode_args(spec, threads, pix_fmt_in=pix_fmt, encoder=encoder), str(dest)]


def widen_pipe(fd: int, size: int = PIPE_BYTES) -> int:
    """Grow a pipe's kernel buffer (fewer context switches per 2.7 MB frame); its size afterwards."""
    setsz, getsz = getattr(fcntl, "F_SETPIPE_SZ", None), getattr(fcntl, "F_GETPIPE_SZ", None)
    if setsz is None or getsz is None:  # not Linux
        return 0
    with suppress(OSError):  # over /proc/sys/fs/pipe-max-size or the user's pipe quota: keep the default
        fcntl.fcntl(fd, setsz, size)
    return int(fcntl.fcntl(fd, getsz))


def write_wav(path: Path, audio: np.ndarray, sample_rate: int = SAMPLE_RATE) -> None:
    """A 16-bit stereo WAV of ``audio``: (n,) mono goes to both channels, (n, 2) as it is."""
    stereo = np.repeat(audio[:, None], 2, axis=1) if audio.ndim == 1 else audio
    pcm = (np.clip(stereo, -1.0, 1.0) * 32767.0).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(sample_rate)
        w.writeframes(pcm.tobytes())


def fit_audio(audio: np.ndarray | None, seconds: float, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """Float32 exactly ``seconds`` long (mono or (n, 2)): trimmed, or padded with silence (None: mono silence)."""
    n = round(seconds * sample_rate)
    shape = (n,) if audio is None or audio.ndim == 1 else (n, audio.shape[1])
    out = np.zeros(shape, dtype=np.float32)
    if audio is not None and audio.size:
        m = min(n, audio.shape[0])
        out[:m] = audio[:m]
    return out


def is_our_thumbnail(path: Path) -> bool:
    """``path`` is a JPEG thumbnail PetReel wrote (it carries ``THUMB_COMMENT``): safe to replace."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return head.startswith(b"\xff\xd8") and THUMB_COMMENT in head


def loudness_correction(measured: Loudness, target_lufs: float = TARGET_LUFS,
                        true_peak_max: float = TRUE_PEAK_MAX_DB) -> float | None:
    """Gain (dB) that brings an encoded clip to ``target_lufs`` with its true peak under
    ``true_peak_max``, or None when it is already within tolerance (or silent) (pure)."""
    if not np.isfinite(measured.integrated) or measured.integrated < SILENCE_LUFS:
        return None
    if abs(measured.integrated - target_lufs) <= LOUDNESS_TOLERANCE and measured.true_peak <= true_peak_max:
        return None
    gain = target_lufs - measured.integrated
    return round(min(gain, true_peak_max - TRUE_PEAK_MARGIN_DB - measured.true_peak), 2)


def save_thumbnail(frame: np.ndarray, path: Path, max_px: int = THUMB_MAX_PX,
                   max_bytes: int = THUMB_MAX_BYTES) -> None:
    """JPEG no larger than ``max_px`` on its longest side and ``max_bytes`` on disk (RGB or I420 frame)."""
    img = Image.fromarray(frame if frame.ndim == 3 else i420_to_rgb(frame))
    img.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
    for quality in (88, 80, 70, 60, 50, 40, 30):
        img.save(path, "JPEG", quality=quality, optimize=True, comment=THUMB_COMMENT)
        if path.stat().st_size <= max_bytes:
            return
    raise RenderFailed(f"thumbnail over {max_bytes} bytes")


def not_regular(path: Path) -> bool:
    """``path`` exists (a link is followed) and is not a regular file: a device node, FIFO, socket
    or directory, which an output must never replace."""
    try:
        mode = os.stat(path).st_mode
    except OSError:  # absent, or its folder is not one (reported by the folder checks)
        return False
    return not stat.S_ISREG(mode)


class FfmpegComposer:
    """Implements ``render.stages.Composer`` with the imageio-ffmpeg binary."""

    def __init__(self, ffmpeg: str | None = None, threads: int = 0, max_bytes: int = MAX_BYTES,
                 encoder: str = "x264") -> None:
        self._ffmpeg = ffmpeg
        self.threads = threads
        self.max_bytes = max_bytes
        self.encoder_choice = encoder  # "x264" | "nvenc" | "auto"
        self._encoder: Encoder | None = None

    @property
    def exe(self) -> str:
        if self._ffmpeg is None:
            self._ffmpeg = ffmpeg_exe()
        return self._ffmpeg

    @property
    def encoder(self) -> Encoder:
        """The video encoder, chosen on first use (``auto`` probes the ffmpeg build and the GPU once)."""
        if self._encoder is None:
            self._encoder = choose_encoder(self.encoder_choice, self.exe)
        return self._encoder

    def compose(
        self,
        frames: Iterator[np.ndarray],
        audio: np.ndarray | Path,
        spec: RenderSpec,
        out_path: Path,
        n_frames: int,
        thumbnail: Path | None = None,
    ) -> ClipInfo:
        """``thumbnail``: where the JPEG goes (default: ``out_path`` with ``.jpg``). Both files are
        written to hidden temp files beside them and renamed into place; an existing path that is
        not a regular file (a device, FIFO, socket, directory) is refused, never replaced."""
        out_path = Path(out_path)
        if spec.width % 2 or spec.height % 2:
            raise RenderFailed(f"frame size must be even for yuv420p, got {spec.width}x{spec.height}")
        if not out_path.parent.is_dir():
            raise OutputPathError(f"no such directory: {out_path.parent}")
        duration = n_frames / spec.fps
        thumb_path = Path(thumbnail) if thumbnail is not None else out_path.with_suffix(".jpg")
        for target in (out_path, thumb_path):
            if not_regular(target):
                raise OutputPathError(f"{target} exists and is not a regular file")
        if thumb_path.resolve() == out_path.resolve():
            raise OutputPathError(f"the thumbnail would replace the output {out_path}")
        _ = self.exe  # the encoder is there (else EncoderMissing, before any file is made)
        temps: list[Path] = []

        def temp(suffix: str) -> Path:
            # hidden, random name beside the output (same filesystem for os.replace); mode honours umask
            path = out_path.parent / f".petreel-{uuid.uuid4().hex}{suffix}"
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
            temps.append(path)
            return path

        try:
            # 1. audio: the mastered WAV, or an array written to a temp WAV
            if isinstance(audio, Path):
                wav = audio
            else:
                wav = temp(".wav")
                write_wav(wav, fit_audio(audio, duration))
            # 2. stream frames into ffmpeg (on this thread: ffmpeg's demuxer thread queues them ahead of x264)
            video = temp(".mp4")
            thumb_frame = self._encode(frames, wav, spec, video, n_frames)
            # 3. loudness and true peak of the decoded AAC: correct once if they are off
            gain = loudness_correction(measure_loudness(video, self.exe))
            if gain is not None:
                video = self._reencode_audio(video, wav, gain, duration, temp(".mp4"))
            # 4. cap the size (re-encode once with a bitrate cap)
            if video.stat().st_size > self.max_bytes:
                video = self._reencode_capped(video, spec, duration, temp(".mp4"))
            # 5. thumbnail from a representative frame
            thumb = temp(".jpg")
            save_thumbnail(thumb_frame, thumb)
            # 6. publish atomically: thumbnail first, the clip last
            os.replace(thumb, thumb_path)
            size = video.stat().st_size
            os.replace(video, out_path)
        except OSError as exc:  # no permission, read-only filesystem, disk full, directory removed
            raise OutputPathError(f"{out_path.parent}: {exc.strerror or exc}") from exc
        finally:
            for p in temps:
                with suppress(FileNotFoundError):
                    p.unlink()
        return ClipInfo(path=out_path, thumbnail=thumb_path, width=spec.width, height=spec.height,
                        duration=duration, size_bytes=size)

    def _reencode_audio(self, src: Path, wav: Path, gain_db: float, duration: float, dest: Path) -> Path:
        """``src``'s video copied, its audio encoded again from ``wav`` with ``gain_db`` applied."""
        log.info("audio gain %+.2f dB after measuring the encoded clip", gain_db)
        cmd = [self.exe, "-hide_banner", "-loglevel", "error", "-y", "-i", str(src), "-i", str(wav),
               "-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy", "-af", f"volume={gain_db}dB,apad",
               "-t", f"{duration:.6f}", *audio_args(), "-movflags", "+faststart", "-f", "mp4", str(dest)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RenderFailed(f"ffmpeg audio re-encode failed: {done.stderr[-800:]}")
        return dest

    def _encode(self, frames: Iterator[np.ndarray], wav: Path, spec: RenderSpec, dest: Path,
                n_frames: int) -> np.ndarray:
        # the first frame says which raw format the pipe carries: I420 (the render path) or RGB
        frames = iter(frames)
        first = next(frames, None)
        if first is None:
            raise RenderFailed(f"expected {n_frames} frames, got 0")
        pix_fmt = "yuv420p" if is_i420(first, spec.width, spec.height) else "rgb24"
        shape = first.shape if pix_fmt == "yuv420p" else (spec.height, spec.width, 3)
        cmd = encode_command(self.exe, spec, "pipe:0", pix_fmt, wav, n_frames, dest, self.threads, self.encoder)
        frames = itertools.chain([first], frames)
        with tempfile.TemporaryFile() as errlog:
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=errlog)
            assert proc.stdin is not None
            stdin = proc.stdin
            widen_pipe(stdin.fileno())
            feeder = PipeFeeder(stdin.fileno())  # frames handed to the pipe, not copied (render.pipefeed)
            failure: list[BaseException] = []
            thumb_index = min(n_frames - 1, int(n_frames * THUMB_AT))
            thumb: np.ndarray | None = None
            count = 0
            try:
                for frame in frames:
                    if frame.shape != shape or frame.dtype != np.uint8:
                        raise RenderFailed(f"frame {count} has shape {frame.shape} {frame.dtype}")
                    if count >= n_frames:
                        raise RenderFailed(f"more than the {n_frames} frames announced")
                    if count == thumb_index:
                        thumb = frame.copy()
                    try:  # on this thread: ffmpeg's demuxer thread queues frames ahead of its encoder
                        feeder.write(np.ascontiguousarray(frame))
                    except OSError as exc:  # BrokenPipe when ffmpeg died; reported below
                        failure.append(exc)
                        break
                    count += 1
            except BaseException:
                proc.kill()
                raise
            finally:
                with suppress(BrokenPipeError):
                    stdin.close()
                proc.wait()
                feeder.close()  # ffmpeg is gone: the pipe refers to no frame any more
            errlog.seek(0)
            err = errlog.read().decode("utf-8", "replace").strip()
        if proc.returncode != 0 or failure:
            raise RenderFailed(f"ffmpeg failed (exit {proc.returncode}): {err[-800:]}")
        if count != n_frames or thumb is None:
            raise RenderFailed(f"expected {n_frames} frames, got {count}")
        return thumb

    def _reencode_capped(self, src: Path, spec: RenderSpec, duration: float, dest: Path) -> Path:
        """Re-encode with a bitrate cap; tighter each try when the encoder overshoots (up to 3 tries)."""
        budget_k = int(self.max_bytes * 8 * 0.92 / max(duration, 0.1) / 1000)  # container overhead margin
        size = src.stat().st_size
        for attempt in range(3):
            audio_k = max(32, min(AUDIO_BITRATE_K, budget_k // 8))
            video_k = max(50, budget_k - audio_k)
            log.info("clip is %d bytes (cap %d); re-encoding at %dk video + %dk audio (try %d)",
                     size, self.max_bytes, video_k, audio_k, attempt + 1)
            cmd = [self.exe, "-hide_banner", "-loglevel", "error", "-y", "-i", str(src), "-map", "0:v:0",
                   "-map", "0:a:0", *encode_args(spec, self.threads, video_k, audio_k, encoder=self.encoder),
                   str(dest)]
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise RenderFailed(f"ffmpeg re-encode failed: {done.stderr[-800:]}")
            size = dest.stat().st_size
            if size <= self.max_bytes:
                return dest
            budget_k = int(budget_k * self.max_bytes / size * 0.9)
        raise RenderFailed(f"clip still {size} bytes after capping at {self.max_bytes}")
