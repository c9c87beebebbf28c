"""A title someone else holds is no goal of the hero's: a deed done to the mayor or the president ("saves the mayor",
"the mayor's son", 救了市长, 帮总统) names a person of the story, while "runs for mayor", "wants to be president",
"becomes mayor", 竞选市长 and 当上了市长 still name the hero's dream."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse


@pytest.mark.parametrize("premise", [
    "a golden retriever nurse works night shifts and the rich cat patients ignore her until she saves the mayor",
    "a shy stray cat pulls the mayor's son out of the river and everyone cheers",
    "a corgi delivery driver saves the president from a falling sign",
    "一只小柯基在暴雨中救了落水的市长",
    "流浪狗帮总统找到了丢失的小猫",
    "a lonely cat meets a dog whose owner is the mayor",
])
def test_a_deed_done_to_a_title_holder_is_no_dream(premise: str) -> None:
    a = analyse(premise)
    assert a.dream is None and a.job != "mayor"


@pytest.mark.parametrize("premise", [
    "a golden retriever runs for mayor", "金毛竞选市长", "a shiba dreams of becoming mayor",
    "a poodle wants to be president", "金毛当上了市长", "a stray cat becomes mayor", "a stray cat wins the election",
    "a corgi is elected mayor",
])
def test_a_title_aimed_at_is_the_dream(premise: str) -> None:
    assert analyse(premise).dream == "mayor"


def test_a_cat_mayor_keeps_its_job() -> None:
    assert analyse("A cat mayor gives a speech every morning").job == "mayor"


def test_saving_the_mayor_is_no_campaign() -> None:
    premise = "a golden retriever nurse works night shifts and the rich cat patients ignore her until she saves the mayor"
    for seed in (1, 5):
        story = write_story(premise, None, "en", seed)
        told = " ".join(s.narration for s in story.script.scenes).lower()
        assert "campaign" not in told and "is the mayor" not in told
        assert "saves" in told and "the mayor" in told
