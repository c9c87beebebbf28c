"""The face-slap reversal seen (``show_comeback``, on the expanded scenes). Pure.

"一只流浪狗在雨夜被餐厅老板赶了出去，后来他成了大厨…当年赶走他的老板来应聘服务员", "the boss who fired him comes
to ask for a job", "the girl who dumped him comes back begging": one who wronged the hero at the start comes
back to it after the hero made it. From the scene that tells it coming back, that one is humbled before the
hero (on its knees, begging, then standing with its head low, never grinning nor cheering), and the hero
stands in its success, glad; no cheering crowd around the two (the reversal is legible with the sound off).

The many come back too (``group_comeback``): "a dachshund waiter is mocked by rich customers, … opens his own
restaurant and the customers come begging for a table", 被工友们笑话…工友们都来求工作: the group that wronged the hero
at the start, said again at the end, is drawn as a stunned crowd before the hero standing glad (never the hero
staring, crying or kneeling at its own payoff while a crowd cheers).
"""

from __future__ import annotations

import re
from typing import Any

from story.clauses import Clause, clauses
from story.lexicon import lexicon
from story.onscreen import appearance, join
from story.premise import Analysis
from story.script import MAX_PROPS
from story.staged import came_back, mending
from story.text import HAN

_HUMBLE_KEEPS = {"work", "eat", "give"}  # a doing of its new place (washing the dishes, eating, paying): kept, head low
_HERO_STANDS = {"stand", "talk", "kneel", "cry", "shocked", "sneer", "push", "point", "laugh", "walk", "enter", "exit"}
_CHEERING = "cheering crowd"
_STUNNED = "stunned crowd"
_CROWDS = {"crowd", _CHEERING, "laughing crowd", "onlookers"}  # a crowd drawn there that is not yet the stunned many
_GROUP_ZH = re.compile(r"^(?:那些|这些|当年的?|以前的?|曾经的?)?([\u3400-\u9fff]{1,4}?)们")  # 客人们, 工友们, 富太太们
_BY = re.compile(r"\bby\b(.+)$|被(.+)$", re.IGNORECASE)


def comeback(analysis: Analysis) -> tuple[str, Clause] | None:
    """(who comes back, the clause that tells it) where the premise ends with one who wronged the hero coming
    back to it after its success (``story.staged.came_back``), else None."""
    read = clauses(analysis)
    if not read or not came_back(read[-1], analysis):
        return None
    return str(read[-1].actor), read[-1]


def _group_heads(c: Clause) -> set[str]:
    """The head words of a group a clause opens with ("the customers", "the rich customers" → customer,
    "the passers-by" → passer, 客人们 → 客人), else none."""
    if HAN.search(c.text):
        m = _GROUP_ZH.match(c.text.strip())
        return {m.group(1)} if m else set()
    words = [w.split("-")[0] for w in re.findall(r"[a-z][a-z-]*", c.text.lower())[:4]]
    return {w[:-1] for w in words if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "is", "us"))}


def group_comeback(analysis: Analysis) -> Clause | None:
    """The premise's last clause where a group that wronged the hero earlier ("is mocked by rich customers",
    被工友们笑话) is said again at the end ("the customers come begging", 工友们都来求工作, 富太太们都傻眼了), after
    the hero's own doings; never one that wrongs the hero again."""
    read = clauses(analysis)
    if len(read) < 3:
        return None
    last = read[-1]
    heads = _group_heads(last)
    if not heads or any(lexicon().entry("events", e)["kind"] == "wrong" for e in last.events):
        return None
    for c in read[:-2]:
        by = _BY.search(c.text)
        wronged = any(lexicon().entry("events", e)["kind"] == "wrong" for e in c.events)
        if wronged and by and any(h in (by.group(1) or by.group(2) or "").lower() for h in heads):
            return last
    return None


def show_group_comeback(scenes: list[dict[str, Any]], analysis: Analysis) -> None:
    """From the scene whose narration tells the many who wronged the hero coming back (or stunned) at the end:
    the hero stands glad in its success, the many are a stunned crowd (no cheering nor laughing one)."""
    clause = group_comeback(analysis)
    if clause is None:
        return
    said = _said(clause.verb)
    start = next((k for k, s in enumerate(scenes) if said and said in s["narration"]), None)
    if start is None:
        return
    for scene in scenes[start:]:
        props = [p for p in scene["props"] if p not in _CROWDS and not p.startswith(_STUNNED)]
        scene["props"] = [_STUNNED, *props][:MAX_PROPS]  # the one crowd a scene draws: the many, stunned
        hero = appearance(scene, analysis.hero.key)
        if hero is not None and hero["action"] in _HERO_STANDS | {"sulk", "shiver"}:
            hero.update(action="stand", expression="happy")
            hero.pop("target", None)
        elif hero is not None:
            hero["expression"] = "happy"


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
