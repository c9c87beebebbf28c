"""What a premise's understanding is made of: ``Person`` (one pet or role the premise mentions),
``Analysis`` (the cast, the hero's job and dream, wrongs, goals, outcomes, places and props), ``slug``
(a cast member's unique key) and ``BY``, the words before a passive's doer. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

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
    gone: bool = False  # dead or never coming back (story.life): remembered, never on screen in the present
    alike: int = 1  # how many pets its words count ("two puppies", 三只小猫): each of them cast, one pet each
    again: tuple[tuple[int, int], ...] = ()  # token spans where it is told of again ("… but the partner runs off")

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

    @property
    def hero(self) -> Person:
        return self.cast[0]

    def person(self, key: str) -> Person | None:
        return next((p for p in self.cast if p.key == key), None)

    def by_role(self, role: str) -> list[Person]:
        return [p for p in self.cast if p.role == role]


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
