"""The many who mocked the hero off screen ("everyone laughed at", "the whole village", 亲戚, 全村人) seen at the
end, stunned, as a crowd the painter draws with wide eyes and open mouths. Story tests read real writer
output; the painter test paints one small keyframe."""

from __future__ import annotations

import numpy as np
import pytest

from story.mockers import mocked_by_many
from story.offline import write_story
from story.premise import analyse
from tests.test_staging import _scene, _still


@pytest.mark.parametrize(("premise", "lang"), [
    ("Everyone laughed at the scruffy dog's dream of becoming a chef; now he runs the best restaurant in town.", "en"),
    ("The whole village mocked the poor cat, but she became a famous singer.", "en"),
    ("亲戚们都看不起穷橘猫,后来它当上了大老板。", "zh"),
    ("全村人都嘲笑小黑狗,最后它成了冠军。", "zh"),
])
def test_a_group_that_mocked_the_hero_is_shown_stunned_at_the_end(premise: str, lang: str) -> None:
    scenes = write_story(premise, None, lang, 1).script.scenes
    assert "stunned crowd" in scenes[-1].props and "cheering crowd" not in scenes[-1].props
    assert not any("stunned crowd" in s.props for s in scenes[:-1])


def test_one_mocker_on_screen_is_no_group() -> None:
    assert not mocked_by_many(analyse("a poor ginger cat is mocked by a rich white cat and gets rich"))
    assert not mocked_by_many(analyse("everyone loves the little corgi who sells flowers"))  # no mocking


@pytest.mark.parametrize("location", ["street", "stage"])
def test_the_stunned_crowd_is_drawn_as_itself_wherever_it_stands(location: str) -> None:
    cheering, _ = _still(_scene(location, props=["cheering crowd"]))
    stunned, report = _still(_scene(location, props=["stunned crowd"]))
    entry = report["drawn"]["props"][0]
    assert (entry["drawn"], entry.get("drawn_as")) == ("crowd", "stunned crowd")
    assert np.abs(stunned - cheering).mean() > 1  # its own drawing, not the place's crowd
