"""A thing or place named for pets ("hot dogs", "cat food", "a dog bed", 热狗) names no pet: the premise's own line
keeps its words, never the hero's name in place of the species word ("sells hot Noodle") nor a role glued over it
("Tiger, a cat sells cat, food")."""
from __future__ import annotations

import pytest

from story.offline import write_story

CASES = [
    ("a dog sells hot dogs on the street to pay for his mom's surgery", "sells hot dogs on the street"),
    ("a cat sells hot dogs at the beach", "sells hot dogs at the beach"),
    ("a cat sells cat food at the market", "a cat, sells cat food at the market"),
    ("a poor dog buys a dog bed for his grandma", "buys a dog bed for"),
    ("a dog eats dog food", "a dog, eats dog food"),
]


@pytest.mark.parametrize(("premise", "said"), CASES)
def test_thing_for_pets_keeps_its_words(premise: str, said: str) -> None:
    for seed in (1, 2):
        script = write_story(premise, None, "en", seed).script
        text = " ".join(s.narration for s in script.scenes)
        assert said in text, (seed, text[:300])
        names = {c.name for c in script.characters}
        assert not any(f"hot {n}" in text or f"{n} food" in text or f"{n} bed" in text for n in names), text[:300]


def test_zh_hot_dog_is_a_thing() -> None:
    for seed in (1, 2):
        script = write_story("一只小狗在街上卖热狗给妈妈治病", None, "zh", seed).script
        text = "".join(s.narration for s in script.scenes)
        assert "卖热狗" in text, (seed, text[:300])
