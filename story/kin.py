"""Who is whose kin in a cast: a family member is of its relative's species and looks related. Pure.

A relative the premise names with a pet ("her mother", "his little brother", 小柴犬和妈妈) is of that
pet's species, whoever the hero is ("a jealous cat breaks her sister's trophy and blames the dog": the
sister is a cat); one the premise gives no look of its own (no breed, no colour) is drawn in its
relative's breed ("a shiba puppy … her mother": a Shiba Inu mother). The young of one counted group
("three kittens", 三只小狗) are brothers and sisters: the others look like the first ("two rival dogs" need
not be kin).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from story.analysis import Person

# the young of a litter ("three kittens", 两只小狗) are brothers and sisters; "two rival dogs" need not be kin
_YOUNG = re.compile(r"\b(?:kittens?|pupp(?:y|ies)|pups?|cubs?)\b|小猫|小狗|小奶猫|奶狗|猫崽|狗崽|幼崽")
# relations that are a pet's own family (an owner is a person of the pet's species, not its kin by look)
KIN = frozenset({"mother", "father", "son", "daughter", "sister", "brother", "grandma", "grandpa", "kittens", "family",
                 "cousin"})
# one household of the hero's species but no kin by look: in-laws (婆婆 and the 儿媳猫), the fake heiress raised
# in the true one's place
HOUSEHOLD = frozenset({"mother_in_law", "daughter_in_law", "son_in_law", "fake_heiress", "in_laws"})
# a pet's partner is of its kind unless the premise says otherwise ("the tabby's wife", 狸花猫的老婆: a cat)
PARTNERS = frozenset({"boyfriend", "girlfriend", "husband", "wife"})


def relative(person: Person, cast: Sequence[Person]) -> Person | None:
    """The pet ``person`` is kin of: the one its family relation belongs to (the hero when the premise
    says no one: 小柴犬和妈妈), or the first of the counted group it is one of; None when it is no kin."""
    if person.alike > 1 and _YOUNG.search(" ".join(person.words)):
        first = next((p for p in cast if (p.start, p.words, p.alike) == (person.start, person.words, person.alike)),
                     None)
        if first is not None and first is not person:
            return first
    if person.relation not in KIN or person.role == "hero" or person.human:
        return None  # a little girl, an old man: a person a pet plays, in a look of its own
    owner = next((p for p in cast if p.key == person.of), None) if person.of else None
    if owner is None or owner is person:
        owner = next((p for p in cast if p.role == "hero"), None)
    return owner if owner is not person else None


def mate_of(person: Person, cast: Sequence[Person]) -> Person | None:
    """The pet whose partner ``person`` is (the hero when the premise says no one: "her husband runs off"), of
    whose kind it is cast when the premise gives it no species; None when it is no partner, or the hero."""
    if person.relation not in PARTNERS or person.role == "hero" or person.human:
        return None
    owner = next((p for p in cast if p.key == person.of), None) if person.of else None
    owner = owner or next((p for p in cast if p.role == "hero"), None)
    return owner if owner is not person else None


def kin_species(person: Person, cast: Sequence[Person], species: dict[str, str]) -> str | None:
    """The species a family member with none of its own is cast as: its relative's (``species``: the
    species already cast, by key); None when it is no kin or its relative is not cast yet."""
    rel = relative(person, cast)
    return species.get(rel.key) if rel is not None and person.species is None else None


def shares_look(person: Person, kin: Person | None, species: str, kin_species: str | None) -> bool:
    """``person`` is drawn in its relative's look: it has no breed or colour of its own and is of its species."""
    return kin is not None and person.breed is None and person.colour is None and species == kin_species
