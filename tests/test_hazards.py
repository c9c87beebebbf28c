"""A disaster drawn where it strikes and its damage after: the premise's flood, earthquake, fire or storm as
the loss scene's floodwater, cracked ground, flames or storm (a room's window in a storm: the storm outside,
a bent tree, lightning), the rubble of the aftermath scenes, and the hazard of the enemies arc's danger scene.
Story tests read real writer output; painter tests paint one small keyframe."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter.vocabulary import hazard_of, match_prop
from story.arcs import premise_hazard
from story.offline import write_story
from tests.test_staging import _scene, _still


@pytest.mark.parametrize(("asked", "drawn"), [
    ("floodwater", "floodwater"), ("flood", "floodwater"), ("洪水", "floodwater"), ("cracked ground", "cracked ground"),
    ("earthquake", "cracked ground"), ("地震", "cracked ground"), ("rubble", "rubble"), ("废墟", "rubble"),
])
def test_the_painter_knows_a_disaster_by_its_words(asked: str, drawn: str) -> None:
    assert hazard_of(asked) == drawn
    assert hazard_of("cheering crowd") is None and hazard_of("fire") is None  # a crowd, the flames: props


@pytest.mark.parametrize("hazard", ["floodwater", "cracked ground", "rubble"])
def test_a_disaster_is_drawn_across_the_floor_and_reported_there(hazard: str) -> None:
    plain, _ = _still(_scene("shop", mood="sad"))
    drawn, report = _still(_scene("shop", mood="sad", props=[hazard, "trophy"]))
    entry = report["drawn"]["props"][0]
    assert (entry["asked"], entry["drawn"], entry["where"]) == (hazard, hazard, "floor")
    assert report["asked"]["props"] == [hazard, "trophy"]  # asked in the script's order, none reported unseen
    assert [e["drawn"] for e in report["drawn"]["props"]] == [hazard, "trophy"]
    floor = slice(int(plain.shape[0] * 0.62), int(plain.shape[0] * 0.95))
    assert np.abs(drawn[floor] - plain[floor]).mean() > 4  # the floor itself changed, not one spot
    assert match_prop(hazard).how == "fallback"  # never a placed prop: nothing stands in for it


def test_a_room_in_a_storm_shows_it_through_the_window() -> None:
    clear, _ = _still(_scene("bedroom"))
    storm, report = _still(_scene("bedroom", weather="storm"))
    assert report["asked"]["weather"] == "storm" and "indoors" in report["drawn"]["note"]  # none falls inside
    h, w = clear.shape[:2]
    window = storm[int(h * 0.08):int(h * 0.34), int(w * 0.58):int(w * 0.9)]
    assert window.max(axis=2).max() > 230 and window.mean() < clear[int(h * 0.08):int(h * 0.34),
                                                                        int(w * 0.58):int(w * 0.9)].mean() - 30
    assert storm.mean() < clear.mean() - 10  # the room dimmed by the storm's grey light


@pytest.mark.parametrize(("premise", "strikes"), [
    ("A flood washes away the corgi's bakery, but he opens it again.", "floodwater"),
    ("An earthquake destroys the husky's noodle shop and the whole town helps him rebuild.", "cracked ground"),
    ("地震震塌了哈士奇的面馆,全村人帮它重建。", "cracked ground"),
    ("A little ginger cat loses her home in a storm and rebuilds it with the help of her neighbours.", "storm"),
])
def test_a_disaster_strikes_on_screen_and_its_aftermath_shows_the_rubble(premise: str, strikes: str) -> None:
    lang = "zh" if premise[0] > "\u3000" else "en"
    scenes = write_story(premise, None, lang, 1).script.scenes
    hit = next(i for i, s in enumerate(scenes) if strikes in s.props or s.weather == strikes)
    assert any("rubble" in s.props and s.location == scenes[hit].location for s in scenes[hit + 1:hit + 3])
    assert not any("rubble" in s.props for s in scenes[:hit])  # no damage before it strikes
    assert "rubble" not in scenes[-1].props  # rebuilt by the end


@pytest.mark.parametrize(("premise", "words"), [
    ("Two dogs who hate each other become friends when one saves the other from a flood.", ", in the floodwater"),
    ("两只互相讨厌的狗,在洪水中一只救了另一只,成了好朋友。", ", in the floodwater"),
    ("the cat and the dog are enemies until a fire", ", by the flames"),
    ("a cat and a dog hate each other until a storm", ", in a storm"),
    ("a cat and a dog hate each other", ""),
])
def test_the_danger_is_the_premises_own_disaster(premise: str, words: str) -> None:
    assert premise_hazard(premise) == words


def test_the_enemies_danger_scene_draws_its_hazard() -> None:
    scenes = write_story("A grumpy cat and a dog are enemies until the flood", None, "en", 1).script.scenes
    assert any("floodwater" in s.props for s in scenes)
