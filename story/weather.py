"""The weather each scene of an expanded script is drawn in (``scene_weather``, a step of
``story.expand.expand_plan``). Pure.

Answers: what a scene's picture names, else the premise's own weather (every scene in its season, its place named
with it, the scene before's while it stays there or, falling, outdoors down the next street), else the rainy street's
rain, else clear; and whether a weather can fall in a story of another (``goes_with``: rain in a storm, never rain
where it snows), and a line named a weather only where it may (``fits_weather``, for the filler of
``story/weave.py`` and the arc lines of ``story/arcs.py``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from story.hints import Hints
from story.lexicon import lexicon
from story.plan import staging
from story.spinedata import spine_data


def scene_weather(visual: str, location: str, hints: Hints, before: Mapping[str, Any] | None) -> str:
    """A scene's weather: what its picture's note names (never a line's words: "rain or shine" is no rain);
    else the premise's own weather, in every scene when the premise is set in its season ("a snowy winter"),
    at its place when the place is named with it ("a snowy mountain", 雪山),
    else while the place stays that of the scene before that had it (the rainy night goes on), unless
    its note names the sun (``staging.json``'s ``clear_sky``); else a rainy street's rain, else clear."""
    named = lexicon().keys(visual, "weathers")
    if named:  # the arc's rain in a snowy story is the story's snow
        return named[0] if goes_with(hints.weather, named[0]) else str(hints.weather)
    if hints.weather is not None and (hints.season or hints.placed and location == hints.place):
        return hints.weather  # a snowy winter, the snowy mountain: always in it
    if any(re.search(rf"\b{w}\b", visual.lower()) for w in staging()["clear_sky"]["en"]):
        return "clear"  # the sun is out again after the flood: no rain carried on from the scene before
    if hints.weather is not None and before is not None and before["weather"] == hints.weather and (
            before["location"] == location or hints.falls and not {before["location"], location} & _indoors()):
        return hints.weather  # the snow goes on falling down the next street, outdoors
    if location == "rainy_street":
        return "rain" if goes_with(hints.weather, "rain") else str(hints.weather)
    return "clear"


def _indoors() -> set[str]:
    return set(staging()["indoor_places"]["places"])


def goes_with(story: str | None, weather: str) -> bool:
    """Whether a scene's ``weather`` can fall in a story whose premise's weather is ``story`` (None: any): the same,
    or one that comes with it (rain in a storm: ``spine.json``'s ``weather_lines``), never rain where it snows."""
    return story is None or weather == story or weather in spine_data()["weather_lines"]["with"].get(story, ())


def fits_weather(text: str, weathers: Collection[str]) -> bool:
    """A line (or its note) names no weather but the story's own (``weathers``: its premise's, lexicon keys) or one
    that comes with it (``spine.json``'s ``weather_lines``: rain with a storm): no rain soaking the fur where it
    snows, no rain falling all night in a story of none (its scene would be drawn dry)."""
    named = lexicon().keys(text, "weathers")
    if not named:
        return True
    together = spine_data()["weather_lines"]["with"]
    allowed = {*weathers, *(w for k in weathers for w in together.get(k, ()))}
    return set(named) <= allowed
