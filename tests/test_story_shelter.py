"""A premise that tells several events and ends in a rescue ("a lonely old dog is left at the shelter by his
family; a little girl adopts him and he becomes a hero when he saves her from a flood"), staged in the premise's
order: its own events first, the rescue arc's build-up (the cry for help, the slippery way, the climb) right
before the deed it builds to, never before the premise's opening."""

from __future__ import annotations

import re
from functools import cache

import pytest

from story.arcs import arcs
from story.offline import Written, write_story

_LEFT = "a lonely old dog is left at the shelter by his family; a little girl adopts him and he becomes a hero " \
        "when he saves her from a flood"
_LEFT_ZH = "一只老狗被主人遗弃在收容所，一个小女孩收养了它，后来它从洪水里救了小女孩"


@cache
def _written(premise: str, seed: int) -> Written:
    return write_story(premise, None, "zh" if re.search(r"[\u4e00-\u9fff]", premise) else "en", seed)


def _build_up(lang: str) -> re.Pattern[str]:
    """The rescue arc's build-up lines, their fields read as any words."""
    lines = [var[lang] for slot in arcs()["rescue"].beats if slot.get("builds_up") for var in slot["variants"]]
    return re.compile("|".join(re.sub(r"\\\{[a-z_]+\\\}", ".+?", re.escape(line)) for line in lines))


@pytest.mark.parametrize(("premise", "seed", "opening", "deed"), [
    (_LEFT, 1, ("left at the shelter", "adopts"), "saves"),
    (_LEFT, 2, ("left at the shelter", "adopts"), "saves"),
    (_LEFT_ZH, 1, ("遗弃在收容所", "收养"), "救了"),
])
def test_the_rescue_builds_up_right_before_the_deed_after_the_premises_opening(
        premise: str, seed: int, opening: tuple[str, ...], deed: str) -> None:
    written = _written(premise, seed)
    assert written.arc == "rescue"
    said = [" ".join([s.narration, *(line.text for line in s.dialogue)]) for s in written.script.scenes]
    told = [next(i for i, text in enumerate(said) if words in text) for words in opening]
    saved = next(i for i, text in enumerate(said) if deed in text)
    built = [i for i, text in enumerate(said) if _build_up(written.script.language).search(text)]
    assert told == sorted(told) and told[0] <= 1  # the premise's own opening comes first, in its order
    assert built, said  # the arc's build-up is told...
    assert max(told) < min(built) and max(built) < saved  # ...between the premise's opening and its deed
