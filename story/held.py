"""A sign the hero holds up, as the premise tells it ("holds a sign at the airport", 举着“求收养”的牌子坐在路边):
drawn in its paws, never as a big sign standing behind it. Pure; only the hero's ``holding``, its action where it
could hold nothing, and the scene's props change."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from story.lexicon import lexicon
from story.onscreen import appearance

# holding a sign up, in the premise's words or a scene's: "holds a sign", "holding up a cardboard sign", "carries a
# welcome sign", 举着牌子, 举着“求收养”的牌子, 拿着接机牌
HOLDS_SIGN = re.compile(
    r"\b(?:holds?|holding|held|carr(?:y|ies|ied|ying)|raises?|raised|raising|waves?|waved|waving)\s+(?:up\s+)?"
    r"(?:a|an|the|his|her|its|their)\s+(?:[\w'-]+\s+){0,2}?(?:sign|placard|banner)s?\b"
    r"|(?:举着|举起|举|拿着|捧着|抱着|挂着)[^，。！？,.!?；]{0,14}?(?:牌子|牌)",
    re.IGNORECASE,
)
HOLD_ACTIONS = {"stand", "talk", "walk", "cry", "think", "sulk", "shocked", "wait"}  # paws free to hold it up


def _label(key: str) -> str:
    return str(lexicon().entry("props", key)["label"])


def show_held_sign(scenes: Sequence[dict[str, Any]], premise: str) -> None:
    """Where the premise tells the hero holding a sign up (``HOLDS_SIGN``), the hero holds the placard (the
    lexicon's ``placard``) in each scene (script scene dicts, in place) whose props have the sign or whose words tell
    it held, and the sign is no longer drawn standing behind; the hero stands to hold it where its action left no
    paw free (kneeling, waving: the sign up before its face otherwise), never where it sleeps, runs, hugs, rides,
    drives or eats."""
    if not HOLDS_SIGN.search(premise):
        return
    held, signs = _label("placard"), {_label("sign"), _label("placard")}
    for scene in scenes:
        hero = appearance(scene, "hero")
        if hero is None or hero.get("holding"):
            continue
        told = HOLDS_SIGN.search(" ".join([str(scene["narration"]), *(str(d["text"]) for d in scene["dialogue"])]))
        if not told and not signs & set(scene["props"]):
            continue
        if hero["action"] not in HOLD_ACTIONS:
            if hero["action"] in ("sleep", "sick", "run", "hug", "ride", "drive", "eat"):
                continue  # busy otherwise: the sign stands by
            hero["action"] = "stand"  # kneeling, waving: up on its feet, the sign held up
        hero["holding"] = held
        scene["props"] = [p for p in scene["props"] if p not in signs]
