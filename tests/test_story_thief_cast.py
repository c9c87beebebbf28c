"""A thief a premise names by a person word alone ("a pickpocket", 小偷) is cast as the thief (the rival, drawn as a
pet in a thief's look) and is the one a pronoun after its clause names ("two police dogs chase him")."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse

MARKET = "a thief steals an old cat's fish at the market and runs off, and two police dogs chase him and catch him"


@pytest.mark.parametrize("premise, hero_word, thief_word", [
    (MARKET, "old cat", "thief"),
    ("a pickpocket steals grandma's purse on the bus and a corgi chases him down", "corgi", "pickpocket"),
    ("a burglar breaks into the house at night and the family dog scares him away", "dog", "burglar"),
    ("a robber takes the shop's money and a brave kitten follows him", "brave kitten", "robber"),
    ("a thief stole the bakery's cake and a shiba inu caught him", "shiba inu", "thief"),
    ("a thief steals a cake and gets caught by the shiba", "shiba", "thief"),
    ("小偷偷了老猫的鱼，两只警犬追上去抓住了他", "老猫", "小偷"),
])
def test_a_thief_named_by_a_person_word_is_cast_as_the_rival(premise: str, hero_word: str, thief_word: str) -> None:
    cast = {p.key: p for p in analyse(premise).cast}
    assert cast["hero"].words == (hero_word,)
    assert "rival" in cast and cast["rival"].words == (thief_word,)


def test_a_thief_said_with_a_pet_is_that_pet() -> None:
    cast = analyse("a thief cat steals a fish and gets caught").cast
    assert [p.words for p in cast] == [("thief cat",)]


@pytest.mark.parametrize("premise, verb", [
    (MARKET, "chase him"),
    (MARKET, "catch him"),
    ("a burglar breaks into the house at night and the family dog scares him away", "scares him away"),
    ("a robber takes the shop's money and a brave kitten follows him", "follows him"),
    ("a pickpocket steals grandma's purse on the bus and a corgi chases him down", "chases him down"),
])
def test_him_after_the_thiefs_clause_is_the_thief(premise: str, verb: str) -> None:
    told = next(c for c in clauses(analyse(premise)) if c.verb == verb)
    assert told.obj == "rival"


@pytest.mark.parametrize("seed", [1, 3])
def test_the_thief_is_drawn_chased_and_caught_by_the_police_dogs(seed: int) -> None:
    script = write_story(MARKET, None, "en", seed).script
    names = {c.id: c.name for c in script.characters}
    looks = {c.id: c.look for c in script.characters}
    assert "friendly" not in looks["rival"]  # a mean thief, never "a mean friendly golden retriever"
    chase = [s for s in script.scenes if " chase " in s.narration]
    catch = [s for s in script.scenes if " catch " in s.narration]
    assert chase and catch
    for scene in chase + catch:
        told = next(t for t in scene.narration.split(". ") if " chase " in t or " catch " in t)
        assert told.endswith(names["rival"]) and names["hero"] not in told, told
        on = {a.id: a for a in scene.characters}
        assert "rival" in on and on["rival"].action in {"run", "shocked"}
        assert all(a.target != "hero" for i, a in on.items() if i.startswith("shepherd"))
