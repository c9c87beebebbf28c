"""A breed or species word that names a contest (牧羊犬大赛, 在柯基比赛中, "the poodle contest") casts no pet:
the pets who enter it are the cast ("牧羊犬大赛上，小柯基赢了冠军" is the corgi's win, never a shepherd's story
with the corgi its friend); a race between pets (两只狗比赛跑步, "two dogs race") still casts them."""

from __future__ import annotations

import pytest

from story.premise import analyse


@pytest.mark.parametrize(("premise", "cast"), [
    ("牧羊犬大赛上，小柯基赢了冠军", ["corgi"]),
    ("在柯基比赛中，哈士奇得了第一名", ["husky"]),
    ("a shy corgi enters the poodle contest and wins", ["corgi"]),
    ("两只狗比赛跑步", [None, None]),
    ("two dogs race to the park", [None, None]),
])
def test_a_contest_named_by_a_breed_casts_no_pet(premise: str, cast: list[str | None]) -> None:
    assert [p.breed for p in analyse(premise).cast] == cast
