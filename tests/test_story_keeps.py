"""What the premise asks the painter for reaches the Script: a shop's trade as its place, a burning
house, a kitchen fire and a stage where the premise puts them, and a hero the premise calls a kitten
or a puppy looks young."""

from __future__ import annotations

import pytest

from render.painter.looks import young_hero
from story.nearest import nearest
from story.offline import write_offline
from story.script import Scene
from story.venues import shop_kind


def _told(premise: str, words: str, seed: int) -> Scene:
    script = write_offline(premise, "", "en", seed)
    return next(s for s in script.scenes if words in s.narration)


@pytest.mark.parametrize(("words", "place", "kind"), [
    ("café", "restaurant", "café"), ("cafe", "restaurant", "café"), ("coffee shop", "restaurant", "café"),
    ("bakery", "shop", "bakery"), ("flower shop", "shop", "flower shop"), ("bookshop", "shop", "bookshop"),
    ("grocery", "shop", "grocery"), ("fish market", "market", "fish market"), ("fruit stall", "market", "grocery"),
])
def test_a_trade_is_staged_at_a_place_the_painter_draws_as_that_shop(words: str, place: str, kind: str) -> None:
    got = nearest(f"a {words}", "places", "en")
    assert got is not None and got.used == place, words
    premise = f"a poor ginger cat opens a tiny {words} and the rich white cat laughs"
    scene = _told(premise, words, 1)
    match = shop_kind(scene, premise)
    assert (scene.location, match and match.kind) == (place, kind), (words, scene.location, scene.props)


def test_a_tiny_cafe_is_told_and_staged_as_itself() -> None:
    for seed in range(3):
        scene = _told("a poor ginger cat opens a tiny café and the rich white cat laughs", "café", seed)
        assert scene.location == "restaurant" and "caf " not in scene.narration + " "


@pytest.mark.parametrize(("premise", "words", "location", "prop"), [
    ("a brave mutt runs into a burning house to save the rich cat's kittens", "burning house", "street",
     "burning house"),
    ("a clumsy dog chef starts a kitchen fire on his first day", "kitchen fire", "kitchen", "fire"),
])
def test_a_fire_the_premise_names_is_a_prop_where_it_happens(premise: str, words: str, location: str,
                                                              prop: str) -> None:
    for seed in range(3):
        scene = _told(premise, words, seed)
        assert (scene.location, prop in scene.props) == (location, True), (seed, scene.location, scene.props)


def test_singing_on_stage_is_on_the_stage() -> None:
    for seed in range(3):
        scene = _told("a shy cat sings on stage at the talent show and the crowd goes wild", "stage", seed)
        assert scene.location == "stage"


@pytest.mark.parametrize(("premise", "young"), [
    ("a tabby kitten is mocked by a rich persian, works hard and grows up", "kitten"),
    ("a lost golden retriever puppy dreams of being a police dog", "puppy"),
    ("一只小奶猫被富家猫嘲笑，后来长大成了明星", "kitten"),
])
def test_a_hero_the_premise_calls_young_looks_young(premise: str, young: str) -> None:
    script = write_offline(premise, "", "en", 1)
    hero = next(c for c in script.characters if c.id == "hero")
    assert young in hero.look and young_hero(hero), hero.look


def test_a_grown_hero_stays_grown() -> None:
    hero = write_offline("a poor tabby cat is mocked by a rich persian", "", "en", 1).characters[0]
    assert not young_hero(hero), hero.look
