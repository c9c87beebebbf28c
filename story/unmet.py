"""A try the premise says failed or was never done, and stays so (``unmet``). Pure.

Answers: does the premise end on a failure of the hero's (kinds.json ``failed``'s words: "fails the exam", "didn't get
the job", "comes last", 考研失败, 没考上, 落榜), with no success said after it ("…but passes the next year",
落榜了，第二年又考上了, "fails school but becomes a guide dog", 失败了很多次，终于学会了)? Such a story is told as a
try that did not work (``story/data/arcs/not_this_time.json``): never "I passed!", a trophy or a celebration.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from story.clausewords import NEGATED

# a success said after the failure: the story's outcome is that success, and the failure its setback
_WON_EN = ("passes", "passed", "pass", "wins", "won", "win", "finally", "succeeds", "succeeded", "makes it",
           "made it", "gets in", "got in", "gets into", "got into", "gets the job", "got the job", "becomes",
           "became", "is accepted", "gets accepted", "lands", "learns", "beats", "revenge", "finds", "found",
           "champion", "first place", "gets better", "proves")
_WON_ZH = ("考上", "通过", "成功", "终于", "学会", "赢", "考过", "录取", "成了", "当上", "第一", "冠军", "找到", "做到",
           "瘦了下来", "报仇", "打败", "证明")


@cache
def _won_en() -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z'])(?:" + "|".join(map(re.escape, _WON_EN)) + r")(?![A-Za-z])", re.IGNORECASE)


def _last_failure(premise: str, words: Iterable[str]) -> int:
    """Where the premise's last failure word ends (-1 where it says none)."""
    end = -1
    low = premise.lower()
    for w in words:
        if re.search(r"[\u4e00-\u9fff]", w):
            at = low.rfind(w)
            end = max(end, at + len(w) if at >= 0 else -1)
        else:
            for m in re.finditer(r"(?<![A-Za-z])" + re.escape(w.lower()) + r"(?![A-Za-z])", low):
                end = max(end, m.end())
    return end


def _won_after(premise: str, at: int) -> bool:
    """A success the premise says after ``at``, not denied ("没有放弃" is none; "didn't pass" is none)."""
    rest = premise[at:]
    for m in _won_en().finditer(rest):
        if not NEGATED.search(premise[:at + m.start()]):
            return True
    for w in _WON_ZH:
        for m in re.finditer(re.escape(w), rest):
            if not re.search(r"(?:没|没有|没能|未|不|不能)$", rest[:m.start()]):
                return True
    return False


def unmet(premise: str, words: Iterable[str]) -> bool:
    """The premise says one of the failure ``words`` and no success after the last of them."""
    words = tuple(words)
    at = _last_failure(premise, words)
    return at >= 0 and not _won_after(premise, at)


_GLAD_ACTIONS = frozenset({"celebrate", "wave", "laugh", "sneer", "dance"})  # a win's, never a failed try's
_GLAD_LOOKS = frozenset({"happy", "smug", "love"})
_WON_PROPS = frozenset({"trophy", "cheering crowd", "medal", "confetti", "gold medal"})
_GLAD_MOODS = frozenset({"happy", "triumphant", "funny"})


def show_unmet(scenes: list[dict[str, Any]], closes: Callable[[str], bool], hero: str) -> None:
    """A failed try's story (``closes``: the kind's failure words, ``Kind.closes``), on the expanded scenes: from the
    scene that tells the failure on, the hero is never drawn celebrating, waving or grinning (sad, or sulking where it
    did), no trophy nor cheering crowd is drawn, and no scene is triumphant; the last scene, where it gets up again,
    shows it determined."""
    at = next((i for i, s in enumerate(scenes) if closes(str(s["narration"]))), None)
    if at is None:
        return
    for i, scene in enumerate(scenes[at:], start=at):
        if scene["mood"] in _GLAD_MOODS:
            scene["mood"] = "sad"
        scene["props"] = [p for p in scene["props"] if p not in _WON_PROPS]
        for app in scene["characters"]:
            if app["id"] != hero:
                continue
            if app["action"] in _GLAD_ACTIONS:
                app["action"] = "sulk"
            if app["expression"] in _GLAD_LOOKS:
                app["expression"] = "determined" if i == len(scenes) - 1 and i > at else "sad"
