"""Groups and roles cast as the premise says them: rescuers said in the plural ("the firemen", "the firefighters",
消防员们) or as a crew ("the fire department", 消防队) are a group of two alike, said together ("Rex and Bolt, the
firemen, rescue Pepper"), never one pet called by the plural ("Biscotti, the firemen, rescue Nori"); a rescuer who
first comes or climbs ("a firefighter climbs up and rescues her", "comes to rescue him", 赶来救它) is cast; a cousin
(表哥) is the hero's kin; a wedding's in-laws (婆家人) are a group on the rival side, of the
spouse's kind; a group of people ("the neighbors", "her family") or a fox or rat thief is never the hero while a cat
or dog is told of; "her owner gets sick" with no pet named is the pet's story, and a she after the owner dies is the
pet. All failed on the old code."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse
from tests.rescues import drawn_scenes


def _lang(premise: str) -> str:
    return "zh" if any("\u4e00" <= c <= "\u9fff" for c in premise) else "en"


def _text(premise: str, seed: int = 1) -> str:
    script = write_story(premise, None, _lang(premise), seed).script
    return " ".join(scene.narration for scene in script.scenes)


GROUPS = [
    ("a kitten is stuck on a roof and the firemen rescue her", "firefighter"),
    ("the firefighters save a little corgi from the burning house", "firefighter"),
    ("a puppy falls into a well and the fire department comes to rescue him", "firefighter"),
    ("消防员们把困在树上的小猫救了下来", "firefighter"),
    ("一只小狗掉进井里，消防队赶来救它", "firefighter"),
    ("一只小狗掉进井里，消防队把它救了上来", "firefighter"),
    ("消防员们冒着大火救出了小狗", "firefighter"),
    ("a husky falls through the ice and two fishermen pull him out", "fisherman"),
    ("the rescue team digs a puppy out of the snow after the avalanche", "firefighter"),
]


@pytest.mark.parametrize(("premise", "job"), GROUPS)
def test_plural_or_crew_rescuers_are_a_group_of_two_on_the_heros_side(premise: str, job: str) -> None:
    cast = analyse(premise).cast
    assert cast[0].role == "hero" and (cast[0].species or cast[0].breed)
    group = [p for p in cast[1:] if p.job == job]
    assert len(group) == 2 and all(p.alike == 2 and p.side == "hero" for p in group)


@pytest.mark.parametrize(("premise", "said"), [
    ("a kitten is stuck on a roof and the firemen rescue her", "the firemen, rescue"),
    ("the firefighters save a little corgi from the burning house", "the firefighters, save"),
    ("a puppy falls into a well and the fire department comes to rescue him", "the fire department, come to rescue"),
])
def test_a_group_is_said_by_both_names_and_a_plural_verb(premise: str, said: str) -> None:
    script = write_story(premise, None, "en", 1).script
    names = [c.name for c in script.characters if c.id.startswith("firefighter")]
    assert len(names) == 2
    assert f"{names[0]} and {names[1]}, {said}" in _text(premise)


def test_the_crew_is_no_fire() -> None:
    premise = "a puppy falls into a well and the fire department comes to rescue him"
    script = write_story(premise, None, "en", 1).script
    assert not any("fire" in p for s in script.scenes for p in s.props)
    assert not any("fire" in d for scene in drawn_scenes(premise, 1) for d in scene.values())
    assert any("well" in d for scene in drawn_scenes(premise, 1) for d in scene.values())


@pytest.mark.parametrize("premise", [
    "a cat is stuck in a tree, a firefighter climbs up and rescues her",
    "a kitten is trapped in a burning house and a brave fireman rushes in and saves her",
    "小猫困在屋顶上，消防员爬上去把它救了下来",
])
def test_a_rescuer_who_first_climbs_or_rushes_in_is_cast(premise: str) -> None:
    cast = analyse(premise).cast
    assert [p.job for p in cast[1:]] == ["firefighter"] and cast[1].side == "hero"


def test_her_after_the_climb_is_the_pet_rescued() -> None:
    script = write_story("a cat is stuck in a tree, a firefighter climbs up and rescues her", None, "en", 1).script
    hero = script.characters[0].name
    assert f"rescues {hero}." in _text("a cat is stuck in a tree, a firefighter climbs up and rescues her")
    assert f"{hero}'s." not in _text("a cat is stuck in a tree, a firefighter climbs up and rescues her")


@pytest.mark.parametrize(("premise", "count"), [
    ("a shiba visits his cousin in the city", 1),
    ("小猫去城里看表哥", 1),
])
def test_a_cousin_is_the_heros_kin_of_its_kind(premise: str, count: int) -> None:
    cast = analyse(premise).cast
    cousins = [p for p in cast if p.relation == "cousin"]
    assert len(cousins) == count and all(p.role == "family" and p.side == "hero" for p in cousins)
    script = write_story(premise, None, _lang(premise), 1).script
    kinds = {c.id: c.species for c in script.characters}
    assert all(kinds[p.key] == kinds["hero"] for p in cousins)


@pytest.mark.parametrize("premise", [
    "a poor dog marries a rich cat but her in-laws look down on him at the wedding",
    "穷小狗娶了富家猫，婚礼上婆家人都看不起他",
    "a corgi marries a poodle and his in-laws hate him",
])
def test_in_laws_are_a_group_on_the_rival_side(premise: str) -> None:
    cast = analyse(premise).cast
    in_laws = [p for p in cast if p.relation == "in_laws"]
    assert len(in_laws) == 2 and all(p.side == "villain" for p in in_laws)
    assert cast[0].role == "hero" and cast[0].species == "dog"


def test_in_laws_are_of_the_spouses_kind() -> None:
    script = write_story("a poor dog marries a rich cat but her in-laws look down on him at the wedding", None, "en",
                         1).script
    kinds = {c.id: c.species for c in script.characters}
    assert [kinds[k] for k in kinds if k.startswith(("rival", "in_laws"))] == ["cat", "cat"]


def test_in_laws_said_after_a_place_scorn_the_hero() -> None:
    premise = "穷小狗娶了富家猫，婚礼上婆家人都看不起他"
    script = write_story(premise, None, "zh", 1).script
    names = {c.id: c.name for c in script.characters}
    assert f"都看不起{names['hero']}" in _text(premise)
    assert f"看不起{names['rival']}" not in _text(premise)


@pytest.mark.parametrize(("premise", "species"), [
    ("the neighbors help the old dog find his lost ball", "dog"),
    ("邻居们帮老狗找到了丢失的球", "dog"),
    ("her family moves away and leaves the old cat behind", "cat"),
])
def test_a_group_of_people_is_never_the_hero_beside_a_pet(premise: str, species: str) -> None:
    hero = analyse(premise).hero
    assert hero.species == species and hero.relation is None


@pytest.mark.parametrize(("premise", "thief"), [
    ("a rat steals cheese from a cat's restaurant", "mouse"),
    ("a sneaky fox steals the corgi's lunch", "fox"),
    ("a fox steals chickens from the farm and a brave dog chases it away", "fox"),
])
def test_a_fox_or_rat_thief_is_the_rival_not_the_hero(premise: str, thief: str) -> None:
    cast = analyse(premise).cast
    assert cast[0].breed != thief and cast[0].species in ("cat", "dog")
    assert next(p for p in cast if p.breed == thief).side == "villain"


def test_a_fox_with_no_pet_to_wrong_stays_the_hero() -> None:
    assert analyse("a hungry fox steals food to feed her cubs").hero.breed == "fox"


def test_the_owner_of_a_pet_said_only_as_her_is_not_the_hero() -> None:
    cast = analyse("her owner gets sick, then she dies").cast
    assert cast[0].relation is None and cast[1].relation == "owner" and cast[1].of == cast[0].key


def test_she_after_the_owner_dies_is_the_pet() -> None:
    premise = "her owner gets sick and dies, and she waits at the door every day"
    script = write_story(premise, None, "en", 1).script
    names = {c.id: c.name for c in script.characters}
    assert f"{names['hero']} waits at the door" in _text(premise)
