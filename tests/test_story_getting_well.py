"""A pet that falls ill and is cared for until it is well ("a little corgi falls ill and his best friend cat nurses him
back to health", 狗狗发高烧了，小猫整夜照顾它) is a getting-well story (kinds.json ``illness``, arc ``getting_well``):
the sick one drawn lying ill from the clause it falls ill in through the scenes of its care (the soup, the vet, the
night by its side), its care told before it is well, and no generic day ("Nori's Big Little Day", "Nobody Believed
in…", a lonely corner, owning up); a sick parent worked for, or a kindness repaid, stays another story."""

from __future__ import annotations

import pytest

from story.kinds import story_kind
from story.premise import analyse
from tests.test_staging_roles import _script

CARED = [
    "a little corgi falls ill and his best friend cat nurses him back to health",
    "my cat gets sick and the dog brings her soup every day until she is well",
    "the shiba breaks his leg and his friends visit him in the hospital every day",
    "小柯基生病了，橘猫每天去医院看他，直到他好起来",
    "老猫病倒了，小狗带它去看兽医，还给它熬汤",
]


@pytest.mark.parametrize("premise", [*CARED, "a puppy catches a cold and her mother takes care of her all night",
                                     "狗狗发高烧了，小猫整夜照顾它"])
def test_a_pet_falling_ill_and_cared_for_is_a_getting_well_story(premise: str) -> None:
    kind = story_kind(analyse(premise))
    assert (kind.id, kind.arc) == ("illness", "getting_well")


@pytest.mark.parametrize("premise", [
    "a kitten nurses a sick old dog, and years later the dog repays her kindness",  # a kindness repaid
    "the cat's mother falls ill and the cat works hard to pay the hospital bills",  # striving for the bills
    "the husky gets hurt saving a kitten from the river",  # a rescue
])
def test_an_illness_in_another_story_keeps_that_story(premise: str) -> None:
    assert story_kind(analyse(premise)).id != "illness"


@pytest.mark.parametrize("premise", CARED[1:])  # (the first one's care is its recovery: up beside its carer)
def test_the_sick_one_stays_in_bed_through_its_care_until_it_is_well(premise: str) -> None:
    script = _script(premise)
    poses = [next((a.action for a in s.characters if a.id == "hero"), None) for s in script.scenes]
    first = poses.index("sick")
    cared = [i for i, s in enumerate(script.scenes) if i > first and len(s.characters) > 1]
    assert cared and all(poses[i] == "sick" for i in cared[:1]), poses  # beside its carer, still lying ill
    assert "stand" not in poses[first:first + 3], poses
    assert not any(w in script.title for w in ("Big Little Day", "Nobody Believed", "惊喜", "新鲜事"))


def test_the_care_is_told_before_it_is_well_and_the_ending_is_glad() -> None:
    script = _script("a little corgi falls ill and his best friend cat nurses him back to health")
    told = [s.narration for s in script.scenes]
    ill = next(i for i, t in enumerate(told) if "falls ill" in t)
    soup = next(i for i, t in enumerate(told) if "spoonful" in t or "soup" in t)
    well = next(i for i, t in enumerate(told) if "back to health" in t)
    assert ill < soup < well, told
    assert script.scenes[-1].mood != "sad"


def test_a_getting_well_story_of_no_place_is_told_at_home() -> None:
    script = _script("my cat gets sick and the dog brings her soup every day until she is well")
    assert {s.location for s in script.scenes} == {"bedroom"}, [s.location for s in script.scenes]
