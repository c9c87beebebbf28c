"""Scene time per part of the premise (issue 12): each part a premise names is told in scenes of its own kind,
at its own place, for its share of the clip. A crush said as "secretly loves" (偷偷喜欢) is a romance; premises
here are in no other test."""

from __future__ import annotations

import pytest

from story.arcchoice import choose_arc
from story.kinds import story_kind
from story.offline import write_story
from story.premise import analyse


@pytest.mark.parametrize("premise", [
    "a black cat secretly loves the white persian next door",
    "a shy corgi secretly loves his classmate",
    "a husky is secretly in love with the poodle across the street",
    "a tabby kitten has feelings for the new dog at the park",
    "小柴犬偷偷喜欢同桌的小白猫",
])
def test_a_secret_love_is_a_romance(premise: str) -> None:
    analysis = analyse(premise)
    assert story_kind(analysis).id == "romance"
    assert {choose_arc(analysis, seed) for seed in (1, 2, 3)} == {"romance"}


def test_secretly_practising_is_no_romance() -> None:
    assert story_kind(analyse("小猫偷偷练习跳舞")).id != "romance"


# A car wash is a job at its place: the hero works there, scrubbing a car with its bucket, on the street its car wash
# stands on; never a lazy day of little wonders ("a husky works at a car wash to buy a bike" was one, at the street).
@pytest.mark.parametrize("premise", [
    "a husky works at a car wash to buy a bike",
    "a shy kitten gets a job at the car wash",
    "小狗在洗车店打工",
    "一只橘猫在洗车行洗车赚学费",
])
def test_a_car_wash_is_a_job_told_at_work(premise: str) -> None:
    analysis = analyse(premise)
    assert analysis.job == "car_washer"
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"
    for seed in (1, 2):
        written = write_story(premise, None, lang, seed)
        assert written.arc != "little_wonders"
        working = [s for s in written.script.scenes if any(c.id == "hero" and c.action == "work" for c in s.characters)]
        assert len(working) >= 2, (seed, [s.location for s in written.script.scenes])
        assert all("bucket" in s.props for s in working)
        assert any(any("car" in p for p in s.props) for s in working)


def test_a_visit_to_the_car_wash_washes_the_car() -> None:
    written = write_story("a ginger cat and his dad go to a car wash", None, "en", 1)
    assert any(any("car" in p for p in s.props) and "bucket" in s.props for s in written.script.scenes)
