"""The face-slap reversal seen (``show_comeback``, on the expanded scenes). Pure.

"一只流浪狗在雨夜被餐厅老板赶了出去，后来他成了大厨…当年赶走他的老板来应聘服务员", "the boss who fired him comes
to ask for a job", "the girl who dumped him comes back begging": one who wronged the hero at the start comes
back to it after the hero made it. From the scene that tells it coming back, that one is humbled before the
hero (on its knees, begging, then standing with its head low, never grinning nor cheering), and the hero
stands in its success, glad; no cheering crowd around the two (the reversal is legible with the sound off).
"""

from __future__ import annotations

import re
from typing import Any

from story.clauses import Clause, clauses
from story.onscreen import appearance, join
from story.premise import Analysis
from story.staged import came_back, mending

_HUMBLE_KEEPS = {"work", "eat", "give"}  # a doing of its new place (washing the dishes, eating, paying): kept, head low
_HERO_STANDS = {"stand", "talk", "kneel", "cry", "shocked", "sneer", "push", "point", "laugh", "walk", "enter", "exit"}
_CHEERING = "cheering crowd"


def comeback(analysis: Analysis) -> tuple[str, Clause] | None:
    """(who comes back, the clause that tells it) where the premise ends with one who wronged the hero coming
    back to it after its success (``story.staged.came_back``), else None."""
    read = clauses(analysis)
    if not read or not came_back(read[-1], analysis):
        return None
    return str(read[-1].actor), read[-1]


def _said(verb: str) -> str:
    """The longest stretch of a clause's verb that its scene's narration says as the premise does: the words
    between the pronouns a script replaces by names (来它公司应聘保安 → 公司应聘保安, "applies to be his doorman" →
    "applies to be")."""
    pieces = re.split(r"[它他她]|\b(?:him|her|his|hers|its|their|them|they)\b", verb, flags=re.IGNORECASE)
    return max((p.strip(" 。.，,") for p in pieces), key=len, default="")


def show_comeback(scenes: list[dict[str, Any]], analysis: Analysis) -> None:
    """From the scene whose narration tells the wrongdoer coming back to the hero after its success: the one who
    comes back kneels before the hero there (begging), then stands before it ashamed; the hero stands glad in its
    success; no cheering crowd from then on."""
    found = comeback(analysis)
    if found is None:
        return
    who, clause = found
    said = _said(clause.verb)
    start = next((k for k, s in enumerate(scenes) if said and said in s["narration"]
                  and any(a["id"] == who for a in s["characters"])), None)
    if start is None:
        return
    asks = bool(mending(clause))  # 来找它要工作, "comes to ask for a job": asking, no work of its own yet
    for k, scene in enumerate(scenes[start:]):
        scene["props"] = [p for p in scene["props"] if p != _CHEERING]  # the two of them, no crowd cheering
        back = appearance(scene, who)
        if back is None:
            continue
        hero = join(scene, analysis.hero.key, "stand", expression="happy")  # its own where on screen
        # the one it comes back to is there to see it (the reversal needs both on screen)
        if back["action"] in _HUMBLE_KEEPS and not asks:  # 来它店里洗碗: at its new work, head low
            back["expression"] = "sad"
        else:
            back.update(action="kneel" if k == 0 else "stand", expression="sad")
            back.pop("holding", None)
            if hero is not None:
                back["target"] = hero["id"]
        if hero is not None and hero["action"] in _HERO_STANDS:
            hero.update(action="stand", expression="happy")
            hero.pop("target", None)
        elif hero is not None:  # at the desk of its own company, in its suit: glad
            hero["expression"] = "happy"
