"""A clip a muted viewer can follow: no weather the premise never asked for, in a line or a picture (the arcs'
"the rain soaks every hair" in a story of none), and no scene drawn as the one before it. Real writer output."""

from __future__ import annotations

import pytest

from story.arcs import plan_story
from story.lexicon import lexicon
from story.premise import analyse


def _weathers(text: str, names: list[str]) -> list[str]:
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    return lexicon().keys(text, "weathers")


@pytest.mark.parametrize(("premise", "lang", "seeds"), [
    ("A pug runs away from home after being scolded, gets lost in the city, and his family finds him at night",
     "en", range(3)),  # lost_and_found's "the rain soaks every hair", "shivers under a bench in the rain"
    ("The poor ginger cat is bullied by a rich white Persian at school, studies hard, opens a big company and the "
     "Persian comes to beg for a job", "en", (2, 4)),
    # career_dream's "practised … a thousand times, in the rain and in the dark"
    ("小哈士奇跑出了家门，在公园里迷路了，一个好心的老奶奶把它送回了家", "zh", (0, 1)),  # 雨水浸透了…的毛
])
def test_an_arc_names_no_weather_in_a_story_of_none(premise: str, lang: str, seeds: range) -> None:
    for seed in seeds:
        plan = plan_story(analyse(premise), "corgi", lang, seed)
        names = [c.name for c in plan.cast]
        said = [(b.line, b.visual) for b in plan.beats if _weathers(f"{b.line} {b.visual}", names)]
        assert said == [], seed
