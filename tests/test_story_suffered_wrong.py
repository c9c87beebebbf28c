"""A wrong the hero suffers from no one of the cast, where or how often said before 被 (在学校被欺负, 在宴会上被嘲笑,
在公司被看不起, 每天被骂), as "gets bullied at school" in English: the hero is the one wronged, drawn hurt, never
sneering or laughing in the mocker's place; a mocking done by no one of the cast is drawn with the ones laughing
at it (a crowd), so the mocking is seen with the sound off."""

from __future__ import annotations

import pytest

from story.offline import write_story

SUFFERED_ZH = ["小猫在学校被欺负", "穷小猫在宴会上被嘲笑", "柯基在公司被看不起", "橘猫在学校被欺负，后来成了学霸",
               "小狗在面试时被拒绝了", "小狗每天被骂"]
MOCKED = ["小猫在学校被欺负", "穷小猫在宴会上被嘲笑", "柯基在公司被看不起", "orange cat gets bullied at school",
          "the poor kitten was mocked at the party", "a small dog was humiliated at the dog show"]


def _first(premise: str, seed: int) -> tuple[list[tuple[str, str, str | None]], list[str]]:
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"
    script = write_story(premise, None, lang, seed).script
    verb = premise.split("，")[0][-3:] if lang == "zh" else premise.split()[-3]
    scene = next(s for s in script.scenes if any(verb in t for _, t in s.spoken()))
    return [(a.id, a.action, a.target) for a in scene.characters], list(scene.props)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("premise", SUFFERED_ZH)
def test_a_wrong_suffered_after_a_place_is_drawn_on_the_one_wronged(premise: str, seed: int) -> None:
    acts, _ = _first(premise, seed)
    hero = next(a for a in acts if a[0] == "hero")
    assert hero[1] not in {"sneer", "laugh", "point", "push"}, acts


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("premise", MOCKED)
def test_a_mocking_by_no_one_of_the_cast_draws_the_ones_laughing(premise: str, seed: int) -> None:
    acts, props = _first(premise, seed)
    assert "laughing crowd" in props or any(a[1] in {"sneer", "laugh"} and a[0] != "hero" for a in acts), (acts, props)
