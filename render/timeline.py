"""Pacing: where every spoken line sits on the clip and how long each scene lasts (pure).

``plan_timeline(lines, planned, fps)`` takes the synthesised length of every line, scene by scene,
and the durations the script planned, and returns the final scene durations, the frames per
scene and one ``SpeechSegment`` per line. Scene lengths follow the speech, as a short does:

- the first line of a scene starts ``LEAD_S`` after its cut (the hook line, 0.1 s into the clip);
- the lines of a scene follow each other ``LINE_GAP_S`` apart;
- the scene ends ``TAIL_S`` after its last line (``END_TAIL_S`` for the last scene), so the longest
  pause between two scenes is ``TAIL_S + LEAD_S``; a line never runs past its scene's cut, in any
  language: a scene with more to say is longer than planned, one with less is shorter;
- no scene is shorter than ``MIN_SHOT_S`` (enough to read the picture);
- a scene with nothing spoken (no engine, or narration switched off) keeps its planned length.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from render.stages import SpeechSegment

LEAD_S = 0.1  # first line after its scene's cut
LINE_GAP_S = 0.18  # between two lines of one scene
TAIL_S = 0.2  # after a scene's last line, before the cut
END_TAIL_S = 0.5  # after the clip's last line
MIN_SHOT_S = 2.0  # shortest scene


@dataclass(frozen=True)
class Line:
    """One synthesised line: who says it, what, and how long the audio is."""

    speaker: str
    text: str
    seconds: float


@dataclass(frozen=True)
class Timeline:
    durations: list[float]  # seconds per scene
    frames: list[int]  # frames per scene, summing to the clip's frame count
    segments: list[SpeechSegment]  # every spoken line, in order, on the clip's timeline

    @property
    def n_frames(self) -> int:
        return sum(self.frames)

    @property
    def starts(self) -> list[float]:
        """Seconds from the first frame to each scene's cut."""
        out, t = [], 0.0
        for d in self.durations:
            out.append(t)
            t += d
        return out

    @property
    def seconds(self) -> float:
        return sum(self.durations)


def frame_counts(durations: list[float], fps: int) -> list[int]:
    """Frames per scene from cumulative rounded cut positions (no drift over many scenes)."""
    cuts, t = [0], 0.0
    for d in durations:
        t += d
        cuts.append(round(t * fps))
    return [b - a for a, b in pairwise(cuts)]


def scene_length(lines: list[Line], last: bool) -> float:
    """Seconds a scene needs for ``lines`` (0 when nothing is said)."""
    said = [ln for ln in lines if ln.seconds > 0]
    if not said:
        return 0.0
    speech = sum(ln.seconds for ln in said) + LINE_GAP_S * (len(said) - 1)
    return LEAD_S + speech + (END_TAIL_S if last else TAIL_S)


def plan_timeline(lines: list[list[Line]], planned: list[float], fps: int) -> Timeline:
    """Scene durations that follow the speech, and each line's place on the clip."""
    if len(lines) != len(planned):
        raise ValueError(f"{len(lines)} scenes of lines for {len(planned)} planned durations")
    durations: list[float] = []
    segments: list[SpeechSegment] = []
    start = 0.0
    for i, (scene_lines, plan) in enumerate(zip(lines, planned, strict=True)):
        need = scene_length(scene_lines, last=i == len(planned) - 1)
        duration = plan if need == 0 else max(MIN_SHOT_S, need)
        t = start + LEAD_S
        for ln in scene_lines:
            if ln.seconds <= 0:
                continue
            segments.append(SpeechSegment(scene=i, start=round(t, 4), end=round(t + ln.seconds, 4),
                                          speaker=ln.speaker, text=ln.text))
            t += ln.seconds + LINE_GAP_S
        durations.append(round(duration, 4))
        start += duration
    return Timeline(durations, frame_counts(durations, fps), segments)


def speech_coverage(timeline: Timeline) -> float:
    """Fraction of the clip with a line being spoken (by the plan; the tests measure the audio)."""
    total = timeline.seconds
    return sum(s.end - s.start for s in timeline.segments) / total if total else 0.0


def longest_pause(timeline: Timeline) -> float:
    """Longest stretch of the clip with no line spoken (by the plan)."""
    edges = [0.0]
    for s in timeline.segments:
        edges += [s.start, s.end]
    edges.append(timeline.seconds)
    return max((b - a for a, b in zip(edges[::2], edges[1::2], strict=True)), default=timeline.seconds)
