"""People a premise names that were read as someone else (issue 12, casting): a whole town's pets (全城的猫) are its
crowd, no pet of the cast; "he's the founder" is who the hero is, no one more; "adopted by a kind old lady and calls her mom" names the old lady
(but "the puppy calls her mom every night" is its own mother); "the manager bullies him" is the
manager's wrong ("bullies" no pet); "the boss mocks the cat, who then quits" is the cat's quitting; "the rich cats
laugh at the tabby; the next day they find out…" is the cats finding out. Story tests read the premise's reading or
its clauses (one script where the words matter)."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse


@pytest.mark.parametrize(("premise", "hero", "crowd"), [
    ("全城的猫都来看橘猫的演出", "橘猫", "全城的猫都来看"),
    ("全镇的狗都来了，柯基开了一家面包店", "柯基", "全镇的狗都来了"),
])
def test_a_whole_towns_pets_are_its_crowd_not_a_pet_of_the_cast(premise: str, hero: str, crowd: str) -> None:
    a = analyse(premise)
    assert [p.words[0] for p in a.cast] == [hero], [(p.key, p.words) for p in a.cast]
    told = "".join(s.narration for s in write_story(premise, None, "zh", 1).script.scenes)
    assert crowd in told, told


@pytest.mark.parametrize("premise", [
    "the ginger cat works hard at the startup and one day everyone learns he's the founder",
    "the shy corgi cleans the office every night, but he's the founder of the company",
])
def test_a_role_said_of_the_hero_is_who_it_is_no_one_more(premise: str) -> None:
    a = analyse(premise)
    assert len(a.cast) == 1, [(p.key, p.words) for p in a.cast]


@pytest.mark.parametrize(("premise", "rival"), [
    ("the manager bullies the new intern cat", "manager"),
    ("the boss bullies the new intern cat", "boss"),
    ("the teacher bullies the little kitten", "teacher"),
])
def test_bullies_after_a_role_is_its_wrong_not_a_pet(premise: str, rival: str) -> None:
    a = analyse(premise)
    assert [p.words[0] for p in a.cast[1:]] == [rival] and a.cast[1].role == "rival", [(p.key, p.words) for p in a.cast]


@pytest.mark.parametrize(("premise", "deed", "who"), [
    ("the boss mocks the cat, who then quits and opens a cafe", "quits", "hero"),
    ("the boss mocks the corgi, who then quits and opens his own bakery", "opens his own bakery", "hero"),
    ("the rich dog laughs at the corgi, who finally wins the race", "wins the race", "hero"),
    ("the rich cats laugh at the scruffy tabby; the next day they find out he is the CEO", "find out", "rival"),
])
def test_who_does_the_deed_after_who_then_and_the_next_day_they(premise: str, deed: str, who: str) -> None:
    said = clauses(analyse(premise))
    clause = next(c for c in said if deed in c.text)
    assert clause.actor == who and clause.verb.startswith(deed), [(c.text, c.actor, c.verb) for c in said]


@pytest.mark.parametrize(("premise", "mom"), [
    ("a stray puppy is adopted by a kind old lady and calls her mom", False),
    ("the kitten is raised by a golden retriever and calls her mom", False),
    ("the puppy calls her mom every night from the big city", True),  # its own mother, phoned
    ("a kitten is mocked by a bulldog and calls her mom for help", True),
])
def test_calling_the_one_who_took_it_in_mom_casts_no_mother(premise: str, mom: bool) -> None:
    a = analyse(premise)
    assert any(p.relation == "mother" for p in a.cast) == mom, [(p.key, p.words) for p in a.cast]
