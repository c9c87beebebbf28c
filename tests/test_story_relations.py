"""Relations and names in Chinese premises, on the offline writer's real scripts: a grandson, a
granddaughter, a nephew or a niece the premise names is cast as a character of its own (猫奶奶一个人把
孙子带大 has two pets); a pet named alone with a name Chinese use gives to dogs (阿黄, 旺财, 大黄) is a
dog (story/data/arcs/common.json ``name_species``), unless the premise says which pet it is."""

from __future__ import annotations

import pytest

from story.arcdata import common
from story.names import species_of_name
from story.offline import write_story
from story.premise import analyse, hero_style
from story.styles import CHARACTER_STYLES


@pytest.mark.parametrize(("premise", "word"), [
    ("猫奶奶一个人把孙子带大", "孙子"),
    ("奶奶猫卖掉金项圈供孙子读书", "孙子"),
    ("外婆猫每天接外孙女放学", "外孙女"),
    ("狗爷爷教孙女骑自行车", "孙女"),
    ("a grandma cat raises her grandson alone", "grandson"),
    ("a dog uncle teaches his nephew to swim", "nephew"),
    ("a cat aunt takes her niece to the beach", "niece"),
])
def test_a_grandchild_or_a_nephew_is_cast(premise: str, word: str) -> None:
    analysis = analyse(premise)
    kin = [p for p in analysis.cast if word in p.words]
    assert kin and kin[0].role == "family" and kin[0].side == "hero", analysis.cast
    for seed in range(3):
        script = write_story(premise, None, analysis.language, seed).script
        assert len(script.characters) >= 2, (seed, script.characters)
        kid = next(c for c in script.characters if c.id == kin[0].key)
        lines = " ".join(t for s in script.scenes for _, t in s.spoken())
        assert kid.name in lines and kid.species == script.characters[0].species, (seed, kid, lines)


@pytest.mark.parametrize(("premise", "name", "species"), [
    ("阿黄在工地搬砖，被包工头骂，后来开了自己的建筑公司", "阿黄", "dog"),
    ("旺财每天在机场等主人回家", "旺财", "dog"),
    ("大黄和咪咪是好朋友", "大黄", "dog"),
    ("大黄和咪咪是好朋友", "咪咪", "cat"),
    ("阿黄是一只橘猫，每天在公园晒太阳", "阿黄", "cat"),  # the premise's species word wins
    ("小白和小黑一起去公园", "小白", None),  # no species in the name: the writer's choice
])
def test_chinese_dog_names_make_dogs(premise: str, name: str, species: str | None) -> None:
    analysis = analyse(premise)
    pet = next(p for p in analysis.cast if p.name == name)
    assert pet.species == species, analysis.cast
    if pet.role == "hero" and species is not None:
        style = hero_style(analysis)
        assert style is not None and CHARACTER_STYLES[style].species == species
        script = write_story(premise, style, "zh", 0).script
        assert script.characters[0].name == name and script.characters[0].species == species


def test_name_species_data() -> None:
    data = common()["name_species"]
    assert set(data) == {"about", "cat", "dog"} and "阿黄" in data["dog"] and "旺财" in data["dog"]
    assert not set(data["cat"]) & set(data["dog"])
    for sp in ("cat", "dog"):
        assert all(2 <= len(n) <= 3 for n in data[sp]) and len(set(data[sp])) == len(data[sp])
        assert all(species_of_name(n) == sp for n in data[sp]), sp
        other = "dog" if sp == "cat" else "cat"
        assert not set(data[sp]) & set(common()["names"][other]["zh"]), sp  # no name of both species
