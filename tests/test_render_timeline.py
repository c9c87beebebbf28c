"""Pacing (pure): scene lengths follow the speech; every line placed on the clip."""

from __future__ import annotations

import pytest

from render.timeline import (
    END_TAIL_S,
    LEAD_S,
    LINE_GAP_S,
    MIN_SHOT_S,
    TAIL_S,
    Line,
    frame_counts,
    longest_pause,
    plan_timeline,
    speech_coverage,
)


def said(*seconds: float, who: str = "narrator") -> list[Line]:
    return [Line(who if i == 0 else f"c{i}", f"line {i}", s) for i, s in enumerate(seconds)]


def test_frame_counts_do_not_drift() -> None:
    counts = frame_counts([3.3] * 9, 24)
    assert sum(counts) == round(3.3 * 9 * 24)
    assert set(counts) <= {79, 80}


def test_scenes_follow_the_speech_and_lines_follow_each_other() -> None:
    tl = plan_timeline([said(3.0, 1.5), said(2.4)], [6.0, 6.0], fps=24)
    assert tl.durations == pytest.approx([LEAD_S + 3.0 + LINE_GAP_S + 1.5 + TAIL_S, LEAD_S + 2.4 + END_TAIL_S])
    first, reply, second = tl.segments
    assert (first.scene, first.start, first.end, first.speaker) == (0, LEAD_S, LEAD_S + 3.0, "narrator")
    assert reply.start == pytest.approx(first.end + LINE_GAP_S) and reply.speaker == "c1"
    assert second.scene == 1 and second.start == pytest.approx(tl.durations[0] + LEAD_S)
    assert tl.n_frames == round(sum(tl.durations) * 24) and tl.starts == [0.0, tl.durations[0]]


def test_the_hook_line_starts_at_once() -> None:
    tl = plan_timeline([said(2.5), said(3.0), said(2.0)], [4.0, 4.0, 4.0], fps=24)
    assert tl.segments[0].start <= 0.5


def test_no_line_ever_runs_past_its_cut() -> None:
    # a scene planned far too short for what is said (a slow Chinese voice, say) is lengthened
    tl = plan_timeline([said(7.0, 3.0), said(1.0), said(9.5)], [4.0, 4.0, 4.0], fps=30)
    ends = [sum(tl.durations[: i + 1]) for i in range(len(tl.durations))]
    for seg in tl.segments:
        assert seg.end <= ends[seg.scene] - TAIL_S + 1e-6
        assert seg.start >= (ends[seg.scene - 1] if seg.scene else 0.0)


def test_short_speech_keeps_a_readable_shot_and_silence_keeps_the_plan() -> None:
    tl = plan_timeline([said(0.6), [], said(2.0)], [5.0, 4.0, 5.0], fps=24)
    assert tl.durations[0] == MIN_SHOT_S
    assert tl.durations[1] == 4.0  # nothing said (no engine): the planned length
    assert len(tl.segments) == 2
    assert plan_timeline([said(0.0)], [3.0], 24).segments == []  # an empty clip is no line


def test_coverage_and_longest_pause_of_a_typical_clip() -> None:
    scenes = [said(3.2, 1.4), said(4.1), said(2.8, 1.2, 1.0), said(3.6), said(4.4, 1.1), said(3.0)]
    tl = plan_timeline(scenes, [7.0] * len(scenes), fps=24)
    assert speech_coverage(tl) >= 0.85
    assert longest_pause(tl) <= TAIL_S + LEAD_S + 1e-6 + (END_TAIL_S - TAIL_S)


def test_mismatched_inputs_are_refused() -> None:
    with pytest.raises(ValueError):
        plan_timeline([said(1.0)], [3.0, 3.0], 24)
