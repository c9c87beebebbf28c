"""Every spoken line of a script, synthesised before the painting starts; a heavy engine speaks in a
short-lived child process of its own.

The piper engine (onnxruntime and the voice: ~190 MiB resident, more after many lines) and the
storyboard painter (its 2x canvases) used to run side by side, so their memory peaks added. The
pipeline now speaks first and paints after, and a narrator whose class sets
``separate_process = True`` (``render.narrator.PiperNarrator``) speaks in a forked child that exits
before the painting starts: the engine's memory goes back to the system with it, and a long-lived
worker does not keep the voice between renders (each render loads it again, ~0.5 core-s).

A narrator with ``speak_lines`` is asked for all the lines at once (the piper voice packs them into
its vocoder's windows, ``render.voiceov``) and yields them one by one; others are asked line by
line. The child sends each line back through a pipe as one message: an 8-byte tag (``AUDIO``, ``SILENT``,
``ERROR``, ``DONE``) then the mono float32 samples (or the error's text). The parent polls ``check``
(cancellation) while it waits and kills the child when told to stop. An exception in the child comes
back as ``RenderFailed`` naming its type and message; a child that dies without a word (killed, out
of memory) too. Narrators without ``separate_process`` (the silent one, test stand-ins) and
platforms without ``fork`` speak in this process, on the calling thread.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Generator
from contextlib import closing
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

import numpy as np

from petreel.errors import RenderFailed
from render.stages import Narrator, ProgressFn
from render.voices import NARRATOR_VOICE, VoiceProfile
from story.script import Script

__all__ = ["Spoken", "speak_script"]

Spoken = list[list[tuple[str, str, np.ndarray | None]]]  # per scene: (speaker, text, audio) in order
Check = Callable[[], None]  # raises petreel.errors.Cancelled when the render is cancelled

AUDIO, SILENT, ERROR, DONE = b"audio\0\0\0", b"silent\0\0", b"error\0\0\0", b"done\0\0\0\0"
POLL_S = 0.1  # how often the parent asks ``check`` while the child speaks
# The longest one line may take before the child counts as hung (a line costs well under a core-second;
# a forked child can deadlock on a lock another thread held at the fork): killed, and RenderFailed.
LINE_STALL_S = 120.0


def speak_script(script: Script, narrator: Narrator, voices: dict[str, VoiceProfile], check: Check,
                 progress: ProgressFn) -> Spoken:
    """Every line of every scene in its speaker's voice, in the order heard (``progress("narration",
    fraction)`` per line); in a child process when the narrator asks for one and ``fork`` exists."""
    lines = [(i, speaker, text) for i, scene in enumerate(script.scenes) for speaker, text in scene.spoken()]
    jobs = [(text, voices.get(speaker, NARRATOR_VOICE)) for _, speaker, text in lines]
    apart = getattr(narrator, "separate_process", False) and "fork" in multiprocessing.get_all_start_methods()
    heard = _in_child(narrator, script.language, jobs, check) if apart else _here(narrator, script.language,
                                                                                    jobs, check)
    out: Spoken = [[] for _ in script.scenes]
    with closing(heard):  # the child is gone when this returns or raises
        for k, ((i, speaker, text), audio) in enumerate(zip(lines, heard, strict=True)):
            out[i].append((speaker, text, audio))
            progress("narration", (k + 1) / len(lines))
    return out


def _spoken(narrator: Narrator, language: str, jobs: list[tuple[str, VoiceProfile]],
            ) -> Generator[np.ndarray | None, None, None]:
    """The lines' audio in order: all asked at once from a narrator that can (``speak_lines``: the
    piper voice packs them into its vocoder's windows), else line by line."""
    speak_lines = getattr(narrator, "speak_lines", None)
    if speak_lines is None:
        for text, voice in jobs:
            yield narrator.speak(text, language, voice)
    else:
        with closing(speak_lines(jobs, language)) as lines:
            yield from lines


def _here(narrator: Narrator, language: str, jobs: list[tuple[str, VoiceProfile]], check: Check,
          ) -> Generator[np.ndarray | None, None, None]:
    check()
    with closing(_spoken(narrator, language, jobs)) as lines:
        for audio in lines:
            yield audio
            check()


def _in_child(narrator: Narrator, language: str, jobs: list[tuple[str, VoiceProfile]], check: Check,
              ) -> Generator[np.ndarray | None, None, None]:
    check()
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_speak_to, args=(send, narrator, language, jobs), name="petreel-speech", daemon=True)
    child.start()
    send.close()  # the child's end: EOF here once the child is gone
    try:
        for _ in jobs:
            yield _receive(receive, child, check)
        if _receive_tagged(receive, child, check)[0] != DONE:
            raise RenderFailed("speech process sent more lines than asked for")
    finally:
        receive.close()
        if child.is_alive():  # cancelled, failed, or the consumer stopped early
            child.kill()
        child.join()


def _receive(conn: Connection, child: BaseProcess, check: Check) -> np.ndarray | None:
    tag, body = _receive_tagged(conn, child, check)
    if tag == SILENT:
        return None
    if tag != AUDIO:
        raise RenderFailed("speech process ended before the last line")
    return np.frombuffer(body, dtype=np.float32).copy()


def _receive_tagged(conn: Connection, child: BaseProcess, check: Check) -> tuple[bytes, bytes]:
    waited = 0.0
    while not conn.poll(POLL_S):
        check()
        waited += POLL_S
        if waited >= LINE_STALL_S:
            child.kill()
            raise RenderFailed(f"speech process gave no line for {LINE_STALL_S:g} s; stopped it")
    try:
        message = conn.recv_bytes()
    except EOFError:
        child.join()
        raise RenderFailed(f"speech process died (exit code {child.exitcode})") from None
    tag, body = message[:8], message[8:]
    if tag == ERROR:
        raise RenderFailed(f"speech failed: {body.decode('utf-8', 'replace')}")
    return tag, body


def _speak_to(conn: Connection, narrator: Narrator, language: str, jobs: list[tuple[str, VoiceProfile]]) -> None:
    """The child: speak every line, send each as it is done, then ``DONE``; an exception as ``ERROR``."""
    try:
        for audio in _spoken(narrator, language, jobs):
            if audio is None:
                conn.send_bytes(SILENT)
            else:
                conn.send_bytes(AUDIO + np.ascontiguousarray(audio, dtype=np.float32).tobytes())
        conn.send_bytes(DONE)
    except Exception as exc:  # sent to the parent, which raises it as RenderFailed
        conn.send_bytes(ERROR + f"{type(exc).__name__}: {exc}".encode())
    finally:
        conn.close()
