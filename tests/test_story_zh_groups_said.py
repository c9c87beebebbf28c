"""Chinese premises typed as Douyin users type them (issue 12): a clause whose doer is a group the cast does
not hold (全宫的人, 全家, 客人, 村里人, 全班同学) is that group's deed, told with the group as its subject, never
with the hero's name put before it (团子全宫的人都不服它, 豆包客人给了他一把伞)."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse

_GROUPS = [
    ("穿越回古代的橘猫当上了皇帝，全宫的人都不服它", "全宫的人"),
    ("霸总狗狗爱上了便利店打工的小白猫，全家反对", "全家"),
    ("外卖员金毛在暴雨里送餐摔倒了，客人给了他一把伞和一杯热奶茶", "客人"),
    ("寒门学霸小狸花考上北大，村里人敲锣打鼓送她上学", "村里人"),
    ("哈士奇在广场上跳起了舞，围观群众都看呆了", "围观群众"),
]


@pytest.mark.parametrize(("premise", "group"), _GROUPS)
def test_a_group_the_cast_does_not_hold_does_its_own_deed(premise: str, group: str) -> None:
    said = [c for c in clauses(analyse(premise)) if group in c.text]
    assert said and said[0].outsider == group and said[0].actor is None, said


@pytest.mark.parametrize(("premise", "group"), _GROUPS)
def test_no_name_is_put_before_the_group(premise: str, group: str) -> None:
    for seed in (1, 2):
        script = write_story(premise, None, "zh", seed).script
        names = [c.name for c in script.characters]
        for scene in script.scenes:
            for _, text in scene.spoken():
                assert not any(f"{n}{group}" in text for n in names), text
