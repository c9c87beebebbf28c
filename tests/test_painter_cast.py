"""The cast as a viewer tells it with the sound off: a dachshund (a basset hound) drawn with its long, low body
stretching out behind it; a queue stands beside the pets of its scene, not hidden behind them. Pixel and layout
checks on real paints."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
from PIL import Image, ImageDraw

from render.painter.looks import resolve_look
from render.painter.pets import Pet
from render.painter.staging import stage_scene
from render.painter.vocabulary import stage_action
from story.script import Character, Scene
from tests.test_staging import _scene


def _width(character: Character, long: bool | None = None) -> int:
    """The pet's ink width in pixels, drawn standing at 200 px tall."""
    look = resolve_look(character, random.Random(1))
    look = look if long is None else replace(look, long=long)
    img = Image.new("RGB", (400, 260), (255, 255, 255))
    pose = stage_action("stand", "neutral", None, [], "street")
    Pet(ImageDraw.Draw(img, "RGBA"), 200, 250, 200, look, "none", pose, 1).draw()
    inked = (np.asarray(img, dtype=np.int16) < 235).any(axis=2).any(axis=0)
    cols = np.flatnonzero(inked)
    return int(cols[-1] - cols[0] + 1)


def test_a_dachshund_is_drawn_long() -> None:
    dachshund = Character(id="hero", name="Buddy", species="dog", breed="dachshund",
                          look="a long, low red-brown dachshund with short legs and floppy ears")
    corgi = Character(id="hero", name="Bear", species="dog", breed="Pembroke corgi", look="a chubby corgi")
    assert resolve_look(dachshund, random.Random(1)).long and not resolve_look(corgi, random.Random(1)).long
    assert resolve_look(replace_breed(dachshund, "腊肠犬"), random.Random(1)).long
    # the body behind it makes it a third wider than the same dog drawn without it (193 px against 141)
    assert _width(dachshund) > 1.3 * _width(dachshund, long=False)
    cat = Character(id="hero", name="Sausage", species="cat", breed="tabby", look="a sausage dog of a cat")
    assert not resolve_look(cat, random.Random(1)).long  # a cat is never drawn with a dog's long body


def replace_breed(character: Character, breed: str) -> Character:
    return character.model_copy(update={"breed": breed, "look": "a dog"})


def test_a_queue_stands_beside_the_pets() -> None:
    for chars in ([{"id": "hero", "action": "shocked"}],
                  [{"id": "hero", "action": "stand"}, {"id": "rival", "action": "stand"}]):
        scene = Scene.model_validate(_scene("restaurant", chars, props=["queue", "steaming bowl"]))
        staged, placed = stage_scene(scene, ["hero", "rival"])
        queue = next(p for p in placed if p.match.drawn == "queue")
        # never behind a pet (was: at the middle of the back, right behind the lone hero); the queue is about
        # two thirds of the frame wide: a lone pet stands clear of it
        apart = min(abs(queue.x - st.slot.x) for st in staged)
        assert apart >= (0.4 if len(staged) == 1 else 0.2), (queue.x, [st.slot.x for st in staged])
