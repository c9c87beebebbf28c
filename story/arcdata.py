"""Story arcs as data (``story/data/arcs/*.json``), read once. Pure.

Answers: which arcs there are (``ARC_IDS``) and what each holds (``Arc``, ``arcs()``: its triggers, the roles it needs,
its titles and beat slots, each slot's line variants in English and Chinese with a visual note), the parts an arc
casts (``SLOTS``), and the lines and words all arcs share (``common()``: ``story/data/arcs/common.json``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from story.datafiles import read_json

ARC_IDS = ("rags_to_riches", "career_dream", "betrayal_comeback", "lost_and_found", "parent_sacrifice",
           "underdog_revenge", "rivals_to_friends", "glow_up", "romance", "stolen_treasure", "rescue", "friendship",
           "celebration", "big_match", "little_wonders", "family_bond", "getting_well", "payback", "reunion", "owning_up", "making_up",
           "squabble", "remembrance", "loyal_wait", "taken_in", "kindness_repaid", "helping_paw", "family_change", "exam_day",
           "true_heiress", "stand_in_bride", "banquet_reveal", "in_laws", "wife_returns", "second_chance",
           "true_identity", "rebuild", "enemies_to_friends", "mentor", "contest", "saving_up", "last_wish", "first_day",
           "space_trip", "time_travel", "pirates", "training", "cinderella", "windfall", "cast_out", "thief_caught",
           "carry_to_care", "sacrifice_repaid", "festival", "viral", "farewell", "lonely_elder", "old_companions",
           "for_family", "not_this_time", "moon_festival")
SLOTS = ("rival", "ally", "friend", "family")


@dataclass(frozen=True)
class Arc:
    id: str
    label: dict[str, str]
    triggers: tuple[str, ...]
    strong: tuple[str, ...]
    needs: tuple[str, ...]
    titles: dict[str, list[str]]
    beats: tuple[dict[str, Any], ...]
    by_kind: bool = False  # told only for its kind of story (story.kinds), never chosen by score
    gone: tuple[str, ...] = ()  # the slots its story remembers (a grave visited): cast gone when invented
    cues: tuple[str, ...] = ()  # words (``section:key``) that say a premise is this story, when scores tie
    titles_left: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # titles said only where that one
    # walked out (``fits_setting``'s ``left``): "The Door He Closed" never where the hero's wife left him
    seasons: tuple[str, ...] = ()  # the weathers its own story brings, lexicon keys (a loyal wait's years: the snow)
    mates: bool = False  # its friend part is whoever of the hero's side the premise names beside it, family or friend
    # (two old companions: "an old dog and his old owner", 猫奶奶和她的老狗)


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = read_json(f"arcs/{name}.json")
    return data


@cache
def arcs() -> dict[str, Arc]:
    out = {}
    for arc_id in ARC_IDS:
        d = _read(arc_id)
        out[arc_id] = Arc(d["id"], d["label"], tuple(d["triggers"]), tuple(d.get("strong", ())), tuple(d["needs"]),
                          d["titles"], tuple(d["beats"]), bool(d.get("by_kind")), tuple(d.get("gone", ())),
                          tuple(d.get("cues", ())), d.get("titles_left", {}),
                          tuple(d.get("seasons", ())), bool(d.get("mates")))
    return out


@cache
def common() -> dict[str, Any]:
    return _read("common")
