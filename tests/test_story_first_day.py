"""A little pet's first day at kindergarten or school ("a nervous puppy's first day at a new school", 小猫第一天上幼儿园)
is its own story (kinds.json ``first_day``, arc ``first_day``): the parent waving goodbye at the gate, the hero crying
alone in the classroom, a classmate sharing a toy, playing together, the hug at pickup; the parent and the new friend
are cast when the premise names none, and a classmate the premise names is that friend (no second one invented)."""

from __future__ import annotations

import pytest

from story.kinds import story_kind
from story.offline import write_story
from story.premise import analyse
from tests.test_staging_roles import _script


@pytest.mark.parametrize("premise", [
    "a nervous puppy's first day at a new school",
    "a little shiba starts kindergarten and is afraid, until a kind classmate shares her crayons",
    "小猫第一天上幼儿园，妈妈走了它哭了，后来交到了好朋友",
    "小柴犬上学第一天很害怕，同桌的小猫和它成了好朋友，放学时开开心心地扑向妈妈",
])
def test_a_first_day_at_school_is_its_own_story(premise: str) -> None:
    kind = story_kind(analyse(premise))
    assert (kind.id, kind.arc) == ("first_day", "first_day")


@pytest.mark.parametrize("premise", [
    "on her first day of school the rich cats mock the poor kitten",  # an underdog's story
    "the puppy is nervous before his first day at school exam",  # an exam
    "a kitten's first day at work in a cafe",  # a job
])
def test_other_first_days_keep_their_story(premise: str) -> None:
    assert story_kind(analyse(premise)).id != "first_day"


def test_the_first_day_goes_from_the_gate_to_the_pickup_hug() -> None:
    written = write_story("a nervous puppy's first day at a new school", None, "en", 1)
    script = written.script
    by_name = {m.name: m.role for m in written.plan.cast}
    roles = {c.id: by_name[c.name] for c in script.characters}
    acts = [{(roles[a.id], a.action) for a in s.characters} for s in script.scenes]
    wave = next(i for i, a in enumerate(acts) if ("family", "wave") in a)  # goodbye at the gate
    cry = next(i for i, a in enumerate(acts) if ("hero", "cry") in a)  # alone in the classroom
    share = next(i for i, a in enumerate(acts) if any(r not in ("hero", "family") and x == "give" for r, x in a))
    hug = next(i for i, a in enumerate(acts) if ("hero", "hug") in a and any(r == "family" for r, _ in a))
    assert wave < cry < share < hug, acts
    assert all(r != "family" for r, _ in acts[cry]) and all(s.location == "school" for s in script.scenes[:hug + 1])


def test_a_classmate_named_is_the_new_friend() -> None:
    script = _script("小柴犬上学第一天很害怕，同桌的小猫和它成了好朋友，放学时开开心心地扑向妈妈")
    assert len(script.characters) == 3, [c.name for c in script.characters]  # the hero, the classmate, its mother
