"""Two pets of one species told apart by a size or age word, on the offline writer's real scripts: "learns
boxing from an old cat" names the old cat, never the tabby hero ("Miso learns boxing from Miso" before);
"a little cat is mocked by a big cat" is mocked by the big one. The "Understood" line says "an athlete"."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse, understood_line
from story.script import Script


def premise_line(script: Script, verb: str) -> str:
    return next(t for s in script.scenes for _, t in s.spoken() if verb in t)


@pytest.mark.parametrize(("premise", "verb", "by"), [
    ("a shy tabby cat is bullied by a big bulldog at school, learns boxing from an old cat, and wins the school fight",
     "learns boxing from", "old cat"),
    ("a shy tabby cat learns boxing from an old cat and wins the school fight", "learns boxing from", "old cat"),
    ("a little cat is mocked by a big cat and becomes a star", "is mocked by", "big cat"),
    ("a tiny kitten is bullied by a big cat and becomes a boxer", "is bullied by", "big cat"),
])
def test_the_other_pet_of_the_heros_species_is_named(premise: str, verb: str, by: str) -> None:
    for seed in range(3):
        script = write_story(premise, None, "en", seed).script
        hero = script.characters[0].name
        line = premise_line(script, verb)
        after = line.split(verb, 1)[1]
        assert not after.lstrip().startswith(hero), (seed, line)  # the hero does it to no one but another
        other = next(c.name for c in script.characters[1:] if after.lstrip().startswith(c.name))
        assert f"{other}, a {by}" in line or f"{other}, an {by}" in line, (seed, line)


def test_the_goal_says_an_before_a_vowel() -> None:
    line = understood_line(analyse("a tiny kitten is bullied by a big cat and becomes a boxer"), "en")
    assert "become an athlete" in line, line
