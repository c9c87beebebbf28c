"""A pet carrying one who cannot walk to the hospital or the vet ("a golden retriever carries his sick grandma to
the hospital", "a brave dog carries the old man to hospital", 小狗背着生病的奶奶去医院) is told as that journey (kinds.json
``carried_to_care``, arc ``carry_to_care``): the fall or the fever at home first, the long road, the doors, the
night by the bed, the morning smile; never a family's milestones ("Look at you!", "nobody has ever been prouder")
nor a calm day of little wonders ("wakes up, stretches"). A piggyback ride stays a family bond, a carry out of a
fire a rescue. Checked on the offline writer's real scripts."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse

MILESTONES = ("look at you", "prouder", "are you watching", "did you see", "when did you get so big",
              "every little step", "seasons turn", "stretches", "yawn", "what's that?", "small, happy things",
              "看看你", "骄傲", "你看到了吗", "季节一个接一个", "小小的脚印", "懒腰", "哈欠")


@pytest.mark.parametrize("premise", [
    "a golden retriever carries his sick grandma to the hospital",
    "a brave dog carries the old man to hospital",
    "a corgi carries her injured puppy to the vet",
    "小狗背着生病的奶奶去医院",
])
def test_a_carry_to_care_is_that_journey(premise: str) -> None:
    lang = analyse(premise).language
    for seed in range(3):
        written = write_story(premise, None, lang, seed)
        assert written.arc == "carry_to_care", (seed, written.arc)
        lines = [t for s in written.script.scenes for _, t in s.spoken()]
        assert not [t for t in lines for w in MILESTONES if w in t.lower()], seed
        narration = [s.narration for s in written.script.scenes]
        carried = next(i for i, n in enumerate(narration) if "carries" in n or "背着" in n)
        fell = [i for i, n in enumerate(narration) if "cannot get up" in n or "fever" in n or "站不起来" in n]
        assert all(i < carried for i in fell), (seed, narration)


@pytest.mark.parametrize(("premise", "arc"), [
    ("a husky gives her old grandpa a piggyback ride", "family_bond"),
    ("a firefighter dog carries a kitten out of the burning house to the hospital", "rescue"),
])
def test_other_carries_keep_their_stories(premise: str, arc: str) -> None:
    assert write_story(premise, None, "en", 1).arc == arc
