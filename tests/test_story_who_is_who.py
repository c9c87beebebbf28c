"""Who is who in the cast (issue 12, casting): a pet's partner is of its kind unless the premise says otherwise
("the tabby's wife" is a cat, never a corgi); the young a pronoun names after a partner leaves for another pet
are the family left behind, on the hero's side ("she raises their kittens alone"), and the pet a partner
leaves with is never the hero (丈夫跟富婆猫跑了，橘猫…: the ginger cat's story). Checked on the premise's
reading and, for the species, on the offline writer's real scripts."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse, hero_style
from story.styles import DEFAULT_STYLE


@pytest.mark.parametrize(("premise", "species"), [
    ("the tabby's wife leaves him for a rich persian", "cat"),
    ("the corgi's wife leaves him for a husky", "dog"),
    ("a husky's girlfriend dumps him for a rich corgi", "dog"),
    ("狸花猫的老婆跟着一只有钱的狗跑了", "cat"),
])
def test_a_partner_is_of_the_kind_of_whom_it_is_the_partner(premise: str, species: str) -> None:
    analysis = analyse(premise)
    for seed in range(3):
        script = write_story(premise, hero_style(analysis) or DEFAULT_STYLE, analysis.language, seed).script
        partner = next(c for c in script.characters if c.id == "rival")
        assert (script.characters[0].species, partner.species) == (species, species), (seed, script.characters)


@pytest.mark.parametrize("premise", [
    "a tabby's husband leaves her for a rich persian and she raises their kittens alone",
    "the corgi's wife leaves him for a husky, he takes care of their puppies",
])
def test_the_young_left_behind_are_the_hero_s_own(premise: str) -> None:
    young = next(p for p in analyse(premise).cast if p.relation == "kittens")
    assert (young.of, young.side) == ("hero", "hero")


def test_the_one_a_partner_leaves_with_is_never_the_hero() -> None:
    cast = analyse("丈夫跟富婆猫跑了，橘猫独自带着孩子们开了一家面馆").cast
    assert cast[0].breed == "ginger" and cast[0].lover_of is None
    assert all(p.side == "villain" for p in cast if p.lover_of is not None)
    assert next(p for p in cast if p.relation == "kittens").side == "hero"


@pytest.mark.parametrize(("premise", "hero", "rival"), [
    ("白猫嫉妒橘猫，偷偷弄坏了它的画", "ginger", "white_cat"),
    ("哈士奇嫉妒柯基得了冠军", "corgi", "husky"),
    ("the white cat is jealous of the ginger cat and hides her paintbrush", "ginger", "white_cat"),
])
def test_envy_is_a_wrong_done_to_the_one_envied(premise: str, hero: str, rival: str) -> None:
    cast = analyse(premise).cast
    assert (cast[0].breed, cast[1].key, cast[1].breed) == (hero, "rival", rival), cast


@pytest.mark.parametrize("premise", [
    "the king banishes the cat from the palace, years later she returns as a queen",
    "国王把小狗赶出了王宫，小狗后来成了英雄",
])
def test_the_one_banished_is_the_hero(premise: str) -> None:
    cast = analyse(premise).cast
    assert (cast[0].species, cast[1].key, cast[1].relation) == ("cat" if "the cat" in premise else "dog", "rival", "ruler")


@pytest.mark.parametrize(("premise", "thief"), [
    ("a police dog catches a thief cat, and they become best friends", "cat"),
    ("the police corgi catches the thief husky at the bank", "dog"),
    ("a brave dog catches a burglar cat breaking into the house", "cat"),
])
def test_a_thief_caught_by_the_hero_is_its_rival(premise: str, thief: str) -> None:
    cast = analyse(premise).cast
    assert cast[0].species == "dog"
    assert (cast[1].key, cast[1].side, cast[1].species) == ("rival", "villain", thief)


@pytest.mark.parametrize("premise", [
    "a husky sells hot dogs on the street and becomes rich",
    "a corgi opens a hot dog stand near the park and the rich poodle laughs at him",
    "a dog buries a dog bone in the garden",
    "a shiba sells corn dogs at the fair",
])
def test_a_thing_named_with_a_pet_word_is_no_pet(premise: str) -> None:
    cast = analyse(premise).cast
    assert len(cast) == (2 if "poodle" in premise else 1), cast


def test_a_pet_of_the_neighbour_s_household_is_one_pet() -> None:
    cast = analyse("小柴犬可乐被邻居家的大狗欺负").cast  # the neighbour's big dog: one dog, the rival
    assert [(p.key, p.species, p.relation) for p in cast] == [("hero", "dog", None), ("rival", "dog", None)]


@pytest.mark.parametrize(("premise", "thing"), [
    ("球球是一只小橘猫，它梦想成为明星", "toy"),
    ("a corgi named Pizza opens a bakery", "pizza"),
    ("a cat named Cake loves to dance", "cake"),
])
def test_a_pet_s_name_is_no_thing_drawn(premise: str, thing: str) -> None:
    analysis = analyse(premise)
    assert thing not in analysis.props
    script = write_story(premise, hero_style(analysis) or DEFAULT_STYLE, analysis.language, 1).script
    drawn = {p for s in script.scenes for p in s.props} | {a.holding for s in script.scenes for a in s.characters}
    assert thing not in drawn, drawn
