"""A premise that names only the pets who once wronged the hero, the hero said by a pronoun ("the cats who laughed
at him come to eat at his noodle shop", 以前欺负它的富家狗后来来它的餐厅吃饭, 当年嘲笑它的那些猫都来它的面馆吃面):
the pronoun is the hero, the ones named its rivals; their wrong is the story's first clause, their coming to the
hero's shop theirs too (never the hero eating at its own restaurant, nor mocking). Story tests read real writer
output (one script each) or the premise's reading."""

from __future__ import annotations

from functools import cache

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse
from story.script import Script


@cache
def _script(premise: str) -> Script:
    return write_story(premise, None, "en" if premise.isascii() else "zh", 1).script


@pytest.mark.parametrize(("premise", "mockers"), [
    ("the cats who laughed at him come to eat at his noodle shop and are stunned", 2),
    ("the dogs who bullied her at school come to buy cakes at her bakery", 2),
    ("the mean cats who teased her now queue at her ice cream shop", 2),
    ("the rich fox who mocked her comes to eat at her restaurant", 1),
    ("以前欺负它的富家狗后来来它的餐厅吃饭", 1),
    ("当年嘲笑它的那些猫都来它的面馆吃面", 1),
])
def test_the_pronoun_is_the_hero_and_the_ones_named_wronged_it(premise: str, mockers: int) -> None:
    cast = analyse(premise).cast
    assert cast[0].role == "hero" and not cast[0].words and not cast[0].does_wrong, cast[0]
    wrongdoers = [p for p in cast[1:] if p.does_wrong and p.side == "villain" and p.victim == cast[0].key]
    assert len(wrongdoers) == mockers and len(cast) == mockers + 1, [(p.key, p.side, p.victim) for p in cast]
    said = clauses(analyse(premise))
    assert "mock" in said[0].events and said[0].actor != "hero" and said[0].obj == "hero", said[0]
    assert all(c.actor != "hero" for c in said), [(c.text, c.actor) for c in said]  # the visit is theirs too


@pytest.mark.parametrize(("premise", "words"), [
    ("the cats who laughed at him come to eat at his noodle shop and are stunned", "come to eat"),
    ("以前欺负它的富家狗后来来它的餐厅吃饭", "餐厅吃饭"),
    ("当年嘲笑它的那些猫都来它的面馆吃面", "面馆吃面"),
])
def test_the_hero_serves_the_ones_who_mocked_it(premise: str, words: str) -> None:
    script = _script(premise)
    first = script.scenes[0]
    hero = next(a for a in first.characters if a.id == "hero")
    assert hero.action not in {"sneer", "laugh", "eat"} and any(
        a.action in {"sneer", "laugh", "point"} and a.target == "hero" for a in first.characters), first.characters
    visit = next(s for s in script.scenes if words in s.narration)
    roles = {a.id: a.action for a in visit.characters}
    assert roles["hero"] == "give" and "eat" not in [roles["hero"]], roles


def test_a_named_hero_keeps_its_story() -> None:
    cast = analyse("a stray dog wins the dance contest and the rich poodles who mocked him are speechless").cast
    assert cast[0].words == ("stray dog",), cast[0]
    said = clauses(analyse("a poor cat opens a noodle shop and the fox who mocked her comes to eat there"))
    assert [c.actor for c in said] == ["hero", "rival"], said  # "who mocked her" says only who the fox is
    assert [p.key for p in analyse("她的妹妹狗在主人面前说她坏话").cast][0] != "rival"  # her own sister's story
