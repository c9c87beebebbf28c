"""What a tool action is done with (``story/data/staging.json``: ``gear``, ``phrase_actions``, ``instruments``).

An action done with its own gear (fishing with a rod, taking a photo with a camera, climbing a ladder,
digging with a shovel, skipping a rope, playing an instrument, boxing in gloves) is drawn with that gear in
the pose; the things the premise names for it are that gear, never drawn a second time beside it. A scene's
note says such an action with its whole phrase where the first word alone would name another deed
("skipping rope", "playing the guitar", "climbing the tree"). A hero whose role is such a deed (a photographer, a boxer, a
pianist) is seen doing it. Pure.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from story.datafiles import read_json
from story.text import HAN


@cache
def _data() -> dict[str, Any]:
    data = read_json("staging.json")
    return {"gear": data["gear"], "phrases": data["phrase_actions"], "instruments": data["instruments"],
            "tools": frozenset(data["tool_actions"]),
            "roles": {k: v for k, v in data["role_actions"].items() if k != "about"},
            "climbed": {k: v for k, v in data["climbed"].items() if k != "about"}}


def _says(word: str, text: str) -> bool:
    return word in text if HAN.search(word) else re.search(rf"\b{re.escape(word)}s?\b", text) is not None


def is_gear(action: str, thing: str) -> bool:
    """Whether ``thing`` (the premise's word for an asked prop) is what ``action`` is done with."""
    said = thing.lower()
    return any(_says(w, said) for w in _data()["gear"].get(action, ()))


def tool_action(action: str) -> bool:
    return action in _data()["tools"]


def _first_named(table: str, text: str) -> str | None:
    """The first key of the ``table`` whose words ``text`` says, or None."""
    said = text.lower()
    return next((str(key) for key, words in _data()[table].items() if any(_says(w, said) for w in words)), None)


def played(text: str) -> str | None:
    """The instrument ``text`` names (piano, guitar, violin, drums), or None."""
    return _first_named("instruments", text)


def instrument(text: str) -> str:
    """The instrument ``text`` names (English name: piano, guitar, violin, drums), else the piano."""
    return _first_named("instruments", text) or "piano"


def climbed(text: str) -> str:
    """What a climb in ``text`` is on: a ``tree``, a ``rock`` (a mountain, a cliff), ``stairs`` (a station's steps) or a
    ``ladder`` (a wall too)."""
    return _first_named("climbed", text) or "ladder"


def role_action(role_words: str) -> str | None:
    """The gear deed a role is seen doing (a photographer: ``photo``; a pianist: ``play``), or None."""
    return _first_named("roles", role_words) if role_words else None


def note_phrase(action: str, text: str) -> str | None:
    """The whole phrase a note says ``action`` with (``play`` with the instrument ``text`` names), or None."""
    phrase = _data()["phrases"].get(action)
    if action == "about" or phrase is None:
        return None
    return str(phrase).format(instrument=instrument(text), climbed=climbed(text))
