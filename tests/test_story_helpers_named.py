"""The helpers a premise names by their role beside its pet (story/takers.py, story/met.py, story/jobs.py): the police
officer who helps a lost puppy home (警察叔叔帮小狗找到家), the kind lady who adopts a kitten (好心的阿姨收养了小猫), the
courier a stray follows home (流浪的小奶狗跟着外卖小哥回家), the vet who saves a dog hit by a car, the postman who feeds a
stray, the taxi driver who takes a hurt puppy to hospital, the teacher who finds a kitten: each is cast, on the pet's
side, in its own job and its own clothes (a lifeguard, a park ranger and a postman are jobs of their own, never a
security guard, a firefighter or a food courier), and the pet stays the hero, never given the helper's job."""

from __future__ import annotations

import pytest

from render.painter.persona import personas
from story.offline import write_story
from story.premise import analyse


def _helper(premise: str, job: str) -> tuple[str, str | None]:
    """The one of ``job`` the premise's cast holds beside its pet hero (its key and the hero's job)."""
    a = analyse(premise)
    hero = a.cast[0]
    assert hero.species in {"cat", "dog"}, [(p.key, p.species, p.job, p.words) for p in a.cast]
    who = [p for p in a.cast[1:] if p.job == job]
    assert len(who) == 1, [(p.key, p.job, p.words) for p in a.cast]
    assert who[0].side == "hero" and not who[0].species
    return who[0].key, a.job


@pytest.mark.parametrize(("premise", "job"), [
    ("警察叔叔帮小狗找到家", "police"),
    ("a police officer helps a lost puppy find his home", "police"),
    ("a lost kitten is brought home by a kind policeman", "police"),
    ("流浪的小奶狗跟着外卖小哥回家", "delivery"),
    ("兽医连夜救活了被车撞的小狗", "doctor"),
    ("邮递员每天给流浪狗带吃的", "postman"),
    ("出租车司机把受伤的小狗送到了医院", "taxi"),
    ("a lifeguard saves a drowning puppy at the beach", "lifeguard"),
    ("救生员从海里救起了一只小狗", "lifeguard"),
    ("a park ranger finds a lost puppy in the forest", "ranger"),
    ("护林员在森林里救了一只受伤的小狗", "ranger"),
    ("a postman finds a lost dog and brings him home", "postman"),
    ("门卫大爷收养了小狗", "security"),
    ("交警叔叔把走丢的小狗送回了家", "police"),
    ("一位民警在路边发现了一只受伤的小猫", "police"),
    ("邮差每天给小狗带骨头", "postman"),
    ("the pool lifeguard pulls a kitten out of the water", "lifeguard"),
])
def test_the_helper_named_by_a_role_is_cast_beside_the_pet_never_the_pets_job(premise: str, job: str) -> None:
    _key, hero_job = _helper(premise, job)
    assert hero_job != job


@pytest.mark.parametrize(("premise", "job", "costume"), [
    ("a lifeguard saves a drowning puppy at the beach", "lifeguard", "lifeguard"),
    ("救生员从海里救起了一只小狗", "lifeguard", "lifeguard"),
    ("a park ranger finds a lost puppy in the forest", "ranger", "ranger"),
    ("护林员在森林里救了一只受伤的小狗", "ranger", "ranger"),
    ("a postman finds a lost dog and brings him home", "postman", "postman"),
    ("邮递员每天给流浪狗带吃的", "postman", "postman"),
    ("警察叔叔帮小狗找到家", "police", "police"),
    ("兽医连夜救活了被车撞的小狗", "doctor", "white_coat"),
])
def test_the_helper_wears_its_own_jobs_clothes_and_the_pet_none(premise: str, job: str, costume: str) -> None:
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"
    script = write_story(premise, None, lang, 1).script
    key, _ = _helper(premise, job)
    dressed = personas(script)
    assert dressed[key].job == costume
    assert dressed["hero"].job is None and dressed["hero"].nearest is None
    assert any(c.id == key for scene in script.scenes for c in scene.characters)  # drawn, not only told


@pytest.mark.parametrize("premise", ["a teacher finds a shivering kitten in the classroom and keeps her",
                                     "a retired teacher feeds a stray cat every morning"])
def test_a_teacher_who_finds_a_kitten_is_its_friend_and_the_kitten_the_hero(premise: str) -> None:
    a = analyse(premise)
    assert a.cast[0].species == "cat"
    teacher = next(p for p in a.cast[1:] if p.relation == "mentor")
    assert teacher.side == "hero" and teacher.kind_by == "friend" and teacher.kind_to is not None
    script = write_story(premise, None, "en", 1).script
    assert personas(script)[teacher.key].job == "teacher" and personas(script)["hero"].job is None


def test_a_kind_lady_who_adopts_a_kitten_is_cast_as_its_family() -> None:
    a = analyse("好心的阿姨收养了小猫")
    assert a.cast[0].species == "cat"
    lady = next(p for p in a.cast[1:] if p.relation == "lady")
    assert lady.side == "hero" and lady.kind_by == "family" and lady.kind_to is not None


def test_a_trades_worker_called_by_a_kin_word_keeps_its_trade() -> None:
    a = analyse("保洁阿姨捡到一只小猫")  # a cleaner, never a lady of the story
    assert [p.job for p in a.cast[1:]] == ["cleaner"] and not any(p.relation == "lady" for p in a.cast)


def test_the_lost_pet_a_helper_takes_home_is_lost_first_and_home_last() -> None:
    # 走丢的 only says how the puppy the police officer helps is: the clause is the finding, home its end
    places = [s.location for s in write_story("警察叔叔帮走丢的小狗找到家", None, "zh", 1).script.scenes]
    assert places[0] != "bedroom" and places[-1] == "bedroom", places


@pytest.mark.parametrize(("premise", "job"), [
    ("流浪的小奶狗跟着外卖小哥回家", "delivery"),
    ("a stray kitten follows the postman home every day", "postman"),
    ("小流浪猫跟着邮递员回了家", "postman"),
])
def test_a_stray_that_follows_a_helper_home_is_taken_in(premise: str, job: str) -> None:
    _helper(premise, job)  # the one it follows is cast beside it
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"
    assert write_story(premise, None, lang, 1).arc == "taken_in"  # an adoption's story, no lost pet's way home


def test_the_school_a_teacher_finds_a_cat_at_is_the_teachers_place_no_job_of_the_cats() -> None:
    a = analyse("老师在学校门口捡到一只流浪猫")
    assert a.job is None and a.cast[0].species == "cat"
    script = write_story("老师在学校门口捡到一只流浪猫", None, "zh", 1).script
    assert personas(script)["hero"].job is None
