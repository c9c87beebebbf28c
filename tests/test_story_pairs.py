"""Two pets in one clause keep the clause's action, on the offline writer's real scripts: "two cats cook
dinner together" says both names and "cook" (the verb is no job after pets in the plural); 两只猫一起做饭
says 可乐和花卷一起做饭; 小白和小黑一起去钓鱼 casts 小黑; a clause that goes on 一起 after "A和B…" says both."""

from __future__ import annotations

import re

import pytest

from story.offline import write_story
from story.premise import analyse
from story.script import Script


def premise_line(script: Script, verb: str) -> str:
    return next(t for s in script.scenes for _, t in s.spoken() if verb in t)


@pytest.mark.parametrize(("premise", "verb"), [
    ("two cats cook dinner together", "cook dinner together"),
    ("two dogs go fishing at the lake", "go fishing at the lake"),
    ("two lonely cats become best friends at the animal shelter", "become best friends"),
    ("两只猫一起做饭", "一起做饭"),
    ("两只狗一起去公园散步", "一起去公园散步"),
    ("小白和小黑一起去钓鱼", "一起去钓鱼"),
    ("豆豆和小白是好朋友，一起在公园玩", "一起在公园玩"),
])
def test_two_pets_keep_their_action_and_both_names(premise: str, verb: str) -> None:
    analysis = analyse(premise)
    for seed in range(3):
        script = write_story(premise, None, analysis.language, seed).script
        assert len(script.characters) == 2, (seed, script.characters)
        a, b = (c.name for c in script.characters)
        line = premise_line(script, verb)
        joined = re.escape(a) + ("和" if analysis.language == "zh" else " and ") + re.escape(b)
        assert re.search(joined, line), (seed, line)
        assert not re.search(r"\b(cat|dog)s (wakes|eats|is|has)\b", " ".join(
            t for s in script.scenes for _, t in s.spoken())), seed  # one of two is told in the singular


def test_a_cat_cook_is_still_a_cook() -> None:
    assert analyse("a ginger cat cook is laughed at by the rich cats").hero.job_words == "cook"
    assert analyse("two cats cook dinner together").hero.job_words == ""


def test_a_pair_described_before_it_is_named_where_it_is() -> None:
    """分别多年的两只猫终于重逢了: what describes the two cats comes first, then their names, then what they do;
    no name is said before the description and again after it."""
    for seed in range(3):
        script = write_story("分别多年的两只猫终于重逢了", None, "zh", seed).script
        a, b = (c.name for c in script.characters)
        line = premise_line(script, "重逢了")
        assert re.search(rf"分别多年的两只猫{a}和{b}终于重逢了", line), (seed, line)
