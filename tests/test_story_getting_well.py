"""A pet that falls ill and is cared for until it is well ("a little corgi falls ill and his best friend cat nurses him
back to health", 狗狗发高烧了，小猫整夜照顾它) is a getting-well story (kinds.json ``illness``, arc ``getting_well``):
the sick one drawn lying ill from the clause it falls ill in through the scenes of its care (the soup, the vet, the
night by its side), its care told before it is well, and no generic day ("Nori's Big Little Day", "Nobody Believed
in…", a lonely corner, owning up); a sick parent worked for, or a kindness repaid, stays another story."""

from __future__ import annotations

import pytest

from story.kinds import story_kind
from story.premise import analyse
from story.script import Script
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


LOOKED_AFTER = [
    "my old cat catches a cold and the puppy looks after her every day until she gets better",
    "the husky gets sick and his kitten friend takes care of him until he is well again",
    "a little corgi falls ill and the white cat nurses him back to health",
    "小黑猫病倒了，哈士奇天天照顾它，它终于好起来了",
]


@pytest.fixture(scope="module")
def looked_after() -> dict[str, Script]:
    return {p: _script(p) for p in LOOKED_AFTER}


def _poses(script: Script) -> list[dict[str, str]]:
    return [{a.id: a.action for a in s.characters} for s in script.scenes]


@pytest.mark.parametrize("premise", LOOKED_AFTER)
def test_the_carer_does_the_care_in_every_scene_of_it(premise: str, looked_after: dict[str, Script]) -> None:
    """From the carer's first scene beside the sick one until it is well, the carer is on screen caring for it (the
    soup handed over, a paw on it at night), never standing by: "looks after her every day" was drawn 'stand' and
    the soup by the bed had no one to bring it."""
    script = looked_after[premise]
    carer = next(c.id for c in script.characters if c.id != "hero")
    poses = _poses(script)
    fell = next(i for i, q in enumerate(poses) if q.get("hero") == "sick")
    care = []
    for q in poses[fell + 1:]:
        if q.get("hero") != "sick":
            break
        care.append(q)
    come = next(i for i, q in enumerate(care) if carer in q)
    assert len(care) - come >= 2, poses
    assert all(q.get(carer) in {"give", "hug", "treat"} for q in care[come:]), poses
    gives = [a for s in script.scenes for a in s.characters if a.id == carer and a.action == "give"]
    assert gives and all(a.target == "hero" for a in gives), gives


@pytest.mark.parametrize("premise", LOOKED_AFTER)
def test_once_well_the_two_are_together_at_the_end(premise: str, looked_after: dict[str, Script]) -> None:
    """The recovery is the two of them: the last scene shows the patient and its carer up together (a hug, a walk),
    not the patient alone talking."""
    script = looked_after[premise]
    carer = next(c.id for c in script.characters if c.id != "hero")
    together = {"hug", "walk", "play", "run", "dance", "celebrate"}
    last = _poses(script)[-1]
    assert last.get("hero") in together and last.get(carer) in together, last
    assert any(q.get("hero") == "hug" and q.get(carer) == "hug" for q in _poses(script)), _poses(script)


def test_being_ill_is_no_prop(looked_after: dict[str, Script]) -> None:
    """'falls ill', 'gets sick' name no thing to draw (the scene listed the prop 'ill')."""
    props = {p.lower() for s in looked_after[LOOKED_AFTER[2]].scenes for p in s.props}
    assert not props & {"ill", "sick"}, props
    assert not {p.lower() for s in _script("the pug gets sick and her brother looks after her").scenes
                for p in s.props} & {"ill", "sick"}


@pytest.mark.parametrize("premise", ["the old dog looks after a lost kitten", "the big cat takes care of a lonely puppy"])
def test_looking_after_someone_is_drawn_as_care(premise: str) -> None:
    """"looks after", "takes care of" (spine.json verb_actions, two words) are drawn as care handed over, not 'stand'."""
    script = _script(premise)
    assert any(a.id == "hero" and a.action == "give" and a.target for s in script.scenes for a in s.characters), \
        _poses(script)


@pytest.mark.parametrize("premise", ["a little corgi falls ill and the white cat nurses him back to health",
                                     "the old cat gets sick and the beagle nurses her every day"])
def test_nursing_someone_is_no_nurses_job(premise: str) -> None:
    """"nurses him" is a deed done to someone: the hero gets no doctor's job (the recovered corgi walked in a white
    coat); "a golden retriever nurse" keeps hers."""
    assert analyse(premise).job is None
    assert analyse("a golden retriever nurse saves a kitten").job == "doctor"


@pytest.mark.parametrize("premise", ["护士猫在医院照顾受伤的小狗", "护士猫每天照顾生病的老狗，老狗康复后送了她一束花"])
def test_a_hero_caring_for_one_ill_named_by_de_is_no_getting_well_story(premise: str) -> None:
    # 受伤的小狗 / 生病的老狗: the ill one is another pet, named by 的; the hero is the carer, never the patient
    assert story_kind(analyse(premise)).id != "illness"


@pytest.mark.parametrize("premise", ["a sick kitten lies in bed and her brother makes her soup",
                                     "my cat gets sick and the dog brings her soup every day until she is well"])
@pytest.mark.parametrize("seed", [1, 2])
def test_a_pet_that_says_it_is_well_is_not_drawn_lying_ill(premise: str, seed: int) -> None:
    """The scene whose words tell it well again ("I can stand!", the kind's closing words) and every scene after draw
    the pet up and about, never still lying in bed saying it."""
    script = _script(premise, seed)
    kind = story_kind(analyse(premise))
    well = next((i for i, s in enumerate(script.scenes)
                 if kind.closes(" ".join([s.narration, *(d.text for d in s.dialogue)]))), None)
    assert well is not None
    lying = [i for i, s in enumerate(script.scenes) if i >= well
             and any(c.id == "hero" and c.action == "sick" for c in s.characters)]
    assert lying == [], [(s.narration[:40], [(c.id, c.action) for c in s.characters]) for s in script.scenes]
