"""How each character is drawn: colours and shapes from the style catalogue, the breed, or a seeded palette."""

from __future__ import annotations

import colorsys
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from render.painter.animals import ANIMALS, animal_of
from render.painter.geometry import RGB
from story.script import Character
from story.styles import CHARACTER_STYLES


@dataclass(frozen=True)
class PetLook:
    """How one character is drawn (resolved once per paint from the style catalogue or the breed)."""

    species: str  # "cat" | "dog"
    fur: RGB
    fur2: RGB
    pattern: str  # plain | tabby | patches | mask | spots
    ears: str  # pointy | floppy | big
    fluffy: bool
    eyes: RGB
    accent: RGB  # clothes colour for suits / dresses / hoodies
    young: bool = False  # a kitten or a puppy: drawn small beside the grown-ups
    count: int = 1  # "her kittens", "three puppies": several young ones drawn together
    old: bool = False  # a grey muzzle, glasses, a cane and a stoop (``persona``, ``ages``)
    cane: bool = False  # a cane of its own (a blind person a pet plays: ``persona``), old or not
    animal: str = ""  # a rabbit, hamster, panda, fox or pig drawn on the rig (``animals.ANIMALS``); "" a cat or dog
    long: bool = False  # a long, low body behind it: a dachshund, a basset hound (``_LONG``)
    thin: bool = False  # skinny (a stray gone hungry, ``_THIN``): a narrow body, its ribs showing
    pregnant: bool = False  # young on the way (``story.drawings.pregnant_until``): a round belly


# (keywords, fur, fur2, pattern, ears-or-None, fluffy); first match wins, checked against breed + look
_BREED_HINTS: list[tuple[tuple[str, ...], RGB, RGB, str, str | None, bool]] = [
    (("dachshund", "sausage dog"), (170, 88, 45), (215, 150, 100), "plain", "floppy", False),
    (("greyhound", "whippet"), (168, 164, 162), (238, 234, 230), "plain", "floppy", False),
    (("schnauzer",), (128, 128, 134), (236, 236, 236), "mask", "floppy", False),
    (("chow",), (208, 118, 58), (238, 172, 112), "plain", "big", True),
    (("maine coon",), (150, 108, 72), (222, 192, 152), "tabby", None, True),
    (("spotted",), (250, 246, 238), (70, 62, 60), "patches", None, False),  # 花猫, "a spotted dog": dark patches
    (("stray cat", "patchy"), (150, 132, 112), (214, 200, 182), "tabby", None, False),
    (("husky", "malamute", "wolf"), (120, 125, 135), (250, 250, 250), "mask", "pointy", False),
    (("shiba", "akita"), (215, 125, 55), (255, 240, 215), "mask", "pointy", False),
    (("corgi",), (230, 150, 70), (255, 248, 235), "patches", "big", False),
    (("golden", "retriever"), (225, 175, 90), (245, 215, 150), "plain", "floppy", True),
    (("dalmatian",), (250, 250, 248), (40, 40, 45), "spots", "floppy", False),
    (("samoyed", "poodle", "bichon", "maltese", "pomeranian"), (250, 248, 244), (238, 230, 225), "plain",
     None, True),
    (("pug", "bulldog", "mastiff"), (222, 192, 145), (70, 58, 58), "mask", "floppy", False),
    (("beagle", "hound"), (190, 120, 60), (255, 250, 240), "patches", "floppy", False),
    (("chihuahua",), (225, 180, 120), (250, 230, 200), "plain", "big", False),
    (("shepherd",), (200, 140, 70), (70, 55, 45), "mask", "pointy", False),
    (("siamese", "himalayan", "birman"), (242, 228, 205), (118, 86, 68), "points", None, False),
    (("calico",), (250, 246, 238), (232, 140, 60), "patches", None, False),
    (("ginger", "orange", "marmalade"), (235, 140, 50), (255, 235, 210), "tabby", None, False),
    (("persian", "ragdoll", "fluffy"), (248, 246, 240), (235, 225, 220), "plain", None, True),
    (("grey dog", "gray dog", "silver dog"), (150, 145, 140), (225, 218, 205), "plain", None, False),  # no stripes
    (("black",), (48, 45, 54), (78, 75, 88), "plain", None, False),
    (("white", "snow"), (248, 246, 240), (235, 225, 220), "plain", None, False),
    (("grey", "gray", "silver", "tabby", "blue"), (150, 145, 140), (225, 218, 205), "tabby", None, False),
    (("golden", "yellow", "lab"), (232, 200, 140), (250, 230, 190), "plain", "floppy", False),
    (("brown", "chocolate"), (140, 95, 60), (220, 190, 150), "plain", None, False),
]

# a coat said of a breed ("a poodle, all black": story.analysis.breed_look), looked up from the end of the hints,
# where the plain colours are
_ALL_OVER = re.compile(r"\b(black|white|grey|gray|silver|golden|brown|chocolate|ginger|orange) all over\b")

# a pet its words say is skinny ("a skinny stray", 瘦弱的小猫: the story's ``skinny`` trait, "its ribs showing")
_THIN = re.compile(r"\b(?:skinny|scrawny|bony|emaciated|ribs showing)\b|瘦")

# the dogs a viewer knows by their long, low body: drawn with it stretching out behind them
_LONG = ("dachshund", "sausage dog", "wiener dog", "doxie", "basset", "腊肠")

_SEEDED_FURS: list[tuple[RGB, RGB]] = [
    ((235, 140, 50), (255, 235, 210)),
    ((160, 155, 150), (235, 230, 220)),
    ((225, 175, 90), (250, 230, 190)),
    ((120, 85, 60), (225, 195, 160)),
    ((245, 242, 236), (230, 220, 214)),
    ((70, 66, 76), (200, 195, 200)),
]

_EYE_WORDS: list[tuple[str, RGB]] = [
    ("green", (110, 190, 90)),
    ("blue", (90, 170, 235)),
    ("yellow", (245, 205, 60)),
    ("amber", (230, 160, 50)),
    ("gold", (235, 185, 60)),
    ("brown", (120, 75, 45)),
]

_ACCENTS: list[RGB] = [
    (232, 84, 92), (72, 132, 220), (120, 186, 110), (158, 108, 204), (246, 178, 58), (236, 118, 168),
    (64, 178, 190),
]


# the young and how many: words of the character's id, breed and look ("kittens", "a lost puppy", 猫崽)
_YOUNG = re.compile(r"\b(kittens?|kitties|pupp(?:y|ies)|pups?|cubs?|baby(?! blue| pink)|babies|litter|newborns?)\b|"
                    r"猫崽|小奶猫|奶狗|幼崽|宝宝|孩子")
_PLURAL = re.compile(r"\b(kittens|kitties|puppies|pups|cubs|babies|litter|newborns|twins|triplets)\b|们|一窝|几只|三只|两只")
_COUNTS = (("two", 2), ("twin", 2), ("2 ", 2), ("两只", 2), ("four", 4), ("4 ", 4), ("四只", 4))


def youth(character: Character) -> tuple[bool, int]:
    """Whether ``character`` is drawn young, and how many of them (the hero is one pet, drawn young by
    ``young_hero``)."""
    if character.id == "hero":
        return False, 1
    text = f"{character.id.replace('_', ' ')} {character.name} {character.breed} {character.look}".lower()
    if not _YOUNG.search(text):
        return False, 1
    if not _PLURAL.search(text):
        return True, 1
    return True, next((n for word, n in _COUNTS if word in text), 3)


def young_hero(character: Character) -> bool:
    """Whether the hero's own words make it one kitten or puppy: drawn young until the story says it grows up."""
    text = f"{character.name} {character.breed} {character.look}".lower()
    return bool(_YOUNG.search(text)) and not _PLURAL.search(text)


def resolve_look(character: Character, rng: random.Random) -> PetLook:
    """Colours and shapes for ``character``: its catalogue style, else breed keywords, else a seeded palette."""
    text = f"{character.breed} {character.look}".lower()
    species = character.species
    accent = rng.choice(_ACCENTS)
    style = CHARACTER_STYLES.get(character.style or "")
    pattern: str
    ears: str
    animal = animal_of(text)
    # its eyes' colour where its words say one ("a golden hamster" is a golden coat, not golden eyes)
    eyes: RGB | None = next((c for w, c in _EYE_WORDS if w in text), None) if not animal or "eye" in text else None
    if animal:  # its own shapes; the colours its style gives it ("a ginger rabbit"), else its own
        kind = ANIMALS[animal]
        fur, fur2, pattern, ears, fluffy = kind.fur, kind.fur2, kind.pattern, kind.ears, False
        if style is not None and style.species == species:
            fur, fur2 = style.fur, style.fur2
    elif style is not None and style.species == species:
        fur, fur2, pattern, ears, fluffy = style.fur, style.fur2, style.pattern, style.ears, style.fluffy
    else:
        hint = next((h for h in _BREED_HINTS if any(k in text for k in h[0])), None)
        if hint is not None:
            _, fur, fur2, pattern, hint_ears, fluffy = hint
            ears = hint_ears if hint_ears and species == "dog" else ("pointy" if species == "cat" else "floppy")
        else:
            fur, fur2 = rng.choice(_SEEDED_FURS)
            pattern = rng.choice(["plain", "tabby"] if species == "cat" else ["plain", "patches"])
            ears = "pointy" if species == "cat" else rng.choice(["floppy", "big"])
            fluffy = rng.random() < 0.25
    coat = _ALL_OVER.search(text) if not animal else None
    if coat is not None:  # "a curly black poodle …, black all over": the coat the premise says, not the breed's
        fur, fur2 = next((h[1], h[2]) for h in _BREED_HINTS[::-1] if coat.group(1) in h[0])
    if eyes is None:
        eyes = (120, 190, 95) if species == "cat" and not animal else (90, 58, 40)
    young, count = youth(character)
    long = species == "dog" and any(k in text for k in _LONG)
    thin = not animal and bool(_THIN.search(text))
    return PetLook(species, fur, fur2, pattern, ears, fluffy and not thin, eyes, accent, young, count, animal=animal,
                   long=long, thin=thin)




def crowd_coat(asked: str) -> RGB | None:
    """The one coat a crowd the words say is of a breed shares ("laughing crowd of poodles": white; "stunned crowd
    of shibas": red-orange), from the breed hints; None for a crowd of no breed ("of dogs", "of hamsters")."""
    _, of, animals = asked.lower().partition(" of ")
    if not of:
        return None
    animals = re.sub(r"ies\b", "y", animals)  # "huskies": a husky's
    return next((h[1] for h in _BREED_HINTS if any(re.search(rf"\b{re.escape(k)}", animals) for k in h[0])), None)


def hue_gap(a: RGB, b: RGB) -> float:
    """How far apart two colours' hues are, in degrees (0-180)."""
    ha, hb = (colorsys.rgb_to_hsv(*(v / 255 for v in c))[0] * 360 for c in (a, b))
    return min(abs(ha - hb), 360 - abs(ha - hb))


def _apart(a: RGB, b: RGB) -> bool:
    """Two clothes colours a viewer tells apart at phone size once a suit darkens them: teal and green, blue
    and purple, red and pink are not."""
    return hue_gap(a, b) >= 80


def cast_looks(characters: Sequence[Character], seed: int) -> dict[str, PetLook]:
    """Each character's look (seeded by ``seed`` and its place in the cast), no two in clothes colours too
    alike to tell apart: one drawn later in a colour like one an earlier one wears takes the next colour apart
    from all of theirs (the hero grown rich in a suit is not dressed as the rival who mocked it)."""
    looks: dict[str, PetLook] = {}
    for i, c in enumerate(characters):
        look = resolve_look(c, random.Random(f"{seed}:look:{i}"))
        worn = [lk.accent for lk in looks.values()]
        at = _ACCENTS.index(look.accent)
        turn = [_ACCENTS[(at + k) % len(_ACCENTS)] for k in range(len(_ACCENTS))]  # its own colour first
        free = [a for a in turn if all(_apart(a, w) for w in worn)]
        looks[c.id] = replace(look, accent=free[0]) if free else look
    return looks
