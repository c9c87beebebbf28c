"""One who leaves is seen from behind, going away (a muted viewer reads "leaving", not "coming"): no eyes,
nose or mouth, its tail over its back, no blink or mouth flaps, the report's ``"view": "back"``; one who only
walks, arrives, drives off or carries a kitten away keeps its face. Pixel checks on one small sprite each."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageDraw

from render.painter.looks import resolve_look
from render.painter.pets import Pet
from render.painter.staging import stage_scene
from render.painter.vocabulary import stage_action
from story.lexicon import lexicon
from story.script import Character, Scene
from tests.test_staging import _scene

_CATS = {"ginger": ("cat", "ginger tabby", "ginger-cat", "a ginger cat"),
         "husky": ("dog", "husky", "husky", "a husky"),
         "persian": ("cat", "white Persian", "white-persian", "a fluffy white Persian cat"),
         "corgi": ("dog", "Pembroke corgi", "corgi", "a corgi")}


def _pet(kind: str, away: bool, action: str = "exit") -> tuple[np.ndarray, Pet]:
    species, breed, style, look = _CATS[kind]
    char = Character.model_validate({"id": "hero", "name": "A", "species": species, "breed": breed, "look": look,
                                     "style": style})
    img = Image.new("RGB", (240, 240), (200, 200, 205))
    pose = stage_action(action, "neutral", None, [], "street")
    pet = Pet(ImageDraw.Draw(img, "RGBA"), 120, 230, 200, resolve_look(char, random.Random(1)), "none", pose, 1,
              turned=True, away=away)
    pet.draw()
    return np.asarray(img, dtype=np.int16), pet


def _dark(a: np.ndarray) -> int:
    return int((a.max(axis=2) < 60).sum())


@pytest.mark.parametrize("kind", list(_CATS))
def test_one_leaving_is_drawn_from_behind_with_no_face(kind: str) -> None:
    front, _ = _pet(kind, away=False)
    back, _ = _pet(kind, away=True)
    # the eyes and nose: the inked pixels in the face's band (head centre -71 u, the pet 200 px tall, feet at 230)
    u = 200 / 104
    band = (slice(round(230 - 80 * u), round(230 - 56 * u)), slice(round(120 - 14 * u), round(120 + 22 * u)))
    assert _dark(back[band]) < 0.35 * _dark(front[band]), kind  # only the outline left: no eyes, nose or mouth
    # the tail over the back: the body's middle differs from the front's belly
    body = (slice(round(230 - 50 * u), round(230 - 18 * u)), slice(round(120 - 16 * u), round(120 + 16 * u)))
    assert np.abs(back[body] - front[body]).mean() > 8, kind


def test_one_seen_from_behind_has_no_blink_or_mouth_flap() -> None:
    _, pet = _pet("ginger", away=True)
    assert pet.blink() is False and pet.talk() is False
    _, pet = _pet("ginger", away=False)
    assert pet.talk() is True


_CAST = ["hero", "rival", "partner"]


def _staged(chars: list[dict[str, Any]], props: list[str] | None = None, young: dict[str, int] | None = None) -> dict[
        str, Any]:
    scene = Scene.model_validate(_scene("street", chars, props=props or []))
    staged, _ = stage_scene(scene, _CAST, young)
    return {st.id: st for st in staged}


def test_the_partner_who_leaves_and_the_one_it_leaves_with_go_away_with_their_backs_to_us() -> None:
    st = _staged([{"id": "rival", "action": "exit"}, {"id": "hero", "action": "cry"},
                  {"id": "partner", "action": "exit", "target": "rival"}])
    assert st["rival"].away and st["partner"].away and not st["hero"].away
    assert st["rival"].motion.startswith("exit")


@pytest.mark.parametrize(("chars", "props", "young"), [
    ([{"id": "hero", "action": "walk"}], [], None),  # only walking: its way, its face
    ([{"id": "hero", "action": "enter"}], [], None),  # coming in: toward us
    ([{"id": "hero", "action": "exit"}], ["car"], None),  # driving off: at the wheel
    ([{"id": "hero", "action": "exit", "target": "rival"}, {"id": "rival", "action": "stand"}], [], {"rival": 1}),
])
def test_only_one_leaving_on_foot_is_seen_from_behind(chars: list[dict[str, Any]], props: list[str],
                                                      young: dict[str, int] | None) -> None:
    assert not any(st.away for st in _staged(chars, props, young).values())


def test_the_report_says_the_leaver_is_seen_from_behind() -> None:
    from tests.test_staging import _still

    _, report = _still(_scene("street", [{"id": "hero", "action": "cry"}, {"id": "rival", "action": "exit"}]))
    chars = {c["id"]: c for c in report["drawn"]["characters"]}
    assert chars["rival"]["view"] == "back" and "view" not in chars["hero"]


@pytest.mark.parametrize("words", ["walks out", "walked out on him"])
def test_walking_out_is_leaving(words: str) -> None:
    keys = lexicon().keys(f"his wife {words}", "actions")
    assert "exit" in keys and "walk" not in keys
