"""The one who takes the hero in (a little girl, an old lady, a widow, 独居老人, 一对年轻夫妇, 被一个小女孩收养): cast,
played by a pet, named as the premise says it (never a kin term it never used: the old lady is no "grandma", the
girl nobody's "daughter"), and at home with the hero from the scene where it takes the hero in. Story tests read
real writer output (one script each) or the premise's reading."""

from __future__ import annotations

from functools import cache

import pytest

from story.adopters import HOME, adopter
from story.offline import write_story
from story.premise import analyse
from story.script import Script


@cache
def _script(premise: str) -> Script:
    return write_story(premise, None, "en" if premise.isascii() else "zh", 1).script


@pytest.mark.parametrize(("premise", "key", "said"), [
    ("a stray kitten is adopted by a kind old lady, grows up and saves her from a fire", "old_lady", "kind old lady"),
    ("an old man adopts a three-legged puppy from the shelter", "old_man", "old man"),
    ("a little girl finds an injured kitten in the rain and takes it home", "girl", "little girl"),
    ("被一个小女孩收养的流浪狗后来成了警犬", "girl", "小女孩"),  # was: a dog named 收养, the girl never cast
    ("小男孩捡到一只受伤的小狗，把它带回家照顾", "boy", "小男孩"),
    ("a lonely widow adopts a scruffy stray cat", "widow", "lonely widow"),  # was: no widow cast
    ("独居老人收养了一只流浪猫，从此不再孤单", "owner", "老人"),  # was: no old man cast
    ("一对年轻夫妇收养了一只被遗弃的柯基", "owner", "夫妇"),  # was: no couple; the abandoned corgi the rival
])
def test_the_adopter_is_cast_as_the_premise_names_it(premise: str, key: str, said: str) -> None:
    a = analyse(premise)
    assert not a.hero.human and a.hero.species in {"cat", "dog"}, a.hero
    person = next((p for p in a.cast if p.human), None)
    assert person is not None and person.key == key and person.words[0] == said, [(p.key, p.words) for p in a.cast]
    assert person.side == "hero" and adopter(a) is not None and adopter(a)[0] == key  # type: ignore[index]


@pytest.mark.parametrize("premise", [
    "a stray kitten is adopted by a kind old lady, grows up and saves her from a fire",
    "a little girl finds an injured kitten in the rain and takes it home",
    "独居老人收养了一只流浪猫，从此不再孤单",
    "一对年轻夫妇收养了一只被遗弃的柯基",
])
def test_the_adopter_is_at_home_with_the_hero_from_the_adoption_on(premise: str) -> None:
    key = adopter(analyse(premise))[0]  # type: ignore[index]
    scenes = _script(premise).scenes
    start = next(k for k, s in enumerate(scenes) if any(a.id == key for a in s.characters))
    home = [s for s in scenes[start:] if s.location in HOME and any(a.id == "hero" for a in s.characters)]
    assert home and all(any(a.id == key for a in s.characters) for s in home), \
        [(s.location, [a.id for a in s.characters]) for s in scenes]


def test_a_pet_who_adopts_with_the_hero_is_no_adopter_of_it() -> None:
    assert adopter(analyse("a corgi and his best friend adopt a kitten")) is None
