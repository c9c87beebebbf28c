"""A grown pet that loves another the premise names right after its love word is a romance (story/kinds.py
``loves_pet``): "a beagle loves a siamese", "a corgi loves a poodle but mom won't allow it"; never kin, a little one
nor a thing."""

from __future__ import annotations

import pytest

from story.kinds import story_kind
from story.offline import write_story
from story.premise import analyse


@pytest.mark.parametrize("premise", ["a beagle loves a siamese", "a corgi loves a poodle but mom won't allow it",
                                     "a golden retriever loves a white cat but her dad says no",
                                     "a husky loves the persian cat across the street",
                                     "a shy pug adores a fluffy samoyed"])
def test_loving_another_pet_is_a_romance(premise: str) -> None:
    assert story_kind(analyse(premise)).id == "romance"
    script = write_story(premise, None, "en", 1).script
    assert len(script.characters) >= 2  # the loved one on screen


@pytest.mark.parametrize("premise", ["a dog loves his grandma", "a kitten loves the park", "a big cat loves the new puppy",
                                     "a corgi loves the mailman", "the grumpy cat loves the little kitten"])
def test_loving_kin_a_little_one_or_a_thing_is_no_romance(premise: str) -> None:
    assert story_kind(analyse(premise)).id != "romance"
