"""Whether a line fits the kind of place its scene is drawn at (pure): where a beat is drawn (``scene_of``: the
place its note names, else the story's setting, else the street) and whether a line names a thing of another kind
of place (``fits_scene``, ``spine.json``'s ``scene_words``: no leaf drifting past in a shop, no ceiling on the
street, no bed but at home), for the filler of ``story/weave.py`` and the arc lines of ``story/arcs.py``."""

from __future__ import annotations

import re
from functools import cache

from story.lexicon import lexicon
from story.plan import staging
from story.spinedata import spine_data


def scene_of(visual: str, setting: str) -> str:
    """Where a beat is drawn: the place its visual note names, else the story's ``setting``, else the street."""
    hits = lexicon().find(visual, ["places"])
    return str(lexicon().entry("places", hits[0].key)["location"]) if hits else setting or "street"


@cache
def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, or with an s (one search for a group of ``scene_words``)."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")s?\b", re.IGNORECASE)


def fits_scene(line: str, scene: str, lang: str) -> bool:
    """The line names no thing of another kind of place than the scene's (``spine.json``'s ``scene_words``:
    no leaf drifting past in a shop, no ceiling on the street, no bed but at home)."""
    indoors = set(staging()["indoor_places"]["places"])
    for group in spine_data()["scene_words"]["groups"]:
        words = group[lang]
        if not (any(w in line for w in words) if lang == "zh" else words and _words_re(tuple(words)).search(line)):
            continue
        where = group["where"]
        fits = scene not in indoors if where == "outdoors" else scene in indoors if where == "indoors" else scene in where
        if not fits:
            return False
    return True
