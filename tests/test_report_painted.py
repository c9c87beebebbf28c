"""The report's substitution lines say what the painter drew: a carry on the back, hiding under the bed or a throw
is read from the scene's words by the painter, so the story's stand-in ('carries' drawn as 'work', 'hides under the
bed' drawn as 'celebrate') is not what the viewer sees; ``render.cli.as_painted`` tells each as painted."""

from __future__ import annotations

from typing import Any

import pytest

from render.cli import as_painted
from render.painter import StoryboardPainter
from render.stages import never_cancel, no_progress
from story.offline import write_story
from story.plan import Substitution
from tests.test_staging import SMALL


def _painted(premise: str) -> tuple[list[Substitution], list[dict[str, Any]]]:
    written = write_story(premise, None, "", 1)
    painter = StoryboardPainter()
    painter.paint_layers(written.script, SMALL, no_progress, never_cancel)
    return list(written.substitutions), painter.report


@pytest.mark.parametrize(("premise", "drawn"), [
    ("a brave corgi carries his sick mom on his back to the hospital", "carry on back"),
    ("a scared kitten hides under the bed when the thunder starts", "hide under bed"),
    ("the cat throws the ring away and walks out", "throw"),
])
def test_an_action_the_painter_draws_as_its_own_is_reported_so(premise: str, drawn: str) -> None:
    subs, report = _painted(premise)
    told = [s for s in subs if s.kind == "action" and s.who]
    assert told, subs  # the story wrote the deed as a stand-in
    lines = as_painted(subs, report)
    for sub in told:
        chars = report[sub.scene - 1]["drawn"]["characters"] if sub.scene else []
        doer = next(c for c in chars if c["id"] == sub.who)
        assert doer.get("drawn_as") == drawn, (sub, doer)
        assert f"scene {sub.scene}: action {sub.wanted!r} drawn as {drawn!r}" in lines, lines
        assert str(sub) not in lines  # the stand-in the painter did not draw is not reported


def test_without_a_painters_report_the_story_lines_stand() -> None:
    subs = [Substitution(1, "action", "carries", "work", scene=2, who="hero"),
            Substitution(1, "place", "bed", "bedroom", scene=2)]
    assert as_painted(subs, None) == [str(s) for s in subs]
    scenes = [{"scene": 2, "drawn": {"characters": [{"id": "hero", "drawn_as": "carry on back"}]}}]
    assert as_painted(subs, scenes) == ["scene 2: action 'carries' drawn as 'carry on back'", str(subs[1])]
