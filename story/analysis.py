"""What a premise's understanding is made of: ``Person`` (one pet or role the premise mentions),
``Analysis`` (the cast, the hero's job and dream, wrongs, goals, outcomes, places and props), ``slug``
(a cast member's unique key) and ``BY``, the words before a passive's doer. Pure.

An ``Analysis`` is never changed once ``story.premise.analyse`` returns it (its cache hands the same one to
every caller), so a reading of it (``per_analysis``: its clauses, its kind) is done once per analysis and kept on it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from story.lexicon import lexicon
from story.styles import CHARACTER_STYLES

Side = Literal["hero", "villain", "neutral"]
BY = {"by", "被", "遭"}


@dataclass
class Person:
    """One pet or role the premise mentions."""

    key: str  # unique slug: hero, rival, boyfriend, mother…
    role: str  # hero | rival | partner | friend | family | boss | mentor | other
    side: Side
    pos: int  # character offset of the first mention
    species: str | None = None
    breed: str | None = None  # lexicon breeds key
    colour: str | None = None
    traits: tuple[str, ...] = ()
    relation: str | None = None  # lexicon relations key
    of: str | None = None  # key of the person the relation belongs to
    name: str | None = None
    words: tuple[str, ...] = ()  # the premise's own words for this person
    after_by: bool = False
    start: int = 0  # token index where the mention starts
    end: int = 0  # token index just after the mention's head
    job: str | None = None  # lexicon jobs key of the role attached to this pet (its own, or the nearest)
    job_words: str = ""  # that role in the premise's words ("nurse", "magician", "mail carrier")
    does_wrong: bool = False  # a wrong (mocks, fires, steals…) follows the mention, or it does the passive's wrong
    own_wrong: bool = False  # that wrong is its own misdeed (cheats, copies, 偷吃): it may still be the hero
    victim: str | None = None  # key of the pet its wrong or harm is done to, in that clause (or that pet's thing)
    kind_to: str | None = None  # key of the pet it does a kindness or love to ("comforts her", "falls in love with")
    kind_by: str | None = None  # after "by", a kindness or a catch ("adopted by", "caught by"): its role
    lover_of: str | None = None  # key of the partner who leaves its own for this pet ("cheats on her with the poodle")
    gone: bool = False  # dead or never coming back (story.life): remembered, never on screen in the present
    alike: int = 1  # how many pets its words count ("two puppies", 三只小猫): each of them cast, one pet each
    again: tuple[tuple[int, int], ...] = ()  # token spans where it is told of again ("… but the partner runs off")

    @property
    def human(self) -> bool:
        """A person, named by a word no pet is called by (a little girl, an old man, a lady, 小女孩, 老爷爷: its
        relation's ``human`` words in the lexicon) and by no pet word: in a pet drama a pet plays it, never
        the hero while a pet of the premise can be, nor drawn in its pet's look."""
        if self.species or self.breed or self.of is not None or not self.relation or not self.words:
            return False
        said = self.words[0].lower()
        if self.relation in {"daughter", "son"} and self.job_words and said.startswith(self.job_words.lower()) \
                and said != self.job_words.lower():  # "a farmer's daughter", "the baker's son": a person's child
            return True
        if self.relation == "owner" and self.job_words and said.endswith(self.job_words.lower()):
            return True  # "an old farmer's dog": the farmer who owns it, a person (story.others)
        return any(said.endswith(w) for w in lexicon().entry("relations", self.relation).get("human", ()))

    @property
    def stand_in(self) -> str | None:
        """The catalogue style drawing this pet in place of an animal the painter has no drawing of (a
        parrot drawn as a ginger cat: ``stand_in`` in its breed's entry), else None."""
        if self.breed and lexicon().entry("breeds", self.breed).get("stand_in"):
            return self.style
        return None

    @property
    def style(self) -> str | None:
        """The catalogue style that draws this pet (breed first, then colour), if any."""
        lex = lexicon()
        if self.breed:
            st = lex.entry("breeds", self.breed)["style"]
            if st:
                return str(st)
        if self.colour:
            st = lex.entry("colours", self.colour)["style"]
            if st and (self.species is None or CHARACTER_STYLES[st].species == self.species):
                return str(st)
        return None


def breed_colour(breed: str) -> str | None:
    """The colour a breed's own name says (a "white cat" is white, a golden retriever golden), else None."""
    lex = lexicon()
    name = lex.entry("breeds", breed)["en"][0]
    return next((c for c, entry in lex.data["colours"].items() if any(w in name for w in entry["en"])), None)


_COAT_WORDS = ("ginger", "orange", "white", "snowy", "black", "grey", "gray", "silver", "golden", "gold", "blond",
               "blonde", "brown", "chocolate", "tan", "cream")


def breed_look(breed: str, colour: str | None) -> str:
    """The breed's look, in the coat colour the premise says when that is not the breed's own ("a poodle, all
    black": "a curly black poodle with a pompom tail, black all over"); the breed's name is kept whole (a black
    golden retriever is still a golden retriever)."""
    lex = lexicon()
    look = str(lex.entry("breeds", breed)["look"])
    if colour is None or colour == breed_colour(breed) or colour == "spotted":
        return look
    word = str(lex.entry("colours", colour)["en"][0])
    names = sorted({n for e in lex.data["breeds"].values() for n in e["en"] if n in look.lower()}, key=len, reverse=True)
    kept: list[str] = []

    def keep(m: re.Match[str]) -> str:  # the breed's own name is no coat: "golden retriever" stays
        kept.append(m.group(0))
        return f"\0{len(kept) - 1}\0"
    if names:
        look = re.sub("|".join(re.escape(n) for n in names), keep, look, flags=re.IGNORECASE)
    coat = "(?:" + "|".join(_COAT_WORDS) + ")"
    if any(re.search(rf"(?<!and )\b{w}\b(?! and)", look) for w in lex.entry("colours", colour)["en"]):
        return re.sub(r"\0(\d+)\0", lambda m: kept[int(m.group(1))], look)  # "a white poodle": as the breed is drawn
    look = re.sub(rf"\b{coat}(?: and {coat})?\b", word, look)
    look = re.sub(r"\0(\d+)\0", lambda m: kept[int(m.group(1))], look)
    return f"{look}, {word} all over"


@dataclass
class Analysis:
    premise: str
    language: str  # the premise's own language: en | zh
    cast: list[Person]  # the hero first, then in order of mention
    job: str | None = None  # the hero's job or situation (lexicon jobs key)
    dream: str | None = None  # the job the hero wants to reach (pop star, mayor…)
    places: list[str] = field(default_factory=list)  # lexicon places keys
    props: list[str] = field(default_factory=list)  # lexicon props keys
    wrongs: list[str] = field(default_factory=list)  # events of kind wrong
    goals: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    wrongdoer: str | None = None  # key of who does the wrong
    lost_thing: str | None = None  # what the hero loses or has stolen (a place/job/prop word)
    surfaces: dict[str, str] = field(default_factory=dict)  # "jobs:window_cleaner" -> "window cleaner"
    job_near: bool = False  # the hero's role is not in the vocabulary: ``job`` is the nearest drawable one
    read: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)  # ``per_analysis``

    @property
    def hero(self) -> Person:
        return self.cast[0]

    def person(self, key: str) -> Person | None:
        return next((p for p in self.cast if p.key == key), None)

    def by_role(self, role: str) -> list[Person]:
        return [p for p in self.cast if p.role == role]


R = TypeVar("R")


def per_analysis(read: Callable[[Analysis], R]) -> Callable[[Analysis], R]:
    """``read`` done once per ``Analysis`` (its result kept on it, ``Analysis.read``; a copy made with
    ``dataclasses.replace`` reads afresh); a list comes back as a fresh copy each time, for the caller to change."""
    name = f"{read.__module__}.{read.__qualname__}"

    @functools.wraps(read)
    def once(analysis: Analysis) -> R:
        if name not in analysis.read:
            analysis.read[name] = read(analysis)
        kept: R = analysis.read[name]
        return list(kept) if isinstance(kept, list) else kept  # type: ignore[return-value]

    return once


def slug(word: str, taken: set[str]) -> str:
    """A key for a cast member from ``word``, not yet in ``taken`` (and added to it)."""
    base = re.sub(r"[^a-z0-9_]+", "_", word.lower()).strip("_") or "pet"
    if not base[0].isalpha():
        base = f"pet_{base}"
    key, n = base[:20], 2
    while key in taken:
        key = f"{base[:18]}_{n}"
        n += 1
    taken.add(key)
    return key
