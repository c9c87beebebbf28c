"""A premise that tells several events and ends in a rescue ("a lonely old dog is left at the shelter by his
family; a little girl adopts him and he becomes a hero when he saves her from a flood"), staged in the premise's
order: its own events first, the rescue arc's build-up (the cry for help, the slippery way, the climb) right
before the deed it builds to, never before the premise's opening."""

from __future__ import annotations

import re
from functools import cache

import pytest

from story.arcdata import arcs
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


@pytest.mark.parametrize(("premise", "seed", "taken", "home"), [
    (_LEFT, 1, "adopts", "bedroom"),
    (_LEFT_ZH, 1, "收养", "bedroom"),
    ("an old farmer adopts a stray puppy, and one night the puppy saves the farmer's lambs from a fire", 1, "adopts",
     "farm"),
])
def test_taken_in_at_the_shelter_it_lives_at_its_new_home(premise: str, seed: int, taken: str, home: str) -> None:
    """After the clause that takes the hero in, the story is at the home it was taken to (the farmer's farm), never
    at the shelter it left: the flood, and the rescue's build-up right before it, are there."""
    scenes = _written(premise, seed).script.scenes
    at = next(i for i, s in enumerate(scenes) if taken in s.narration)
    assert {s.location for s in scenes[at + 1:]} == {home}, [s.location for s in scenes]


@pytest.mark.parametrize(("premise", "told"), [
    (_LEFT, "left at the shelter"),
    (_LEFT_ZH, "遗弃在收容所"),
    ("金毛被主人丢在路边，一个农夫收留了它，后来它救了农夫的孩子", "丢在路边"),
    ("a golden retriever is abandoned on the highway by his owners; a farmer finds him", "abandoned"),
])
def test_a_pet_abandoned_is_seen_left_behind(premise: str, told: str) -> None:
    """The pet left at the shelter or by the road cries after the ones walking away (it stood there, the owner wept)."""
    scene = next(s for s in _written(premise, 1).script.scenes if told in s.narration)
    acts = {a.id: a.action for a in scene.characters}
    assert acts["hero"] == "cry"
    assert all(act == "exit" for who, act in acts.items() if who != "hero")
