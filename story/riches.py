"""The hero's riches seen on screen: from the scene that says the hero gets rich ("becomes rich", 发财,
变成了有钱人), the hero wears a suit, holds no tool of its humble job (no squeegee, no delivery box) and
works it no more, with cash in the scene that tells it; and where the rich hero drives past or shows up
before the ones who mocked it ("drives past them", 从他们身边经过), they are there, stunned. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from story.lexicon import lexicon

CASH = "stack of cash"
_BEFORE = re.compile(r"\b(?:past|passes|passing|in front of|shows?|showing)\b|经过|面前|路过|开过")
_WISHED = {"dream", "want"}
_MOCKS = {"sneer", "laugh", "point"}  # "dreams of getting rich", 想发财: not rich yet


def _said(scene: dict[str, Any]) -> str:
    return " ".join([str(scene["narration"]), *(str(d["text"]) for d in scene["dialogue"])])


def gets_rich(text: str) -> bool:
    """The words tell someone getting rich (a fortune, 发财; "becomes rich", 变成了有钱人), not wishing for it."""
    keys = {(h.section, h.key) for h in lexicon().find(text)}
    if {k for s, k in keys if s == "events"} & _WISHED or any(w in text for w in ("想", "梦想", "希望")):
        return False
    return ("events", "get_rich") in keys or {("events", "become"), ("traits", "rich")} <= keys


def show_riches(scenes: Sequence[dict[str, Any]], job_outfit: str | None, job_props: Sequence[str],
                most_props: int, most_cast: int = 3) -> None:
    """Dress the hero rich in ``scenes`` (script scene dicts, in place) from the first that tells the hero
    getting rich; the ones who mocked it before (sneered, laughed or pointed at it) react where it drives
    past them."""
    start = next((i for i, s in enumerate(scenes) if gets_rich(_said(s))), None)
    if start is None:
        return
    mockers = list(dict.fromkeys(a["id"] for s in scenes[:start] for a in s["characters"]
                                 if a["action"] in _MOCKS and a.get("target") == "hero"))
    tools = {p[:40] for p in job_props}
    worn = {a["id"]: a["outfit"] for s in scenes for a in s["characters"]}  # the mockers as they were drawn
    for n, scene in enumerate(scenes[start:]):
        hero = next((a for a in scene["characters"] if a["id"] == "hero"), None)
        if hero is None:
            continue
        if hero["outfit"] in ("none", job_outfit):
            hero["outfit"] = "suit"
        if hero.get("holding") in tools:
            hero.pop("holding")
        if hero["action"] == "work":
            hero["action"], hero["expression"] = "celebrate", "happy"
        scene["props"] = [p for p in scene["props"] if p not in tools]
        if n == 0 and CASH not in scene["props"]:
            scene["props"] = [CASH, *scene["props"]][:most_props]
        _before_mockers(scene, hero, {m: worn.get(m, "none") for m in mockers}, most_cast)


def _before_mockers(scene: dict[str, Any], hero: dict[str, Any], mockers: dict[str, str], most_cast: int) -> None:
    """The mockers there, stunned, where the rich hero drives past or shows up before them."""
    if hero["action"] != "drive" and not _BEFORE.search(_said(scene)):
        return
    there = {a["id"] for a in scene["characters"]}
    for sid, outfit in mockers.items():
        if sid in there or len(scene["characters"]) >= most_cast:
            continue
        scene["characters"].append({"id": sid, "expression": "shocked", "outfit": outfit, "action": "shocked",
                                    "facing": "left", "target": "hero"})
        hero["facing"] = "right"
