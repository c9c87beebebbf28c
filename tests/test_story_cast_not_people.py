"""Words that name no one more of the cast, and a person's pet told apart from the person (issue 12): "treated
like a servant", "lives like a queen" (a simile); "mocked at a rich school", "top of the class" (where it happens);
"the rival shop" is said as where the rival is from ("Rex, from the rival shop,"), never a shop that is the pet; "a
little girl's kitten" is two of them, the kitten the girl's (never one "little girl kitten"), and a line says she
is its girl, never its daughter; a nickname ("her friends call her Bean") is the called one's, never the callers'."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse


def _said(premise: str) -> list[str]:
    return [p.words[0] for p in analyse(premise).cast if p.words]


@pytest.mark.parametrize(("premise", "not_cast"), [
    ("a stray cat is adopted by a rich family but treated like a servant", "servant"),
    ("a poor corgi is treated like a servant by his stepmother", "servant"),
    ("a pampered poodle lives like a queen", "queen"),
    ("a poor kitten is mocked at a rich school but becomes top of the class", "rich school"),
    ("a poor kitten is mocked at a rich school but becomes top of the class", "class"),
    ("a shy puppy is bullied at a fancy school", "fancy school"),
    ("a corgi is the smartest student in the class", "class"),
])
def test_a_simile_or_a_place_is_no_one_of_the_cast(premise: str, not_cast: str) -> None:
    assert not_cast not in _said(premise)


def test_a_greedy_company_is_still_an_antagonist() -> None:
    assert "greedy tech company" in _said("a greedy tech company fires the old dog")


@pytest.mark.parametrize(("premise", "pet", "person"), [
    ("a thief snatches a little girl's kitten and the husky runs after him", "kitten", "little girl"),
    ("a little girl's kitten is stolen", "kitten", "little girl"),
    ("an old man's dog waits at the station", "dog", "old man"),
    ("a little boy's puppy gets lost in the snow", "puppy", "little boy"),
    ("a lonely old lady's cat saves her from a fire", "cat", "lonely old lady"),
])
def test_a_persons_pet_is_the_hero_and_the_person_its_own(premise: str, pet: str, person: str) -> None:
    a = analyse(premise)
    assert a.hero.words == (pet,), _said(premise)
    assert person in _said(premise)


def test_a_girls_kitten_is_hers_never_her_daughter() -> None:
    script = write_story("a thief snatches a little girl's kitten and the husky runs after him", "ginger-cat", "en",
                         1).script
    said = " ".join(t for s in script.scenes for _speaker, t in s.spoken())
    assert "daughter" not in said and "little girl kitten" not in said


@pytest.mark.parametrize(("premise", "style", "said"), [
    ("a shiba inu opens a noodle shop and the rival shop tries to ruin him", "shiba", "from the rival shop,"),
    ("a poor cat opens a bakery and the rival bakery steals her recipe", "ginger-cat", "from the rival bakery,"),
    ("a greedy cat opens a shop and the rival store copies her cakes", "ginger-cat", "from the rival store,"),
])
def test_a_rival_named_by_its_shop_is_said_to_be_from_it(premise: str, style: str, said: str) -> None:
    script = write_story(premise, style, "en", 1).script
    lines = " ".join(t for s in script.scenes for _speaker, t in s.spoken())
    assert said in lines, lines


@pytest.mark.parametrize(("premise", "name", "callers"), [
    ("a shy beagle is so small her friends call her Bean", "Bean", "friends"),
    ("a fat ginger cat loves food so much his owner calls him Chunky", "Chunky", "owner"),
])
def test_a_nickname_is_the_called_ones_never_the_callers(premise: str, name: str, callers: str) -> None:
    a = analyse(premise)
    assert a.hero.name == name
    assert next(p for p in a.cast if p.words and p.words[0] == callers).name is None
    script = write_story(premise, "ginger-cat", "en", 1).script
    said = " ".join(t for s in script.scenes for _speaker, t in s.spoken())
    assert f"call {name}'s" not in said and f"calls {name} {name}" not in said, said
