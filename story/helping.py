"""A helping story staged: the helper and the one helped on screen together, where the help is given. Pure.

In a story of one pet helping another ("a teacher dog helps a struggling kitten", 老师狗帮了它), a viewer
with the sound off must see both of them in the helping scenes: ``help_pair`` finds who helps whom in
the premise's clauses, and ``together`` names the other one in every beat's staging note from the help
on (from the start when the hero is the helper: it notices the one in trouble). A premise that names
no place is set where its helper works (a teacher's school, a coach's stadium: ``kinds.json``'s
helping kind, ``helper_places``), never the street.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from story.clauses import Clause
from story.kinds import kinds_data
from story.premise import Analysis
from story.text import HAN

VISUAL_MAX = 160  # a plan beat's visual note (story.plan)


def _helping() -> dict[str, Any]:
    kind: dict[str, Any] = next(k for k in kinds_data()["kinds"] if k["id"] == "helping")
    return kind


def _says(word: str, text: str) -> bool:
    if HAN.search(word):
        return word in text
    return re.search(r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])", text, re.IGNORECASE) is not None


def help_pair(said: Sequence[Clause]) -> tuple[str, str, int] | None:
    """(helper, helped, clause index) of the premise's first clause in which one cast pet helps another."""
    words = [w for ws in _helping()["words"].values() for w in ws]
    for c in said:
        if c.actor and c.obj and c.actor != c.obj and any(_says(w, c.verb) or _says(w, c.text) for w in words):
            return c.actor, c.obj, c.index
    return None


def helper_place(analysis: Analysis, helper: str) -> str | None:
    """The English place word where the helper works, by the premise's words for it (teacher: school)."""
    person = next((p for p in analysis.cast if p.key == helper), None)
    if person is None:
        return None
    said = " ".join([*person.words, person.job_words, person.key])
    for place, words in _helping()["helper_places"].items():
        if any(_says(w, said) for w in words):
            return str(place)
    return None


def together(beats: list[dict[str, Any]], pair: tuple[str, str, int], names: Mapping[str, str], hero: str,
             gone: frozenset[str] = frozenset(), place: str | None = None) -> None:
    """Name the other of the pair in each beat's visual note (in place) where only one of them is named,
    from the beat that tells the help (from the first beat when the hero helps); ``place`` (the helper's
    workplace, when the premise names none) is set in the first beat's note."""
    helper, helped, index = pair
    if helper in gone or helped in gone or helper not in names or helped not in names:
        return
    start = 0 if helper == hero else next((i for i, b in enumerate(beats) if b.get("clause") == index), len(beats))
    for b in beats[start:]:
        visual = str(b["visual"])
        shown = {k for k in (helper, helped) if _says(names[k], visual)}
        if not shown and hero in (helper, helped) and b["speaker"] in ("narrator", hero):
            shown = {hero}  # a note that names nobody shows the hero
        if len(shown) == 1:
            other = helped if shown == {helper} else helper
            b["visual"] = added(visual, f", with {names[other]} beside")
    if place and beats:
        beats[0]["visual"] = added(str(beats[0]["visual"]), f", at the {place}")


def added(visual: str, words: str) -> str:
    """``visual`` with ``words`` after it, within a beat's visual note length."""
    return f"{visual[:VISUAL_MAX - len(words)].rstrip(' ,;')}{words}"
