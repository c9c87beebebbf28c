"""A premise that names its hero only inside a "who" clause of mocking ("everyone who laughed at the greyhound is
speechless when he wins the race", 那些笑话柯基腿短的狗狗们，看到它拿了跑步冠军都傻眼了): the mocking is seen
first, the mockers laughing at the hero (never the hero laughing), the deed the "when" clause tells after it, and the
same many stunned at the end. Story tests read real writer output (one script each) or the premise's retelling."""

from __future__ import annotations

from functools import cache

import pytest

from story.offline import write_story
from story.premise import analyse
from story.retold import in_order
from story.script import Script

_JEERS = {"laugh", "sneer", "point"}


@cache
def _script(premise: str) -> Script:
    return write_story(premise, None, "en" if premise.isascii() else "zh", 1).script


@pytest.mark.parametrize(("premise", "retold"), [
    ("everyone who laughed at the greyhound is speechless when he wins the race",
     "everyone laughed at the greyhound, but he wins the race, and everyone is speechless"),
    ("those who called the pug lazy are shocked when he becomes a firefighter",
     "everyone called the pug lazy, but he becomes a firefighter, and everyone is shocked"),
    ("the dogs who made fun of the tiny chihuahua can't believe it when she wins the dog show",
     "the dogs made fun of the tiny chihuahua, but she wins the dog show, and the dogs can't believe it"),
    ("那些笑话柯基腿短的狗狗们，看到它拿了跑步冠军都傻眼了", "狗狗们笑话柯基腿短，后来它拿了跑步冠军，那些狗狗都傻眼了"),
    ("曾经看不起穷猫的亲戚们，在它开着豪车回村时都惊呆了", "亲戚们曾经看不起穷猫，后来它开着豪车回村，亲戚们都惊呆了"),
])
def test_the_mocking_is_told_first_then_the_deed_then_the_shock(premise: str, retold: str) -> None:
    assert in_order(premise) == retold


@pytest.mark.parametrize("premise", [
    "the fox who mocked her comes to eat at her restaurant",  # no shock: the who clause only says who it is
    "everyone who laughed at him is speechless when he wins",  # the hero is named elsewhere, not in the who clause
    "the boy who found him takes him home",
    "当初嘲笑小橘猫的同学们都惊呆了",  # no deed between: read as it is
])
def test_other_who_clauses_are_read_as_they_are(premise: str) -> None:
    assert in_order(premise) == premise


@pytest.mark.parametrize(("premise", "deed"), [
    ("everyone who laughed at the greyhound is speechless when he wins the race", "wins the race"),
    ("the neighbours who laughed at the old dog's garden are amazed when it wins first prize", "wins first prize"),
    ("all the cats who mocked the fat orange cat are stunned when he becomes a model", "becomes a model"),
    ("那些笑话柯基腿短的狗狗们，看到它拿了跑步冠军都傻眼了", "拿了跑步冠军"),
    ("曾经看不起穷猫的亲戚们，在它开着豪车回村时都惊呆了", "开着豪车回村"),
])
def test_the_mocking_is_seen_before_the_deed_and_the_same_crowd_stunned_at_the_end(premise: str, deed: str) -> None:
    scenes = _script(premise).scenes
    told = next(k for k, s in enumerate(scenes) if deed in s.narration)
    before = scenes[:told]
    assert any(p.startswith("laughing crowd") for s in before for p in s.props) or any(
        a.action in _JEERS and a.target == "hero" for s in before for a in s.characters), [s.props for s in before]
    assert all(a.action not in _JEERS for s in scenes for a in s.characters if a.id == "hero"), \
        [[(a.id, a.action) for a in s.characters] for s in scenes]  # the hero is laughed at, never laughing
    assert any(p.startswith("stunned crowd") for p in scenes[-1].props), scenes[-1].props


@pytest.mark.parametrize("premise", [
    "the dogs who made fun of the tiny chihuahua can't believe it when she wins the dog show",
    "那些笑话柯基腿短的狗狗们，看到它拿了跑步冠军都傻眼了",
])
def test_the_group_told_again_is_the_same_group_and_the_hero_no_name_of_a_label(premise: str) -> None:
    cast = analyse(premise).cast
    assert cast[0].name is None and len(cast) == 3, [(p.key, p.side, p.name) for p in cast]  # 腿短 names nobody
    assert all(p.side == "villain" and p.does_wrong for p in cast[1:]), [(p.key, p.side) for p in cast]
    shocked = [s for s in _script(premise).scenes if any(a.action == "shocked" and a.id != "hero"
                                                           for a in s.characters)]
    assert shocked, "the mockers are never seen stunned"
