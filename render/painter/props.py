"""Prop drawings, one function per drawable prop of ``vocabulary.json``.

Each draws with a ``Pen`` in its own units: the prop is about 100 units tall (hand props: ``HAND``
units when held), origin at its bottom centre, ``color`` overrides the main colour ("golden car").
The same drawing serves a prop standing in the scene and one held in a paw. Pure drawing.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable

from render.painter import figures
from render.painter.animals import ANIMALS
from render.painter.geometry import GOLD, INK, PINK, RGB, WHITE, Pen, darker, heart_pts, lighter, star_pts

DrawFn = Callable[[Pen, RGB | None], None]

# height in pet units when held (a pet is ~104 units tall) and the grip point in prop units
HAND: dict[str, float] = {"tape measure": 30, "wrench": 30, "umbrella": 75, "microphone": 26, "phone": 16, "ring": 12, "book": 16, "food bowl": 16,
                          "bricks": 26, "trophy": 26, "briefcase": 22, "flowers": 30, "squeegee": 34,
                          "money": 18, "cake": 18, "gift box": 20, "suitcase": 26, "serving tray": 40,
                          "coffee cup": 18, "handbag": 24, "necklace": 24, "newspaper": 30, "kitten": 36,
                          "puppy": 36, "fire hose": 56, "flag": 60,
                          "sausages": 22, "fish": 22, "bone": 16, "noodles": 18, "dumplings": 18, "steamed buns": 18, "shoes": 24, "meat": 18,
                          "fishing net": 40, "ship's wheel": 40, "medicine box": 24,
                          "bread": 20, "ice cream": 18, "tooth": 22, "game controller": 28, "piggy bank": 34,
                          "weights": 40, "broom": 64, "stop sign": 70, "placard": 70, "dishes": 20, "boxes": 30, "basketball": 22, "frisbee": 24,
                          "tennis racket": 40, "skateboard": 40, "guitar": 56, "burger": 20,
                          "pizza": 22, "sushi": 22,
                          "kite": 40, "remote control": 14, "yarn ball": 18, "carrot": 18, "soup bowl": 30,
                          "fish dish": 46, "scissors": 26, "card": 22, "watermelon": 30, "signed papers": 26}
GRIP: dict[str, tuple[float, float]] = {"umbrella": (0, -4), "microphone": (0, -25), "squeegee": (0, -10),
                                        "flowers": (0, -20), "briefcase": (0, -100), "suitcase": (0, -100),
                                        "trophy": (0, -30), "bricks": (0, -10), "serving tray": (0, -8),
                                        "coffee cup": (0, -40), "handbag": (0, -88), "newspaper": (0, -40),
                                        "necklace": (0, -100), "kitten": (0, -24), "puppy": (0, -24),
                                        "fire hose": (-30, -40), "flag": (0, -30),
                                        "sausages": (0, -92), "fish": (0, -90), "bone": (0, -40), "meat": (30, -88), "shoes": (0, -20),
                                        "fishing net": (0, -96), "ship's wheel": (0, -50), "medicine box": (0, -86),
                                        "fish dish": (0, -12),
                                        "bread": (-10, -26), "ice cream": (0, -20),
                                        "tooth": (0, -40), "game controller": (0, -40), "weights": (0, -31),
                                        "broom": (0, -70), "stop sign": (0, -20), "placard": (0, -20), "dishes": (0, -24), "boxes": (0, -20),
                                        "basketball": (0, -50), "frisbee": (0, -50), "tennis racket": (0, -20),
                                        "skateboard": (0, -30), "guitar": (0, -90),
                                        "kite": (14, 0), "remote control": (0, -30), "yarn ball": (0, -44),
                                        "carrot": (0, -60), "scissors": (0, -20), "card": (0, -20), "watermelon": (0, -80), "signed papers": (0, -30)}


_FURS = ((235, 140, 50), (150, 145, 140), (248, 246, 240), (70, 66, 76), (225, 175, 90), (140, 95, 60))  # crowds' coats


def _car(p: Pen, color: RGB | None) -> None:
    body = color or (214, 48, 58)
    shine = lighter(body, 0.45)
    p.poly([(-95, -18), (-92, -44), (-55, -50), (-38, -78), (30, -80), (58, -50), (92, -44), (96, -18)], body)
    p.poly([(-32, -52), (-24, -72), (-4, -73), (-4, -52)], (170, 215, 240))
    p.poly([(4, -52), (4, -73), (24, -72), (48, -52)], (170, 215, 240))
    p.line([(-80, -40), (80, -40)], shine, 2.5)
    p.rect(-96, -24, 96, -12, darker(body, 0.75), r=3)
    for x in (-60, 60):
        p.ell(x, -16, 16, 16, (36, 34, 40))
        p.ell(x, -16, 8, 8, (200, 200, 210) if color is None else lighter(body, 0.3))
    p.ell(90, -36, 5, 4, (255, 240, 170))
    p.ell(-93, -36, 3, 4, (230, 60, 60))
    if color is not None and sum(color) > 500:  # gold and silver cars sparkle
        for x, y in ((-40, -70), (20, -60), (70, -48)):
            p.poly(star_pts(x, y, 7), WHITE, outline=False)


def _sports_car(p: Pen, color: RGB | None) -> None:
    """A sports car side on, nose to the right: a low wedge, a tinted canopy, a spoiler, big wheels with
    bright rims; a gold or silver one gleams (a shine along its flank and sparkles)."""
    body = color or (214, 48, 58)
    shine = lighter(body, 0.5)
    p.poly([(-98, -16), (-97, -36), (-72, -42), (-36, -46), (-16, -62), (20, -63), (46, -48), (88, -40),
            (100, -28), (98, -16)], body)
    p.poly([(-10, -48), (-4, -59), (18, -60), (38, -48)], (54, 70, 96))  # the tinted canopy
    p.line([(-2, -56), (14, -57)], (150, 180, 210), 1.6)
    p.rect(-100, -50, -80, -45, darker(body, 0.7), r=1.5)  # the spoiler on its post
    p.line([(-88, -45), (-86, -40)], darker(body, 0.7), 2.5)
    p.poly([(-40, -34), (-14, -36), (-20, -26), (-40, -26)], darker(body, 0.6), outline=False)  # the air intake
    p.line([(-86, -34), (84, -38)], shine, 3)
    p.poly([(84, -38), (98, -32), (86, -32)], (255, 244, 190), outline=False)  # the headlight
    rim = lighter(body, 0.35) if color is not None else (210, 212, 220)
    for x in (-62, 62):
        p.ell(x, -17, 18, 18, (30, 30, 36))
        p.ell(x, -17, 10, 10, rim)
        p.poly(star_pts(x, -17, 7), darker(rim, 0.8), outline=False)
    if color is not None and sum(color) > 500:  # gold and silver cars gleam
        p.line([(-70, -40), (-30, -43)], WHITE, 2)
        for x, y, r in ((-50, -50, 9), (30, -66, 7), (76, -46, 8), (-86, -22, 6)):
            p.poly(star_pts(x, y, r), WHITE, outline=False)


def _truck(p: Pen, color: RGB | None) -> None:
    """A lorry side on, nose to the right: a tall cargo box with a stripe behind the cab, whose window is where
    its driver sits (the middle of the drawing), three wheels."""
    cab = color or (60, 120, 220)
    p.rect(-100, -26, 48, -14, (60, 60, 68), r=2)  # the chassis
    p.rect(-100, -98, -24, -24, (238, 238, 242), r=3)  # the cargo box
    p.rect(-100, -62, -24, -54, cab, outline=False)
    p.poly([(-20, -20), (-20, -88), (18, -88), (44, -54), (48, -20)], cab)  # the cab
    p.poly([(-12, -80), (16, -80), (34, -56), (-12, -56)], (170, 215, 240))
    p.line([(-4, -44), (8, -44)], darker(cab, 0.7), 2)
    p.ell(44, -30, 4, 4, (255, 240, 170))
    for x in (-78, -50, 24):
        p.ell(x, -14, 14, 14, (36, 34, 40))
        p.ell(x, -14, 6, 6, (200, 200, 210))


def _bus(p: Pen, color: RGB | None) -> None:
    """A bus side on, nose to the right: a long rounded box, a row of windows, the door, the destination sign."""
    body = color or (250, 196, 40)
    p.rect(-100, -94, 100, -18, body, r=10)
    p.rect(-100, -44, 100, -38, darker(body, 0.8), outline=False)
    for k in range(5):
        x = -92 + k * 32
        p.rect(x, -82, x + 26, -56, (170, 215, 240), r=3)
    p.rect(72, -82, 96, -22, (150, 200, 230), r=3)  # the door and windscreen
    p.line([(84, -82), (84, -22)], darker(body, 0.6), 1.5)
    p.rect(50, -92, 94, -85, (40, 40, 48), r=1.5)  # the destination sign
    p.line([(56, -88.5), (88, -88.5)], (255, 200, 60), 1.5)
    p.ell(97, -28, 3, 4, (255, 240, 170))
    for x in (-62, 50):
        p.ell(x, -16, 14, 14, (36, 34, 40))
        p.ell(x, -16, 6, 6, (200, 200, 210))


def _taxi(p: Pen, color: RGB | None) -> None:
    """A taxi side on, nose to the right: the car in taxi yellow, a chequered band along its doors and the lit
    TAXI sign on its roof."""
    body = color or (250, 200, 40)
    _car(p, body)
    for k in range(16):  # the chequered band
        x = -72 + k * 9
        p.rect(x, -36, x + 9, -31, INK if k % 2 == 0 else WHITE, outline=False)
        p.rect(x, -31, x + 9, -26, WHITE if k % 2 == 0 else INK, outline=False)
    p.rect(-66, -84, -36, -70, (255, 248, 210), r=3)  # the lit sign on the back of the roof (the driver's head
    p.rect(-62, -70, -40, -64, darker(body, 0.8), outline=False)  # stays clear of it), on its base
    for k, x in enumerate((-60, -54, -48, -42)):  # its letters, as marks
        p.line([(x - 2, -81), (x + 2, -73)] if k % 2 else [(x - 2, -73), (x, -81), (x + 2, -73)], INK, 1.6)


def _bicycle(p: Pen, color: RGB | None) -> None:
    """A bicycle side on, front wheel to the right: two spoked wheels, a diamond frame, the saddle, the bars
    and a basket."""
    frame = color or (60, 150, 220)
    for x in (-40, 40):
        p.ell(x, -22, 22, 22, None, width=4)
        p.line([(x - 20, -22), (x + 20, -22)], (150, 150, 160), 1)
        p.line([(x, -42), (x, -2)], (150, 150, 160), 1)
        p.ell(x, -22, 3, 3, (60, 60, 70), outline=False)
    for a, b in (((-40, -22), (-4, -22)), ((-4, -22), (22, -58)), ((22, -58), (-18, -58)), ((-18, -58), (-40, -22)),
                 ((-4, -22), (-20, -64)), ((40, -22), (26, -72))):
        p.stroke([a, b], frame, 4)
    p.rect(-30, -68, -8, -62, (40, 40, 48), r=3)  # the saddle
    p.stroke([(18, -74), (36, -72)], (40, 40, 48), 3)  # the bars
    p.rect(34, -66, 58, -48, (190, 150, 90), r=2)  # the basket
    p.line([(40, -66), (40, -48)], (150, 110, 60), 1)
    p.line([(52, -66), (52, -48)], (150, 110, 60), 1)


def _train(p: Pen, color: RGB | None) -> None:
    """A train side on, engine to the right: a steam engine (boiler, chimney puffing, cab, red wheels and their
    rod) pulling a carriage with a row of windows, on the rails."""
    coach = color or (40, 120, 90)
    p.rect(-156, -6, 156, 0, (90, 80, 70), outline=False)  # the rails and their sleepers
    for x in range(-150, 156, 16):
        p.rect(x, -4, x + 8, 2, (120, 96, 70), outline=False)
    p.rect(-154, -84, -12, -20, coach, r=6)  # the carriage
    p.rect(-158, -90, -8, -82, darker(coach, 0.7), r=3)
    for k in range(4):
        x = -146 + k * 33
        p.rect(x, -72, x + 24, -50, (250, 226, 150), r=2)
    for x in (-130, -36):
        p.ell(x, -14, 9, 9, (40, 38, 44))
    p.line([(-12, -32), (-2, -32)], (60, 60, 66), 3)  # the coupling
    engine = (50, 54, 64)
    p.rect(-2, -96, 34, -22, engine, r=3)  # the cab
    p.rect(4, -88, 28, -66, (250, 226, 150), r=2)
    p.rect(-6, -100, 38, -94, (200, 50, 50), r=2)
    p.rect(30, -70, 122, -24, engine, r=12)  # the boiler
    p.line([(40, -58), (116, -58)], (200, 50, 50), 3)
    p.rect(96, -92, 112, -68, engine, r=2)  # the chimney and its puffs
    for k, (x, y, r) in enumerate(((104, -104, 9), (94, -118, 12), (78, -132, 15))):
        p.ell(x, y, r, r * 0.8, (245, 245, 245, 220 - k * 40), outline=False)
    p.poly([(122, -34), (140, -6), (112, -6), (112, -34)], (200, 50, 50))  # the cow-catcher
    p.ell(124, -56, 5, 5, (255, 240, 170))
    for x in (44, 72, 100):
        p.ell(x, -15, 14, 14, (200, 50, 50))
        p.ell(x, -15, 4, 4, (60, 30, 30), outline=False)
    p.line([(44, -12), (100, -12)], (190, 190, 200), 3)


def _oven(p: Pen, color: RGB | None) -> None:
    """A baker's oven: a cream cabinet with dials, its glass door glowing orange on a loaf inside, warm air
    rising, fresh loaves cooling on top."""
    body = color or (232, 226, 212)
    p.rect(-44, -84, 44, 0, body, r=6)
    p.rect(-44, -84, 44, -70, darker(body, 0.85), r=4)
    for x in (-28, -12, 4):
        p.ell(x, -77, 4, 4, (60, 60, 70))
    p.rect(18, -80, 36, -74, (255, 120, 60), r=1.5, outline=False)  # the temperature light
    p.rect(-36, -62, 36, -10, (60, 56, 60), r=4)  # the door
    p.rect(-30, -56, 30, -18, (255, 170, 70), r=3)  # its window, glowing
    p.ell(0, -28, 18, 8, (196, 130, 60))  # the loaf baking
    p.line([(-8, -32), (-2, -25)], (240, 200, 130), 1.5)
    p.line([(4, -32), (10, -25)], (240, 200, 130), 1.5)
    p.line([(-24, -66), (24, -66)], (200, 200, 210), 3)  # the handle
    for x in (-20, 18):  # fresh loaves on top
        p.ell(x, -92, 16, 8, (206, 146, 72))
        p.line([(x - 6, -96), (x - 2, -89)], (240, 200, 130), 1.4)
        p.line([(x + 2, -96), (x + 6, -89)], (240, 200, 130), 1.4)
    for k in (-1, 0, 1):
        p.line([(k * 14, -104), (k * 14 + 4, -114), (k * 14, -124)], _STEAM, 1.6)


def _queue(p: Pen, color: RGB | None) -> None:
    """A queue: pets in single file, all facing right toward the front, between posts with a red rope."""
    rng = random.Random(15)
    coats = [(90, 120, 200), (200, 80, 90), (90, 160, 110), (230, 190, 80), (120, 110, 130)]
    for k in range(5):
        x = 88 - k * 44 + rng.uniform(-3, 3)
        s = 1.0 - k * 0.04
        fur = rng.choice(_FURS)
        p.rect(x - 14 * s, -52 * s, x + 12 * s, -4, rng.choice(coats), r=6 * s)  # the body, seen from the side
        p.ell(x + 4 * s, -64 * s, 15 * s, 13 * s, fur)  # the head, turned to the front of the line
        p.poly([(x - 6 * s, -72 * s), (x - 4 * s, -88 * s), (x + 4 * s, -76 * s)], fur)
        p.poly([(x + 6 * s, -74 * s), (x + 12 * s, -90 * s), (x + 16 * s, -74 * s)], fur)
        p.ell(x + 12 * s, -65 * s, 1.8 * s, 2.2 * s, INK, outline=False)
        p.ell(x + 19 * s, -62 * s, 3 * s, 2.4 * s, lighter(fur, 0.3))  # the muzzle
    for x in (-105, -35, 35, 105):  # the posts and the rope before them
        p.rect(x - 3, -40, x + 3, 0, GOLD)
        p.ell(x, -42, 5, 4, GOLD)
    for x in (-105, -35, 35):
        p.arc(x + 35, -46, 35, 30, 150, 3, ry=12, fill=(200, 40, 50))


def _tooth(p: Pen, color: RGB | None) -> None:
    """A little white tooth: the crown with two bumps, two roots, a shine and a sparkle."""
    p.poly([(-34, -86), (-20, -100), (0, -92), (20, -100), (34, -86), (36, -58), (26, -34), (18, 0), (6, -4),
            (0, -30), (-6, -4), (-18, 0), (-26, -34), (-36, -58)], color or (252, 252, 246))
    p.ell(-16, -76, 5, 9, WHITE, outline=False)
    p.poly(star_pts(34, -100, 9), (255, 236, 140), outline=False)


def _game_controller(p: Pen, color: RGB | None) -> None:
    """A game controller: a dark pad with two grips, the cross of the d-pad, four coloured buttons."""
    pad = color or (58, 58, 70)
    for x in (-32, 32):
        p.ell(x, -40, 20, 30, pad)
    p.rect(-44, -72, 44, -34, pad, r=16)
    p.rect(-36, -58, -16, -50, (30, 30, 36), r=1, outline=False)  # the d-pad
    p.rect(-30, -64, -22, -44, (30, 30, 36), r=1, outline=False)
    for (x, y), col in zip(((30, -64), (40, -54), (20, -54), (30, -44)),
                           ((230, 70, 70), (80, 190, 90), (70, 120, 230), (250, 210, 60)), strict=True):
        p.ell(x, y, 4.5, 4.5, col)
    p.rect(-8, -62, 8, -58, (110, 110, 120), r=1.5, outline=False)


def _crowd(p: Pen, color: RGB | None) -> None:
    rng = random.Random(11)
    for row, (y, s) in enumerate(((-55, 0.8), (-25, 1.0))):
        x = -160.0 + row * 14
        while x < 160:
            fur = rng.choice(_FURS)
            p.ell(x, y + 20 * s, 16 * s, 22 * s, rng.choice([(90, 120, 200), (200, 80, 90), (90, 160, 110),
                                                               (230, 190, 80)]))
            p.ell(x, y - 10 * s, 15 * s, 13 * s, fur)
            for k in (-1, 1):
                p.poly([(x + k * 13 * s, y - 14 * s), (x + k * 12 * s, y - 30 * s), (x + k * 3 * s, y - 20 * s)], fur)
            p.ell(x - 5 * s, y - 12 * s, 2 * s, 2.4 * s, INK, outline=False)
            p.ell(x + 5 * s, y - 12 * s, 2 * s, 2.4 * s, INK, outline=False)
            if rng.random() < 0.35:  # raised phones and paws
                p.rect(x + 10 * s, y - 50 * s, x + 20 * s, y - 34 * s, (40, 40, 50), r=1.5)
                p.rect(x + 12 * s, y - 48 * s, x + 18 * s, y - 37 * s, (150, 210, 250), outline=False)
            x += rng.uniform(26, 34) * s


def _two_groups(p: Pen, seed: int, face: Callable[[float, float, float, int], None], kind: str = "",
                coat: RGB | None = None) -> None:
    """Two groups of pets at either side, two rows deep, the middle left free; ``face(x, y, s, k)`` draws each
    one's face and what it holds up (``k``: its place in the group); ``kind``: the animals they are
    (``crowd_head``), else cats of mixed coats; ``coat``: the one coat they all share, a shade apart (a crowd of
    poodles all white), else mixed."""
    rng = random.Random(seed)
    coats = [(90, 120, 200), (200, 80, 90), (90, 160, 110), (230, 190, 80), (120, 110, 130)]
    for side in (-1, 1):
        for row, (y, s) in enumerate(((-40, 0.85), (-4, 1.0))):
            for k in range(4 - row):
                x = side * (86 + k * 30 * s + row * 12 + rng.uniform(-4, 4))
                fur = rng.choice(_DOG_FURS if kind == "dog" else _FURS)
                fur = fur if coat is None else darker(coat, 0.9 + 0.1 * ((k + row) % 2))  # one breed's coat
                p.rect(x - 11 * s, y - 18 * s, x + 11 * s, y + 4, rng.choice(coats), r=5 * s)
                crowd_head(p, x, y, s, fur, kind)
                face(x, y, s, k + row)


_DOG_FURS = ((225, 175, 90), (140, 95, 60), (248, 246, 240), (70, 66, 76), (200, 120, 60), (190, 185, 180))


def crowd_head(p: Pen, x: float, y: float, s: float, fur: RGB, kind: str) -> None:
    """One of a crowd's heads (centre ``x, y - 30 s``) as the animal ``kind`` is told apart at a glance: a
    cat's pointy ears, a dog's floppy ears and muzzle, a hamster's round ears and cheeks, a rabbit's long
    ears, a pig's pink snout, a fox's orange mask, a panda's black ears and eye patches, a mouse's big round
    ears."""
    animal = ANIMALS.get(kind)
    fur = animal.fur if animal is not None else fur
    hy = y - 30 * s
    if kind == "rabbit":
        for e in (-1, 1):
            p.ell(x + e * 6 * s, hy - 20 * s, 4 * s, 13 * s, fur)
            p.ell(x + e * 6 * s, hy - 19 * s, 1.8 * s, 9 * s, PINK, outline=False)
    elif kind in ("hamster", "panda", "mouse"):
        r = 8 if kind == "mouse" else 5  # a mouse's big round ears
        for e in (-1, 1):
            p.ell(x + e * 11 * s, hy - 10 * s, r * s, r * s, animal.fur2 if kind == "panda" and animal else fur)
            if kind != "panda":
                p.ell(x + e * 11 * s, hy - 10 * s, r * 0.5 * s, r * 0.5 * s, PINK, outline=False)
    p.ell(x, hy, 14 * s, 12 * s, fur)
    if kind in ("", "cat", "fox"):
        for e in (-1, 1):
            p.poly([(x + e * 12 * s, hy - 4 * s), (x + e * 11 * s, hy - 20 * s), (x + e * 3 * s, hy - 10 * s)], fur)
    elif kind in ("dog", "pig"):  # floppy ears down the head's sides; a pig's small and tipped forward
        for e in (-1, 1):
            if kind == "dog":
                p.ell(x + e * 13 * s, hy + 1 * s, 4.5 * s, 9 * s, darker(fur, 0.78))
            else:
                p.poly([(x + e * 6 * s, hy - 10 * s), (x + e * 15 * s, hy - 13 * s), (x + e * 13 * s, hy - 3 * s)],
                       darker(fur, 0.92))
    if kind in ("dog", "fox"):  # a pale muzzle and a black nose
        p.ell(x, hy + 5 * s, 7 * s, 5 * s, lighter(fur, 0.45) if kind == "dog" else WHITE, outline=False)
        p.ell(x, hy + 2 * s, 2.6 * s, 2 * s, INK, outline=False)
    elif kind == "pig":
        p.ell(x, hy + 5 * s, 5.5 * s, 4 * s, darker(fur, 0.9))
        for e in (-1, 1):
            p.ell(x + e * 2 * s, hy + 5 * s, 1 * s, 1.4 * s, darker(fur, 0.6), outline=False)
    elif kind == "hamster":
        for e in (-1, 1):
            p.ell(x + e * 9 * s, hy + 5 * s, 5 * s, 4 * s, animal.fur2 if animal else WHITE, outline=False)
    elif kind == "panda" and animal is not None:
        for e in (-1, 1):
            p.ell(x + e * 5 * s, hy - 1 * s, 4 * s, 4.5 * s, animal.fur2, outline=False)


def _onlookers(p: Pen, color: RGB | None, kind: str = "") -> None:
    """A crowd out of doors: two groups of passers-by at either side, phones up, the middle left free."""
    def face(x: float, y: float, s: float, k: int) -> None:
        p.ell(x - 5 * s, y - 31 * s, 1.8 * s, 2.2 * s, INK, outline=False)
        p.ell(x + 5 * s, y - 31 * s, 1.8 * s, 2.2 * s, INK, outline=False)
        if k % 2 == 0:  # a phone held up to film
            p.rect(x + 8 * s, y - 62 * s, x + 18 * s, y - 46 * s, (40, 40, 50), r=1.5)
            p.rect(x + 10 * s, y - 60 * s, x + 16 * s, y - 49 * s, (150, 210, 250), outline=False)

    _two_groups(p, 12, face, kind, color)


def _stunned_crowd(p: Pen, color: RGB | None, kind: str = "") -> None:
    """The ones who mocked, gathered at either side and stunned: eyes wide, mouths open, a "!" over them."""
    def face(x: float, y: float, s: float, k: int) -> None:
        for e in (-1, 1):
            p.ell(x + e * 5 * s, y - 33 * s, 3 * s, 3.4 * s, WHITE)  # eyes wide
            p.ell(x + e * 5 * s, y - 33 * s, 1.3 * s, 1.5 * s, INK, outline=False)
        p.ell(x, y - 24 * s, 3 * s, 4 * s, (90, 30, 40))  # the mouth dropped open
        if k % 2 == 0:  # a "!" over the head
            p.rect(x - 2 * s, y - 66 * s, x + 2 * s, y - 52 * s, (230, 60, 50), r=1)
            p.ell(x, y - 48 * s, 2 * s, 2 * s, (230, 60, 50), outline=False)

    _two_groups(p, 15, face, kind, color)


def _crying_crowd(p: Pen, color: RGB | None, kind: str = "") -> None:
    """A crowd moved to tears by the one in the middle ("the judges cry", 评委都哭了): eyes shut in a downward
    curve, a tear running down each cheek, a wobbly mouth, every other one dabbing an eye with a tissue."""
    tear = (110, 180, 245)

    def face(x: float, y: float, s: float, k: int) -> None:
        for e in (-1, 1):  # eyes shut, curved down: crying
            p.line([(x + e * 5 * s - 3 * s, y - 34 * s), (x + e * 5 * s, y - 31.5 * s), (x + e * 5 * s + 3 * s, y - 34 * s)],
                   INK, 1.3 * s)
            p.poly([(x + e * 6 * s - 1.6 * s, y - 30 * s), (x + e * 6 * s + 1.6 * s, y - 30 * s),
                    (x + e * 6.6 * s + 2 * s, y - 20 * s), (x + e * 6.6 * s - 2 * s, y - 20 * s)], tear, outline=False)
            p.ell(x + e * 6.6 * s, y - 19 * s, 2.4 * s, 2.4 * s, tear, outline=False)  # the tear's drop
        p.line([(x - 4 * s, y - 23 * s), (x - 1.5 * s, y - 25 * s), (x + 1.5 * s, y - 23 * s), (x + 4 * s, y - 25 * s)],
               INK, 1.2 * s)  # the mouth wobbling
        if k % 2 == 1:  # a tissue held up to an eye
            p.rect(x + 6 * s, y - 40 * s, x + 16 * s, y - 28 * s, WHITE, r=2 * s)

    _two_groups(p, 17, face, kind, color)


def _laughing_crowd(p: Pen, color: RGB | None, kind: str = "") -> None:
    """A crowd laughing at the one in the middle: eyes squeezed shut, mouths wide open, every other one
    pointing a paw toward the middle."""
    def face(x: float, y: float, s: float, k: int) -> None:
        for e in (-1, 1):  # eyes shut with laughter: two ^ marks
            p.line([(x + e * 5 * s - 3 * s, y - 32 * s), (x + e * 5 * s, y - 35 * s), (x + e * 5 * s + 3 * s, y - 32 * s)],
                   INK, 1.3 * s)
        p.poly([(x - 6 * s, y - 27 * s), (x + 6 * s, y - 27 * s), (x + 4 * s, y - 21 * s), (x, y - 19.5 * s),
                (x - 4 * s, y - 21 * s)], (120, 30, 40))  # the mouth wide open
        p.ell(x, y - 21.5 * s, 2.6 * s, 1.4 * s, (240, 120, 140), outline=False)
        if k % 2 == 0:  # a paw pointed at the one in the middle
            toward = -1 if x > 0 else 1
            p.stroke([(x + toward * 8 * s, y - 12 * s), (x + toward * 24 * s, y - 30 * s)], (235, 225, 215), 5 * s)

    _two_groups(p, 16, face, kind, color)


def _audience(p: Pen, color: RGB | None) -> None:
    """An audience seen from behind: a row of heads and ears along the front, glow sticks raised."""
    rng = random.Random(13)
    shade = color or (44, 30, 52)
    x = -172.0
    k = 0
    while x < 172:
        s = rng.uniform(0.85, 1.1)
        col = lighter(shade, rng.uniform(0.0, 0.18))
        p.ell(x, -30 * s, 20 * s, 22 * s, col)
        for e in (-1, 1):
            p.poly([(x + e * 17 * s, -38 * s), (x + e * 15 * s, -62 * s), (x + e * 4 * s, -48 * s)], col)
        p.rect(x - 24 * s, -12 * s, x + 24 * s, 4, darker(col, 0.8), r=8 * s)
        if k % 3 == 1:  # a glow stick waved at the stage
            glow = rng.choice([(120, 240, 255), (255, 120, 200), (255, 230, 100)])
            p.line([(x + 14 * s, -40 * s), (x + 22 * s, -60 * s)], glow, 4)
        x += rng.uniform(34, 42) * s
        k += 1


def _fans(p: Pen, color: RGB | None) -> None:
    """Fans at the stadium's barrier: waving paws, scarves and pennants along the front of the stands."""
    rng = random.Random(14)
    team = color or (220, 60, 60)
    x = -168.0
    k = 0
    while x < 170:
        fur = rng.choice(_FURS)
        p.ell(x, -26, 13, 11, fur)
        for e in (-1, 1):
            p.poly([(x + e * 11 * 1.0, -30), (x + e * 10, -44), (x + e * 3, -35)], fur)
        p.ell(x - 4.5, -27, 1.7, 2.1, INK, outline=False)
        p.ell(x + 4.5, -27, 1.7, 2.1, INK, outline=False)
        p.rect(x - 12, -16, x + 12, -10, team if k % 2 else WHITE, r=2)  # the team scarf
        if k % 2 == 0:  # a paw up
            p.stroke([(x + 10, -18), (x + 16, -50)], fur, 6)
        if k % 4 == 1:  # a pennant
            p.line([(x - 10, -12), (x - 14, -70)], (90, 70, 50), 1.6)
            p.poly([(x - 14, -70), (x + 14, -62), (x - 13, -54)], team)
        x += rng.uniform(24, 30)
        k += 1


def _stage(p: Pen, color: RGB | None) -> None:
    wood = color or (150, 96, 56)
    p.rect(-150, -30, 150, 0, darker(wood, 0.8))
    p.rect(-155, -36, 155, -28, wood)
    for x in (-120, 120):
        p.poly([(x - 6, -36), (x + 6, -36), (x * 0.3 + 40, -200), (x * 0.3 - 40, -200)], (255, 240, 180, 50),
               outline=False)
        p.rect(x - 10, -46, x + 10, -36, (50, 50, 60), r=2)
        p.ell(x, -46, 7, 4, (255, 240, 180))


def _microphone(p: Pen, color: RGB | None) -> None:
    p.stroke([(0, -5), (0, -62)], (60, 60, 70), 9)
    p.rect(-7, -75, 7, -60, color or (40, 40, 50), r=3)
    p.ell(0, -86, 13, 14, (170, 175, 185))
    for k in (-6, 0, 6):
        p.line([(k - 8, -86 + k * 0.3), (k + 8, -86 - k * 0.3)], (120, 125, 135), 1.0)
    p.ell(-4, -92, 3, 3, WHITE, outline=False)


def _podium(p: Pen, color: RGB | None) -> None:
    wood = color or (120, 74, 48)
    p.poly([(-34, 0), (34, 0), (28, -60), (-28, -60)], wood)
    p.rect(-36, -66, 36, -58, lighter(wood, 0.2))
    p.ell(0, -32, 12, 12, GOLD)
    p.poly(star_pts(0, -32, 8), WHITE, outline=False)
    for s in (-1, 1):
        p.line([(s * 8, -66), (s * 10, -78), (s * 4, -86)], (60, 60, 70), 1.6)
        p.ell(s * 4, -88, 4, 5, (40, 40, 50))


def _wok(p: Pen, color: RGB | None) -> None:
    steel = (170, 170, 180)
    p.rect(-10, -40, 70, 0, steel)  # stove
    p.rect(-10, -44, 70, -38, (60, 60, 70))
    for x in (10, 45):
        p.ell(x, -20, 7, 7, (230, 230, 235))
        p.ell(x, -20, 3, 3, (255, 120, 60), outline=False)
    for k, (dx, h) in enumerate(((-14, 30), (-4, 44), (6, 38), (16, 46), (26, 30))):  # flames
        x = 30 + dx
        col = (255, 120, 40) if k % 2 else (255, 200, 60)
        p.poly([(x - 8, -46), (x - 2, -46 - h * 0.6), (x, -46 - h), (x + 4, -46 - h * 0.55), (x + 8, -46)], col,
               outline=False)
    p.poly([(0, -62), (60, -62), (50, -48), (10, -48)], color or (60, 60, 66))
    p.line([(0, -62), (60, -62)], (120, 120, 130), 1.6)
    p.stroke([(0, -60), (-22, -66)], (110, 70, 40), 5)  # handle toward the cook's paw
    for k in range(4):  # food tossed in the air
        p.ell(18 + k * 8, -70 - (k % 2) * 10, 3, 2.4, [(120, 200, 90), (240, 110, 60), (250, 220, 120)][k % 3])
    for k in (0, 1, 2):
        p.line([(20 + k * 12, -84), (24 + k * 12, -96), (20 + k * 12, -108)], (255, 255, 255, 160), 1.5)


def _cradle(p: Pen, color: RGB | None) -> None:
    frame = color or (240, 200, 40)
    p.rect(-58, -42, 58, -4, (160, 165, 175, 200))
    for x in range(-56, 57, 14):
        p.line([(x, -42), (x, -4)], darker(frame, 0.8), 1.6)
    p.rect(-60, -46, 60, -38, frame)
    p.rect(-62, -8, 62, 2, frame)
    p.line([(-56, -44), (-56, -4)], frame, 3)
    p.line([(56, -44), (56, -4)], frame, 3)
    p.rect(-40, -30, -18, -12, (90, 150, 220), r=2)  # bucket
    p.line([(-40, -30), (-29, -38), (-18, -30)], INK, 1.0)


def _squeegee(p: Pen, color: RGB | None) -> None:
    p.stroke([(0, 0), (0, -70)], (200, 200, 210), 6)
    p.rect(-34, -88, 34, -72, color or (60, 140, 230), r=3)
    p.rect(-36, -74, 36, -68, (40, 40, 50), r=1)
    for x in (-20, 0, 20):
        p.ell(x, -94, 4, 5, (200, 235, 255, 200), outline=False)


def _broom(p: Pen, color: RGB | None) -> None:
    """A street sweeper's broom: a long handle, its bristles splayed at the ground end."""
    twigs = color or (214, 170, 80)
    p.stroke([(0, -110), (0, 4)], (130, 90, 56), 5)
    p.rect(-8, 0, 8, 8, (90, 94, 104), r=1)  # the band round the bristles
    p.poly([(-8, 8), (8, 8), (22, 40), (-22, 40)], twigs)
    for x in (-12, -4, 4, 12):
        p.line([(x * 0.5, 10), (x * 1.4, 38)], darker(twigs, 0.75), 1.0)


def _stop_sign(p: Pen, color: RGB | None) -> None:
    """A crossing guard's stop sign: a red octagon with a white rim and a white bar, up on a striped pole."""
    red = color or (214, 40, 44)
    for k in range(5):  # the pole, striped
        p.rect(-3, -70 + 20 * k, 3, -50 + 20 * k, WHITE if k % 2 else (40, 40, 46), outline=False)
    rim = [(28 * math.cos(math.radians(22.5 + 45 * k)), -98 + 28 * math.sin(math.radians(22.5 + 45 * k)))
           for k in range(8)]
    p.poly(rim, WHITE)
    p.poly([(x * 0.84, -98 + (y + 98) * 0.84) for x, y in rim], red, outline=False)
    p.rect(-16, -102, 16, -94, WHITE, r=2, outline=False)  # the bar that says stop


def _placard(p: Pen, color: RGB | None) -> None:
    """A sign held up on a stick: a white board with a coloured rim, a heart and lines of hand-written words."""
    rim = color or (230, 90, 90)
    p.rect(-3, -90, 3, 0, (176, 130, 84))  # the stick
    p.rect(-32, -158, 32, -96, rim, r=4)
    p.rect(-27, -153, 27, -101, (252, 250, 242), r=3, outline=False)
    p.poly(heart_pts(0, -140, 7), rim, outline=False)
    for y, half in ((-124, 20), (-112, 14)):  # the words, scrawled
        p.line([(-half + 6 * k, y + (2 if k % 2 else -2)) for k in range(int(half / 3) + 1)], (60, 60, 70), 2.2)


def _dishes(p: Pen, color: RGB | None) -> None:
    """A washing-up stack of plates with soap bubbles on top."""
    plate = color or (246, 246, 250)
    for k in range(5):
        y = -k * 9
        p.ell(0, y - 4, 40 - k, 6, plate)
        p.line([(-34 + k, y - 4), (34 - k, y - 4)], (150, 190, 220), 1.0)
    for x, y, r in ((-14, -50, 7), (2, -54, 9), (18, -48, 6), (8, -64, 5)):
        p.ell(x, y, r, r, (220, 240, 255, 210))


def _scooter(p: Pen, color: RGB | None) -> None:
    body = color or (240, 200, 40)
    for x in (-48, 48):
        p.ell(x, -14, 14, 14, (36, 34, 40))
        p.ell(x, -14, 6, 6, (190, 190, 200))
    p.poly([(-60, -22), (40, -22), (56, -30), (40, -38), (-50, -40)], body)
    p.stroke([(40, -30), (30, -78)], darker(body, 0.8), 6)
    p.stroke([(22, -80), (40, -78)], (40, 40, 50), 5)
    p.rect(-84, -100, -24, -44, (240, 120, 40), r=3)  # delivery box
    p.rect(-78, -84, -30, -70, WHITE, r=2, outline=False)
    p.ell(-54, -77, 8, 5, (240, 120, 40), outline=False)
    p.ell(46, -44, 5, 4, (255, 240, 170))


def _hospital_bed(p: Pen, color: RGB | None) -> None:
    p.rect(-100, -40, 100, -22, color or (120, 170, 225), r=3)
    p.rect(-96, -52, 96, -40, WHITE, r=4)
    p.rect(-90, -62, -50, -50, WHITE, r=6)
    p.rect(-104, -90, -96, 0, (170, 175, 185))
    p.rect(96, -70, 104, 0, (170, 175, 185))
    p.rect(-100, -24, 100, -16, (170, 175, 185))
    for x in (-80, 80):
        p.ell(x, -6, 6, 6, (60, 60, 70))
    p.line([(120, -150), (120, 0)], (160, 165, 175), 2.0)  # IV stand
    p.rect(110, -150, 130, -120, (210, 235, 250, 220), r=3)


def _board(p: Pen, color: RGB | None) -> None:
    p.rect(-110, -100, 110, 0, (150, 105, 70))
    p.rect(-104, -94, 104, -6, color or (52, 100, 76), outline=False)
    chalk = (235, 240, 230)
    p.line([(-90, -76), (-60, -84), (-30, -74)], chalk, 2)
    p.line([(-90, -56), (-20, -56)], chalk, 2)
    p.line([(10, -80), (40, -50), (70, -80)], chalk, 2)  # a tick
    p.line([(10, -30), (80, -30)], chalk, 2)
    p.ell(-60, -28, 12, 12, None)
    p.line([(-72, -28), (-48, -28)], chalk, 1.5)


def _gate(p: Pen, color: RGB | None) -> None:
    metal = color or (40, 40, 50)
    for s in (-1, 1):
        p.rect(s * 110 - 14, -110, s * 110 + 14, 0, (230, 222, 210))
        p.ell(s * 110, -116, 16, 10, (230, 222, 210))
    for x in range(-92, 93, 12):
        top = -92 - 14 * math.cos(x / 92 * math.pi / 2)
        p.line([(x, top), (x, 0)], metal, 2.2)
        p.poly([(x - 3, top), (x, top - 8), (x + 3, top)], GOLD, outline=False)
    p.line([(-96, -40), (96, -40)], metal, 2.5)
    p.line([(-96, -10), (96, -10)], metal, 2.5)
    p.ell(0, -60, 14, 14, GOLD)


def _sewing_machine(p: Pen, color: RGB | None) -> None:
    """A tailor's sewing machine on its little table, to one side so the tailor's face stays clear: the machine's
    arm over the needle, a spool of red thread on top, the hand wheel, cloth under the needle and a yellow tape
    measure hung over the table's edge."""
    wood = (175, 125, 85)
    p.rect(-60, -44, 60, -36, wood)  # the table
    for x in (-54, 48):
        p.rect(x, -36, x + 6, 0, darker(wood, 0.8))
    body = color or (60, 70, 90)
    p.rect(-62, -52, -12, -44, body, r=2)  # the bed, the pillar and the arm over the needle
    p.rect(-26, -78, -12, -52, body, r=2)
    p.rect(-62, -82, -12, -70, body, r=3)
    p.line([(-56, -70), (-56, -53)], (200, 200, 210), 2)  # the needle
    p.ell(-8, -68, 5, 9, (190, 190, 200))  # the hand wheel
    p.rect(-42, -90, -36, -82, (220, 50, 60), r=1)  # the spool of thread
    p.rect(-60, -48, -30, -44, (120, 170, 230), outline=False)  # the cloth under the needle
    p.stroke([(44, -40), (50, -26), (46, -12)], (250, 210, 60), 4)  # the tape measure hung over the edge


def _tape_measure(p: Pen, color: RGB | None) -> None:
    """A bolt of bright cloth held upright with a yellow tape measure draped round it."""
    cloth = color or (120, 170, 230)
    p.rect(-16, -92, 16, 0, cloth, r=6)
    for y in range(-84, -4, 12):
        p.line([(-14, y), (14, y + 4)], lighter(cloth, 0.3), 1.5)
    p.ell(0, -92, 16, 5, lighter(cloth, 0.2))
    p.stroke([(-22, -70), (0, -58), (22, -64), (26, -30)], (250, 210, 60), 5)
    for x, y in ((-16, -67), (-6, -61), (6, -59), (16, -62)):
        p.line([(x, y - 2), (x, y + 2)], INK, 1)


def _wrench(p: Pen, color: RGB | None) -> None:
    """A mechanic's spanner held by its handle: a long steel shaft with an open jaw on top, a smear of oil."""
    steel = color or (170, 176, 188)
    p.stroke([(0, 0), (0, -74)], steel, 9)
    p.ell(0, -84, 13, 13, steel)
    p.poly([(-5, -100), (5, -100), (4, -84), (-4, -84)], (236, 228, 210), outline=False)  # the open jaw
    p.line([(-2, -60), (-2, -20)], lighter(steel, 0.5), 2)
    p.ell(5, -40, 4, 6, (40, 40, 46), outline=False)  # oil


def _desk(p: Pen, color: RGB | None) -> None:
    wood = color or (175, 125, 85)
    p.rect(-60, -44, 60, -36, wood)
    p.rect(-56, -36, 56, 0, darker(wood, 0.85))
    p.rect(-20, -50, 24, -44, (60, 64, 74), r=1)  # keyboard
    for k in range(4):
        p.line([(-16 + k * 10, -47), (-10 + k * 10, -47)], (150, 155, 165), 1.0)
    p.rect(-62, -86, -30, -52, (50, 55, 65), r=2)  # monitor from the side, away from whom they face
    p.rect(-48, -52, -44, -44, (50, 55, 65), outline=False)
    p.rect(34, -58, 58, -44, (245, 245, 240))  # papers and a mug
    p.rect(38, -64, 54, -58, (245, 245, 240))
    p.rect(26, -56, 32, -44, (220, 90, 80), r=1)


def _money(p: Pen, color: RGB | None) -> None:
    green = color or (110, 180, 100)
    for k, (x, y) in enumerate(((-30, 0), (0, 0), (30, 0), (-15, -22), (15, -22), (0, -44))):
        p.rect(x - 16, y - 22, x + 16, y, green, r=2)
        p.rect(x - 12, y - 18, x + 12, y - 4, lighter(green, 0.35), outline=False)
        p.ell(x, y - 11, 5, 5, green)
        if k == 5:
            p.line([(x - 2, y - 14), (x + 2, y - 8)], darker(green, 0.5), 1)
    for x, y, a in ((-50, -70, 0.3), (40, -80, -0.4), (0, -96, 0.1)):  # flying notes
        c, s = math.cos(a), math.sin(a)
        pts = [(x + dx * c - dy * s, y + dx * s + dy * c) for dx, dy in ((-14, -8), (14, -8), (14, 8), (-14, 8))]
        p.poly(pts, green)
    for x, y in ((-44, -44), (46, -40)):
        p.ell(x, y, 8, 8, GOLD)
        p.line([(x, y - 4), (x, y + 4)], darker(GOLD, 0.6), 1)


def _trophy(p: Pen, color: RGB | None) -> None:
    gold = color or GOLD
    p.rect(-26, -16, 26, 0, (110, 70, 40))
    p.rect(-8, -40, 8, -16, gold)
    p.poly([(-34, -96), (34, -96), (24, -58), (8, -44), (-8, -44), (-24, -58)], gold)
    for s in (-1, 1):
        p.arc(s * 34, -78, 12, 270 if s > 0 else 90, 90 if s > 0 else 270, 3, fill=gold)
    p.poly(star_pts(0, -72, 12), lighter(gold, 0.5), outline=False)


def _briefcase(p: Pen, color: RGB | None) -> None:
    col = color or (110, 70, 40)
    p.rect(-50, -80, 50, 0, col, r=6)
    p.arc(0, -80, 16, 180, 360, 4)
    p.line([(-50, -50), (50, -50)], darker(col, 0.7), 2)
    p.rect(-8, -56, 8, -44, GOLD, r=1)


def _rocket(p: Pen, color: RGB | None) -> None:
    body = color or (235, 235, 240)
    for s in (-1, 1):
        p.poly([(s * 20, -60), (s * 44, -10), (s * 20, -20)], (220, 60, 60))
    p.poly([(-22, -20), (-24, -120), (0, -180), (24, -120), (22, -20)], body)
    p.ell(0, -115, 12, 12, (120, 190, 240))
    p.ell(-3, -118, 4, 4, WHITE, outline=False)
    p.poly([(-22, -150), (0, -180), (22, -150)], (220, 60, 60))
    for k, (w, h, col) in enumerate(((18, 60, (255, 120, 40)), (10, 40, (255, 220, 90)))):
        p.poly([(-w, -20), (0, -20 + h), (w, -20)], col, outline=k == 0)


def _plane(p: Pen, color: RGB | None) -> None:
    """An airliner side on, nose to the right: white body, a row of windows, a coloured tail, a wing, an engine."""
    body = color or (246, 246, 250)
    stripe = (40, 110, 200) if color is None else darker(color, 0.7)
    p.poly([(-92, -62), (-74, -62), (-52, -34), (-92, -34)], stripe)  # the tail fin
    p.poly([(-90, -36), (-60, -40), (70, -40), (92, -30), (96, -22), (82, -14), (-70, -14), (-92, -28)], body)
    p.line([(-84, -22), (90, -22)], stripe, 3)  # the cheat line
    for k in range(9):  # the cabin windows
        p.ell(-48 + k * 13, -31, 3, 3.4, (110, 170, 220))
    p.poly([(84, -34), (92, -30), (86, -26), (78, -28)], (60, 90, 130))  # the cockpit window
    p.poly([(-10, -22), (24, -22), (-24, 4), (-40, 4)], darker(body, 0.82))  # the wing and its engine
    p.ell(-4, -4, 14, 7, lighter(stripe, 0.2))
    p.ell(6, -4, 3, 5, INK, outline=False)
    p.poly([(-92, -34), (-74, -34), (-90, -26)], darker(body, 0.85))  # the tailplane


def _phone(p: Pen, color: RGB | None) -> None:
    p.rect(-24, -100, 24, 0, color or (40, 40, 50), r=8)
    p.rect(-19, -92, 19, -10, (120, 200, 250), outline=False)
    p.ell(-6, -70, 7, 7, WHITE, outline=False)
    p.poly(star_pts(8, -40, 9), (255, 220, 90), outline=False)


def _umbrella(p: Pen, color: RGB | None) -> None:
    canopy = color or (80, 120, 220)
    p.stroke([(0, 0), (0, -92)], (70, 70, 80), 3.5)
    p.arc(-6, 0, 6, 0, 180, 3)
    pts = [(-58 + 116 * i / 12, -86.0 + 8 * (i % 2)) for i in range(13)]
    top = [(58 * math.cos(a), -92 - 34 * math.sin(a)) for a in [k * math.pi / 14 for k in range(15)]]
    p.poly(top + pts[::-1][1:-1], canopy)
    for x in (-29, 0, 29):
        p.line([(0, -126), (x, -86)], darker(canopy, 0.8), 1.2)


def _suitcase(p: Pen, color: RGB | None) -> None:
    col = color or (200, 90, 70)
    p.rect(-36, -90, 36, -6, col, r=8)
    p.rect(-14, -104, 14, -90, None or col, r=3)
    for x in (-16, 16):
        p.line([(x, -88), (x, -8)], darker(col, 0.75), 2)
    for x in (-24, 24):
        p.ell(x, -3, 5, 5, (50, 50, 60))
    p.rect(-20, -70, 0, -56, (250, 230, 120), r=2)


def _flowers(p: Pen, color: RGB | None) -> None:
    petal = color or (240, 80, 110)
    p.poly([(-14, 0), (14, 0), (30, -56), (-30, -56)], (250, 236, 200))
    for x in (-8, 0, 8):
        p.line([(x * 0.5, -10), (x, -60)], (80, 150, 70), 2)
    for x, y in ((-20, -70), (0, -80), (20, -70), (-10, -92), (12, -94)):
        for a in range(5):
            t = a * 2 * math.pi / 5
            p.ell(x + 7 * math.cos(t), y + 7 * math.sin(t), 6, 6, petal)
        p.ell(x, y, 4, 4, (255, 220, 90))
    p.ell(0, -30, 8, 6, (230, 60, 90))


def _ring(p: Pen, color: RGB | None) -> None:
    p.rect(-40, -40, 40, 0, (150, 30, 60), r=6)
    p.rect(-40, -70, 40, -40, (170, 40, 70), r=6)
    p.ell(0, -44, 22, 10, (240, 230, 200))
    p.arc(0, -60, 18, 0, 360, 4, fill=color or GOLD)
    p.poly([(0, -96), (10, -84), (0, -74), (-10, -84)], (190, 235, 255))
    p.poly(star_pts(16, -98, 8), WHITE, outline=False)


def _food_bowl(p: Pen, color: RGB | None) -> None:
    p.poly([(-50, -40), (50, -40), (34, 0), (-34, 0)], color or (230, 80, 70))
    p.ell(0, -40, 50, 10, (250, 230, 180))
    p.poly([(-28, -48), (10, -56), (28, -46), (10, -40), (-10, -50)], (200, 200, 220))  # a fish
    p.poly([(-28, -48), (-40, -56), (-40, -40)], (200, 200, 220))
    p.ell(18, -48, 2, 2, INK, outline=False)
    for k in (-12, 0, 12):
        p.line([(k, -60), (k + 4, -72), (k, -84)], (255, 255, 255, 170), 1.4)


def _soup_bowl(p: Pen, color: RGB | None) -> None:
    """A bowl of hot soup brought to one who is ill: a deep white bowl with a blue band, the golden soup in it, a
    spoon standing in it and steam curling up (held big enough to read in a paw, not a pet's food dish)."""
    p.poly([(-50, -46), (50, -46), (40, -12), (22, 0), (-22, 0), (-40, -12)], color or (248, 248, 244))
    p.poly([(-46, -34), (46, -34), (43, -26), (-43, -26)], (90, 140, 210), outline=False)  # the blue band
    p.ell(0, -46, 50, 10, (236, 176, 72))  # the soup
    p.ell(-14, -47, 6, 2.2, (250, 214, 130), outline=False)
    p.stroke([(18, -44), (34, -78)], (200, 200, 210), 5)  # the spoon's handle
    p.ell(16, -45, 7, 3.5, (200, 200, 210))
    for k in (-20, -4, 12):
        p.line([(k, -62), (k + 6, -76), (k, -90), (k + 6, -104)], _STEAM, 2.2)


# -- food a premise names: each reads as itself, held in a paw or set down -----------------------------


def _fish_dish(p: Pen, color: RGB | None) -> None:
    """A cooked fish on its plate (红烧鱼, braised or grilled fish): a long white plate, the fish lying on it glazed
    red-brown with its scored sides, sauce round it, green onion on top and steam rising; never a raw fish."""
    p.ell(0, -10, 56, 12, color or (246, 246, 250))  # the plate
    p.ell(0, -12, 46, 8, (250, 250, 252), outline=False)
    p.ell(0, -13, 40, 6, (170, 78, 40, 200), outline=False)  # the sauce round it
    glaze = (188, 92, 44)
    p.ell(-6, -22, 36, 14, glaze)  # the fish lying on its side
    p.poly([(26, -22), (50, -38), (44, -22), (50, -6)], darker(glaze, 0.85))  # the tail
    p.poly([(-14, -34), (0, -44), (12, -34)], darker(glaze, 0.85))  # the fin
    for x in (-16, -4, 8):  # the scores cut across its side
        p.line([(x - 4, -31), (x + 4, -14)], darker(glaze, 0.7), 2)
    p.ell(-30, -24, 3.5, 3.5, WHITE)  # the eye
    p.ell(-30, -24, 1.8, 1.8, INK, outline=False)
    for x, y in ((-18, -34), (-6, -36), (6, -35), (16, -32)):  # green onion on top
        p.line([(x - 4, y), (x + 4, y - 3)], (90, 170, 70), 2.6)
    for k in (-16, 0, 16):
        p.line([(k, -40), (k + 5, -52), (k, -64), (k + 5, -74)], _STEAM, 1.8)

_STEAM = (255, 255, 255, 170)


def _sausages(p: Pen, color: RGB | None) -> None:
    """A string of sausages, looped: plump links tied off between them, a shine on each."""
    skin = color or (196, 84, 62)
    links = [(-40, -84), (-34, -58), (-20, -34), (0, -16), (20, -34), (34, -58), (40, -84)]
    for (x0, y0), (x1, y1) in itertools.pairwise(links):
        p.stroke([(x0 + (x1 - x0) * 0.12, y0 + (y1 - y0) * 0.12), (x1 - (x1 - x0) * 0.12, y1 - (y1 - y0) * 0.12)],
                 skin, 15)
        p.line([(x0 + (x1 - x0) * 0.3 - 3, y0 + (y1 - y0) * 0.3 - 3), (x0 + (x1 - x0) * 0.6 - 3,
                                                                       y0 + (y1 - y0) * 0.6 - 3)],
               lighter(skin, 0.45), 2.2)
    for x, y in links[1:-1]:  # the twists of string between the links
        p.ell(x, y, 2.5, 2.5, (240, 225, 200), outline=False)
    p.line([(-40, -84), (-44, -98)], (240, 225, 200), 2)
    p.line([(40, -84), (44, -98)], (240, 225, 200), 2)


def _fish(p: Pen, color: RGB | None) -> None:
    """A whole fish held up by its tail, head down: silver-blue body, fins, an eye."""
    body = color or (120, 160, 200)
    p.poly([(0, -78), (-14, -96), (14, -96)], darker(body, 0.85))  # the tail at the top
    p.ell(0, -44, 17, 36, body)
    p.ell(-5, -48, 6, 24, lighter(body, 0.4), outline=False)  # the pale belly
    p.poly([(15, -50), (28, -58), (16, -38)], darker(body, 0.85))
    p.poly([(-15, -50), (-28, -58), (-16, -38)], darker(body, 0.85))
    p.ell(-6, -18, 3.5, 3.5, WHITE)
    p.ell(-6, -18, 1.8, 1.8, INK, outline=False)
    p.arc(0, -10, 6, 20, 160, 1.6)  # the mouth


def _fishing_net(p: Pen, color: RGB | None) -> None:
    """A fisherman's net hauled up by its top rope: a sagging mesh bag with its floats, a catch of fish in it."""
    cord = color or (226, 214, 180)
    bag = [(-30, -96), (30, -96), (34, -50), (20, -14), (0, -4), (-20, -14), (-34, -50)]
    p.poly(bag, (120, 150, 170, 70), outline=False)
    for x, y, a in ((-12, -30, -1), (8, -22, 1), (-2, -46, 1), (14, -44, -1)):  # the catch inside
        body = (130, 168, 204)
        p.ell(x, y, 9, 5, body)
        p.poly([(x + a * 8, y), (x + a * 15, y - 5), (x + a * 15, y + 5)], darker(body, 0.85))
        p.ell(x - a * 5, y - 1, 1.3, 1.3, INK, outline=False)
    for k in range(-3, 4):  # the mesh: cords down and across
        p.line([(k * 9, -96), (k * 5, -8)], cord, 1.2)
    for y in (-82, -66, -50, -34, -18):
        w = 34 - abs(y + 50) * 0.35
        p.line([(-w, y), (w, y)], cord, 1.2)
    p.stroke([(-32, -96), (32, -96)], (150, 110, 70), 4)  # the top rope and its red floats
    for x in (-22, 0, 22):
        p.ell(x, -96, 5, 4, (226, 70, 60))


def _medicine_box(p: Pen, color: RGB | None) -> None:
    """A medicine box carried by its handle: a white case with a red cross on its side and a latch."""
    col = color or (246, 246, 250)
    p.rect(-38, -70, 38, 0, col, r=6)
    p.rect(-38, -70, 38, -58, darker(col, 0.9), r=4)  # the lid's rim
    p.stroke([(-14, -70), (-14, -86), (14, -86), (14, -70)], (70, 70, 80), 5)  # the handle
    red = (214, 48, 52)
    p.rect(-7, -48, 7, -10, red, outline=False)  # the red cross
    p.rect(-19, -36, 19, -22, red, outline=False)
    p.rect(-4, -62, 4, -56, (180, 180, 190))  # the latch


def _sled(p: Pen, color: RGB | None) -> None:
    """A dog sled on the snow: curled wooden runners, a slatted bed with a load strapped on under a red cover (the
    medicine it carries), the handlebar at the back and the towline out in front."""
    wood = color or (168, 112, 62)
    p.stroke([(-96, -6), (84, -6), (98, -14), (102, -28)], darker(wood, 0.75), 4)  # the runner, curled up in front
    for x in (-80, -30, 20, 66):  # the stanchions up from the runner to the bed
        p.line([(x, -6), (x, -26)], darker(wood, 0.8), 3)
    p.rect(-90, -34, 80, -24, wood)  # the slatted bed
    for x in range(-80, 80, 20):
        p.line([(x, -34), (x, -24)], darker(wood, 0.8), 1.2)
    p.rect(-70, -70, 44, -34, (206, 60, 56), r=6)  # the load under its red cover
    p.rect(-20, -64, -4, -40, WHITE, outline=False)  # a white cross on it: medicine
    p.rect(-30, -56, 6, -48, WHITE, outline=False)
    for x in (-50, 24):  # the straps over it
        p.line([(x, -70), (x, -34)], (60, 50, 46), 2.2)
    p.stroke([(-90, -24), (-100, -86), (-84, -90)], darker(wood, 0.7), 4)  # the driver's handlebar at the back
    p.stroke([(96, -20), (130, -30)], (90, 80, 70), 2)  # the towline to the team


def _ships_wheel(p: Pen, color: RGB | None) -> None:
    """A ship's wooden wheel held by two spokes: the rim, the hub and eight spokes with their handles."""
    wood = color or (160, 108, 62)
    for k in range(8):
        a = k * math.pi / 4
        x, y = math.cos(a), math.sin(a)
        p.stroke([(0, -50), (x * 44, -50 + y * 44)], wood, 5)
    p.arc(0, -50, 32, 0, 360, 6, fill=wood)
    p.ell(0, -50, 8, 8, darker(wood, 0.8))
    p.ell(0, -50, 3, 3, GOLD, outline=False)


def _bone(p: Pen, color: RGB | None) -> None:
    """A dog's bone: a white shaft with two round knobs at each end, drawn slanted."""
    col = color or (246, 240, 222)
    for x, y, out in ((-30, -20, -1), (30, -60, 1)):  # the knobs either side of each end
        for side in (-1, 1):
            p.ell(x + out * 5 + side * 7, y - out * 3 + side * 10, 11, 11, col)
    p.stroke([(-30, -20), (30, -60)], col, 16, outline=False)
    p.line([(-18, -34), (16, -57)], WHITE, 2)


def _noodles(p: Pen, color: RGB | None) -> None:
    """A bowl of noodles: wavy noodles lifted on chopsticks, an egg half, steam."""
    bowl = color or (236, 236, 240)
    p.poly([(-48, -44), (48, -44), (32, 0), (-32, 0)], bowl)
    p.line([(-40, -24), (40, -24)], (70, 110, 190), 3)  # the blue band
    p.ell(0, -44, 48, 10, (240, 200, 120))  # the broth
    for k in range(-3, 4):  # noodles in the broth
        p.arc(k * 11, -44, 6, 180, 360, 2.2, fill=None)
    p.ell(22, -46, 10, 6, WHITE)  # half an egg
    p.ell(22, -46, 5, 3.5, (250, 190, 60), outline=False)
    p.line([(-14, -40), (4, -100)], (150, 100, 60), 3)  # chopsticks lifting a bundle
    p.line([(-4, -40), (12, -98)], (150, 100, 60), 3)
    for dx in (-2, 3, 8):
        p.line([(dx - 6, -46), (dx - 2, -60), (dx - 6, -74), (dx - 1, -84)], (240, 210, 130), 2.6)
    for k in (-30, -20):
        p.line([(k, -56), (k + 4, -68), (k, -80)], _STEAM, 1.4)


def _dumplings(p: Pen, color: RGB | None) -> None:
    """A plate of dumplings (jiaozi): pale crescents with crimped edges, a little dish of vinegar beside them."""
    p.ell(0, -8, 50, 9, color or (236, 240, 246))
    p.ell(0, -10, 40, 6, WHITE, outline=False)
    for x, y in ((-24, -16), (0, -18), (24, -16), (-12, -28), (12, -28)):
        p.poly([(x - 15, y + 3), (x - 9, y - 8), (x, y - 12), (x + 9, y - 8), (x + 15, y + 3)], (248, 242, 222))
        for dx in (-7, 0, 7):  # the crimped ridge along the top
            p.line([(x + dx - 2, y - 9 - abs(dx) * -0.2), (x + dx + 2, y - 12 + abs(dx) * 0.4)], (214, 204, 178), 1.2)
    p.ell(40, -22, 10, 5, WHITE)
    p.ell(40, -23, 7, 3, (120, 70, 40), outline=False)  # vinegar


def _steamed_buns(p: Pen, color: RGB | None) -> None:
    """A bamboo steamer of steamed buns (baozi): round pleated white buns in a round basket, steam rising."""
    basket = color or (210, 170, 100)
    p.rect(-48, -30, 48, 0, basket, r=4)
    for y in (-22, -10):
        p.line([(-46, y), (46, y)], darker(basket, 0.8), 1.6)
    for x, y in ((-28, -34), (0, -36), (28, -34), (-14, -48), (14, -48)):
        p.ell(x, y, 15, 12, (250, 246, 236))
        for dx in (-5, 0, 5):  # the pleats gathered at the top
            p.line([(x + dx * 1.4, y - 2), (x, y - 10)], (210, 200, 185), 1.3)
    for k in (-20, 0, 20):
        p.line([(k, -62), (k + 4, -74), (k, -88)], _STEAM, 1.4)


def _shoes(p: Pen, color: RGB | None) -> None:
    """A cobbler's work: a worn leather shoe with a patch on its toe, the little hammer that mends it."""
    leather = color or (120, 72, 40)
    p.poly([(-40, -4), (-40, -30), (-30, -36), (-14, -34), (8, -22), (30, -18), (40, -10), (40, -4)], leather)
    p.rect(-42, -6, 42, 0, (50, 40, 34), r=1)  # the sole
    p.ell(-24, -30, 8, 3, darker(leather, 0.6), outline=False)  # the opening
    for x in (-12, -4):
        p.line([(x, -30), (x + 4, -24)], (240, 230, 210), 1.4)  # laces
    p.rect(18, -20, 32, -10, (180, 150, 110))  # the patch, stitched
    for x in (20, 25, 30):
        p.line([(x, -21), (x, -19)], INK, 1)
    p.stroke([(-6, -52), (20, -90)], (150, 105, 60), 5)  # the hammer's handle, its head
    p.poly([(10, -96), (32, -82), (28, -76), (6, -90)], (150, 155, 165))


def _meat(p: Pen, color: RGB | None) -> None:
    """A roast drumstick: a brown glazed joint on a white bone with its knob."""
    col = color or (170, 90, 50)
    p.stroke([(18, -70), (34, -92)], (246, 240, 222), 10)
    for dx, dy in ((-5, 3), (5, -3)):
        p.ell(36 + dx, -96 + dy, 7, 7, (246, 240, 222))
    p.ell(-2, -38, 30, 36, col)
    p.ell(-10, -50, 10, 14, lighter(col, 0.35), outline=False)  # the glaze's shine
    for x, y in ((-16, -24), (6, -20), (10, -48)):
        p.line([(x, y), (x + 6, y - 4)], darker(col, 0.75), 1.6)


def _bread(p: Pen, color: RGB | None) -> None:
    """A loaf of bread and a baguette beside it: golden crust, the slashes pale."""
    crust = color or (212, 150, 80)
    p.stroke([(26, -6), (40, -92)], lighter(crust, 0.1), 16)  # the baguette standing behind
    for y in (-30, -52, -74):
        p.line([(30 + (-y) * 0.15 - 4, y + 4), (30 + (-y) * 0.15 + 4, y - 6)], (245, 215, 160), 1.6)
    p.ell(-10, -26, 38, 26, crust)
    p.ell(-10, -8, 38, 8, darker(crust, 0.85), outline=False)
    for x in (-26, -10, 6):
        p.line([(x - 5, -36), (x + 5, -24)], (245, 215, 160), 2.2)


def _ice_cream(p: Pen, color: RGB | None) -> None:
    """An ice cream cone: two scoops on a waffle cone, a cherry on top."""
    p.poly([(-20, -52), (20, -52), (0, 0)], (220, 170, 100))
    for k in (-10, 0, 10):
        p.line([(k - 10, -50), (k + 6, -18)], (190, 140, 80), 1.2)
    p.ell(0, -58, 24, 14, color or (250, 200, 215))
    p.ell(0, -80, 20, 16, (250, 240, 210))
    p.ell(4, -98, 5, 5, (220, 40, 60))
    p.ell(-8, -84, 5, 4, WHITE, outline=False)


def _bricks(p: Pen, color: RGB | None) -> None:
    col = color or (190, 80, 60)
    for row in range(4):
        for k in range(3 - row % 2):
            x = -48 + k * 34 + (17 if row % 2 else 0)
            p.rect(x, -25 * (row + 1), x + 32, -25 * row - 2, darker(col, 1 - 0.06 * ((row + k) % 3)), r=1)


def _boxes(p: Pen, color: RGB | None) -> None:
    """A stack of cardboard boxes: three brown boxes, each closed with a strip of tape, a "this way up" mark."""
    col = color or (204, 160, 104)
    for x0, y0, x1, y1 in ((-46, -44, 6, 0), (4, -40, 48, 0), (-26, -86, 26, -44)):
        p.rect(x0, y0, x1, y1, col if y0 > -80 else lighter(col, 0.1), r=1)
        mid = (x0 + x1) / 2
        p.rect(mid - 4, y0, mid + 4, y1, (232, 206, 150), outline=False)  # the tape down its front
        p.line([(x0 + 4, y0 + 8), (x0 + 12, y0 + 8)], darker(col, 0.6), 1)
    for x in (-4, 4):  # the arrows of "this way up" on the top box
        p.line([(x - 12, -58), (x - 12, -70)], darker(col, 0.55), 1.2)


def _football(p: Pen, color: RGB | None) -> None:
    """A football: a white ball with black pentagons and its seams."""
    p.ell(0, -50, 50, 50, color or WHITE)
    p.poly([(0, -64), (13, -55), (8, -40), (-8, -40), (-13, -55)], INK, outline=False)
    for a in range(5):
        t = math.radians(a * 72 - 90)
        x, y = 44 * math.cos(t), -50 + 44 * math.sin(t)
        p.ell(x, y, 8, 8, INK, outline=False)
        p.line([(14 * math.cos(t), -50 + 14 * math.sin(t)), (36 * math.cos(t), -50 + 36 * math.sin(t))], INK, 1.4)


def _basketball(p: Pen, color: RGB | None) -> None:
    """A basketball: an orange ball with its black seams, one across, one down, two curved at the sides."""
    p.ell(0, -50, 50, 50, color or (236, 120, 40))
    p.line([(-50, -50), (50, -50)], INK, 1.6)
    p.line([(0, -100), (0, 0)], INK, 1.6)
    p.arc(-62, -50, 40, -52, 52, 1.6)
    p.arc(62, -50, 40, 128, 232, 1.6)
    p.ell(-18, -74, 8, 5, lighter(color or (236, 120, 40), 0.35), outline=False)


def _volleyball(p: Pen, color: RGB | None) -> None:
    """A volleyball: a white ball of curved panels, two bands of yellow and blue sweeping round it."""
    p.ell(0, -50, 50, 50, WHITE)
    for col, (cx, cy), (a0, a1) in (((250, 200, 50), (-58, -92), (10, 80)), ((60, 110, 210), (60, -6), (190, 260))):
        p.arc(cx, cy, 62, a0, a1, 14, fill=color or col)
    p.arc(-58, -92, 80, 14, 76, 1.4)
    p.arc(60, -6, 80, 194, 256, 1.4)
    p.arc(0, -50, 50, 0, 360, 1.4)


def _frisbee(p: Pen, color: RGB | None) -> None:
    """A frisbee seen tilted: a bright disc with its rim and a ring on top, motion lines behind it."""
    col = color or (240, 70, 90)
    p.ell(0, -44, 56, 20, darker(col, 0.8))
    p.ell(0, -50, 56, 18, col)
    p.ell(0, -50, 30, 9, None)
    for k in range(3):
        p.line([(-70 - k * 6, -62 + k * 10), (-92 - k * 6, -62 + k * 10)], (200, 200, 210), 1.4)


def _tennis(p: Pen, color: RGB | None) -> None:
    """A tennis racket and its yellow ball: the strung oval head on a taped handle."""
    frame = color or (60, 110, 200)
    p.rect(-5, -40, 5, 0, (50, 50, 60), r=2)  # the handle
    p.ell(0, -74, 27, 35, frame)  # the frame, strung inside
    p.ell(0, -74, 21, 29, (250, 250, 250), outline=False)
    for k in range(-2, 3):
        p.line([(k * 8, -100), (k * 8, -48)], (170, 174, 180), 0.8)
        p.line([(-19, -74 + k * 11), (19, -74 + k * 11)], (170, 174, 180), 0.8)
    p.ell(34, -18, 12, 12, (214, 232, 60))
    p.arc(28, -18, 9, -60, 60, 1.2)


def _skateboard(p: Pen, color: RGB | None) -> None:
    """A skateboard side on: the deck with its kicked-up ends, grip tape on top, two wheels under it."""
    deck = color or (230, 90, 60)
    p.stroke([(-60, -44), (-52, -30), (52, -30), (60, -44)], deck, 9)
    p.line([(-50, -36), (50, -36)], (50, 50, 56), 2)  # the grip tape
    for x in (-34, 34):
        p.rect(x - 6, -26, x + 6, -18, (170, 170, 180), outline=False)
        p.ell(x, -10, 10, 10, (250, 220, 90))


def _telescope(p: Pen, color: RGB | None) -> None:
    """A telescope on its tripod, its tube pointing up at the sky, a brass eyepiece."""
    tube = color or (60, 90, 160)
    for x in (-36, 0, 36):
        p.line([(0, -62), (x, 0)], (90, 80, 70), 3)
    p.poly([(-42, -56), (44, -104), (52, -90), (-34, -44)], tube)
    p.rect(-50, -56, -36, -42, GOLD, r=2)  # the eyepiece
    p.ell(48, -97, 6, 9, (200, 230, 250))  # the lens


def _guitar(p: Pen, color: RGB | None) -> None:
    """A guitar standing up: the figure-eight body, its sound hole and bridge, the long neck and its pegs."""
    wood = color or (214, 130, 60)
    p.ell(0, -26, 30, 26, wood)
    p.ell(0, -62, 22, 20, wood)
    p.ell(0, -52, 8, 8, (60, 40, 30), outline=False)
    p.rect(-10, -22, 10, -16, darker(wood, 0.6), r=1)
    p.rect(-4, -124, 4, -60, (120, 76, 44))
    p.rect(-7, -140, 7, -122, darker(wood, 0.55), r=2)
    for y in (-136, -128):
        for s in (-1, 1):
            p.ell(s * 10, y, 2.5, 2.5, (220, 220, 226), outline=False)
    for x in (-2, 0, 2):
        p.line([(x, -122), (x, -20)], (240, 240, 240), 0.6)


def _burger(p: Pen, color: RGB | None) -> None:
    """A burger: a sesame bun on a patty, a slice of cheese, lettuce and tomato."""
    bun = color or (226, 160, 80)
    p.rect(-40, -22, 40, 0, bun, r=8)  # the bottom bun
    p.rect(-44, -38, 44, -22, (110, 62, 40), r=7)  # the patty
    p.poly([(-42, -40), (42, -40), (30, -28), (18, -40), (0, -30), (-20, -40)], (250, 200, 60))  # the cheese
    p.ell(0, -44, 46, 7, (110, 190, 70))  # the lettuce
    p.rect(-36, -52, 36, -45, (220, 60, 50), r=3)  # the tomato
    p.poly([(-44, -52), (44, -52), (40, -70), (20, -84), (-20, -84), (-40, -70)], bun)  # the top bun
    for x, y in ((-20, -70), (-4, -76), (12, -70), (26, -64), (-30, -62)):
        p.ell(x, y, 2.4, 1.6, (252, 244, 220), outline=False)


def _pizza(p: Pen, color: RGB | None) -> None:
    """A pizza seen tilted: a golden crust round red sauce, melted cheese, pepperoni and a slice pulled out."""
    p.ell(0, -30, 56, 26, (222, 160, 80))
    p.ell(0, -30, 48, 21, color or (214, 60, 40), outline=False)
    p.ell(0, -31, 44, 18, (250, 214, 96), outline=False)
    for x, y in ((-26, -34), (-6, -22), (18, -36), (30, -24), (-14, -42), (8, -44)):
        p.ell(x, y, 6, 3.4, (176, 40, 40))
    for a in (-60, 0, 60):  # the cuts
        t = math.radians(a)
        p.line([(-48 * math.cos(t), -30 - 21 * math.sin(t)), (48 * math.cos(t), -30 + 21 * math.sin(t))],
               (200, 130, 60), 1)
    p.poly([(30, -62), (62, -86), (70, -70)], (250, 214, 96))  # a slice lifted, the cheese stretching
    p.line([(40, -58), (42, -48)], (250, 230, 150), 1.4)


def _sushi(p: Pen, color: RGB | None) -> None:
    """Sushi on a wooden board: two salmon nigiri and a seaweed maki roll."""
    p.rect(-56, -10, 56, 0, (190, 140, 90), r=2)  # the board
    for x in (-30, 2):
        p.ell(x, -20, 15, 9, (250, 250, 245))  # the rice
        p.ell(x, -28, 16, 7, color or (250, 130, 80))  # the salmon
        for k in (-6, 0, 6):
            p.line([(x + k - 3, -32), (x + k + 3, -24)], (255, 200, 170), 1)
    p.rect(22, -34, 48, -10, (40, 60, 44), r=3)  # the maki
    p.ell(35, -34, 13, 5, (250, 250, 245))
    p.ell(35, -34, 5, 2.5, (240, 110, 80), outline=False)


def _hot_dog(p: Pen, color: RGB | None) -> None:
    """A hot dog: a long bun, the sausage lying in it, a zigzag of mustard."""
    p.ell(0, -20, 50, 16, (230, 170, 90))  # the bun
    p.ell(0, -28, 54, 9, color or (196, 80, 60))  # the sausage
    p.line([(-40, -30), (-30, -26), (-20, -31), (-10, -26), (0, -31), (10, -26), (20, -31), (30, -26), (40, -30)],
           (250, 210, 40), 2.2)
    p.ell(0, -14, 44, 8, (214, 150, 74), outline=False)


def _cake(p: Pen, color: RGB | None) -> None:
    p.ell(0, -4, 52, 8, WHITE)
    p.rect(-40, -50, 40, -6, color or (250, 200, 210), r=4)
    p.rect(-40, -54, 40, -40, WHITE, r=4)
    for x in (-24, 0, 24):
        p.rect(x - 3, -74, x + 3, -54, (120, 180, 240))
        p.ell(x, -80, 3, 5, (255, 190, 60), outline=False)
    p.ell(0, -28, 6, 6, (230, 60, 70))


def _book(p: Pen, color: RGB | None) -> None:
    col = color or (60, 120, 200)
    p.poly([(-50, -10), (0, 0), (0, -80), (-50, -90)], col)
    p.poly([(50, -10), (0, 0), (0, -80), (50, -90)], lighter(col, 0.15))
    p.poly([(-44, -18), (0, -8), (0, -74), (-44, -82)], (250, 248, 240), outline=False)
    p.poly([(44, -18), (0, -8), (0, -74), (44, -82)], (250, 248, 240), outline=False)
    for k in range(4):
        p.line([(-36, -66 + k * 12), (-8, -60 + k * 12)], (170, 170, 180), 1)
        p.line([(8, -60 + k * 12), (36, -66 + k * 12)], (170, 170, 180), 1)


def _cardboard(p: Pen, color: RGB | None) -> None:
    col = color or (200, 160, 110)
    p.rect(-60, -70, 60, 0, col)
    p.poly([(-60, -70), (-80, -96), (-20, -90), (0, -70)], lighter(col, 0.15))
    p.poly([(60, -70), (76, -92), (30, -94), (0, -70)], darker(col, 0.9))
    p.line([(-40, -40), (-10, -30), (20, -44)], darker(col, 0.6), 1.2)
    p.rect(-20, -46, 20, -14, (40, 34, 38), r=2)  # the open side


def _gift(p: Pen, color: RGB | None) -> None:
    col = color or (90, 150, 230)
    p.rect(-40, -70, 40, 0, col)
    p.rect(-44, -80, 44, -66, lighter(col, 0.2))
    p.rect(-6, -80, 6, 0, (240, 80, 110), outline=False)
    for s in (-1, 1):
        p.ell(s * 12, -88, 12, 8, (240, 80, 110))


def _teddy(p: Pen, color: RGB, dx: float = 0.0, dy: float = 0.0) -> None:
    """A brown teddy bear sitting up: ears, head with snout, round belly, stubby paws."""
    for x in (-26, 26):
        p.ell(dx + x, dy - 96, 11, 11, color)
    p.ell(dx, dy - 36, 34, 36, color)
    p.ell(dx, dy - 30, 18, 20, lighter(color, 0.35), outline=False)
    for x in (-28, 28):
        p.ell(dx + x, dy - 10, 13, 10, darker(color, 0.9))
    p.ell(dx, dy - 80, 30, 26, color)
    p.ell(dx, dy - 72, 11, 8, lighter(color, 0.35))
    p.ell(dx, dy - 76, 4, 3, INK, outline=False)
    for x in (-11, 11):
        p.ell(dx + x, dy - 88, 3.5, 3.5, INK, outline=False)


def _toy(p: Pen, color: RGB | None) -> None:
    """A favourite toy: a small teddy bear held close."""
    _teddy(p, color or (176, 120, 72))


def _toy_car(p: Pen, color: RGB | None) -> None:
    """A toy car: the car drawn small (the vocabulary's size), with a wind-up key on its roof."""
    _car(p, color or (60, 120, 220))
    p.rect(-4, -96, 4, -80, (170, 176, 186), outline=False)
    p.ell(0, -100, 12, 6, (170, 176, 186))


def _broken_toy_car(p: Pen, color: RGB | None) -> None:
    """A broken toy car on the floor: a crack across its body, a wheel come off and rolled away, its key fallen."""
    body = color or (60, 120, 220)
    _car(p, body)
    p.ell(60, -16, 17, 17, body, outline=False)  # the front wheel is gone: its arch stands empty
    p.line([(-6, -80), (6, -60), (-8, -44), (4, -20)], INK, 4)  # the crack across the body
    p.ell(132, -16, 16, 16, (36, 34, 40))  # the wheel, rolled away
    p.ell(132, -16, 8, 8, (200, 200, 210))
    p.rect(112, -6, 130, 0, (170, 176, 186), outline=False)  # the wind-up key, fallen off


def _broken_toy(p: Pen, color: RGB | None) -> None:
    """A broken toy on the floor: the teddy's head torn off and lying apart, stuffing spilling, a crack mark."""
    col = color or (176, 120, 72)
    p.ell(-30, -34, 32, 30, col)  # the body, fallen over
    p.ell(-30, -30, 16, 16, lighter(col, 0.35), outline=False)
    for x in (-56, -4):
        p.ell(x, -10, 12, 9, darker(col, 0.9))
    for x, y in ((-2, -58), (8, -50), (-8, -66)):  # the stuffing out of the torn neck
        p.ell(x, y, 8, 6, WHITE)
    p.ell(52, -24, 26, 22, col)  # the head, rolled away
    for x in (34, 70):
        p.ell(x, -44, 9, 9, col)
    p.ell(52, -16, 9, 6, lighter(col, 0.35))
    for x in (43, 61):
        p.line([(x - 4, -30), (x + 4, -26)], INK, 2)  # crossed-out eyes
        p.line([(x - 4, -26), (x + 4, -30)], INK, 2)
    p.line([(14, -96), (6, -82), (18, -76), (8, -62)], INK, 3)  # the crack mark between the pieces


def _coin(p: Pen, x: float, y: float) -> None:
    """A gold coin dropping into a slot, with its speed lines."""
    p.ell(x, y, 9, 9, GOLD)
    p.line([(x, y - 5), (x, y + 5)], darker(GOLD, 0.6), 1)
    for dx in (-6, 6):
        p.line([(x + dx, y - 22), (x + dx, y - 14)], darker(GOLD, 0.7), 1)


def _piggy_bank(p: Pen, color: RGB | None) -> None:
    """A pink piggy bank (snout, ear, legs, curly tail) with a coin dropping into its slot."""
    pink = color or (246, 160, 180)
    for x in (-24, 20):
        p.rect(x - 7, -20, x + 7, 0, darker(pink, 0.85), r=2)
    p.ell(-42, -44, 6, 4, None)  # the curly tail
    p.ell(0, -40, 44, 30, pink)
    p.poly([(-18, -62), (-8, -80), (2, -64)], darker(pink, 0.9))  # the ear
    p.ell(40, -38, 10, 11, lighter(pink, 0.2))  # the snout
    for dy in (-42, -34):
        p.ell(41, dy, 2.2, 2.2, darker(pink, 0.5), outline=False)
    p.ell(20, -52, 3, 3, (40, 30, 36), outline=False)  # the eye
    p.rect(-10, -72, 10, -66, darker(pink, 0.55), outline=False)  # the slot
    _coin(p, 0, -84)


def _coin_jar(p: Pen, color: RGB | None) -> None:
    """A glass jar half full of gold coins, its lid off, a coin dropping in."""
    glass = color or (200, 230, 240)
    p.rect(-34, -86, 34, 0, glass, r=6)
    p.rect(-30, -44, 30, -4, darker(GOLD, 0.9), r=4, outline=False)  # the coins inside
    for x, y in ((-18, -40), (0, -46), (18, -40), (-9, -26), (9, -26)):
        p.ell(x, y, 8, 5, GOLD)
    p.line([(-22, -78), (-22, -54)], (250, 252, 255), 2)  # the glass's shine
    p.rect(-38, -92, 38, -84, (170, 176, 186), r=2)  # the rim
    _coin(p, 0, -108)


def _weights(p: Pen, color: RGB | None) -> None:
    """A dumbbell held by its grip: a steel bar and a stack of plates at each end."""
    plate = color or (52, 54, 64)
    p.rect(-62, -36, 62, -26, (196, 200, 210), r=3)
    for s in (-1, 1):
        p.rect(s * 30 - 9, -70, s * 30 + 9, 8, plate, r=4)
        p.rect(s * 48 - 7, -60, s * 48 + 7, -2, lighter(plate, 0.2), r=3)


def _christmas_tree(p: Pen, color: RGB | None) -> None:
    """A fir in three tiers with baubles, a garland and a gold star, on its trunk."""
    green = color or (46, 140, 70)
    p.rect(-9, -22, 9, 0, (120, 78, 44))
    for k, (w, top, base) in enumerate(((56, -96, -20), (44, -140, -70), (32, -180, -116))):
        p.poly([(-w, base), (0, top), (w, base)], lighter(green, 0.08 * k))
    p.line([(-40, -42), (30, -60)], GOLD, 2.2)
    p.line([(-28, -92), (22, -108)], GOLD, 2.2)
    for x, y, c in ((-30, -32, (220, 50, 60)), (24, -40, (80, 140, 230)), (-6, -58, (250, 210, 60)),
                    (-20, -84, (80, 140, 230)), (16, -90, (220, 50, 60)), (-2, -124, (250, 210, 60)),
                    (12, -140, (220, 50, 60)), (-12, -150, (80, 140, 230))):
        p.ell(x, y, 5, 5, c)
    p.poly(star_pts(0, -186, 14), GOLD)


def _lanterns(p: Pen, color: RGB | None) -> None:
    """Two red paper lanterns hanging on their cords, gold caps and tassels."""
    red = color or (218, 36, 40)
    for x in (-60, 60):
        p.line([(x, -120), (x, -92)], (60, 40, 30), 1.4)
        p.rect(x - 12, -94, x + 12, -86, GOLD, r=2)
        p.ell(x, -64, 34, 24, red)
        for dx in (-18, 0, 18):
            p.line([(x + dx * 0.8, -86), (x + dx, -64), (x + dx * 0.8, -42)], darker(red, 0.75), 1.0)
        p.rect(x - 12, -42, x + 12, -34, GOLD, r=2)
        for dx in (-4, 0, 4):
            p.line([(x + dx, -34), (x + dx, -12)], (240, 60, 50), 1.6)


def _company_sign(p: Pen, color: RGB | None) -> None:
    """A company's sign on two posts: a bright panel with a round logo (a parcel with a speed swoosh)
    and the name as bold white bars."""
    brand = color or (245, 120, 40)
    for x in (-80, 80):
        p.rect(x - 5, -60, x + 5, 0, (90, 92, 100))
    p.rect(-112, -112, 112, -52, brand, r=8)
    p.rect(-104, -104, 104, -60, lighter(brand, 0.18), r=6, outline=False)
    p.ell(-74, -82, 22, 22, WHITE)
    p.rect(-84, -92, -64, -72, (190, 130, 70), r=2)  # the parcel
    p.line([(-84, -82), (-64, -82)], (140, 90, 50), 1.5)
    for k, dy in enumerate((-96, -82, -68)):
        p.line([(-112 + 4 * k, dy), (-100 + 4 * k, dy)], WHITE, 2.5)  # speed lines
    for y, w in ((-92, 140), (-74, 104)):
        p.rect(-40, y - 6, -40 + w, y + 6, WHITE, r=4, outline=False)
    p.poly(star_pts(96, -112, 12), GOLD)


def _confetti(p: Pen, color: RGB | None) -> None:
    rng = random.Random(5)
    cols = [(255, 90, 120), (90, 170, 250), (255, 220, 80), (120, 210, 120), (200, 130, 240)]
    for _ in range(70):
        x, y, a = rng.uniform(-160, 160), rng.uniform(-100, 0), rng.uniform(0, math.pi)
        c, s = math.cos(a) * 4, math.sin(a) * 4
        p.poly([(x - c, y - s), (x + s, y - c), (x + c, y + s), (x - s, y + c)], rng.choice(cols), outline=False)


def _food_stall(p: Pen, color: RGB | None) -> None:
    """A street food stall seen from the customer's side: counter, steaming pots, a striped awning on two
    posts; as a rig its vendor stands behind the counter (the awning above their ears)."""
    stripe = color or (230, 60, 60)
    wood = (176, 120, 72)
    for x in (-66, 66):
        p.rect(x - 4, -142, x + 4, -50, (120, 84, 52))
    p.rect(-70, -52, 70, 0, wood)
    p.rect(-74, -58, 74, -50, lighter(wood, 0.25))
    for k in range(4):
        p.line([(-66, -40 + k * 11), (66, -40 + k * 11)], darker(wood, 0.8), 1.2)
    p.rect(-30, -36, 30, -14, (250, 240, 210), r=3)  # the price board
    for y in (-30, -20):
        p.line([(-22, y), (22, y)], (200, 60, 60), 2)
    for x, col in ((-46, (200, 200, 210)), (46, (90, 90, 100))):  # two steaming pots on the counter
        p.rect(x - 13, -74, x + 13, -58, col, r=3)
        p.ell(x, -74, 13, 4, darker(col, 0.85))
        for k in (-5, 5):
            p.line([(x + k, -82), (x + k + 4, -92), (x + k, -102)], (255, 255, 255, 170), 1.4)
    p.poly([(-84, -142), (84, -142), (74, -160), (-74, -160)], stripe)  # the awning
    for k in range(7):
        x0 = -84 + k * 24
        if k % 2 == 0:
            p.poly([(x0, -142), (x0 + 24, -142), (x0 + 22, -160), (x0 + 2, -160)], WHITE, outline=False)
    for k in range(7):  # the scalloped edge
        p.ell(-72 + k * 24, -142, 12, 6, stripe if k % 2 else WHITE)
    p.ell(0, -8, 66, 6, (0, 0, 0, 40), outline=False)


def _serving_tray(p: Pen, color: RGB | None) -> None:
    """A waiter's round tray, carried flat: a silver dome and a plate of food with steam."""
    metal = color or (200, 204, 214)
    p.ell(0, -10, 56, 10, metal)
    p.ell(0, -12, 48, 7, lighter(metal, 0.35), outline=False)
    p.ell(-22, -18, 18, 5, WHITE)  # a plate with a fish on it
    p.poly([(-34, -22), (-14, -27), (-6, -21), (-14, -17)], (240, 150, 90))
    p.poly([(-34, -22), (-40, -27), (-40, -17)], (240, 150, 90))
    p.poly([(4, -16), (44, -16), (40, -22), (8, -22)], darker(metal, 0.8))  # the dome
    p.arc(24, -18, 20, 180, 360, 2, fill=metal)
    p.ell(24, -40, 4, 3, darker(metal, 0.7))
    p.ell(18, -30, 4, 5, WHITE, outline=False)
    for k in (-28, -18):
        p.line([(k, -28), (k + 4, -40), (k, -52)], (255, 255, 255, 170), 1.4)


def _coffee_cup(p: Pen, color: RGB | None) -> None:
    """A takeaway coffee: a paper cup with a lid, a brown sleeve and a curl of steam."""
    cup = color or (250, 248, 240)
    p.poly([(-30, -86), (30, -86), (22, 0), (-22, 0)], cup)
    p.poly([(-29, -66), (29, -66), (26, -34), (-26, -34)], (150, 96, 60))  # the sleeve
    p.ell(0, -50, 9, 9, (250, 230, 200), outline=False)
    p.rect(-36, -98, 36, -84, (60, 56, 60), r=4)  # the lid
    p.rect(-20, -104, 20, -96, (60, 56, 60), r=3)
    for k in (-8, 8):
        p.line([(k, -110), (k + 6, -122), (k, -136)], (255, 255, 255, 180), 2)


def _wine_glass(p: Pen, color: RGB | None) -> None:
    """A glass of wine: a round clear bowl half full of red wine on a thin stem and a flat foot, a shine on the
    glass."""
    wine = color or (150, 26, 56)
    p.ell(0, -2, 24, 5, (236, 244, 248))  # the foot
    p.rect(-3, -54, 3, -2, (236, 244, 248), r=2)  # the stem
    p.poly([(-30, -128), (30, -128), (28, -88), (16, -62), (0, -54), (-16, -62), (-28, -88)], (236, 244, 248))  # bowl
    p.poly([(-28, -92), (28, -92), (16, -64), (0, -57), (-16, -64)], wine, outline=False)  # the wine in it
    p.ell(0, -92, 28, 4, darker(wine, 0.8), outline=False)  # its surface
    p.line([(-20, -120), (-21, -98)], (255, 255, 255, 170), 3)  # the shine on the glass


def _bubble_tea(p: Pen, color: RGB | None) -> None:
    """A bubble tea: a clear cup of milky tea with black tapioca pearls at its bottom, a domed lid and a fat
    straw."""
    tea = color or (214, 170, 120)
    p.poly([(-30, -86), (30, -86), (22, 0), (-22, 0)], (236, 244, 248))  # the clear cup
    p.poly([(-28, -76), (28, -76), (22.5, -4), (-22.5, -4)], tea, outline=False)  # the milk tea in it
    for k, (x, y) in enumerate(((-14, -10), (-4, -9), (6, -10), (15, -11), (-10, -19), (1, -19), (12, -20),
                                (-16, -27), (-5, -28), (7, -28), (17, -27))):  # the pearls
        p.ell(x, y, 4.6, 4.6, (46, 30, 26), outline=False)
        if k % 3 == 0:
            p.ell(x - 1.5, y - 1.5, 1.2, 1.2, (150, 120, 110), outline=False)
    p.line([(-22, -70), (-18, -16)], (255, 255, 255, 150), 3)  # the shine on the plastic
    p.arc(0, -86, 32, 180, 360, 3)  # the domed lid
    p.ell(0, -86, 32, 5, (236, 244, 248))
    p.stroke([(6, -70), (16, -136)], (240, 110, 150), 9)  # the fat straw


def _handbag(p: Pen, color: RGB | None) -> None:
    """A designer handbag: a glossy trapezoid with a gold clasp, a chain handle and a shine."""
    col = color or (230, 80, 130)
    p.arc(0, -62, 28, 180, 360, 4)
    p.poly([(-44, -62), (44, -62), (52, 0), (-52, 0)], col)
    p.poly([(-44, -62), (44, -62), (40, -40), (-40, -40)], darker(col, 0.8))  # the flap
    p.rect(-9, -46, 9, -32, GOLD, r=2)
    p.ell(0, -39, 3, 3, darker(GOLD, 0.6), outline=False)
    p.line([(-34, -24), (-20, -10)], lighter(col, 0.5), 3)
    p.poly(star_pts(40, -70, 8), WHITE, outline=False)


def _necklace(p: Pen, color: RGB | None) -> None:
    """A necklace dangling from the paw: a loop of gold beads and a big diamond pendant that sparkles."""
    chain = color or GOLD
    for k in range(15):
        t = math.pi * k / 14
        p.ell(-34 * math.cos(t), -100 + 62 * math.sin(t), 5, 5, chain)
    p.poly([(0, -40), (16, -22), (0, 0), (-16, -22)], (190, 235, 255))  # the pendant
    p.poly([(0, -40), (6, -22), (0, 0)], WHITE, outline=False)
    for x, y, r in ((26, -14, 10), (-30, -40, 8), (30, -70, 8)):
        p.poly(star_pts(x, y, r), WHITE, outline=False)


def _newspaper(p: Pen, color: RGB | None) -> None:
    """A newspaper held open: a bold black headline, a photo of a cat and columns of text."""
    paper = color or (244, 240, 228)
    p.poly([(-56, -96), (0, -90), (0, 0), (-56, -6)], paper)
    p.poly([(56, -96), (0, -90), (0, 0), (56, -6)], darker(paper, 0.93))
    p.rect(-48, -86, 48, -70, (30, 30, 36), outline=False)  # the headline
    p.rect(-48, -64, -8, -30, (170, 190, 210))  # the photo: a cat's head
    p.ell(-28, -44, 10, 9, (235, 140, 50), outline=False)
    for s in (-1, 1):
        p.poly([(-28 + s * 9, -48), (-28 + s * 8, -58), (-28 + s * 3, -51)], (235, 140, 50), outline=False)
    for k in range(6):
        p.line([(4, -60 + k * 9), (48, -60 + k * 9)], (130, 130, 140), 1.2)
    for k in range(2):
        p.line([(-48, -22 + k * 8), (-8, -22 + k * 8)], (130, 130, 140), 1.2)


def _yacht(p: Pen, color: RGB | None) -> None:
    """A white luxury yacht on a strip of sea: a long hull with a stripe, the cabin and mast aft (behind
    its owner, toward the frame's edge) and an open foredeck where the owner stands when it is their rig."""
    hull = color or (250, 250, 252)
    p.rect(-98, -14, 98, 4, (70, 140, 210), outline=False)  # the water
    for x in range(-84, 85, 28):
        p.arc(x, -12, 8, 200, 340, 2)
    p.poly([(-90, -96), (-50, -96), (-40, -58), (-90, -58)], hull)  # the cabin, two decks
    p.poly([(-86, -122), (-62, -122), (-54, -96), (-86, -96)], hull)
    for x in (-84, -70):
        p.rect(x, -88, x + 10, -72, (60, 90, 130), r=2)
    p.rect(-80, -116, -66, -104, (60, 90, 130), r=2)
    p.line([(-74, -122), (-74, -150)], (120, 120, 130), 2)
    p.poly([(-74, -150), (-54, -144), (-74, -138)], (230, 60, 60))
    p.poly([(-94, -58), (98, -58), (72, -10), (-82, -10)], hull)
    p.line([(-88, -36), (86, -36)], (40, 90, 180), 5)
    p.line([(-36, -68), (92, -68)], (170, 175, 185), 1.6)  # the rail
    for x in range(-30, 92, 20):
        p.line([(x, -68), (x, -58)], (170, 175, 185), 1.4)
    p.poly(star_pts(76, -48, 7), WHITE, outline=False)


def _pirate_ship(p: Pen, color: RGB | None) -> None:
    """A pirate ship on a strip of sea: a dark wooden hull with planks and portholes, the mast aft with a big patched
    sail and the black flag with its skull; the foredeck open where its captain stands when it is their rig."""
    wood = color or (120, 78, 44)
    p.rect(-98, -14, 98, 4, (60, 120, 190), outline=False)  # the water
    for x in range(-84, 85, 28):
        p.arc(x, -12, 8, 200, 340, 2)
    p.line([(-60, -58), (-60, -178)], darker(wood, 0.7), 4)  # the mast, aft
    p.poly([(-92, -164), (-28, -164), (-22, -86), (-96, -86)], (245, 238, 220))  # the sail
    p.line([(-58, -150), (-44, -132)], (200, 190, 170), 1.4)
    p.rect(-84, -118, -70, -104, (225, 215, 195), outline=False)  # a patch
    p.poly([(-60, -178), (-28, -172), (-60, -160)], (30, 30, 34))  # the black flag
    p.ell(-48, -171, 3.4, 3.0, WHITE, outline=False)  # its skull
    p.line([(-53, -165), (-43, -167)], WHITE, 1.2)
    p.poly([(-98, -64), (98, -58), (72, -10), (-82, -10)], wood)  # the hull
    for y in (-46, -32, -20):
        p.line([(-88 + (y + 64) * 0.25, y), (90 - (y + 58) * 0.5, y)], darker(wood, 0.75), 1.4)
    for x in (-50, -10, 30):
        p.ell(x, -40, 5, 5, (40, 40, 46))
        p.ell(x, -40, 5, 5, None, width=1.4)
    p.line([(-36, -70), (94, -66)], darker(wood, 0.8), 2)  # the rail
    for x in range(-30, 92, 20):
        p.line([(x, -69), (x, -59)], darker(wood, 0.8), 1.6)


def _fishing_boat(p: Pen, color: RGB | None) -> None:
    """A little fishing boat on a strip of sea: a red hull with its white stripe, the wheelhouse aft, a short mast
    with a furled sail, a lifebuoy on the side and a net hung over the rail."""
    hull = color or (200, 62, 52)
    p.rect(-98, -14, 98, 4, (60, 120, 190), outline=False)  # the water
    for x in range(-84, 85, 28):
        p.arc(x, -12, 8, 200, 340, 2)
    p.line([(20, -58), (20, -150)], (120, 84, 52), 4)  # the mast and its furled sail
    p.poly([(22, -140), (70, -70), (24, -70)], (236, 226, 200))
    p.rect(-80, -104, -30, -58, (236, 232, 220))  # the wheelhouse
    p.rect(-84, -112, -26, -102, (60, 110, 160))
    p.rect(-70, -96, -42, -76, (150, 196, 226))
    p.poly([(-98, -62), (98, -66), (76, -10), (-82, -10)], hull)  # the hull
    p.line([(-92, -50), (92, -54)], WHITE, 3)
    p.ell(44, -38, 9, 9, (236, 80, 70))  # the lifebuoy
    p.ell(44, -38, 4, 4, hull, outline=False)
    for x in range(-20, 12, 8):  # the net over the rail
        p.line([(x, -66), (x + 4, -40)], (226, 214, 180), 1.2)


def _treasure_chest(p: Pen, color: RGB | None) -> None:
    """An open treasure chest heaped with gold coins: a wooden box with gold bands and a lock, the lid thrown back,
    coins spilling on the ground, sparkles over it."""
    wood = color or (140, 86, 44)
    p.poly([(-52, -58), (52, -58), (46, -104), (-46, -104)], darker(wood, 0.8))  # the lid, thrown back
    p.line([(-49, -81), (49, -81)], GOLD, 4)
    for x, y in ((-30, -64), (-12, -70), (8, -68), (26, -64), (-20, -58), (0, -60), (18, -57), (-38, -58), (36, -58)):
        p.ell(x, y, 9, 6, GOLD)  # the heap of coins
        p.ell(x, y, 4.5, 2.6, lighter(GOLD, 0.35), outline=False)
    p.rect(-54, -58, 54, 0, wood, r=3)  # the box
    for x in (-40, 40):
        p.rect(x - 4, -58, x + 4, 0, GOLD, outline=False)
    p.rect(-54, -60, 54, -52, GOLD, outline=False)
    p.rect(-8, -46, 8, -30, GOLD, r=2)  # the lock
    p.ell(0, -38, 2.2, 3, darker(GOLD, 0.5), outline=False)
    for x, y in ((-70, -6), (66, -4), (78, -12)):
        p.ell(x, y, 8, 4.5, GOLD)
    for x, y, r in ((-36, -96, 7.0), (30, -104, 9.0), (58, -78, 6.0)):
        p.poly(star_pts(x, y, r, inner=0.3, n=4), (255, 248, 200), outline=False)


def _treasure_map(p: Pen, color: RGB | None) -> None:
    """An old treasure map unrolled: yellowed parchment curled at both ends, an island, a dashed trail and a big red X."""
    paper = color or (236, 214, 160)
    p.rect(-56, -70, 56, -4, paper, r=2)
    for x in (-56, 56):  # the rolled ends
        p.rect(x - 6, -74, x + 6, 0, darker(paper, 0.85), r=5)
    p.ell(-10, -36, 30, 18, (140, 190, 110), outline=False)  # the island
    p.ell(-10, -36, 30, 18, None, width=1.2)
    for k in range(5):  # the trail
        x = -34 + k * 9
        p.line([(x, -30 + (k % 2) * 4), (x + 5, -32 + (k % 2) * 4)], (150, 70, 40), 1.6)
    p.line([(14, -48), (28, -34)], (220, 40, 40), 4)
    p.line([(28, -48), (14, -34)], (220, 40, 40), 4)


def _easel(p: Pen, color: RGB | None) -> None:
    """An artist's easel with a bright painting on it (sun, hills) and a palette hung on its leg."""
    wood = (160, 110, 64)
    p.line([(0, 0), (26, -110)], wood, 4)
    p.line([(52, 0), (26, -110)], wood, 4)
    p.line([(26, -100), (30, 0)], darker(wood, 0.8), 3)
    p.rect(2, -102, 56, -48, WHITE)  # the canvas
    p.rect(6, -98, 52, -52, color or (150, 205, 245), outline=False)
    p.ell(40, -86, 7, 7, (255, 210, 60), outline=False)
    p.poly([(6, -52), (6, -66), (22, -78), (38, -62), (52, -70), (52, -52)], (90, 180, 100), outline=False)
    p.rect(-2, -50, 60, -44, wood)
    p.ell(6, -24, 16, 11, (240, 220, 180))  # the palette
    for x, y, col in ((0, -28, (230, 60, 60)), (8, -30, (60, 120, 230)), (14, -22, (255, 210, 60))):
        p.ell(x, y, 3, 3, col, outline=False)


def _fire_hose(p: Pen, color: RGB | None) -> None:
    """A fire hose held out front: the coil hanging below the paw, a brass nozzle, a jet of water."""
    red = color or (214, 52, 44)
    p.stroke([(-30, -40), (-40, -20), (-20, -4), (10, -8), (6, -26)], red, 9)  # the hose, hanging in a loop
    p.poly([(-34, -46), (8, -50), (8, -30), (-34, -34)], red)  # the hose in the paw
    p.poly([(8, -48), (30, -44), (30, -36), (8, -32)], (214, 170, 70))  # the brass nozzle
    water = (150, 210, 255, 220)
    for k, (dy, reach) in enumerate(((-4, 100), (0, 120), (4, 96))):
        p.line([(32, -40 + dy), (60, -46 + dy * 2), (reach, -44 + dy * 4 + k * 3)], water, 5 - k)
    for x, y in ((88, -58), (104, -30), (118, -50), (96, -22)):
        p.ell(x, y, 4, 4, (190, 230, 255), outline=False)


def _flames(p: Pen, scale: float = 1.0, dx: float = 0.0, dy: float = 0.0) -> None:
    """Tongues of flame, outer red, orange, inner yellow, about ``100 * scale`` units tall."""
    for col, w, h in (((230, 60, 40), 1.0, 1.0), ((250, 140, 40), 0.72, 0.78), ((255, 225, 90), 0.42, 0.5)):
        for k, x in enumerate((-0.6, -0.3, 0.0, 0.3, 0.6)):
            top = (0.65 if k % 2 else 1.0) * h * (0.85 if abs(x) > 0.4 else 1.0)
            xs, ys = dx + x * 50 * w * scale, dy
            p.poly([(xs - 16 * w * scale, ys), (xs - 10 * w * scale, ys - 40 * top * scale),
                    (xs + x * 8 * scale, ys - 100 * top * scale), (xs + 12 * w * scale, ys - 46 * top * scale),
                    (xs + 16 * w * scale, ys)], col, outline=col == (230, 60, 40))


def _fire(p: Pen, color: RGB | None) -> None:
    for k, (x, y, r) in enumerate(((-10, -128, 16), (14, -146, 20), (-4, -168, 24))):  # smoke
        p.ell(x, y, r, r * 0.8, (110, 110, 120, 150 - k * 30), outline=False)
    _flames(p)
    for x in (-34, 0, 30):  # logs or embers at its foot
        p.ell(x, -4, 14, 5, (120, 60, 40))
    p.ell(0, -2, 48, 4, (255, 170, 60, 120), outline=False)


def _burning_house(p: Pen, color: RGB | None) -> None:
    wall = color or (236, 214, 180)
    for k, (x, y, r) in enumerate(((-30, -150, 20), (0, -172, 26), (30, -150, 20))):  # smoke
        p.ell(x, y, r, r * 0.8, (100, 100, 110, 160 - k * 20), outline=False)
    p.rect(-46, -62, 46, 0, wall)
    p.poly([(-54, -60), (0, -100), (54, -60)], (170, 80, 60))
    p.rect(-10, -30, 10, 0, (130, 90, 60))
    for x in (-30, 30):  # windows lit by the fire inside
        p.rect(x - 9, -48, x + 9, -32, (255, 170, 60))
    _flames(p, 0.5, -32, -40)
    _flames(p, 0.5, 30, -40)
    _flames(p, 0.7, 14, -80)


def _flag(p: Pen, color: RGB | None) -> None:
    cloth = color or (220, 50, 60)
    p.rect(-3, -100, 3, 0, (150, 150, 160))
    p.ell(0, -102, 4.5, 4.5, GOLD)
    wave = [(3, -96), (26, -102), (50, -94), (74, -100), (74, -60), (50, -54), (26, -62), (3, -56)]
    p.poly(wave, cloth)
    p.poly(star_pts(36, -78, 11), (255, 225, 80) if sum(cloth) < 600 else (220, 50, 60), outline=False)


# things two pets fight over at home (a quarrel's sofa, pillow, windowsill, wheel, kite, remote, yarn)
def _sofa(p: Pen, color: RGB | None) -> None:
    """A sofa: a high back, two rolled arms, two seat cushions, short legs."""
    col = color or (200, 92, 80)
    p.rect(-96, -96, 96, -40, darker(col, 0.85), r=14)  # the back
    p.rect(-90, -52, 90, -20, col, r=8)  # the seat
    p.line([(0, -50), (0, -22)], darker(col, 0.7), 2)  # between the two cushions
    for x in (-100, 100):
        p.rect(x - 14, -70, x + 14, -16, lighter(col, 0.1), r=10)  # the rolled arms
    for x in (-86, 86):
        p.rect(x - 5, -16, x + 5, 0, (110, 74, 50))


def _pet_bed(p: Pen, color: RGB | None) -> None:
    """A round pet bed (a cushion, a pillow): a padded rim around a soft hollow."""
    col = color or (120, 150, 210)
    p.ell(0, -26, 70, 26, col)  # the padded rim
    p.ell(0, -30, 52, 14, lighter(col, 0.4))  # the soft hollow
    p.line([(-40, -12), (-20, -8)], darker(col, 0.75), 1.6)


def _perch(p: Pen, color: RGB | None) -> None:
    """A cat perch: a rope-wrapped post on a wooden base, a round platform with a cushion on top, a toy ball
    dangling from its edge on a string."""
    wood = color or (176, 122, 80)
    p.rect(-56, -12, 56, 0, wood, r=3)  # the base
    p.rect(-9, -128, 9, -12, (222, 196, 150))  # the sisal post
    for y in range(-122, -14, 9):
        p.line([(-9, y + 6), (9, y)], (170, 140, 96), 1.0)
    p.ell(0, -132, 50, 11, wood)  # the platform
    p.ell(0, -140, 40, 9, (236, 120, 130))  # its cushion
    p.line([(38, -130), (40, -98)], INK, 0.8)
    p.ell(40, -92, 7, 7, (250, 210, 70))


def _washing_machine(p: Pen, color: RGB | None) -> None:
    """A washing machine: a white box with its control panel and dial, a round glass door with the suds and
    clothes going round behind it."""
    body = color or (238, 240, 244)
    p.rect(-46, -118, 46, 0, body, r=5)
    p.rect(-46, -118, 46, -96, darker(body, 0.9), r=5)  # the control panel
    p.ell(26, -107, 6, 6, (180, 186, 196))  # the dial
    for x in (-34, -22):
        p.ell(x, -107, 2.5, 2.5, (90, 180, 120), outline=False)
    p.ell(0, -50, 34, 34, (150, 156, 166))  # the door's rim
    p.ell(0, -50, 26, 26, (140, 200, 240))  # the glass, water behind it
    p.poly([(-20, -44), (-6, -58), (8, -46), (20, -56), (18, -36), (-16, -34)], (236, 110, 120), outline=False)
    for x, y, r in ((-12, -64, 5), (4, -68, 4), (14, -62, 3)):
        p.ell(x, y, r, r, WHITE, outline=False)  # the suds
    p.arc(0, -50, 20, 200, 250, 2.2, fill=WHITE)  # the glass's shine
    p.rect(-40, -4, -30, 0, darker(body, 0.7))
    p.rect(30, -4, 40, 0, darker(body, 0.7))


def _soapy_car(p: Pen, color: RGB | None) -> None:
    """A car being washed: the car under heaps of suds and bubbles, a bucket of soapy water by its front wheel."""
    _car(p, color)
    for x, y, r in ((-60, -50, 14), (-42, -56, 11), (-20, -82, 12), (0, -86, 14), (20, -82, 11), (70, -46, 13),
                    (-80, -30, 10), (40, -30, 9)):
        p.ell(x, y, r, r * 0.8, WHITE)
    for x, y, r in ((-30, -104, 5), (14, -112, 4), (50, -98, 6), (-70, -76, 4), (84, -70, 5)):
        p.ell(x, y, r, r, (220, 240, 255, 160))
    p.poly([(96, -40), (132, -40), (128, 0), (100, 0)], (70, 140, 220))  # the bucket
    p.arc(114, -40, 18, 180, 360, 1.6, ry=16)  # its handle
    for x, r in ((104, 7), (116, 8), (127, 6)):
        p.ell(x, -42, r, r * 0.7, WHITE)  # suds brimming over
    p.rect(104, -56, 124, -46, (250, 214, 70), r=3)  # the sponge on the rim


def _windowsill(p: Pen, color: RGB | None) -> None:
    """A sunny window: its frame and panes of sky, the sun in the glass, a wide sill and a warm patch of light."""
    frame = color or (245, 240, 228)
    p.rect(-70, -190, 70, -60, frame)
    p.rect(-60, -180, -4, -126, (170, 215, 245))
    p.rect(4, -180, 60, -126, (170, 215, 245))
    p.rect(-60, -118, -4, -70, (170, 215, 245))
    p.rect(4, -118, 60, -70, (170, 215, 245))
    p.ell(36, -158, 13, 13, (255, 214, 90))  # the sun in the glass
    p.rect(-88, -62, 88, -48, darker(frame, 0.9), r=3)  # the sill
    p.poly([(-60, -48), (60, -48), (84, 0), (-84, 0)], (255, 236, 160), outline=False)  # the warm light below
    p.rect(-78, -48, 78, 0, (150, 120, 96))  # the wall under the sill
    p.poly([(-50, -48), (50, -48), (66, -4), (-66, -4)], (210, 180, 120), outline=False)


def _hamster_wheel(p: Pen, color: RGB | None) -> None:
    """A hamster's running wheel on its stand: a rim, rungs, spokes to the hub."""
    col = color or (90, 190, 170)
    p.poly([(-50, 0), (-6, -56), (6, -56), (50, 0)], (200, 200, 210))  # the stand
    p.ell(0, -58, 52, 52, col, width=3)
    p.ell(0, -58, 44, 44, (250, 248, 240))
    for k in range(12):
        a = k * math.pi / 6
        p.line([(40 * math.cos(a), -58 + 40 * math.sin(a)), (50 * math.cos(a), -58 + 50 * math.sin(a))],
               darker(col, 0.7), 2)
    for k in range(4):
        a = k * math.pi / 4
        p.line([(-44 * math.cos(a), -58 - 44 * math.sin(a)), (44 * math.cos(a), -58 + 44 * math.sin(a))], col, 2)
    p.ell(0, -58, 6, 6, darker(col, 0.7))


def _kite(p: Pen, color: RGB | None) -> None:
    """A diamond kite with a cross of spars, a bow-tied tail and its string down to the paw."""
    col = color or (236, 70, 90)
    p.poly([(0, -104), (40, -68), (0, -26), (-40, -68)], col)
    p.poly([(0, -104), (40, -68), (0, -68)], lighter(col, 0.35), outline=False)
    p.poly([(0, -26), (-40, -68), (0, -68)], darker(col, 0.85), outline=False)
    p.line([(0, -104), (0, -26)], INK, 1.6)
    p.line([(-40, -68), (40, -68)], INK, 1.6)
    p.line([(0, -26), (-8, -18), (6, -10), (-4, -2)], INK, 1.4)  # the tail
    for x, y in ((-8, -18), (6, -10)):
        p.poly([(x - 6, y - 4), (x + 6, y + 4), (x + 6, y - 4), (x - 6, y + 4)], (255, 210, 70))
    p.line([(0, -50), (14, 0)], (120, 120, 120), 1.2)  # the string


def _remote(p: Pen, color: RGB | None) -> None:
    """A TV remote control: a long dark body, a red power button, rows of small buttons."""
    col = color or (52, 54, 64)
    p.rect(-16, -100, 16, 0, col, r=8)
    p.ell(0, -86, 6, 6, (230, 60, 60))
    for row in range(4):
        for x in (-7, 7):
            p.ell(x, -64 + row * 14, 4, 4, (200, 204, 214), outline=False)


def _yarn_ball(p: Pen, color: RGB | None) -> None:
    """A ball of yarn: wound strands across a round ball, a loose end trailing."""
    col = color or (226, 96, 140)
    p.ell(0, -44, 44, 44, col)
    for k in range(-2, 3):
        p.arc(k * 10, -44, 40, 200, 340, 1.6, ry=30 + abs(k) * 4, fill=darker(col, 0.75))
    p.arc(0, -44, 36, 110, 250, 1.6, ry=40, fill=lighter(col, 0.3))
    p.line([(40, -20), (62, -6), (80, -2)], col, 3)


def _carrot(p: Pen, color: RGB | None) -> None:
    """A carrot: an orange root tapering to a point, ridges, a green leafy top."""
    col = color or (240, 130, 40)
    for dx in (-8, 0, 8):
        p.poly([(dx, -84), (dx - 10, -108), (dx + 4, -100)], (80, 170, 70))
    p.poly([(-22, -86), (22, -86), (3, 0), (-3, 0)], col)
    for y in (-66, -46, -26):
        p.line([(-9, y), (-2, y + 2)], darker(col, 0.75), 1.5)


def _scissors(p: Pen, color: RGB | None) -> None:
    """A barber's tools, what a haircut is drawn with: open steel scissors with coloured finger rings, a comb
    beside them and a few snipped tufts of hair falling."""
    grip = color or (230, 70, 80)
    steel = (205, 210, 220)
    p.rect(18, -94, 30, -8, (60, 60, 72), r=4)  # the comb, upright behind
    for k in range(7):
        p.line([(30, -88 + k * 12), (40, -88 + k * 12)], (60, 60, 72), 2.2)
    p.poly([(-4, -46), (-40, -106), (-32, -110), (4, -52)], steel)  # the two blades, open
    p.poly([(-4, -46), (14, -108), (22, -104), (4, -40)], steel)
    for x, y in ((-16, -22), (14, -20)):
        p.line([(0, -46), (x, y - 8)], grip, 5.0)  # the shanks down to the rings
    p.ell(0, -46, 4, 4, (120, 120, 130))  # the pivot
    for x, y in ((-16, -22), (14, -20)):
        p.ell(x, y, 12, 11, grip)  # the finger rings
        p.ell(x, y, 6, 5.5, (250, 250, 250), outline=False)
    for x, y in ((-44, -60), (-52, -36), (40, -4)):
        p.line([(x, y), (x + 6, y + 8)], (120, 80, 50), 2.0)  # snipped tufts


def _card(p: Pen, color: RGB | None) -> None:
    """A greeting card, what a valentine, a birthday card or a love letter is drawn as: a folded pink card
    standing open, a big red heart on its front, lines of writing inside."""
    col = color or (250, 190, 205)
    p.poly([(0, -4), (-44, -14), (-44, -96), (0, -86)], lighter(col, 0.35))  # the inside leaf, written on
    for k in range(4):
        p.line([(-36, -76 + k * 14), (-8, -70 + k * 14)], (170, 120, 140), 1.2)
    p.poly([(0, -4), (46, -14), (46, -96), (0, -86)], col)  # the front
    p.poly(heart_pts(23, -52, 14), (225, 40, 70))
    p.ell(16, -60, 3, 2.5, WHITE, outline=False)


def _watermelon(p: Pen, color: RGB | None) -> None:
    """A watermelon: a big round green melon with dark stripes, a red slice with black seeds leaning on it."""
    rind = color or (70, 150, 70)
    p.ell(-8, -40, 44, 40, rind)
    for x in (-34, -18, 0, 18):
        p.line([(x, -76), (x + 4, -40), (x, -4)], darker(rind, 0.6), 3.0)
    p.poly([(14, 0), (62, 0), (38, -52)], (60, 140, 60))  # the slice: rind, white, red flesh
    p.poly([(20, -4), (56, -4), (38, -44)], (240, 80, 80), outline=False)
    for x, y in ((32, -14), (44, -14), (38, -26)):
        p.ell(x, y, 2, 3, (30, 30, 30), outline=False)


def _papers(p: Pen, color: RGB | None) -> None:
    """Signed papers, what a divorce or a contract is drawn as: two white sheets, one over the other, lines of type,
    a scrawled signature and a round red seal."""
    sheet = color or (252, 252, 248)
    p.poly([(-30, -8), (38, -2), (44, -100), (-24, -106)], darker(sheet, 0.92))  # the sheet behind, askew
    p.rect(-40, -104, 36, 0, sheet)
    for k in range(5):
        p.line([(-32, -92 + k * 11), (28 - (k % 2) * 14, -92 + k * 11)], (150, 150, 160), 1.4)
    p.line([(-30, -22), (-20, -30), (-12, -18), (-2, -28), (8, -20)], (40, 40, 90), 1.6)  # the signature
    p.ell(22, -20, 9, 9, (210, 40, 40), outline=False)  # the seal


DRAW: dict[str, DrawFn] = {
    "car": _car, "crowd": _crowd, "stage": _stage, "microphone": _microphone, "podium": _podium, "wok": _wok,
    "window-cleaning cradle": _cradle, "squeegee": _squeegee, "broom": _broom, "stop sign": _stop_sign, "placard": _placard, "dishes": _dishes,
    "delivery scooter": _scooter,
    "hospital bed": _hospital_bed, "classroom board": _board, "mansion gate": _gate, "office desk": _desk, "sewing machine": _sewing_machine, "tape measure": _tape_measure, "wrench": _wrench,
    "money": _money, "trophy": _trophy, "briefcase": _briefcase, "rocket": _rocket, "phone": _phone,
    "umbrella": _umbrella, "suitcase": _suitcase, "flowers": _flowers, "ring": _ring, "food bowl": _food_bowl,
    "bricks": _bricks, "cake": _cake, "book": _book, "cardboard box": _cardboard, "gift box": _gift, "toy": _toy, "toy car": _toy_car, "broken toy": _broken_toy,
    "broken toy car": _broken_toy_car,
    "weights": _weights, "piggy bank": _piggy_bank, "christmas tree": _christmas_tree, "lanterns": _lanterns,
    "confetti": _confetti, "company sign": _company_sign, "food stall": _food_stall, "serving tray": _serving_tray,
    "coffee cup": _coffee_cup, "handbag": _handbag, "necklace": _necklace, "newspaper": _newspaper, "yacht": _yacht,
    "easel": _easel, "fire hose": _fire_hose, "fire": _fire, "burning house": _burning_house, "flag": _flag,
    "sausages": _sausages, "fish": _fish, "bone": _bone, "noodles": _noodles, "dumplings": _dumplings, "steamed buns": _steamed_buns,
    "shoes": _shoes, "meat": _meat, "fishing net": _fishing_net, "ship's wheel": _ships_wheel,
    "medicine box": _medicine_box, "sled": _sled,
    "bread": _bread, "ice cream": _ice_cream, "plane": _plane, "train": _train, "oven": _oven, "queue": _queue,
    "tooth": _tooth, "game controller": _game_controller, "boxes": _boxes, "football": _football,
    "basketball": _basketball, "frisbee": _frisbee, "tennis racket": _tennis, "skateboard": _skateboard,
    "telescope": _telescope, "guitar": _guitar, "burger": _burger, "pizza": _pizza, "sushi": _sushi,
    "sofa": _sofa, "pet bed": _pet_bed, "windowsill": _windowsill, "perch": _perch, "washing machine": _washing_machine,
    "hamster wheel": _hamster_wheel, "kite": _kite,
    "remote control": _remote, "yarn ball": _yarn_ball, "carrot": _carrot, "scissors": _scissors, "card": _card, "watermelon": _watermelon, "signed papers": _papers,
    **figures.DRAW,
}
# rigs stand in front of their user, drawn in pet units at the pet's origin (prop units = pet units)
RIG_SCALE: dict[str, float] = {"sewing machine": 1.0, "car": 0.78, "delivery scooter": 0.9, "office desk": 1.0, "wok": 1.0,
                               "window-cleaning cradle": 1.0, "podium": 1.0, "hospital bed": 0.7, "food stall": 0.88, "yacht": 0.62,
                               "easel": 0.9}
RIG_OFFSET: dict[str, tuple[float, float]] = {"car": (-6, 6), "delivery scooter": (0, 4), "wok": (14, 0),
                                              "hospital bed": (0, 0), "food stall": (0, 4), "easel": (28, 0),
                                              "yacht": (-14, 8)}


# a prop's other drawings, by what its words name (``variants`` in vocabulary.json): a truck, a bus, a sports car
VARIANTS: dict[str, DrawFn] = {"soapy car": _soapy_car, "volleyball": _volleyball, "sports car": _sports_car, "truck": _truck, "bus": _bus, "taxi": _taxi, "bicycle": _bicycle, "bubble tea": _bubble_tea, "wine glass": _wine_glass,
                               "hot dog": _hot_dog,
                               "stunned crowd": _stunned_crowd, "crying crowd": _crying_crowd, "coin jar": _coin_jar,
                               "soup bowl": _soup_bowl, "fish dish": _fish_dish, "pirate ship": _pirate_ship, "fishing boat": _fishing_boat, "treasure chest": _treasure_chest,
                               "treasure box": _treasure_chest, "treasure map": _treasure_map}
# the crowds drawn as two groups, each of the animals its words name (``vocabulary.crowd_kind``)
_OF_A_KIND: dict[str, Callable[[Pen, RGB | None, str], None]] = {
    "onlookers": _onlookers, "stunned crowd": _stunned_crowd, "crying crowd": _crying_crowd,
    "laughing crowd": _laughing_crowd}

# a crowd as its place has it (``crowds`` in vocabulary.json); elsewhere the guests of ``_crowd``
CROWDS: dict[str, DrawFn] = {"onlookers": _onlookers, "audience": _audience, "fans": _fans,
                             "laughing crowd": _laughing_crowd}


def draw_prop(name: str, pen: Pen, color: RGB | None = None, kind: str = "") -> None:
    """The prop ``name`` drawn; a crowd of two groups as the animals ``kind`` names (hamsters, dogs)."""
    if kind and name in _OF_A_KIND:
        _OF_A_KIND[name](pen, color, kind)
        return
    (DRAW.get(name) or VARIANTS.get(name) or CROWDS[name])(pen, color)

# half-width and height in prop units, for the report's boxes
EXTENT: dict[str, tuple[float, float]] = {
    "weights": (62, 80), "piggy bank": (56, 110), "coin jar": (40, 132), "christmas tree": (56, 200), "lanterns": (94, 120),
    "car": (100, 82), "crowd": (170, 85), "stage": (158, 200), "hospital bed": (132, 150),
    "classroom board": (112, 102), "company sign": (116, 126), "mansion gate": (130, 130), "rocket": (46, 182), "confetti": (165, 104),
    "money": (66, 106), "cardboard box": (82, 98), "window-cleaning cradle": (64, 48), "delivery scooter": (86, 102),
    "office desk": (64, 88), "wok": (36, 110), "podium": (38, 92), "umbrella": (60, 128), "food bowl": (52, 86),
    "food stall": (88, 162), "serving tray": (58, 54), "coffee cup": (38, 138), "handbag": (54, 92),
    "necklace": (42, 106), "newspaper": (58, 98), "yacht": (100, 152), "easel": (62, 112),
    "fire hose": (122, 62), "onlookers": (180, 96), "stunned crowd": (180, 100), "crying crowd": (180, 96), "laughing crowd": (180, 96),
    "sausages": (50, 102), "fish": (30, 100), "bone": (46, 74), "noodles": (50, 104), "dumplings": (50, 90),
    "meat": (42, 104), "bread": (50, 102), "ice cream": (26, 104), "plane": (100, 66), "fire": (58, 194), "burning house": (58, 196), "flag": (78, 108), "audience": (180, 68),
    "sports car": (100, 72), "truck": (100, 100), "bus": (100, 96), "taxi": (100, 98), "bubble tea": (40, 140), "wine glass": (32, 130), "sewing machine": (66, 112), "tape measure": (30, 96), "wrench": (16, 100), "bicycle": (64, 80), "train": (160, 146),
    "oven": (48, 126), "queue": (112, 92), "broom": (22, 150), "stop sign": (30, 160), "placard": (64, 160), "dishes": (40, 74), "tooth": (46, 112), "game controller": (52, 74), "fans": (170, 72),
    "boxes": (52, 90), "football": (52, 102), "basketball": (52, 102), "frisbee": (96, 70), "tennis racket": (48, 112),
    "skateboard": (64, 52), "telescope": (56, 110), "guitar": (32, 142), "burger": (50, 90), "pizza": (72, 92),
    "sushi": (60, 44), "hot dog": (58, 40), "soup bowl": (52, 106), "fish dish": (58, 76), "pirate ship": (100, 180),
    "treasure chest": (90, 116), "treasure box": (90, 116), "treasure map": (66, 78),
    "sofa": (116, 98), "pet bed": (72, 54), "windowsill": (90, 192), "hamster wheel": (54, 112),
    "perch": (56, 144), "washing machine": (46, 118), "soapy car": (132, 116), "volleyball": (52, 102), "kite": (42, 110),
    "remote control": (18, 102), "yarn ball": (82, 90), "carrot": (24, 112), "fishing net": (40, 100),
    "ship's wheel": (50, 100), "fishing boat": (100, 152), "scissors": (58, 114), "card": (50, 100), "watermelon": (70, 84), "signed papers": (50, 112), **figures.EXTENT,
}
