"""A premise typed as a blurb is told as the premise it sums up (story/summary.py): the frame ("this is the story of
how", "the story of a … who", 这是…的故事) is no clause of the story (never "Pumpkin is the story of how Pumpkin
became…"), an outcome said first with what came before it in an "after" phrase is told after it, and a stray's
流浪 that only describes it (一只流浪猫成为了大厨) is no setback told first. Checked on the offline writer's real scripts."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse
from story.summary import unframed


@pytest.mark.parametrize(("premise", "told"), [
    ("this is the story of how a stray cat became a famous chef", "a stray cat became a famous chef"),
    ("the story of a poor puppy who became a millionaire", "a poor puppy became a millionaire"),
    ("It's about a cat who opens a bakery", "a cat opens a bakery"),
    ("how a shy corgi won the talent show", "a shy corgi won the talent show"),
    ("a stray cat became a famous chef after years of washing dishes",
     "a stray cat spends years washing dishes, then became a famous chef"),
    ("a dog becomes a police dog after being abandoned by his owner",
     "a dog is abandoned by his owner, then becomes a police dog"),
    ("这是一只流浪猫成为大厨的故事", "一只流浪猫成为大厨"),
    ("讲述了小狗如何当上警犬的故事", "小狗当上警犬"),
])
def test_a_blurb_is_retold_as_its_premise(premise: str, told: str) -> None:
    assert unframed(premise) == told


@pytest.mark.parametrize("premise", ["a cat who loves fish", "how do I make a video?", "奶奶的故事",
                                     "everyone who laughed at the greyhound is speechless when he wins the race",
                                     "a grandma cat sells her gold necklace to pay for her grandson's school"])
def test_a_premise_that_is_no_blurb_is_left_as_it_is(premise: str) -> None:
    assert unframed(premise) == premise


@pytest.mark.parametrize("premise", ["this is the story of how a stray cat became a famous chef",
                                     "the story of a poor puppy who became a millionaire",
                                     "这是一只流浪猫成为大厨的故事"])
def test_the_frame_is_never_told(premise: str) -> None:
    lang = analyse(premise).language
    for seed in range(3):
        lines = [t for s in write_story(premise, None, lang, seed).script.scenes for _, t in s.spoken()]
        assert not [t for t in lines if "story of" in t.lower() or "的故事" in t], seed


@pytest.mark.parametrize(("premise", "before", "outcome"), [
    ("a stray cat became a famous chef after years of washing dishes", "washing dishes", "became a famous chef"),
    ("一只流浪猫成为了大厨", None, "成为了大厨"),
    ("这是一只流浪猫成为大厨的故事", None, "成为大厨"),
])
def test_the_outcome_is_told_last(premise: str, before: str | None, outcome: str) -> None:
    lang = analyse(premise).language
    for seed in range(3):
        narration = [s.narration for s in write_story(premise, None, lang, seed).script.scenes]
        at = next(i for i, n in enumerate(narration) if outcome in n)
        assert at >= len(narration) // 2, (seed, at, narration)
        if before is not None:
            assert next(i for i, n in enumerate(narration) if before in n) < at, seed
