"""The job the hero becomes, its calling ("becomes a firefighter", 长大后成了消防员), shown where the story reaches it
(pure; for ``story/expand.py``): the scene that tells the hero becoming it, in the story's second half or anywhere
it grows up to it (``reaches``, ``grows_up``), and from there on the hero in that job's outfit, doing its deed the
first time (spraying the hose, singing: ``staging.json``'s ``job_deeds``) where it would only celebrate or stand
(``reach_calling``)."""

from __future__ import annotations

import re
from typing import Any

from story.hints import Hints
from story.lexicon import Hit, lexicon
from story.plan import staging

_GROWN = re.compile(r"\bgr[oe]w(?:s|n|ing)? up\b|长大")  # a pet grown up: what it becomes is told as done


def grows_up(text: str) -> bool:
    """A scene's words tell the hero growing up ("grows up to become a firefighter", 长大后): what it becomes there is
    told as done, wherever the scene stands in the story."""
    return bool(_GROWN.search(text.lower()))


def reaches(calling: str, hits: list[Hit], index: int, total: int, grown: bool = False) -> bool:
    """A scene that tells the hero becoming ``calling`` ("becomes a firefighter"): in the story's second half, or
    anywhere when it grows up to it ("grows up to become a firefighter", 长大后成了消防员), never a wish of it."""
    return (2 * index >= total or grown and not any(h.section == "events" and h.key == "dream" for h in hits)) and any(
        h.section == "jobs" and h.key == calling for h in hits) and any(
        h.section == "events" and h.key == "become" for h in hits)


def reach_calling(apps: list[dict[str, Any]], hints: Hints, hits: list[Hit], index: int, total: int,
                  reached: bool, grown: bool = False) -> dict[str, Any] | None:
    """Where the story reaches the job the hero becomes (a scene of its second half naming it: "becomes a
    firefighter") and after, the hero wears that job's outfit; the first time, the hero does the job's deed (sprays
    the hose, sings, takes photos: ``staging.json``'s ``job_deeds``) where it would only celebrate or stand. The
    job's lexicon entry when the hero does its deed here, else None."""
    if not hints.calling or not reached and not reaches(hints.calling, hits, index, total, grown):
        return None
    entry: dict[str, Any] = lexicon().entry("jobs", hints.calling)
    deed = staging()["job_deeds"].get(hints.calling)
    for a in apps:
        if a["id"] != "hero":
            continue
        if a["outfit"] == "none":
            a["outfit"] = str(entry["outfit"])
        if not reached and deed and a["action"] in ("celebrate", "stand", "talk") and not a.get("target"):
            a.update(action=deed, expression=staging()["action_expression"].get(deed, "determined"))
            if deed == "work":
                a["holding"] = str(entry["props"][0])[:40]
            return entry
    return None
