"""Who takes the hero in, named by a role or a household (story/takers.py): "a kind farmer adopts the stray puppy",
"a fisherman takes him in", "adopted by a kind farmer", "a family adopts her", 被渔夫收养, 被好心的面包师收养,
农夫收养了…, 一家人收养了它: cast on the hero's side as its family, in the premise's own word in either language
(the baker is "the kind baker" in English, never "the owner"), and never the rival ("a rich little girl adopts
him"). Story tests read the premise's reading, or one script."""

from __future__ import annotations

import pytest

from story.adopters import adopter
from story.offline import write_story
from story.premise import analyse
from story.understood import describe


@pytest.mark.parametrize(("premise", "said"), [
    ("a kind farmer adopts the stray puppy", "farmer"),
    ("a fisherman takes him in after the storm, a stray cat shivering on the dock", "fisherman"),
    ("a family adopts her, a tiny kitten left in a box", "family"),
    ("the old baker takes in a stray puppy and teaches him to knead dough", "baker"),
    ("a stray husky is adopted by a kind farmer and becomes the best sheepdog in the valley", "farmer"),
    ("a shy cat is taken in by a young nurse", "nurse"),
    ("流浪小狗被渔夫收养，后来救了渔夫一命", "渔夫"),
    ("一家人收养了它，一只被遗弃的小橘猫", "一家人"),
    ("被好心的面包师收养的流浪猫，长大后开了自己的面包店", "面包师"),
    ("农夫收养了一只流浪狗，它每天帮农夫看羊", "农夫"),
])
def test_a_role_or_a_household_who_takes_the_pet_in_is_its_family(premise: str, said: str) -> None:
    a = analyse(premise)
    assert a.hero.species in {"cat", "dog"} and said not in a.hero.words[0], a.hero
    who = adopter(a)
    person = next((p for p in a.cast if who is not None and p.key == who[0]), None)
    assert person is not None and said in person.words[0], [(p.key, p.words, p.role) for p in a.cast]
    assert person.side == "hero" and person.role == "family" and a.wrongdoer is None


def test_the_role_who_adopts_is_not_the_heros_own_job() -> None:
    a = analyse("the old baker takes in a stray puppy and teaches him to knead dough")
    assert a.job is None and not a.hero.job, (a.job, a.hero.job)  # the baker's job, not the puppy's


def test_the_role_keeps_its_word_in_the_other_language() -> None:
    premise = "被好心的面包师收养的流浪猫，长大后开了自己的面包店"
    a = analyse(premise)
    baker = next(p for p in a.cast if p.job == "baker")
    assert describe(baker, "en", a) == "the kind baker"
    script = write_story(premise, None, "en", 1).script
    told = " ".join(s.narration for s in script.scenes)
    assert "kind baker" in told and "owner" not in told, told
    zh = " ".join(s.narration for s in write_story(premise, None, "zh", 1).script.scenes)
    assert "被好心的面包师" in zh and "被好心。" not in zh, zh


def test_a_rich_girl_who_adopts_the_pet_is_no_rival() -> None:
    a = analyse("a rich little girl adopts him, a stray kitten")
    girl = next(p for p in a.cast if p.human)
    assert girl.role == "family" and girl.side == "hero" and a.wrongdoer is None, [(p.key, p.role) for p in a.cast]


@pytest.mark.parametrize("premise", [
    "a corgi baker adopts a kitten",  # the corgi is the baker: no one more
    "a stray cat takes the fisherman's fish home",
    "the boss takes in the new intern cat and teaches him everything",  # a relation already cast
])
def test_a_role_said_with_a_pet_or_as_a_thing_casts_no_one_more(premise: str) -> None:
    a = analyse(premise)
    assert not any(p.kind_by == "family" and not (p.species or p.breed or p.relation) for p in a.cast), \
        [(p.key, p.words) for p in a.cast]
