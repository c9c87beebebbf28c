"""Breeds and groups (issue 12): a plural breed word is a group of that breed, cast as two or more ("the
bulldogs", 一群哈士奇); a breed the painter knows by its look (dachshund, greyhound) is the hero's breed;
the one a subject-less clause's possessive names belongs to the pet the sentence is about ("…, trains every
night with his grandpa": the hero's grandpa, the hero's breed); pets joined by "and" before a wrong all do
it; a dog show or a cat show is a place (drawn as the stage, said so), no dog or cat of the cast; training
is drawn as training, never a job's rig; nobody is mocked by itself; a coat keeps its colour from a sad scene
to a triumphant one. Every story assertion reads the offline writer's real output."""

from __future__ import annotations

import random

import pytest
from PIL import Image

from render.painter.grading import grade_sprite
from render.painter.looks import resolve_look
from render.painter.vocabulary import stage_action
from story.linechecks import self_told
from story.offline import write_story
from story.premise import analyse
from tests.spoken import spoken


@pytest.mark.parametrize(("premise", "hero", "group", "least"), [
    ("a little pug is mocked by the bulldogs at the park and becomes a star", "pug", "bulldog", 2),
    ("a shy dachshund is teased by the corgis in the park and never gives up", "dachshund", "corgi", 2),
    ("a slow greyhound is laughed at by three shiba inus and wins in the end", "greyhound", "shiba", 3),
    ("一只小猫被一群哈士奇欺负，后来成了明星", None, "husky", 2),
    ("一只腊肠狗被贵宾犬们嘲笑，最后赢了", "dachshund", "poodle", 2),
])
def test_a_plural_breed_is_a_group_of_that_breed(premise: str, hero: str | None, group: str, least: int) -> None:
    cast = analyse(premise).cast
    assert cast[0].role == "hero" and (hero is None or cast[0].breed == hero), [(p.role, p.breed) for p in cast]
    mockers = [p for p in cast if p.breed == group]
    assert len(mockers) >= least and all(p.side == "villain" for p in mockers), [(p.role, p.breed) for p in cast]


def test_a_subjectless_clause_goes_on_with_the_pet_it_is_about() -> None:
    cast = analyse("a slow greyhound is mocked by the pugs, trains every day with his grandma and wins").cast
    grandma = next(p for p in cast if p.relation == "grandma")
    assert grandma.of == "hero" and grandma.side == "hero"
    script = write_story("a slow greyhound is mocked by the pugs, trains every day with his grandma and wins",
                         None, "en", 1).script
    breeds = {c.id: c.breed for c in script.characters}
    assert breeds["hero"] == breeds["grandma"] == "greyhound", breeds


@pytest.mark.parametrize("premise", [
    "a beagle and a pug laugh at a little corgi, who trains hard and wins",
    "a husky and two bulldogs make fun of a tiny chihuahua at the park",
])
def test_pets_joined_before_a_wrong_all_do_it(premise: str) -> None:
    cast = analyse(premise).cast
    assert cast[0].breed in {"corgi", "chihuahua"}, [(p.role, p.breed) for p in cast]
    assert all(p.side == "villain" for p in cast[1:]), [(p.role, p.side) for p in cast]


@pytest.mark.parametrize(("premise", "lang"), [
    ("a fluffy samoyed is laughed at by a beagle at the dog show, practises every night and wins", "en"),
    ("a grey tabby is mocked by a ragdoll at the cat show and wins the crown", "en"),
    ("一只布偶猫在猫展上被三花猫嘲笑，最后赢了", "zh"),
])
def test_a_pet_show_is_a_place_not_a_pet(premise: str, lang: str) -> None:
    cast = analyse(premise).cast
    assert len(cast) == 2, [(p.role, p.words) for p in cast]
    script = write_story(premise, None, lang, 2).script
    assert script.scenes[0].location == "stage"
    names = [c.name for c in script.characters]
    assert not any(f"{n} show" in t for t in spoken(script) for n in names)  # never "at Bear show"


@pytest.mark.parametrize("premise", [
    "a lazy beagle is teased by a collie, trains every night in the street and wins the race",
    "a chubby pug is teased by a beagle, trains every night with his grandma and wins the cup",
    "a slow corgi athlete is mocked by the whippets and works hard every day to win the marathon",
    "小柯基被斗牛犬看不起，每天和爷爷一起训练，最后赢了",
])
def test_training_is_drawn_as_training_not_a_job(premise: str) -> None:
    for seed in range(3):  # the effort scenes too ("night after night, Bear keeps at it"): training, no chores
        script = write_story(premise, None, "zh" if "小" in premise else "en", seed).script
        training = [a for s in script.scenes for a in s.characters if a.action == "train"]
        assert training and all(a.action != "work" for s in script.scenes for a in s.characters), seed


def test_a_training_pose_is_no_job() -> None:
    pose = stage_action("train", "neutral", None, [], "street")
    assert pose.rig is None and pose.job is None and pose.legs == "stride"


@pytest.mark.parametrize("premise", [
    "a shy labradoodle is laughed at by the poodles at the dog show and trains every night",
    "a tiny axolotl dog is mocked by the huskies and wins",
])
def test_nobody_is_mocked_by_itself(premise: str) -> None:
    for seed in range(2):
        script = write_story(premise, None, "en", seed).script
        assert not self_told(spoken(script), [c.name for c in script.characters]), seed


def test_self_told_reads_a_passive_doer() -> None:
    lines = ["Noodle is laughed at by Noodle, the bulldogs.", "Rex is laughed at by the poodles."]
    assert self_told(lines, ["Noodle", "Rex"]) == lines[:1]


@pytest.mark.parametrize(("breed", "look", "fur"), [
    ("dachshund", "a long, low red-brown dachshund", (170, 88, 45)),
    ("greyhound", "a slim grey greyhound", (168, 164, 162)),
])
def test_a_breed_is_drawn_in_its_own_coat(breed: str, look: str, fur: tuple[int, int, int]) -> None:
    from story.script import Character

    c = Character(id="hero", name="Bear", species="dog", breed=breed, look=look, voice="male")
    assert {resolve_look(c, random.Random(s)).fur for s in range(4)} == {fur}


def test_a_white_coat_stays_white_from_a_sad_scene_to_a_triumphant_one() -> None:
    white = Image.new("RGBA", (4, 4), (248, 246, 240, 255))
    sad, won = (grade_sprite(white, mood, 150).getpixel((0, 0)) for mood in ("sad", "triumphant"))
    assert max(abs(a - b) for a, b in zip(sad[:3], won[:3], strict=True)) <= 32, (sad, won)
    assert min(sad[:3]) >= 210  # still a white dog, not a grey one
