"""An honour won, never a place (pure): "saves a drowning puppy and becomes the town hero", "the hero of the
village", 全村的英雄 name the town only as whose hero the hero becomes. The story is not at the town: the puppy is
saved at the water, and a rescue's arc is not a town's (kinds.json's rescue ``unless``: "the town")."""

from __future__ import annotations

import re
from functools import cache

from story.datafiles import read_json


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """The honour patterns (kinds.json: the one kind whose ``unless`` has an ``honour``), English and Chinese."""
    for kind in read_json("kinds.json")["kinds"]:
        honour = kind.get("unless", {}).get("honour") if isinstance(kind, dict) else None
        if honour:
            return tuple(re.compile(w, re.IGNORECASE) for w in (*honour["en"], *honour["zh"]))
    return ()


def honour_spans(premise: str) -> list[tuple[int, int]]:
    """Where ``premise`` names a place only as whose hero the hero becomes: (start, end) character spans."""
    return [m.span() for p in _patterns() for m in p.finditer(premise)]


def unhonoured(premise: str) -> str:
    """``premise`` with each honour said as a space ("becomes the town hero": "becomes  ")."""
    for p in _patterns():
        premise = p.sub(" ", premise)
    return premise
