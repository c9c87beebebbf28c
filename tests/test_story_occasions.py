"""Premises of everyday genres a viewer must recognise with the sound off: a day or family event spent
at home (Christmas, 春节, a new baby, a divorce) is drawn at home, not on the default street; a sports
match named only as a match (篮球比赛, 足球赛) is drawn at the stadium, not on a talent-show
stage; a holiday or month in the premise names no pet. Every assertion reads the offline writer's output."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse
from story.staged import home_occasion


@pytest.mark.parametrize("premise", [
    "a tabby cat waits all day for her grandpa to visit on Christmas Eve",
    "two kittens wait up for Santa on Christmas night",
    "a pug's owners bring home a newborn baby and the pug feels forgotten",
    "除夕夜，小柴犬和爷爷奶奶一起包饺子",
    "中秋节，小黑猫想念远方的妈妈",
    "猫爸爸和狗妈妈要离婚，小猫躲在床底下哭",
])
def test_a_day_spent_at_home_is_drawn_at_home(premise: str) -> None:
    assert home_occasion(premise)
    places = [s.location for s in write_story(premise, None, "en" if premise.isascii() else "zh", 2).script.scenes]
    assert "street" not in places and places.count("bedroom") * 2 > len(places), places


@pytest.mark.parametrize("premise", [
    "a corgi chef cooks a Christmas dinner in her restaurant",  # the premise's own place wins
    "a kitten gets lost in the rain and looks for her mother",  # no home occasion: as before
])
def test_a_named_place_or_no_occasion_keeps_its_place(premise: str) -> None:
    written = write_story(premise, None, "en", 1)
    assert "bedroom" not in {s.location for s in written.script.scenes[:2]}, [s.location for s in written.script.scenes]


@pytest.mark.parametrize("premise", [
    "两只小猫在足球比赛里踢进了最后一个球",
    "柯基在乒乓球比赛决赛中逆转夺冠",
    "三只狗参加篮球赛，最矮的那只投进了绝杀",
])
def test_a_ball_game_is_played_at_the_stadium_not_on_a_stage(premise: str) -> None:
    places = [s.location for s in write_story(premise, None, "zh", 2).script.scenes]
    assert "stage" not in places and "stadium" in places, places


@pytest.mark.parametrize("premise, day", [
    ("a lonely pug spends Thanksgiving alone until his neighbour knocks", "Thanksgiving"),
    ("two cats fight over the last fish every Friday at the market", "Friday"),
    ("a corgi waits at the station all through December for his owner", "December"),
    ("a shy kitten gets no card on Valentine's Day", "Valentine"),
])
def test_a_holiday_or_month_names_no_pet(premise: str, day: str) -> None:
    assert day not in {p.name for p in analyse(premise).cast}
    assert day not in {m.name for m in write_story(premise, None, "en", 1).script.characters}


def test_a_pet_given_a_holiday_for_its_name_keeps_it() -> None:
    assert "Christmas" in {p.name for p in analyse("a husky named Christmas finds a lost kitten in the snow").cast}
