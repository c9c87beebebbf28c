"""The hero's riches seen on screen: from the scene that says the hero gets rich ("becomes rich", 发财,
变成了有钱人) or shows it (comes back driving a golden car, buys the mansion, 开着豪车回来, 住进了别墅:
``implied_riches``), the hero wears a suit, holds no tool of its humble job (no squeegee, no delivery box)
and works it no more, with cash in the scene that tells it, drawn at the wheel where it drives its luxury
ride; the ones who mocked it before are there, stunned, in that scene and wherever the rich hero drives past
or shows up before them ("drives past them", 从他们身边经过). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from story.datafiles import read_json
from story.lexicon import lexicon
from story.onscreen import appearance
from story.text import SENTENCE, alternation

CASH = "stack of cash"
_WISHED = {"dream", "want"}
_MOCKS = {"sneer", "laugh", "point"}  # "dreams of getting rich", 想发财: not rich yet
_WORKWEAR = {"none", "rags", "hard_hat", "apron", "chef_hat", "uniform", "hoodie"}  # dressed up from these
_RIDES = ("yacht", "plane", "car")  # the lexicon props a ride is drawn as, the rarest first


def _said(scene: dict[str, Any]) -> str:
    return " ".join([str(scene["narration"]), *(str(d["text"]) for d in scene["dialogue"])])


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The riches words (``story/data/riches.json``) as patterns: a ride reached by its verb ("comes back
    driving a shiny golden car", 开着金色跑车), a home by its verb (buys the mansion, 住进了别墅), and
    where the hero comes before others (drives past, 回来)."""
    data = read_json("riches.json")
    out: dict[str, re.Pattern[str]] = {}
    for kind, verbs in (("rides", "ride_verbs"), ("homes", "home_verbs")):
        en = rf"(?:{alternation(data[verbs]['en'], True)})(?:\s+[\w'-]+){{0,4}}?\s+(?:{alternation(data[kind]['en'], True)})"
        zh = rf"(?:{alternation(data[verbs]['zh'], False)})[^，,。.！!？?]{{0,8}}?(?:{alternation(data[kind]['zh'], False)})"
        out[kind] = re.compile(f"{en}|{zh}", re.IGNORECASE)
    rides = alternation([*data["rides"]["zh"], "车"], False)
    out["drives_zh"] = re.compile(rf"(?:开着|开上了|开上|开回|开|驾驶|驾着)[^，,。]{{0,6}}?(?:{rides})(?![厂店行铺场间库站])")
    # 开了自己的修车厂, 开了一家洗车店: a shop of cars opened, no ride driven
    before = data["before"]
    out["before"] = re.compile(f"{alternation(before['en'], True)}|{alternation(before['zh'], False)}", re.IGNORECASE)
    return out


def gets_rich(text: str) -> bool:
    """The words tell someone getting rich (a fortune, 发财; "becomes rich", 变成了有钱人), not wishing for it (in
    the sentence that says it: "谁也没想到会是这样" after it wishes nothing)."""
    return any(_rich_sentence(s) for s in SENTENCE.findall(text))


def _rich_sentence(text: str) -> bool:
    keys = {(h.section, h.key) for h in lexicon().find(text)}
    if {k for s, k in keys if s == "events"} & _WISHED or any(w in text.replace("没想到", "") for w in (
            "想", "梦想", "希望")):
        return False
    return ("events", "get_rich") in keys or {("events", "become"), ("traits", "rich")} <= keys


def implied_riches(text: str, names: dict[str, str] | None = None) -> str | None:
    """``"ride"`` or ``"home"`` where the words show riches without saying them: a luxury ride driven or
    arrived in ("comes back driving a Lamborghini", "returns in a luxury car", 开着豪车回来), a mansion or a
    whole building bought or moved into (买下了整栋大楼, 住进了别墅); never a wish ("dreams of a sports car",
    想买别墅). With ``names`` (cast id to name), only in a sentence whose first named one before the riches is
    the hero, or no one (the hero carried on): not "the rich cat drives a sports car"."""
    for sentence in SENTENCE.findall(text):
        if any(w in sentence for w in ("想", "梦想", "希望")) or re.search(
                r"\b(?:dream|dreams|dreaming|wish|wishes|wants?|hopes?)\b", sentence, re.IGNORECASE):
            continue
        for kind in ("rides", "homes"):
            found = _patterns()[kind].search(sentence)
            if found is not None and (names is None or first_named(sentence[:found.start()], names) in (None, "hero")):
                return kind[:-1]
    return None


def riches_homes(text: str) -> list[str]:
    """The words of each riches home or building ``text`` tells bought or moved into (the mansion, the whole
    hotel, 整栋楼), wished or not."""
    return [m.group(0) for m in _patterns()["homes"].finditer(text)]


def first_named(words: str, names: dict[str, str]) -> str | None:
    """The cast id of the first one ``words`` name (None when they name no one)."""
    at = {sid: words.find(name) for sid, name in names.items() if name and name in words}
    return min(at, key=lambda sid: at[sid]) if at else None


def show_riches(scenes: Sequence[dict[str, Any]], job_outfit: str | None, job_props: Sequence[str],
                most_props: int, most_cast: int = 3, names: dict[str, str] | None = None) -> None:
    """Dress the hero rich in ``scenes`` (script scene dicts, in place) from the first that tells the hero
    getting rich or shows it (``names``: cast id to name, for whose riches a sentence shows); at the wheel
    where that scene shows its ride; the ones who mocked it before (sneered, laughed or pointed at it) react
    there and where it drives past them."""
    found = _rich_from(scenes, names)
    if found is None:
        return
    start, how = found
    mockers = list(dict.fromkeys(a["id"] for s in scenes for a in s["characters"]  # "the cats who mocked him"
                                 if a["action"] in _MOCKS and a.get("target") == "hero"))
    tools = {p[:40] for p in job_props}
    worn = {a["id"]: a["outfit"] for s in scenes for a in s["characters"]}  # the mockers as they were drawn
    for n, scene in enumerate(scenes[start:]):
        hero = appearance(scene, "hero")
        if hero is None:
            continue
        if hero["outfit"] in _WORKWEAR or hero["outfit"] == job_outfit:
            hero["outfit"] = "suit"
        if hero.get("holding") in tools:
            hero.pop("holding")
        if hero["action"] == "work" or (hero["action"] == "shocked" and not hero.get("target")):
            hero["action"], hero["expression"] = "celebrate", "happy"  # 大家都惊呆了: the onlookers are stunned
        scene["props"] = [p for p in scene["props"] if p not in tools]
        if n == 0 and how == "ride":
            _at_the_wheel(scene, hero, most_props)
        elif n == 0 and CASH not in scene["props"]:
            scene["props"] = [CASH, *scene["props"]][:most_props]
        if n == 0 or hero["action"] == "drive" or _patterns()["before"].search(_said(scene)):
            _before_mockers(scene, hero, {m: worn.get(m, "none") for m in mockers}, most_cast)


_EMPLOYED = {"uniform", "hard_hat", "hoodie"}  # a job's clothes that say it works for another (the waiter's vest)


def show_owner(scenes: Sequence[dict[str, Any]], job_outfit: str | None, job_props: Sequence[str]) -> None:
    """From the scene where the hero opens its own place ("a dachshund waiter … opens his own restaurant",
    开了自己的餐厅: ``Scene.opens``), a hero whose job is worn as another's uniform (waiter, cleaner, courier,
    builder) is drawn as the owner: in a suit, no tool of the old job in paw (a baker or a chef keeps its apron:
    it bakes in its own shop; one dressed for its own shop's trade, a cafe's apron, keeps that)."""
    if job_outfit not in _EMPLOYED:
        return
    start = next((k for k, s in enumerate(scenes) if s.get("opens")), None)
    if start is None:
        return
    tools = {p[:40] for p in job_props}
    for scene in scenes[start:]:
        hero = appearance(scene, "hero")
        if hero is None:
            continue
        if hero["outfit"] in ("none", job_outfit):  # drawn in its old job's clothes (its own shop's trade, the
            hero["outfit"] = "suit"  # cafe's apron, kept)
        hero["off_job"] = True  # the painter dresses it as the script says, never in the old job's costume
        if hero.get("holding") in tools:
            hero.pop("holding")
            if hero["action"] == "work":
                hero["action"] = "stand"


def _rich_from(scenes: Sequence[dict[str, Any]], names: dict[str, str] | None) -> tuple[int, str] | None:
    """The first scene that tells the hero getting rich, and how: ``"said"``, or shown by a ``"ride"`` or a
    ``"home"``."""
    for i, scene in enumerate(scenes):
        if gets_rich(_said(scene)):
            return i, "said"
        shown = implied_riches(_said(scene), names)
        if shown is not None and any(a["id"] == "hero" for a in scene["characters"]):
            return i, shown
    return None


def _at_the_wheel(scene: dict[str, Any], hero: dict[str, Any], most_props: int) -> None:
    """The hero drives its luxury ride in the scene that shows it (no job's gear in paw), the ride in the
    scene."""
    hero["action"], hero["expression"] = "drive", "happy"
    hero.pop("holding", None)
    lex = lexicon()
    if not set(_RIDES) & {h.key for p in scene["props"] for h in lex.find(p, ["props"])}:
        told = {h.key for h in lex.find(_said(scene), ["props"])}
        ride = next((k for k in _RIDES if k in told), "car")
        scene["props"] = [str(lex.entry("props", ride)["label"]), *scene["props"]][:most_props]


def _before_mockers(scene: dict[str, Any], hero: dict[str, Any], mockers: dict[str, str], most_cast: int) -> None:
    """The mockers there, stunned, before the rich hero (where it shows its riches, drives past or shows up)."""
    there = {a["id"]: a for a in scene["characters"]}
    for sid, outfit in mockers.items():
        if sid in there and there[sid]["action"] in ("stand", "walk", "talk", "think"):
            there[sid].update(action="shocked", expression="shocked", target="hero")
        if sid in there or len(scene["characters"]) >= most_cast:
            continue
        scene["characters"].append({"id": sid, "expression": "shocked", "outfit": outfit, "action": "shocked",
                                    "facing": "left", "target": "hero"})
        hero["facing"] = "right"


def drives_zh(verb: str) -> bool:
    """A Chinese verb phrase that drives a car or a luxury ride (开着豪车回来, 开着兰博基尼回村, 开上了跑车),
    not one that opens or runs something (开着一家面包店, 门开着)."""
    return _patterns()["drives_zh"].search(verb) is not None
