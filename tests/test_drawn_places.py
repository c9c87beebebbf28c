"""A place line of "drawn instead" says what the painter draws: a scene whose place the painter draws as a shop or
venue of its own (``story.venues``: a warehouse on the building site, the party hall in the mansion, the dumpling
shop, a show ring or TV studio on the stage) has no "place 'warehouse' drawn as 'construction_site'" line, the same
in ``petreel script``, ``petreel make``'s stderr and its ``--report`` file (``story.drawings.drawn_lines``); where
the venue drawn is another than the one asked, the line names the venue."""

from __future__ import annotations

from typing import Any

import pytest

import render.painter.venues as painted_venues
from petreel.cli import main
from render.cli import as_painted
from render.painter import StoryboardPainter
from render.stages import never_cancel, no_progress
from story.drawings import drawn_lines
from story.offline import write_story
from story.plan import Substitution
from story.venues import VENUES, names_place, places_drawn
from tests.test_staging import SMALL

# the premise and the places it asks that the painter draws as their own (seed 1)
ASKED = [
    ("a tabby works nights in a warehouse to pay for her mother's medicine", "warehouse"),
    ("a clumsy beagle waiter drops a cake on a rich poodle at her birthday party, gets fired, then wins a baking "
     "show on TV", "party"),
    ("a corgi saves money for years and opens her own dumpling shop", "dumpling shop"),
    ("a nervous dachshund is mocked by the labradors at the dog show", "dog show"),
]


def _script_lines(premise: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["script", premise, "--seed", "1"]) == 0
    return [ln.removeprefix("drawn instead: ") for ln in capsys.readouterr().out.splitlines()
            if ln.startswith("drawn instead: ")]


def _painted(premise: str) -> tuple[list[Substitution], list[dict[str, Any]], list[str]]:
    written = write_story(premise, None, "", 1)
    painter = StoryboardPainter()
    painter.paint_layers(written.script, SMALL, no_progress, never_cancel)
    return list(written.substitutions), painter.report, drawn_lines(written.substitutions, written.script)


@pytest.mark.parametrize(("premise", "asked"), ASKED)
def test_a_place_drawn_as_its_own_venue_has_no_drawn_instead_line(premise: str, asked: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    lines = _script_lines(premise, capsys)
    assert not [ln for ln in lines if f"place {asked!r}" in ln], lines
    subs, report, read = _painted(premise)
    told = [s for s in subs if s.kind == "place" and s.wanted == asked]
    assert told, subs  # the story wrote the place as its nearest location
    for sub in told:  # ... and the painter drew the place asked there
        assert sub.scene is not None
        drawn = report[sub.scene - 1]["drawn"]
        assert drawn.get("place") and names_place(drawn["place"], asked), (sub, drawn)
    reported = as_painted(subs, report)  # the --report file's "substitutions"
    assert not [ln for ln in reported if f"place {asked!r}" in ln], reported
    def places(lines: list[str]) -> list[str]:
        return [ln for ln in lines if ": place " in ln]
    assert places(reported) == places(read)  # make's stderr and its report say the same of places


@pytest.mark.parametrize(("premise", "asked"), ASKED)
def test_every_place_line_names_the_place_the_painter_drew(premise: str, asked: str) -> None:
    subs, report, _ = _painted(premise)
    for line in as_painted(subs, report):
        if ": place " not in line:
            continue
        scene = int(line.split(":")[0].removeprefix("scene "))
        place = report[scene - 1]["drawn"].get("place")
        assert place is None or line.endswith(f"drawn as {place!r}"), (line, place)


def test_a_venue_other_than_the_place_asked_is_named() -> None:
    subs = [Substitution(1, "place", "party", "mansion", scene=2), Substitution(2, "place", "party", "mansion", scene=3),
            Substitution(3, "place", "birthday party", "mansion", scene=4)]
    assert drawn_lines(subs, places={2: "hotel", 4: "party"}) == [
        "scene 2: place 'party' drawn as 'hotel'", str(subs[1])]
    assert drawn_lines(subs) == [str(s) for s in subs]  # a painter that reads no words: the story's lines
    scenes = [{"scene": 2, "drawn": {"characters": [], "place": "party"}}, {"scene": 3, "drawn": {"characters": []}}]
    assert as_painted(subs, scenes) == [str(subs[1]), str(subs[2])]


def test_the_painter_draws_the_venues_the_story_reads() -> None:
    assert set(painted_venues._DRAWINGS) == set(VENUES)  # one list of venues: the story's words, the painter's art
    assert painted_venues.places_drawn is places_drawn
