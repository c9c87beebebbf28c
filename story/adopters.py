"""The one who takes the hero in, seen at home with it (``show_adopter``, on the expanded scenes): "a stray kitten is
adopted by a kind old lady", "an old man adopts a three-legged puppy", "a little girl finds an injured kitten and
takes it home", 小男孩捡到一只受伤的小狗，把它带回家: from the scene where the adopter first takes the hero in (or
finds it, where it does before), every scene at home with the hero in it shows the adopter beside it, never the
hero alone in the home it was given (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from story.analysis import Analysis
from story.clauses import Clause, clauses
from story.datafiles import read_json
from story.onscreen import appearance, join

HOME = frozenset({"bedroom", "mansion", "farm", "kitchen"})  # where a pet taken in lives with the one who took it
_HOME_TO = ("takes it home", "takes him home", "takes her home", "brings it home", "brings him home", "brings her home")
_FINDS = {"en": ("finds", "found", "picks up", "picked up"),
          "zh": ("捡到", "捡回", "发现", "遇到", "遇见")}  # the finding that comes before the taking in


@lru_cache(maxsize=1)
def _taking_in() -> dict[str, tuple[str, ...]]:
    """The words of taking a pet in: ``kinds.json``'s adoption words and ``sides.json``'s family kindness."""
    kinds = next(k for k in read_json("kinds.json")["kinds"] if k["id"] == "adoption")
    sides = read_json("sides.json")
    family, takers = sides["kind_by"]["family"], sides["takers"]["takes_in"]
    return {"en": tuple({*kinds["words"]["en"], *family["en"], *_HOME_TO, *takers["en"]}),
            "zh": tuple({*kinds["words"]["zh"], *family["zh"], *takers["zh"]})}


def _at(clause: Clause, words: Sequence[str], zh: bool) -> int | None:
    """Where the clause first says one of ``words`` (``*``: any one word, "takes * in"), or None."""
    text = clause.text.lower()
    found = [m.start() for w in words for m in ([re.search(re.escape(w), text)] if zh else
                                                 [re.search(rf"\b{re.escape(w)}\b".replace(r"\*", r"\w+"), text)]) if m]
    return min(found) if found else None


def _says(clause: Clause, words: Sequence[str], zh: bool) -> bool:
    return _at(clause, words, zh) is not None


def _taken(clause: Clause, hero: Sequence[str], zh: bool) -> bool:
    """The hero is the one taken in: named after the taking-in word ("adopts a puppy", 收养了一只流浪猫), or the
    clause passive ("is adopted by", 被小女孩收养); never "a corgi and his best friend adopt a kitten"."""
    text, at = clause.text.lower(), _at(clause, _taking_in()["zh" if zh else "en"], zh)
    if at is None:
        return False
    said = [text.find(w.lower()) for w in hero if w and w.lower() in text]
    return clause.passive or bool(re.search(r"\bby\b|被", text)) or any(k > at for k in said) or not said


def adopter(analysis: Analysis) -> tuple[str, int] | None:
    """Who takes the hero in (a cast key) and the index of the clause where it first meets it (its finding, else its
    taking in), or None: the actor of a clause that adopts the hero ("adopts a puppy", "is adopted by a kind old
    lady": the doer after "by", 被小女孩收养), never the hero itself."""
    lang = analysis.language
    zh = lang == "zh"
    said = clauses(analysis)
    hero = analysis.cast[0].key if analysis.cast else "hero"
    for k, clause in enumerate(said):
        if clause.actor in (None, hero) or not _taken(clause, analysis.cast[0].words, zh):
            continue
        found = next((j for j in range(k) if said[j].actor == clause.actor and _says(said[j], _FINDS[lang], zh)), k)
        return clause.actor, found
    # 一对年轻夫妇收养了一只被遗弃的柯基: a clause read as the hero's, its taker-in the one of the hero's side it names
    for k, clause in enumerate(said):
        if _taken(clause, analysis.cast[0].words, zh):
            taker = next((p.key for p in analysis.cast[1:] if p.side == "hero" and p.words
                          and p.words[0].lower() in clause.text.lower()), None)
            if taker is not None:
                return taker, k
    return None


def show_adopter(scenes: list[dict[str, Any]], analysis: Analysis, cast: Sequence[str]) -> None:
    """From the scene where the adopter is first on screen with the hero, the adopter beside the hero in every
    scene at home (``HOME``) that shows the hero without it (one of ``cast``, the characters' ids)."""
    who = adopter(analysis)
    if who is None or who[0] not in cast:
        return
    key = who[0]
    start = next((n for n, s in enumerate(scenes) if appearance(s, key) is not None
                  and appearance(s, "hero") is not None), None)
    if start is None:
        return
    for scene in scenes[start + 1:]:
        if scene["location"] in HOME and appearance(scene, "hero") is not None and appearance(scene, key) is None:
            join(scene, key, "stand", target="hero")
