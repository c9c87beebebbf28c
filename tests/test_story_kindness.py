"""Helpers and the helped are told as what they are (story/data/kinds.json; arcs taken_in, kindness_repaid,
helping_paw): an adoption as an adoption, a kindness repaid (报恩) as one, a pet helping another as a helping
paw; none of them gets the rescue arc's invented cry for help and peril, nor a glow-up's mirror. The rescue
arc keeps the premises that name a rescue or a danger. Checked on the offline writer's real scripts."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse
from tests.spoken import said, spoken

# what the rescue arc and a glow-up invent, which none of these premises says
INVENTED = ("cry for help", "help!", "somebody is in trouble", "stuck", "slippery", "one wrong step", "mirror",
            "not for them", "呼救", "救命", "遇到危险", "被困", "深不见底", "镜子", "不是为了他们")


@pytest.mark.parametrize(("premise", "arc"), [
    ("a kind family adopts a shy stray kitten", "taken_in"),
    ("a lonely old dog is adopted by a little girl", "taken_in"),
    ("金毛收养了一只受伤的小猫", "taken_in"),
    ("一窝小猫在雨中流浪，被好心的面包师收养", "taken_in"),
    ("被救的小狗长大后回来报恩", "kindness_repaid"),
    ("小猫报恩，给救过它的老奶奶送鱼", "kindness_repaid"),
    ("a stray dog repays the old cat who fed him every winter", "kindness_repaid"),
    ("黑猫帮白猫考过了期末考试", "helping_paw"),
    ("a husky helps a blind old dog cross the road every morning", "helping_paw"),
    ("小狗帮瞎眼的老狗过马路", "helping_paw"),
])
def test_helpers_and_the_helped_are_told_as_what_they_are(premise: str, arc: str) -> None:
    lang = analyse(premise).language
    for seed in range(3):
        written = write_story(premise, None, lang, seed)
        assert written.arc == arc, (seed, written.arc)
        lines = spoken(written.script)
        invented = [t for t in lines for w in INVENTED if said(w, t.lower()) and not said(w, premise.lower())]
        assert not invented, (seed, invented)


@pytest.mark.parametrize("premise", [
    "a brave corgi rescues a kitten stuck in a tree",
    "流浪猫在大雪里救了一只小狗",
    "勇敢的柯基从洪水里救出了一只小猫",
])
def test_a_rescue_or_a_danger_keeps_the_rescue_arc(premise: str) -> None:
    assert write_story(premise, None, analyse(premise).language, 0).arc == "rescue"
