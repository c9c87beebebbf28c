"""The premise's own events as the spine of an offline story. Pure.

``premise_beats`` tells every clause of the premise (``story.clauses``) as one narrator beat, in
premise order, in the premise's own words with the cast's names put in (a person is introduced by
the premise's description the first time: "Duke, a clumsy corgi waiter, spills soup on Waffles, a
rich poodle, at a fancy restaurant."), with a visual note that stages it (``story.staged``): who is
there, the action from the verb, the things the clause names, the place.

The arc is put around these beats by ``story.weave`` (``weave``, ``fill``).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from story.adopters import HOME, adopter
from story.clauses import Clause
from story.fragments import NOW_LEADS, WHEN_EN
from story.holidays import holiday_cased, names_day
from story.lexicon import lexicon
from story.plan import NARRATOR, staging
from story.premise import Analysis
from story.quoted import premise_quotes, requoted
from story.spinedata import spine_data
from story.staged import (
    Beat,
    Cast,
    action,
    action_of,
    befalls,
    dreamt_own,
    kind,
    main_place,
    place_time,
    visual_note,
)
from story.telling import tell
from story.text import HAN, places_capitalised, plural_verb, possessive

# the staged values callers of the spine name through it
__all__ = ["Cast", "action_of", "job_place", "premise_beats", "spine_data"]


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
    built = False  # whether they were built (a food truck), not a job's tools (a mop, a delivery bag)
    when = ""  # the time of day the place's words say, while the story stays there
    partner: str | None = None  # who the last clause's subject was with ("豆豆和小白是好朋友，")
    dreamt: tuple[Any, ...] | None = None  # the places of a shop of its own the hero only dreamt of, so far
    doing = ""  # the hero's last deed ("sings on a talent show"), kept while a crowd reacts to it
    quotes = premise_quotes(analysis.premise)
    home = taken_home(analysis)  # the clause that takes the hero in, and the home it is taken to
    moved: str | None = None  # that home, where the story went there (a place the premise never names)
    for c in clauses:
        if home is not None and c.index == home[0] + 1 and not _at_home(where):
            where = moved = home[1]  # taken in at the shelter, it lives at its new home from the next clause on
        to = befalls(c, analysis, cast)  # whom it befalls: the one fact its kind and its lines read
        k = kind(c, len(clauses), analysis, cast, to)
        opener = _opener(c, k, beats, openers, zh)
        company = (partner or _companion(c, clauses, cast)) if _jointly(c) else \
            partner if cast.story.pair and not c.said_subject else None  # a quarrel's pair goes on together
        partner = _partner(c) or (partner if not c.said_subject else None)
        line = _line_zh(c, len(clauses), cast, introduced, rng, not opener, company) if zh and same else \
            _line_en(c, len(clauses), cast, introduced, rng, not opener, company) if same else \
            tell(c, len(clauses), analysis, cast, language, introduced, rng, not opener, action(c),
                 spine_data()["leads"]["last"][language])
        line = requoted(line, quotes, zh)  # 'says "you will never be rich"': the premise's own quoted words
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
        if dreamt_own(c):  # "dreams of her own bakery": dreamt of at home, not in a shop that is not there yet
            dreamt = (c.places, tuple(n for n in c.asked if n.section == "places"), c.place_words)
            c = replace(c, places=(), asked=tuple(n for n in c.asked if n.section != "places"), place_words=())
            where = str(lexicon().entry("places", "bedroom")["en"][0])
        elif dreamt and "build" in c.events and not c.places and not any(n.section == "places" for n in c.asked):
            c = replace(c, places=dreamt[0], asked=(*c.asked, *dreamt[1]), place_words=dreamt[2])  # "and finally
            dreamt = None  # opens it": the shop dreamt of, opened there
        visual, asks, subs = visual_note(c, cast, where, bool(standing), when, doing)
        doing = action(c) if c.actor == cast.hero and not c.outsider else doing
        when = place_time(c) or (when if not (c.places or c.asked) else "")  # the night market stays at night
        place = next(((s.wanted, s.used) for s in subs if s.kind == "place"), None)
        if analysis.dream and analysis.dream in c.jobs and ({"build", "become"} & set(c.events)):
            dream = lexicon().entry("jobs", analysis.dream)  # the dream reached: its own things (a company's sign)
            asks = [*asks, *dream["props"]]
            if analysis.dream == "founder" and analysis.job:
                asks.append(str(lexicon().entry("jobs", analysis.job)["props"][0]))
        own = main_place(c)
        if own is not None:
            where = str(lexicon().entry("places", own.used)["en"][0])
        elif c.places:
            where = str(lexicon().entry("places", c.places[0])["en"][0])
        elif place is not None:
            where = place[1].replace("_", " ")
        if where != before or "build" in c.events and not built:  # a shop of its own opened where the hero
            standing = []  # worked: only its own things, never the old job's tools (a mop in the bakery)
        asks = list(dict.fromkeys([*asks, *standing]))  # what was built there is still there (the truck)
        if k in {"rise", "outcome"} and c.actor == cast.hero and asks and ("build" in c.events or action(c) in {"work", "think"}):
            standing, built = asks[:2], "build" in c.events
        beats.append({"speaker": NARRATOR, "line": line[:200], "visual": visual[:160], "slot": "premise",
                      "clause": c.index, "kind": k, "befalls": to, "asks": asks, "subs": subs, "memory": recalls(c)})
        if company or _with(c):
            beats[-1]["with"] = company or _with(c)  # who does it with the subject: on screen from here on
        if moved is not None and where == moved:
            beats[-1]["unnamed_place"] = True  # its lines name no place ("everyone at the bedroom")
    return beats


def taken_home(analysis: Analysis) -> tuple[int, str] | None:
    """The index of the clause that takes the hero in ("a little girl adopts him", 被一个农夫收留) and the place word of
    the home it is taken to: the taker's own where its job's place is a home (a farmer's farm), else the house
    (``story.adopters.HOME``); None where nobody takes the hero in."""
    found = adopter(analysis)
    if found is None:
        return None
    taker = analysis.person(found[0])
    job = taker.job if taker is not None else None
    home = str(lexicon().entry("jobs", job)["location"]) if job else "bedroom"
    home = home if home in HOME and home in lexicon().data["places"] else "bedroom"
    return found[1], str(lexicon().entry("places", home)["en"][0])


def _at_home(where: str | None) -> bool:
    """Whether the place word is a home (``story.adopters.HOME``: the farm a farmer adopts a puppy on)."""
    lex = lexicon()
    return any(lex.entry("places", k)["location"] in HOME for k in lex.keys(where or "", "places"))


_THEY = {"they", "它们", "他们", "她们", "俩", "它俩", "他俩", "她俩"}


def _jointly(c: Clause) -> bool:
    """The clause's subject, carried on, does it with another: "together", 一起, or a plural pronoun
    ("and they open a bakery", 它们开了一家面馆)."""
    if c.said_subject:
        return False
    first = c.text.split()[0].lower() if not HAN.search(c.text[:1]) and c.text.split() else ""
    return bool(re.match(r"一起|together\b", c.verb) or re.search(r"\btogether\b|一起", c.text)
                or first in _THEY or any(c.text.startswith(w) for w in _THEY if HAN.search(w)))


def _companion(c: Clause, said: Sequence[Clause], cast: Cast) -> str | None:
    """Who a "together" clause's subject is with when no 和/and names it: the last other pet the clauses
    before named on the subject's side ("被一只老狗收留，后来它们一起开了一家面馆": the old dog)."""
    key = c.subject or cast.hero
    for before in reversed(said[:c.index]):
        for k in (before.actor, before.obj, before.subject):
            if k and k != key and k in cast.names and k not in cast.gone \
                    and cast.sides.get(k) != "villain" and cast.sides.get(key) != "villain":
                return k
    return None


_AFFAIRS = {"betray", "dump"}  # a partner's cheating or leaving: the one it is with goes with it


def _with(c: Clause) -> str | None:
    """The pet named after "with" in the clause ("opens a restaurant with her friend", 和好朋友一起); never the
    one a partner cheats or leaves with ("cheats on her with a rich poodle", 跟一只富婆猫跑了): it leaves with them."""
    if _AFFAIRS & set(c.events):
        return None
    for n, part in enumerate(c.parts[1:], 1):
        if part.key and part.key != (c.subject or "") and c.parts[n - 1].text.lower() in {"with", "和", "跟", "与"}:
            return part.key
    return None


def recalls(c: Clause) -> bool:
    """Whether the clause is a memory ("remembers the day he met", "thinks back to", 回忆起, 想起了小时候): its verb
    opens with one of staging.json's ``memory_verbs``, or the clause with a ``memory_leads`` time ("Years ago,",
    小时候); "will remember this day" is the present."""
    data = staging()

    def opens(text: str, words: list[str]) -> bool:
        text = text.lower().lstrip(" ,，")
        return any(re.match(rf"{re.escape(w)}(?![a-z])", text) if w.isascii() else text.startswith(w) for w in words)

    return opens(c.verb, data["memory_verbs"]) or opens(c.text, data["memory_leads"])


def staying_places() -> frozenset[str]:
    """The places a story stays at when its weather turns (staging.json ``indoor_places``): those drawn under
    a roof (the painter's; the storm is on the window) and those whose own weather is drawn (city hall steps)."""
    data = staging()["indoor_places"]
    return frozenset([*data["places"], *data["stays_in_weather"]])


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
    indoors = where is not None and any(str(lex.entry("places", k)["location"]) in staying_places()
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
    """The clause names its own time of day, weather or day of the calendar (雪夜, "in a storm", "at night", "on
    Valentine's day", 情人节那天)."""
    if names_day(c.text):
        return True
    lex = lexicon()
    if HAN.search(c.text):
        words = [w for sec in ("times", "weathers") for e in lex.data[sec].values() for w in e["zh"]]
        return any(w in c.text for w in words)
    return bool(lex.keys(c.text, "times") or lex.keys(c.text, "weathers"))


def _starts_with_name(line: str, cast: Cast) -> bool:
    return any(n and line.startswith(n) for n in cast.names.values())


_SAID_AS_GROUP = "said as a group: "  # a mark in ``introduced``: the group a Chinese 们 word named, and that word


_LITTER = re.compile(r"(?:(?:her|his|their|the|its)\s+)?(?:own\s+)?(?:(?:two|three|four|five|six|seven|eight|nine|ten|"
                     r"several|many|\d+)\s+)?(?:(?:tiny|little|newborn|baby|new)\s+)?(kittens|puppies|pups|babies)",
                     re.I)  # young said as one


def _who(key: str, words: str, cast: Cast, introduced: set[str], zh: bool, given: bool) -> str:
    """A person's name; the first time with the premise's own description beside it."""
    name = _names(key, cast, zh)
    introduced.update(cast.together.get(key, ()))
    litter = None if zh or cast.together.get(key) else _LITTER.fullmatch(words)
    if litter is not None:  # "her kittens, the kittens grow up": a litter, never one pet's name ("raises Luna, her
        if key in introduced:  # kittens"), the name one of them
            return f"the {litter.group(1).lower()}"
        introduced.add(key)
        return f"{words[:1].lower()}{words[1:]}, little {name} and the others,"
    if zh and words.endswith("们"):
        introduced.add(key)
        introduced.update(f"{_SAID_AS_GROUP}{k}={words}" for k in (key, *cast.together.get(key, ())))
        return words  # 同学们: a group has no one pet's name
    if key in introduced or not words:
        return name
    introduced.add(key)
    if key in cast.described:  # the hero re-cast in another style: not the premise's "ginger cat"
        words, given = cast.described[key], False
    if given and name in words:
        if zh:
            return words
        said = re.sub(r"^(A|An|The)\b", lambda m: m.group(1).lower(), words)
        closes = re.search(r",\s+(?:a|an|the|our|my|his|her|their)\s[^,]+$", said)  # "Mr Whiskers, the old cat,"
        return f"{said}," if closes else said
    if zh:
        return f"{words}{name}"
    desc = re.sub(r"^(A|An|The|Her|His|Their)\b", lambda m: m.group(1).lower(), words)
    if desc.split()[-1].lower() in _FROM_WORDS and not _PET_WORD.search(desc) and not set(desc.lower().split()) & {
            "at", "in", "of", "from", "on", "with"}:  # "the rival shop tries to ruin him":
        return f"{name}, from {_with_article(desc)},"  # Rex, from the rival shop, never a shop said to be the pet
    return f"{name}, {_with_article(desc)},"


_PET_WORD = re.compile(r"\b(?:cats?|dogs?|kittens?|kitty|puppy|puppies|pups?|corgis?|poodles?|huskies|husky|shiba|"
                       r"retrievers?|bulldogs?|hamsters?|rabbits?|bunny|foxe?s?)\b", re.IGNORECASE)
_FROM_WORDS = frozenset({"shop", "store", "bakery", "restaurant", "cafe", "café", "diner", "bistro", "stall", "salon",
                         "company", "firm", "hotel", "school", "team", "club", "gang", "factory", "studio", "agency"})


_DETERMINERS = frozenset({"a", "an", "the", "her", "his", "their", "its", "my", "your", "our", "one", "two", "three",
                          "four", "five", "some", "this", "that", "these", "those", "every", "each", "no"})


def _with_article(desc: str) -> str:
    """A description said beside a name with its article ("a cat and dog fall in love": Scout, a dog; never
    "Scout, dog,"); one that has its own determiner, names its owner or is a plural, as it is."""
    first = desc.split()[0].lower() if desc.split() else ""
    last = desc.split()[-1].lower() if desc.split() else ""
    if not first or first in _DETERMINERS or "'" in desc or "’" in desc or (last.endswith("s") and not last.endswith("ss")):
        return desc
    return f"{'an' if first[:1] in 'aeiou' else 'a'} {desc}"


def _names(key: str, cast: Cast, zh: bool) -> str:
    """The name of the pet ``key``; all their names for pets one plural word names ("two kittens": Socks and Maple)."""
    names = [cast.name(k) for k in (key, *cast.together.get(key, ()))]
    if len(names) == 1:
        return names[0]
    return "、".join(names[:-1]) + f"和{names[-1]}" if zh else ", ".join(names[:-1]) + f" and {names[-1]}"


def _partner(c: Clause) -> str | None:
    """Who the clause's subject is with: the pet right after its 和/与/跟/and ("豆豆和小白是好朋友")."""
    parts = c.parts
    if len(parts) >= 2 and parts[0].key is None and parts[0].text in {"和", "与", "跟", "and"} and parts[1].key:
        return parts[1].key
    return None


def _subject(c: Clause, cast: Cast, introduced: set[str], zh: bool, company: str | None) -> str:
    """The clause's subject: both pets when one plural word names them ("two cats cook dinner": Mango and
    Pearl cook dinner), or when it goes on "together" with the one the clause before named with it."""
    key = c.subject or cast.hero
    others = cast.together.get(key) or ((company,) if company else ())
    group = next((m.split("=", 1)[1] for m in introduced if m.startswith(f"{_SAID_AS_GROUP}{key}=")), None)
    if zh and cast.together.get(key) and c.subject_words.endswith("们"):
        group = c.subject_words
    if zh and group is not None and (not c.subject_words or c.subject_words == group):
        introduced.update({key, *others})
        return group  # 被同学们欺负，把午饭都抢走了: still 同学们, never names the premise never gave them
    if not others or others == (key,):
        return _who(key, c.subject_words, cast, introduced, zh, _given(c.subject, cast, c))
    names = [cast.name(k) for k in (key, *others)]
    both = "、".join(names[:-1]) + f"和{names[-1]}" if zh else ", ".join(names[:-1]) + f" and {names[-1]}"
    first = key not in introduced and bool(c.subject_words) and key in cast.together
    introduced.update({key, *others})
    if not first:
        return both
    if zh:
        return f"{c.subject_words}{both}"
    desc = re.sub(r"^(A|An|The|Two|Three)\b", lambda m: m.group(1).lower(), c.subject_words)
    return f"{both}, {desc},"


def _line_en(c: Clause, total: int, cast: Cast, introduced: set[str], rng: random.Random, lead_ok: bool,
             company: str | None = None) -> str:
    leads = spine_data()["leads"]
    lead = leads["en"].get(c.lead, "") or _when_lead(c.lead)
    if not lead and lead_ok and c.index == total - 1 and (total >= 3 or c.index == 0):
        lead = rng.choice(leads["last"]["en"])
    owned = _owned_subject(c)
    intro = ""  # "Rex is an old husky.": said before the lead ("And one day, Rex's car breaks down")
    if owned is not None and not c.outsider and not company:  # "an old dog's last wish is …": the dog's wish
        intro, dot, subject = _owner_said(c, cast, introduced, *owned).rpartition(". ")
        intro = f"{intro}." if dot else ""
    elif (head := _named_inside(c, cast)) is not None:  # "a shivering stray kitten is adopted": the subject said
        # where the premise says it, with the words before it (Pepper, a shivering stray kitten, is adopted; never
        # "Pepper, kitten, shivering stray Pepper is adopted")
        said = " ".join(p.text for p in c.parts[:head + 1])
        subject = _subject(replace(c, subject_words=said), cast, introduced, False, company)
        c = replace(c, parts=c.parts[head + 1:])
    else:
        subject = re.sub(r"^(A|An|The)\b", lambda m: m.group(1).lower(), c.outsider) if c.outsider and not c.passive \
            else _subject(c, cast, introduced, False, company)
    if " and " in subject.split(",")[0] and c.parts and c.parts[0].key is None and c.subject_words \
            and not c.subject_words.rstrip(",").endswith(("s", "men")):  # "the fire department comes": two of them
        c = replace(c, parts=(replace(c.parts[0], text=plural_verb(c.parts[0].text)), *c.parts[1:]))
    if c.parts and c.parts[0].key is None and c.parts[0].text.lower() in {"her", "his", "their"} and len(c.parts) > 2:
        subject = _who_is(subject)  # "a teacher dog named Mango, her students love her": Mango is a teacher dog, and
    turns = _turns_out(c)  # her students love her (never "named Mango her students")
    if turns:  # "turns out he owns the restaurant": it turns out Ziggy owns the restaurant
        subject = f"it {turns} {subject}"
        c = replace(c, parts=c.parts[3:])
    out = [lead, subject] if lead else [subject]
    if _CONTRACTED_IS.match(c.text) and c.parts and c.parts[0].text.lower() not in {"is", "has"}:
        out.append("is")  # "she's a CEO": Pearl is a CEO
    owner_named = False
    before = ""
    for n, part in enumerate(c.parts):
        low = part.text.lower()
        after = c.parts[n + 1].text.lower() if n + 1 < len(c.parts) and c.parts[n + 1].key is None else ""
        if low == "'s" or company and low in _THEY:
            continue  # said with the mention before it; "together they": the two are the subject
        if part.key and after == "'s":  # "her grandson's school": her grandson Olive's school
            name = possessive(_names(part.key, cast, False))  # "the neighbors' fish": Ziggy and Bolt's
            said = re.sub(r"^(A|An|The|Her|His|Their)\b", lambda m: m.group(1).lower(), part.text)
            out.append(name if part.key in introduced or cast.name(part.key) in said or said.split()[0] in {"a", "an"}
                       else f"{said} {name}")  # "from a cat's restaurant": Miso's restaurant, never "a cat Miso's"
            introduced.add(part.key)
            owner_named = True
        elif part.key and part.key == (c.subject or cast.hero) and before.split()[-1:] == ["by"]:
            out.append(part.text)  # "is laughed at by the poodles": never by the pet it is done to (no self-naming)
        elif part.key:
            if n == 0 and c.said_subject and len(c.parts) > 1 and c.parts[1].text.lower() == "and":
                out[-1] = f"{out[-1].rstrip(',')},"  # "Mango, Pearl and Tofu bake…": a list of names
            given = _given(part.key, cast, c)
            fresh = part.key not in introduced and part.key not in cast.described and not (
                given and cast.name(part.key) in part.text)
            said_before = _described_before(out) if fresh and not part.text.lower().startswith(_OWN_WORDS) else 0
            # "finds her birth mother": her own words, never "a kitten finds" before them
            words = " ".join([*out[len(out) - said_before:], part.text]) if said_before else part.text
            del out[len(out) - said_before:]  # "takes in a shivering stray kitten": Pepper, a shivering stray
            out.append(_who(part.key, words, cast, introduced, False, given))  # kitten, never "stray Pepper, kitten"
            owner_named = True
        elif low == "her" and before in _ON and after in _BODY:
            out.append(part.text)  # "carries her mother home on her back": the carrier's own back
        elif low in {"him", "her"} and c.obj and (low == "him" or before in _GIVING or after in _NO_NOUN) and not (
                low == "her" and n + 1 < len(c.parts) and c.parts[n + 1].key == c.obj) and not (
                before in _CALLING and n + 1 < len(c.parts) and c.parts[n + 1].key):  # "raises her five kittens"
            out.append(cast.name(c.obj))  # "bakes him a cake", "brings her flowers", "buys flowers from her"
        elif low in {"his", "her", "their"} and not owner_named and c.actor != cast.hero and not (
                before in _CALLING and n + 1 < len(c.parts) and c.parts[n + 1].key):  # "call her Bean": her name
            out.append(possessive(cast.name(cast.hero)))
        else:
            out.append(part.text)
        before = low
    text = " ".join(out)
    for aside in re.findall(r",\s+(who [^,]+),", c.text):  # "carries his grandma, who cannot walk, on his back"
        if f"{aside}," not in text:
            text = text.replace(f"{aside} ", f"{aside}, ", 1)
    text = re.sub(r"\s+([,.!?])", r"\1", text)
    text = places_capitalised(text)  # "explores mars": explores Mars
    for name in cast.names.values():  # "to send Pearl, her kitten to school": who she is, closed before where to
        text = re.sub(rf"\b({re.escape(name)}, (?:her|his|their) [a-z]+) (?=(?:to|at|into|from|for) )", r"\1, ", text)
        text = re.sub(rf"\b{re.escape(name)}, (the|a) ([a-z]+), ({'|'.join(_FROM_WORDS)})\b",  # "the rival store copies"
                      rf"{name}, from \1 \2 \3,", text)  # Sunny, from the rival store, never "the rival, store"
    text = re.sub(r",\s*,", ",", text).strip().rstrip(",")
    text = text[:1].upper() + text[1:]
    text = f"{intro} {text}" if intro else text
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _who_is(subject: str) -> str:
    """A subject said with who it is ("a kind teacher dog named Mango", "Mango, a kind teacher dog,"), said as what
    it is before a clause of its own that follows ("Mango is a kind teacher dog, and"); any other as it is."""
    named = re.fullmatch(r"(an?|the) (.+?) named (\S+)", subject, re.IGNORECASE)
    if named is not None:
        return f"{named.group(3)} is {named.group(1).lower()} {named.group(2)}, and"
    said = re.fullmatch(r"(\S+), ((?:an?|the) [^,]+),", subject)
    return f"{said.group(1)} is {said.group(2)}, and" if said is not None else subject


def _named_inside(c: Clause, cast: Cast) -> int | None:
    """Where an English clause whose subject it does not say first names it after only words that describe it
    ("shivering | stray | kitten | is adopted"): that part's index; None when it says it first or not so."""
    key = c.subject or cast.hero
    if c.said_subject or c.outsider or _company_word(c):
        return None
    head = next((n for n, p in enumerate(c.parts) if p.key), None)
    if head is None or head == 0 or head > 3 or c.parts[head].key != key:
        return None
    before = [p.text.lower() for p in c.parts[:head]]
    if any(not w.isalpha() or w in _NOT_DESCRIBING or w in _ARTICLE_WORDS or _verb_like(w) for w in before):
        return None
    after = c.parts[head + 1].text.lower() if head + 1 < len(c.parts) else ""
    return head if after in _SUBJECT_VERBS or after.endswith("s") and not after.endswith("ss") else None


_ARTICLE_WORDS = frozenset({"a", "an", "the", "her", "his", "their", "its"})
_SUBJECT_VERBS = frozenset({"is", "are", "was", "were", "gets", "has", "had", "finally", "always", "never", "then"})


def _company_word(c: Clause) -> bool:
    """The clause opens with a joining word ("and", "with"): its first part is no description."""
    return bool(c.parts) and c.parts[0].text.lower() in {"and", "with", "or", "but", "then"}


def _verb_like(word: str) -> bool:
    """An English word that reads as a verb form ("cooks", "adopted", "running"), not a describing word; a few
    describing words that end so are known ("shivering", "abandoned", "stray")."""
    if word in _DESCRIBING_FORMS:
        return False
    return word.endswith(("ed", "ing")) or (word.endswith("s") and not word.endswith(("ss", "us", "ous")))


_DESCRIBING_FORMS = frozenset({"shivering", "abandoned", "starving", "limping", "injured", "wounded", "freezing",
                               "talented", "beloved", "retired", "spoiled", "spoilt", "frightened", "scared", "tired",
                               "loving", "caring", "struggling", "aging", "ageing", "homeless", "nameless", "lonely"})


_ARTICLES = ("a ", "an ", "the ")
_OWN_WORDS = (*_ARTICLES, "her ", "his ", "their ", "its ", "my ", "your ", "our ")
_NOT_DESCRIBING = frozenset({"in", "on", "at", "to", "of", "with", "for", "from", "by", "and", "or", "but", "into",
                             "out", "up", "down", "off", "back", "home", "away", "over", "is", "are", "was", "were"})


def _described_before(out: Sequence[str]) -> int:
    """How many words at the end of ``out`` are an article and the words that describe the mention said next
    ("takes in | a shivering stray | kitten"): 0 when no article opens them within four words."""
    for k in range(1, min(5, len(out))):
        word = out[-k].lower()
        if word in {"a", "an"}:
            return k
        if not word.isalpha() or word in _NOT_DESCRIBING:
            return 0
    return 0


_ON = frozenset({"on", "onto", "upon"})
_BODY = frozenset({"back", "backs", "shoulder", "shoulders", "head", "lap"})  # "on her back": hers, no one else's
_CONTRACTED_IS = re.compile(r"(?i)(?:he|she|it)['’]s (?!been|got|gotten)")  # "she's a CEO", never "she's got"


def _turns_out(c: Clause) -> str:
    """"turns out" when the clause says its subject's pronoun after it ("turns out he owns the whole restaurant"):
    said before the pet, which stands where its pronoun stood; "" otherwise."""
    texts = [p.text.lower() for p in c.parts[:3]]
    ok = len(c.parts) > 3 and texts[:2] in (["turns", "out"], ["turned", "out"]) and texts[2] in {"he", "she", "it"}
    return " ".join(texts[:2]) if ok and not c.parts[2].key else ""


def _when_lead(lead: str) -> str:
    """A span of time before "later" said as the clause's when ("5 years later" → "5 years later,")."""
    until = lead.startswith("until ")  # "until one winter": "Until one winter,"
    when = re.sub(r"^(?:and|but|then|and then|until)\s+", "", lead)
    said = (when.endswith("later") and " " in when) or bool(WHEN_EN.fullmatch(when)) or when.lower() in NOW_LEADS
    when = holiday_cased(when)  # "On New Year's Eve," as the day is named
    when = f"until {when}" if until else when
    return f"{when[:1].upper()}{when[1:]}," if said else ""


def _owned_subject(c: Clause) -> tuple[str, str] | None:
    """The pet and the words after its "'s" when the clause's subject is a thing of the pet's ("an old dying dog's
    last wish is to see the sea": the dog, and no more words; "the elderly cat's final wish": the cat, "final")."""
    texts = [p.text.lower() for p in c.parts]
    words = c.subject_words
    be = next((i for i, t in enumerate(texts) if t in {"is", "was"}), None)
    if be is None and words and c.parts and c.parts[0].key is None and texts[0].isalpha() \
            and re.search(re.escape(words) + r"['’]s\b", c.text):
        return words, ""  # "the delivery dog's car breaks down": the dog's car, its own words after it
    owned = re.match(r"^(.+?)['’]s\s+(\w+)$", words) if be is None else None
    if owned and not any(lexicon().keys(owned.group(2), k) for k in ("relations", "species", "breeds", "jobs")):
        return owned.group(1), owned.group(2)  # "the old farmer dog's tractor gets stuck": the dog's tractor
    if be is None or not 0 < be <= 3 or any(p.key for p in c.parts[:be]):
        return None  # "a rich cat's daughter falls in love": the daughter's own deed
    m = re.match(r"^(.+?)'s\b\s*(.*)$", words)
    if m:
        return m.group(1), m.group(2)
    return (words, "") if words and re.search(re.escape(words) + r"'s\b", c.text) else None


def _owner_said(c: Clause, cast: Cast, introduced: set[str], words: str, rest: str) -> str:
    """The owner of the clause's subject said first: "Sunny is an old dying dog. Sunny's last wish is …"."""
    key = c.subject or cast.hero
    name = cast.name(key)
    who = _who(key, words, cast, introduced, False, _given(c.subject, cast, c))
    intro = re.match(rf"^{re.escape(name)}, (.+?),?$", who)
    desc = re.sub(r"^the (?=[aeiou])", "an ", re.sub(r"^the (?![aeiou])", "a ", intro.group(1))) if intro else ""
    plain = re.fullmatch(r"an? (?:cat|dog|kitten|puppy|pup|kitty)", desc)  # "Pepper is a cat.": nothing said
    said = f"{name} is {desc}. " if intro and not plain else ""  # "Rex is an old husky."
    return f"{said}{possessive(name)}{' ' + rest if rest else ''}"


_CALLING = {"call", "calls", "called", "name", "names", "named", "nickname", "nicknames", "nicknamed"}
_NO_NOUN = {"", "to", "from", "with", "for", "and", "at", "in", "on", "again", "back", "away", "out", "up", "down",
            "off", "into", "too", "once", "every", "because", "before", "after", "as", "so", "but", "or", "then",
            "until", "while", "when", "by", "about", "over", "instead", "anymore", "forever", "now", "today"}
_GIVING = {"brings", "gives", "buys", "bakes", "sends", "hands", "offers", "shows", "makes", "cooks", "tells",
           "teaches", "brought", "gave", "bought", "baked", "sent", "made", "cooked", "told", "taught",
           "bring", "give", "buy", "bake", "send", "hand", "offer", "show", "make", "cook", "tell", "teach"}
#           the plural's too ("her kittens buy her a big house": buy her, never "buy Pumpkin's a big house")


def _line_zh(c: Clause, total: int, cast: Cast, introduced: set[str], rng: random.Random, lead_ok: bool,
             company: str | None = None) -> str:
    lead = f"{c.lead}，" if c.lead else ""
    if not lead and lead_ok and c.index == total - 1 and (total >= 3 or c.index == 0):
        lead = rng.choice(spine_data()["leads"]["last"]["zh"])
    after_subject = c.lead if c.lead in _AFTER_SUBJECT_ZH else ""  # 土豆却被…, never 却，土豆…
    if after_subject:
        lead = ""
    key = c.subject or cast.hero
    inside = not c.said_subject and not c.outsider and any(p.key == key for p in c.parts)
    # "分别多年的两只猫终于重逢了": the subject is named inside, after what describes it; said there, not before
    subject = "" if inside else (c.outsider if not c.passive else "") or _subject(c, cast, introduced, True, company)
    own = _own_pronoun_zh(c) if subject and not c.outsider else None
    if own is not None:  # 其实他是隐藏的首富: the pet said where its pronoun stands (其实女婿是…), once
        c = replace(c, parts=(*c.parts[:own], replace(c.parts[own], text=f"{subject}{after_subject}"),
                              *c.parts[own + 1:]))
        subject = after_subject = ""
    obj_at = next((i for i, p in enumerate(c.parts) if p.key and p.key == c.obj), -1)
    body = "".join(_subject(replace(c, subject_words=p.text), cast, introduced, True, None) if inside and p.key == key
                   else _who(p.key, p.text, cast, introduced, True, _given(p.key, cast, c)) if p.key
                   else cast.name(key) if _taken_from_subject(c, n)
                   # 给救过它的老奶奶送鱼: a pronoun before the one it is done to is the subject's, said as is
                   else cast.name(c.obj) if p.text in {"它", "他", "她"} and c.obj and n > obj_at
                   else p.text for n, p in enumerate(c.parts)
                   if not (company and n == 0 and p.text in _THEY))  # 可乐和大壮一起…, never 可乐和大壮它们
    text = f"{lead}{subject}{after_subject}{body}".strip("，")
    return text if text.endswith(("。", "！", "？")) else f"{text}。"


_AFTER_SUBJECT_ZH = {"却"}  # a joining word said after the subject, never before a comma
# what may come before a clause's own subject pronoun: when it is, or how it turns out (其实, 原来, 五年后, 第二天)
_WHEN_ZH = re.compile(r"(?:其实|原来|竟然|居然|后来|结果|没想到|谁知道?|突然|终于|如今|现在|第二天|多年|几年|多年以?后|"
                      r"[一二三四五六七八九十两几\d]+(?:年|个月|天|周|个星期)|以后|之后|后)+")


def _own_pronoun_zh(c: Clause) -> int | None:
    """The part holding the clause's own subject pronoun (他, 她, 它) when only when-words come before it
    (其实他是…, 五年后她成了…): where the subject is said instead; None otherwise (给它买了鱼, 她的项链)."""
    at = next((n for n, p in enumerate(c.parts[:4]) if p.text in {"他", "她", "它"}), None)
    if at is None or any(p.key for p in c.parts[:at]) or (at + 1 < len(c.parts) and c.parts[at + 1].text == "的"):
        return None
    before = "".join(p.text for p in c.parts[:at])
    return at if not before or _WHEN_ZH.fullmatch(before) else None


_TAKING_ZH = ("偷", "抢", "拿走", "弄坏", "撕", "吃了")


def _taken_from_subject(c: Clause, n: int) -> bool:
    """Part ``n`` is a pronoun owner (她的, 它的) after the clause's object takes something: 白猫误会黑猫偷了她的项链,
    小狗怀疑邻居猫偷了它的骨头: the one taken from is the subject, never the taker itself."""
    parts = c.parts
    if parts[n].text not in {"它", "他", "她"} or n + 1 >= len(parts) or parts[n + 1].text != "的" or not c.obj:
        return False
    named = next((k for k, p in enumerate(parts[:n]) if p.key == c.obj), None)
    between = "".join(p.text for p in parts[named + 1:n]) if named is not None else ""
    return any(w in between for w in _TAKING_ZH)


def _given(key: str | None, cast: Cast, c: Clause) -> bool:
    return bool(key) and cast.names.get(key or "", "") != "" and any(
        cast.names[key or ""] in t for t in (c.subject_words, *(p.text for p in c.parts if p.key == key)))
