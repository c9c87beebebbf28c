"""Chinese premises whose pets are named by a role or told of again, on real writer output: a pet named with a
role word before it (被渣男猫甩了, 被校霸猫欺负) is its own pet, never the hero named twice; a pet told of again by
its role word alone (失主狗 …，失主送了它一条鱼) does that deed; a gift handed with 送 is given, not delivered or
treated; a comma carries the doer on (白猫背叛了黑猫，偷走了…: the black cat steals nothing and is the hero); and
a cause (因为考试不及格被爸爸骂) stays with what it causes."""

from __future__ import annotations

import re

import pytest

from story.kinds import story_kind
from story.offline import write_offline
from story.premise import analyse, hero_style
from story.script import Scene, Script


def _write(premise: str, seed: int) -> Script:
    return write_offline(premise, hero_style(analyse(premise)) or "ginger-cat", "zh", seed)


def _name(script: Script, key: str) -> str:
    return next(c.name for c in script.characters if c.id == key)


def _scene(script: Script, words: str) -> Scene:
    return next(s for s in script.scenes if words in s.narration)


def _acts(scene: Scene) -> dict[str, str]:
    return {a.id: a.action for a in scene.characters}


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize(("premise", "role", "deed"), [
    ("橘猫被渣男猫甩了", "渣男猫", "甩了"),
    ("白猫在学校被校霸猫欺负", "校霸猫", "欺负"),
    ("小猫被隔壁猫欺负", "隔壁猫", "欺负"),
    ("布偶猫在公司被霸总猫欺负，结果她自己开了公司", "霸总猫", "欺负"),
])
def test_a_pet_named_with_a_role_before_it_is_its_own_pet(premise: str, role: str, deed: str, seed: int) -> None:
    script = _write(premise, seed)
    hero, rival = _name(script, "hero"), _name(script, "rival")
    scene = _scene(script, deed)
    assert f"{role}{rival}{deed}" in scene.narration, scene.narration
    assert not re.search(rf"{hero}[^，。！？]{{0,10}}{hero}", scene.narration), scene.narration
    assert "rival" in _acts(scene) and _acts(scene).get("hero") != "sneer", _acts(scene)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize(("premise", "other"), [
    ("小猫把捡到的钱包还给了失主狗，失主送了它一条鱼", "dog"),
    ("小狗在公园救了一只落水的游客猫，游客送了它一束花", "cat"),
])
def test_a_pet_told_of_again_by_its_role_word_does_that_deed(premise: str, other: str, seed: int) -> None:
    script = _write(premise, seed)
    hero, giver = _name(script, "hero"), _name(script, other)
    scene = _scene(script, f"送了{hero}")
    assert scene.narration.startswith(f"{giver}送了{hero}") or f"，{giver}送了{hero}" in scene.narration, scene.narration
    assert _acts(scene).get(other) in {"give", "hug"} and _acts(scene).get("hero") in {None, "stand"}, _acts(scene)
    assert not any(re.search(rf"{hero}(?:失主|游客)", s.narration) for s in script.scenes)


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize(("premise", "to"), [
    ("小狗把奖牌送给了生病的奶奶", "grandma"),
    ("小猫送了妈妈一束花", "mother"),
])
def test_a_gift_handed_with_song_is_given(premise: str, to: str, seed: int) -> None:
    script = _write(premise, seed)
    scene = _scene(script, "送")
    assert _acts(scene).get("hero") == "give", _acts(scene)
    assert next(a.target for a in scene.characters if a.id == "hero") == to


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize(("premise", "hero", "rival"), [
    ("白猫背叛了黑猫，偷走了她的设计图", "black", "white"),
    ("黑狗出卖了白狗，偷走了他的钱", "白狗", "黑狗"),
])
def test_a_comma_carries_the_doer_on(premise: str, hero: str, rival: str, seed: int) -> None:
    cast = {p.key: p for p in analyse(premise).cast}
    assert hero in (cast["hero"].colour or "", cast["hero"].words[0]), cast
    assert rival in (cast["rival"].colour or "", cast["rival"].words[0]), cast
    script = _write(premise, seed)
    steals = _scene(script, "偷走了")
    assert _acts(steals).get("rival") not in (None, "stand") and _acts(steals).get("hero") in (None, "stand"), _acts(steals)


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize(("premise", "cause"), [
    ("哈士奇因为考试不及格被爸爸骂，但是后来考上了大学", "因为考试不及格被爸爸"),
    ("小猫因为考试作弊被妈妈罚站", "因为考试作弊被妈妈"),
])
def test_a_cause_stays_with_what_it_causes(premise: str, cause: str, seed: int) -> None:
    script = _write(premise, seed)
    said = [s.narration for s in script.scenes]
    assert any(re.search(f"{cause[:-2]}[^，。]*{cause[-2:]}", t) for t in said), said
    assert not any(re.search(r"因为[^，。！？]*[。！？]", t) and "被" not in t.split("因为")[1].split("。")[0]
                   for t in said), said


@pytest.mark.parametrize("premise", ["流浪狗被有钱的猫收养，后来才知道它是首富的儿子", "小猫被有钱的狗收养了",
                                     "a stray dog is adopted by a rich cat"])
def test_a_rich_adopter_is_kind(premise: str) -> None:
    cast = analyse(premise).cast
    assert not any(p.role == "rival" for p in cast), cast
    assert all(p.side == "hero" for p in cast), cast


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize(("premise", "job"), [("柯基在工地搬砖，被包工头猫骂，后来当上了老板", "搬砖"),
                                              ("小狗每天在餐厅洗碗", "洗碗")])
def test_a_job_said_by_its_own_word_is_done(premise: str, job: str, seed: int) -> None:
    assert _acts(_scene(_write(premise, seed), job)).get("hero") == "work"


@pytest.mark.parametrize("seed", range(5))
def test_three_jobs_are_said_only_when_the_premise_says_them(seed: int) -> None:
    scolded = _write("哈士奇因为考试不及格被爸爸骂，但是后来考上了大学", seed)
    assert not any("三份工" in t for t in [scolded.title, *(s.narration for s in scolded.scenes)]), scolded.title
    given = write_offline("a mother cat sacrifices everything for her kittens", "ginger-cat", "en", seed)
    assert not any("three jobs" in t.lower() for t in [given.title, *(s.narration for s in given.scenes)])
    asked = write_offline("猫妈妈每天打三份工，供小猫上大学", "ginger-cat", "zh", seed)
    assert any("三份工" in s.narration for s in asked.scenes)


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize(("premise", "lang"), [("萨摩耶在学校被老师冤枉偷东西，后来真相大白", "zh"),
                                               ("小猫被邻居狗冤枉偷了鱼", "zh"),
                                               ("a shy cat is framed for stealing a necklace by a jealous poodle", "en")])
def test_one_framed_for_a_theft_is_no_theft_story(premise: str, lang: str, seed: int) -> None:
    assert story_kind(analyse(premise)).id != "theft"
    script = write_offline(premise, hero_style(analyse(premise)) or "ginger-cat", lang, seed)
    lines = [script.title, *(t for s in script.scenes for _, t in s.spoken())]
    assert not any(w in t.lower() for t in lines for w in ("爪印", "线索", "clue", "paw print", "谁捡到")), lines
    if lang == "zh":
        assert _acts(_scene(script, "冤枉")).get("rival") == "point"


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("premise", ["白猫误会黑猫偷了她的项链，后来发现是乌鸦叼走的", "小狗怀疑邻居猫偷了它的骨头"])
def test_the_one_taken_from_is_the_subject_never_the_taker(premise: str, seed: int) -> None:
    script = _write(premise, seed)
    hero, rival = _name(script, "hero"), _name(script, "rival")
    scene = _scene(script, "偷了")
    assert f"{rival}偷了{hero}的" in scene.narration and f"{rival}偷了{rival}" not in scene.narration, scene.narration
    assert _acts(scene).get("hero") != "run", _acts(scene)


@pytest.mark.parametrize("seed", range(5))
def test_a_magazine_cover_only_for_riches_or_fame(seed: int) -> None:
    house = _write("外卖员柯基每天风雨无阻送外卖，终于买下了自己的房子", seed)
    assert not any("杂志" in s.narration for s in house.scenes), [s.narration for s in house.scenes]
