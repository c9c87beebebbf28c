"""What the hero practises before a contest of a trade, and where (``story/data/practice.json``). Pure.

"a cat enters a cooking contest", 小猫参加厨艺大赛, "joins a dance competition": a hero with no job of its own is a
contestant, and the days that lead up to the contest are its practice at home (the wok at the stove, the microphone in
its room), never a job's chores at the contest's stage before its day ("knows every corner at the contest by heart").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from story.clauses import Clause
from story.datafiles import read_json
from story.text import HAN


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("practice.json")
    return data


def contest_trade(c: Clause) -> dict[str, Any] | None:
    """The trade contest clause ``c`` names (its jobs, actions, then words: "cooking contest" a chef's, 烘焙大赛 a
    baker's, "dance competition" a dancer's), or None where ``c`` tells no contest or names no trade."""
    if "compete" not in c.events:
        return None
    trades = _data()["trades"]
    lang = "zh" if HAN.search(c.text) else "en"
    low = c.text.lower()
    for found in (
        lambda t: set(t["jobs"]) & set(c.jobs),
        lambda t: set(t["actions"]) & set(c.actions),
        lambda t: any((w in low) if lang == "zh" else re.search(rf"\b{re.escape(w)}\b", low) for w in t["words"][lang]),
    ):
        trade = next((t for t in trades if found(t)), None)
        if trade is not None:
            return dict(trade)
    return None


def practice_note(c: Clause, hero: str) -> str | None:
    """The visual note of a day of practice before contest clause ``c`` (``hero`` the hero's name): "we see Miso cooking
    at the stove, practising a dish, wok, at the kitchen"; None where ``c`` is no contest of a trade."""
    trade = contest_trade(c)
    if trade is None:
        return None
    return f"we see {hero} {trade['note']}{trade['place']}"
