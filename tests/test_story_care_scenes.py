"""Care scenes read and drawn as care: a premise whose pet is named ill as it is first said ("a sick kitten slowly
gets better", 生病的小兔子慢慢康复了) or cared for through the night ("his owner stays up all night with him") is a
getting-well story even with no carer named, never a little day of wonders; its words of getting better are no
things to draw; the carer's night by the bed is drawn with a worried face (never a hug's heart eyes), and the soup it
brings is a soup bowl big enough to read in a paw. Story tests read real writer output (one script each); the
painter test paints one small keyframe."""

from __future__ import annotations

import pytest

from render.painter.props import HAND
from render.painter.vocabulary import art, match_prop
from story.kinds import story_kind
from story.offline import write_story
from story.premise import analyse


@pytest.mark.parametrize("premise", [
    "a sick kitten slowly gets better",
    "生病的小兔子慢慢康复了",
    "a golden retriever catches a cold and his owner stays up all night with him",
    "a sick old cat is visited by her grandson every day",
])
def test_an_ill_pet_getting_better_is_a_getting_well_story(premise: str) -> None:
    kind = story_kind(analyse(premise))
    assert (kind.id, kind.arc) == ("illness", "getting_well")


@pytest.mark.parametrize("premise", [
    "a kind dog takes care of a sick kitten",  # the hero is the carer
    "照顾生病的老狗",
    "a sick kitten is found in the rain",  # no getting better said
])
def test_an_ill_one_in_anothers_care_or_not_getting_better_is_no_getting_well_story(premise: str) -> None:
    assert story_kind(analyse(premise)).id != "illness"


def test_getting_better_is_no_thing_to_draw() -> None:
    for premise in ("a sick kitten slowly gets better", "a puppy breaks his leg and slowly recovers"):
        props = {p for s in write_story(premise, None, "en", 1).script.scenes for p in s.props}
        assert not props & {"better", "recovers"}, props


@pytest.mark.parametrize("premise", ["小狗生病了，主人每天给它熬汤",
                                     "a golden retriever catches a cold and his owner stays up all night with him"])
def test_the_night_by_the_bed_is_watched_with_a_worried_face(premise: str) -> None:
    script = write_story(premise, None, "en" if premise.isascii() else "zh", 1).script
    watch = [a for s in script.scenes if s.time_of_day == "night" and any(a.action == "sick" for a in s.characters)
             for a in s.characters if a.id != "hero"]
    assert watch and all(a.action == "hug" and a.expression == "sad" for a in watch), watch


def test_the_soup_is_a_soup_bowl_that_reads_in_a_paw() -> None:
    soup = match_prop("soup")
    assert soup is not None and art(soup) == "soup bowl"
    assert HAND["soup bowl"] >= 1.5 * HAND["food bowl"]
    dish = match_prop("cat food")
    assert dish is not None and art(dish) == "food bowl"  # a pet's own dish stays as it was
