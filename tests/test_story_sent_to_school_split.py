"""A parent's work and the young one it sends to school are two clauses in Chinese as in English (issue 12):
猫妈妈打三份工供小猫上大学 is the three jobs, then the kitten at college, as "works three jobs | so her kitten can go
to college" is; never one clause whose verb is "打三份工供" told once at the climax."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.premise import analyse


@pytest.mark.parametrize(("premise", "work", "school"), [
    ("猫妈妈打三份工供小猫上大学", "猫妈妈打三份工", "供小猫上大学"),
    ("狗爸爸每天在工地搬砖供儿子读书", "狗爸爸每天在工地搬砖", "供儿子读书"),
    ("猫妈妈每天晚上在面摊打工供小猫上学", "猫妈妈每天晚上在面摊打工", "供小猫上学"),
    ("猫妈妈省吃俭用供小猫上大学，小猫长大后报答她", "猫妈妈省吃俭用", "供小猫上大学"),
])
def test_the_work_and_the_schooling_are_two_clauses(premise: str, work: str, school: str) -> None:
    read = clauses(analyse(premise))
    assert [c.text for c in read[:2]] == [work, school]
    assert read[0].actor == analyse(premise).hero.key
    assert "供" not in read[0].verb


def test_the_english_split_is_unchanged() -> None:
    read = clauses(analyse("a mother cat works three jobs so her kitten can go to college"))
    assert [(c.lead, c.text) for c in read] == [("", "a mother cat works three jobs"),
                                               ("so", "her kitten can go to college")]


def test_a_clause_that_starts_with_the_schooling_is_not_cut() -> None:
    assert [c.text for c in clauses(analyse("供小猫上学的猫妈妈很累"))] == ["供小猫上学的猫妈妈很累"]
