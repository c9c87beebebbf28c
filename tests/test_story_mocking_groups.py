"""A group of the hero's own kind that mocks it ("the other hamsters laugh at him", "all the rabbits in the village",
其他仓鼠, 村里的兔子们, 同学们) is cast as a group of that kind on the rival's side, never merged into the hero nor cut
to one pet; on screen its members laugh at the hero together, before a laughing crowd of their own animals, and a
stunned crowd of them sees the ending. The painter draws a crowd as the animals its words name, laughing faces for
a laughing crowd. Story tests read real writer output (one script each); painter tests paint one small keyframe."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter.vocabulary import crowd_kind, match_prop
from story.offline import write_story
from story.premise import analyse
from tests.test_staging import _scene, _still


@pytest.mark.parametrize(("premise", "hero_words", "group"), [
    ("a tiny hamster lifts weights every day and the other hamsters laugh at him at the gym", "tiny hamster",
     "hamster"),
    ("all the rabbits in the village laugh at a rabbit who wants to be a singer", "rabbit", "rabbit"),
    ("a chubby corgi is laughed at by the other corgis for being slow, then wins the agility contest",
     "chubby corgi", "corgi"),
    ("the other pigs laugh at a little pig who wants to fly a plane", "little pig", "pig"),
    ("小仓鼠每天在健身房举重，其他仓鼠都笑话它", "小仓鼠", "hamster"),
    ("小兔子想当歌手，村里的兔子们都笑它", "小兔子", "rabbit"),
])
def test_a_group_of_the_heros_kind_is_cast_as_a_group_of_mockers(premise: str, hero_words: str, group: str) -> None:
    cast = analyse(premise).cast
    assert cast[0].words == (hero_words,) and cast[0].side == "hero", [(p.key, p.words) for p in cast]
    mockers = [p for p in cast[1:] if p.breed == group]
    assert len(mockers) >= 2 and all(p.side == "villain" and p.does_wrong for p in mockers), \
        [(p.key, p.breed, p.side) for p in cast]


def test_classmates_said_as_a_group_are_cast_as_a_group() -> None:
    cast = analyse("橘猫考试不及格，同学们都笑它，后来它考上了清华").cast
    classmates = [p for p in cast if p.relation == "classmate"]
    assert len(classmates) == 2 and all(p.side == "villain" for p in classmates), [(p.key, p.side) for p in cast]


def test_a_where_phrase_before_the_group_leaves_it_the_subject() -> None:
    from story.clauses import clauses
    said = clauses(analyse("小柯基个子矮，公园里的大狗们都嘲笑它，后来它赢得了比赛"))
    mocking = next(c for c in said if "mock" in c.events)
    assert mocking.actor == "rival", mocking


@pytest.mark.parametrize(("premise", "lang", "noun"), [
    ("a tiny hamster lifts weights every day and the other hamsters laugh at him at the gym", "en", "hamsters"),
    ("a poor golden retriever and his best friend husky start a food truck and the other dogs laugh at them", "en",
     "huskies"),
    ("橘猫考试不及格，同学们都笑它，后来它考上了清华", "zh", "huskies"),
    ("小兔子想当歌手，村里的兔子们都笑它", "zh", "rabbits"),
])
def test_the_group_laughs_together_before_its_own_crowd_and_is_stunned_at_the_end(premise: str, lang: str,
                                                                                  noun: str) -> None:
    script = write_story(premise, None, lang, 1).script
    kinds = {c.id: c.species for c in script.characters}
    mocking = next(s for s in script.scenes
                   if sum(a.action in ("laugh", "sneer", "point") and a.target == "hero" for a in s.characters) >= 2)
    assert f"laughing crowd of {noun}" in mocking.props, mocking.props
    jeering = [a.id for a in mocking.characters if a.target == "hero"]
    assert len({kinds[i] for i in jeering}) == 1  # one group, one kind
    assert f"stunned crowd of {noun}" in script.scenes[-1].props, script.scenes[-1].props
    assert not any("cheering crowd" in s.props and any(p.startswith("laughing crowd") for p in s.props)
                   for s in script.scenes)


def test_one_mocker_brings_no_crowd() -> None:
    script = write_story("a poor ginger cat is mocked by a rich white cat and gets rich", None, "en", 1).script
    assert not any(p.startswith(("laughing crowd of", "stunned crowd of")) for s in script.scenes for p in s.props)


@pytest.mark.parametrize(("asked", "kind"), [
    ("laughing crowd of hamsters", "hamster"), ("stunned crowd of rabbits", "rabbit"), ("laughing crowd of pigs", "pig"),
    ("stunned crowd of foxes", "fox"),
    ("laughing crowd of huskies", "dog"), ("stunned crowd of chihuahuas", "dog"), ("laughing crowd of tabbies", "cat"),
    ("laughing crowd of persians", "cat"), ("laughing crowd", ""), ("cheering crowd", ""),
])
def test_a_crowds_words_say_its_animals(asked: str, kind: str) -> None:
    assert match_prop(asked).drawn == "crowd"
    assert crowd_kind(asked) == kind


def test_a_laughing_crowd_is_drawn_laughing_as_its_own_animals() -> None:
    hamsters, report = _still(_scene("park", props=["laughing crowd of hamsters"]))
    entry = report["drawn"]["props"][0]
    assert (entry["drawn"], entry.get("drawn_as"), entry.get("laughing")) == ("crowd", "laughing crowd", True)
    dogs, _ = _still(_scene("park", props=["laughing crowd of dogs"]))
    onlookers, _ = _still(_scene("park", props=["crowd"]))
    assert np.abs(hamsters - dogs).mean() > 0.3  # round ears and cheeks, not floppy ears and muzzles
    assert np.abs(hamsters - onlookers).mean() > 0.3  # laughing faces, not phones held up
    stage, report = _still(_scene("stage", props=["laughing crowd of dogs"]))
    assert report["drawn"]["props"][0].get("drawn_as") == "laughing crowd"  # faces shown, never an audience's backs
