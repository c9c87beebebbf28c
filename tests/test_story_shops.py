"""Trades and shops as a viewer reads them (issue 12): a cobbler (shoe repairer, 修鞋) is a job of its own, mending
a shoe in a cobbler's of mended shoes; "opens a flower shop" is a florist's, never a shop clerk's job, and a pet
shop (宠物店) a shop of fish tanks and bird cages, never a zoo; 当厨师 / 做裁缝 / 去当保安 is the pet's own job;
养家 (to feed the family) is no home and 每天半夜才回家 no lost pet; a bun shop (包子店) sells steamed buns, never
dumplings; a snowstorm is the snow falling."""

from __future__ import annotations

from functools import cache

import pytest

from render.painter.vocabulary import match_prop
from story.kinds import story_kind
from story.lexicon import lexicon
from story.offline import write_story
from story.premise import analyse
from story.script import Script
from story.venues import places_drawn, shop_kind


@cache
def _script(premise: str) -> Script:
    return write_story(premise, None, "zh" if lexicon().tokenize(premise).chinese else "en", 1).script


@pytest.mark.parametrize("premise", [
    "the poor cat works as a cobbler and the rich dog mocks his worn shoes",
    "a stray cat learns to repair shoes and opens a cobbler shop",
    "a poor corgi works as a shoe repairer on the street corner",
    "流浪猫在街边修鞋，后来开了自己的修鞋铺",
])
def test_a_cobbler_is_a_job_of_its_own(premise: str) -> None:
    """The cobbler had no job: no costume, nothing in its paws, "cobbler" and "shoe repairer" asked as props."""
    assert analyse(premise).job == "cobbler"


def test_a_cobbler_mends_a_shoe_in_a_cobblers_shop() -> None:
    s = _script("the poor cat works as a cobbler and the rich dog mocks his worn shoes")
    working = [sc for sc in s.scenes if any(a.id == "hero" and a.action == "work" for a in sc.characters)]
    assert working and all(next(a for a in sc.characters if a.id == "hero").holding == "shoes" for sc in working)
    assert not any(p in ("cobbler", "shoe repairer") for sc in s.scenes for p in sc.props)
    assert match_prop("shoes").drawn == "shoes"
    zh = _script("流浪猫在街边修鞋，后来开了自己的修鞋铺")
    assert "cobbler" in {m.kind for m in places_drawn(zh) if m}


@pytest.mark.parametrize(("premise", "dream"), [
    ("a shy ginger cat quits her office job and opens a flower shop", "florist"),
    ("a samoyed opens a florist's shop and falls in love with a customer", "florist"),
    ("小橘猫开了一家花店，以前看不起它的富家猫来买花", "florist"),
    ("a hamster opens a pet shop and the rich cats laugh at it", None),
    ("a poor pug opens a toy shop next to the rich poodle's store", None),
])
def test_a_shop_of_a_trade_is_no_shop_clerks_job(premise: str, dream: str | None) -> None:
    """"opens a flower shop" read the bare "shop" as a shop clerk's job: "Pepper is a real shop clerk now"."""
    a = analyse(premise)
    assert a.dream == dream and "shop_clerk" not in (a.job, a.dream)


def test_a_shop_anyone_keeps_is_still_a_clerks_job() -> None:
    assert analyse("a poor cat works in a little shop").job == "shop_clerk"
    assert analyse("a tabby cat opens a shop").dream == "shop_clerk"


def test_a_pet_shop_is_a_shop_not_a_zoo() -> None:
    """宠物店 / "pet shop" were the zoo: "Everyone at the zoo turns to look"."""
    for premise in ("a hamster opens a pet shop and the rich cats laugh at it", "小猫开了一家宠物店"):
        a = analyse(premise)
        assert "zoo" not in a.places and "shop" in a.places
        s = _script(premise)
        assert "pet shop" in {m.kind for m in places_drawn(s) if m}
        assert not any("zoo" in sc.setting or "动物园" in sc.narration for sc in s.scenes)


@pytest.mark.parametrize(("premise", "job"), [
    ("狸花猫当厨师，被主厨嘲笑", "chef"),
    ("布偶猫做裁缝，给全城的猫做衣服", "tailor"),
    ("橘猫去当保安，被业主看不起", "security"),
    ("柯基为了养家去做厨师，后来成了大厨", "chef"),
])
def test_to_work_as_a_role_is_the_pets_own_job(premise: str, job: str) -> None:
    """当厨师 with a head chef who mocks: the chef was the head chef's alone, and the hero had no job."""
    a = analyse(premise)
    assert a.job == job
    assert not any(p.job == job for p in a.cast[1:] if p.role != "rival")  # 给全城的猫做衣服: the cats make nothing


def test_to_feed_the_family_is_no_home() -> None:
    """养家 was split to 养 + 家, the home: a taxi driver and a cook drawn in a bedroom."""
    assert "养家" in lexicon().tokenize("哈士奇开出租车养家").words
    for premise in ("哈士奇开出租车养家，每天半夜才回家", "柯基为了养家去做厨师，后来成了大厨", "国家队的柯基"):
        assert "bedroom" not in analyse(premise).places
    s = _script("柯基为了养家去做厨师，后来成了大厨")
    assert s.scenes[0].location == "kitchen"


def test_coming_home_late_every_night_is_no_lost_pet() -> None:
    """每天半夜才回家 told a lost pet's story: a truck scares it away, a stranger reads its collar tag."""
    a = analyse("哈士奇开出租车养家，每天半夜才回家")
    assert "find" not in a.outcomes and story_kind(a).id != "lost"
    assert story_kind(analyse("小狗走丢了，三年后终于找到了回家的路")).id == "lost"
    s = _script("哈士奇开出租车养家，每天半夜才回家")
    assert any("taxi" in sc.props for sc in s.scenes)
    assert not any(sc.location == "rainy_street" for sc in s.scenes)


@pytest.mark.parametrize(("words", "kind"), [
    ("金毛在包子店打工", "bun shop"), ("包子铺", "bun shop"), ("a tiny bun shop", "bun shop"),
    ("饺子馆", "dumpling shop"), ("a dumpling house", "dumpling shop"), ("修鞋铺", "cobbler"),
    ("a cobbler's shop", "cobbler"), ("宠物店", "pet shop"), ("a pet store", "pet shop"),
])
def test_each_shop_is_drawn_as_its_own_trade(words: str, kind: str) -> None:
    """包子店 was drawn as 饺子馆 (a dumpling restaurant): buns are not dumplings."""
    s = _script("a tabby cat runs a little shop")
    scene = s.scenes[0].model_copy(update={"setting": words, "narration": words})
    found = shop_kind(scene)
    assert found is not None and found.kind == kind


def test_buns_are_not_dumplings() -> None:
    assert match_prop("包子").drawn == "steamed buns" and match_prop("steamed buns").drawn == "steamed buns"
    assert match_prop("饺子").drawn == "dumplings" and match_prop("dumplings").drawn == "dumplings"
    s = _script("金毛在包子店打工，后来开了自己的包子店")
    kinds = {m.kind for m in places_drawn(s) if m}
    assert "bun shop" in kinds and "dumpling shop" not in kinds


def test_a_snowstorm_is_snow() -> None:
    """"stuck in a snowstorm" asked a prop named snowstorm under a clear sky."""
    a = analyse("a truck driver dog rescues puppies stuck in a snowstorm")
    assert "snowstorm" not in a.props
    s = _script("a truck driver dog rescues puppies stuck in a snowstorm")
    assert any(sc.weather == "snow" for sc in s.scenes)
    assert not any("snowstorm" in sc.props for sc in s.scenes)


def test_a_drivers_own_truck_stands_in_the_snow_rescue() -> None:
    """The truck driver's truck was drawn nowhere (never driving, never working), and "stuck" was asked as a thing."""
    s = _script("a truck driver dog rescues puppies stuck in a snowstorm")
    assert any("truck" in sc.props and sc.weather == "snow" for sc in s.scenes)
    assert not any(p in ("stuck", "trapped") for sc in s.scenes for p in sc.props)
