"""Who a Chinese premise names beside its pet (story/met.py, story/heads.py): the one named by a role who finds, saves,
frees or trains the pet (老渔夫在码头捡到一只发抖的小猫, 小狗被消防员救出来, 警犬被老警察训练) or whom the pet saves or
helps (小狗在河边救了市长, 小橘猫帮邮递员找回了信) is cast, on the hero's side, in its role's job (never the pet's own job),
and drawn in the scenes that tell it; a person called by a kin word the pet meets (掉进河里的小男孩, 盲人奶奶, 落水的老爷爷)
is a person a pet plays, never the pet's own kin drawn in its look; one who lets the pet out (被主人放了出来) is no
rival; a wrongdoer named by its wrong alone (小偷, 坏人) is the rival, the one the pet catches (偷走主人钱包的小偷: the
thief, never the owner, whose wallet is no name). Story tests read the premise's reading, or one script."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse


@pytest.mark.parametrize(("premise", "job", "said"), [
    ("小狗在河边救了市长", "mayor", "市长"),
    ("老渔夫在码头捡到一只发抖的小猫", "fisherman", "渔夫"),
    ("小狗被消防员救出来后长大也当了消防员", "firefighter", "消防员"),
    ("警犬被老警察训练了三年，终于抓住了坏人", "police", "警察"),
    ("清洁工在垃圾桶旁捡到一只小狗", "cleaner", "清洁工"),
    ("受伤的小猫被兽医救了回来", "doctor", "兽医"),
    ("外卖小哥捡到一只受伤的小猫", "delivery", "外卖小哥"),
    ("金毛被农夫训练成了牧羊犬", "farmer", "农夫"),
    ("小橘猫帮邮递员找回了丢失的信", "postman", "邮递员"),
    ("哈士奇在雪地里救了迷路的司机", "taxi", "司机"),
])
def test_a_role_beside_the_pet_in_a_kindness_is_cast_on_its_side(premise: str, job: str, said: str) -> None:
    a = analyse(premise)
    who = [p for p in a.cast[1:] if p.job == job]
    assert len(who) == 1, [(p.key, p.job, p.words) for p in a.cast]
    assert who[0].side == "hero" and who[0].role in {"friend", "mentor"}
    assert said in who[0].words[0] and not who[0].species
    assert a.cast[0].species in {"cat", "dog"}


@pytest.mark.parametrize(("premise", "job"), [
    ("老渔夫在码头捡到一只发抖的小猫", "fisherman"),
    ("清洁工在垃圾桶旁捡到一只小狗", "cleaner"),
    ("外卖小哥捡到一只受伤的小猫", "delivery"),
    ("小狗帮快递员找到了丢失的包裹", "delivery"),
])
def test_the_finders_or_helpeds_job_is_never_the_pets(premise: str, job: str) -> None:
    a = analyse(premise)
    assert a.job != job and a.cast[0].job is None


def test_the_pet_rescued_by_a_firefighter_still_dreams_of_being_one() -> None:
    a = analyse("小狗被消防员救出来后长大也当了消防员")
    assert a.dream == "firefighter"
    assert [p.key for p in a.cast] == ["hero", "firefighter"] and a.cast[1].after_by


def test_the_one_trained_by_an_old_policeman_is_its_mentor_and_keeps_its_own_job() -> None:
    a = analyse("警犬被老警察训练了三年，终于抓住了坏人")
    assert a.cast[0].job == "police"
    police = next(p for p in a.cast[1:] if p.job == "police")
    assert police.role == "mentor" and police.side == "hero" and "old" in police.traits


def test_the_owner_who_lets_the_pet_out_is_no_rival() -> None:
    a = analyse("被关了三天的小狗被主人放了出来")
    assert not any(p.role == "rival" or p.side == "villain" for p in a.cast)
    assert a.cast[1].relation == "owner" and a.cast[1].side == "hero"


@pytest.mark.parametrize(("premise", "relation"), [
    ("导盲犬每天带盲人奶奶过马路", "grandma"),
    ("小狗救了掉进河里的小男孩", "son"),
    ("哈士奇把落水的老爷爷拖上了岸", "grandpa"),
    ("小狗每天陪着老爷爷去公园散步", "grandpa"),
])
def test_a_person_the_pet_meets_is_a_person_never_its_kin(premise: str, relation: str) -> None:
    a = analyse(premise)
    who = next(p for p in a.cast[1:] if p.relation == relation)
    assert who.of is None and who.human


@pytest.mark.parametrize(("premise", "job"), [
    ("小狗在河边救了市长", "mayor"),
    ("老渔夫在码头捡到一只发抖的小猫", "fisherman"),
    ("金毛被农夫训练成了牧羊犬", "farmer"),
    ("小橘猫帮邮递员找回了丢失的信", "postman"),
    ("外卖小哥捡到一只受伤的小猫", "delivery"),
])
@pytest.mark.parametrize("seed", [1, 2])
def test_the_one_beside_the_pet_is_drawn_where_its_clause_is_told(premise: str, job: str, seed: int) -> None:
    a = analyse(premise)
    who = next(p for p in a.cast if p.job == job and p.key != "hero")
    script = write_story(premise, None, "zh", seed).script
    told = [s for s in script.scenes if premise[:6] in s.narration.replace(script.characters[0].name, "")
            or who.job_words in s.narration]
    assert told, [s.narration for s in script.scenes]
    assert all(any(c.id == who.key for c in s.characters) for s in told), \
        [(s.narration, [c.id for c in s.characters]) for s in told]


@pytest.mark.parametrize(("premise", "said"), [
    ("小猫抓住了偷走主人钱包的小偷", "小偷"),
    ("警犬抓住了小偷", "小偷"),
    ("警犬被老警察训练了三年，终于抓住了坏人", "坏人"),
])
def test_a_wrongdoer_named_by_its_wrong_alone_is_the_rival(premise: str, said: str) -> None:
    a = analyse(premise)
    rival = next(p for p in a.cast if p.role == "rival")
    assert rival.words == (said,) and rival.side == "villain" and not rival.species
    assert a.cast[0].role == "hero" and a.cast[0].species in {"cat", "dog"}


def test_the_owners_wallet_is_no_name_and_the_thief_is_the_one_caught() -> None:
    premise = "小猫抓住了偷走主人钱包的小偷"
    a = analyse(premise)
    owner = next(p for p in a.cast if p.relation == "owner")
    assert owner.name is None and owner.words == ("主人",) and owner.side == "hero"
    script = write_story(premise, None, "zh", 1).script
    first = script.scenes[0]
    hero = next(c for c in first.characters if c.id == "hero")
    assert hero.action == "catch" and hero.target == "rival"
    assert all(c.name != "钱包" for c in script.characters)


@pytest.mark.parametrize(("premise", "role"), [
    ("老渔夫在码头捡到一只发抖的小猫", "fisherman"),
    ("外卖小哥捡到一只受伤的小猫", "delivery"),
])
def test_the_english_telling_says_the_finder_finds_the_pet(premise: str, role: str) -> None:
    script = write_story(premise, None, "en", 1).script
    finder = next(c for c in script.characters if c.id == role)
    hero = script.characters[0]
    told = [s.narration for s in script.scenes if f"{finder.name}, the" in s.narration]
    assert any(f"finds {hero.name}" in t for t in told), told
    assert not any(f"{finder.name}, the" in t and ("shivers" in t or "hurts" in t) for t in told), told


@pytest.mark.parametrize("premise", ["柯基帮迷路的小女孩找到了妈妈", "小狗找到了走失的小女孩，把她送回了妈妈身边",
                                     "a corgi helps a lost little girl find her mother"])
def test_a_lost_child_the_pet_helps_is_a_person_whose_mother_is_hers(premise: str) -> None:
    a = analyse(premise)
    girl = next(p for p in a.cast if p.relation == "daughter")
    assert girl.human and girl.of is None and girl.role == "friend" and girl.side == "hero"
    assert next(p for p in a.cast if p.relation == "mother").of == girl.key


def test_the_neighbours_baby_the_pet_saves_is_the_neighbours() -> None:
    a = analyse("小狗从火里救出了邻居家的宝宝")
    baby = next(p for p in a.cast if p.words == ("宝宝",))
    assert baby.of == next(p.key for p in a.cast if p.relation == "neighbour")
