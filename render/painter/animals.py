"""The other animals a premise casts, drawn on the pet rig by their few telling shapes: a rabbit's long
upright ears and puff of a tail, a hamster's small round ears and full cheeks, a panda's round black ears,
eye patches and black legs, a fox's bushy white-tipped tail, a pig's snout, folded ears and curly tail, a
mouse's (a rat's) big round pink-lined ears and long thin tail.

``ANIMALS`` gives each its colours, pattern and rig (the cat's whiskers and small nose, or the dog's
snout); ``animal_of`` finds one in a character's breed and look words; ``Pet`` draws the parts through
``ears``, ``marks``, ``snout`` and ``tail`` (pet units, +x the facing side). Anything else a premise
names (a parrot) is cast on the story side as a style the painter has, and reported there. Pure drawing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from render.painter.geometry import PINK, RGB, WHITE, bezier, darker, ellipse_pts, lighter, round_tri

if TYPE_CHECKING:
    from render.painter.pets import Pet


MOUSE_TAIL: RGB = (236, 170, 180)


@dataclass(frozen=True)
class Animal:
    words: tuple[str, ...]  # whole words (Chinese anywhere) of the breed and look that name it
    fur: RGB
    fur2: RGB  # belly, muzzle; the panda's black
    pattern: str
    ears: str  # the drawing of its ears: long | round | big | folded | pointy


ANIMALS: dict[str, Animal] = {
    "rabbit": Animal(("rabbit", "bunny", "hare", "兔"), (246, 244, 240), (255, 222, 230), "plain", "long"),
    "hamster": Animal(("hamster", "guinea pig", "gerbil", "仓鼠", "豚鼠"), (226, 160, 86), (255, 242, 222), "plain",
                      "round"),
    "panda": Animal(("panda", "熊猫"), (248, 248, 246), (36, 34, 40), "panda", "round"),
    "fox": Animal(("fox", "vixen", "狐狸"), (226, 110, 44), (255, 248, 240), "mask", "pointy"),
    "pig": Animal(("pig", "piglet", "hog", "猪"), (248, 182, 190), (252, 210, 216), "plain", "folded"),
    "mouse": Animal(("mouse", "mice", "rat", "老鼠", "耗子"), (168, 168, 178), (240, 232, 234), "plain", "big"),
}


def animal_of(text: str) -> str:
    """The animal ``text`` (a character's breed and look, lower case) names, or "" for a cat or a dog."""
    for name, a in ANIMALS.items():
        if any(w in text if not w.isascii() else re.search(rf"(?<![\w-]){re.escape(w)}s?(?![\w-])", text) for w in a.words):
            return name
    return ""


def ears(p: Pet) -> None:
    """Its ears behind the skull (drawn before it)."""
    lk = p.look
    kind = ANIMALS[lk.animal].ears
    for s in (-1, 1):
        if kind == "long":  # upright, a little apart, pink inside
            p.poly(ellipse_pts(s * 12, -104, 7.5, 19, rot=s * 0.18, n=20), lk.fur)
            p.poly(ellipse_pts(s * 12, -103, 3.6, 14, rot=s * 0.18, n=16), PINK, outline=False)
        elif kind == "round":
            col = lk.fur2 if lk.animal == "panda" else lk.fur
            p.ell(s * 20, -90, 8 if lk.animal == "panda" else 7, 8 if lk.animal == "panda" else 7, col)
            if lk.animal != "panda":
                p.ell(s * 20, -90, 3.8, 3.8, PINK, outline=False)
        elif kind == "big":  # a mouse's: wide discs out at the sides of the head, pink inside
            p.ell(s * 22, -94, 13, 13, lk.fur)
            p.ell(s * 22, -94, 8, 8, PINK, outline=False)
        elif kind == "folded":  # a pig's: small, tipped forward
            p.poly(round_tri((s * 10, -92), (s * 28, -100), (s * 25, -82), 0.25), darker(lk.fur, 0.9))


def marks(p: Pet) -> None:
    """Markings over the skull, under the face: the panda's eye patches, the hamster's cheeks."""
    lk = p.look
    if lk.animal == "panda":
        ey = -74.0 if p.cat else -75.0
        for s in (-1, 1):
            p.poly(ellipse_pts(s * 11, ey + 1, 7.5, 9.5, rot=-s * 0.5, n=18), lk.fur2, outline=False)
    elif lk.animal == "hamster":
        for s in (-1, 1):
            p.ell(s * 21, -62, 9, 7.5, lk.fur2, outline=False)


def snout(p: Pet) -> bool:
    """A pig's round snout and nostrils in place of the dog's nose (True when drawn)."""
    if p.look.animal != "pig":
        return False
    p.ell(0, -64, 8.5, 6.2, darker(p.look.fur, 0.88))
    for s in (-1, 1):
        p.ell(s * 2.8, -64, 1.4, 2.2, (150, 70, 86), outline=False)
    return True


def tail(p: Pet) -> None:
    """Its tail behind the body."""
    lk = p.look
    if lk.animal in ("rabbit", "hamster", "panda"):  # a puff at the back
        col = WHITE if lk.animal == "rabbit" else lk.fur2 if lk.animal == "panda" else lk.fur
        p.ell(-19, -20, 6.5 if lk.animal == "rabbit" else 4.5, 6 if lk.animal == "rabbit" else 4, col)
    elif lk.animal == "fox":  # big and bushy, its tip white
        pts = bezier((-10, -20), (-34, -16), (-44, -40), (-36, -62), 12)
        p.stroke(pts, lk.fur, 16)
        p.poly(ellipse_pts(pts[-1][0] + 1, pts[-1][1] + 2, 6.5, 8, rot=0.3, n=16), WHITE)
    elif lk.animal == "mouse":  # long, thin and pink, curling up at its end
        p.stroke(bezier((-12, -16), (-36, -10), (-46, -30), (-38, -50), 12), MOUSE_TAIL, 2.6)
    elif lk.animal == "pig":  # a curl
        pts = [(-14 - 5 * math.cos(a) - a * 1.2, -26 + 5 * math.sin(a)) for a in (0.0, 1.2, 2.4, 3.6, 4.8, 6.0)]
        p.stroke(pts, lighter(lk.fur, 0.05), 2.6)


def limb(p: Pet) -> RGB:
    """The fur of its arms and legs: the panda's are black."""
    return p.look.fur2 if p.look.animal == "panda" else p.look.fur
