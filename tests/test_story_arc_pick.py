"""A premise whose kind of story is said in words other than the usual ones is still told in its kind's arc (issue 12:
with the sound off, the viewer recognises the premise): a pet that ran off and came home is a lost pet's story
(never a calm day); falling for someone, dating, winning the girl is a romance (never an underdog's revenge nor a
parent's sacrifice); a famous pet exposed or cancelled is a secret found out and owned up to (never a video going
viral with fans lining up); a boxing match is no ball game's match. Running away alone, falling for a trick, or a
star exposing another, is none of these."""

from __future__ import annotations

import pytest

from story.arcchoice import choose_arc
from story.premise import analyse


def _arc(premise: str) -> str:
    return choose_arc(analyse(premise), 1)


@pytest.mark.parametrize("premise", [
    "my cat ran away 3 weeks ago and today she came home",
    "our dog escaped from the yard and came back a week later",
    "the kitten disappeared for a month and finally found her way home",
    "我的猫跑丢了一个月今天自己回来了",
    "小狗跑出去三天终于回家了",
])
def test_a_pet_that_ran_off_and_came_back_is_a_lost_pets_story(premise: str) -> None:
    assert _arc(premise) == "lost_and_found"


@pytest.mark.parametrize("premise", [
    "a kitten runs away from the bullies and becomes a famous singer",
    "a puppy runs away from home",  # no return said: the lost kind's own words tell it
])
def test_running_away_with_no_return_is_no_ran_off_story(premise: str) -> None:
    from story.kinds import story_kind
    assert story_kind(analyse(premise)).id != "ran_off"


@pytest.mark.parametrize("premise", [
    "office romance: a cat falls for her boss but she has a secret",
    "a cat and her boss secretly date at the office",
    "reality show dating contest, the shy dog wins the girl",
    "a shy corgi finally wins her heart",
    "a husky fell for the new cat next door",
    "办公室恋情：小猫和她的老板",
    "害羞的柯基去相亲",
])
def test_falling_for_dating_and_winning_the_girl_are_a_romance(premise: str) -> None:
    assert _arc(premise) == "romance"


def test_falling_for_a_scam_is_no_romance() -> None:
    assert _arc("an old cat falls for a scam and loses all her savings") != "romance"


@pytest.mark.parametrize("premise", [
    "an influencer cat is exposed and loses her followers",
    "a famous streamer cat gets cancelled after a scandal",
    "a tiktok star dog gets caught faking his videos",
    "网红猫翻车掉粉",
    "顶流主播狗塌房了",
])
def test_a_famous_pets_fall_is_owned_up_to_not_a_rise(premise: str) -> None:
    assert _arc(premise) == "owning_up"


@pytest.mark.parametrize("premise", [
    "a cat goes viral on tiktok",
    "a husky becomes an influencer with a million followers",
    "a famous cat exposes the corrupt mayor",
])
def test_a_rise_or_a_star_exposing_another_is_no_fall(premise: str) -> None:
    from story.kinds import story_kind
    assert story_kind(analyse(premise)).id != "exposed"


@pytest.mark.parametrize(("premise", "lang"), [
    ("a boxer dog trains for the big boxing match", "en"),
    ("two cats fight in a boxing match", "en"),
    ("a shiba wins the karate match", "en"),
    ("柴犬参加拳击比赛", "zh"),
])
def test_a_match_of_no_ball_is_never_told_with_a_ball(premise: str, lang: str) -> None:
    from story.offline import write_story
    for seed in (1, 2):
        written = write_story(premise, None, lang, seed)
        told = " ".join(" ".join([s.narration, *(ln.text for ln in s.dialogue)]) for s in written.script.scenes)
        assert written.arc != "big_match"
        assert " ball" not in told.lower() and "球赛" not in told


def test_a_boxer_dog_in_a_football_match_is_still_the_match() -> None:
    assert _arc("a boxer dog plays in the football final") == "big_match"
