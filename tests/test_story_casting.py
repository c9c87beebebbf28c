"""Casting: who is in the story, how many, and whether they are alive (story/premise.py, story/life.py, the
remembrance and loyal-wait arcs). Pets named with no species are each cast; "two puppies" are two and
"three kittens" three; a relative whose grave is visited is remembered (cast, named), never on screen
nor speaking; a pet that waits every day is told as a loyal wait, the one waited for away while it waits.
Checked on the offline writer's real scripts."""

from __future__ import annotations

import re

import pytest

from story.kinds import story_kind
from story.lexicon import lexicon
from story.offline import write_story
from story.premise import analyse
from tests.spoken import spoken


def _on_screen(script: object) -> set[str]:
    from story.script import Script

    assert isinstance(script, Script)
    return {a.id for s in script.scenes for a in s.characters} | {ln.speaker for s in script.scenes for ln in s.dialogue}


@pytest.mark.parametrize(("premise", "lang", "species", "count"), [
    ("two puppies play in the snow", "en", "dog", 2),
    ("three kittens chase a butterfly in the garden", "en", "cat", 3),
    ("两只小狗在雪地里玩", "zh", "dog", 2),
    ("三只小猫在花园里追蝴蝶", "zh", "cat", 3),
])
def test_a_counted_group_is_that_many_pets_each_one_pet(premise: str, lang: str, species: str, count: int) -> None:
    for seed in range(3):
        script = write_story(premise, None, lang, seed).script
        assert [c.species for c in script.characters] == [species] * count, (seed, script.characters)
        # each is one pet, never a litter of its own beside the others
        assert not [c.look for c in script.characters if re.search(r"\bthree tiny\b|puppies|kittens", c.look)], seed
        # the line that tells it names every one of them, and all of them are there
        told = next(s for s in script.scenes if all(c.name in s.narration for c in script.characters))
        assert {a.id for a in told.characters} == {c.id for c in script.characters}, (seed, told)


def test_a_young_word_is_no_second_group() -> None:
    """"puppies" is a species word and a young-ones word: one group, not two of them."""
    assert len(analyse("two kittens share a fish").cast) == 2
    assert len(analyse("a cat raises a litter of kittens").cast) == 2  # the mother, her litter


@pytest.mark.parametrize(("premise", "names", "said"), [
    ("Bella and Max share one umbrella in the rain", ("Bella", "Max"), "Bella and Max share one umbrella"),
    ("Coco and Pepper find a lost kitten in the park", ("Coco", "Pepper"), "Coco and Pepper find"),
    ("Mango, Pearl and Tofu bake a cake for grandma", ("Mango", "Pearl", "Tofu"), "Mango, Pearl and Tofu bake"),
])
def test_pets_named_with_no_species_are_each_cast(premise: str, names: tuple[str, ...], said: str) -> None:
    for seed in range(3):
        script = write_story(premise, None, "en", seed).script
        assert set(names) <= {c.name for c in script.characters}, (seed, script.characters)
        assert script.characters[0].name == names[0]
        scene = next(s for s in script.scenes if said in s.narration)
        assert {c.id for c in script.characters if c.name in names[:3]} <= {a.id for a in scene.characters}


def test_the_kitten_they_find_is_found_not_one_of_them() -> None:
    script = write_story("Coco and Pepper find a lost kitten in the park", None, "en", 1).script
    kitten = next(c for c in script.characters if c.name not in {"Coco", "Pepper"})
    assert kitten.species == "cat" and re.search(rf"find {kitten.name}, a lost kitten", " ".join(spoken(script)))


@pytest.mark.parametrize(("premise", "lang", "gone"), [
    ("a kitten visits grandpa's grave", "en", "grandpa"),
    ("a cat brings flowers to her mother's grave", "en", "mother"),
    ("a little dog visits his grandma's grave on a rainy day", "en", "grandma"),
    ("小猫去墓地看奶奶", "zh", "grandma"),
    ("小狗每年清明去给爷爷扫墓", "zh", "grandpa"),
])
def test_a_relative_whose_grave_is_visited_is_remembered_never_on_screen(premise: str, lang: str, gone: str) -> None:
    analysis = analyse(premise)
    assert [p.relation for p in analysis.cast if p.gone] == [gone]
    assert story_kind(analysis).id == "remembrance"
    for seed in range(4):
        written = write_story(premise, None, lang, seed)
        script = written.script
        assert written.arc == "remembrance"
        dead = next(c for c in script.characters if c.id == gone)  # cast: named in the lines, remembered
        assert dead.id not in _on_screen(script), (seed, dead)
        assert any(s.location == "cemetery" for s in script.scenes)
        lines = " ".join(spoken(script)).lower()
        assert dead.name.lower() in lines
        assert not re.search(r"best day ever|最棒的一天|tail goes round and round|works hard|努力", lines), seed


def test_who_is_gone_is_the_one_whose_grave_it_is() -> None:
    def gone(premise: str) -> list[str | None]:
        return [p.relation for p in analyse(premise).cast if p.gone]

    assert gone("a kitten and grandma visit grandpa's grave") == ["grandpa"]
    assert gone("奶奶带小猫去墓地看爷爷") == ["grandpa"]
    assert gone("a cat misses her late grandma") == ["grandma"]
    assert gone("小狗想念去世的爷爷") == ["grandpa"]
    assert gone("grandma cat takes her grandson to the park") == []
    assert gone("a grandma cat sells her gold necklace to pay for her grandson's school") == []


@pytest.mark.parametrize(("premise", "lang"), [
    ("a lonely dog waits at the train station every day for its owner", "en"),
    ("小狗每天在车站等主人回来", "zh"),
    ("一只老狗在火车站等了主人十年", "zh"),
])
def test_a_pet_that_waits_every_day_is_a_loyal_wait_told_alone(premise: str, lang: str) -> None:
    kind = story_kind(analyse(premise))
    assert kind.id == "loyal_wait" and not kind.striving
    for seed in range(4):
        written = write_story(premise, None, lang, seed)
        script = written.script
        assert written.arc == "loyal_wait"
        owner = next(c for c in script.characters if c.id == "owner")
        assert owner.species == "dog"
        # the scene that tells the wait shows the one who waits, alone, standing; never training at the station
        wait = next(s for s in script.scenes if owner.name in s.narration and re.search(r"waits|等", s.narration))
        assert [(a.id, a.action) for a in wait.characters] == [("hero", "stand")], (seed, wait)
        assert all(s.location == "station" for s in script.scenes[:-1]), seed
        assert not [a for s in script.scenes for a in s.characters if a.action == "work"], seed
        lines = " ".join(spoken(script)).lower()
        assert not re.search(r"tried so hard|keeps at it|努力|拼命|customer|顾客", lines), (seed, lines)


def test_an_owner_who_never_comes_back_is_waited_for_never_met() -> None:
    premise = "an old akita waits at the station for his owner who never comes back"
    assert [p.relation for p in analyse(premise).cast if p.gone] == ["owner"]
    for seed in range(4):
        script = write_story(premise, None, "en", seed).script
        assert script.characters[0].breed == "Akita"
        assert "owner" not in _on_screen(script), seed
        lines = " ".join(spoken(script))
        assert not re.search(r"is it really you|arms|I'm home", lines, re.I), (seed, lines)


def test_a_train_station_is_a_place_and_no_training() -> None:
    hits = lexicon().find("a dog waits at the train station")
    assert [h.section for h in hits if h.surface in {"train", "train station"}] == ["places"]
    assert lexicon().find("a pug trains every day", ["actions"])  # training, said, still is
