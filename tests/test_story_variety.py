"""A clip a muted viewer can follow: no weather the premise never asked for, in a line or a picture (the arcs'
"the rain soaks every hair" in a story of none), and no scene drawn as the one before it. Real writer output."""

from __future__ import annotations

import re
from typing import Any

import pytest

from story.arcs import plan_story
from story.lexicon import lexicon
from story.offline import write_story
from story.premise import analyse
from story.variety import vary_pictures


def _weathers(text: str, names: list[str]) -> list[str]:
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    return lexicon().keys(text, "weathers")


@pytest.mark.parametrize(("premise", "lang", "seeds"), [
    ("A pug runs away from home after being scolded, gets lost in the city, and his family finds him at night",
     "en", range(3)),  # lost_and_found's "the rain soaks every hair", "shivers under a bench in the rain"
    ("The poor ginger cat is bullied by a rich white Persian at school, studies hard, opens a big company and the "
     "Persian comes to beg for a job", "en", (2, 4)),
    # career_dream's "practised … a thousand times, in the rain and in the dark"
    ("小哈士奇跑出了家门，在公园里迷路了，一个好心的老奶奶把它送回了家", "zh", (0, 1)),  # 雨水浸透了…的毛
])
def test_an_arc_names_no_weather_in_a_story_of_none(premise: str, lang: str, seeds: range) -> None:
    for seed in seeds:
        plan = plan_story(analyse(premise), "corgi", lang, seed)
        names = [c.name for c in plan.cast]
        said = [(b.line, b.visual) for b in plan.beats if _weathers(f"{b.line} {b.visual}", names)]
        assert said == [], seed


def _scene(mood: str, *apps: tuple[str, str]) -> dict[str, Any]:
    return {"location": "street", "mood": mood, "characters": [
        {"id": i, "action": a, "expression": "neutral"} for i, a in apps]}


def test_the_hero_mocked_again_hangs_its_head() -> None:
    scenes = [_scene("sad", ("rival", "sneer"), ("hero", "stand")) for _ in range(2)]
    vary_pictures(scenes)
    assert [a["action"] for s in scenes for a in s["characters"]] == ["sneer", "stand", "sneer", "sulk"]
    assert scenes[1]["characters"][1]["expression"] == "sad"  # the face of the pose it now has


def test_three_cheers_in_a_row_are_three_pictures() -> None:
    scenes = [_scene("triumphant", ("hero", "celebrate")) for _ in range(3)]
    vary_pictures(scenes)
    poses = [s["characters"][0]["action"] for s in scenes]
    assert poses[0] == poses[2] == "celebrate" and poses[1] not in {"celebrate", "sulk", "cry"}


def test_the_hero_speaks_up_while_the_one_who_mocked_it_begs() -> None:
    scenes = [_scene("dramatic", ("rival", "kneel"), ("hero", "stand")) for _ in range(2)]
    vary_pictures(scenes)
    assert [a["action"] for a in scenes[1]["characters"]] == ["kneel", "talk"]


def test_a_deed_two_do_together_stays() -> None:
    scenes = [_scene("happy", ("hero", "walk"), ("friend", "walk")) for _ in range(2)]
    vary_pictures(scenes)
    assert [a["action"] for s in scenes for a in s["characters"]] == ["walk"] * 4


def test_a_pose_with_nothing_to_change_to_stays() -> None:
    scenes = [_scene("calm", ("hero", "sleep")) for _ in range(2)] + [_scene("calm", ("hero", "stand")) for _ in range(2)]
    vary_pictures(scenes)
    assert [s["characters"][0]["action"] for s in scenes] == ["sleep", "sleep", "stand", "stand"]  # a calm wait too


@pytest.mark.parametrize(("premise", "lang"), [
    ("A skinny stray cat is laughed at by the rich cats, works hard every day, becomes rich and shocks them all", "en"),
    ("A golden retriever falls in love with the cat next door and proposes to her on the roof", "en"),
    ("橘猫被富家白猫嘲笑，每天努力工作，最后成了老板，白猫傻眼了", "zh"),
])
def test_no_scene_is_drawn_as_the_one_before_it(premise: str, lang: str) -> None:
    """The mocking told over two scenes, the hero's cheers over three, the proposal and its answer: each scene a
    new picture to a viewer with the sound off (its place, or who is there doing what)."""
    scenes = write_story(premise, None, lang, 1).script.scenes
    shown = [(s.location, s.time_of_day, s.weather, sorted((c.id, c.action) for c in s.characters)) for s in scenes]
    assert [k for k in range(1, len(shown)) if shown[k] == shown[k - 1]] == [], shown


def test_an_arc_line_names_only_its_own_story_s_weather() -> None:
    """An arc's lines are said in stories of any weather: none names one (the lost pet's "Rain soaks its fur", the
    grind "through rain and wind"), but for the seasons its own story brings (a loyal wait's years of snow), the
    legs of its trip (the time trip's flash of lightning) and, for a rescue's line of one danger (said only where
    the premise names it: ``story.dangers``), the weather that danger's own word names (the snow, a flood's rain)."""
    from story.arcdata import ARC_IDS, arcs
    from story.voyage import legs

    said = []
    for arc_id in ARC_IDS:
        arc = arcs()[arc_id]
        allowed = {*arc.seasons, *(leg.weather for leg in legs(arc_id))}  # a trip's kind is its arc's id
        for beat in arc.beats:
            for entry in [*beat["variants"], *beat.get("more", ())]:
                own = {w for d in entry.get("danger", ()) if d for w in lexicon().keys(d, "weathers")}
                said += [(arc_id, entry[k]) for k in ("en", "zh", "visual") if k in entry
                         and not set(lexicon().keys(entry[k], "weathers")) <= allowed | own]
    assert said == []


@pytest.mark.parametrize(("premise", "lang"), [
    ("A weak puppy trains every night to win the race", "en"),
    ("a greyhound trains hard to win the big race and finally wins", "en"),
    ("小柴犬每天刻苦训练，为了赢得比赛", "zh"),
])
def test_a_win_trained_for_is_raced_then_won_after_the_training(premise: str, lang: str) -> None:
    """"Trains every night to win the race", 为了赢得比赛: the win is what the training is for, never told as won
    there: the training first, then the race's start a scene of its own, then the win."""
    from story.clauses import clauses

    assert len(clauses(analyse(premise))) == len(re.split(r"\band finally\b", premise))  # 为了… is no clause of its own
    scenes = write_story(premise, None, lang, 1).script.scenes
    told = next(k for k, s in enumerate(scenes) if re.search(r"trains|训练", s.narration))
    raced = next(k for k, s in enumerate(scenes) if s.location == "stadium" and any(
        c.id != "hero" and c.action == "run" for c in s.characters))  # off the start line with the others
    won = next(k for k, s in enumerate(scenes) if any(c.id == "hero" and c.action == "celebrate" for c in s.characters))
    assert told < raced < won, [(s.narration[:30], [(c.id, c.action) for c in s.characters]) for s in scenes]
