"""Family members are of one species and look related (story/kin.py, cast in story/arcs.py): a relative is of
the species of the pet whose relative it is, whoever the hero is ("a jealous cat breaks her sister's trophy
and blames the dog": the sister is a cat), and one the premise gives no look of its own is drawn in its
relative's breed (a shiba puppy's mother is a Shiba Inu); the pets of one counted group ("three kittens")
look alike. Checked on the offline writer's real scripts."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse, hero_style
from story.script import Character, Script
from story.styles import DEFAULT_STYLE


def _script(premise: str, seed: int) -> Script:
    analysis = analyse(premise)
    return write_story(premise, hero_style(analysis) or DEFAULT_STYLE, analysis.language, seed).script


def _one(script: Script, prefix: str) -> Character:
    return next(c for c in script.characters if c.id.startswith(prefix))


@pytest.mark.parametrize(("premise", "relative", "of", "species"), [
    ("a jealous cat breaks her sister's trophy and blames the dog", "sister", "rival", "cat"),
    ("a beagle finds a lost kitten and brings her back to her mother", "mother", "cat", "cat"),
    ("a kitten and a puppy play, until his brother comes home", "brother", "dog", "dog"),
])
def test_a_relative_is_of_the_species_of_whom_it_is_the_relative(premise: str, relative: str, of: str,
                                                                  species: str) -> None:
    for seed in range(4):
        script = _script(premise, seed)
        kin, owner = _one(script, relative), _one(script, of)
        assert kin.species == owner.species == species, (seed, script.characters)
        assert kin.breed == owner.breed, (seed, script.characters)  # and looks related


@pytest.mark.parametrize(("premise", "relative"), [
    ("a shiba puppy gets lost and her mother searches the whole city", "mother"),
    ("a bulldog bullies a golden retriever's little brother, and the retriever stands up for him", "brother"),
    ("an old cat teaches her grandson to catch fish", "son"),
    ("小柴犬和妈妈走散了", "mother"),
    ("哈士奇的弟弟被邻居家的狗欺负，哈士奇替他出头", "brother"),
])
def test_the_hero_s_family_looks_like_the_hero(premise: str, relative: str) -> None:
    for seed in range(4):
        script = _script(premise, seed)
        hero, kin = script.characters[0], _one(script, relative)
        assert (kin.species, kin.breed) == (hero.species, hero.breed), (seed, script.characters)


@pytest.mark.parametrize("premise", [
    "three kittens and their mother look for a new home",
    "three puppies wait in the rain for their father",
    "三只小狗和妈妈在雨里找家",
    "三只小猫在花园里追蝴蝶",
])
def test_brothers_and_sisters_of_a_counted_group_look_alike(premise: str) -> None:
    for seed in range(4):
        script = _script(premise, seed)
        looks = {(c.species, c.breed) for c in script.characters}
        assert len(looks) == 1, (seed, script.characters)  # the litter and their parent: one family
