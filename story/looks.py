"""How each member of a story's cast looks (pure): its breed's, its colour's, a relative's, else a catalogue style
of its species the seed picks (``base_look``), a villain, a person a pet plays, a partner who leaves and its new
love told apart from the hero's fur as drawn and from each other (``CONTRAST``); the premise's traits, a person's
own marks (dark glasses and a cane, grey whiskers) and a young pet's or a litter's size words (``full_look``); the
hero's look its kin share and its fur as drawn (``hero_base_look``, ``drawn_fur``, ``style_fur``); a name that names
a colour or breed only for a pet that looks it (``known_look``, ``name_fits``). ``story/arcs.py`` casts with it;
``story/expand.py`` draws the hero in the premise's colour or as the young one it names (``colour_look``,
``young_look``)."""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence
from typing import Any

from story.analysis import breed_look
from story.arcdata import common
from story.lexicon import lexicon
from story.premise import Analysis, Person, hero_style
from story.styles import CHARACTER_STYLES

# the least RGB distance between the hero's fur and a villain's chosen one: of its own species (a grey tabby
# beside a ginger one: 113), of the other (a golden retriever beside a ginger cat: 54; a corgi: 23)
CONTRAST = {True: 100.0, False: 50.0}


def base_look(person: Person, species: str, rng: random.Random, hero_style: str | None = None,
              kin_look: str | None = None, hero_fur: tuple[int, int, int] | None = None,
              pair: Sequence[tuple[tuple[int, int, int], str]] = ()) -> str:
    """The pet's look before its traits: its breed's, its colour's, its relative's (``kin_look``: it looks
    related), else a catalogue style of its species chosen by the seed; a villain's, or a person's a pet plays
    (the little girl who adopts the kitten), told apart from the hero's fur as drawn (``hero_fur``, else its
    style's); a partner who leaves and the one it leaves with told apart from each other and from the hero
    (``pair``: the other one's fur and species, where known)."""
    lex = lexicon()
    if person.breed:
        return breed_look(person.breed, person.colour)
    if person.colour:
        return f"a {lex.entry('colours', person.colour)['en'][0]} {species}"
    options = [s for s in CHARACTER_STYLES.values() if s.species == species]
    chosen = rng.choice(options)  # drawn even for kin, so every other choice stays as it was
    if hero_style is not None and (person.side == "villain" or person.human or pair) and kin_look is None:
        # a villain, or a person a pet plays (a little girl), told apart from the hero; a partner who leaves
        # and its new love, from each other too (never the same white Persian twice)
        hero = CHARACTER_STYLES[hero_style]
        avoid = [(hero_fur or hero.fur, CONTRAST[hero.species == species])]
        avoid += [(fur, CONTRAST[kind == species]) for fur, kind in pair]
        apart = [s for s in options if all(math.dist(s.fur, fur) >= least for fur, least in avoid)] or [
            max(options, key=lambda s: min(math.dist(s.fur, fur) for fur, _ in avoid))]
        if chosen not in apart:  # the same draw, so every other choice stays as it was
            chosen = apart[options.index(chosen) % len(apart)]
    return kin_look or chosen.look


def full_look(person: Person, species: str, look: str, hero_alike: bool = False) -> str:
    """``look`` with the premise's traits and a young pet's size words."""
    lex = lexicon()
    if person.traits:  # the premise's own words first: "a rich white cat …"
        words = " ".join(str(lex.entry("traits", t)["en"][0]) for t in person.traits)
        if any(lex.entry("traits", t).get("side") == "bad" for t in person.traits):
            look = look.replace("a friendly ", "a ").replace(" and a gentle smile", "")  # "a mean golden retriever"
        look = re.sub(r"^(an?) ", lambda m: f"a {words} ", look) if re.match(r"^an? ", look) else f"{words} {look}"
        look = re.sub(r"\ba ([aeiou])", r"an \1", look)
    extras = [str(lex.entry("traits", t)["look"]) for t in person.traits if lex.entry("traits", t).get("look")]
    if person.relation == "bodyguard":
        extras.append("in a black suit and earpiece")
    if person.human:  # a person a pet plays, as the premise describes them: 盲人 (盲人奶奶) in dark glasses with a
        blind = person.relation == "blind" or bool(_BLIND.search(person.words[0]))  # cane, 老奶奶 grey-whiskered
        extras = [*(_PERSON_LOOKS["blind"] if blind else ()), *extras]
        old = str(lex.entry("traits", "old")["look"])
        if old not in extras and (person.relation in {"grandma", "grandpa"} or _OLD_PERSON.search(person.words[0])):
            extras.append(old)
    extras = list(dict.fromkeys(extras))  # "a blind old man": his dark glasses and cane said once
    if extras and person.human and len(f"{look}, {', '.join(extras)}") > 120:
        look = look.split(",")[0]  # a person's description kept whole: the coat said shorter
    if extras:
        look = f"{look}, {', '.join(extras)}"
    return (look if hero_alike else _young(person, species, look))[:120]


_OLD_PERSON = re.compile(r"\b(?:old|elderly|grandma|grandpa)\b|老|奶奶|爷爷|外婆|外公")
_BLIND = re.compile(r"\bblind\b|盲|失明|瞎")
_PERSON_LOOKS = {"blind": ("in dark glasses, with a cane",)}  # what a person's words say to the eye
_YOUNG_WORDS = re.compile(r"\b(kittens?|pupp(?:y|ies)|pups?|cubs?|bab(?:y|ies))\b|猫崽|小奶猫|幼崽|宝宝|孩子")
_ONE_WORDS = re.compile(r"\b(kitten|puppy|pup|cub|baby)\b")  # "his puppy": one, not a litter
_PLURAL_WORDS = re.compile(r"\b(kittens|puppies|pups|cubs|babies)\b|们|一窝")


def _young(person: Person, species: str, look: str) -> str:
    """A kitten, a puppy or a litter says so in its look ("three tiny black kittens"): the painter and the
    image prompt draw it small, and several of them where the premise has several."""
    words = " ".join(person.words).lower()
    if person.stand_in is not None:  # "a baby bird": a bird, never a kitten for the cat that stands in for it
        return look
    plural = person.alike == 1 and (bool(_PLURAL_WORDS.search(words))
                                    or (person.relation == "kittens" and not _ONE_WORDS.search(words)))
    if not plural and not _YOUNG_WORDS.search(words):
        return look
    noun = {"cat": "kitten", "dog": "puppy"}.get(species, "baby")
    noun = noun if not plural else "puppies" if noun == "puppy" else f"{noun}s"
    grown = re.search(rf"\b{species}\b", look)
    if grown is None or not re.match(r"^an? ", look):
        return f"{'three tiny' if plural else 'a tiny'} {noun}, {look}"
    body = look[:grown.start()] + noun + look[grown.end():]
    return re.sub(r"^an? ", "three tiny " if plural else "a tiny ", body)


def hero_base_look(analysis: Analysis, style: str) -> str:
    """The hero's look its kin share: its style's, or its breed's where the catalogue has no style for it."""
    hero = analysis.hero
    if hero.breed and lexicon().entry("breeds", hero.breed)["style"] is None \
            and lexicon().entry("breeds", hero.breed)["species"] == CHARACTER_STYLES[style].species:
        return str(lexicon().entry("breeds", hero.breed)["look"])  # a chihuahua's mother is a chihuahua
    return CHARACTER_STYLES[style].look


def style_fur(person: Person) -> tuple[int, int, int] | None:
    """The fur the catalogue style of the pet's breed or colour draws it in, else the style of the first colour
    its breed's look says (a curly white poodle: the white Persian's), if any."""
    if person.style:
        return CHARACTER_STYLES[person.style].fur
    if not person.breed:
        return None
    lex = lexicon()
    look = str(lex.entry("breeds", person.breed)["look"]).lower()
    said = [(m.start(), str(entry["style"])) for entry in lex.data["colours"].values() if entry["style"]
            for w in entry["en"] if (m := re.search(rf"\b{re.escape(w)}\b", look))]
    return CHARACTER_STYLES[min(said)[1]].fur if said else None


def drawn_fur(analysis: Analysis, style: str) -> tuple[int, int, int]:
    """The hero's fur as the painter draws it: the premise's colour where the hero is drawn in it and the
    catalogue has that colour on some species (小黑狗, "a black dog": the black cat's fur; see
    ``colour_look``), else its style's (a golden retriever's for a dog with no colour said)."""
    colour = analysis.hero.colour
    own = lexicon().entry("colours", colour)["style"] if colour and not analysis.hero.breed \
        and style == hero_style(analysis) else None
    return CHARACTER_STYLES[str(own) if own is not None else style].fur


def known_look(person: Person, style: str | None) -> str:
    """What the pet is known to look like before it is cast: its style, breed or colour ("" unknown)."""
    lex = lexicon()
    if style:
        return CHARACTER_STYLES[style].look.lower()
    if person.breed:
        return str(lex.entry("breeds", person.breed)["look"]).lower()
    if person.colour:
        return " ".join(lex.entry("colours", person.colour)["en"])
    return ""


def name_fits(name: str, look: str) -> bool:
    """A name that names a colour or breed (小橘, 煤球, 二哈, Mango) goes only to a pet that looks it."""
    hints = common().get("name_looks", {}).get(name)
    return not hints or any(h in look for h in hints)


def colour_look(hero: dict[str, Any], colour: str) -> None:
    """The hero drawn in the premise's colour where no catalogue style of its species has it (小黑狗, "a spotted
    dog", 花猫): that colour's words as its breed and look, for the painter, in place of its species' default."""
    entry = lexicon().entry("colours", colour)
    own = entry["style"]
    if own is not None and CHARACTER_STYLES[str(own)].species == hero["species"]:
        return
    said = f"{entry['en'][0]} {hero['species']}"
    hero.update(breed=said, look=f"a {said}", style=None)


def young_look(look: str, young: str) -> str:
    """``look`` naming the pet as a ``young`` one: "a grey tabby cat …" → "a grey tabby kitten …"."""
    species = r"\bcat\b" if young == "kitten" else r"\bdog\b"
    if re.search(rf"\b{young}\b", look):
        return look
    if re.search(species, look):
        return re.sub(species, young, look, count=1)
    return f"{look}, still a {young}"
