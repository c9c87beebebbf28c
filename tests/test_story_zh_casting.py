"""Chinese casting (and its English twins): a label a pet is called (胆小鬼, 丑八怪, 没用的野猫, "a loser") is no
pet of the cast nor its name, and calling one a loser is mocking it; the common Chinese breed names and
nicknames (阿拉斯加, 银渐层, 柴柴, 萨摩) are breeds; a job pet (护士猫, 警犬, 消防狗, 小偷猫) is one pet, the same pet
told again in the same words (老狗…老狗) is one, and what a pet becomes (成了导盲犬) is no other pet; a lost
child found (走失的小女孩) is no family of its finder, and the parent it is brought to is its own; the one who frames
the true heiress (假千金处处陷害她) is the rival, never the hero; a doing ("takes care of", "dreams of owning", "for a
living") is no thing asked. Every assertion reads the premise's real analysis."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse, understood_line
from tests.spoken import spoken


@pytest.mark.parametrize(("premise", "hero", "cast"), [
    ("泰迪被大家笑话是个胆小鬼，后来它在火灾中救了所有人", "poodle", 1),
    ("柯基被同学叫做丑八怪，后来成了超级模特", "corgi", 2),
    ("狸花猫被村里人叫做没用的野猫，后来抓住了偷鸡的黄鼠狼", "tabby", 1),
    ("拉布拉多被叫做傻大个，后来成了明星", "labrador", 1),
    ("同学们都叫小柯基废物，它默默努力，最后拿了冠军", "corgi", 3),  # 同学们: a group, two classmates
])
def test_a_label_a_pet_is_called_is_no_pet_nor_its_name(premise: str, hero: str, cast: int) -> None:
    a = analyse(premise)
    said = [(p.role, p.breed, p.words, p.name) for p in a.cast]
    assert a.hero.breed == hero and a.hero.name is None, said
    assert len(a.cast) == cast, said
    labels = ("胆小鬼", "丑八怪", "没用", "野猫", "傻大个", "废物", "小鬼")
    assert not any(w in label for p in a.cast for w in (*p.words, p.name) if w for label in labels), said


def test_a_pet_after_its_label_is_still_cast() -> None:
    a = analyse("被叫做胆小鬼的泰迪，后来救了一只小猫")
    assert a.hero.breed == "poodle" and a.hero.name is None, [(p.role, p.words) for p in a.cast]
    assert any(p.name == "豆豆" for p in analyse("小狗被主人叫做豆豆，每天在门口等主人").cast)  # a name, no label


@pytest.mark.parametrize(("premise", "hero", "mockers"), [
    ("The other puppies call the little pug a loser, but he wins the race", "pug", 2),
    ("The big cats call a tiny kitten a scaredy-cat, until she saves them from a fire", None, 2),
])
def test_calling_a_pet_a_loser_mocks_it(premise: str, hero: str | None, mockers: int) -> None:
    a = analyse(premise)
    said = [(p.role, p.breed, p.side) for p in a.cast]
    assert a.hero.species == "dog" if hero else a.hero.species == "cat", said
    assert hero is None or a.hero.breed == hero, said
    assert "mock" in a.wrongs and sum(p.side == "villain" for p in a.cast) == mockers, said


def test_a_passive_call_keeps_its_doers_after_by() -> None:
    a = analyse("A husky called a coward by the other dogs saves a kitten from the river")
    assert a.hero.breed == "husky" and all(p.side == "villain" for p in a.cast if p.words == ("dogs",))


@pytest.mark.parametrize(("premise", "breed"), [
    ("阿拉斯加被主人嫌弃太能吃，离家出走后成了雪橇冠军", "malamute"),
    ("银渐层被邻居嘲笑，后来成了明星", "british"),
    ("柴柴在公司被老板骂，最后自己开了公司", "shiba"),
    ("萨摩每天在雪地里等主人回家", "samoyed"),
    ("中华田园猫被波斯猫看不起，后来成了网红", "tabby"),
    ("加菲被主人抛弃了，后来被好心人收养", "exotic"),
])
def test_common_chinese_breed_names_are_breeds(premise: str, breed: str) -> None:
    a = analyse(premise)
    assert a.hero.breed == breed and a.hero.role == "hero", [(p.role, p.breed, p.words) for p in a.cast]


@pytest.mark.parametrize(("premise", "cast", "job"), [
    ("护士猫每天照顾生病的老狗，老狗康复后送了她一束花", 2, "doctor"),
    ("哈士奇被主人赶出门，后来成了救援犬", 2, None),
    ("拉布拉多被叫做傻大个，后来成了导盲犬", 1, None),
    ("消防狗从火场里救出了一只小猫", 2, "firefighter"),
    ("消防猫从大火中救出了一只迷路的小狗", 2, "firefighter"),
    ("德牧警犬抓住了偷包的坏蛋狐狸", 2, "police"),
    ("A lazy husky becomes a police dog and catches a thief", 1, None),
])
def test_a_job_pet_is_one_pet_and_what_one_becomes_is_no_pet(premise: str, cast: int, job: str | None) -> None:
    a = analyse(premise)
    said = [(p.role, p.species, p.words, p.job) for p in a.cast]
    assert len(a.cast) == cast, said
    assert job is None or a.hero.job == job, said
    assert not a.hero.does_wrong, said  # the police dog catches the thief: the fox steals, told before its 的


def test_what_a_pet_becomes_is_told_as_said() -> None:
    lines = " ".join(spoken(write_story("拉布拉多被叫做傻大个，后来成了导盲犬", None, "zh", 1).script))
    assert "成了导盲犬" in lines, lines


def test_a_job_said_by_its_field_is_told_by_its_title() -> None:
    assert understood_line(analyse("消防猫从大火中救出了一只迷路的小狗"), "zh").startswith("理解为——主角：猫，消防员")


def test_a_thief_pet_is_the_wrongdoer() -> None:
    a = analyse("保安狗每天守着小区，有一天抓住了小偷猫")
    assert a.hero.species == "dog" and a.hero.job == "security"
    assert [(p.species, p.side) for p in a.cast[1:]] == [("cat", "villain")], [(p.role, p.words) for p in a.cast]


@pytest.mark.parametrize(("premise", "lang"), [
    ("警犬在商场找到了走失的小女孩，把她送回了妈妈身边", "zh"),
    ("老警犬在公园里找到了一个迷路的小孩，帮他找到了爸爸", "zh"),
    ("A police dog finds a lost little girl at the mall and brings her home", "en"),
])
def test_a_found_child_is_no_family_of_the_finder(premise: str, lang: str) -> None:
    a = analyse(premise)
    said = [(p.key, p.role, p.relation, p.of) for p in a.cast]
    child = next(p for p in a.cast[1:] if p.words and any(w in p.words[0] for w in ("孩", "girl")))
    assert child.role != "family" and (child.relation is None or child.human and child.of is None), said  # a
    # little girl found (小女孩) is a person a pet plays, no one's daughter
    assert all(p.of != "hero" for p in a.cast), said  # the mother found is the child's, never the dog's
    script = write_story(premise, None, lang, 1).script
    breeds = {c.id: c.breed for c in script.characters}
    assert breeds[child.key] != breeds["hero"], breeds  # never drawn as the finder's own pup


@pytest.mark.parametrize("premise", [
    "A fake heiress cat frames the real heiress and gets kicked out of the mansion",
    "真千金布偶猫回到豪门，假千金处处陷害她",
    "假千金陷害真千金柯基，最后被赶出家门",
])
def test_the_one_who_frames_is_the_wrongdoer_never_the_hero(premise: str) -> None:
    a = analyse(premise)
    said = [(p.role, p.relation, p.words) for p in a.cast]
    assert a.hero.relation != "fake_heiress" and a.hero.words, said
    assert next(p for p in a.cast if p.relation == "fake_heiress").role == "rival", said


@pytest.mark.parametrize(("premise", "junk"), [
    ("A nurse cat takes care of an old dog in the hospital", "care"),
    ("A poor cat dreams of owning a bakery and works hard every day", "owning"),
    ("A cat cleans windows for a living", "living"),
    ("A cat dreams of living in a big house", "living"),
    ("The rich cats call the stray kitten a nobody, but she becomes a famous singer", "nobody"),
])
def test_a_doing_is_no_thing_asked(premise: str, junk: str) -> None:
    asked = [w for c in clauses(analyse(premise)) for w in (*c.props, *c.nouns)]
    assert junk not in asked, asked


def test_the_child_found_is_on_screen_when_found_never_before() -> None:
    script = write_story("警犬在商场找到了走失的小女孩，把她送回了妈妈身边", None, "zh", 1).script
    child = next(c.id for c in script.characters if c.id not in {"hero", "mother"})
    found = next(i for i, s in enumerate(script.scenes) if any("走失的小女孩" in t for _w, t in s.spoken()))
    assert child in {a.id for a in script.scenes[found].characters}
    assert not any(child in {a.id for a in s.characters} for s in script.scenes[:found])  # no friend before it
