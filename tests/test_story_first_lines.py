"""What a viewer reads and sees of the hero's first trouble and its rise, in Chinese premises told the
Chinese way: a pet told of after what befalls it (被邻居嘲笑的小花狗) is told in a full sentence, the pet
first (小花狗…被邻居嘲笑); a hero mocked by no one of the cast (被嘲笑是穷光蛋, "is laughed at for his big
ears") is hurt, never drawn sneering; 开着跑车回来 is driving; a food word after its verb (买不起布丁) is no pet's
name, while one said as a name (布丁是一只…) is. Checked on the offline writer's real scripts (premises of no
other test)."""

from __future__ import annotations

import re

import pytest

from story.offline import write_story
from story.premise import analyse
from story.script import Script

SEEDS = range(3)


def _script(premise: str, seed: int) -> Script:
    return write_story(premise, None, analyse(premise).language, seed).script


@pytest.mark.parametrize("premise", [
    "被邻居嘲笑的小花狗。",
    "被老板赶出门的小白猫，后来开了自己的餐厅。",
    "被全家嫌弃的小黄狗阿福，后来成了警犬。",
])
def test_a_pet_told_of_after_what_befalls_it_is_told_in_a_full_sentence(premise: str) -> None:
    for seed in SEEDS:
        script = _script(premise, seed)
        names = [c.name for c in script.characters]
        said = [t for s in script.scenes for t in re.split(r"(?<=。)", s.narration) if "被" in t]
        assert said, seed
        for sentence in said:
            bare = sentence.split("，")[-1]
            assert not bare.startswith("被"), (seed, sentence)
            assert not bare.rstrip("。").endswith(tuple(names)), (seed, sentence)


@pytest.mark.parametrize(("premise", "words"), [
    ("小灰猫被嘲笑是穷光蛋，后来成了大明星", "被嘲笑"),
    ("a shy beagle is laughed at for his big ears and becomes a famous singer", "laughed at"),
    ("被亲戚看不起的小柴犬，后来考上了大学", "看不起"),
])
def test_a_hero_mocked_by_no_one_on_screen_is_hurt_not_sneering(premise: str, words: str) -> None:
    for seed in SEEDS:
        script = _script(premise, seed)
        scene = next(s for s in script.scenes if words in s.narration)
        hero = next(a for a in scene.characters if a.id == "hero")
        assert hero.action not in ("sneer", "laugh", "point"), (seed, hero)


def test_driving_a_car_back_is_driving() -> None:
    for seed in SEEDS:
        script = _script("小白狗在工厂打工，十年后开着跑车回到了村里", seed)
        scene = next(s for s in script.scenes if "开着跑车" in s.narration)
        assert any(a.id == "hero" and a.action == "drive" for a in scene.characters), seed


@pytest.mark.parametrize(("premise", "name"), [
    ("小猫买不起布丁，只好每天看着橱窗", None),
    ("小狗每天给奶奶买一杯奶茶", None),
    ("布丁是一只爱睡觉的猫，被邻居家的狗吵醒了", "布丁"),
])
def test_a_food_word_is_a_name_only_when_said_as_one(premise: str, name: str | None) -> None:
    names = {p.name for p in analyse(premise).cast if p.name}
    assert names == ({name} if name else set()), names
