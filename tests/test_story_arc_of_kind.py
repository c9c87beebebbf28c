"""A premise is told in the arc of its kind of story, and the arc never tells again, nor against, what the premise
says (issue 12: with the sound off, the viewer recognises the premise): a husky saving a baby from a fire is a
rescue, never a new baby in the family; a wait for one who "never comes home" never ends "You came back"; a thief's
snatch and the hero's catch the premise tells are told once, in its order; a strict teacher, a lullaby, Valentine's
day, the fireworks, a video gone viral and a friend's farewell are what they are, never a lazy day."""

from __future__ import annotations

import pytest

from story.kinds import _masked, story_kind
from story.offline import write_story
from story.premise import analyse


def _said(script: object) -> list[str]:
    return [" ".join([s.narration, *(ln.text for ln in s.dialogue)]) for s in script.scenes]  # type: ignore[attr-defined]


@pytest.mark.parametrize("premise", [
    "a husky saves a baby from a fire",
    "a husky rescues the new baby from the burning house",
    "the family cat pulls a baby out of the flood",
])
def test_a_rescue_from_a_named_danger_is_no_new_baby(premise: str) -> None:
    assert write_story(premise, None, "en", 1).arc == "rescue"


def test_a_new_baby_with_no_danger_is_still_the_family_change() -> None:
    assert write_story("a husky is jealous of the new baby", None, "en", 1).arc == "family_change"


@pytest.mark.parametrize(("premise", "lang"), [
    ("a dog waits at the train station every day but his owner never comes home", "en"),
    ("every evening the shiba waits by the door but grandpa never came home", "en"),
    ("小狗每天在门口等主人，可主人再也没有回家", "zh"),
])
def test_one_who_never_comes_home_never_comes_back(premise: str, lang: str) -> None:
    for seed in (1, 2, 3):
        written = write_story(premise, None, lang, seed)
        assert written.arc == "loyal_wait"
        words = " ".join(_said(written.script))
        assert "came back" not in words and "回来了" not in words and "You're home" not in words, words


def test_a_thief_who_steals_is_a_thief_caught_in_chinese() -> None:
    assert _masked("小偷偷了钱包") == "小偷偷了钱包"  # the thief's 偷, then 偷了: no 偷偷 "secretly"
    assert _masked("小偷偷偷溜进来") == "小偷\0\0溜进来"
    assert _masked("小猫偷偷练习") == "小猫\0\0练习"
    for premise in ("小偷偷了奶奶的钱包，警犬抓住了他", "小偷偷了钱包，警犬追上了他"):
        assert story_kind(analyse(premise)).id == "catch"
        assert write_story(premise, None, "zh", 1).arc == "thief_caught"


_CAUGHT = ("The chase is over", "I give up", "has {rival} pinned", "追捕结束了", "我投降")
_SNATCH = ("grabbed bag", "snatches a handbag", "Stop, thief!", "抢了个包", "抢走了一个手提包")


@pytest.mark.parametrize(("premise", "lang", "catch"), [
    ("a robber steals a purse but a police dog chases him down", "en", "chases {rival} down"),
    ("a burglar breaks into the house and the brave corgi catches him", "en", "catches {rival}"),
    ("a pickpocket takes an old lady's wallet and the police dog catches him", "en", "catches {rival}"),
    ("小偷偷了奶奶的钱包，警犬抓住了他", "zh", "抓住了"),
    ("小偷偷了钱包，警犬追上了他", "zh", "追上了"),
])
def test_a_thief_is_caught_once_after_the_theft(premise: str, lang: str, catch: str) -> None:
    """The premise's catch is the catch: no "The chase is over" nor "I give up" before it; its thief's deed is the
    snatch: no second bag grabbed before it."""
    for seed in (1, 2, 3):
        written = write_story(premise, None, lang, seed)
        assert written.arc == "thief_caught"
        words = _said(written.script)
        rival = next((c.name for c in written.script.characters if c.id == "rival"), "")
        at = next(i for i, w in enumerate(words) if catch.replace("{rival}", rival) in w)  # him: the thief
        assert not any(c.replace("{rival}", "") in w for w in words[:at] for c in _CAUGHT), words
        theft = next(i for i, w in enumerate(words) if any(t in w for t in ("steals", "breaks into", "takes", "偷了")))
        assert not any(s in w for w in words[:theft] for s in _SNATCH), words


@pytest.mark.parametrize(("premise", "lang", "arc"), [
    ("情人节柯基给女朋友送了一束花", "zh", "romance"),
    ("a strict teacher cat makes the lazy puppy study", "en", "mentor"),
    ("小猫的老师很严厉", "zh", "mentor"),
    ("mom sings a lullaby to her three kittens", "en", "family_bond"),
    ("猫妈妈每天晚上给小猫唱歌", "zh", "family_bond"),
])
def test_a_calm_premise_of_its_own_kind_is_no_lazy_day(premise: str, lang: str, arc: str) -> None:
    assert write_story(premise, None, lang, 1).arc == arc


@pytest.mark.parametrize(("premise", "lang"), [
    ("mom sings a lullaby to her three kittens", "en"),
    ("the mother cat sings to her kittens every night", "en"),
    ("猫妈妈每天晚上给小猫唱歌", "zh"),
])
def test_a_lullaby_is_sung_at_home_by_no_pop_star(premise: str, lang: str) -> None:
    assert analyse(premise).job is None
    script = write_story(premise, None, lang, 1).script
    assert all(s.location != "stage" for s in script.scenes)


def test_a_singer_is_still_a_pop_star() -> None:
    assert analyse("a cat sings to the crowd and wins").job == "pop_star"
    assert analyse("柯基在舞台上唱歌").job == "pop_star"


@pytest.mark.parametrize(("premise", "lang"), [
    ("除夕夜小猫一家看烟花", "zh"),
    ("the puppies watch the fireworks on new year's eve", "en"),
])
def test_the_fireworks_watched_are_drawn(premise: str, lang: str) -> None:
    script = write_story(premise, None, lang, 1).script
    assert any("fireworks" in s.props for s in script.scenes)


@pytest.mark.parametrize(("premise", "lang"), [
    ("除夕夜小猫一家看烟花", "zh"),
    ("春节小狗一家在院子里看烟花", "zh"),
    ("the puppies watch the fireworks on new year's eve", "en"),
])
def test_a_festival_night_is_told_as_one(premise: str, lang: str) -> None:
    """A night of fireworks is the festival's story: the fireworks burst in the night sky, never a lazy day."""
    for seed in (1, 2):
        written = write_story(premise, None, lang, seed)
        assert written.arc == "festival"
        assert any("fireworks" in s.props and s.time_of_day == "night" for s in written.script.scenes)


def test_a_festival_said_before_the_pet_is_its_when() -> None:
    """除夕夜小猫一家看烟花: 除夕夜 is when it happens (said first), never dropped for "one day"."""
    line = write_story("除夕夜小猫一家看烟花", None, "zh", 1).script.scenes
    assert any(s.narration.startswith("除夕夜，") for s in line)


def test_a_pet_lost_on_new_year_s_eve_is_still_lost() -> None:
    assert write_story("a puppy gets lost on new year's eve when the fireworks scare him", None, "en", 1).arc == \
        "lost_and_found"


@pytest.mark.parametrize(("premise", "lang"), [
    ("my corgi goes viral on tiktok", "en"),
    ("a lazy cat went viral after her owner filmed her dancing", "en"),
    ("小猫在抖音上火了", "zh"),
    ("柯基一夜之间成了网红", "zh"),
])
def test_a_pet_gone_viral_is_famous_overnight(premise: str, lang: str) -> None:
    """"Goes viral on tiktok", 在抖音上火了: filmed, the likes pouring in (the phone), famous; never a lazy day."""
    for seed in (1, 2):
        written = write_story(premise, None, lang, seed)
        assert written.arc == "viral"
        assert any("phone" in s.props for s in written.script.scenes)


def test_a_pet_filmed_in_a_contest_or_a_rescue_is_that_story() -> None:
    assert write_story("a husky saves a kitten from a fire and the video goes viral", None, "en", 1).arc == "rescue"


@pytest.mark.parametrize(("premise", "lang"), [
    ("a golden retriever says goodbye to his best friend who is moving away", "en"),
    ("my cat's best friend moves away", "en"),
    ("小狗的好朋友要搬家了，它们依依不舍地告别", "zh"),
])
def test_a_farewell_to_a_friend_is_told_as_one(premise: str, lang: str) -> None:
    """A friend moving away is a farewell (the news, the last day, the wave goodbye), never a friendship made."""
    for seed in (1, 2):
        written = write_story(premise, None, lang, seed)
        assert written.arc == "farewell"
        assert "One Small Hello" not in written.script.title


def test_a_family_that_moves_away_is_still_the_household_s_move() -> None:
    assert write_story("a shy cat's family moves away to a new city", None, "en", 1).arc == "family_change"
