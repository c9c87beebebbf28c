"""A person in a pet drama: a little girl, an old man, a kind lady, 小女孩, 老爷爷 (a word no pet is called by,
and no pet word) is cast, played by a pet in its own look and clothes (a girl's dress, an old man's suit and
cane), said so in what was understood and in the report; a pet of the premise is the hero, the person its
family ("a little girl adopts a kitten": the kitten's story)."""

from __future__ import annotations

import pytest

from render.painter.persona import costume_note, dress, personas
from story.offline import write_story
from story.premise import analyse, understood_line
from story.text import script_language

_PEOPLE = [
    ("a little girl adopts a shivering stray kitten from the rain and it grows up to save her", "little girl",
     "cat", "dress"),
    ("an old man adopts a one-eyed cat that nobody wanted", "old man", "cat", "suit"),
    ("a kind lady takes in a stray dog and it guards her bakery", "kind lady", "dog", "dress"),
    ("小女孩在雨中捡到一只小猫，小猫长大后保护了她", "小女孩", "cat", "dress"),
    ("老爷爷收养了一只流浪猫", "老爷爷", "cat", "suit"),
]


@pytest.mark.parametrize(("premise", "said", "species", "clothes"), _PEOPLE)
def test_a_person_is_cast_played_by_a_pet_and_the_pet_is_the_hero(premise: str, said: str, species: str,
                                                                   clothes: str) -> None:
    a = analyse(premise)
    person = next(p for p in a.cast if p.human)
    assert person.words[0] == said and person.role != "hero" and person.side == "hero"
    assert a.hero.species == species and not a.hero.human
    assert said in understood_line(a, a.language) and ("pet" in understood_line(a, a.language)
                                                       or "宠物" in understood_line(a, a.language))


@pytest.mark.parametrize(("premise", "said", "species", "clothes"), [
    *_PEOPLE[::2], ("一位老爷爷在公园里捡到一只受伤的小鸟狗，把它养大", "老爷爷", "dog", "suit")])
def test_a_person_is_drawn_in_its_own_look_and_clothes_and_reported(premise: str, said: str, species: str,
                                                                    clothes: str) -> None:
    written = write_story(premise, None, script_language(premise), 1)
    script, key = written.script, next(p.key for p in written.analysis.cast if p.human)
    hero, person = script.character("hero"), script.character(key)
    assert person.breed != hero.breed  # never the hero's twin
    persona = personas(script)[key]
    assert dress("none", persona) == clothes and dress("none", persona, home=True) == clothes
    assert costume_note(persona, clothes) == {"person": said, "drawn": clothes, "how": "person"}
    assert any(s.kind == "species" and s.wanted == said and person.breed in s.used for s in written.substitutions)
    assert any(a.id == key for s in script.scenes for a in s.characters)  # on screen


def test_an_old_man_is_drawn_old_and_after_by_a_kind_one_is_no_rival() -> None:
    a = analyse("a scruffy stray puppy was given a blanket by a kind old man and now repays him")
    man = next(p for p in a.cast if p.human)
    assert man.role == "family" and man.side == "hero" and a.hero.species == "dog"
    script = write_story("an old man adopts a one-eyed cat that nobody wanted", None, "en", 1).script
    assert personas(script)["old_man"].old  # named as the premise says: an old man, no "grandpa"


@pytest.mark.parametrize("premise", ["an old grandpa walks his old dog every morning until he can no longer walk",
                                     "a boy walks his dog every morning"])
def test_a_persons_pet_is_its_pet_never_its_litter(premise: str) -> None:
    a = analyse(premise)
    assert a.hero.species == "dog" and a.hero.relation is None and a.hero.alike == 1
    script = write_story(premise, None, "en", 1).script
    assert not any("puppies" in c.look for c in script.characters)  # was: "three tiny puppies"
