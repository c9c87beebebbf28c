"""A helper who joins the hero, and the middle of a dream told with its own step, on the offline writer's real
scripts (issue 12): "…被一只善良的老狗收留，后来它们一起开了一家面馆" says 可乐和大壮一起开了一家面馆 and draws both
in the noodle shop to the end, never the hero's effort lines said of the old dog nor of a stray wandering the
street; "a shy corgi wants to be a famous singer but everyone laughs at his short legs, he wins the talent show"
shows him practising singing between the laughter and the win, the laughing drawn as a laughing crowd with the
arc's mocker on screen, no eviction lines, and "short legs" read as no place."""

from __future__ import annotations

import re
from functools import cache

import pytest

from render.painter.staging import PlacedProp
from render.painter.vocabulary import match_prop
from story.clauses import clauses
from story.offline import Written, write_story
from story.premise import analyse
from story.script import Scene, Script

NOODLES = "一只被主人抛弃的小橘猫在街头流浪，被一只善良的老狗收留，后来它们一起开了一家面馆"
BAKERY = "a stray kitten is adopted by a kind old golden retriever and they open a bakery together"
SINGER = "a shy corgi wants to be a famous singer but everyone laughs at his short legs, he wins the talent show"


@cache
def written(premise: str, seed: int = 3) -> Written:
    return write_story(premise, None, analyse(premise).language, seed)


def on_screen(scene: Scene) -> set[str]:
    return {a.id for a in scene.characters}


def said(script: Script) -> list[tuple[int, str]]:
    return [(i, t) for i, s in enumerate(script.scenes) for _, t in s.spoken()]


def helper_of(script: Script) -> tuple[str, str]:
    """(id, name) of the one cast member who is not the hero nor the rival."""
    return next((c.id, c.name) for c in script.characters if c.id not in {"hero", "rival"})


@pytest.mark.parametrize(("premise", "verb"), [(NOODLES, "一起开了一家面馆"), (BAKERY, "open a bakery together")])
def test_they_together_name_both_and_show_both_to_the_end(premise: str, verb: str) -> None:
    script = written(premise).script
    hero = script.characters[0].name
    helper, name = helper_of(script)
    zh = script.language == "zh"
    at, line = next((i, t) for i, t in said(script) if verb in t)
    assert re.search(re.escape(hero) + ("和" if zh else " and ") + re.escape(name), line), line
    assert "它们" not in line and not re.search(rf"{re.escape(hero)} {verb}", line), line
    for scene in script.scenes[at:]:  # the ending the premise tells together: both in every scene of it
        assert {"hero", helper} <= on_screen(scene), (scene.narration, on_screen(scene))


@pytest.mark.parametrize("premise", [NOODLES, BAKERY])
def test_the_one_who_takes_the_hero_in_is_given_no_effort_line(premise: str) -> None:
    """"被…老狗收留": a kindness done to the hero; the lines of effort (练, keeps going, gets up before sunrise)
    are never said of the old dog, and a stray's days on the street are no work either."""
    script = written(premise).script
    _, name = helper_of(script)
    effort = re.compile(r"练|拼|最后一个离开|天不亮|keeps going|keeps at it|before sunrise|tries again|"
                        r"paws still moving|learns something new|tried so hard")
    for _, text in said(script):
        for sentence in re.split(r"(?<=[.!?。！？])\s*", text):
            assert not (sentence.startswith(name) and effort.search(sentence)), sentence
    if script.language == "zh":
        street = [t for i, t in said(script) if "街头" in t]
        assert street and not any(effort.search(t) for t in street), street


def test_a_helper_passive_with_words_between_is_on_the_heros_side() -> None:
    """"is rescued from the rain by an old cat": the rescuer is a friend, never the rival."""
    cat = next(p for p in analyse("a scruffy puppy is rescued from the rain by an old cat, and together they "
                                  "open a small tea shop").cast if p.species == "cat")
    assert cat.side == "hero" and cat.role != "rival", cat


def test_he_after_the_mocking_group_is_the_hero() -> None:
    """"the other dogs laugh at his belly, he wins the dance contest": the hero wins, not the mockers."""
    said_clauses = clauses(analyse("a chubby pug wants to be a dancer, the other dogs laugh at his belly, "
                                   "he wins the dance contest"))
    assert said_clauses[1].obj == "hero"
    assert said_clauses[2].actor == "hero", said_clauses[2]


def test_a_dream_mocked_by_everyone_is_practised_before_it_is_won() -> None:
    story = written(SINGER)
    script = story.script
    lines = " ".join(t for _, t in said(script))
    assert not re.search(r"empty bag|out in the cold|Rent is due|coins", lines), lines  # no eviction
    assert not any("suitcase" in s.props for s in script.scenes)
    mocked = next(i for i, s in enumerate(script.scenes) if "laughs at" in s.narration)
    won = next(i for i, s in enumerate(script.scenes) if "wins the talent show" in s.narration)
    between = [a.action for s in script.scenes[mocked + 1:won] for a in s.characters if a.id == "hero"]
    assert "sing" in between, between  # the story's missing step: practising singing
    scene = script.scenes[mocked]
    assert "laughing crowd" in scene.props and "cheering crowd" not in scene.props, scene.props
    for c in script.characters:  # a cast member is on screen somewhere: the arc's mocker laughs at him
        assert any(c.id in on_screen(s) for s in script.scenes), c.name
    if len(script.characters) > 1:
        assert any(a.action == "laugh" and a.target == "hero" for a in scene.characters), scene.characters
    assert not [s for s in story.substitutions if s.kind == "place" and "legs" in s.wanted], story.substitutions


def test_a_body_part_after_at_is_no_place_nor_prop() -> None:
    story = written("a chubby pug wants to be a dancer, the other dogs laugh at his belly, he wins the dance contest")
    assert not [s for s in story.substitutions if "belly" in s.wanted], story.substitutions
    assert not any("belly" in p for s in story.script.scenes for p in s.props)


def test_a_laughing_crowd_is_drawn_laughing() -> None:
    """The painter draws the place's crowd for "laughing crowd" with laughter over it, never a cheering one."""
    laughing = PlacedProp(match_prop("laughing crowd"), "back", 0.5, 0.5, 0.2, "onlookers")
    cheering = PlacedProp(match_prop("cheering crowd"), "back", 0.5, 0.5, 0.2, "onlookers")
    assert laughing.art == cheering.art == "onlookers"
    assert laughing.jeering and not cheering.jeering


@pytest.mark.parametrize(("premise", "looks"), [
    ("a corgi and his best friend, a black cat, open a bakery together", [("dog", "corgi"), ("cat", "black_cat")]),
    ("a poor ginger cat and her best friend, a husky, open a noodle shop", [("cat", "ginger"), ("dog", "husky")]),
    ("two best friends, a corgi and a ginger cat, open a noodle stall together", [("dog", "corgi"), ("cat", "ginger")]),
])
def test_a_best_friend_said_again_after_a_comma_is_one_pet(premise: str, looks: list[tuple[str, str | None]]) -> None:
    """"his best friend, a black cat": the black cat is the best friend, never a third pet beside them."""
    cast = analyse(premise).cast
    assert [(p.species, p.breed) for p in cast] == looks, cast
    assert cast[1].relation == "best_friend", cast[1]


def test_the_dream_named_again_is_no_job_of_the_heros() -> None:
    """"dreams of being a ballet dancer … wins the ballet contest": the dancer is the dream, not a job it has
    now (its arc's "maybe I'm just a dancer" said the dream as the humble job)."""
    analysis = analyse("a clumsy husky dreams of being a ballet dancer, his classmates laugh at him, "
                       "he wins the ballet contest")
    assert (analysis.job, analysis.dream) == (None, "dancer")
