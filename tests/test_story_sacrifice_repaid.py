"""A parent's sacrifice for its young, then the young one's repayment ("a mother cat works nights to send her kitten
to school, and the kitten grows up and buys her a house", 猫妈妈每天打三份工供小猫上学，小猫长大后报答她) is told as
that (kinds.json ``sacrifice_repaid``, arc ``sacrifice_repaid``: a parent's sacrifice told for its kind): never as a plain family bond nor as a stranger's
kindness repaid; the young one in 供小猫上学 is the parent's own (cast as family, one pet when said again), and
打三份工 is work, never a fight. Checked on the offline writer's real scripts."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse

SACRIFICE_REPAID = [
    "a mother cat works nights to send her kitten to school, and the kitten grows up and buys her a house",
    "a father dog works three jobs so his puppy can go to college, years later the puppy repays him",
    "an old mama cat sells fish every day to pay for her son's school, and when he grows up he takes care of her",
    "猫妈妈每天打三份工供小猫上学，小猫长大后报答她",
    "狗爸爸省吃俭用供儿子读大学，儿子长大后给爸爸买了房子",
]


@pytest.mark.parametrize("premise", SACRIFICE_REPAID)
def test_a_sacrifice_then_repayment_is_told_as_one(premise: str) -> None:
    lang = analyse(premise).language
    for seed in range(3):
        assert write_story(premise, None, lang, seed).arc == "sacrifice_repaid", seed


@pytest.mark.parametrize(("premise", "arc"), [
    ("a mother cat raises her kittens alone", "family_bond"),
    ("被救的小狗长大后回来报恩", "kindness_repaid"),
    ("a stray dog repays the old cat who fed him every winter", "kindness_repaid"),
])
def test_no_sacrifice_named_keeps_its_own_arc(premise: str, arc: str) -> None:
    lang = analyse(premise).language
    assert write_story(premise, None, lang, 1).arc == arc


@pytest.mark.parametrize("premise", ["猫妈妈每天打三份工供小猫上学，小猫长大后报答她", "狗爸爸打两份工供小狗读书"])
def test_the_young_kept_at_school_is_the_parents_own(premise: str) -> None:
    a = analyse(premise)
    young = [p for p in a.cast[1:] if p.words and p.words[0] in {"小猫", "小狗"}]
    assert len(young) == 1, [(p.key, p.words) for p in a.cast]
    assert young[0].relation == "kittens" and young[0].of == a.hero.key and young[0].side == "hero"


def test_working_three_jobs_is_drawn_as_work_not_a_fight() -> None:
    premise = "猫妈妈每天打三份工供小猫上学，小猫长大后报答她"
    for seed in range(3):
        script = write_story(premise, None, "zh", seed).script
        hero = script.characters[0].id
        actions = [c.action for s in script.scenes for c in s.characters if c.id == hero]
        assert "fight" not in actions, (seed, actions)
        assert "work" in actions, (seed, actions)
