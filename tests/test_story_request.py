"""A premise typed as a request for the clip ("can you make a video about a cat who becomes a famous chef", "i want a
video of a husky that saves a baby from a fire pls", 帮我做一个小猫被欺负后逆袭的视频) is the story it asks for: the
asking words are never said as the story ("Tiger, a cat, can you make a video about Tiger") nor read as its deeds."""

from __future__ import annotations

import pytest

from story.offline import validate_premise, write_story
from story.request import asked_story


@pytest.mark.parametrize(("typed", "story"), [
    ("can you make a video about a cat who becomes a famous chef", "a cat becomes a famous chef"),
    ("make a story where a poor dog wins the lottery", "a poor dog wins the lottery"),
    ("i want a video of a husky that saves a baby from a fire pls", "a husky saves a baby from a fire"),
    ("hey can u make me a funny short video about my corgi who steals socks", "my corgi steals socks"),
    ("pls create a sad story: a dog waits for his owner", "a dog waits for his owner"),
    ("show me a husky who becomes a firefighter", "a husky becomes a firefighter"),
    ("do a clip of a kitten lost in the rain thanks!", "a kitten lost in the rain"),
    ("帮我做一个小猫被欺负后逆袭的视频", "小猫被欺负后逆袭"),
    ("请生成：流浪狗被好心人收养", "流浪狗被好心人收养"),
    ("给我做个视频：哈士奇拆家被主人发现", "哈士奇拆家被主人发现"),
    ("我想看一个小猫当厨师的视频", "小猫当厨师"),
])
def test_the_request_is_left_off(typed: str, story: str) -> None:
    assert asked_story(typed) == story
    assert validate_premise(typed) == story


@pytest.mark.parametrize("premise", [
    "a cat makes a video for her fans", "the dog shows me his new toy", "make a video", "a cat who becomes a doctor",
    "小狗做了一个梦", "我想要一只小猫", "小猫给妈妈做了一个蛋糕", "can you make a video about",
])
def test_a_premise_that_asks_nothing_is_kept_whole(premise: str) -> None:
    assert asked_story(premise) == premise


@pytest.mark.parametrize(("typed", "lang", "asked"), [
    ("can you make a video about a cat who becomes a famous chef", "en", ("can you", "make a video", "video about")),
    ("make a story where a poor dog wins the lottery", "en", ("make a story", "story where")),
    ("帮我做一个小猫被欺负后逆袭的视频", "zh", ("帮我", "视频")),
])
def test_no_line_says_the_request(typed: str, lang: str, asked: tuple[str, ...]) -> None:
    for seed in range(2):
        written = write_story(typed, None, lang, seed)
        said = " ".join(s.narration + " ".join(d.text for d in s.dialogue) for s in written.script.scenes).lower()
        assert not any(a in said for a in asked), (seed, said)
        assert written.arc == write_story(asked_story(typed), None, lang, seed).arc
