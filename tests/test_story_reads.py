"""story/analysis.per_analysis: a premise's clauses and kind are read once per analysis, the same each time."""

from __future__ import annotations

from dataclasses import replace

from story.clauses import clauses
from story.kinds import story_kind
from story.premise import analyse


def test_clauses_and_kind_are_read_once_per_analysis_and_kept_on_it() -> None:
    a = analyse("a poor ginger cat is mocked by a rich white cat, works hard and finally opens a bakery")
    told, kind = clauses(a), story_kind(a)
    assert {"story.clauses.clauses", "story.kinds.story_kind"} <= set(a.read)
    assert story_kind(a) is kind
    again = clauses(a)
    assert again == told and again is not told  # a fresh list: the caller's to change
    again.clear()
    assert clauses(a) == told
    copy = replace(a, job=None)  # a changed copy reads afresh, never the original's
    assert copy.read == {} and clauses(copy) == told
