"""A parent who leaves the little one somewhere ("mom leaves her at kindergarten on the first day", "when her mom
leaves") drops it off: no partner leaving, no rival; the first day's story with its mother on the little one's side."""

from __future__ import annotations

import pytest

from story.kinds import story_kind
from story.premise import analyse


@pytest.mark.parametrize("premise", [
    "a kitten cries when mom leaves her at kindergarten on the first day",
    "a kitten cries on her first day at kindergarten when her mom leaves",
    "a puppy is scared when his dad leaves him at school on his first day",
])
def test_a_parent_leaving_the_little_one_is_no_wrong(premise: str) -> None:
    a = analyse(premise)
    assert story_kind(a).id == "first_day"
    assert "dump" not in a.wrongs
    assert all(p.side == "hero" and not p.does_wrong for p in a.cast)


@pytest.mark.parametrize("premise", ["his girlfriend leaves him at the altar",
                                     "the owner leaves the old dog on the highway"])
def test_a_partner_or_owner_who_leaves_still_wrongs(premise: str) -> None:
    assert "dump" in analyse(premise).wrongs
