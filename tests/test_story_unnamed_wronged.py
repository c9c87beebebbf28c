"""The one a Chinese premise opening with 被 leaves unsaid is the hero, the doer after 被 its rival
(story/casting.py ``unnamed_wronged``): 被老板开除后自己创业成功 is never told of the boss as the one fired."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.premise import analyse


@pytest.mark.parametrize("premise", ["被老板开除后自己创业成功", "被老板骂了一顿", "被富家猫嘲笑后，它开了一家面包店"])
def test_the_one_a_passive_leaves_unsaid_is_the_hero(premise: str) -> None:
    """被老板开除后自己创业成功: the one fired is the hero (a pet the premise leaves unsaid), the boss its rival."""
    a = analyse(premise)
    assert a.hero.words == ()
    rival = a.person(a.wrongdoer or "")
    assert rival is not None and rival.role == "rival" and rival.side == "villain"
    script = write_story(premise, None, "zh", 1).script
    narrated = " ".join(sc.narration for sc in script.scenes)
    assert f"被{rival.words[0]}{script.characters[1].name}" in narrated  # 被老板馒头开除: the boss named, not the hero
