"""A pet rescued by another ("is pulled out of a flooded river by a kind old farmer", "was saved from the fire by a
firefighter", 被路过的老爷爷救了上来) is drawn as the one saved, the one after by/被 as its rescuer in the rescuer's own
job (never the pet's); a premise of two rescues draws each from its own danger (the flood, then the fire); the ice
hole of 冰窟窿 is at the lake, not on a street; a rescue dog on the mountain wears a working dog's vest, not a
firefighter's helmet. All failed on the old code: the passive rescue drawn as 'work', the farmer's job given to the
puppy, "flooded river" read as the fire's rescue and not drawn, 冰窟窿 on a street, the avalanche dog in a helmet."""

from __future__ import annotations

import pytest

from render.painter.persona import dress, personas
from story.offline import write_story
from story.premise import analyse, understood_line
from story.venues import places_drawn
from tests.rescues import drawn_scenes

HUSKY = ("a shy husky puppy is pulled out of a flooded river by a kind old farmer, and years later the grown husky "
         "carries the farmer out of his burning barn")



@pytest.mark.parametrize("seed", [1, 5])
def test_the_farmer_pulls_the_puppy_out_of_the_flood_and_the_husky_carries_him_out_of_the_fire(seed: int) -> None:
    drawn = [d for d in drawn_scenes(HUSKY, seed) if d]
    assert {"farmer": "pull from flood", "hero": "in floodwater"} in drawn
    assert {"hero": "carry from fire", "farmer": "carried from fire"} in drawn
    first = next(d for d in drawn)
    assert first == {"farmer": "pull from flood", "hero": "in floodwater"}  # the flood first, as told


def test_the_rescuer_after_by_is_no_job_of_the_pet() -> None:
    a = analyse(HUSKY)
    assert a.job is None
    line = understood_line(a, "en")
    assert "puppy, farmer" not in line and "farmer" in line


@pytest.mark.parametrize(("premise", "rescuer", "rescuer_drawn", "saved_drawn"), [
    ("a kitten was saved from the fire by a firefighter", "firefighter", "carry from fire", "carried from fire"),
    ("a shy husky puppy is pulled out of a flooded river by a kind old farmer", "farmer", "pull from flood",
     "in floodwater"),
    ("a corgi is rescued from a flooded street by a policeman", "police", "pull from flood", "in floodwater"),
    ("a puppy tangled in a fishing net is freed by an old fisherman", "fisherman", "free from net", "in net"),
])
def test_a_pet_rescued_by_a_role_is_drawn_saved_by_it(premise: str, rescuer: str, rescuer_drawn: str,
                                                       saved_drawn: str) -> None:
    assert rescuer in [p.key for p in analyse(premise).cast]
    drawn = [d for d in drawn_scenes(premise, 1) if rescuer in d]
    assert drawn and all(d == {rescuer: rescuer_drawn, "hero": saved_drawn} for d in drawn)


def test_the_hero_who_rescues_after_by_stays_the_rescuer() -> None:
    drawn = [d for d in drawn_scenes("a husky pulls his owner out of an ice hole on a frozen lake", 1) if d]
    assert drawn and drawn[0] == {"hero": "pull from ice", "owner": "in ice hole"}


def test_the_ice_hole_is_at_the_lake() -> None:
    script = write_story("小狗掉进冰窟窿，被路过的老爷爷救了上来", None, "zh", 1).script
    assert {s.location for s in script.scenes} == {"lake"}


@pytest.mark.parametrize("premise", ["an avalanche rescue dog digs a skier out of the snow on the mountain",
                                     "雪崩搜救犬在雪山上救出被埋的登山者"])
def test_a_rescue_dog_wears_a_working_dogs_vest(premise: str) -> None:
    script = write_story(premise, None, "zh" if "雪" in premise else "en", 1).script
    hero = personas(script)["hero"]
    worn = {dress(a.outfit, hero) for s in script.scenes for a in s.characters if a.id == "hero"}
    assert "firefighter" not in worn and "harness" in worn


@pytest.mark.parametrize(("premise", "language", "rescuer"), [
    ("a kitten was saved from the fire by a firefighter", "en", "firefighter"),
    ("小猫被老农从河里救上来", "zh", "farmer"),
])
@pytest.mark.parametrize("seed", [1, 2])
def test_the_rescuer_goes_in_and_the_hero_is_the_one_stuck(premise: str, language: str, rescuer: str,
                                                           seed: int) -> None:
    """The rescue arc told the other way round: the rescuer hears the cry, runs into the smoke or swims out; the
    hero the premise saves never leaps to anyone's rescue (the old code had the kitten run into the fire)."""
    written = write_story(premise, None, language, seed)
    assert written.arc == "rescue"
    going = [(a.id, a.action) for s in written.script.scenes for a in s.characters if a.action in ("run", "swim")]
    assert going and all(who == rescuer for who, _ in going)


@pytest.mark.parametrize(("premise", "rescuer", "said"), [
    ("小猫被老农从河里救上来", "farmer", "老农"),
    ("小狗被好心的外卖小哥从河里捞了上来", "delivery", "外卖小哥"),
    ("消防员把小猫从火场里救了出来，多年后小猫长大救了他", "firefighter", "消防员"),
    ("小狗被困在着火的仓库里，被消防员救了出来", "firefighter", "消防员"),
    ("a little beagle is dragged out of a frozen pond by a brave mailman", None, "mailman"),
])
def test_the_one_who_rescues_the_pet_is_cast_in_its_own_job(premise: str, rescuer: str | None, said: str) -> None:
    a = analyse(premise)
    found = [p for p in a.cast[1:] if said in " ".join(p.words)]
    assert found and found[0].role == "friend" and (rescuer is None or found[0].job == rescuer)
    assert a.job is None  # the rescuer's job is never the pet's


def test_by_the_passing_grandpa_is_one_clause() -> None:
    script = write_story("小狗掉进冰窟窿，被路过的老爷爷救了上来", None, "zh", 1).script
    told = "".join(s.narration for s in script.scenes)
    assert "被路过的老爷爷" in told and "被路过。" not in told


def test_before_the_fisherman_pulls_it_out_the_puppy_is_in_the_ice_hole() -> None:
    drawn = drawn_scenes("a puppy falls through the ice on a frozen lake and is pulled out by a fisherman", 1)
    before = [d for d in drawn if d and "pull from ice" not in d.values()]
    assert before and all(d == {"hero": "in ice hole"} for d in before)


@pytest.mark.parametrize("seed", [1, 5])
def test_the_fire_years_later_is_at_the_farm_and_burns_where_he_is_carried_out(seed: int) -> None:
    """The cry, the one trapped and the run into the smoke are at the barn's farm (the old code drew them at the
    river of years before, in its rain), and the carry out of the burning barn has its fire."""
    scenes = write_story(HUSKY, None, "en", seed).script.scenes
    fire = [s for s in scenes if "fire" in s.props]
    assert fire and all(s.location == "farm" for s in fire)
    carry = next(s for s in scenes if "carries" in s.narration)
    assert carry.location == "farm" and "fire" in carry.props


def test_the_flooded_river_is_drawn_as_a_river_and_the_ice_hole_on_a_frozen_lake() -> None:
    """The old code drew the flooded river as a still lakeside with a jetty, and 冰窟窿 on a summer lake."""
    river = write_story(HUSKY, None, "en", 5).script
    drawn = [(s.location, f.kind if f else None) for s, f in zip(river.scenes, places_drawn(river), strict=True)]
    assert all(kind == "river" for loc, kind in drawn if loc == "lake") and any(loc == "lake" for loc, _ in drawn)
    ice = write_story("小狗掉进冰窟窿，被路过的老爷爷救了上来", None, "zh", 1).script
    assert {f.kind if f else None for f in places_drawn(ice)} == {"frozen lake"}
    drawn_ice = drawn_scenes("小狗掉进冰窟窿，被路过的老爷爷救了上来", 1)
    assert {"grandpa": "pull from ice", "hero": "in ice hole"} in drawn_ice
    assert drawn_ice[1] == {"hero": "in ice hole"}  # fallen in, before the grandpa comes by
