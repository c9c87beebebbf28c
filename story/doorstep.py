"""A pet waiting at its home's door seen there (``show_at_door``, on the expanded scenes) (pure).

"A dog waits at the door every evening for his owner", 小猫每天趴在家门口等奶奶回来: the home is the premise's
place, but the waiting is done outside its shut front door, so a home scene whose words tell it (and, in a loyal
wait's story whose premise tells it, every home scene the hero waits in) is drawn on the street before the house's
front door (``story.venues``' ``front door``, the painter's house front), never in the bedroom nor on a shop street.
"""

from __future__ import annotations

import re
from typing import Any

from story.onscreen import move
from story.venues import DOOR_OF

# waiting at the home's door, the wait said beside it (never a bowl left by the door, nor the door of a shop or
# school: ``DOOR_OF``)
_DOOR_EN = r"(?:(?:at|by|on) the (?:front )?door(?:step)?|doorstep|on the porch)"
_WAIT_EN = r"(?:wait(?:s|ed|ing)?|keeps? watch|keeping watch)"
AT_DOOR = re.compile(rf"\b{_WAIT_EN}\b[^.!?;]{{0,40}}?\b{_DOOR_EN}\b|\b{_DOOR_EN}\b[^.!?;]{{0,40}}?\b{_WAIT_EN}\b|"
                     r"(?:家门口|在门口|到门口)[^，。！？,.!?；]{0,8}?等|等[^，。！？,.!?；]{0,6}?门口|门口等|守在(?:家)?门口",
                     re.IGNORECASE)
_ASLEEP = frozenset({"sleep", "sick"})


_PUT_AT_DOOR = re.compile(r"(?:放|摆|搁)(?:在)?门口")  # a thing put at the door (新书包已经放在门口等着了): no pet's wait


def waits_at_door(words: str) -> bool:
    """Whether ``words`` tell one waiting at its home's door (``AT_DOOR``; not a thing put there, not the door of
    another place)."""
    return bool(AT_DOOR.search(_PUT_AT_DOOR.sub("", words))) and not DOOR_OF.search(words.lower())


def show_at_door(scenes: list[dict[str, Any]], premise: str, kind_id: str, lang: str) -> None:
    """Each home scene (the bedroom) whose words tell the hero at the door, and in a loyal wait (``kind_id``
    ``loyal_wait``) whose premise tells it, each home scene where nobody sleeps, moved to the street before the
    house's front door (its setting says so)."""
    every = kind_id == "loyal_wait" and waits_at_door(premise)
    for scene in scenes:
        if scene["location"] != "bedroom" or scene.get("memory"):
            continue
        words = " ".join([scene["narration"], *(d["text"] for d in scene["dialogue"])])
        asleep = any(a["action"] in _ASLEEP for a in scene["characters"])
        if waits_at_door(words) or every and not asleep:
            move(scene, "street", "clear" if scene["weather"] == "clear" else scene["weather"], None, lang)
            scene["setting"] = f"front door: {scene['setting']}"[:200]
