"""A divorce seen as one (issue 12, sound off): the scene telling it shows the signed papers and the ring, the two
apart (the hero sad with the papers, the other walking off), never the two chatting side by side as it was drawn;
a child whose parents divorce in tears beside the papers. Real writer output, a small real render."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter.vocabulary import match_prop
from render.stages import RenderSpec
from story.divorce import tells_divorce
from story.offline import write_offline
from tests.test_staging import _scene, _still


def _lang(premise: str) -> str:
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"


@pytest.mark.parametrize(("premise", "words", "two"), [
    ("a poodle and a husky get divorced", "get divorced", True),
    ("a poodle divorces her lazy husband and opens a bakery", "divorces", True),
    ("柯基和老婆离婚了", "离婚", True),
    ("a puppy's parents get divorced and he has two homes", "get divorced", False),
])
def test_the_divorce_is_drawn_apart_with_the_papers(premise: str, words: str, two: bool) -> None:
    for seed in (1, 2):
        script = write_offline(premise, "ginger-cat", _lang(premise), seed)
        told = [s for s in script.scenes if words in s.narration]
        assert told, [s.narration for s in script.scenes]
        for scene in told:
            assert {"divorce papers", "ring"} <= set(scene.props), scene.props
            assert match_prop("divorce papers").drawn == "signed papers"
            hero = next(a for a in scene.characters if a.id == "hero")
            others = [a for a in scene.characters if a.id != "hero"]
            assert hero.action != "talk" and hero.expression in ("sad", "crying"), hero
            assert bool(others) == two
            for other in others:  # was: both talking side by side in the bedroom
                assert other.action == "exit" and other.target is None and other.expression == "sad", other


@pytest.mark.parametrize("words", ["they get divorced", "divorces her husband", "柯基和老婆离婚了", "divorced"])
def test_a_divorce_is_read(words: str) -> None:
    assert tells_divorce(words)


@pytest.mark.parametrize("words", ["they get married", "divorced from reality", "离婚后她开了一家店", "a dance"])
def test_no_divorce_no_papers(words: str) -> None:
    assert not tells_divorce(words)


def test_the_papers_are_seen_in_the_paw_with_their_seal() -> None:
    spec = RenderSpec(width=360, height=640, seed=1)
    chars = [{"id": "hero", "action": "stand", "expression": "sad", "holding": "divorce papers"},
             {"id": "rival", "action": "exit", "expression": "sad", "facing": "right"}]
    img, report = _still(_scene("bedroom", chars, props=["divorce papers", "ring"]), spec)
    assert report["drawn"]["characters"][0]["holding"]["drawn"] == "signed papers", report["drawn"]
    plain, _ = _still(_scene("bedroom", [dict(chars[0], holding=None), chars[1]], props=["ring"]), spec)
    changed = np.abs(img - plain).max(axis=-1) > 30
    assert (changed & (np.abs(img - (210, 40, 40)).max(axis=-1) < 30)).sum() > 20  # the red seal
    assert (changed & (np.abs(img - (252, 252, 248)).max(axis=-1) < 12)).sum() > 300  # the white sheets
