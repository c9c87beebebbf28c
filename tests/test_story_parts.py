"""How the scenes are shared between the premise's parts (issue 12): an adoption is told in its wait and its meeting,
the new home no more than about two fifths of the clip; a hero fired before its win is seen at work between them.
Real writer output."""

from __future__ import annotations

import pytest

from story.offline import write_story
from story.script import Scene

_ADOPTED = [
    ("a shy black cat is adopted by a lonely old man", "en", 1),
    ("a shy black cat is adopted by a lonely old man", "en", 2),
    ("a three-legged puppy is adopted by a kind family", "en", 2),
    ("没人要的老狗终于被一位老奶奶收养了", "zh", 1),
    ("一只三条腿的小狗被好心的一家人领养了", "zh", 1),
    ("宠物店笼子里没人要的小猫终于被一个小女孩领养了", "zh", 2),
]


def _ids(scene: Scene) -> list[str]:
    return [a.id for a in scene.characters]


def _taken(scenes: list[Scene], words: tuple[str, ...]) -> int:
    return next(k for k, s in enumerate(scenes) if any(w in s.narration for w in words))


@pytest.mark.parametrize(("premise", "lang", "seed"), _ADOPTED)
def test_an_adoption_is_told_in_its_wait_and_meeting_not_its_new_home(premise: str, lang: str, seed: int) -> None:
    """"is adopted by a lonely old man": the hero alone where it waits, then the one who takes it in arriving, then
    the adoption; the new home after it holds less than half the clip (it held 58-81 %)."""
    scenes = write_story(premise, None, lang, seed).script.scenes
    taken = _taken(scenes, ("adopted by", "收养", "领养"))
    seconds = sum(s.duration for s in scenes)
    home = sum(s.duration for s in scenes[taken + 1:])
    assert home <= 0.5 * seconds, [(s.duration, s.location, s.narration[:40]) for s in scenes]
    assert any(_ids(s) == ["hero"] for s in scenes[:taken]), [(_ids(s), s.narration[:40]) for s in scenes]
    meeting = scenes[taken - 1]
    assert len(_ids(meeting)) == 2 and meeting.location == scenes[taken].location, (_ids(meeting), meeting.location)


@pytest.mark.parametrize(("premise", "lang", "seed"), [
    ("a stray kitten waits at the shelter for months until a little girl adopts her", "en", 1),
    ("a stray kitten waits at the shelter for months until a little girl adopts her", "en", 3),
    ("流浪小猫在收容所等了很久，终于被一个小女孩领养了", "zh", 2),
])
def test_the_wait_says_no_new_home_before_it_is_taken_in(premise: str, lang: str, seed: int) -> None:
    """The scenes of the wait at the shelter say the wait (visitors walk on), never the new home's lines ("the new
    home feels less new", the one who adopts it "checks on it twice in the night") before the adoption."""
    scenes = write_story(premise, None, lang, seed).script.scenes
    taken = _taken(scenes, ("adopts", "领养"))
    home = ("new home", "checks on", "the door is open", "bowl", "新家", "饭碗", "看了")
    said = [" ".join([s.narration, *(d.text for d in s.dialogue)]) for s in scenes[:taken]]
    assert not [t for t in said if any(w in t for w in home)], said
    assert all(s.location == scenes[taken].location for s in scenes[1:taken])


_EFFORT = {"work", "study", "train", "run", "skip", "climb", "dance", "sing", "swim"}


@pytest.mark.parametrize(("premise", "lang", "seed"), [
    ("a clumsy beagle waiter drops a cake on a rich poodle at her birthday party, gets fired, then wins a baking "
     "show on TV", "en", 6),
    ("a clumsy beagle waiter drops a cake on a rich poodle at her birthday party, gets fired, then wins a baking "
     "show on TV", "en", 1),
    ("a lazy tabby cat gets fired from the bakery and then wins the city cooking contest", "en", 2),
    ("a shy corgi singer is kicked out of the band and then wins the talent show", "en", 3),
    ("一只笨手笨脚的柯基服务员把蛋糕打翻在富家狗身上，被开除了，后来在电视上赢得了烘焙大赛", "zh", 1),
])
def test_fired_then_the_win_shows_the_work_between_them(premise: str, lang: str, seed: int) -> None:
    """Fired, then a win with no clause of work between them: the hero is seen at work (at night, away from the job
    it lost) between the firing and the win, never the firing's tears running straight into the trophy."""
    scenes = write_story(premise, None, lang, seed).script.scenes
    fired = _taken(scenes, ("fired", "kicked out", "开除"))
    won = next(k for k, s in enumerate(scenes) if s.mood == "triumphant")
    hero = [next((a.action for a in s.characters if a.id == "hero"), "") for s in scenes]
    work = [k for k in range(fired + 1, won) if hero[k] in _EFFORT]
    assert work, list(zip(hero, [s.location for s in scenes], strict=True))
    assert all(scenes[k].location != scenes[fired].location for k in work), [s.location for s in scenes]
