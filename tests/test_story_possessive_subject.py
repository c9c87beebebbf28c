"""A possessive in a clause with no pet of its own ("…, works nights to raise her kittens") is the clause
before's subject's, not a pet that clause only names after its verb ("abandoned by her husband for a rich cat")."""

from __future__ import annotations

import pytest

from story.premise import analyse


def _sides(premise: str) -> dict[str, tuple[str, str | None]]:
    return {p.words[0]: (p.side, p.of) for p in analyse(premise).cast}


@pytest.mark.parametrize("premise, kin", [
    ("a pregnant cat is abandoned by her husband for a rich cat, works nights at a noodle stall to raise her "
     "kittens, and years later her kittens buy her a big house", "kittens"),
    ("a cat is mocked by a rich dog, works hard to feed her kittens", "kittens"),
    ("a poor cat is dumped by her boyfriend for a rich poodle, opens a bakery with her puppies", "puppies"),
    ("a corgi loses his restaurant to a greedy husky, wins it back with his grandma", "grandma"),
])
def test_the_kin_of_a_clause_with_no_pet_of_its_own_is_the_heros(premise: str, kin: str) -> None:
    sides = _sides(premise)
    assert sides[kin] == ("hero", "hero"), sides


@pytest.mark.parametrize("premise, kin", [
    ("a husky is laughed at by the poodles, trains every night with his grandpa", "grandpa"),
    ("a cat is mocked by a dog and her sister comforts her", "sister"),
    ("a cat is abandoned by her husband and raises her kittens alone", "kittens"),
])
def test_kin_read_before_stays_the_heros(premise: str, kin: str) -> None:
    assert _sides(premise)[kin][0] == "hero"
