"""What the hero wears where its own job is not what it does: whose job the premise's job is, a job left, and
another's trade worked. Pure.

A viewer with the sound off reads a pet's job by its costume, so the costume must be the pet's own and only
where it does that job:

* ``own_job``: the premise's job is the hero's own unless another of the cast holds it (the kitten a farmer
  adopts is no farmer: it is never dressed as one, nor in the farmer's work clothes where it helps on the farm);
* ``show_off_job``: from the scene after the one that tells the hero leaving its job ("quits his job", "retires",
  "gets fired", 辞职, 退休, 被开除) the hero is off its job (``Appearance.off_job``): never its old job's costume
  again (a chef who quits travels without its chef's hat); where the premise has the hero help or work at a
  trade place of another trade (a cleaner cat helping at a friend's bakery, 快递员去朋友的面包店帮忙), the hero
  wears that trade's work clothes there (the bakery's apron), never its own job's costume.

Only outfits change here: no line, place, prop or action (``story/data/outfits.json`` has the words).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from story.clauses import Clause, clauses
from story.datafiles import read_json
from story.kinds import kinds_data
from story.lexicon import lexicon
from story.onscreen import appearance, move
from story.premise import Analysis
from story.riches import first_named
from story.text import HAN, SENTENCE, alternation

_NOT = re.compile(
    r"\b(?:never|not|no|don't|doesn't|won't|didn't|can't|cannot|wouldn't)\b[^.!?]*$|[不没别]\S{0,2}$",
    re.IGNORECASE,
)  # "never quits", 从不辞职: no job left


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("outfits.json")
    return data


@cache
def _pattern(key: str) -> re.Pattern[str]:
    """A words list of ``outfits.json`` as one pattern (English whole words, Chinese anywhere; a Chinese word right
    before 的 is a trait, "退休的警犬", never the deed)."""
    words = _data()[key]
    return re.compile(
        f"{alternation(words['en'], True)}|(?:{alternation(words['zh'], False)})(?!的)", re.IGNORECASE
    )


def own_job(analysis: Analysis) -> bool:
    """Whether the premise's job (its job, else the hero's dream) is the hero's own: the hero's by the premise's
    words, or no one else's but a rival's (another of the cast who holds it, "a farmer adopts a stray kitten",
    keeps it; a rival in the same trade shares it)."""
    job = analysis.job or analysis.dream
    if job is None or analysis.hero.job == job or analysis.job is None:
        return job is not None
    return not any(
        p.job == job and p.role != "rival" and not p.does_wrong
        for p in analysis.cast
        if p.key != analysis.hero.key
    )  # a rival florist across the street: both florists


def _said(scene: Mapping[str, Any]) -> str:
    return " ".join([str(scene["narration"]), *(str(d["text"]) for d in scene["dialogue"])])


def left_at(scenes: Sequence[Mapping[str, Any]], premise: str, names: Mapping[str, str]) -> int | None:
    """The scene that tells the hero leaving its job (the premise says it does: "quits", 辞职), by a sentence whose
    first one named before the words (before 被 where it is done to one: 被老板开除) is the hero (or no one); None
    where no scene tells it."""
    if not any(not _NOT.search(premise[: m.start()]) for m in _pattern("left_job").finditer(premise)):
        return None
    for i, scene in enumerate(scenes):
        for sentence in SENTENCE.findall(_said(scene)):
            for m in _pattern("left_job").finditer(sentence):
                passive = sentence.rfind(
                    "被", max(0, m.start() - 8), m.start()
                )  # 大壮被老板可乐开除了: 大壮's
                subject = sentence[: passive if passive >= 0 else m.start()]
                if not _NOT.search(sentence[: m.start()]) and first_named(subject, dict(names)) in (
                    None,
                    "hero",
                ):
                    return i
    return None


def boss_at(scenes: Sequence[Mapping[str, Any]], premise: str, names: Mapping[str, str]) -> int | None:
    """The scene that tells the hero made the boss (the premise says it is: "becomes a CEO", 当上了老板), by a
    sentence whose first one named before the words is the hero (or no one); None where no scene tells it."""
    if not any(not _NOT.search(premise[: m.start()]) for m in _pattern("made_boss").finditer(premise)):
        return None
    for i, scene in enumerate(scenes):
        for sentence in SENTENCE.findall(_said(scene)):
            for m in _pattern("made_boss").finditer(sentence):
                if not _NOT.search(sentence[: m.start()]) and first_named(sentence[: m.start()], dict(names)) in (
                    None,
                    "hero",
                ):
                    return i
    return None


BOSS_SUIT = "suit"  # what the boss wears (the painter's suit and tie)
_NO_BOSS_PLACE = frozenset({"bedroom", "street", "rainy_street", "alley"})  # made the boss there: at the office


def show_made_boss(scenes: Sequence[dict[str, Any]], premise: str, names: Mapping[str, str]) -> None:
    """The hero made the boss (``boss_at``) in ``scenes`` (script scene dicts, in place): from that scene on in a
    boss's suit, off its old job (a florist's apron no more), wherever it is not lying ill or asleep; a viewer
    with the sound off sees the worker turned boss by the clothes; the scene that tells it, set at home or on the
    street ("the kitten grows up and becomes a CEO", told at home), is at the office (its desk, its window)."""
    at = boss_at(scenes, premise, names)
    if at is not None and scenes[at]["location"] in _NO_BOSS_PLACE and not scenes[at].get("memory"):
        move(scenes[at], "office", "clear", None, "zh" if HAN.search(premise) else "en")
    for scene in scenes[at:] if at is not None else ():
        hero = appearance(scene, "hero")
        if hero is None or hero["action"] in ("sick", "sleep"):
            continue
        hero["off_job"] = True
        hero["outfit"] = BOSS_SUIT


def _says(words: Sequence[str], text: str) -> bool:
    return any(
        w in text if HAN.search(w) else re.search(rf"(?<![\w']){re.escape(w)}(?![\w'])", text, re.I)
        for w in words
    )


def _another_trade(clause: Clause, job: str) -> dict[str, str] | None:
    """The work clothes by location of the trade place of another trade (not ``job``'s) that ``clause`` has the
    hero help or work at ("helps his friend at her bakery": the shop, an apron), or None."""
    if (
        clause.actor != "hero"
        or not clause.places
        or _says(_data()["own"]["en"] + _data()["own"]["zh"], clause.text)
    ):
        return None
    lex = lexicon()
    helping = next(k for k in kinds_data()["kinds"] if k["id"] == "helping")["words"]
    works = _data()["works_at"]
    text = clause.text
    place_word = next(iter(clause.place_words), "")
    theirs = bool(place_word) and (
        f"看{place_word}" in text
        or re.search(
            rf"(?:'s|\bher|\bhis|\btheir)\s+(?:[\w-]+\s+){{0,2}}{re.escape(place_word)}|的{re.escape(place_word)}",
            text,
            re.I,
        )
        is not None
    )
    if not (_says(works["en"] + works["zh"], text) or theirs and _says(helping["en"] + helping["zh"], text)):
        return None
    own_place = str(lex.entry("jobs", job)["location"])
    clothes = _data()["work_clothes"]
    out = {
        str(lex.entry("jobs", t)["location"]): str(lex.entry("jobs", t)["outfit"])
        for t in clause.jobs
        if t != job
    }  # the bakery's baker: an apron
    for p in clause.places:
        where = str(lex.entry("places", p)["location"])
        out.setdefault(where, str(clothes.get(where, "")))
    return {w: c for w, c in out.items() if w in clothes and w != own_place and c}


def show_off_job(
    scenes: Sequence[dict[str, Any]],
    analysis: Analysis,
    job: str | None,
    calling: str | None,
    names: Mapping[str, str],
    place: str | None = None,
) -> None:
    """The hero off its own ``job`` (a lexicon jobs key, the hero's own: ``own_job``; None for a job only the
    painter dresses, "a teacher dog") in ``scenes`` (script scene dicts, in place): after the scene that tells it
    leaving its job, never in the job's outfit (``calling``'s, the job it becomes, stays; a job only the painter
    dresses is left only until a scene tells it becoming something); at another's trade place it helps or works at (and the premise's ``place`` where that is
    one), in that trade's work clothes."""
    outfit = str(lexicon().entry("jobs", job)["outfit"]) if job else None
    kept = {str(lexicon().entry("jobs", calling)["outfit"])} if calling else set()
    # the old job's gear (a waiter's tray) is left with it, away from the job's own place: never carried to the
    # warehouse it works in after it was fired (its own restaurant, where it cooks again, keeps the wok)
    gear = {str(p) for p in lexicon().entry("jobs", job).get("props", [])} if job else set()
    gear -= {str(p) for p in lexicon().entry("jobs", calling).get("props", [])} if calling else set()
    home = str(lexicon().entry("jobs", job)["location"]) if job else None
    at = left_at(scenes, analysis.premise, names)
    for scene in scenes[at + 1 :] if at is not None else ():
        if analysis.job is None and any(
            h.section == "events" and h.key == "become" for h in lexicon().find(_said(scene))
        ):
            break  # "quits school and becomes a pilot": a job only the painter dresses is worn where it is reached
        hero = appearance(scene, "hero")
        if hero is None:
            continue
        hero["off_job"] = True  # a job the painter alone dresses ("a teacher dog retires") is left too
        if hero["outfit"] == outfit and outfit not in kept:
            hero["outfit"] = "none"
        if gear and scene["location"] != home:
            if hero.get("holding") in gear:
                hero["holding"] = None
            scene["props"] = [p for p in scene["props"] if p not in gear]
    if job is None or outfit is None:
        return
    trades = {w: o for c in clauses(analysis) if (t := _another_trade(c, job)) for w, o in t.items()}
    if (
        trades
        and place is not None
        and place in _data()["work_clothes"]
        and place != lexicon().entry("jobs", job)["location"]
    ):
        trades.setdefault(
            place, str(_data()["work_clothes"][place])
        )  # the premise's own place (its dumpling shop)
    for scene in scenes:
        hero = appearance(scene, "hero")
        clothes = trades.get(str(scene["location"]))
        if hero is None or clothes is None:
            continue
        hero["off_job"] = True
        if hero["outfit"] in ("none", outfit):
            hero["outfit"] = clothes
