"""The spine's data file (``story/data/spine.json``: the verbs, pools, asks and looks the spine, the weave, the
telling and the job reading share), read once (cached).

Its own module, under everything that reads it: ``story.jobs`` (below ``story.premise``), ``story.telling`` and
``story.staged`` all read the one cached copy, which none of them may change.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from story.datafiles import read_json


@cache
def spine_data() -> dict[str, Any]:
    """``story/data/spine.json``, parsed once."""
    data: dict[str, Any] = read_json("spine.json")
    return data
