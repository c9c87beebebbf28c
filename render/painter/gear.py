"""Gear: what a pet does an action with, drawn into its sprite so that a muted viewer reads the deed: a camera
held up with its flash going off, a ladder climbed (drawn behind the pet, which is lifted onto a rung; indoors a
flight of stairs), a
shovel in a hole with soil flying, a skipping rope under the lifted feet, an instrument played (piano,
guitar, violin, drums), boxing gloves and an impact star, handcuffs held out at a thief. Pet units, +x = facing
side, the feet at (0, 0)."""

from __future__ import annotations

import random

from render.painter.geometry import INK, WHITE, Pen, Point, star_pts

# how far the whole pet is lifted off the ground (pet units): a skip over the rope, a climber on a rung
LIFT: dict[str, float] = {"skip": 18.0, "climb": 30.0}
# the actions whose paws are drawn again over their gear (a grip on the shovel, the camera, the keys)
GRIPS = frozenset({"photo", "dig", "play", "skip"})
INSTRUMENTS = ("piano", "guitar", "violin", "drums")
BEHIND = frozenset({"ladder", "tree", "rock", "stairs"})  # gear drawn before the pet's body (what is climbed)

_WOOD = (150, 98, 52)
_SOIL = (112, 78, 48)
_STEEL = (176, 184, 196)
_GLOVE = (214, 40, 48)


def gear_box(marks: tuple[str, ...]) -> tuple[str, tuple[float, float, float, float]] | None:
    """What of the gear must stay in view and its box (pet units, x toward the facing side, from the feet):
    the gloves (``gear``: not under a character drawn over them) or a fishing rod with its line and the
    fish (``line``: clear of every other character, the line crossing nobody); None without either."""
    if "gloves" in marks:
        return "gear", (21.0, -70.0, 52.0, -44.0)
    if "rod" in marks or "rod:shore" in marks:
        return "line", (24.0, -132.0, 60.0, -14.0)
    return None


def draw_behind(p: Pen, marks: tuple[str, ...]) -> None:
    """Gear behind the body, in ground units (before the pet is lifted)."""
    if "tree" in marks:  # a trunk as wide as the climber, a branch and leaves above it, a stub under its foot
        bark = (126, 84, 48)
        p.poly([(-30, 4), (-26, -140), (26, -140), (30, 4)], bark)
        for x, y0, y1 in ((-14, -20, -60), (10, -70, -112), (-6, -118, -138)):
            p.line([(x, y0), (x + 3, y1)], (92, 60, 34), 1.6)
        p.stroke([(-24, -104), (-62, -128)], bark, 7.0)
        for x, y, r in ((-66, -132, 14), (-48, -140, 12), (-80, -122, 10)):
            p.ell(x, y, r, r * 0.8, (86, 160, 70))
        p.stroke([(24, -30), (40, -34)], bark, 6.0)
    elif "rock" in marks:  # a grey rock face behind the climber, ledges for its paws and feet
        p.poly([(-70, 4), (-62, -70), (-40, -118), (-10, -140), (30, -136), (58, -100), (70, -40), (76, 4)],
               (150, 146, 150))
        for x0, x1, y in ((-40, -8, -96), (6, 40, -90), (-20, 30, -30), (-52, -24, -60)):
            p.line([(x0, y), (x1, y - 2)], (104, 100, 108), 2.4)
    elif "stairs" in marks:  # indoors: a flight of stairs rising toward the facing side, its banister above
        steps = [(-84.0 + 24 * k, 4.0 - 16 * k) for k in range(8)]
        profile = [(-84.0, 4.0)] + [pt for x, y in steps for pt in ((x, y - 16), (x + 24, y - 16))] + [(108.0, 4.0)]
        p.poly(profile, (206, 196, 180))
        for sx, sy in steps:
            p.line([(sx, sy - 16), (sx + 24, sy - 16)], (160, 148, 130), 2.0)  # each tread's nosing
        for sx, sy in steps[::2]:
            p.line([(sx + 4, sy - 16), (sx + 4, sy - 70)], _WOOD, 2.2)  # the banister's posts and rail
        p.stroke([(-80.0, -66.0), (104.0, -182.0)], _WOOD, 4.0)
    elif "ladder" in marks:  # rails either side of the climber, rungs up past its head
        for rail in (-36.0, 36.0):
            p.stroke([(rail, 4), (rail * 0.94, -140)], _WOOD, 5.0)
        for k in range(7):
            rung = 2 - 22 * (k + 0.4)
            p.stroke([(-35.0, rung), (35.0, rung)], _WOOD, 3.6)


def draw_gear(p: Pen, mark: str, head_y: float, rng: random.Random) -> bool:
    """One gear mark in front of the pet; False when ``mark`` is not gear."""
    if mark == "camera":
        _camera(p, head_y)
    elif mark == "shovel":
        _shovel(p, rng)
    elif mark == "rope":
        _rope(p)
    elif mark in INSTRUMENTS:
        {"piano": _piano, "guitar": _guitar, "violin": _violin, "drums": _drums}[mark](p)
    elif mark == "gloves":
        for x, y in ((32.0, -60.0), (42.0, -54.0)):  # the back glove first (the ``box`` arms' paws)
            p.ell(x, y, 9.5, 8.5, _GLOVE)
            p.ell(x - 3, y - 3, 3.0, 2.4, (250, 150, 150), outline=False)
    elif mark == "cuffs":
        _cuffs(p)
    elif mark == "pow":  # where the punch lands: a yellow star with impact lines
        p.poly(star_pts(50, head_y - 26, 11, 0.5, 9), (255, 214, 60))
        for ax, ay, bx, by in ((58, head_y - 42, 64, head_y - 50), (62, head_y - 26, 70, head_y - 26),
                               (58, head_y - 12, 64, head_y - 6)):
            p.line([(ax, ay), (bx, by)], INK, 1.6)
    else:
        return False
    return True


def _cuffs(p: Pen) -> None:
    """Handcuffs held out in the front paw (the ``push`` arms' reach), the second ring swinging open below."""
    for cx, cy in ((54.0, -50.0), (60.0, -30.0)):
        p.arc(cx, cy, 8.0, 0, 360, width=5.0, fill=INK)
        p.arc(cx, cy, 8.0, 0, 360, width=3.0, fill=_STEEL)
    p.line([(56.0, -42.0), (59.0, -38.0)], INK, 3.2)
    p.line([(56.0, -42.0), (59.0, -38.0)], _STEEL, 1.8)


def _camera(p: Pen, head_y: float) -> None:
    """A camera held up at the eye, its lens at the subject, the flash going off."""
    y = head_y - 2
    p.rect(20, y - 9, 44, y + 8, (48, 48, 58), r=2.5)
    p.rect(26, y - 13, 34, y - 9, (48, 48, 58))
    p.rect(44, y - 6, 52, y + 5, (120, 126, 140))
    p.ell(52, y - 0.5, 2.0, 4.5, (150, 210, 250))
    p.rect(36, y - 12, 42, y - 9, WHITE)  # the flash
    flash = (255, 246, 170)
    p.poly(star_pts(60, y - 20, 14, 0.35, 8), flash)
    for ax, ay, bx, by in ((72, y - 30, 82, y - 38), (76, y - 16, 88, y - 14), (62, y - 38, 64, y - 50)):
        p.line([(ax, ay), (bx, by)], flash, 2.4)


def _shovel(p: Pen, rng: random.Random) -> None:
    """A shovel driven into a hole in front of the pet, a mound of soil beside it and clods flying."""
    p.ell(54, 3, 24, 6, (58, 40, 28))  # the hole
    p.poly([(66, 6), (72, -6), (82, -10), (88, 4)], _SOIL)  # the mound
    p.stroke([(12, -58), (46, -8)], _WOOD, 3.2)
    p.poly([(40, -10), (52, -16), (60, 0), (50, 6)], _STEEL)
    for _ in range(9):  # soil thrown up out of the hole
        x, y = rng.uniform(44, 86), rng.uniform(-58, -14)
        r = rng.uniform(2.4, 4.2)
        p.ell(x, y, r, r * 0.8, _SOIL)
    for x0, y0 in ((48, -20), (60, -30), (72, -24)):  # motion lines up from the hole
        p.line([(x0, y0), (x0 + 4, y0 - 10)], INK, 1.0)


def _rope(p: Pen) -> None:
    """The rope from both paws down under the lifted feet, its handles in the paws; a faint arc over the head
    where it swung a moment ago."""
    lift = LIFT["skip"]
    col = (230, 70, 120)
    left, right = (-40.0, -34.0), (40.0, -34.0)
    ground = lift + 2
    under = [(x, ground - (ground + 34) * (x / 40) ** 2 * 0.9) for x in range(-40, 41, 8)]
    p.line(under, col, 2.4)
    over = [(x, -118 + 84 * (x / 40) ** 2) for x in range(-40, 41, 8)]
    p.line(over, (*col, 90), 2.0)
    for x, y in (left, right):
        p.rect(x - 3, y - 8, x + 3, y + 4, (250, 210, 60), r=2.0)
    for x in (-20.0, 0.0, 20.0):  # the hop: speed lines under the feet
        p.line([(x - 5, ground - 7), (x + 5, ground - 7)], (255, 255, 255, 200), 1.2)


def _piano(p: Pen) -> None:
    """A keyboard on its stand in front of the pet, the paws on the keys."""
    p.rect(14, -36, 86, -20, (36, 30, 38))
    p.rect(14, -44, 86, -36, WHITE)
    for k in range(9):
        x = 19 + 8 * k
        p.rect(x, -44, x + 3.6, -39.5, (30, 26, 32), outline=False)
    for leg in (20.0, 80.0):
        p.stroke([(leg, -20), (leg, 0)], (36, 30, 38), 3.0)


def _guitar(p: Pen) -> None:
    """A guitar across the body: the neck up toward the facing side, the front paw strumming."""
    body = (214, 130, 52)
    p.stroke([(4, -28), (44, -62)], (96, 60, 34), 4.0)
    p.rect(40, -68, 50, -60, (96, 60, 34), r=1.5)
    p.ell(-4, -24, 15, 12, body)
    p.ell(8, -34, 11, 9, body)
    p.ell(2, -29, 4.0, 4.0, (60, 38, 24), outline=False)


def _violin(p: Pen) -> None:
    """A violin under the chin toward the facing side and the bow across its strings."""
    p.ell(24, -52, 9, 6, (170, 82, 36))
    p.ell(33, -56, 7, 5, (170, 82, 36))
    p.stroke([(38, -58), (54, -66)], (60, 38, 24), 2.4)
    p.line([(8, -74), (50, -40)], (236, 226, 200), 1.6)


def _drums(p: Pen) -> None:
    """A drum in front of the pet, the sticks in both paws, beats flying off the skin."""
    p.rect(26, -30, 74, 0, (220, 50, 60))
    p.ell(50, -30, 24, 6, (246, 240, 228))
    p.ell(50, 0, 24, 5, (220, 50, 60))
    for a, b in (((36, -56), (46, -34)), ((18, -50), (38, -36))):
        p.line([a, b], (200, 160, 110), 2.2)
    for pt in ((58, -42), (66, -46)):
        _beat(p, pt)


def _beat(p: Pen, at: Point) -> None:
    x, y = at
    p.line([(x, y), (x + 5, y - 6)], INK, 1.2)
