"""Which arc tells a premise (``choose_arc``). Pure.

Answers: the arc of the premise's kind of story (``story.kinds``) where it has one; else the arc its features
(``features``: its events, traits, relations and jobs as ``section:key``) score highest (``arc_scores``: a rise
from rags only where the premise speaks of money, ``asks_money``; a sacrifice only where it names the one it is for,
``sacrifice_for``), arcs that tie told apart by the cue the premise says last (``told_last``, ``said_at``), then by
the seed.
"""

from __future__ import annotations

import random
import re

from story.arcdata import arcs
from story.clausewords import NEGATED
from story.kinds import story_kind
from story.lexicon import lexicon
from story.premise import Analysis
from story.spinedata import spine_data


def features(analysis: Analysis) -> set[str]:
    """The analysis as ``section:key`` features the arcs' triggers name."""
    out = {f"events:{k}" for k in [*analysis.wrongs, *analysis.goals, *analysis.outcomes]}
    hero = analysis.cast[0].key
    if any(p.of == hero and p.victim == hero and p.does_wrong and not p.own_wrong for p in analysis.cast[1:]):
        out.add("events:betray")  # "his partner takes his food truck": the hero's own friend or kin wrongs it
    for p in analysis.cast:
        out |= {f"traits:{t}" for t in p.traits}
        if p.relation:
            out.add(f"relations:{p.relation}")
    for job in (analysis.job, analysis.dream):
        if job:
            out.add(f"jobs:{job}")
    if "events:sacrifice" in out and not sacrifice_for(analysis):
        out = (out - {"events:sacrifice"}) | {"events:work_hard"}  # saving up for its own goal
    return out


def sacrifice_for(analysis: Analysis) -> bool:
    """The premise names the one a sacrifice is for ("works three jobs for his kittens", 省吃俭用供孩子上学):
    a family relation in the cast, or a family word (spine.json ``sacrifice_for``); "saves every coin and
    buys a house" names no one, and is saving up."""
    roles = lexicon().data["relations"]
    if any(p.relation and roles.get(p.relation, {}).get("role") == "family" for p in analysis.cast):
        return True
    words = spine_data()["sacrifice_for"]
    text = analysis.premise.lower()
    return any(re.search(rf"\b{w}\b", text) for w in words["en"]) or any(w in text for w in words["zh"])


def arc_scores(analysis: Analysis) -> dict[str, int]:
    have = features(analysis)
    scores = {}
    for arc in (a for a in arcs().values() if not a.by_kind):
        score = sum(1 for t in arc.triggers if t in have) + sum(3 for t in arc.strong if t in have)
        scores[arc.id] = score
    if analysis.dream:
        scores["career_dream"] += 3
    if not asks_money(analysis, have):  # "the rich poodles who laughed at him end up stunned": a rich mocker is no
        # wish for riches; the hero's rise from rags is told only where the premise speaks of money, else the
        # mockers' comeback is the underdog's (no coin thrown, no fortune)
        scores["underdog_revenge"] = max(scores["underdog_revenge"], scores["rags_to_riches"])
        scores["rags_to_riches"] = 0
    rival = analysis.person(analysis.wrongdoer) if analysis.wrongdoer else None
    if "betray" in analysis.wrongs and rival is not None and rival.does_wrong:
        scores["betrayal_comeback"] += 3  # "… open a bakery, but the partner runs off with the money": the betrayal
    return scores


# the words that speak of money (a rags-to-riches cue, or a prop of money): a rich mocker alone speaks of none
_MONEY = frozenset({"events:get_rich", "traits:poor", "props:money", "props:piggy_bank", "places:mansion",
                    "jobs:window_cleaner", "jobs:construction", "jobs:cleaner", "jobs:delivery", "jobs:street_vendor"})


def asks_money(analysis: Analysis, have: set[str] | None = None) -> bool:
    """The premise speaks of money: riches got or lacked, a humble job, money itself, a rich hero or a stray one (its
    ``features``, ``have``, and the vocabulary words it says); a villain's "rich" alone ("the rich poodles who
    laughed at him") asks for no fortune."""
    have = features(analysis) if have is None else have
    said = {f"{h.section}:{h.key}" for h in lexicon().find(analysis.premise)}
    return bool((have | said) & _MONEY) or "rich" in analysis.hero.traits or bool(_RAGS.search(analysis.premise))


_RAGS = re.compile(r"\b(?:stray|homeless|beggar|begging for food|street (?:cat|dog|kitten|puppy))\b|流浪|乞丐|讨饭",
                   re.IGNORECASE)  # a pet of the street: rags its story may rise from


def choose_arc(analysis: Analysis, seed: int) -> str:
    """The arc of the premise's kind of story (``story.kinds``: a romance, a theft, a rescue…); else the
    best-scoring arc; arcs that tie are told apart by what the premise says last of them (``told_last``:
    "bullied at school until he wins the singing contest" is a contest won), then by the seed. A premise
    with no story words gets a career dream when it names a job, else one of the underdog shapes."""
    kind = story_kind(analysis)
    if kind.arc is not None:  # a romance, a rescue, a theft…: its own arc, whatever else scores
        return kind.arc
    scores = arc_scores(analysis)
    best = max(scores.values())
    rng = random.Random(f"arc\x00{analysis.premise}\x00{seed}")
    if best == 0:
        job = analysis.dream or analysis.job
        if job and lexicon().entry("jobs", job).get("dream"):
            return "career_dream"
        return rng.choice(told_last(analysis, ["rags_to_riches", "underdog_revenge", "glow_up", "rivals_to_friends"]))
    return rng.choice(told_last(analysis, sorted(a for a, s in scores.items() if s == best)))




def said_at(analysis: Analysis) -> dict[str, int]:
    """Where the premise last says each vocabulary word (``section:key`` → character offset), a word it
    denies aside ("never forgives him"): its own words, or the word its job was read as (magician → pop star)."""
    premise = analysis.premise
    out: dict[str, int] = {}
    for h in lexicon().find(premise):
        if not NEGATED.search(premise[:h.pos]):
            out[f"{h.section}:{h.key}"] = max(out.get(f"{h.section}:{h.key}", -1), h.pos)
    for key, surface in analysis.surfaces.items():
        at = premise.lower().rfind(surface.lower())
        if at >= 0 and key not in out and not NEGATED.search(premise[:at]):
            out[key] = at
    return out


def told_last(analysis: Analysis, tied: list[str]) -> list[str]:
    """Of arcs that score alike, those whose cues (``story/data/arcs/*.json``: a contest for the career
    dream, riches for rags to riches, a boss for the underdog's revenge) the premise says last: where a
    premise ends is the story it is. All of them when it says none."""
    at = said_at(analysis)
    last = {a: max((at.get(c, -1) for c in arcs()[a].cues), default=-1) for a in tied}
    most = max(last.values(), default=-1)
    return tied if most < 0 else [a for a in tied if last[a] == most]
