"""story/location.py: a scene's location from its note's words and the premise's place (pure, no script written)."""

from __future__ import annotations

from story.lexicon import lexicon
from story.location import PremisePlace, scene_location


def where(visual: str, before: str | None = None, job_place: str | None = None, **premise: object) -> str:
    hits = lexicon().find(visual)
    place = PremisePlace(**{"place": None, **premise})  # type: ignore[arg-type]
    return scene_location(visual, hits, hits, before, job_place, place, 1)[0]


def test_the_place_the_note_names_else_where_the_scene_before_was() -> None:
    assert where("we see Mango crying in the kitchen", before="street") == "kitchen"
    assert where("we see Mango crying", before="school") == "school"
    assert where("we see Mango crying") == "street"


def test_the_first_scene_is_at_the_premises_place_unless_it_is_reached_later() -> None:
    assert where("we see Mango smiling", place="restaurant") == "restaurant"
    assert where("we see Mango smiling", place="stage", later_venue=True) == "bedroom"  # home until the contest
    assert where("we see Mango smiling", place="mansion", bought=True) == "street"  # not in the home bought later


def test_a_work_scene_is_at_the_jobs_place_unless_it_is_the_own_shop_not_reached_yet() -> None:
    assert where("we see Mango working hard", before="street", job_place="restaurant") == "restaurant"
    assert where("we see Mango working hard", before="street", job_place="restaurant", place="restaurant",
                 own_shop=True) == "street"


def test_a_thing_with_its_own_place_and_the_premises_open_weather() -> None:
    assert where("we see Mango sailing home on a yacht") == "beach"  # never the room "home" names
    assert where("we see Mango running away in the snow", before="bedroom", out_in=True) == "street"
    assert where("we see Mango running away in the snow", before="bedroom") == "bedroom"  # not the premise's deed
    assert where("we see Mango shivering in the snow", before="hospital", job_place="hospital", out_in=True,
                 job_named=True) == "hospital"  # the pug nurse's hospital: the weather in its window


def test_a_place_the_vocabulary_does_not_know_is_reported() -> None:
    _, subs = scene_location("we see Mango waiting at the lighthouse", [], [], "beach", None, PremisePlace(None), 3)
    assert [(s.beat, s.kind, s.wanted, s.used) for s in subs] == [(3, "place", "lighthouse", "beach")]


def test_the_premises_own_place_is_reached_where_its_word_is_said_and_an_opened_shop_from_its_opening() -> None:
    from story.location import reaches_place

    cafe = PremisePlace("restaurant", said="cafe")
    assert reaches_place("restaurant", "we see Mango at the cafe", cafe, told_open=False)
    assert not reaches_place("restaurant", "we see Mango at the diner", cafe, told_open=False)  # not its word
    assert not reaches_place("street", "we see Mango near the cafe", cafe, told_open=False)
    later = PremisePlace("restaurant", said="cafe", opens_later=True)
    assert not reaches_place("restaurant", "we see Mango at the cafe", later, told_open=False)
    assert reaches_place("restaurant", "Mango opens his own cafe", later, told_open=True)
    assert not reaches_place("restaurant", "we see Mango at the cafe", PremisePlace("restaurant", said="cafe",
                                                                                     dreamt=True), told_open=True)
