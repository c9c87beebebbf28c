"""Whose job a job word is: the one the premise names by a job who does something to the pet ("the fishermen feed
her fish", 快递员在雨里救了一只小猫, 医生给受伤的小猫包扎) or to whom the pet does something ("refuses to pay the doctor")
is that one, never the pet: the pet was dressed in the doctor's white coat at the restaurant and told a doctor's
career; a job said with the pet ("a corgi fisherman", 保安大黄狗, 擦窗户的橘猫) stays its own. The hero whose own
words say its job ("the retired fire dog", "the police dog", 警犬, "the sled dog") is not told it twice ("the police
dog, police", 警犬，侦探, "the sled dog, athlete")."""

from __future__ import annotations

import pytest

from render.painter.persona import personas
from story.offline import write_story
from story.premise import analyse
from story.understood import understood_line

_OTHERS = [
    ("a stray cat lives at the harbour and the fishermen feed her fish every morning", "fisherman"),
    ("快递员在雨里救了一只小猫", "delivery"),
    ("a greedy cat refuses to pay the doctor at the restaurant", "doctor"),
    ("医生给受伤的小猫包扎了伤口", "doctor"),
    ("警察叔叔帮走丢的小狗找到了主人", "police"),
    ("a stray cat lives in a residential compound and the security guard chases him away", "security"),
    ("a beagle saves the farmer who was trapped in the fire", "farmer"),
    ("he takes the puppy in the rain to the vet", "doctor"),
]


@pytest.mark.parametrize(("premise", "job"), _OTHERS)
def test_a_job_of_one_who_meets_the_pet_is_not_the_pets(premise: str, job: str) -> None:
    a = analyse(premise)
    assert a.job != job and a.hero.job != job and a.dream != job


@pytest.mark.parametrize(("premise", "job"), [
    ("a corgi fisherman catches a big fish", "fisherman"),
    ("the husky fisherman sails home", "fisherman"),
    ("快递员小狗每天送外卖", "delivery"),
    ("保安大黄狗每天守着小区大门", "security"),
    ("擦窗户的橘猫努力打工，变成了有钱人", "window_cleaner"),
    ("保洁阿姨猫在公司被经理骂，原来她是董事长的妈妈", "cleaner"),
    ("the ginger cat works hard at the startup and one day everyone learns he's the founder", "founder"),
    ("a weak puppy trains every day to get stronger and wins the race", "athlete"),
    ("the waiters laugh at a scruffy dog in a fancy restaurant, but he is a famous chef", "chef"),
])
def test_a_job_said_with_the_pet_stays_its_own(premise: str, job: str) -> None:
    assert analyse(premise).job == job


@pytest.mark.parametrize(("premise", "language"), [
    ("a greedy cat refuses to pay the doctor at the restaurant", "en"),
    ("快递员在雨里救了一只小猫", "zh"),
])
def test_the_pet_is_not_dressed_in_the_job_of_the_one_it_meets(premise: str, language: str) -> None:
    script = write_story(premise, None, language, 1).script
    assert personas(script)["hero"].job is None
    assert all(a.outfit in ("none", "casual") for s in script.scenes for a in s.characters if a.id == "hero")


def test_the_place_of_the_one_met_at_work_is_where_the_story_is() -> None:
    """医生给受伤的小猫包扎: with the doctor's job no longer the kitten's, the story is still at the hospital."""
    script = write_story("医生给受伤的小猫包扎了伤口", None, "zh", 1).script
    assert script.scenes[0].location == "hospital"


@pytest.mark.parametrize(("premise", "twice"), [
    ("a retired fire dog saves a kitten from a burning house", "fire dog, fire dog"),
    ("a police dog catches the thief who robbed the bakery", "police dog, police"),
    ("a rescue dog finds a lost hiker", "rescue dog, rescue dog"),
    ("a sled dog delivers medicine through the blizzard to a sick village", "athlete"),
    ("a retired police dog becomes a kindergarten crossing guard", "police dog, police"),
    ("警犬追了三条街抓住了偷包的小偷", "侦探"),
    ("搜救犬在地震废墟里找到了被困的小女孩", "消防员"),
    ("导盲犬带着盲人奶奶过马路", "医生"),
])
def test_a_working_dogs_job_is_said_once_by_its_own_word(premise: str, twice: str) -> None:
    a = analyse(premise)
    line = understood_line(a, a.language)
    assert twice not in line
    assert a.hero.words[0] in line  # the premise's own word says the job


def test_a_job_said_with_the_pet_is_still_told() -> None:
    a = analyse("a corgi fisherman catches a big fish")
    assert "the corgi, fisherman" in understood_line(a, "en")


@pytest.mark.parametrize(("premise", "language", "never"), [
    ("a sled dog delivers medicine through the blizzard to a sick village", "en", "athlete"),
    ("a guide dog leads his blind owner across a busy road in the rain", "en", "white_coat"),
    ("导盲犬带着盲人奶奶过马路", "zh", "white_coat"),
    ("a golden retriever becomes a therapy dog at the hospital and cheers up a sad kitten", "en", "white_coat"),
])
def test_a_working_dog_wears_its_harness_never_a_jersey_or_a_doctors_coat(premise: str, language: str,
                                                                         never: str) -> None:
    """A sled dog was drawn in an athlete's numbered jersey, a guide dog in a doctor's white coat and stethoscope:
    the jobs their lexicon words stand nearest to. A working dog wears a working dog's harness vest."""
    from render.painter import StoryboardPainter
    from render.stages import RenderSpec, never_cancel, no_progress

    script = write_story(premise, None, language, 1).script
    assert personas(script)["hero"].job == "harness"
    painter = StoryboardPainter()
    painter.paint_layers(script, RenderSpec(width=90, height=160, seed=1), no_progress, never_cancel)
    drawn = [c["outfit"] for r in painter.report for c in r["drawn"]["characters"] if c["id"] == "hero"]
    assert never not in drawn and "harness" in drawn
