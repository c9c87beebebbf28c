"""A rescue whose premise names no danger ("a puppy rescues a kitten", 小狗救了一只小猫) is drawn as no climb: the
kitten stuck and shaking, the hero running to it and working it free. Its lines are its own (``danger: [""]`` in
``story/data/arcs/rescue.json``) and name no climb, no leap and no height; the climbing lines ("the way there is high
and slippery", "climbs, slips, and climbs again", "one leap, one scramble") are the tree's, told where the premise
puts the one saved up a tree."""

from __future__ import annotations

import re

import pytest

from story.arcdata import arcs
from story.offline import write_story
from tests.spoken import spoken

CLIMB = re.compile(r"\b(?:climb\w*|leap\w*|jump\w*|slipp\w*|high|scrambl\w*)\b|爬|跳|又高又滑|高处", re.IGNORECASE)
NAMELESS = [("a puppy rescues a kitten", "en"), ("a brave dog saves a kitten", "en"),
            ("小狗救了一只小猫", "zh"), ("勇敢的柴犬救了一只小猫", "zh")]


@pytest.mark.parametrize(("premise", "lang"), NAMELESS)
def test_a_rescue_from_no_danger_named_says_no_climb(premise: str, lang: str) -> None:
    for seed in range(6):
        written = write_story(premise, None, lang, seed)
        assert written.arc == "rescue", (seed, written.arc)
        climbing = [line for line in spoken(written.script) if CLIMB.search(line)]
        assert not climbing, (seed, climbing)


def test_a_rescue_from_no_danger_named_has_lines_of_its_own() -> None:
    """Each build-up beat of the rescue arc holds lines of a rescue from no danger named (``[""]``) and the tree's
    (``["tree"]``); neither those nor the lines of any rescue (no ``danger``) name a climb."""
    beats = {b["id"]: b for b in arcs()["rescue"].beats}
    for beat in ("peril", "leap"):
        lines = [*beats[beat]["variants"], *beats[beat].get("more", ())]
        own = [v for v in lines if v.get("danger") == [""]]
        tree = [v for v in lines if v.get("danger") == ["tree"]]
        assert own and tree, beat
        assert not [v["en"] for v in lines if v.get("danger", [""]) == [""] and (CLIMB.search(v["en"]) or CLIMB.search(v["zh"]))]


def test_a_rescue_up_a_tree_is_still_told_as_a_climb() -> None:
    said = [" ".join(spoken(write_story("a brave dog saves a kitten stuck up a tree", None, "en", seed).script))
            for seed in range(4)]
    assert all(re.search(r"\btree\b|\bhigh\b|climb", s) for s in said), said
