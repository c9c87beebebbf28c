"""The thief seen where the story tells it (``show_thief``, on the expanded scenes of a theft) (pure).

A theft story ("a thief steals the grandma's purse and runs away, the corgi chases him", 小偷偷走了奶奶的钱包，柯基
追了上去) tells the thief stealing, running off, chased and caught; a scene whose words tell one of those deeds
shows the thief doing it (the purse in its paws as it runs off, running ahead of the chase, caught), never the hero
alone crying at a theft nobody is seen doing, nor chasing nobody. The thief is the cast member the premise names by
a thief's word (小偷, "a burglar"), else the rival of a theft's story (``kinds.json``'s ``catch``, ``theft``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from story.analysis import Analysis
from story.drawings import THIEF
from story.onscreen import appearance, join

# the thief's deeds a scene's words tell (said of the thief: its word, its name or a pronoun after it)
STEALS = re.compile(r"\b(?:steals?|stole|stolen|stealing|snatch(?:es|ed|ing)?|swipes?|swiped|breaks? into|broke into|"
                    r"breaking into|sneaks? (?:in|into)|pickpockets?)\b|偷走|偷了|偷|抢走|抢了|抢|闯进|溜进|撬开",
                    re.IGNORECASE)
RUNS = re.compile(r"\b(?:runs?|ran|running|flees|fled|fleeing|escapes?|escaped|escaping|gets? away|got away|"
                  r"dashes|dashed|bolts?|bolted|makes? off|made off|ducks?|ducked|sneaks? off|speeds? off)\b|"
                  r"逃走|逃跑|逃|跑了|跑掉|溜走|溜了|跑", re.IGNORECASE)
CHASES = re.compile(r"\b(?:chas(?:e|es|ed|ing)|gives? chase|runs? after|ran after|goes after|went after|pursues?|pursued|"
                    r"follows? (?:him|her|them|the)|on (?:his|her|its) (?:tail|trail))\b|追", re.IGNORECASE)
CATCHES = re.compile(r"\b(?:catch(?:es|ing)?|caught|tackles?|tackled|pins?|pinned|cornered|nabs?|nabbed|corners? (?:him|her|them|the)|"
                     r"stops? (?:him|her|them|the))\b|抓住|逮住|抓到|捉住|按在地上|按倒|扑倒|制服", re.IGNORECASE)
_NOT_TAKEN = frozenset({"onlookers", "crowd", "cheering crowd", "stunned crowd", "audience", "crying crowd"})


_AT_THIEF = frozenset({"run", "catch", "point", "push"})  # a helper's deed at the thief it chases
THEFTS = frozenset({"catch", "theft"})  # the kinds of story whose rival is the thief (``kinds.json``)


def thief_of(analysis: Analysis, kind_id: str, ids: Mapping[str, str], cast: list[str]) -> str | None:
    """The script id of the premise's thief: the cast member a thief's word names (``story.drawings.THIEF``), else
    the rival of a theft's story (``THEFTS``: a thief caught, a theft searched for); None where neither is cast."""
    named = next((ids.get(p.key, p.key) for p in analysis.cast if p.key != analysis.hero.key and
                  any(THIEF.search(w) for w in p.words)), None)
    if named is not None and named in cast:
        return named
    return "rival" if kind_id in THEFTS and "rival" in cast else None


def _deed(words: str, name: str) -> str | None:
    """The thief's deed ``words`` tell: "caught", "chased", "runs" or "steals" (the first that holds), else None.
    Running and stealing only where the words name the thief (its word or ``name``); a chase and a catch are the
    hero's deeds at the thief, whoever they name ("the corgi chases him")."""
    said = bool(THIEF.search(words)) or bool(name) and re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", words)
    if CATCHES.search(words):
        return "caught"
    if CHASES.search(words):
        return "chased"
    if said and RUNS.search(words):
        return "runs"
    if said and STEALS.search(words):
        return "steals"
    return None


def show_thief(scenes: list[dict[str, Any]], thief: str | None, name: str = "") -> None:
    """Each scene whose words tell the thief stealing, running off, chased or caught (``_deed``) shows it: joined at
    the side while the scene has room (three on screen), running off with the thing taken (the scene's first thing,
    smug) where it steals, running (scared where chased), caught (shocked) where the words catch it; one already
    on screen who only stands or talks does the deed. Nothing where the premise names no thief."""
    if thief is None:
        return
    for scene in scenes:
        words = " ".join([scene["narration"], *(d["text"] for d in scene["dialogue"])]).lower()
        deed = _deed(words, name)
        if deed is None:
            continue
        action, face = {"steals": ("run", "smug"), "runs": ("run", "smug"), "chased": ("run", "shocked"),
                        "caught": ("shocked", "shocked")}[deed]
        taken = next((p for p in scene["props"] if p not in _NOT_TAKEN), None) if deed == "steals" else None
        app = appearance(scene, thief)
        if app is None:
            app = join(scene, thief, action, expression=face, holding=taken,
                       facing="right" if action == "run" else "left")  # off away from the hero
            if app is None:
                continue
        elif app["action"] in ("stand", "talk", "exit", "walk"):
            app.update(action=action, expression=face)
        if taken and not app.get("holding") and app["action"] == "run":
            app["holding"] = taken  # one already running off where it steals: off with the thing taken
        hero = appearance(scene, "hero")
        if hero is not None and deed in ("chased", "caught") and hero.get("target") in (None, hero["id"]):
            hero["target"] = thief  # the hero at the thief it chases or catches
        for other in scene["characters"]:
            if deed in ("chased", "caught") and other["id"] not in ("hero", thief) and other["action"] in _AT_THIEF \
                    and other.get("target") in (None, "hero", other["id"]):
                other["target"] = thief  # "two police dogs chase him and catch him": at the thief, never the hero
