"""Pets at work, drawn and told as the job is (issue 12): a tabby on a warehouse's night shift, a stray dog working at
a warehouse by day, a pug delivering pizza every night. A filler line called the many to look on at the hero's plain
work ("Everyone at the warehouse turns to look", with a cheering crowd drawn at the warehouse at night); now the hero's
days of work, and any scene at night, are said without a crowd turning to look. Premises here are in no other test."""

from __future__ import annotations

import re

import pytest

from story.offline import write_story
from story.weave import crowd_at_night

_LANG = {True: "en", False: "zh"}


def _written(premise: str, seed: int = 1):  # type: ignore[no-untyped-def]
    return write_story(premise, None, _LANG[premise.isascii()], seed)


_LOOKING = re.compile(r"\b(?:everyone|everybody|every eye)\b(?! has gone)", re.IGNORECASE)

AT_WORK = [
    "a stray dog works at a warehouse by day and studies at night to become a vet",
    "a pug delivers pizza on a scooter every night to save for a new house",
    "a ragdoll cat works at a gas station at night and saves a kitten from the cold",
    "a kitten works two jobs to pay for college and finally graduates",
    "an old cat works as a janitor at a school and secretly studies every night to become a teacher",
]


@pytest.mark.parametrize("premise", AT_WORK)
@pytest.mark.parametrize("seed", [1, 2])
def test_no_crowd_turns_to_look_at_the_heros_work(premise: str, seed: int) -> None:
    script = _written(premise, seed).script
    for scene in script.scenes:
        working = any(c.id == "hero" and c.action == "work" for c in scene.characters)
        told = _LOOKING.search(scene.narration)
        assert not (told and (working or scene.time_of_day == "night")), (scene.time_of_day, scene.narration)
        if scene.time_of_day == "night" and working:
            assert "cheering crowd" not in scene.props, scene.narration


def test_a_crowd_at_night_is_read_from_the_words() -> None:
    assert crowd_at_night("we see Max working late at night at the warehouse Everyone at the warehouse turns to look.")
    assert crowd_at_night("小橘在仓库上夜班。所有人都在看着。")
    assert not crowd_at_night("Everyone at the warehouse turns to look.")
    assert not crowd_at_night("Night after night, Max keeps at it. Max stays long after everyone has gone.")
