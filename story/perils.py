"""A rescue's danger on screen across the arc's beats (pure): the danger a premise's rescue is from (the burning
house, the flood: ``spine.json``'s ``peril``) from the arc's first beat of danger to the rescue, a job's own peril
where the premise names none (a firefighter's fire), the beats of danger that name no place at the rescue's place,
and a storm raging from the cry for help on. ``story/arcs.py`` calls ``peril_shown`` on the beats it plans."""

from __future__ import annotations

import re
from typing import Any

from story.dangers import danger_of, tells_rescue
from story.spinedata import spine_data
from story.text import HAN as _HAN


def peril_shown(beats: list[dict[str, Any]], said: list[Any], jobs: tuple[str | None, ...] = ()) -> None:
    """The danger a premise's rescue is from (the burning house, the flood: spine.json ``peril``'s props, as
    the premise's clauses ask them) is on screen from the arc's first beat of danger (the cry for help, the
    one stuck) to the clause that names it, or the rescue that follows it ("洪水来了，金毛游过去救出了小猫"), not
    only from that clause on: the fire is why the hero runs, and the flood what the kitten is saved from."""
    data = spine_data()["peril"]
    hazards = set(data["props"])
    named = [i for i, b in enumerate(beats) if b.get("clause") is not None and hazards & set(b.get("asks", []))]
    start = next((i for i, b in enumerate(beats) if b.get("slot") in data["slots"]), None)
    _storm_shown(beats, said, start)

    def rescues(b: dict[str, Any]) -> bool:
        verb = str(said[int(b["clause"])].verb).lower() if b.get("clause") is not None else ""
        return any(w in verb if _HAN.search(w) else re.search(rf"\b{w}", verb) for w in data["rescue_verbs"])

    peril = next((str(data["by_job"][j]) for j in jobs if j in data["by_job"]), None)
    if not named and peril is not None:  # a firefighter saves the family: from a burning house, the premise naming none
        saved = [i for i, b in enumerate(beats) if rescues(b) and said[int(b["clause"])].actor == "hero"
                 and "become" not in said[int(b["clause"])].events]  # 成了救援犬: the becoming, no rescue yet
        for i in saved[:1]:
            beats[i]["asks"] = list(dict.fromkeys([peril, *beats[i].get("asks", [])]))
            named = [i]
    _danger_placed(beats, set(data["slots"]))
    for b in beats:  # "carries the farmer out of his burning barn": the fire it is carried out of, burning there
        text = str(said[int(b["clause"])].text) if b.get("clause") is not None else ""
        told = danger_of(text) if tells_rescue(text) else None
        if told in data["by_danger"] and not hazards & set(b.get("asks", [])):
            b["asks"] = list(dict.fromkeys([*b.get("asks", []), str(data["by_danger"][told])]))
    if not named:
        return

    end = next((i for i in range(named[-1], len(beats)) if rescues(beats[i])), named[-1])
    perils = list(dict.fromkeys(a for i in named for a in beats[i]["asks"] if a in hazards))
    for b in beats[named[0] if start is None else min(start, named[0]):end + 1]:
        b["asks"] = list(dict.fromkeys([*b.get("asks", []), *perils]))


_AT = re.compile(r", at the [a-z ]+(?=,|$)")


def _danger_placed(beats: list[dict[str, Any]], slots: set[str]) -> None:
    """The arc's beats of danger (the cry, the one stuck, the run in) that name no place are at the place of the
    rescue clause they lead to ("years later carries the farmer out of his burning barn": the farm), not where the
    story was before it (the flooded river the puppy was pulled out of years ago)."""
    for i, b in enumerate(beats):
        visual = str(b.get("visual", ""))
        if b.get("slot") not in slots or b.get("clause") is not None or not visual or re.search(
                r", (?:at|on|in) the ", visual):
            continue
        ahead = next((x for x in beats[i + 1:] if x.get("clause") is not None), None)
        where = _AT.search(str(ahead.get("visual", ""))) if ahead is not None else None
        if where is not None:
            b["visual"] = f"{visual}{where.group(0)}"


def _storm_shown(beats: list[dict[str, Any]], said: list[Any], start: int | None) -> None:
    """The storm a rescue is from ("saves him from a storm at sea", 在海上的风暴中救了渔夫) rages from the arc's
    first beat of danger (the cry for help) to the rescue, where that beat's note names no weather: the storm is
    what the hero goes out into, not a sky that turns only once the rescue is told."""
    told = next((i for i, b in enumerate(beats) if b.get("clause") is not None
                 and "storm" in said[int(b["clause"])].weathers), None)
    if start is None or told is None or start >= told or " storm" in str(beats[start].get("visual", "")):
        return
    where = next((m.group(0) for m in re.finditer(r", at the [a-z ]+", str(beats[told].get("visual", "")))), "")
    for b in beats[start:told]:
        visual = str(b.get("visual", ""))
        if visual and not any(w in visual for w in (" storm", " rain", " snow", " sunny", " sun")):
            b["visual"] = f"{visual}{where if where not in visual else ''}, in a storm"
