"""Draws made aside from a seed's generator. Pure.

Answers: how a choice that only some premises make (a rescue's line of its own danger, the meeting of one taken in,
a scene more of effort) is drawn without moving the seed's other draws (``aside``): the arc planner
(``story.arcs``) and the filler (``story.weave``) both draw so, so a premise keeps its other lines as they were.
"""

from __future__ import annotations

import random


def aside(rng: random.Random, key: str) -> random.Random:
    """A generator seeded by ``rng``'s state and ``key``, drawing nothing from ``rng``: a choice only some
    premises make (a rescue's line of its own danger, the scene more of effort before a win) leaves the seed's
    other draws as they were."""
    return random.Random(f"{key}\x00{rng.getstate()[1][:8]}")
