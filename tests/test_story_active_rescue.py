"""A pet trapped or stuck somewhere and rescued by one named after it in an active clause ("a cat is trapped in a
tree and the firemen rescue her", "a puppy falls into a well and a firefighter pulls him out", 小猫被困在树上，消防员把
它救了下来): the rescuer is cast in its own job and told hearing the cry and going in, the pet drawn up the tree (a
danger of its own: on the trunk, crying) and the rescuer up its ladder reaching it; "and the firemen finally rescue
her" is one clause; "a sound carries on the wind" tells no rescue. All failed on the old code: only the cat cast, told
as the rescuer ("Nori the firemen rescue her"), drawn standing in a plain park."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.dangers import danger_of, hero_rescuers, tells_rescue, trapped_in
from story.offline import write_story
from story.premise import analyse
from tests.rescues import drawn_scenes

TREE = [
    "a cat is trapped in a tree and the firemen rescue her",
    "a cat is trapped in a tree and a firefighter rescues her",
    "a cat is stuck in a tree and firefighters save her",
    "a kitten is stuck up a tree and the firemen get her down",
    "a tabby cat is trapped in a tall tree for two days and the firemen finally rescue her",
    "小猫被困在树上，消防员把它救了下来",
]



@pytest.mark.parametrize("premise", [*TREE, "a puppy falls into a well and a firefighter pulls him out",
                                     "小狗掉进了井里，消防员叔叔把它救了上来",
                                     "a dog falls into a frozen lake and a fisherman saves him"])
def test_the_rescuer_named_after_the_pet_is_cast_in_its_job_and_rescues_it(premise: str) -> None:
    cast = analyse(premise).cast
    many = any(w in premise for w in ("firemen", "firefighters"))  # a group of rescuers: two of them, one mention
    assert len(cast) == (3 if many else 2)
    assert all(p.role == "friend" and p.job in ("firefighter", "fisherman") for p in cast[1:])
    assert hero_rescuers(premise) == (cast[1].key,)


@pytest.mark.parametrize("premise", TREE)
def test_the_pet_is_drawn_up_the_tree_and_the_rescuer_up_its_ladder(premise: str) -> None:
    assert trapped_in(premise) == "tree"
    drawn = [d for d in drawn_scenes(premise, 1) if d]
    assert {"hero": "in tree"} in drawn
    assert {"firefighter": "climb to tree", "hero": "in tree"} in drawn


def test_the_rescue_is_told_the_right_way_round() -> None:
    script = write_story(TREE[0], None, "en", 1).script
    said = " ".join(s.narration for s in script.scenes)
    name = script.characters[0].name
    assert f"{name} the firemen" not in said and f"{name} rescue her" not in said
    assert script.characters[1].id == "firefighter"
    assert f"One leap, one scramble, and {name}" not in said  # the cat is no climber here


def test_then_and_a_pronoun_keep_the_deed_with_its_doers() -> None:
    said = [(c.actor, c.obj, c.text) for c in clauses(analyse(TREE[4]))]
    assert said[-1] == ("firefighter", "hero", "the firemen finally rescue her")


def test_the_tree_is_a_danger_only_where_one_is_up_it() -> None:
    assert danger_of("is stuck up a tree") == "tree" and danger_of("树上") == "tree"
    assert danger_of("draws a family tree") is None and danger_of("decorates the christmas tree") is None
    assert danger_of("lives in a tree house") is None
    assert tells_rescue("the firemen get her down") and not tells_rescue("a sound carries on the wind")
