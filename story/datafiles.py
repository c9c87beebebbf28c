"""The story layer's data files (``story/data/**/*.json``: vocabularies, arcs, line pools), read as JSON.

Each module that owns a data file keeps its own cached loader and calls ``read_json`` for the text.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_json(name: str) -> Any:
    """The parsed JSON of ``story/data/<name>`` (``name`` may name a subfolder: ``arcs/common.json``)."""
    return json.loads(resources.files("story").joinpath(f"data/{name}").read_text(encoding="utf-8"))
