"""Who the story is about, and whose side each is on, where the premise names the wronged one by a passive, a
relative clause or its own voice (issue 12): 被未婚妻退婚的哈士奇 is the husky's story and the fiancée its rival (never
the husky her new love); 警犬抓住了偷奶奶钱包的小偷 is the police dog's, the theft before 的 the thief's own deed;
"my husband is cheating on me" is the speaker's, told of her ("her husband", never "cheating on me") with the husband
the rival; "her best friend steals her boyfriend" is hers, the boyfriend hers; a kin who steals the pet's things
("a corgi's cousin steals his savings") turns on it; a fox or mouse sneaking in is the rival of the pet who guards
against it, and "the cat" after "a mouse" is a cat of its own. Checked on the analysis (fast) and on one script each for the
lines."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse


def _roles(premise: str) -> dict[str, str]:
    return {(p.words[0] if p.words else ""): p.role for p in analyse(premise).cast}


@pytest.mark.parametrize(("premise", "hero", "rival"), [
    ("被未婚妻退婚的哈士奇三年后成了总裁", "哈士奇", "未婚妻"),
    ("被女朋友甩了的柯基发誓要变强", "柯基", "女朋友"),
    ("被男朋友抛弃的布偶猫开了一家咖啡店", "布偶猫", "男朋友"),
    ("被老婆抛弃的金毛后来成了大老板", "金毛", "老婆"),
])
def test_the_one_a_partner_leaves_by_a_passive_is_the_hero(premise: str, hero: str, rival: str) -> None:
    a = analyse(premise)
    assert a.hero.words == (hero,), _roles(premise)
    assert a.cast[1].words == (rival,) and a.cast[1].role == "rival", _roles(premise)
    assert all(p.lover_of is None for p in a.cast), _roles(premise)


@pytest.mark.parametrize(("premise", "hero", "rival"), [
    ("警犬抓住了偷奶奶钱包的小偷", "警犬", "小偷"),
    ("警犬抓住了偷老奶奶钱包的小偷", "警犬", "小偷"),
    ("柯基抓住了偷爷爷鱼的野猫", "柯基", "野猫"),
])
def test_a_theft_told_before_its_de_is_the_thiefs_never_the_catchers(premise: str, hero: str, rival: str) -> None:
    a = analyse(premise)
    assert a.hero.words == (hero,), _roles(premise)
    assert next(p for p in a.cast if p.role == "rival").words == (rival,), _roles(premise)
    assert not a.hero.does_wrong


@pytest.mark.parametrize(("premise", "rival"), [
    ("my husband is cheating on me with my best friend", "husband"),
    ("my husband is cheating on me", "husband"),
    ("my boyfriend left me for a rich poodle", "boyfriend"),
    ("my wife dumped me for a rich cat", "wife"),
    ("my best friend stole my boyfriend", "best friend"),
    ("her best friend steals her boyfriend", "best friend"),
    ("his best friend steals his girlfriend", "best friend"),
    ("我男朋友为了一只富婆猫甩了我", "男朋友"),
    ("我闺蜜抢走了我的男朋友", "闺蜜"),
    ("POV: your husband cheats on you with your best friend", "husband"),
    ("when your best friend steals your boyfriend", "best friend"),
])
def test_the_one_its_own_partner_or_friend_wrongs_is_the_hero(premise: str, rival: str) -> None:
    a = analyse(premise)
    assert a.hero.words == (), _roles(premise)
    assert a.cast[1].words == (rival,) and a.cast[1].role == "rival", _roles(premise)


@pytest.mark.parametrize("premise", ["my husband is cheating on me with my best friend",
                                     "my boyfriend left me for a rich poodle", "我男朋友为了一只富婆猫甩了我",
                                     "POV: your husband cheats on you with your best friend"])
def test_a_premise_told_in_its_own_voice_is_narrated_of_the_hero(premise: str) -> None:
    script = write_story(premise, "ginger-cat", analyse(premise).language, 1).script
    said = " ".join(t for s in script.scenes for speaker, t in s.spoken() if speaker == "narrator")
    hero = next(c.name for c in script.characters if c.id == "hero")
    assert " me " not in f" {said} " and "my " not in said.lower() and "甩了我" not in said, said
    assert " you " not in f" {said} " and "your " not in said.lower(), said
    assert hero in said


@pytest.mark.parametrize(("premise", "kin"), [
    ("a corgi's cousin steals his savings and runs away", "cousin"),
    ("a poor cat's brother steals her money", "brother"),
    ("柯基的表哥偷走了它的存款", "表哥"),
])
def test_a_kin_who_steals_the_pets_own_things_turns_on_it(premise: str, kin: str) -> None:
    a = analyse(premise)
    p = next(p for p in a.cast if p.words == (kin,))
    assert (p.role, p.side) == ("rival", "villain"), _roles(premise)


def test_a_kin_who_helps_stays_on_the_pets_side() -> None:
    p = next(p for p in analyse("a cat's brother helps him find his toy").cast if p.words == ("brother",))
    assert p.side == "hero"


@pytest.mark.parametrize(("premise", "hero", "pest"), [
    ("a farm dog spots a fox sneaking into the henhouse", "farm dog", "fox"),
    ("a brave corgi catches a fox sneaking into the chicken coop at night", "brave corgi", "fox"),
    ("a fox sneaking in steals the chickens and the farm dog catches him", "farm dog", "fox"),
    ("看门狗发现狐狸偷偷溜进了鸡舍", "看门狗", "狐狸"),
    ("a mouse sneaks into the kitchen and the cat chases it", "cat", "mouse"),
])
def test_a_fox_or_mouse_sneaking_in_is_the_rival_of_the_pet_who_guards(premise: str, hero: str, pest: str) -> None:
    a = analyse(premise)
    assert a.hero.words == (hero,), _roles(premise)
    assert next(p for p in a.cast if p.words == (pest,)).side == "villain", _roles(premise)


def test_a_fox_befriended_stays_a_friend() -> None:
    fox = next(p for p in analyse("a kitten befriends a little fox in the forest").cast if p.breed == "fox")
    assert fox.side == "hero"
