"""A clause that opens with when, right before its pronoun subject ("… until one winter she comes back", "and one
cold night he finds a warm box", "and last christmas he came home"): the words of when are the clause's lead, said
first ("Until one winter, Scout comes back."), never left inside the line ("Scout winter she comes back")."""

from __future__ import annotations

import re

import pytest

from story.offline import write_story

_CASES = [
    ("a lonely old husky waits every day at the bus stop for the girl who moved away, until one winter she comes back",
     "Until one winter, "),
    ("a stray cat sleeps in the park and one cold night he finds a warm box", "One cold night, "),
    ("a corgi loses everything, then one morning she wakes up rich", "One morning, "),
    ("a kitten is lost in the city and the next morning she finds her way home", "The next morning, "),
    ("a poor dog sells flowers, and one rainy day he meets a rich girl", "One rainy day, "),
    ("a shy cat practices piano every day until one evening she plays on a big stage", "Until one evening, "),
    ("a husky wants to fly, and one summer he builds a plane", "One summer, "),
]


@pytest.mark.parametrize(("premise", "lead"), _CASES)
@pytest.mark.parametrize("seed", [1, 2])
def test_when_before_a_pronoun_is_the_clauses_lead(premise: str, lead: str, seed: int) -> None:
    script = write_story(premise, None, "en", seed).script
    said = " ".join(sc.narration for sc in script.scenes)
    assert lead in said, said
    names = "|".join(re.escape(c.name) for c in script.characters)
    # never a name, then the words of when, then the pronoun ("Luna cold night he finds", "Scout winter she comes")
    assert not re.search(rf"\b(?:{names}) (?:\w+ ){{0,2}}(?:winter|night|morning|day|evening|summer|christmas) "
                         r"(?:he|she|they|it)\b", said), said


def test_a_when_with_no_pronoun_after_it_stays_in_its_clause() -> None:
    """"works every night" has no pronoun after its when: the clause keeps its words."""
    script = write_story("a poor cat works every night and saves every coin", None, "en", 1).script
    said = " ".join(sc.narration for sc in script.scenes)
    assert "works every night" in said, said


# a wait story's feelings are the waiter's, whoever does the premise's clause ("Pepper went to war. Pepper looks up at
# every footstep" gave the awaited one the waiting)
@pytest.mark.parametrize(("premise", "lang"), [
    ("a lonely old husky waits every day at the bus stop for the girl who moved away, until one winter she comes back",
     "en"),
    ("a cat waits by the door every night for her owner who went to war", "en"),
    ("小狗每天在车站等主人回家", "zh"),
])
def test_a_wait_storys_lines_are_the_waiters(premise: str, lang: str) -> None:
    waits = r"looks up at every footstep|counts the footsteps|waits in the same spot|都会抬起头|一个一个地数着脚步|都在同一个地方等"
    for seed in range(1, 5):
        script = write_story(premise, None, lang, seed).script
        for other in (c.name for c in script.characters[1:]):
            for scene in script.scenes:
                assert not re.search(rf"{re.escape(other)}(?: |，|)(?:{waits})", scene.narration), (seed, scene.narration)
