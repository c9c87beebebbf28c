"""A disaster's loss seen on screen (``show_damage``, on the expanded scenes of a disaster story: "a flood washes
away the corgi's bakery", 地震震塌了面馆): the scene where it strikes draws the disaster itself (the floodwater,
the cracked ground, the flames, the storm), and the scenes of its aftermath that follow there (the hero sad or
stunned, before rebuilding starts) show the damage it left: the rubble (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from story.analysis import Analysis
from story.kinds import story_kind
from story.lexicon import lexicon

# the scene props of a disaster striking (lexicon labels) and what is left after it
_STRIKES = ("flood", "earthquake", "fire")
_LEFT = "rubble"
_OVER = frozenset({"happy", "triumphant", "funny"})  # moods past the aftermath
_REBUILDING = frozenset({"work", "celebrate", "train", "dance", "sing"})  # the hero busy again: rebuilding
_LASTS = 3  # scenes at most: the damage is the aftermath's, not the whole story's


def _strikes(scene: Mapping[str, Any], labels: frozenset[str], storm: bool) -> bool:
    return bool(labels & set(scene["props"])) or storm and scene["weather"] == "storm"


def show_damage(scenes: list[dict[str, Any]], analysis: Analysis, max_props: int) -> None:
    """In a disaster story, the scenes right after the disaster struck, at its place, before anyone is busy
    rebuilding or glad again (three at most), show the rubble it left (in place of the scene's last prop when it
    has no room)."""
    if story_kind(analysis).id != "disaster":
        return
    lex = lexicon()
    labels = frozenset(str(lex.entry("props", k)["label"]) for k in _STRIKES)
    storm = "storm" in lex.keys(analysis.premise, "weathers")
    struck_at: str | None = None
    after = 0
    for scene in scenes:
        if struck_at is not None:
            over = scene["mood"] in _OVER or any(a["action"] in _REBUILDING for a in scene["characters"])
            if scene["location"] == struck_at and not over and after < _LASTS:
                after += 1
                if _LEFT not in scene["props"]:
                    scene["props"] = [*scene["props"][:max_props - 1], _LEFT]
                continue
            struck_at = None  # the story has moved on: rebuilding, or somewhere else
        if _strikes(scene, labels, storm):
            struck_at, after = scene["location"], 0
