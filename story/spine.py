"""The premise's own events as the spine of an offline story. Pure.

``premise_beats`` tells every clause of the premise (``story.clauses``) as one narrator beat, in
premise order, in the premise's own words with the cast's names put in (a person is introduced by
the premise's description the first time: "Duke, a clumsy corgi waiter, spills soup on Waffles, a
rich poodle, at a fancy restaurant."), with a visual note that stages it: who is there, the action
from the verb, the things the clause names, the place.

``weave`` puts those beats among an arc's template beats. The arc only adds what the premise leaves
open: a template beat of a phase the premise tells (its wrong, its rise, its outcome) is dropped
unless it is dialogue that names no other event, or it tells the same vocabulary event in the same
direction (the richer arc line, kept right after the premise's). ``fill`` brings the beats to the
planned length with reactions, feelings and the time in between (``story/data/spine.json``), never
with a new event.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, Literal

from story.clauses import Clause, outsider_entry
from story.datafiles import read_json
from story.kinds import STRIVING, Kind
from story.lexicon import lexicon
from story.nearest import nearest
from story.plan import (
    FILL_S,
    MAX_BEATS,
    MAX_LINE_S,
    MIN_BEATS,
    NARRATOR,
    SCENE_PAD_S,
    TARGET_MAX_S,
    voice_seconds,
)
from story.premise import Analysis
from story.script import spoken_length
from story.telling import tell, telling_data
from story.text import HAN, fill_fields, possessive

Beat = dict[str, Any]  # speaker, line, visual, slot (+ clause, kind, asks for premise beats)


@cache
def spine_data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("spine.json")
    return data


@dataclass(frozen=True)
class Cast:
    """The names the lines use: cast key → name, and the premise's people (sides)."""

    names: dict[str, str]
    hero: str
    sides: dict[str, str] = field(default_factory=dict)
    described: dict[str, str] = field(default_factory=dict)  # words that replace the premise's (a re-cast hero)
    calling: str = ""  # the job the hero's story reaches (astronaut, pop star), for the ending line
    workplace: str = ""  # where the hero's own job is done (a place word the staging knows), or ""
    story: Kind = STRIVING  # the premise's kind of story (story.kinds): how its clauses and fill are told

    def name(self, key: str | None) -> str:
        return self.names.get(key or self.hero, self.names[self.hero])


# ---------------------------------------------------------------------------------------------
# What each clause is to the story
# ---------------------------------------------------------------------------------------------


def kind(clause: Clause, total: int, analysis: Analysis, cast: Cast) -> str:
    """clash (the hero does something to the other side), hurt (the other side to the hero), setback
    (a wrong the hero suffers), dream (what the hero longs for), situation (the hero's job as the
    premise first shows it), rise (the hero's own doing), outcome
    (how it ends), plain."""
    lex = lexicon()
    last = clause.index == total - 1
    actor_side = cast.sides.get(clause.actor or "", "neutral")
    obj_side = cast.sides.get(clause.obj or "", "neutral")
    kinds = {lex.entry("events", e)["kind"] for e in clause.events if not (e == "dump" and _leaves_a_thing(clause))}
    if clause.obj and actor_side != obj_side and {actor_side, obj_side} & {"villain"}:
        if actor_side == "villain" and ("outcome" in kinds or action(clause) in _MENDING or mending(clause)):
            return "outcome" if last else "plain"  # the rival apologises to the hero: how it ends, not a hurt
        if actor_side == "villain" and ("wrong" in kinds or cast.story.striving):
            return "hurt"  # ("a jealous old cat learns to love the new puppy": no hurt)
        if actor_side == "villain":
            return "outcome" if last else "plain"
        return "outcome" if last and (total > 2 or not cast.story.striving) else "clash"  # "…tracks him down"
    if actor_side == "villain" and "wrong" in kinds and not cast.story.striving:
        return "hurt"  # "a greedy poodle steals grandma cat's ring": the hero's loss
    if "wrong" in kinds and actor_side != "villain":
        return "setback"
    if "dream" in clause.events or cast.story.opens(clause.text):
        return "dream"  # "dreams of becoming a chef", "falls in love with…": where the story starts
    if last and cast.story.open_ending and "outcome" not in kinds and actor_side == "hero":
        return "rise"  # "…leaves him a flower every morning": the kind's arc tells how it ends
    if clause.index == 0 and actor_side == "hero" and clause.jobs and not clause.events:
        return "situation"  # "a shy tabby cat sells umbrellas in the rain": where the story starts
    if last or "outcome" in kinds:  # a premise of one doing ("builds a company") ends with it
        return "outcome"
    return "rise" if actor_side == "hero" else "plain"


def _leaves_a_thing(c: Clause) -> bool:
    """"Leaves him a flower", "leaves a note": a leaving that gives a thing, not a leaving of someone."""
    return "dump" in c.events and any(n.section == "props" for n in c.asked) and bool(
        re.search(r"\b(?:leaves?|left|leaving)\b", c.verb.lower()))


_MENDING = {"kneel", "hug", "give", "wave", "celebrate"}  # a rival's doing that mends, not hurts


def mending(clause: Clause) -> str:
    """How a clause mends, by its verb (``spine.json``'s ``mending``): sorry, help, thanks, buy; or ""."""
    verb = clause.verb.lower() if clause.verb else clause.text.lower()
    zh = bool(HAN.search(verb))
    for key, entry in spine_data()["mending"].items():
        for w in entry["zh" if zh else "en"]:
            if (w in verb) if zh else re.search(rf"\b{re.escape(w)}", verb):
                return str(key)
    return ""
_PHASE = {"dream": "setup", "situation": "setup", "clash": "wrong", "hurt": "wrong", "setback": "wrong", "rise": "rise", "plain": "rise", "outcome": "outcome"}


def phase(kind_name: str) -> str:
    return _PHASE[kind_name]


# ---------------------------------------------------------------------------------------------
# A clause told as a line, and staged
# ---------------------------------------------------------------------------------------------


def premise_beats(analysis: Analysis, clauses: Sequence[Clause], cast: Cast, language: str,
                  rng: random.Random, openers: Sequence[str] = ()) -> list[Beat]:
    """One narrator beat per clause, in premise order. ``openers`` (the seed's "One rainy evening,",
    "Months later," …) open the first clause and the hero's doings after a setback."""
    zh = language == "zh"
    same = analysis.language == ("zh" if zh else "en")
    introduced: set[str] = set()
    beats: list[Beat] = []
    where = job_place(analysis)  # the place the story is at: a clause's own, else where the last one was
    standing: list[str] = []  # the things a clause built, staged again while the story stays there
    when = ""  # the time of day the place's words say, while the story stays there
    for c in clauses:
        k = kind(c, len(clauses), analysis, cast)
        opener = _opener(c, k, beats, openers, zh)
        line = _line_zh(c, len(clauses), cast, introduced, rng, not opener) if zh and same else \
            _line_en(c, len(clauses), cast, introduced, rng, not opener) if same else \
            tell(c, len(clauses), analysis, cast, language, introduced, rng, not opener, action(c),
                 spine_data()["leads"]["last"][language])
        if opener:
            line = f"{opener}{line}" if zh else f"{opener} {line[:1].lower() if not _starts_with_name(line, cast) else line[:1]}{line[1:]}"
        if analysis.dream and analysis.dream in c.jobs and not c.places and not any(
                n.section == "places" for n in c.asked):
            where = job_place(analysis, analysis.dream) or where  # "becomes a pop star": on the stage
        c = _in_weather(c, where)
        if c.outsider and not c.passive and not c.places and not any(n.section == "places" for n in c.asked) \
                and cast.workplace:
            where = cast.workplace  # a wedding party, a critic, the town: they come to the hero at work
        before = where
        visual, asks, subs = _visual(c, cast, where, bool(standing), when)
        when = _place_time(c) or (when if not (c.places or c.asked) else "")  # the night market stays at night
        place = next(((w, u) for k, w, u in subs if k == "place"), None)
        if analysis.dream and analysis.dream in c.jobs and ({"build", "become"} & set(c.events)):
            dream = lexicon().entry("jobs", analysis.dream)  # the dream reached: its own things (a company's sign)
            asks = [*asks, *dream["props"]]
            if analysis.dream == "founder" and analysis.job:
                asks.append(str(lexicon().entry("jobs", analysis.job)["props"][0]))
        own = next((n for n in c.asked if n.section == "places"), None)
        if own is not None:
            where = str(lexicon().entry("places", own.used)["en"][0])
        elif c.places:
            where = str(lexicon().entry("places", c.places[0])["en"][0])
        elif place is not None:
            where = place[1].replace("_", " ")
        if where != before:
            standing = []
        asks = list(dict.fromkeys([*asks, *standing]))  # what was built there is still there (the truck)
        if k in {"rise", "outcome"} and c.actor == cast.hero and asks and ("build" in c.events or action(c) in {"work", "think"}):
            standing = asks[:2]
        beats.append({"speaker": NARRATOR, "line": line[:200], "visual": visual[:160], "slot": "premise",
                      "clause": c.index, "kind": k, "asks": asks, "subs": subs})
    return beats


_INDOORS = {"hospital", "office", "school", "shop", "kitchen", "restaurant", "bedroom", "mansion", "city_hall", "stage"}


def _in_weather(c: Clause, where: str | None) -> Clause:
    """"saves a patient during a storm" while the story is at the hospital: the storm is the hospital's
    weather (rain on its window), not a rainy street. A place the clause names only by its weather
    word is dropped when the clause names another place, or the story is somewhere under a roof."""
    if not c.weathers:
        return c
    lex = lexicon()

    def weather_word(words: str) -> bool:
        return bool(lex.keys(words, "weathers")) and not (set(lex.keys(words, "places")) - {"rainy_street"})

    kept = [n for n in c.asked if n.section != "places" or not weather_word(n.wanted)]
    places = [k for k in c.places if k != "rainy_street" or not any(weather_word(w) for w in c.place_words)]
    indoors = where is not None and any(str(lex.entry("places", k)["location"]) in _INDOORS
                                        for k in lex.keys(where, "places"))
    if not (places or any(n.section == "places" for n in kept) or indoors):
        return c  # nowhere else to be: out in the rain
    return replace(c, asked=tuple(kept), places=tuple(places),
                   place_words=tuple(w for w in c.place_words if not weather_word(w)))


def job_place(analysis: Analysis, job: str | None = None) -> str | None:
    """Where the hero works (a place word the staging knows), for a first clause that names no place;
    or where ``job`` is done (the dream's stage)."""
    job = job or analysis.job
    if not job:
        return None
    lex = lexicon()
    loc = lex.entry("jobs", job)["location"]
    return next((str(e["en"][0]) for e in lex.data["places"].values() if e["location"] == loc and e["exact"]), None)


def _opener(c: Clause, k: str, told: list[Beat], openers: Sequence[str], zh: bool) -> str:
    """A time opener for a clause the premise gives none: the first one, and the hero's doing after a setback."""
    if c.lead or not openers:
        return ""
    if c.index == 0 and _says_when(c):
        return ""  # "小黑猫在雪夜里发抖" needs no "一个下雨的傍晚，" before it
    if c.index == 0:
        return openers[0] if k not in {"outcome"} else ""
    if k == "rise" and told and told[-1]["kind"] in {"setback", "hurt"} and len(openers) > 1:
        return openers[1]
    return ""


def _says_when(c: Clause) -> bool:
    """The clause names its own time of day or weather (雪夜, "in a storm", "at night")."""
    lex = lexicon()
    if HAN.search(c.text):
        words = [w for sec in ("times", "weathers") for e in lex.data[sec].values() for w in e["zh"]]
        return any(w in c.text for w in words)
    return bool(lex.keys(c.text, "times") or lex.keys(c.text, "weathers"))


def _starts_with_name(line: str, cast: Cast) -> bool:
    return any(n and line.startswith(n) for n in cast.names.values())


def _who(key: str, words: str, cast: Cast, introduced: set[str], zh: bool, given: bool) -> str:
    """A person's name; the first time with the premise's own description beside it."""
    name = cast.name(key)
    if zh and words.endswith("们"):
        introduced.add(key)
        return words  # 同学们: a group has no one pet's name
    if key in introduced or not words:
        return name
    introduced.add(key)
    if key in cast.described:  # the hero re-cast in another style: not the premise's "ginger cat"
        words, given = cast.described[key], False
    if given and name in words:
        return words if zh else re.sub(r"^(A|An|The)\b", lambda m: m.group(1).lower(), words)
    if zh:
        return f"{words}{name}"
    desc = re.sub(r"^(A|An|The|Her|His|Their)\b", lambda m: m.group(1).lower(), words)
    return f"{name}, {desc},"


def _line_en(c: Clause, total: int, cast: Cast, introduced: set[str], rng: random.Random, lead_ok: bool) -> str:
    leads = spine_data()["leads"]
    lead = leads["en"].get(c.lead, "")
    if not lead and lead_ok and c.index == total - 1 and (total >= 3 or c.index == 0):
        lead = rng.choice(leads["last"]["en"])
    subject = re.sub(r"^(A|An|The)\b", lambda m: m.group(1).lower(), c.outsider) if c.outsider and not c.passive else \
        _who(c.subject or cast.hero, c.subject_words, cast, introduced, False, _given(c.subject, cast, c))
    out = [lead, subject] if lead else [subject]
    owner_named = False
    before = ""
    for n, part in enumerate(c.parts):
        low = part.text.lower()
        after = c.parts[n + 1].text.lower() if n + 1 < len(c.parts) and c.parts[n + 1].key is None else ""
        if low == "'s":
            continue  # said with the mention before it
        if part.key and after == "'s":  # "her grandson's school": her grandson Olive's school
            name = possessive(cast.name(part.key))
            said = re.sub(r"^(A|An|The|Her|His|Their)\b", lambda m: m.group(1).lower(), part.text)
            out.append(name if part.key in introduced or cast.name(part.key) in said else f"{said} {name}")
            introduced.add(part.key)
            owner_named = True
        elif part.key:
            out.append(_who(part.key, part.text, cast, introduced, False, _given(part.key, cast, c)))
            owner_named = True
        elif low in {"him", "her"} and c.obj and (low == "him" or before in _GIVING or after in _NO_NOUN):
            out.append(cast.name(c.obj))  # "bakes him a cake", "brings her flowers", "buys flowers from her"
        elif low in {"his", "her", "their"} and not owner_named and c.actor != cast.hero:
            out.append(possessive(cast.name(cast.hero)))
        else:
            out.append(part.text)
        before = low
    text = " ".join(out)
    text = re.sub(r"\s+([,.!?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text).strip().rstrip(",")
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."


_NO_NOUN = {"", "to", "from", "with", "for", "and", "at", "in", "on", "again", "back", "away", "out", "up", "down",
            "off", "into", "too", "once", "every", "because", "before", "after", "as", "so", "but", "or", "then",
            "until", "while", "when", "by", "about", "over", "instead", "anymore", "forever", "now", "today"}
_GIVING = {"brings", "gives", "buys", "bakes", "sends", "hands", "offers", "shows", "makes", "cooks", "tells",
           "teaches", "brought", "gave", "bought", "baked", "sent", "made", "cooked", "told", "taught"}


def _line_zh(c: Clause, total: int, cast: Cast, introduced: set[str], rng: random.Random, lead_ok: bool) -> str:
    lead = f"{c.lead}，" if c.lead else ""
    if not lead and lead_ok and c.index == total - 1 and (total >= 3 or c.index == 0):
        lead = rng.choice(spine_data()["leads"]["last"]["zh"])
    subject = (c.outsider if not c.passive else "") or _who(c.subject or cast.hero, c.subject_words, cast, introduced, True, _given(c.subject, cast, c))
    body = "".join(_who(p.key, p.text, cast, introduced, True, _given(p.key, cast, c)) if p.key
                   else cast.name(c.obj) if p.text in {"它", "他", "她"} and c.obj else p.text for p in c.parts)
    text = f"{lead}{subject}{body}".strip("，")
    return text if text.endswith(("。", "！", "？")) else f"{text}。"


def _given(key: str | None, cast: Cast, c: Clause) -> bool:
    return bool(key) and cast.names.get(key or "", "") != "" and any(
        cast.names[key or ""] in t for t in (c.subject_words, *(p.text for p in c.parts if p.key == key)))


def action(c: Clause) -> str:
    return action_of(c)[0]


def action_of(c: Clause) -> tuple[str, bool]:
    """The drawable action of a clause and whether the premise's verb is that action's own word: a
    vocabulary action the verb names, else the verb's nearest (``spine.json``'s verbs, then
    ``story.nearest``), else its event's."""
    data = spine_data()
    if _leaves_a_thing(c):
        return "give", False
    if "build" in c.events and c.places + tuple(n.used for n in c.asked) and not c.actions:
        return "celebrate", False  # "opens a food truck": the opening day, not the old job's chores
    if c.actions and not any(e in data["passive_actions"] for e in c.events):
        return c.actions[0], True
    if not c.passive or c.actor == c.subject:
        for e in c.events:
            if e in data["passive_actions"] and not c.obj and "build" not in c.events:
                return str(data["passive_actions"][e]), False
    verb = c.verb.lower()
    first = verb.split()[0] if verb.split() else ""
    if c.passive and not HAN.search(verb):
        first = next((w for w in verb.split() if w not in {"is", "are", "was", "were", "gets", "get", "by"}), first)
    for form in (first, re.sub(r"(ies)$", "y", first), re.sub(r"(es|s|ed|ing)$", "", first), re.sub(r"(s|d)$", "", first)):
        if form in data["verb_actions"]:
            return str(data["verb_actions"][form]), False
    said = _without_nouns(verb)
    for word, act in data["verb_actions"].items():
        if HAN.search(word) and word in said:
            return str(act), False
    if c.actions:
        return c.actions[0], True
    near = nearest(c.verb, "actions", "zh" if HAN.search(c.verb) else "en") if c.verb else None
    if near is not None:
        return near.used, near.exact
    for e in c.events:
        if e in data["event_actions"]:
            return str(data["event_actions"][e]), False
    return ("talk" if c.obj else "stand"), False


def _without_nouns(verb: str) -> str:
    """A Chinese verb phrase with its nouns blanked (卖 inside 外卖公司 sells nothing; 送外卖 still delivers)."""
    nouns = {zh for _, zh in telling_data()["nouns"]} | {
        w for e in lexicon().data["jobs"].values() for w in e["zh"] if not any(w in v for v in ("送外卖",))}
    for noun in sorted((n for n in nouns if len(n) > 1 and n in verb), key=len, reverse=True):
        at = verb.find(noun)
        if at > 0 and verb[at - 1] in "送开":  # 送外卖 (deliver), 开出租车: the verb before the noun stays
            continue
        verb = verb.replace(noun, "\0" * len(noun))
    return verb


def _ing(word: str) -> str:
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith("ee"):
        return word[:-1] + "ing"
    if re.fullmatch(r"[a-z]*[^aeiou][aeiou][bdgmnpt]", word) and len(word) <= 4:
        return word + word[-1] + "ing"
    return word + "ing"


def place_ask(c: Clause) -> tuple[str, str] | None:
    """(the premise's words, the location drawn) for a place the clause asks for that is not one of
    its vocabulary's places: what it opens or builds ("opens a food truck": the street where the
    truck stands), or a noun after in/at/into; the nearest drawable place, else the street."""
    if c.places:
        return None
    built = [n.wanted for n in c.asked if n.section == "props" and not n.exact] + list(c.nouns)
    if "build" in c.events and built:
        wanted = built[0]
    else:
        wanted = next((n for n in c.nouns if re.search(
            rf"\b(?:in|at|into|inside|outside|to)\s+(?:the|a|an|his|her|their)\s+{re.escape(n)}", c.verb.lower())), "")
    if not wanted:
        return None
    near = nearest(wanted, "places", "zh" if HAN.search(wanted) else "en")
    used = str(lexicon().entry("places", near.used)["location"]) if near else str(spine_data()["place_default"])
    return wanted, used


Ask = tuple[Literal["place", "prop", "action"], str, str]  # (kind, the premise's words, what is drawn) for the report


def cast_asks(items: Any) -> list[Ask]:
    """A beat's drawn-as-another list, typed (beats are plain dicts)."""
    return list(items)


def _visual(c: Clause, cast: Cast, where: str | None, heros_place: bool = False,
            when: str = "") -> tuple[str, list[str], list[Ask]]:
    """The visual note (English, for staging), the clause's things as scene props (in the lexicon's
    drawable words) and what is drawn as something else than asked (prop, place and action)."""
    lex = lexicon()
    act, exact = action_of(c)
    outsider = outsider_entry(c.outsider) if c.outsider else None
    if c.outsider:  # someone outside the cast does it: the hero is shown taking it, beside them
        act = _taking(c, act)
    known = lex.data["actions"].get(act)
    word = "staring" if act == "shocked" else _ing(str(known["en"][0]).split()[0]) if known else "standing"
    actor = cast.name(c.actor)
    toward = cast.name(c.obj) if c.obj and not c.outsider else ""
    if not toward and c.actor != cast.hero and (heros_place or any(
            p.text.lower() in {"his", "her", "their"} for p in c.parts)):
        toward = cast.name(cast.hero)  # "the poodle queues for his noodles": at the hero's truck, the hero there
    prep = "at " if act in {"point", "laugh", "sneer", "shocked"} else "toward " if act in {"walk", "run", "enter"} else ""
    # "we see" keeps the note English to the vocabulary's reader even where the names are hanzi
    note = f"we see {actor} {word} {prep if toward else ''}{toward}".strip()
    subs: list[Ask] = [] if exact else [("action", c.verb, act)]
    shown: list[str] = []  # the things in the note, by the vocabulary's plain word (a label may say "cheering")
    place = place_ask(c)
    asks: list[str] = []
    for n in c.asked:
        if n.section != "props":
            continue
        label = str(lex.entry("props", n.used)["label"])
        asks.append(label)
        word = str(lex.entry("props", n.used)["en"][0])
        if not lex.find(word, ["places"]):  # "food stall" is a restaurant's word too: the place is said below
            shown.append(word)
        if not n.exact:
            subs.append(("prop", n.wanted, label))
    if c.outsider:
        for key in [*(["crowd"] if outsider is None or outsider["group"] else []), *(outsider or {}).get("props", [])]:
            label = str(lex.entry("props", key)["label"])
            if label not in asks:
                asks.append(label)
                shown.append(str(lex.entry("props", key)["en"][0]))
    unknown = [w for w in c.nouns if not place or w != place[0]]  # unknown to every table: the painter's nearest
    looks = [spine_data()["event_looks"][e] for e in c.events if e in spine_data()["event_looks"]]
    if looks and not shown and not unknown:  # "gets rich" and no more said: a suit, the cash, the golden car
        for key in looks[0]["props"]:
            asks.append(str(lex.entry("props", key)["label"]))
            shown.append(str(lex.entry("props", key)["en"][0]))
        note += f" in a {looks[0]['wear']}" if looks[0]["wear"] else ""
    asks += unknown
    if shown or unknown:
        note += ", " + ", ".join(dict.fromkeys([*shown, *unknown]))
    own = next((n for n in c.asked if n.section == "places"), None)
    if own is not None:
        entry = lex.entry("places", own.used)
        note += f", at the {entry['en'][0]}"
        if not own.exact or not entry["exact"]:
            subs.append(("place", own.wanted, str(entry["location"])))
    elif c.places:
        note += f", at the {lex.entry('places', c.places[0])['en'][0]}"
    elif place is not None:
        note += f", on the {place[1].replace('_', ' ')}"
        subs.append(("place", place[0], place[1]))
    elif looks and looks[0]["place"]:  # rich at last: out on the street with the golden car, not in a bedroom
        note += f", on the {lex.entry('places', looks[0]['place'])['en'][0]}"
    elif where:
        note += f", at the {where}"
    when = _place_time(c) or (when if not (c.places or c.asked) else "")
    if when and when not in note:
        note += f", at {when}" if when == "night" else f", in the {when}"
    for w in c.weathers[:1]:  # "during a storm": the weather of the scene's own place
        word = str(lex.entry("weathers", w)["en"][0])
        if word not in note:
            note += f", in {'a ' if w == 'storm' else 'the '}{word}"
    return note, asks, subs


_TAKING = {"give", "work", "celebrate", "cry", "shocked", "sing", "wave", "think", "eat", "study", "drive"}


def _taking(c: Clause, act: str) -> str:
    """What the hero does while someone outside the cast does the clause's deed: the deed itself where
    the hero can show it alone (sells them the roses, sings for the crowd), crying at a wrong, else
    staring in surprise; never a deed between two of the cast."""
    lex = lexicon()
    if any(lex.entry("events", e)["kind"] == "wrong" for e in c.events):
        return "cry"
    return act if act in _TAKING else "shocked"


def _place_time(c: Clause) -> str:
    """The time of day a place's own words say ("night market", 夜市, 雨夜): the scene is drawn then."""
    lex = lexicon()
    for words in (*c.place_words, *(n.wanted for n in c.asked if n.section == "places")):
        if HAN.search(words):
            hit = next((k for k, e in lex.data["times"].items() if any(w in words for w in e["zh"])), None)
        else:
            hit = next(iter(lex.keys(words, "times")), None)
        if hit:
            return str(hit)
    return ""


# ---------------------------------------------------------------------------------------------
# Weaving the arc around the premise
# ---------------------------------------------------------------------------------------------


def _phase_of(beat: Beat) -> str:
    return str(spine_data()["slot_phases"].get(beat.get("slot", ""), "rise"))


def weave(template: list[Beat], spine: list[Beat], clauses: Sequence[Clause], analysis: Analysis,
          cast: Cast) -> list[Beat]:
    """The premise beats in order, with the template beats the premise leaves room for: a phase the
    premise tells keeps only the arc's reaction dialogue (said after the premise's last clause of
    that phase); a phase it leaves open keeps the arc's beats, before the first clause that comes
    later in the story."""
    lex = lexicon()
    data = spine_data()
    order = data["phase_order"]
    told = {e for c in clauses for e in c.events}
    kinds = {b["kind"] for b in spine}
    covered = {phase(k) for k in kinds}
    if "outcome" in covered:
        covered.add("end")
        if len(clauses) >= 3:
            covered.add("climax")
    reactions = set(data["reaction_slots"].get("hurt" if "hurt" in kinds else "other", []))
    before: dict[int, list[Beat]] = {}
    after: dict[int, list[Beat]] = {}
    tail: list[Beat] = []
    last_of: dict[str, int] = {phase(b["kind"]): int(b["clause"]) for b in spine}
    for b in template:
        ph = _phase_of(b)
        events = {h.key for h in lex.find(b["line"], ["events"])}
        if b["slot"] in {"place", "job"}:
            continue  # the premise's first clause introduces the hero, the job and the place itself
        if events & told:
            continue  # the premise's own clause tells that event, in its own place
        if b["slot"] == "cameo" and _names_told(b, clauses, cast):
            continue  # the premise's own lines show who this pet is
        if ph in covered:
            if b["slot"] == "cameo":
                before.setdefault(spine[0]["clause"], []).append(b)
            elif b["speaker"] != NARRATOR and b["slot"] in reactions and not events - told:
                after.setdefault(last_of.get(ph, int(spine[-1]["clause"])), []).append(b)
            elif ph == "rise" and b["speaker"] == NARRATOR and not events and not _names_other(b, cast):
                after.setdefault(last_of["rise"], []).append(b)  # the time in between, the hero alone
            continue
        if events - told - _FEELINGS or (b["speaker"] == NARRATOR and _names_other(b, cast) and ph != "setup"
                                         and cast.story.arc is None):  # a kind's own arc tells its people

            continue  # an open phase is filled with feelings and time, not with an event the premise never tells
        here = next((s["clause"] for s in spine if order.index(phase(s["kind"])) > order.index(ph)), None)
        b["open"] = True  # a phase the premise leaves open: the arc may tell more of it
        (before.setdefault(here, []) if here is not None else tail).append(b)
    out: list[Beat] = []
    for s in spine:
        out.extend(before.get(s["clause"], []))
        out.append(s)
        out.extend(after.get(s["clause"], [])[:2])
    out.extend(tail)
    return out


_FEELINGS = {"dream", "work_hard"}  # a longing and the effort are what the hero feels and does, not events


def _names_told(beat: Beat, clauses: Sequence[Clause], cast: Cast) -> bool:
    """A cameo of someone the premise's own clauses name (they need no invented part)."""
    told = {k for c in clauses for k in (c.subject, c.actor, c.obj, *(p.key for p in c.parts)) if k}
    return any(cast.names.get(k) and cast.names[k] in beat["line"] for k in told if k != cast.hero)


def _names_other(beat: Beat, cast: Cast) -> bool:
    """The line names someone besides the hero (an arc line about the rival invents what they do)."""
    return any(n and n in beat["line"] for k, n in cast.names.items() if k != cast.hero)


def _direction_ok(beat: Beat, clause: Clause, cast: Cast) -> bool:
    """The arc line names the clause's actor before anyone else (who does it to whom agrees)."""
    line = beat["line"]
    found = sorted((line.find(n), k) for k, n in cast.names.items() if n and line.find(n) >= 0)
    return bool(found) and found[0][1] == clause.actor


# ---------------------------------------------------------------------------------------------
# The planned length
# ---------------------------------------------------------------------------------------------


def length(beats: Sequence[Beat], language: str) -> float:
    return sum(voice_seconds(b["line"], language) + SCENE_PAD_S for b in beats)


def fill(beats: list[Beat], clauses: Sequence[Clause], cast: Cast, language: str, rng: random.Random,
         ok: Callable[[str], bool] = lambda line: True, kind: Kind | None = None) -> list[Beat]:
    """Reactions, feelings and the time in between, round by round, until the beats say about ``FILL_S``
    seconds; an ending line; template beats dropped (never premise ones) when too long or too many.
    ``ok`` says whether a line claims only what the premise allows (``story.claims``); ``kind`` is the
    premise's kind of story (``story.kinds``): effort and triumph lines only for a story of striving,
    its own lines (small gestures, the search, the whistle) for the others."""
    data = {**spine_data(), **(kind or STRIVING).pools(spine_data())}
    strives = (kind or STRIVING).striving
    lead_pool = "rise" if strives else "lead"  # the hero's days before a premise that opens with its doing
    doing = "working" if strives else "standing"
    lang = "zh" if language == "zh" else "en"
    spine = [b for b in beats if b["slot"] == "premise"]
    # 1. too many or too long: template beats go first, from the middle
    while len(beats) > MAX_BEATS or (length(beats, lang) > TARGET_MAX_S - 2 and len(beats) > MIN_BEATS):
        drop = next((k for k in range(len(beats) - 2, 0, -1) if beats[k]["slot"] not in {"premise", "cameo"}), None)
        if drop is None:
            drop = next((k for k in range(len(beats) - 2, 0, -1) if beats[k]["slot"] != "premise"), None)
        if drop is None:
            _merge_premise(beats, lang)
            if len(beats) <= MAX_BEATS:
                break
            continue
        beats.pop(drop)

    def values(b: Beat) -> dict[str, str]:
        c = clauses[b["clause"]]
        actor = c.subject if b["kind"] == "setback" else c.actor  # a setback's lines are about whom it befalls
        if b["kind"] == "setback" and lang == "zh" and not c.passive and c.obj == cast.hero:
            actor = c.obj  # 栗子偷走了豆豆的秘方: how 豆豆 takes it, not 栗子
        if b["kind"] == "outcome" and cast.sides.get(c.actor or "") == "villain":
            actor = cast.hero  # the rival says sorry: how the hero takes it ("Biscuit can hardly believe it")
        out = {"actor": cast.name(actor), "object": cast.name(c.obj) if c.obj else cast.name(cast.hero),
               "hero": cast.name(cast.hero)}
        if not c.obj and not strives:  # "Luna keeps both eyes on Luna": a kind's line about another needs one
            out.pop("object")
        where = re.search(r", (at|on) the ([a-z ]+)$", str(b.get("visual", "")))
        own = next((n.wanted for n in c.asked if n.section == "places"  # the premise's word ("town"),
                    and not lexicon().keys(n.wanted, "weathers")), None)  # never its weather ("storm")
        if where:  # the scene's own place ("the whole hospital goes quiet")
            word = own if own and lang == "en" and analysis_lang(own) == "en" else where.group(2)
            if lexicon().keys(word, "weathers"):
                word = "street"  # the rainy street's first word is "rain": "everyone in the rain" is nowhere
            prep = "on" if word.split()[-1] in _ON else "in" if word.split()[-1] in _IN else "at"
            out["place"], out["at_place"] = word, f"{prep} the {word}"
            if lang == "zh":
                entry = next((e for e in lexicon().data["places"].values() if e["en"][0] == where.group(2)), None)
                out = {**out, "place": str(entry["zh"][0])} if entry else {k: v for k, v in out.items()
                                                                           if k not in {"place", "at_place"}}
        thing = next((n.wanted for n in c.asked if n.section == "props" and n.used != "crowd"), None)
        if thing and analysis_lang(thing) == lang:  # the clause's own thing ("the birthday cake")
            out["thing"] = thing
        return out

    used: set[str] = set()

    def pick(options: list[str], vals: dict[str, str]) -> str | None:
        filled = [(o, text) for o in options if o not in used and (text := fill_fields(o, vals)) is not None
                  and ok(text)]
        if not filled:
            return None
        own = [f for f in filled if _SPECIFIC.search(f[0])]  # a line with this premise's place or thing first
        if own and rng.random() < 0.4:
            filled = own
        choice, text = rng.choice(filled)
        used.add(choice)
        return text

    def aftermath(b: Beat, at: int, ahead: bool, opens: bool = False) -> None:
        """At ``at``, after premise beat ``b`` (before it when ``ahead``: the effort leading up to the
        hero's doing): a feeling or the time in between, then what the one it happens to says.
        ``opens``: the hero's days before a premise that opens with its rise or its ending."""
        vals = {**values(b), "actor": cast.name(cast.hero)} if opens else values(b)
        more = pick(list(_lead(data, lead_pool, lang)) if opens else _pool(data["more"], b["kind"], lang), vals)
        if more:
            beats.insert(at, {"speaker": NARRATOR, "line": more,
                              "visual": _before(b, cast.workplace, doing) if ahead else b["visual"],
                              "slot": "feeling", "asks": [] if ahead else b.get("asks", [])})
            at += 1
        c = clauses[b["clause"]]
        said = data["say"].get(_say_key(b["kind"], c, cast, opens))
        who = cast.hero if opens else c.obj if said and said["who"] == "object" else c.actor
        line = pick(list(said[lang]), vals) if said and who in cast.names and len(beats) < MAX_BEATS else None
        if line:
            beats.insert(at, {"speaker": who, "line": line, "visual": b["visual"], "slot": "reaction"})

    # 2. an ending: the last premise beat closes with the story's emotion
    ended: Beat | None = None
    open_end = not strives and (kind or STRIVING).open_ending and spine and spine[-1]["kind"] == "rise"
    if spine and length(beats, lang) < FILL_S - 3 and spine[-1]["kind"] not in {"setback", "hurt", "dream"} \
            and not open_end:  # a story whose last clause is no ending: its arc ends it
        last = spine[-1]
        calling = [t.replace("{job}", cast.calling) for t in data["ending_calling"][lang]] if cast.calling else []
        end = pick(calling or list(data["ending"][lang]), values(last))
        if end and _append(last, end, lang):
            ended = last
    # 3. after the clauses that most need one (while the beats last), a scene of its aftermath: a
    #    feeling or the time in between, and a reaction said by whom it happens to
    rank = ["hurt", "clash", "outcome", "setback", "dream", "situation", "rise", "plain"]
    budget = max(1, (MAX_BEATS - len(beats)) // 2)
    chosen = sorted(spine, key=lambda b: (rank.index(b["kind"]), -b["clause"]))[:budget]
    for b in [b for b in spine if b in chosen]:
        if length(beats, lang) >= FILL_S or len(beats) >= MAX_BEATS:
            break
        ahead = b["kind"] == "rise" and b is not spine[0]  # the hero's doing is led up to, not followed
        aftermath(b, beats.index(b) + (0 if ahead else 1), ahead)
    # 3a. a premise that opens with its rise or its ending ("a delivery driver builds a company") is
    #     led up to: the hero's days before it (its job's days when it names one, then the effort),
    #     each with what the hero says
    first = spine[0] if spine else None
    if first is not None and first["kind"] in {"outcome", "rise", "plain"}:
        lead = {**values(first), "actor": cast.name(cast.hero)}
        lead.pop("thing", None)  # not yet: the thing is the clause's own
        if "build" in clauses[first["clause"]].events:
            lead = {k: v for k, v in lead.items() if k not in {"place", "at_place"}}  # not yet built either
        for k in (["situation"] if clauses[first["clause"]].jobs else []) + [lead_pool]:
            line = pick(list(_lead(data, k, lang)), lead)
            if not line or len(beats) >= MAX_BEATS - 3:
                continue
            second = pick(list(_lead(data, k, lang)), lead)
            at = beats.index(first)
            beats.insert(at, {"speaker": NARRATOR, "line": f"{line}{'' if lang == 'zh' else ' '}{second or ''}".strip(),
                              "slot": "feeling", "asks": [], "visual": f"we see {cast.name(cast.hero)} {doing}{_at(cast.workplace)}"})
            said_k = "rise" if k == "lead" else k
            said = pick(list(data["say"][said_k][lang]), lead) if said_k in data["say"] else None
            if said:
                beats.insert(at + 1, {"speaker": cast.hero, "line": said, "slot": "reaction",
                                      "visual": f"we see {cast.name(cast.hero)} {doing}{_at(cast.workplace)}"})
    # 3b. a premise of few clauses still gets its scenes: more aftermath (a feeling or the time in
    #     between, and what the one it befalls says) after its clauses, last first, never a new event
    turns = 0
    while (len(beats) < MIN_BEATS or length(beats, lang) < FILL_S - 2) and len(beats) < MAX_BEATS \
            and turns < 6 * len(spine):
        b = spine[-1 - turns % len(spine)]
        turns += 1
        at = beats.index(b) + 1
        while at < len(beats) and beats[at]["slot"] in {"feeling", "reaction"}:
            at += 1
        opens = b is spine[0] and b["kind"] in {"outcome", "rise", "plain"} and turns % 2 == 0
        ahead = (b["kind"] == "rise" and b is not spine[0]) or opens  # a lone ending gets as much lead-up
        if ahead:
            at = beats.index(b)  # the hero's doing is led up to: the effort and the time before it
            while at > 0 and beats[at - 1]["slot"] == "reaction":
                at -= 1
        aftermath(b, at, ahead, opens)
    # 4. more of each: said after each premise line and aftermath, round by round, while they fit in
    #    the scene (a scene with a reaction holds less narration)
    #    at most one more line each, a second only while the script is still short (no stack of
    #    interchangeable lines)
    growing = [b for b in beats if b["slot"] in {"premise", "feeling"}]
    added = {id(b): int(b is ended) for b in growing}
    progress = True
    while progress and length(beats, lang) < FILL_S:
        progress = False
        most = 1 if length(beats, lang) >= FILL_S - 5 else 2 if length(beats, lang) >= FILL_S - 7 else 3
        for b in growing:
            if length(beats, lang) >= FILL_S:
                break
            if added[id(b)] >= most:
                continue
            source = b if b["slot"] == "premise" else next(
                (p for p in reversed(beats[:beats.index(b)]) if p["slot"] == "premise"), None)
            if source is None:
                continue
            more = pick(_pool(data["more"], source["kind"], lang), values(source))
            if not more:
                continue
            at = beats.index(b) + 1
            reply = beats[at] if at < len(beats) and beats[at]["slot"] == "reaction" else None
            spare = voice_seconds(reply["line"], lang) + 0.5 if reply else 0.0
            if _append(b, more, lang, MAX_LINE_S - spare, 8.5 if reply else 14.5):
                added[id(b)] += 1
                progress = True
    return beats


def _say_key(kind_name: str, c: Clause, cast: Cast, opens: bool) -> str:
    """Which ``say`` lines follow a clause: the rival's words follow how the clause mends (sorry, help,
    buying), never a taunt after a rival's apology."""
    if opens:
        return "rise"
    rival = cast.sides.get(c.actor or "") == "villain"
    mend = mending(c) if rival else ""
    if kind_name == "outcome" or (mend and kind_name == "plain"):
        if not rival:
            return "outcome_hero"
        return f"outcome_rival_{mend}" if f"outcome_rival_{mend}" in spine_data()["say"] else "outcome_rival"
    return kind_name


_IN = {"town", "city", "village", "neighbourhood", "neighborhood", "world", "forest", "snow", "rain", "river"}
_ON = {"street", "streets", "stage", "rooftop", "roof", "planet", "moon", "beach", "field", "track"}
_SPECIFIC = re.compile(r"\{(?:place|at_place|thing)\}")


def analysis_lang(text: str) -> str:
    return "zh" if HAN.search(text) else "en"


def _at(place: str) -> str:
    return f", at the {place}" if place else ""


def _lead(data: dict[str, Any], key: str, lang: str) -> list[str]:
    """The lines of the hero's days before a premise that opens with its doing: a kind's own lead-up
    (``key`` "lead"), else the ``more`` pool of ``key`` (situation, rise)."""
    pool = data["lead"] if key == "lead" else data["more"][key]
    return list(pool[lang])


def _before(beat: Beat, workplace: str = "", doing: str = "working") -> str:
    """The visual note of the time before a clause: its doer at work (at the hero's workplace), without
    what it makes."""
    doer = re.match(r"we see (\S+)", str(beat["visual"]))
    return f"we see {doer.group(1) if doer else 'them'} {doing}{_at(workplace)}"


def _pool(pools: dict[str, Any], kind_name: str, lang: str) -> list[str]:
    """The lines for a clause of ``kind_name``, then the plain ones when those run out (about the one
    it befalls: after a hurt, not the one who did it)."""
    plain = [p for p in pools["plain"][lang] if kind_name != "hurt" or "{actor}" not in p]
    return [*pools.get(kind_name, pools["plain"])[lang], *plain]


def _append(beat: Beat, text: str, lang: str, most_s: float = MAX_LINE_S, paced_s: float = 14.5) -> bool:
    """Say ``text`` after the beat's line when the scene still holds it: within ``most_s`` of our
    voices and ``paced_s`` at the script's pacing (a scene with dialogue holds less narration)."""
    line = f"{beat['line']}{'' if lang == 'zh' else ' '}{text}"
    if len(line) <= 200 and voice_seconds(line, lang) <= most_s and spoken_length(line, lang) <= paced_s:
        beat["line"] = line
        return True
    return False


def _merge_premise(beats: list[Beat], lang: str) -> None:
    """Two neighbouring premise beats said as one (a premise with more events than the clip has scenes)."""
    for k in range(len(beats) - 1):
        a, b = beats[k], beats[k + 1]
        if a["slot"] == b["slot"] == "premise":
            a["line"] = f"{a['line']}{'' if lang == 'zh' else ' '}{b['line']}"[:200]
            a["asks"] = [*a.get("asks", []), *b.get("asks", [])]
            beats.pop(k + 1)
            return
    beats.pop(len(beats) // 2)
