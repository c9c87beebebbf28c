"""A divorce seen as one (``show_divorce``, on the expanded scenes): the scene whose words tell it ("a poodle and a
husky get divorced", "divorces her lazy husband", 柯基和老婆离婚了, "the puppy's parents get divorced") shows the
signed divorce papers and the ring given back, the two apart: the hero standing sad with the papers in its paw, the
one it parts from walking off, never the two chatting side by side (the talk it was drawn as); a hero alone there
(its parents' divorce) in tears beside the papers. Pure."""

from __future__ import annotations

import re
from typing import Any

# the words that tell the divorce itself (not a wedding, nor "divorced from reality")
DIVORCE = re.compile(r"\bdivorc(?:e|es|ed|ing)\b(?!\s+from\s+reality)|离婚(?!后|以后|之后|多年|的第|那年)", re.IGNORECASE)
PAPERS = "divorce papers"  # the painter's ``signed papers``: signed sheets with their red seal
RING = "ring"
_APART = frozenset({"stand", "talk", "hug", "think", "wave", "give", "celebrate", "laugh", "walk", "point", "sneer",
                    "shocked", "cry", "sulk"})  # poses a parting is drawn over; a deed of its own (a push) stays


def tells_divorce(words: str) -> bool:
    """Whether a scene's words tell a divorce itself ("get divorced", "divorces her husband", 离婚了)."""
    return bool(DIVORCE.search(words))


def show_divorce(scenes: list[dict[str, Any]], most: int) -> None:
    """Each scene whose narration tells a divorce drawn as one: the papers and the ring on screen, the hero sad with
    the papers (in tears beside them where it is alone), each other pet there walking off, sad, turned away."""
    for scene in scenes:
        if not tells_divorce(scene["narration"]):
            continue
        hero = next((a for a in scene["characters"] if a["id"] == "hero"), None)
        if hero is None or hero["action"] not in _APART:
            continue
        others = [a for a in scene["characters"] if a is not hero and a["action"] in _APART]
        scene["props"] = [PAPERS, RING, *(p for p in scene["props"] if p not in (PAPERS, RING))][:most]
        if others:
            hero.update(action="stand", expression="sad", holding=PAPERS, target=None)
        else:
            hero.update(action="cry", expression="crying", holding=None, target=None)  # its paws at its eyes
        for other in others:
            other.update(action="exit", expression="sad", facing="right", target=None, holding=None)
