"""A quarrel over a broken toy (issue 12): the toy is drawn as a toy (a toy car small, never the sports car),
broken where a deed breaks it, shoved over rather than handed over as a gift, and the quarrel is at home."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter.vocabulary import match_prop
from story.offline import write_story
from story.staged import breaking
from tests.test_staging import _scene, _still


@pytest.mark.parametrize(("words", "drawn"), [
    ("toy car", "toy car"), ("a red toy car", "toy car"), ("玩具车", "toy car"), ("teddy bear", "toy"),
    ("favourite toy", "toy"), ("玩具熊", "toy"), ("broken pieces", "broken toy"), ("碎片", "broken toy"), ("broken toy car", "broken toy car"),
    ("shiny sports car", "car"),
])
def test_the_painter_draws_toys_as_toys(words: str, drawn: str) -> None:
    assert match_prop(words).drawn == drawn


def test_breaking_words() -> None:
    assert breaking("breaks his favourite toy") and breaking("chews up her teddy bear") and breaking("把它的玩具弄坏了")
    assert not breaking("gives him a toy") and not breaking("送给它一个玩具")


@pytest.fixture(scope="module")
def quarrel() -> list[tuple[str, list[str], list[str]]]:
    w = write_story("his roommate breaks his favourite toy", None, "en", 1)
    return [(s.location, list(s.props), [a.action for a in s.characters]) for s in w.script.scenes]


def test_a_broken_toy_is_drawn_broken_and_shoved_not_given(quarrel: list[tuple[str, list[str], list[str]]]) -> None:
    props = [p for _, ps, _ in quarrel for p in ps]
    assert "broken toy" in props and "gift box" not in props
    assert any("push" in acts for _, ps, acts in quarrel if "broken toy" in ps)
    assert not any("give" in acts for _, _, acts in quarrel)


def test_a_quarrel_over_a_toy_is_at_home(quarrel: list[tuple[str, list[str], list[str]]]) -> None:
    assert {loc for loc, _, _ in quarrel} == {"bedroom"}


def test_a_toy_car_in_the_script_is_the_small_toy_car() -> None:
    w = write_story("my brother dog broke my toy car and won't say sorry", None, "en", 1)
    props = [p for s in w.script.scenes for p in s.props]
    assert "broken toy car" in props and "toy car" not in props  # broken, it is not drawn whole beside it
    assert not any(match_prop(p).drawn == "car" for p in props)


@pytest.mark.parametrize("label", ["toy", "toy car", "broken toy", "broken toy car"])
def test_the_toys_are_painted(label: str) -> None:
    base, _ = _still(_scene("bedroom", [{"id": "hero", "action": "cry"}]))
    drawn, report = _still(_scene("bedroom", [{"id": "hero", "action": "cry"}], props=[label]))
    (entry,) = report["drawn"]["props"]
    assert entry["drawn"] == label
    assert np.abs(drawn.astype(int) - base.astype(int)).mean() > 0.05
