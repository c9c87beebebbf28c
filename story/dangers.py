"""What a rescue saves from, read from words (pure): the ice, a well, a net, the snow, a fire, a flood, the water.

``danger_of`` names the first danger the words tell (``dangers.json``'s order: the frozen lake is ice before it is
water), ``tells_rescue`` whether they tell a rescue (saves, pulls out, 救, 挖出), and ``rescue_from`` both at once: the
danger a premise's rescue is from. The arc's lines name it (``story.arcs``: the rescue arc's lines of that danger),
and the painter draws the rescue as what it is (``story.drawings.rescue_drawing``): pulled out of the water, lifted
from the well, freed from the net, dug out of the snow, carried out of the fire.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from story.datafiles import read_json


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("dangers.json")
    return data


@cache
def _words() -> dict[str, re.Pattern[str]]:
    words = _data()["words"]
    return {key: re.compile(f"{words[key]['en']}|{words[key]['zh']}", re.IGNORECASE) for key in _data()["order"]}


@cache
def _rescue() -> re.Pattern[str]:
    r = _data()["rescue"]
    return re.compile(f"{r['en']}|{r['zh']}", re.IGNORECASE)


DANGERS: tuple[str, ...] = tuple(_data()["order"])


def danger_of(text: str) -> str | None:
    """The first danger (``DANGERS``' order) the words name, else None."""
    return next((key for key, found in _words().items() if found.search(text)), None)


def tells_rescue(text: str) -> bool:
    """Whether the words tell a rescue (saves, rescues, pulls, digs out, frees, 救, 挖出)."""
    return bool(_rescue().search(text))


def rescue_from(text: str) -> str | None:
    """The danger the words' rescue is from: where they tell a rescue and name a danger, that danger; else None."""
    return danger_of(text) if tells_rescue(text) else None


def drawn(danger: str) -> dict[str, Any]:
    """How a rescue from ``danger`` is drawn: ``rescuer`` and ``saved`` (the painter's drawn_as) and ``marks``
    (what the one saved bears: the ice hole round it, the well's wall, the net over it, the water, soot)."""
    out: dict[str, Any] = _data()["drawn"][danger]
    return out
