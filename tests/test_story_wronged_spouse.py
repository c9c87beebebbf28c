"""The genre's cheating and abandoning premises as users type them: the one cheated on or left is the story's
hero, the one who cheats or leaves its rival, the new love on the rival's side, and the young the one left raises
are hers. "a cat husband cheats on his wife with a rich cat" is the wife's story (the husband named first does
the wrong to his own wife: she is no new love of his); "abandoned by her husband, raises her kittens alone": her
kittens, never the husband's, though he is the pet named just before "her"."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse

CHEATS = (
    "cat husband cheats on his wife with a rich cat",
    "a husky husband cheats on his wife with a rich poodle",
)
LEFT_WITH_YOUNG = (
    "pregnant cat abandoned by her husband raises her kittens alone",
    "a pregnant cat is abandoned by her husband and raises her kittens alone",
    "a husky is dumped by his girlfriend and raises his puppy alone",
)


@pytest.mark.parametrize("premise", CHEATS)
def test_the_wife_cheated_on_is_the_hero_and_the_husband_her_rival(premise: str) -> None:
    a = analyse(premise)
    by_words = {p.words[0]: p for p in a.cast}
    wife, husband = by_words["wife"], next(p for p in a.cast if p.relation == "husband")
    lover = next(p for p in a.cast if p.words[0].startswith("rich"))
    assert a.hero is wife
    assert husband.role == "rival" and husband.side == "villain" and husband.victim == wife.key
    assert lover.side == "villain" and lover.lover_of == husband.key


@pytest.mark.parametrize("premise", CHEATS)
def test_the_husband_regrets_it_and_the_wife_is_wronged(premise: str) -> None:
    for seed in (1, 2):
        script = write_story(premise, None, "en", seed).script
        told = next(s for s in script.scenes if "cheats on" in s.narration)
        assert {"hero", "rival"} <= {c.id for c in told.characters}
        assert not any(c.id == "hero" and c.action in {"sneer", "shocked", "exit"} for c in told.characters)
        regrets = [who for s in script.scenes for who, text in s.spoken() if "I was wrong" in text]
        assert all(who == "rival" for who in regrets), (seed, regrets)


@pytest.mark.parametrize("premise", LEFT_WITH_YOUNG)
def test_the_young_raised_alone_are_the_one_lefts(premise: str) -> None:
    a = analyse(premise)
    young = next(p for p in a.cast if p.relation == "kittens")
    assert young.of == a.hero.key and young.side == "hero"
