"""A thing dropped or spilt is told the same way wherever "drawn instead" is printed: ``petreel script`` and
``petreel make``'s stderr read the scene as the painter does ('drops a cake on' drawn as 'drop'), and the
``--report`` file, built from the painter's own report of what it drew, says the same, not the script's stand-in
('spill')."""

from __future__ import annotations

import pytest

from render.cli import as_painted
from render.painter import StoryboardPainter
from render.stages import never_cancel, no_progress
from story.drawings import DROP, drawn_lines
from story.offline import write_story
from tests.test_staging import SMALL

PREMISES = [
    "a clumsy beagle waiter drops a cake on a rich poodle at her birthday party, gets fired, then wins a baking show "
    "on TV",
    "a nervous corgi knocks over the wine at her sister's wedding and runs away",
]


@pytest.mark.parametrize("premise", PREMISES)
def test_the_report_tells_a_drop_as_the_script_does(premise: str) -> None:
    written = write_story(premise, None, "", 1)
    painter = StoryboardPainter()
    painter.paint_layers(written.script, SMALL, no_progress, never_cancel)
    dropped = [(s["scene"], c["id"]) for s in painter.report for c in s["drawn"]["characters"]
               if c.get("drawn_as") == DROP]
    assert dropped, [c for s in painter.report for c in s["drawn"]["characters"]]  # the painter says it drew a drop
    read = drawn_lines(written.substitutions, written.script)  # petreel script and make's stderr
    reported = as_painted(written.substitutions, painter.report)  # the --report file
    assert reported == read
    assert any(f"drawn as {DROP!r}" in ln for ln in read), read
