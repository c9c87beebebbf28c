"""A group outside the cast that reacts to the hero's deed ("the judges cry", "the whole audience stands up and
claps", 全场都惊呆了, 评委都哭了) is drawn as a crowd doing it (a crying, stunned or cheering crowd), while the hero
goes on with the deed they react to (singing, dancing, playing the piano); never the hero crying or staring in its
place, never a judge cast as one more pet. The painter draws a crying crowd as itself. Story tests read real writer
output (one script each); the painter test paints one small keyframe."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from story.clauses import clauses
from story.offline import Written, write_story
from story.premise import analyse
from story.script import Scene
from tests.test_staging import _scene, _still


@cache
def _written(premise: str) -> Written:
    return write_story(premise, None, "en" if premise.isascii() else "zh", 1)


def _told(premise: str, words: str) -> Scene:
    return next(s for s in _written(premise).script.scenes if words in s.narration)


@pytest.mark.parametrize(("premise", "words", "crowd", "deed"), [
    ("a shy corgi sings on a talent show and the judges cry", "judges cry", "crying crowd", "sing"),
    ("流浪猫参加歌唱比赛，全场都惊呆了", "全场都惊呆了", "stunned crowd", "sing"),
    ("胖橘猫在舞台上弹钢琴，评委都哭了", "评委都哭了", "crying crowd", "play"),
    ("a clumsy husky dances at the school show and the whole audience stands up and claps", "audience stands up",
     "cheering crowd", "dance"),
    ("a shiba sings at the concert and all the fans scream", "fans scream", "cheering crowd", "sing"),
    ("a poor ginger cat bakes a giant cake and everyone at the fair is amazed", "is amazed", "stunned crowd", "work"),
])
def test_the_crowd_reacts_and_the_hero_goes_on_with_its_deed(premise: str, words: str, crowd: str, deed: str) -> None:
    scene = _told(premise, words)
    hero = next(a for a in scene.characters if a.id == "hero")
    assert hero.action == deed, (hero.action, scene.narration)
    assert crowd in scene.props, scene.props
    assert "cheering crowd" not in scene.props or crowd == "cheering crowd", scene.props  # one crowd, its own


def test_a_reaction_names_no_thing_and_is_told_of_the_crowd() -> None:
    scene = _told("a tiny hamster lifts a huge weight and the crowd goes wild", "goes wild")
    assert scene.props == ["cheering crowd"], scene.props  # no "wild"
    assert not any("全场" in s.narration and not s.narration.startswith("全场") for s in
                   _written("流浪猫参加歌唱比赛，全场都惊呆了").script.scenes)  # never "花卷全场都惊呆了"


def test_judges_all_in_tears_are_no_pet_of_the_cast() -> None:
    assert [p.key for p in analyse("胖橘猫在舞台上弹钢琴，评委都哭了").cast] == ["hero"]


def test_a_clause_joined_to_the_crowds_by_and_is_still_theirs() -> None:
    said = clauses(analyse("a clumsy husky dances at the school show and the whole audience stands up and claps"))
    assert [c.outsider for c in said[1:]] == ["the whole audience", "the whole audience"], said
    kept = clauses(analyse("a food critic visits her cafe and she cooks her best dish"))
    assert kept[-1].actor == "hero"  # a pronoun of the cast is no crowd's


def test_a_crying_crowd_is_drawn_as_itself() -> None:
    cheering, _ = _still(_scene("stage", props=["cheering crowd"]))
    crying, report = _still(_scene("stage", props=["crying crowd"]))
    entry = report["drawn"]["props"][0]
    assert (entry["drawn"], entry.get("drawn_as")) == ("crowd", "crying crowd")
    assert np.abs(crying - cheering).mean() > 1  # faces in tears, not the audience's backs
