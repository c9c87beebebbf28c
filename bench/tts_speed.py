"""Speech engine speed on this machine: real-time factor (seconds of work per second of speech).

    python bench/tts_speed.py

Speaks the English and Chinese lines of ``tests/test_render_sound.py`` (narration and dialogue,
each speaker in its cast voice) with ``PiperNarrator``: piper (English; onnxruntime on one thread,
so CPU time is the work) and espeak-ng (Chinese; a subprocess per line, so wall time is the work,
process start included). The voice is loaded before timing.
"""

from __future__ import annotations

import time

from render.narrator import PiperNarrator
from render.stages import SAMPLE_RATE
from render.voices import cast_voices
from tests.test_render_sound import _EN, _ZH, script_of


def main() -> int:
    narrator = PiperNarrator()
    narrator.speak("Warm up.", "en")
    for language, rows, clock in (("en", _EN, time.process_time), ("zh", _ZH, time.perf_counter)):
        script = script_of(language, rows, 9.0)
        voices = cast_voices(script)
        work = audio = 0.0
        for scene in script.scenes:
            for speaker, text in scene.spoken():
                start = clock()
                clip = narrator.speak(text, language, voices[speaker])
                work += clock() - start
                audio += 0 if clip is None else clip.size / SAMPLE_RATE
        engine = "piper joe-us (CPU s)" if language == "en" else "espeak-ng (wall s)"
        print(f"{language}: {engine}: {work:.2f} s for {audio:.1f} s of speech, real-time factor {work / audio:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
