"""What the hero practises before a contest of a trade, and where (``story/data/practice.json``). Pure.

"a cat enters a cooking contest", 小猫参加厨艺大赛, "joins a dance competition": a hero with no job of its own is a
contestant, and the days that lead up to the contest are its practice at home (the wok at the stove, the microphone in
its room), never a job's chores at the contest's stage before its day ("knows every corner at the contest by heart").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from story.clauses import Clause
from story.datafiles import read_json
from story.gear import played
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
    for found in (
        lambda t: set(t["jobs"]) & set(c.jobs),
        lambda t: set(t["actions"]) & set(c.actions),
        lambda t: _says(c, t["words"]),
    ):
        trade = next((t for t in trades if found(t)), None)
        if trade is not None:
            return dict(trade)
    return None


def practice_note(c: Clause, hero: str) -> str | None:
    """The visual note of a day of practice before contest clause ``c`` (``hero`` the hero's name): "we see Miso cooking
    at the stove, practising a dish, wok, at the kitchen"; a contest of no trade named ("joins the talent show", "enters
    the spelling bee", 参加选美比赛) its practice alone at home, never the contest's stage before its day; a race's
    (运动会, "the school race") its laps alone at the track, never a job's chores there; None where ``c`` is no
    contest."""
    trade = contest_trade(c)
    if trade is None:
        return f"we see {hero} {_data()['raced' if _race(c) else 'untraded']}" if "compete" in c.events else None
    return f"we see {hero} {trade['note']}{trade['place']}"


PRACTISING = frozenset({"train", "sing", "dance", "play", "cook"})  # the hero's doing on a day of practice
_DAYS = ("day", "sunset", "night", "morning")  # the times of day a run of practice goes round
_PRACTICE = "practising"  # a practice note's word (practice.json: "cooking at the stove, practising a dish")


def another_day(before: dict[str, Any] | None, location: str, apps: list[dict[str, Any]], props: list[str],
                time_of_day: str, note: str = "") -> str:
    """The time of day a scene of practice is drawn at: a scene that shows the same practice as the scene ``before``
    it (the hero at it at the same place, with the same things) is another day of it, drawn at the time of day after
    that scene's ("practices piano every day": the piano by day, at sunset, at night, at dawn), never the same picture
    again; any other scene keeps its own ``time_of_day``. A scene at work whose visual ``note`` is a day of practice
    before a contest ("cooking at the stove, practising a dish") is practice too. Call it only where the scene's words
    name no time of day."""
    doing = next((str(a["action"]) for a in apps if a["id"] == "hero"), None)
    practising = doing in PRACTISING or doing == "work" and _PRACTICE in note
    if before is None or not practising or before["location"] != location or list(before["props"]) != props:
        return time_of_day
    was = next((str(a["action"]) for a in before["characters"] if a["id"] == "hero"), None)
    if was != doing or time_of_day not in _DAYS or before["time_of_day"] not in _DAYS:
        return time_of_day
    return _DAYS[(_DAYS.index(before["time_of_day"]) + 1) % len(_DAYS)]


_PRACTISED = ("dance", "sing", "cook")  # a trade's doing a clause of practice names beside its training


def practised_action(c: Clause) -> str | None:
    """What clause ``c`` of practice is drawn doing: the trade it names ("每天练习跳舞": dancing, "practises singing":
    singing) or the instrument ("practices piano every day", 练钢琴: playing it); None where it names neither (the
    training's own exercises stay: the run, the weights)."""
    return next((a for a in c.actions if a in _PRACTISED), None) or ("play" if played(c.text) else None)


_WISHES = re.compile(r"(?:wish|hope|dream|long)(?:s|es|ed|t|ing)?\b|梦想|希望|渴望|盼望|幻想")
# a win the hero wants, must or means to get ("wants to win", "must beat the champion", "has to win", "is determined to
# win", 想赢, 一定要赢): still ahead
_MEANS = re.compile(r"(?:wants?|wanting|must|has to|have to|needs? to|is determined to|vows? to|swears? to|"
                    r"is desperate to|is going to|plans? to)\b|想要|想|一定要|发誓要|决心要|决定要")
# a contest the hero signs up for ("signs up for the singing contest", "registers for the talent contest",
# 报名参加了唱歌比赛): only its sign-up told, the contest still ahead ("enters a cooking contest" is the contest itself,
# led up to by its practice: tests/test_story_scene_time.py)
_ENTERS = re.compile(r"(?:sign(?:s|ed|ing)? up|register(?:s|ed|ing)?|appl(?:y|ies|ied|ying))\b|报名|要参加|准备参加|"
                     r"打算参加")


def only_wished(c: Clause) -> bool:
    """Clause ``c``'s verb only wishes for what it names ("dreams of winning", "wishes he could win", "hopes to win",
    梦想赢得), means to win it ("wants to win the dog show", "must beat the champion husky", 一定要赢) or only signs up for its
    contest ("signs up for a talent show", 报名参加了唱歌比赛): not yet done (never "在比赛中成为好朋友", a becoming told as
    done)."""
    verb = c.verb.lower()
    return "dream" in c.events and bool(_WISHES.match(verb)) or "win" in c.events and bool(_MEANS.match(verb)) or \
        "compete" in c.events and "win" not in c.events and bool(_ENTERS.match(verb))


_WON = re.compile(r"\b(?:champion|champions|championship title|first place|takes? first|gold medal)\b|冠军|第一名|夺冠|金牌|"
                  r"拿了第一|得了第一")  # a win said without the word "win" ("becomes the champion", 拿了冠军)


def contest_untold(read: Sequence[Clause]) -> bool:
    """The premise ends on a contest the hero enters or competes in ("a shy corgi enters the cooking contest", "joins
    the talent show", 参加了唱歌比赛: its last clause competes, more than a sign-up ``only_wished``) and none of its
    clauses says it won (won, wins, beats, champion, 拿了冠军): the contest is told under way, its result still ahead,
    never "I made it", the trophy or a winner's cheer."""
    if not read or "compete" not in read[-1].events or only_wished(read[-1]):
        return False
    return not any("win" in c.events or "trophy" in c.props or _WON.search(c.text.lower()) for c in read)


def untold_pools(c: Clause, base: dict[str, Any]) -> dict[str, Any]:
    """``base`` (a story's pools: ``more``, ``say``, ``ending``) with the lines said after untold contest clause ``c``
    (``contest_untold``) in place of a win's: a race's ("the finish line is still far away") or any other contest's
    ("the judges lean forward"), the result still ahead (``practice.json``'s ``untold``)."""
    data = _data()["untold"]
    own = data["race" if _race(c) else "show"]
    return {**base, "more": {**base["more"], "outcome": {**base["more"]["outcome"], **own["more"]}},
            "say": {**base["say"], "outcome_hero": {**base["say"]["outcome_hero"], **own["say"]}}, "ending": own["ending"]}


def _race(c: Clause) -> bool:
    """Clause ``c`` names a race ("the school race", "sports day", 运动会, 赛跑: ``practice.json``'s ``race_words``)."""
    return _says(c, _data()["untold"]["race_words"])


def _says(c: Clause, words: dict[str, list[str]]) -> bool:
    """Clause ``c`` says one of ``words`` in its own language (English whole words, Chinese anywhere)."""
    lang = "zh" if HAN.search(c.text) else "en"
    low = c.text.lower()
    return any((w in low) if lang == "zh" else bool(re.search(rf"\b{re.escape(w)}\b", low)) for w in words[lang])
