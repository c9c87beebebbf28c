"""render.speech: every line spoken before the painting, a heavy engine in a child process of its own."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator

import numpy as np
import pytest

from petreel.errors import Cancelled, RenderFailed
from render.speech import speak_script
from render.voices import NARRATOR_VOICE, VoiceProfile, cast_voices
from story.script import Script

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


def script_of(n_scenes: int = 5) -> Script:
    return Script.model_validate({
        "title": "Speech", "language": "en", "premise": "a cat speaks", "style": "ginger-cat",
        "characters": [{"id": "hero", "name": "Ginger", "species": "cat", "breed": "ginger tabby",
                        "style": "ginger-cat", "look": "a small ginger tabby cat"}],
        "scenes": [{"location": "street", "setting": "street", "characters": [{"id": "hero"}],
                    "visual_prompt": "street", "narration": f"Scene {i} begins with a few words.",
                    "dialogue": [{"speaker": "hero", "text": f"Line {i} of the hero."}],
                    "caption": f"Scene {i}", "duration": 5.0, "camera": "static", "mood": "calm"}
                   for i in range(n_scenes)],
    })


class PidNarrator:
    """Speaks in a child: each line's audio is its word count times 0.1 s of samples, the first
    sample the id of the process that spoke it; lines with "quiet" give no audio."""

    separate_process = True

    def speak(self, text: str, language: str, voice: VoiceProfile = NARRATOR_VOICE) -> np.ndarray | None:
        if "quiet" in text:
            return None
        audio = np.linspace(-0.5, 0.5, 4800 * len(text.split()), dtype=np.float32)
        audio[0] = os.getpid()
        return audio


class HereNarrator(PidNarrator):
    separate_process = False


class FailingNarrator(PidNarrator):
    def speak(self, text: str, language: str, voice: VoiceProfile = NARRATOR_VOICE) -> np.ndarray | None:
        raise ValueError(f"cannot say {text!r}")


class DyingNarrator(PidNarrator):
    def speak(self, text: str, language: str, voice: VoiceProfile = NARRATOR_VOICE) -> np.ndarray | None:
        os._exit(3)


class StuckNarrator(PidNarrator):
    """Speaks the first line, then never finishes the second."""

    def __init__(self) -> None:
        self.spoken = 0

    def speak(self, text: str, language: str, voice: VoiceProfile = NARRATOR_VOICE) -> np.ndarray | None:
        self.spoken += 1
        if self.spoken > 1:
            threading.Event().wait()
        return super().speak(text, language, voice)


def speak(script: Script, narrator: object, check: object = lambda: None, progress: object = None) -> list:
    return speak_script(script, narrator, cast_voices(script), check,  # type: ignore[arg-type]
                        progress or (lambda stage, fraction: None))  # type: ignore[arg-type]


def test_a_separate_process_narrator_speaks_in_a_child_that_is_gone_afterwards() -> None:
    script = script_of()
    seen: list[tuple[str, float]] = []
    apart = speak(script, PidNarrator(), progress=lambda stage, f: seen.append((stage, f)))
    here = speak(script, HereNarrator())
    assert [[(who, text) for who, text, _ in scene] for scene in apart] == [s.spoken() for s in script.scenes]
    pids = {int(audio[0]) for scene in apart for _, _, audio in scene}
    assert len(pids) == 1 and os.getpid() not in pids
    for scene_a, scene_h in zip(apart, here, strict=True):
        for (_, _, a), (_, _, h) in zip(scene_a, scene_h, strict=True):
            assert a.dtype == np.float32 and a.flags.writeable
            np.testing.assert_array_equal(a[1:], h[1:])
    assert seen[-1] == ("narration", 1.0) and [f for _, f in seen] == sorted(f for _, f in seen)
    assert multiprocessing.active_children() == []


def test_lines_without_audio_come_back_as_none() -> None:
    base = script_of()
    scenes = [s.model_dump() for s in base.scenes]
    scenes[0]["narration"] = "A quiet moment."
    spoken = speak(Script.model_validate({**base.model_dump(), "scenes": scenes}), PidNarrator())
    assert spoken[0][0][2] is None and spoken[0][1][2] is not None


def test_an_error_in_the_child_is_a_render_failure_naming_it() -> None:
    with pytest.raises(RenderFailed, match=r"speech failed: ValueError: cannot say 'Scene 0"):
        speak(script_of(), FailingNarrator())
    assert multiprocessing.active_children() == []


def test_a_child_that_dies_is_a_render_failure() -> None:
    with pytest.raises(RenderFailed, match=r"speech process died \(exit code 3\)"):
        speak(script_of(), DyingNarrator())


def test_cancel_while_the_child_speaks_stops_it() -> None:
    state = {"lines": 0}

    def check() -> None:
        if state["lines"] >= 1:
            raise Cancelled("render cancelled")

    def progress(stage: str, fraction: float) -> None:
        state["lines"] += 1

    with pytest.raises(Cancelled):
        speak(script_of(), StuckNarrator(), check, progress)
    assert state["lines"] == 1
    assert multiprocessing.active_children() == []


def test_a_child_that_hangs_on_a_line_is_stopped_and_a_render_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("render.speech.LINE_STALL_S", 0.5)
    with pytest.raises(RenderFailed, match=r"speech process gave no line for 0.5 s"):
        speak(script_of(), StuckNarrator())
    assert multiprocessing.active_children() == []


class BatchNarrator(PidNarrator):
    """Speaks a script's lines at once where asked (``speak_lines``), as the packed piper voice does;
    records how it was asked in the process that spoke."""

    def __init__(self, separate_process: bool) -> None:
        self.separate_process = separate_process
        self.asked: list[int] = []

    def speak(self, text: str, language: str, voice: VoiceProfile = NARRATOR_VOICE) -> np.ndarray | None:
        raise AssertionError("asked line by line")

    def speak_lines(self, lines: list[tuple[str, VoiceProfile]], language: str) -> Iterator[np.ndarray | None]:
        self.asked.append(len(lines))
        for text, voice in lines:
            yield PidNarrator.speak(self, text, language, voice)


def test_a_narrator_that_speaks_lines_at_once_is_asked_once_with_progress_per_line() -> None:
    script = script_of()
    n_lines = sum(len(s.spoken()) for s in script.scenes)
    seen: list[tuple[str, float]] = []
    here = BatchNarrator(separate_process=False)
    apart = speak(script, BatchNarrator(separate_process=True), progress=lambda stage, f: seen.append((stage, f)))
    there = speak(script, here)
    assert here.asked == [n_lines]
    assert [[(who, text) for who, text, _ in scene] for scene in apart] == [s.spoken() for s in script.scenes]
    assert [f for _, f in seen] == [(k + 1) / n_lines for k in range(n_lines)]
    assert all(np.array_equal(a[1:], b[1:]) for sa, sb in zip(apart, there, strict=True)
               for (_, _, a), (_, _, b) in zip(sa, sb, strict=True))
    assert multiprocessing.active_children() == []
