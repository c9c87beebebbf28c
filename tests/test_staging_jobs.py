"""A job and a shop staged where the story reaches them: a job the premise tells after its first clause is not worn
before (no delivery scooter at home in scene 1), a job left for a shop of the hero's own is not worn there (the hot
pot shop's apron, not the delivery uniform), and the script carries the opening (``Scene.opens``) that the painter
reads, never the premise's clauses."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from story.lexicon import lexicon
from story.offline import write_story
from story.script import Script
from story.venues import places_drawn
from tests.test_painter_looks import _paint

_SHIBA = "柴犬的女朋友跟一只有钱的贵宾犬跑了，柴犬每天送外卖攒钱，开了一家火锅店，前女友来吃饭，后悔了"
_TAXI = "the corgi's wife leaves him, he drives a taxi every night, and opens a dumpling shop"


@cache
def _script(premise: str, seed: int = 1) -> Script:
    return write_story(premise, None, "zh" if _SHIBA[:2] in premise else "en", seed).script


def _hero(scene: Any) -> Any:
    return next(a for a in scene.characters if a.id == "hero")


def _told(script: Script, job: str) -> int:
    return next(k for k, s in enumerate(script.scenes)
                if any(h.section == "jobs" and h.key == job for h in lexicon().find(s.narration)))


@pytest.mark.parametrize(("premise", "seed", "job"), [(_SHIBA, 9, "delivery"), (_TAXI, 1, "taxi")])
def test_a_job_told_later_is_not_worn_before_the_story_reaches_it(premise: str, seed: int, job: str) -> None:
    """The delivery scooter was drawn at home in scene 1 and the uniform worn from there, before the girlfriend left
    and the hero took the job; from the scene that tells the job its uniform and tools, not before."""
    script = _script(premise, seed)
    tools = set(lexicon().entry("jobs", job)["props"])
    at = _told(script, job)
    assert at > 0
    for scene in script.scenes[:at]:
        assert not tools & set(scene.props), (scene.narration, scene.props)
        assert _hero(scene).off_job and _hero(scene).outfit == "none", scene.narration
        assert _hero(scene).holding not in tools
    assert not _hero(script.scenes[at]).off_job  # its uniform from here on


@pytest.mark.parametrize(("premise", "seed", "job"), [(_SHIBA, 9, "delivery"), (_TAXI, 1, "taxi")])
def test_a_job_left_for_a_shop_of_its_own_is_not_worn_there(premise: str, seed: int, job: str) -> None:
    """The hero in the delivery uniform in its own hot pot shop: from the scene that opens the shop, the shop's
    apron, and none of the old job's tools; the opening is said once, where it happens."""
    script = _script(premise, seed)
    tools = set(lexicon().entry("jobs", job)["props"])
    opens = [k for k, s in enumerate(script.scenes) if s.opens]
    assert len(opens) == 1
    for scene in script.scenes[opens[0]:]:
        assert not tools & set(scene.props), (scene.narration, scene.props)
        if (hero := next((a for a in scene.characters if a.id == "hero"), None)) is not None:
            assert hero.off_job and hero.outfit == "apron", scene.narration


def test_a_shop_only_dreamt_of_is_not_opened_and_the_job_stays() -> None:
    script = _script("a husky works as a security guard at night and dreams of opening a pizza shop")
    assert not any(s.opens for s in script.scenes)
    assert not any(a.off_job for s in script.scenes for a in s.characters)


def test_the_painter_dresses_a_pet_off_its_job_as_the_script_says() -> None:
    """``off_job`` is the script's word: the delivery rider out on the street in its everyday clothes where the story
    has not reached the job yet, in its uniform where it has."""
    scenes: list[dict[str, Any]] = [
        {"location": "street", "setting": "a street", "characters": [{"id": "hero", "off_job": off}],
         "visual_prompt": "a dog", "narration": "Something happens.", "caption": "Street", "duration": 4.0}
        for off in (True, False)]
    _, report = _paint("a delivery corgi rides through the city", scenes)
    drawn = [next(c for c in r["drawn"]["characters"] if c["id"] == "hero")["costume"]["drawn"] for r in report[:2]]
    assert drawn == ["none", "delivery"]


def test_the_painter_opens_the_shop_where_the_script_says_not_where_the_premise_does() -> None:
    """The noodle shop the premise opens is drawn from the scene that carries the opening (``Scene.opens``), and the
    painter reads no clause of the premise to find it: a script with no opening draws the premise's shop at once."""
    script = _script("a stray cat delivers food on a scooter every night and finally opens its own noodle shop")
    at = next(k for k, s in enumerate(script.scenes) if s.opens)
    assert script.scenes[at].opens and "noodle shop" in str(script.scenes[at].opens)
    drawn = places_drawn(script)
    assert all(m is None or m.kind != "noodle shop" for m in drawn[:at])
    assert all(m is not None and m.kind == "noodle shop" for m in drawn[at:])
    plain = script.model_copy(update={"scenes": [s.model_copy(update={"opens": None, "setting": "a room", "narration":
                                                                       "Time passes."}) for s in script.scenes]})
    assert all(m is not None and m.kind == "noodle shop" for m in places_drawn(plain) if m is not None)
    assert [m for m in places_drawn(plain) if m is not None]


def test_the_pipeline_asks_the_painter_for_the_place_captions_and_imports_no_painter() -> None:
    """render/pipeline.py imported the storyboard painter's ``venue_captions`` (every backend's headlines renamed
    by one painter's shops); it asks the painter through the ``PlaceNamer`` stage instead."""
    import ast
    from pathlib import Path

    from render.painter.painter import StoryboardPainter
    from render.stages import PlaceNamer

    tree = ast.parse(Path("render/pipeline.py").read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not [m for m in imported if m.startswith("render.painter")]
    painter = StoryboardPainter()
    assert isinstance(painter, PlaceNamer)
    script = _script("a lazy pug is kicked out by his owner, works as a dishwasher, and finally opens a burger shop")
    named = painter.place_captions(script)
    at = next(k for k, s in enumerate(script.scenes) if s.opens)
    assert named.scenes[at].caption.startswith("Burger") and not script.scenes[at].caption.startswith("Burger")


@pytest.mark.parametrize(("premise", "dreamt"), [
    ("a poor puppy dreams of owning a bakery but works at a car repair shop", "bakery"),
    ("一只小猫梦想开一家花店，但是它在超市当收银员", "flower shop"),
    ("a husky works as a security guard at night and dreams of opening a pizza shop", "pizzeria"),
])
def test_a_shop_only_dreamt_of_is_never_drawn_where_the_hero_is(premise: str, dreamt: str) -> None:
    """The bakery the puppy only dreams of was drawn in every scene, its car repair shop included; the flower shop
    at the kitten's supermarket. The script says the dream (``Scene.dreams``), and no scene is drawn as it."""
    script = write_story(premise, None, "zh" if "梦想" in premise else "en", 1).script
    assert any(s.dreams for s in script.scenes) and not any(s.opens for s in script.scenes)
    assert not [m.kind for m in places_drawn(script) if m is not None and m.kind == dreamt]
    assert not any(s.setting.startswith(("bakery", "flower shop")) for s in script.scenes)
