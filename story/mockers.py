"""The many who mocked the hero, seen at the end (``show_mockers_stunned``, on the expanded scenes): a premise
whose mocking is done by a group named off screen ("everyone laughed at", "the whole village mocked", "her
classmates", 亲戚们都看不起, 全村人都嘲笑) ends with them there, stunned, as a crowd (``staging.json``'s
``mocking_groups``; the painter draws a "stunned crowd": eyes wide, mouths open) (pure)."""

from __future__ import annotations

from typing import Any

from story.analysis import Analysis
from story.clauses import clauses
from story.staged import data_words

STUNNED = "stunned crowd"
_CHEERING = "cheering crowd"


def mocked_by_many(analysis: Analysis) -> bool:
    """A clause of the premise mocks and names a group (``mocking_groups``) in its words."""
    groups = data_words("staging.json", "mocking_groups")
    return any("mock" in c.events and groups.search(c.text.lower()) for c in clauses(analysis))


def show_mockers_stunned(scenes: list[dict[str, Any]], analysis: Analysis, max_props: int) -> None:
    """The last scene shows the group that mocked the hero, stunned (in place of a cheering crowd, else of
    the scene's last prop when it has no room)."""
    if not scenes or not mocked_by_many(analysis):
        return
    last = scenes[-1]
    props = [p for p in last["props"] if p != _CHEERING]
    if STUNNED not in props:
        last["props"] = [*props[:max_props - 1], STUNNED]
