"""Poses: where a pet's paws (and a kicking or upturned pet's legs) go for each action, and the marks that
make the action read at phone size (tears, shiver lines, zzz, music notes, confetti, speed lines, bubbles; a
drink flying and the target soaked in it, a stethoscope, snow kicked up, water round a swimmer, a fishing
rod; the gear of render.painter.gear). Drawn once into the sprite, never per frame. Pet units, +x = facing side."""

from __future__ import annotations

import math
import random
from functools import lru_cache

import numpy as np
from PIL import ImageFont

from render.painter.gear import draw_gear
from render.painter.geometry import INK, WHITE, Pen, Point, heart_pts, star_pts, with_alpha

# (front arm, back arm) paths after the shoulder; the front arm (+x) is on the side the pet faces
_ARMS: dict[str, tuple[list[Point], list[Point]]] = {
    "down": ([(21, -36), (23, -24)], [(-21, -36), (-23, -24)]),
    "swing": ([(23, -40), (30, -31)], [(-19, -36), (-14, -25)]),
    "run": ([(27, -52), (36, -60)], [(-25, -38), (-31, -29)]),
    "point": ([(32, -52), (50, -56)], [(-25, -38), (-15, -30)]),
    "belly": ([(23, -36), (9, -27)], [(-23, -36), (-9, -27)]),
    "wipe": ([(25, -54), (13, -70)], [(-20, -34), (-21, -20)]),
    "hug_self": ([(22, -40), (-8, -42)], [(-22, -38), (6, -36)]),
    "up": ([(28, -58), (31, -74)], [(-28, -58), (-31, -74)]),
    "hug": ([(32, -46), (44, -44)], [(8, -40), (34, -40)]),
    "push": ([(32, -50), (48, -50)], [(16, -46), (42, -46)]),
    "beg": ([(18, -40), (5, -52)], [(-18, -40), (-5, -52)]),
    "wheel": ([(24, -40), (30, -50)], [(4, -40), (20, -48)]),
    "mic": ([(27, -48), (15, -60)], [(-28, -56), (-36, -66)]),
    "gesture": ([(27, -44), (34, -54)], [(-21, -36), (-23, -24)]),
    "chin": ([(22, -42), (9, -57)], [(-20, -36), (4, -37)]),
    "offer": ([(30, -40), (44, -42)], [(-21, -36), (-23, -24)]),
    "to_mouth": ([(22, -40), (6, -44)], [(-22, -40), (-6, -44)]),
    "desk": ([(22, -38), (14, -44)], [(-22, -38), (-6, -44)]),
    "scrub": ([(28, -60), (34, -80)], [(-24, -38), (-15, -30)]),
    "cook": ([(26, -44), (14, -58)], [(-22, -36), (-24, -24)]),
    "carry": ([(26, -62), (12, -94)], [(-26, -62), (-12, -94)]),
    "press": ([(30, -70), (34, -126)], [(-30, -70), (-34, -126)]),  # a barbell pressed high over the head
    "wave": ([(27, -47), (31, -63)], [(-21, -36), (-23, -24)]),
    "dance": ([(30, -60), (40, -80)], [(-32, -58), (-48, -74)]),  # one paw high, one out: a twirl
    "spill": ([(30, -54), (44, -66)], [(-22, -38), (-16, -28)]),  # the cup raised, tipped at the target
    "treat": ([(30, -46), (46, -48)], [(-22, -38), (-14, -30)]),  # the stethoscope held out to the patient
    "roll": ([(30, -50), (42, -60)], [(28, -42), (40, -48)]),  # on its back: paws in the air
    "swim": ([(22, -62), (30, -88)], [(-20, -36), (-26, -22)]),  # a stroke over the head
    "fish": ([(28, -46), (38, -54)], [(20, -40), (30, -50)]),  # both paws on the rod
    "photo": ([(28, -56), (40, -64)], [(4, -56), (22, -68)]),  # the camera up at the eye
    "climb": ([(30, -66), (35, -97)], [(-30, -62), (-35, -85)]),  # paws up beside the head, on the rungs
    "dig": ([(26, -40), (30, -31)], [(4, -52), (20, -46)]),  # both paws down the shovel's handle
    "skip": ([(30, -40), (40, -34)], [(-30, -40), (-40, -34)]),  # the rope's handles out at the sides
    "piano": ([(30, -46), (48, -44)], [(16, -50), (30, -44)]),  # paws on the keys
    "guitar": ([(20, -36), (8, -30)], [(-6, -50), (36, -58)]),  # strumming, the other paw up the neck
    "violin": ([(22, -58), (14, -68)], [(10, -42), (44, -60)]),  # the bow across, the violin held out
    "drums": ([(28, -48), (36, -56)], [(10, -48), (18, -50)]),  # both sticks raised over the drum
    "box": ([(28, -50), (42, -54)], [(20, -52), (32, -60)]),  # fists up: a boxer's guard, below the eyes
    "slap": ([(32, -62), (50, -76)], [(-21, -36), (-23, -24)]),  # the open paw swung up at the target's cheek
    "tear": ([(30, -34), (46, -36)], [(8, -34), (14, -38)]),  # a paper held up in both paws, pulled apart
    "piggy": ([(8, -34), (-20, -26)], [(-22, -36), (-36, -26)]),  # both paws back under the rider's legs
    "throw": ([(30, -58), (46, -78)], [(-24, -40), (-34, -32)]),  # the paw flung up and out, the other back
    "reach": ([(34, -38), (50, -24)], [(20, -40), (42, -26)]),  # both paws reaching down to one in a danger
    # standing poses chosen by expression when the action is a plain stand
    "fist": ([(27, -44), (27, -60)], [(-21, -36), (-23, -24)]),
    "crossed": ([(20, -34), (-6, -34)], [(-20, -34), (6, -38)]),
    "droop": ([(20, -34), (21, -20)], [(-20, -34), (-21, -20)]),
}
_STAND_BY_EXPRESSION = {"happy": "wave", "love": "wave", "determined": "fist", "shocked": "up", "smug": "crossed",
                        "tired": "droop"}
# where a held prop sits: the front paw, or between both paws for two-handed holds
TWO_HANDED = {"belly", "beg", "to_mouth", "carry", "desk", "press"}
# a thing held out to someone drawn bigger than in the paw at rest, so it reads: the ring of a proposal
HELD_OUT = {"ring": 20.0}
THROWN_OFF = (30.0, -34.0)  # where a thing thrown flies, from the flung paw (pet units): up and away


def held_size(drawn: str, arms: str, size: float) -> float:
    """The size (pet units) of ``drawn`` held in ``arms``: ``size`` at rest, bigger held out or thrown
    (``HELD_OUT``: the ring flying off must read)."""
    return HELD_OUT.get(drawn, size) if arms in ("offer", "throw") else size
# a spilt or thrown drink's colour by the vessel it came from (the splash on the target is the same)
LIQUID: dict[str, tuple[int, int, int]] = {"coffee cup": (120, 70, 36), "food bowl": (236, 142, 40),
                                           "cake": (250, 244, 236), "serving tray": (150, 40, 70)}
WATER: tuple[int, int, int] = (96, 170, 236)
# the legs of a pose other than standing still or striding, pet units from the hip to the foot
LEG_PATHS: dict[str, tuple[list[Point], list[Point]]] = {
    "kick": ([(6, -16), (28, -28)], [(-5, -18), (-9, -2)]),  # dancing: the front leg kicked up
    "air": ([(6, -16), (30, -22)], [(-4, -12), (24, -6)]),  # on its back: both legs up (after the turn)
    "step": ([(6, -16), (16, -28), (20, -22)], [(-5, -16), (-8, -2)]),  # climbing: a foot up on the next rung
    # under way: walking, the front foot put down ahead and the back heel lifted behind; running, the front
    # knee up and the back leg kicked out behind, both feet off the ground
    "walk": ([(6, -17), (13, -9), (16, -2)], [(-5, -17), (-11, -9), (-17, -5)]),
    "run": ([(6, -17), (20, -16), (22, -6)], [(-5, -17), (-16, -12), (-27, -14)]),
}  # "up": paws beside the head, so one holds it


# a drink its words name, spilt from the cup that stands for it: wine red, not coffee brown
DRINKS: dict[str, tuple[tuple[str, ...], tuple[int, int, int]]] = {
    "wine": (("wine", "红酒", "葡萄酒"), (150, 26, 56)),
    "champagne": (("champagne", "香槟"), (244, 222, 130)),
    "juice": (("juice", "果汁", "橙汁"), (250, 160, 40)),
    "milk": (("milk", "牛奶"), (250, 250, 246)),
}


def drink_of(asked: str) -> str | None:
    """The drink ``asked`` names (a ``DRINKS`` key: "red wine", 红酒 → wine), or None; "milk tea" is tea."""
    low = asked.lower()
    if "milk tea" in low or "奶茶" in low:
        return None
    return next((k for k, (words, _) in DRINKS.items() if any(w in low for w in words)), None)


def liquid(held: str | None, asked: str = "") -> tuple[int, int, int]:
    """The colour of what is spilt from ``held`` (a drawable hand prop; a drink its words ``asked`` name, or a
    ``DRINKS`` key): wine, coffee, soup, cream; else water."""
    drink = drink_of(asked) or (held if held in DRINKS else None)
    return DRINKS[drink][1] if drink else LIQUID.get(held or "", WATER)


def arm_style(arms: str, action: str, expression: str) -> str:
    if action == "stand" and arms == "down":
        return _STAND_BY_EXPRESSION.get(expression, "down")
    return arms if arms in _ARMS else "down"


def arm_path(style: str, side: int) -> list[Point]:
    """Shoulder to paw for the front (``side`` = 1) or back (-1) arm, in pet units with +x facing."""
    front, back = _ARMS[style]
    return [(side * 14.5, -47.0), *(front if side == 1 else back)]


@lru_cache(maxsize=32)
def _font(px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(max(6, px))


def _text(p: Pen, x: float, y: float, text: str, size: float, fill: tuple[int, int, int], lang: str = "en") -> None:
    """A mark's word ("HA", "HMPH") in the script's language (shops.json ``signs_zh``: 哈, 哼), in a CJK face for Chinese."""
    from render.painter.shops import sign_font, sign_text  # the signs' words and faces

    words = sign_text(text, lang)
    font = _font(round(size * p.u)) if words == text else sign_font(lang, max(6, round(size * p.u * 1.3)))
    text = words
    px, py = p.P(x, y)
    p.d.text((px, py), text, fill=fill, font=font, anchor="mm", stroke_width=max(1, round(p.u * 0.9)),
             stroke_fill=INK)


def draw_jeers(p: Pen, extent: tuple[float, float], lang: str = "en") -> None:
    """Laughter over a crowd of half-width and height ``extent`` (prop units, drawn about its bottom centre):
    "HA" marks above its heads, in the script's language, so a mocking crowd never reads as a cheering one."""
    hw, h = extent
    for k, f in enumerate((-0.75, -0.25, 0.25, 0.75)):
        _text(p, f * hw, -h * (0.95 + 0.12 * (k % 2)), "HA", 19 - 3 * (k % 2), (255, 210, 60), lang)


def draw_marks(p: Pen, marks: tuple[str, ...], head_y: float, seed: int, lang: str = "en") -> None:
    """Action marks around a pet whose head centre is at ``head_y`` (pet units); their words in ``lang``."""
    rng = random.Random(seed)
    x: float
    y: float
    for mark in marks:
        if mark == "tears":
            for s in (-1, 1):
                for k in range(3):
                    x, y = s * (30 + k * 9), head_y + 6 + k * 10
                    p.poly([(x, y - 5), (x + 3.5, y + 1), (x, y + 4), (x - 3.5, y + 1)], (120, 190, 255))
            p.ell(0, 1, 30, 3.5, (120, 190, 255, 170), outline=False)
        elif mark == "shiver":
            for s in (-1, 1):
                for k in range(2):
                    x = s * (34 + k * 7)
                    p.line([(x, -70 + k * 8), (x + 3 * s, -64 + k * 8), (x, -58 + k * 8), (x + 3 * s, -52 + k * 8),
                            (x, -46 + k * 8)], (110, 170, 230), 1.5)
            for x, y in ((-30, head_y - 34), (26, head_y - 38)):
                p.poly(star_pts(x, y, 4, 0.3, 6), (200, 230, 255))
        elif mark == "zzz":
            for k, (x, y, r) in enumerate(((24, head_y - 30, 4.0), (32, head_y - 42, 5.5), (42, head_y - 56, 7.0))):
                pts = [(x - r, y - r), (x + r, y - r), (x - r, y + r), (x + r, y + r)]
                p.line(pts, (90, 110, 200) if k % 2 else INK, 1.4)
        elif mark == "haha":
            _text(p, 32, head_y - 30, "HA", 11, (255, 210, 60), lang)
            _text(p, -30, head_y - 38, "HA", 9, (255, 210, 60), lang)
        elif mark == "notes":
            for k, (x, y) in enumerate(((28.0, head_y - 24), (40.0, head_y - 40), (-30.0, head_y - 32))):
                col = [(255, 110, 160), (110, 170, 255), (255, 200, 60)][k]
                p.ell(x, y, 3.4, 2.6, col)
                p.line([(x + 3, y), (x + 3, y - 12), (x + 8, y - 9)], INK, 1.2)
        elif mark == "confetti":
            cols = [(255, 90, 120), (90, 170, 250), (255, 220, 80), (120, 210, 120), (200, 130, 240)]
            for _ in range(26):
                x, y = rng.uniform(-55, 55), rng.uniform(head_y - 55, head_y - 10)
                if abs(x) < 26 and y > head_y - 32:
                    continue
                a = rng.uniform(0, math.pi)
                co, si = math.cos(a) * 2.6, math.sin(a) * 2.6
                p.poly([(x - co, y - si), (x + si, y - co), (x + co, y + si), (x - si, y + co)], rng.choice(cols),
                       outline=False)
            for x, y in ((-40, head_y - 40), (40, head_y - 46)):
                p.poly(star_pts(x, y, 5), (255, 226, 90))
        elif mark == "speed":
            for k in range(4):
                y = -70 + k * 14
                p.line([(-40 - k * 3, y), (-62 - k * 3, y)], (255, 255, 255, 220), 1.4)
                p.line([(-40 - k * 3, y), (-62 - k * 3, y)], (60, 60, 80, 120), 0.5)
        elif mark == "trail":  # under way: short lines behind its back and a puff where its back foot left
            for k, (y, n) in enumerate(((-60.0, 16.0), (-46.0, 22.0), (-32.0, 14.0))):
                p.line([(-36 - k * 2, y), (-36 - k * 2 - n, y)], (60, 60, 80, 150), 1.2)
            for x, y, r in ((-30.0, -4.0, 5.0), (-39.0, -7.0, 3.6)):
                p.ell(x, y, r, r * 0.8, (236, 228, 214, 220))
        elif mark == "dust":  # running: dust kicked up behind the back foot
            for x, y, r in ((-34.0, -6.0, 6.5), (-45.0, -10.0, 5.0), (-54.0, -4.0, 3.8)):
                p.ell(x, y, r, r * 0.8, (236, 228, 214, 230))
        elif mark == "sneer":
            _text(p, 30, head_y - 36, "HMPH", 7, (255, 255, 255), lang)  # before its face, at whom it sneers
        elif mark == "speech":
            p.ell(38, head_y - 38, 15, 10, WHITE)
            p.poly([(28, head_y - 32), (24, head_y - 22), (34, head_y - 30)], WHITE, outline=False)
            for k in (-6, 0, 6):
                p.ell(38 + k, head_y - 38, 1.6, 1.6, INK, outline=False)
        elif mark == "thought":
            for x, y, r in ((28, head_y - 18, 2.4), (35, head_y - 25, 3.4)):  # beside the ear, not over it
                p.ell(x, y, r, r, WHITE)
            p.ell(48, head_y - 38, 15, 10.5, WHITE)
            _text(p, 48, head_y - 38, "?", 12, (90, 110, 200))
        elif mark.startswith("thought:"):  # a wish dreamt of: the sea, the snow, a mountain, home, in a big bubble
            _wish_bubble(p, head_y, mark.partition(":")[2])
        elif mark == "shock":
            _text(p, 34, head_y - 34, "!", 16, (230, 50, 60))
        elif mark == "sweat":
            p.poly([(30, head_y - 14), (27, head_y - 6), (30, head_y - 3), (33, head_y - 6)], (150, 210, 255))
        elif mark == "hearts":
            for x, y, r in ((-24, head_y - 30, 4.5), (22, head_y - 34, 3.5)):
                p.poly(heart_pts(x, y, r), (240, 80, 110))
        elif mark.startswith("splat:"):  # "splat:cake": what it dropped, splattered on the floor before it
            _splat(p, mark.partition(":")[2], rng)
        elif mark.startswith("soaked"):  # "soaked:coffee cup": splashed by another's drink (one in the water
            if not {"splash", "splash:flood", "ice hole"} & set(marks):  # is wet enough: no cap of it on its head)
                _soaked(p, head_y, liquid(mark.partition(":")[2] or None), rng)
            if mark == "soaked:cake":  # a cake landed on it: pink lumps of sponge and the cherry on its head
                for dx, dy, r in ((-14, -22, 6.0), (10, -26, 5.0), (-22, 10, 4.0), (18, 16, 4.5), (-4, 34, 3.6)):
                    p.ell(dx, head_y + dy, r, r * 0.8, (250, 190, 204))
                p.ell(2, head_y - 34, 3.4, 3.4, (220, 40, 60))
                p.line([(2, head_y - 37), (6, head_y - 44)], (90, 140, 60), 1.2)
        elif mark == "stethoscope":
            _stethoscope(p)
        elif mark == "medic":  # a red cross badge: the one who treats
            p.ell(-30, head_y - 30, 9, 9, WHITE)
            p.rect(-32.2, head_y - 36, -27.8, head_y - 24, (220, 40, 50), outline=False)
            p.rect(-36, head_y - 32.2, -24, head_y - 27.8, (220, 40, 50), outline=False)
        elif mark == "bandage":  # a plaster across the head of the one treated
            p.poly([(-20, head_y - 12), (-14, head_y - 20), (20, head_y - 2), (14, head_y + 6)], WHITE)
            p.line([(-6, head_y - 8), (6, head_y - 2)], (230, 200, 200), 1.2)
        elif mark == "flecks":  # snow kicked up around a pet rolling in it, and the hollow it lies in
            p.ell(0, 8, 70, 9, (250, 252, 255), outline=False)
            for _ in range(22):
                x, y = rng.uniform(-80, 80), rng.uniform(head_y - 50, 4)
                r = rng.uniform(2.0, 4.2)
                p.ell(x, y, r, r, (250, 252, 255), outline=False)
                p.ell(x, y, r, r, None, width=0.6)
        elif mark == "soot":  # saved from a fire: sooty smudges on the face and body, smoke still rising off it
            for x, y, rx, ry in ((-15, head_y + 8, 7, 4.5), (10, head_y - 13, 6, 3.5), (-7, -34, 8, 5.5),
                                 (11, -22, 6, 4.5), (-12, -12, 5, 3.5)):
                p.ell(x, y, rx, ry, (58, 52, 50, 175), outline=False)
            for x, y, r in ((-20, head_y - 34, 6.0), (-26, head_y - 46, 8.0), (-18, head_y - 60, 6.5)):
                p.ell(x, y, r, r, (120, 120, 126, 190), outline=False)
        elif mark in ("splash", "splash:flood"):  # in the water to the chest (shoved in; or in the flood, its
            pool = (70, 150, 230, 215) if mark == "splash" else (128, 110, 74, 235)  # muddy brown), splash drops
            wave = [(x, -36.0 + (3 if (x // 10) % 2 else -3)) for x in range(-56, 60, 10)]
            bowl = [(56 * math.cos(a), -36 + 40 * math.sin(a)) for a in np.linspace(0.0, math.pi, 16)]
            p.poly([*wave, *bowl], pool, outline=False)  # the water round it, rounded below like a pool seen close
            p.line(wave, (235, 248, 255), 1.8)
            for x in (-50, 50):
                p.ell(x, -37, 9, 4, (235, 248, 255))  # foam where it broke the surface
            for x, y, r in ((-44, -52, 3.4), (-52, -66, 2.6), (46, -54, 3.4), (54, -68, 2.6), (-34, -64, 2.2),
                            (36, -66, 2.2)):
                p.ell(x, y, r * 0.8, r, (150, 205, 250))
        elif mark in _IN_DANGER:  # in the ice hole, down the well, in the net, buried in the snow
            _IN_DANGER[mark](p, head_y, rng)
        elif mark == "caged":  # locked in a cage: its tray under the feet, bars before it up to a domed top, a lock
            top = head_y - 52
            metal, dark = (170, 176, 188), (96, 100, 112)
            p.rect(-62, -6, 62, 6, dark, r=2)  # the tray
            for k in range(9):
                x = -56 + 14 * k
                p.line([(x, -3), (x, top + 8 - 10 * math.sin(math.pi * k / 8))], metal, 2.2)
            p.line([(-56 + 14 * k, top + 8 - 10 * math.sin(math.pi * k / 8)) for k in range(9)], metal, 2.6)
            p.line([(-56, (top - 3) / 2), (56, (top - 3) / 2)], metal, 1.6)  # a cross wire halfway up
            p.ell(0, top - 4, 5, 5, None)  # the ring it hangs from
            p.rect(34, (top - 3) / 2 - 4, 46, (top - 3) / 2 + 8, (230, 190, 70), r=1.5)  # the padlock
        elif mark == "torn":  # a paper torn in two before the chest, one half in each paw, scraps falling
            for sx, tilt in ((14.0, -1.0), (44.0, 1.0)):  # the halves about the paws (``tear`` arms)
                edge = [(sx - 2 * tilt + (2.5 if k % 2 else -2.5) * tilt, -51 + 6 * k) for k in range(6)]
                outer = sx + 13 * tilt
                p.poly([(outer, -53), *edge, (outer, -19)], (250, 250, 244))
                for y in (-45, -37, -29):
                    p.line([(min(outer, sx) + 2, y), (max(outer, sx) - 2, y)], (150, 160, 190), 0.7)
            for x, y, a in ((22, -12, 0.4), (34, -4, -0.5), (52, -8, 0.2), (44, -14, -0.3)):
                co, si = math.cos(a) * 3.2, math.sin(a) * 3.2
                p.poly([(x - co, y - si), (x + si, y - co), (x + co, y + si), (x - si, y + co)], (250, 250, 244))
        elif mark == "smack":  # a slap: the swing's arcs behind the open paw, a white star where it lands
            for r in (46.0, 53.0):  # about the shoulder, over the paw's way up
                p.arc(14, -47, r, 262, 312, width=1.5, fill=(60, 60, 80))
            p.poly(star_pts(60, -78, 9, 0.45, 8), (255, 244, 170))
        elif mark == "water":  # swimming: the water over the body, a splash at the paws
            _water(p, head_y)
        elif mark in ("rod", "rod:shore"):  # at the waterside its line goes into the water already there
            _rod(p, pond=mark == "rod")
        else:  # a camera, shovel, rope, ladder, instrument or boxing gloves (render.painter.gear)
            draw_gear(p, mark, head_y, rng)


def _ice_hole(p: Pen, head_y: float, rng: random.Random) -> None:
    """In a hole in the ice to the chest: dark cold water round it, white broken ice slabs about the hole's rim."""
    p.ell(0, -34, 60, 16, (228, 240, 250))  # the ice round the hole
    p.ell(0, -34, 44, 10, (40, 90, 140, 235), outline=False)  # the dark water in it
    p.poly([(-44, -34), *[(x, -36.0 + (2 if (x // 8) % 2 else -2)) for x in range(-44, 46, 8)], (44, -34),
            *[(44 * math.cos(a), -34 + 30 * math.sin(a)) for a in np.linspace(0.0, math.pi, 12)]],
           (50, 110, 170, 230), outline=False)  # the water before its body
    for x, y, w in ((-52, -30, 16), (-30, -22, 14), (30, -22, 15), (50, -32, 13), (0, -18, 18)):  # the slabs
        p.poly([(x - w / 2, y), (x - w / 3, y - 5), (x + w / 2, y - 3), (x + w / 3, y + 3)], (250, 252, 255))
    for x in (-36, 20, 40):
        p.line([(x, -26), (x + rng.uniform(-8, 8), -14)], (150, 190, 220), 0.8)  # cracks in the ice


def _well(p: Pen, head_y: float, rng: random.Random) -> None:
    """Down a well: its round stone wall before the body to the chest, the dark inside behind, a rope down."""
    stone, mortar = (150, 146, 140), (110, 104, 98)
    p.ell(0, -40, 46, 9, (30, 30, 36), outline=False)  # the dark mouth behind
    p.rect(-46, -40, 46, 6, stone)  # the wall
    p.ell(0, -40, 46, 9, None, width=1.6)  # its rim
    for row, y in enumerate((-32, -20, -8)):
        p.line([(-46, y), (46, y)], mortar, 0.8)
        for x in range(-40 + 8 * (row % 2), 46, 16):
            p.line([(x, y - 12 + 4), (x, y)], mortar, 0.8)
    p.ell(0, 6, 46, 6, stone)
    p.line([(30, -40), (34, -110)], (170, 130, 80), 1.6)  # a rope down to it


def _net(p: Pen, head_y: float, rng: random.Random) -> None:
    """Caught in a net: a mesh of cords over the whole body, knots at the crossings, loose ends trailing."""
    cord = (120, 90, 60)
    top = head_y - 34
    for k in range(-5, 6):
        x = k * 11.0
        p.line([(x - 8, top), (x + 8, 2)], cord, 1.1)
        p.line([(x + 8, top), (x - 8, 2)], cord, 1.1)
    for y in (top, 2.0):
        p.line([(-62, y), (62, y)], cord, 1.6)
    for x, y in ((-60, 2), (58, top)):
        p.line([(x, y), (x + rng.uniform(-12, 12), y + 14)], cord, 1.0)  # loose ends


def _snowbank(p: Pen, head_y: float, rng: random.Random) -> None:
    """Buried in the snow to the chest: a white heap before the body, clumps and flakes thrown up round it."""
    snow, shade = (250, 252, 255), (204, 218, 238)
    for bx, by, rx, ry in ((-38, -18, 30, 22), (36, -16, 30, 22), (0, -26, 40, 22), (0, -6, 62, 14)):
        p.ell(bx, by + 3, rx, ry, shade, outline=False)
        p.ell(bx, by, rx, ry, snow, outline=False)
    p.line([(-58, -12), (-40, -38), (-10, -46), (14, -46), (40, -36), (60, -10)], shade, 1.2)
    for _ in range(10):
        x, y = rng.uniform(-70, 70), rng.uniform(head_y - 30, -40)
        r = rng.uniform(1.8, 3.6)
        p.ell(x, y, r, r, snow)


def _ring_of_fire(p: Pen, head_y: float, rng: random.Random) -> None:
    """Trapped in a fire: tongues of flame licking up on either side of it and low before its legs, smoke over its
    head."""
    for k, (x, y, r) in enumerate(((-34, head_y - 40, 14.0), (26, head_y - 52, 18.0), (-6, head_y - 66, 12.0))):
        p.ell(x, y, r, r * 0.8, (96, 96, 104, 170 - 30 * k), outline=False)  # smoke
    for cx, h, w in ((-64, 64.0, 15.0), (-48, 44.0, 12.0), (48, 46.0, 12.0), (66, 68.0, 15.0), (-22, 24.0, 10.0),
                     (0, 18.0, 9.0), (22, 26.0, 10.0)):
        h *= rng.uniform(0.9, 1.1)
        for col, f in (((230, 60, 40), 1.0), ((250, 140, 40), 0.7), ((255, 225, 90), 0.42)):
            p.poly([(cx - w * f, 4), (cx - w * 0.6 * f, 4 - h * f * 0.45), (cx + w * 0.15 * f, 4 - h * f),
                    (cx + w * 0.7 * f, 4 - h * f * 0.5), (cx + w * f, 4)], col, outline=col == (230, 60, 40))


_IN_DANGER = {"ice hole": _ice_hole, "well": _well, "net": _net, "snowbank": _snowbank, "flames": _ring_of_fire}


_WISHED = {"beach": "sea", "sea": "sea", "lake": "lake", "mountain": "mountain", "snow": "snow", "park": "tree", "farm": "tree",
           "family": "heart", "bedroom": "heart", "space": "moon", "planet": "moon"}  # what a wished-for place or weather is drawn as in the bubble


def _wish_bubble(p: Pen, head_y: float, wished: str) -> None:
    """A thought bubble above the pet holding a small picture of what it wishes for (``_WISHED``; else "?")."""
    for bx, by, br in ((26.0, head_y - 18, 2.6), (34.0, head_y - 27, 3.8)):
        p.ell(bx, by, br, br, WHITE)
    cx, cy, rx, ry = 50.0, head_y - 50, 24.0, 17.0
    p.ell(cx, cy, rx, ry, WHITE)
    what = _WISHED.get(wished)
    if what == "sea":  # the sun over blue waves
        p.ell(cx + 8, cy - 5, 5, 5, (255, 205, 70), outline=False)
        p.poly([(cx - 20, cy + 2), (cx + 20, cy + 2), (cx + 17, cy + 11), (cx - 17, cy + 11)], (70, 150, 225),
               outline=False)
        for k in range(3):
            x0 = cx - 15 + k * 10
            p.line([(x0, cy + 2), (x0 + 2.5, cy - 0.5), (x0 + 5, cy + 2)], WHITE, 1.2)
    elif what == "snow":  # snowflakes
        for x, y, r in ((cx - 10, cy - 4, 5.0), (cx + 9, cy - 6, 4.0), (cx + 1, cy + 6, 4.5)):
            for a in range(3):
                t = a * math.pi / 3
                p.line([(x - r * math.cos(t), y - r * math.sin(t)), (x + r * math.cos(t), y + r * math.sin(t))],
                       (110, 170, 230), 1.2)
    elif what == "mountain":  # two peaks with snowcaps
        p.poly([(cx - 19, cy + 10), (cx - 5, cy - 10), (cx + 9, cy + 10)], (120, 130, 150), outline=False)
        p.poly([(cx - 3, cy + 10), (cx + 9, cy - 5), (cx + 20, cy + 10)], (150, 160, 175), outline=False)
        p.poly([(cx - 9, cy - 4.5), (cx - 5, cy - 10), (cx - 1, cy - 4.5)], WHITE, outline=False)
    elif what == "lake":  # still water under reeds
        p.ell(cx, cy + 4, 18, 6, (80, 160, 220), outline=False)
        for x in (cx - 12, cx - 9):
            p.line([(x, cy + 3), (x, cy - 9)], (80, 150, 80), 1.2)
    elif what == "tree":  # a green hill and a tree
        p.ell(cx, cy + 12, 21, 8, (110, 185, 90), outline=False)
        p.rect(cx - 1.5, cy - 2, cx + 1.5, cy + 6, (130, 90, 60), outline=False)
        p.ell(cx, cy - 5, 8, 7, (70, 160, 80), outline=False)
    elif what == "heart":  # the loved one
        p.poly(heart_pts(cx, cy, 8.0), (240, 80, 110))
    elif what == "moon":  # a trip to space: a crescent moon, stars and a little rocket flying to it
        p.ell(cx + 8, cy - 2, 9, 9, (250, 215, 80), outline=False)
        p.ell(cx + 12, cy - 5, 8, 8, WHITE, outline=False)  # the crescent's shadow, the bubble's white
        for x, y in ((cx - 14, cy - 8), (cx - 4, cy - 11), (cx + 17, cy + 8)):
            p.poly([(x, y - 2.6), (x + 1, y - 0.6), (x + 2.6, y), (x + 1, y + 0.6), (x, y + 2.6), (x - 1, y + 0.6),
                    (x - 2.6, y), (x - 1, y - 0.6)], (240, 190, 60), outline=False)
        rx, ry = cx - 8, cy + 6  # the rocket, nose up and right
        p.poly([(rx - 4, ry + 4), (rx + 3, ry - 3), (rx + 6, ry - 6), (rx + 5, ry), (rx, ry + 6)], (225, 70, 70))
        p.ell(rx + 2, ry, 1.6, 1.6, (120, 190, 240), outline=False)
    else:
        _text(p, cx, cy, "?", 14, (90, 110, 200))


def _soaked(p: Pen, head_y: float, col: tuple[int, int, int], rng: random.Random) -> None:
    """A drink poured over a pet: a wet cap on the head, drips down the face and body, a puddle, flying drops."""
    p.ell(0, 1, 34, 4.5, with_alpha(col, 200), outline=False)  # the puddle at the feet
    top = head_y - 20
    p.poly([(-26, top + 8), (-18, top - 4), (0, top - 8), (18, top - 4), (26, top + 8), (14, top + 4),
            (4, top + 10), (-8, top + 4)], col)
    for dx, length in ((-18, 30), (-4, 22), (10, 36), (22, 18)):
        p.line([(dx, top + 4), (dx, top + length)], col, 4.2)
        p.ell(dx, top + length + 2, 3.4, 4.2, col)
    for _ in range(8):
        p.ell(rng.uniform(-40, 40), rng.uniform(top - 24, top - 4), 2.6, 3.4, col)


def _splat(p: Pen, held: str, rng: random.Random) -> None:
    """A thing dropped on the floor before the pet's feet: a cake squashed flat, its frosting and a cherry thrown
    out round it; a drink's puddle with its cup on its side."""
    x = 62.0
    if held == "cake":
        p.ell(x, 0, 30, 6, (250, 244, 236))  # the frosting splashed flat
        p.poly([(x - 20, -2), (x - 12, -14), (x + 4, -10), (x + 16, -16), (x + 22, -2)], (250, 196, 208))
        p.ell(x - 2, -12, 3, 3, (220, 40, 60))
        for _ in range(7):
            p.ell(x + rng.uniform(-44, 44), rng.uniform(-6, 4), 2.6, 2.0, (250, 244, 236))
        return
    col = liquid(held)
    p.ell(x, 0, 32, 6, with_alpha(col, 220))  # the puddle
    p.poly([(x - 6, -10), (x + 14, -12), (x + 14, -2), (x - 6, 0)], (214, 72, 64))  # the cup on its side
    for _ in range(6):
        p.ell(x + rng.uniform(-42, 42), rng.uniform(-4, 4), 2.4, 1.8, col)


def draw_spill(p: Pen, paw: Point, held: str | None, asked: str = "") -> None:
    """The vessel in the front paw tipped toward the target, its drink flying out in an arc; a cake tumbling off the
    paw upside down, frosting flying; a tray tipped, its cup falling."""
    col = liquid(held, asked)
    x, y = float(paw[0]), float(paw[1])
    if held == "cake":  # the cake off the paw, turning over in the air: its sponge, cream layer, white icing and
        # candles tipped toward the target, lumps of frosting and the cherry flying ahead of it
        cx, cy, a = x + 22, y - 6, math.radians(125)

        def turn(u: float, v: float) -> tuple[float, float]:
            return cx + u * math.cos(a) - v * math.sin(a), cy + u * math.sin(a) + v * math.cos(a)

        p.poly([turn(-18, -12), turn(18, -12), turn(18, 10), turn(-18, 10)], (250, 190, 204))  # the sponge
        p.poly([turn(-18, -2), turn(18, -2), turn(18, 2), turn(-18, 2)], WHITE, outline=False)  # its cream layer
        p.poly([turn(-19, -17), turn(19, -17), turn(18, -12), turn(-18, -12)], WHITE)  # the icing on top
        for u in (-10, 0, 10):  # the candles
            p.line([turn(u, -17), turn(u, -27)], (120, 180, 240), 2.4)
            p.ell(*turn(u, -30), 1.6, 2.4, (255, 190, 60), outline=False)
        for k, (ox, oy, r) in enumerate(((32.0, -22.0, 4.5), (42.0, -10.0, 5.5), (50.0, 4.0, 4.0), (38.0, 12.0, 3.2))):
            p.ell(cx + ox, cy + oy, r, r * 0.8, col if k % 2 else (250, 190, 204))
        p.ell(cx + 46, cy - 24, 3, 3, (220, 40, 60))
        return
    if held == "serving tray":  # the tray tipped up, a cup sliding off it, the drink flying
        p.poly([(x - 4, y + 6), (x + 30, y - 20), (x + 33, y - 16), (x, y + 10)], (200, 204, 214))
        p.poly([(x + 30, y - 34), (x + 40, y - 30), (x + 36, y - 20), (x + 27, y - 24)], (214, 72, 64))
        for k in range(5):
            t = k / 4
            p.ell(x + 42 + 30 * t, y - 30 - 12 * t + 30 * t * t, 4.5 - 1.5 * t, 3.8 - t, (150, 40, 70))
        return
    if held == "food bowl":  # a bowl turned on its side, mouth forward
        p.poly([(x - 4, y - 12), (x + 8, y - 14), (x + 12, y - 2), (x + 4, y + 8), (x - 6, y + 4)], (90, 150, 220))  # a blue bowl, seen on any fur
        p.ell(x + 10, y - 6, 4, 9, col)
    else:  # a cup tipped forward
        p.poly([(x - 6, y - 8), (x + 8, y - 16), (x + 14, y - 4), (x, y + 4)], (214, 72, 64))  # a red mug, seen on white fur
        p.ell(x + 11, y - 10, 3.5, 6.5, col)
    for k in range(7):  # the drink in the air, curving down toward whoever stands in front
        t = k / 6
        dx, dy = x + 16 + 44 * t, y - 12 - 26 * t + 40 * t * t
        p.ell(dx, dy, 5.5 - 2 * t, 4.5 - 1.5 * t, col)


def _stethoscope(p: Pen) -> None:
    """The tubes round the neck and down to the chest piece in the front paw (the ``treat`` arms)."""
    grey = (70, 76, 90)
    p.line([(-12, -56), (-10, -46), (0, -42), (10, -46), (12, -56)], grey, 1.8)
    p.line([(0, -42), (14, -36), (30, -40), (44, -46)], grey, 1.8)
    p.ell(50, -47, 5.5, 5.5, (200, 205, 215))
    p.ell(50, -47, 2.5, 2.5, grey, outline=False)


def _water(p: Pen, head_y: float) -> None:
    """Water up to the swimmer's shoulders (pet units of the lying drawing, the head at ``(0, head_y)``)."""
    col = (70, 150, 230, 200)
    top = head_y - 2
    wave = [(x, top + (3 if (x // 12) % 2 else -3)) for x in range(-110, 50, 12)]
    p.poly([*wave, (46, head_y + 40), (-110, head_y + 40)], col, outline=False)
    p.line(wave, (235, 248, 255), 1.6)
    for x, y in ((40, head_y - 18), (48, head_y - 8), (30, head_y - 26)):
        p.ell(x, y, 2.6, 3.4, (235, 248, 255))


def _rod(p: Pen, pond: bool = True) -> None:
    """A fishing rod from the paws, its line down to a fish just caught out of a pond at the pet's feet (no
    pond where the place has its own water: the lakeside, the beach)."""
    if pond:
        p.ell(50, 1, 26, 6, (80, 160, 225))
        p.line([(34, 1), (44, 0)], (235, 248, 255), 0.9)
    p.line([(26, -46), (50, -130)], (120, 80, 40), 2.4)
    p.line([(50, -130), (50, -32)], (230, 230, 240), 0.9)
    p.ell(50, -24, 9, 5, (120, 170, 210))
    p.poly([(42, -24), (33, -31), (33, -17)], (120, 170, 210))
    p.ell(54, -25, 1.1, 1.1, INK, outline=False)
