"""The concrete things a clause names: props, places and the nouns the vocabulary does not know. Pure."""

from __future__ import annotations

import re

from story.clausewords import STOP, THING_SECTIONS, clause_data, surface, verb_like
from story.holidays import calendar_day
from story.labels import label_word
from story.lexicon import Hit, Tokens
from story.mentions import Mention
from story.quoted import quote_spans


def _of_phrase(words: tuple[str, ...], i: int) -> bool:
    """The word is part of a preposition ending in "of" ("in front of everyone", "on top of", "instead
    of", "because of", "in the middle of") or describes a thing by what it holds ("a truck full of
    watermelons", "a cake made of fish"): it names no thing to draw."""
    if i + 1 >= len(words) or words[i + 1] != "of":
        return False
    if words[i] in {"middle", "centre", "center"} and i > 1 and words[i - 1] == "the" and words[i - 2] == "in":
        return True  # "in the middle of the party"
    return (i > 0 and words[i - 1] in {"in", "on"}) or words[i] in {"instead", "because", "ahead", "regardless",
                                                                    "full", "made", "filled", "loaded", "packed"}


def _names_nothing(words: tuple[str, ...], i: int) -> bool:
    """The word names nothing to draw (``clauses.json``'s ``no_things``: "how to", "together", "his mind", the
    thieves a skill catches, "there", "a pizza place"), is a verb before its object pronoun ("pulls him out", "traps
    them") or after a doer no pet is ("nobody comes", "a bookshop that nobody visits")."""
    data = clause_data()
    return words[i] in data["no_things"]["en"] or words[i] in {"said", "told"} \
        or (i + 1 < len(words) and words[i + 1] in data["objects_en"]) \
        or (i > 0 and words[i - 1] in data["no_things"]["doers_en"]) \
        or _gerund(words, i) or label_word(words[i]) \
        or (i > 0 and words[i - 1] in _VERB_AFTER)  # "call the kitten a nobody": what she is called


# a word right after a modal or a "not" is a verb ("eats all the noodles and cannot pay", "can't afford the rent",
# "scolded for not doing his homework"): a doing, never a thing to draw
_VERB_AFTER = {"cannot", "can't", "cant", "can", "could", "couldn't", "must", "will", "won't", "would", "wouldn't",
               "should", "shouldn't", "might", "not", "never", "don't", "doesn't", "didn't", "dont", "doesnt", "didnt"}


_GERUND_AFTER = {"of", "for", "about", "by", "from", "without", "at"}
_SHORT_GERUNDS = {"doing", "being", "going", "dying", "lying", "tying", "eying"}  # "instead of doing his homework"


def _gerund(words: tuple[str, ...], i: int) -> bool:
    """An -ing word right after "of", "for", "about"… that does something to what follows ("dreams of owning a
    bakery", "laughed at for being lazy"), and "a living" earned: a doing, never a thing to draw."""
    return (i > 0 and words[i - 1] in _GERUND_AFTER and words[i].endswith("ing")
            and (len(words[i]) > 5 or words[i] in _SHORT_GERUNDS)) \
        or (words[i] == "living" and i > 0 and words[i - 1] == "a" and words[i + 1:i + 2] != ("room",))  # "for a living"


def where_from(words: tuple[str, ...], h: Hit) -> bool:
    """A place inside a mention of pets, told as where they are from ("the cats of the office", "ten dogs at
    the fire station"): the clause's place all the same."""
    return h.section == "places" and any(words[k] in {"of", "at", "from"} for k in range(max(0, h.start - 3), h.start))


def clause_things(premise: str, tokens: Tokens, start: int, end: int, hits: list[Hit],
            inside: list[Mention]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(props, places, unknown nouns, every asked thing in the premise's words) after ``start``.

    A prop or place word keeps the unknown describing words just before it ("flying umbrella",
    "fancy restaurant"); a run of unknown words not followed by a known thing is a noun of its own
    ("food truck"). The first word after the subject is the verb, never a thing."""
    words = tokens.words
    people = {i for m in inside for i in range(m.start, m.end)}
    spans = quote_spans(premise)  # 'writes "I love you Max"': words written or said, no thing to draw
    people |= {i for i in range(start, end) if any(a < tokens.offsets[i] < b for a, b in spans)}
    known = {i: h for h in hits for i in range(h.start, h.end)}
    for day in (h for h in hits if h.section == "props" and calendar_day(h.surface)):
        known.update((i, day) for i in range(day.start, day.end))  # 新年夜, "christmas eve": its sign, not only the night
    zh = tokens.chinese
    sep = "" if zh else " "
    props: list[str] = []
    places: list[str] = []
    nouns: list[str] = []
    things: list[str] = []
    run: list[int] = []
    first_word = start
    while first_word < end and (words[first_word] in STOP or first_word in people):
        first_word += 1

    def flush(head: Hit | None) -> None:
        text = sep.join(surface(premise, tokens, k) for k in run)
        if head is not None:
            things.append(f"{text}{sep}{head.surface}".strip() if text else head.surface)
        elif text and not zh:
            nouns.append(text)
            things.append(text)
        run.clear()

    i = start
    while i < end:
        h = known.get(i)
        if i in people:
            run.clear()
            i += 1
            continue
        if h is not None and h.section in THING_SECTIONS and h.start == i:
            (props if h.section == "props" else places).append(h.key)
            flush(h)
            i = h.end
            continue
        w = words[i]
        plain = h is None and w not in STOP and i != first_word and words[i - 1] != "to" and re.fullmatch(r"[a-z][a-z-]*", w) is not None \
            and not _of_phrase(words, i) and not _names_nothing(words, i) \
            and not (words[i + 1:i + 2] == ("up",) and verb_like(w, zh))  # "fed by a chef grows up": a doing
        if plain and len(w) >= 3:
            run.append(i)
        elif h is not None and run:
            run.clear()  # "a faster delivery company": words before a known one describe it
        else:
            flush(None)
        i += 1
    flush(None)
    return tuple(dict.fromkeys(props)), tuple(dict.fromkeys(places)), tuple(dict.fromkeys(nouns)), \
        tuple(dict.fromkeys(things))
