"""A rescue whose hero is then honoured by a place ("saves a drowning boy and becomes the town hero", "the hero of
the village", 成了全村的英雄) is a rescue: the place named only as whose hero it becomes is no town saved (kinds.json
``rescue``'s ``unless.honour``), and it is told with none of the effort filler of a striving story. A delivery
rider saving for college tuition (小狗送外卖攒大学学费, 攒钱交学费) is saving up, told with its saving and the
college it pays for, never an exam day nor a calm day of little wonders. Checked on the offline writer's real scripts."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse

# the effort filler of a striving story (bench/story_eval.py EFFORT, the part a rescue could be given)
EFFORT = ("works hard", "keeps at it", "tried so hard", "keeps going", "night after night", "months pass",
          "tries again, and again", "every day, a little better", "努力", "拼命", "一遍又一遍", "几个月过去了")


@pytest.mark.parametrize("premise", [
    "a cat saves a drowning boy and becomes the town hero",
    "a shiba saves a drowning girl and becomes the hero of the village",
    "a corgi pulls a kitten out of the river and becomes the whole town's hero",
    "小狗救了落水的小男孩，成了全村的英雄",
])
def test_a_rescue_honoured_by_a_place_is_a_rescue_without_effort(premise: str) -> None:
    lang = analyse(premise).language
    for seed in range(3):
        written = write_story(premise, None, lang, seed)
        assert written.arc == "rescue", (seed, written.arc)
        lines = [t for s in written.script.scenes for _, t in s.spoken()]
        filler = [t for t in lines for w in EFFORT if w in t.lower()]
        assert not filler, (seed, filler)


@pytest.mark.parametrize("premise", ["a brave dog saves the town from a flood", "小狗救了全村"])
def test_a_place_saved_is_still_no_single_rescue(premise: str) -> None:
    lang = analyse(premise).language
    assert write_story(premise, None, lang, 1).arc != "rescue"


@pytest.mark.parametrize("premise", ["小狗送外卖攒大学学费", "小猫每天送外卖，攒钱交学费"])
def test_delivering_to_save_for_tuition_is_saving_up(premise: str) -> None:
    for seed in range(3):
        written = write_story(premise, None, "zh", seed)
        assert written.arc == "saving_up", (seed, written.arc)
        lines = [t for s in written.script.scenes for _, t in s.spoken()]
        assert not [t for t in lines if "考试" in t or "考场" in t], seed
        assert written.script.scenes[-1].location != "shop", seed  # tuition is not paid at a mall counter
