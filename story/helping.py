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


# a help told in a scene's words (helps, help her find, pitch in, 帮, 帮忙): the ones before it its helpers
HELPS = re.compile(r"\b(?:help|helps|helped|helping|pitch(?:es)? in|pitched in|lends? a paw|lent a paw)\b|帮忙|帮助|帮",
                   re.IGNORECASE)
# a help that is work done for the one helped (rebuild, carry, clean, harvest, 重建, 搬, 打扫): the helpers at work;
# any other (cross the road, find the way home, 找到了家) walked beside it
LABOUR = re.compile(r"\b(?:re)?build|\bcarr(?:y|ies|ied)|\bclean|\bfix|\brepair|\bharvest|\bpaint|\bcook|\bbake|"
                    r"\bsweep|\bwash|\bdig|\bmove|\bpack|\bplant|\bdeliver|\bsell|\bsave|\bcollect|重建|盖|修|搬|"
                    r"打扫|收拾|洗|种|摘|收|做|卖|送|运|挖|扛|拿|提", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。！？；;]")
_IDLE = frozenset({"stand", "talk", "think"})


def _named(text: str, names: Mapping[str, str], words: Mapping[str, Sequence[str]]) -> list[str]:
    """The cast ``text`` names, by script name or premise words, in cast order."""
    return [cid for cid in names if _says(names[cid], text) or any(_says(w, text) for w in words.get(cid, ()))]


def show_helpers(scenes: list[dict[str, Any]], words: Mapping[str, Sequence[str]], names: Mapping[str, str],
                 faces: Mapping[str, str]) -> None:
    """The helpers a scene's words name doing the help together, never one helping while the rest stand by:
    where a sentence tells a help (``HELPS``), the cast it names before the help word (by ``names``, their script
    names, or ``words``, their premise's words: "the neighbours", 邻居们) are its helpers, the ones after it the
    ones helped. One of the helpers on screen doing the help (anything but standing, talking or thinking) leads;
    where none does, the first on screen does it: at work where the help is work (``LABOUR``: rebuild, carry,
    重建, 搬), else walking beside the one helped (across the road, the way home), which walks too. Each other
    helper on screen who is idle does what the lead does (to the same one), and one of its group ("neighbour_2"
    beside "neighbour") off screen joins doing it, while the scene has room (three on screen); ``faces`` is each
    action's face."""
    for scene in scenes:
        text = " ".join([scene["narration"], *(d["text"] for d in scene["dialogue"])])
        for m in HELPS.finditer(text):
            start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
            end = next((e.start() for e in _SENTENCE_END.finditer(text, m.end())), len(text))
            helpers = _named(text[start:m.start()], names, words)
            helped = [c for c in _named(text[m.end():end], names, words) if c not in helpers]
            on = {a["id"]: a for a in scene["characters"]}
            lead = next((on[c] for c in helpers if c in on and on[c]["action"] not in _IDLE), None)
            if lead is None:
                lead = next((on[c] for c in helpers if c in on), None)
                if lead is None:
                    continue
                deed = "work" if LABOUR.search(text[m.end():end]) else "walk"
                to = next((c for c in helped if c in on), None)
                lead.update(action=deed, target=to, expression=faces.get(deed, "determined"))
                lead.pop("holding", None)
                if deed == "walk" and to is not None and on[to]["action"] in _IDLE:
                    on[to].update(action="walk", target=lead["id"])
            for cid in helpers:
                app = on.get(cid)
                if app is None:
                    if len(scene["characters"]) >= 3 or not re.fullmatch(rf"{re.escape(lead['id'].split('_')[0])}_\d+",
                                                                        cid):
                        continue
                    app = {"id": cid, "expression": lead["expression"], "outfit": "none", "action": lead["action"],
                           "facing": "front", "target": lead.get("target"), "holding": None}
                    scene["characters"].append(app)
                    on[cid] = app
                elif app["action"] in _IDLE and app is not lead:
                    app.update(action=lead["action"], target=lead.get("target"), expression=lead["expression"])
            break
