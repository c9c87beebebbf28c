"""A trip said as a noun is a journey (``story.lexicon.in_context``): "a rocket trip", "goes on a road trip",
"her first school trip" trip no one, while "trips him", "the poodle trips Max" stay the sabotage they are. A trip
taken for its own sake (road trip, camping trip, 旅行, 露营) is the calm ``outing`` kind, never a career dream of
exploring nor an underdog's revenge; a trip to the moon is the space trip, a pet lost on a trip the lost pet's."""

from __future__ import annotations

import pytest

from story.kinds import story_kind
from story.premise import analyse


@pytest.mark.parametrize("premise", [
    "a corgi goes on a rocket trip to the moon with his best friend",
    "two cats go on a road trip across the country in an old van",
    "a family of shibas goes on a camping trip and gets caught in the rain",
    "a kitten goes on her first school trip to the zoo and gets lost",
])
def test_a_trip_taken_trips_no_one(premise: str) -> None:
    assert "sabotage" not in analyse(premise).wrongs


@pytest.mark.parametrize("premise", [
    "a jealous poodle trips the golden retriever in the race and wins",
    "the poodle trips Max in the race",
    "a jealous cat tries to trip him up during the dance",
])
def test_tripping_someone_stays_sabotage(premise: str) -> None:
    assert "sabotage" in analyse(premise).wrongs


@pytest.mark.parametrize("premise", [
    "two cats go on a road trip across the country in an old van",
    "a family of shibas goes on a camping trip and gets caught in the rain",
    "小猫和主人一起去海边旅行，玩得很开心",
    "柯基一家去旅行，路上遇到了暴风雪",
])
def test_a_trip_for_its_own_sake_is_an_outing(premise: str) -> None:
    kind = story_kind(analyse(premise))
    assert (kind.id, kind.striving) == ("outing", False)


@pytest.mark.parametrize("premise, kind_id", [
    ("a corgi goes on a rocket trip to the moon with his best friend", "space_trip"),
    ("a kitten goes on her first school trip to the zoo and gets lost", "lost"),
    ("a rich cat laughs at a poor cat on holiday", "striving"),
])
def test_a_trip_of_another_story_is_that_story(premise: str, kind_id: str) -> None:
    assert story_kind(analyse(premise)).id == kind_id
