"""A child sent to school by the hero's work ("works nights at a noodle stall to send her kitten to school") is sent
there: the school is where the child goes, not where the hero works, so the work is drawn at its own place."""
from __future__ import annotations

import pytest

from story.buying import SENT_TO_SCHOOL
from story.offline import write_story

WORK_THERE = [
    ("a mother cat works nights at a noodle stall to send her kitten to school", "market"),
    ("a mother cat works nights at a noodle stall to send her kitten to school, and the kitten grows up, becomes a "
     "CEO and buys her a house", "market"),
]


@pytest.mark.parametrize(("premise", "place"), WORK_THERE)
def test_work_for_a_childs_school_is_drawn_where_it_is_done(premise: str, place: str) -> None:
    for seed in (1, 2, 3):
        scenes = write_story(premise, None, "en", seed).script.scenes
        assert scenes[0].location == place, (seed, [s.location for s in scenes])
        assert "school" not in {s.location for s in scenes}, (seed, [s.location for s in scenes])


@pytest.mark.parametrize("text", ["to send her kitten to school", "sends his two pups to college",
                                  "to send his daughter to university", "供小猫上学", "供两个孩子读大学"])
def test_sending_to_school_is_read(text: str) -> None:
    assert SENT_TO_SCHOOL.search(text)


@pytest.mark.parametrize("text", ["a kitten goes to school", "walks her kitten to school", "上学路上"])
def test_going_to_school_is_no_sending(text: str) -> None:
    assert SENT_TO_SCHOOL.search(text) is None


def test_a_kitten_at_school_stays_at_school() -> None:
    scenes = write_story("a kitten goes to school and is bullied", None, "en", 1).script.scenes
    assert scenes[0].location == "school"
