"""Shops that read as what they sell: a flower shop with buckets of flowers under a FLOWERS sign, a
bakery with bread and cakes, a café, a milk tea shop with cups of bubble tea, a tailor's with bolts of cloth and spools of thread, a repair shop with a car up on its lift, tyres and toolboxes, a grocery with crates of fruit, a bookshop, a fish market, a butcher's
with strings of sausages and roasts, a noodle shop, a dumpling shop (plates of dumplings), a bun shop (steamers of steamed buns), a cobbler's (mended shoes), a pet shop (fish tanks, bird cages, sacks of pet food), a barber's, a toy shop, an ice cream shop, a burger shop, a pizzeria, a sushi
bar, a hot dog stand, a hot pot restaurant, an animal shelter with puppies and kittens behind kennel bars under a
SHELTER sign between two paw prints, a newsstand (报刊亭) with its stacks of newspapers.

``story.venues.shop_kind`` finds which shop a scene means (its own setting, props and narration first, then the
premise: "a cat opens a flower shop" makes every shop scene of that story a flower shop); ``draw_shop``
draws it over the place's own background: a shop or café interior of that trade, the market's stalls
with its goods, or its shop front on a street. The kinds and their words are data (``story/data/shops.json``,
read by ``story.venues``, which finds the shop a scene means).
Every sign painted on a place (a shop's name, SALE, CITY HALL) is written in the script's language
(``sign``: ``Canvas.lang``), a Chinese one in a CJK face.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from PIL import ImageFont

from render.captions import find_font, load_font  # the captions' faces: a CJK one for Chinese
from render.painter.canvas import Canvas
from render.painter.geometry import HORIZON, INK, RGB, WHITE, Pen, darker, lighter
from render.painter.props import draw_prop
from story.venues import SHOPS_DATA, shop_words

_DATA = SHOPS_DATA  # the kinds' words are the story's (``story.venues``), their signs and goods drawn here


@dataclass(frozen=True)
class ShopKind:
    name: str
    sign: str
    sign_zh: str
    sign_color: RGB
    awning: RGB
    goods: str
    words: tuple[str, ...]  # English and Chinese, longest first
    title: tuple[str, str] = ("", "")  # the scene's headline for it, English and Chinese ("Bakery", "面包店")
    centre: str = ""  # what stands in the middle of its inside instead of the counter ("car lift": a car raised on it)
    emblem: str = ""  # a picture painted either side of its sign's words ("paw": an animal shelter's paw prints)


@lru_cache(maxsize=1)
def shop_kinds() -> tuple[frozenset[str], dict[str, ShopKind]]:
    """The places a shop may be drawn at, and the kinds by name."""
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    kinds = {name: ShopKind(name, k["sign"], k["sign_zh"], tuple(k["sign_color"]), tuple(k["awning"]), k["goods"],
                            shop_words()[1][name], tuple(k["title"]),
                            k.get("centre", ""), k.get("emblem", ""))
             for name, k in raw["kinds"].items()}
    return frozenset(raw["places"]), kinds


@lru_cache(maxsize=1)
def _signs_zh() -> dict[str, str]:
    return dict(json.loads(_DATA.read_text(encoding="utf-8"))["signs_zh"])


def sign_text(text: str, lang: str) -> str:
    """A sign's words in ``lang``: the Chinese of an English sign in a Chinese clip, else as written."""
    return _signs_zh().get(text, text) if lang == "zh" else text


def sign(c: Canvas, text: str, x: float, y: float, size: float, fill: RGB, width: float | None = None) -> None:
    """Paint a sign's ``text`` (its English words; written in ``c.lang``) centred at (``x``, ``y``), fractions of
    the visible frame, ``size`` in canvas units; shrunk to ``width`` (a fraction) when given."""
    words = sign_text(text, c.lang)
    px = max(8, round(c.u * size))
    font = _font(c.lang, px)
    if width is not None and font.getlength(words) > width * c.vw:
        font = _font(c.lang, max(8, int(px * width * c.vw / font.getlength(words))))
    c.d.text((c.X(x), c.Y(y)), words, fill=fill, font=font, anchor="mm")


def sign_font(lang: str, px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The face a sign's words are painted in: a CJK one for Chinese."""
    return _font(lang, px)


@lru_cache(maxsize=32)
def _font(lang: str, px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    found = find_font("zh") if lang == "zh" else None
    return load_font(found, px) if found is not None else ImageFont.load_default(px)


# -- the goods, each drawn with a Pen about 60 units tall, origin at its bottom centre -------------------

_BLOOMS = [(240, 80, 110), (250, 200, 60), (245, 245, 245), (170, 110, 220), (250, 140, 60), (230, 50, 60)]
_FRUIT = [(226, 60, 50), (250, 150, 40), (250, 215, 60), (120, 190, 70), (150, 60, 140)]


def _bucket_of_flowers(p: Pen, k: int) -> None:
    for j, x in enumerate((-12, 0, 12, -6, 7)):
        p.line([(x * 0.4, -20), (x, -50 - (j % 2) * 6)], (70, 140, 60), 2.2)
    for j, (x, y) in enumerate(((-13, -50), (0, -58), (13, -50), (-7, -62), (7, -64))):
        col = _BLOOMS[(k + j // 2) % len(_BLOOMS)]
        p.ell(x, y, 8, 8, col)
        p.ell(x, y, 3, 3, (250, 220, 90) if col != (250, 200, 60) else (200, 120, 40), outline=False)
    p.poly([(-16, -26), (16, -26), (12, 0), (-12, 0)], (150, 170, 190))
    p.line([(-15, -20), (15, -20)], (120, 140, 160), 1.5)


def _bread(p: Pen, k: int) -> None:
    if k % 3 == 0:  # a layer cake with a cherry
        p.rect(-16, -30, 16, 0, (250, 190, 205), r=3)
        p.rect(-16, -34, 16, -24, WHITE, r=3)
        p.ell(0, -38, 4, 4, (220, 40, 60))
    elif k % 3 == 1:  # a round loaf with slashes
        p.ell(0, -14, 19, 14, (205, 140, 70))
        for x in (-8, 0, 8):
            p.line([(x - 4, -20), (x + 4, -10)], (240, 200, 140), 1.6)
    else:  # baguettes standing in a basket
        for x, lean in ((-7, -6), (3, 0), (11, 6)):
            p.stroke([(x, -4), (x + lean, -50)], (220, 160, 80), 7)
        p.rect(-16, -16, 16, 0, (170, 120, 70), r=2)


def _coffee(p: Pen, k: int) -> None:
    if k % 2 == 0:  # a cup on its saucer, steaming
        p.ell(0, -2, 18, 4, WHITE)
        p.poly([(-13, -24), (13, -24), (10, -3), (-10, -3)], WHITE)
        p.ell(0, -24, 13, 3.5, (110, 70, 45))
        p.arc(15, -14, 6, -90, 90, 1.6)
        for x in (-5, 5):
            p.line([(x, -30), (x + 3, -38), (x, -46)], (255, 255, 255, 170), 1.4)
    else:  # a jar of beans
        p.rect(-12, -36, 12, 0, (220, 235, 240), r=3)
        for j in range(9):
            p.ell(-6 + (j % 3) * 6, -6 - (j // 3) * 8, 3, 2.2, (110, 70, 45), outline=False)
        p.rect(-13, -42, 13, -35, (120, 80, 50), r=1)


def _fruit_crate(p: Pen, k: int) -> None:
    col = _FRUIT[k % len(_FRUIT)]
    for j, (x, y) in enumerate(((-12, -22), (0, -24), (12, -22), (-6, -32), (6, -32))):
        p.ell(x, y, 7, 7, col if j % 4 else lighter(col, 0.15))
    p.rect(-20, -20, 20, 0, (200, 150, 95))
    p.line([(-20, -10), (20, -10)], (160, 115, 70), 1.4)


def _books(p: Pen, k: int) -> None:
    cols = [(200, 60, 60), (60, 110, 190), (240, 190, 60), (70, 150, 90), (150, 80, 160), (230, 120, 50)]
    x = -20.0
    for j in range(6):
        h = 34 + ((k * 7 + j * 5) % 4) * 6
        w = 6 + (k + j) % 2
        col = cols[(k + j) % len(cols)]
        p.rect(x, -h, x + w, 0, col)
        p.line([(x + 1.5, -h + 6), (x + w - 1.5, -h + 6)], lighter(col, 0.5), 1.2)
        x += w + 0.6


def _fish(p: Pen, k: int) -> None:
    p.rect(-22, -14, 22, 0, (210, 235, 245))  # a tray of ice
    for j in range(5):
        p.ell(-16 + j * 8, -11, 2, 1.5, WHITE, outline=False)
    body = [(110, 140, 170), (200, 110, 90), (150, 160, 175)][k % 3]
    for y, dx in ((-18, -3), (-26, 3)):
        p.ell(dx, y, 15, 5.5, body)
        p.poly([(dx + 14, y), (dx + 22, y - 6), (dx + 22, y + 6)], darker(body, 0.85))
        p.ell(dx - 9, y - 1, 1.6, 1.6, INK, outline=False)


def _food(*names: str) -> Callable[[Pen, int], None]:
    """Goods that are the props' own food drawings (about 100 units tall), drawn at the goods' 60, in turn."""
    def goods(p: Pen, k: int) -> None:
        small = Pen(p.d, p.cx, p.fy, p.u * 0.55, p.f)
        small.lw = p.lw
        draw_prop(names[k % len(names)], small)
    return goods


def _salon(p: Pen, k: int) -> None:
    if k % 3 == 0:  # scissors and a comb
        for a in (-1, 1):
            p.line([(-10 * a, -6), (10 * a, -44)], (180, 185, 195), 2.6)
            p.ell(-12 * a, -4, 5, 4, (200, 60, 80))
        p.rect(8, -40, 14, -4, (60, 60, 70), r=1)
    elif k % 3 == 1:  # shampoo bottles
        for x, col in ((-9, (120, 180, 230)), (9, (240, 140, 180))):
            p.rect(x - 7, -34, x + 7, 0, col, r=3)
            p.rect(x - 3, -42, x + 3, -34, WHITE, r=1)
    else:  # a hair dryer
        p.rect(-18, -46, 10, -30, (240, 120, 150), r=7)
        p.ell(12, -38, 5, 8, (90, 90, 100))
        p.rect(-12, -32, -4, 0, (240, 120, 150), r=2)


def _toys(p: Pen, k: int) -> None:
    if k % 3 == 0:  # a teddy bear
        fur = (190, 130, 80)
        p.ell(0, -14, 13, 14, fur)
        p.ell(0, -38, 11, 10, fur)
        for x in (-9, 9):
            p.ell(x, -47, 4, 4, fur)
        p.ell(0, -35, 4, 3, (230, 200, 160), outline=False)
        for x in (-4, 4):
            p.ell(x, -40, 1.5, 1.5, INK, outline=False)
    elif k % 3 == 1:  # a striped ball
        p.ell(0, -16, 16, 16, (240, 80, 80))
        p.arc(0, -16, 10, 200, 340, 3)
        p.line([(-15, -18), (15, -14)], (250, 230, 90), 3.5)
    else:  # a toy car
        p.rect(-18, -20, 18, -6, (80, 150, 230), r=3)
        p.rect(-9, -30, 9, -19, (80, 150, 230), r=3)
        for x in (-10, 10):
            p.ell(x, -5, 5, 5, (40, 40, 50))


def _fabric(p: Pen, k: int) -> None:
    """A tailor's goods: bolts of cloth standing, a pile of folded cloth, spools of thread."""
    cols = [(120, 170, 230), (230, 90, 110), (250, 200, 70), (110, 180, 120), (170, 110, 200)]
    if k % 3 == 0:  # two bolts of cloth
        for j, x in enumerate((-8, 8)):
            col = cols[(k + j) % len(cols)]
            p.rect(x - 7, -50, x + 7, 0, col, r=4)
            p.ell(x, -50, 7, 2.5, lighter(col, 0.3))
    elif k % 3 == 1:  # folded cloth, piled
        for j in range(4):
            p.rect(-18, -10 * (j + 1), 18, -10 * j, cols[(k + j) % len(cols)], r=2)
    else:  # spools of thread
        for j, x in enumerate((-12, 0, 12)):
            p.rect(x - 5, -24, x + 5, 0, (200, 160, 110))
            p.rect(x - 4, -21, x + 4, -3, cols[(k + j) % len(cols)], outline=False)


def _car_parts(p: Pen, k: int) -> None:
    """A garage's goods: a stack of tyres, a can of oil, a red toolbox."""
    if k % 3 == 0:
        for j in range(3):
            p.ell(0, -7 - j * 13, 18, 7, (40, 40, 46))
            p.ell(0, -7 - j * 13, 8, 3, (120, 120, 130), outline=False)
    elif k % 3 == 1:
        p.rect(-12, -40, 12, 0, (60, 140, 80), r=2)
        p.rect(-4, -48, 4, -40, (200, 200, 210))
        p.rect(-8, -30, 8, -14, (250, 210, 60), outline=False)
    else:
        p.rect(-20, -24, 20, 0, (214, 52, 44), r=2)
        p.arc(0, -24, 9, 180, 360, 2.5)
        p.line([(-20, -14), (20, -14)], darker((214, 52, 44), 0.7), 1.5)


def _car_lift(c: Canvas, kind: ShopKind) -> None:
    """A garage's middle: a car raised on its lift between two posts, a wheel off on the floor."""
    for x in (0.29, 0.71):
        c.rect(x - 0.015, 0.22, x + 0.015, 0.64, (230, 160, 40))  # the lift's posts
    c.rect(0.29, 0.35, 0.71, 0.365, (90, 90, 100))  # its arms under the car, raised over the heads
    u = 0.4 * c.vw / 196
    pen = Pen(c.d, c.X(0.5), c.Y(0.35), u)
    pen.lw = max(1.0, c.lw * 0.8)
    draw_prop("car", pen, (60, 120, 200))


def _hotpot(p: Pen, k: int) -> None:
    """A hot pot: a steaming pot of red broth with chillies afloat (a clear half in every other one)."""
    p.ell(0, -4, 24, 5, (90, 90, 100))  # the burner
    p.rect(-22, -26, 22, -4, (170, 174, 184), r=4)
    p.ell(0, -26, 22, 6, (200, 50, 40))
    if k % 2:
        p.poly([(0, -32), (22, -26), (0, -20)], (240, 220, 170), outline=False)  # the clear half
    for x in (-10, 4):
        p.ell(x, -27, 3, 1.6, (250, 120, 60), outline=False)
    for x in (-8, 8):
        p.line([(x, -36), (x + 3, -46), (x, -56)], (255, 255, 255, 170), 1.4)


def _paw(p: Pen, col: RGB, s: float = 1.0) -> None:
    """A paw print: its pad and four toes above it, about 20 units across at ``s`` 1."""
    p.ell(0, -6 * s, 7 * s, 6 * s, col, outline=False)
    for x, y in ((-8, -15), (-3, -20), (3, -20), (8, -15)):
        p.ell(x * s, y * s, 2.8 * s, 3.4 * s, col, outline=False)


def _kennel(p: Pen, k: int) -> None:
    """An animal shelter's goods: a wire kennel, a puppy or a kitten looking out through its bars (every third one
    empty, its blanket on the floor), a paw print on its door."""
    p.rect(-21, -44, 21, 0, (92, 100, 112), r=2)
    p.rect(-18, -40, 18, -3, (214, 206, 190), outline=False)
    if k % 3 == 0:
        p.rect(-16, -10, 16, -3, (200, 90, 90), outline=False, r=2)  # its blanket
    else:
        fur = (196, 142, 84) if k % 3 == 1 else (150, 150, 156)
        if k % 3 == 1:  # a puppy's floppy ears
            p.ell(-10, -24, 4, 8, darker(fur, 0.75))
            p.ell(10, -24, 4, 8, darker(fur, 0.75))
        else:  # a kitten's pointed ears
            p.poly([(-11, -26), (-8, -38), (-3, -30)], fur)
            p.poly([(11, -26), (8, -38), (3, -30)], fur)
        p.ell(0, -22, 10, 9, fur)
        for x in (-4, 4):
            p.ell(x, -24, 1.6, 2, INK, outline=False)
        p.ell(0, -19, 2, 1.4, INK, outline=False)
    for x in range(-14, 15, 7):  # the bars over it
        p.line([(x, -40), (x, -3)], (70, 76, 86), 1.6)
    sub = Pen(p.d, p.cx + 13 * p.u, p.fy - 36 * p.u, p.u)  # the paw print on the door's corner
    _paw(sub, (250, 250, 250), 0.3)


def _pets(p: Pen, k: int) -> None:
    """A pet shop's goods in turn: a fish tank with its fish and weed, a bird in its cage, a sack of pet food."""
    if k % 3 == 0:
        p.rect(-20, -30, 20, 0, (170, 220, 240))
        p.line([(-20, -24), (20, -24)], (120, 190, 220), 1.2)  # the water's top
        p.stroke([(-12, 0), (-14, -14), (-10, -22)], (70, 150, 70), 2.4)
        p.ell(4, -14, 7, 4, (250, 140, 40))
        p.poly([(10, -14), (16, -19), (16, -9)], (250, 140, 40))
    elif k % 3 == 1:
        p.line([(0, -48), (0, -42)], (150, 150, 160), 1.4)
        p.arc(0, -26, 16, 180, 360, 1.6)
        for x in (-16, -8, 0, 8, 16):
            p.line([(x, -26 - (16 - abs(x)) * 0.9), (x, 0)], (160, 160, 170), 1.2)
        p.rect(-18, -2, 18, 0, (150, 150, 160))
        p.ell(0, -14, 6, 5, (250, 210, 60))  # the bird on its perch
        p.poly([(6, -15), (10, -13), (6, -12)], (240, 140, 40), outline=False)
        p.line([(-10, -8), (10, -8)], (150, 110, 70), 1.4)
    else:
        p.poly([(-14, -36), (14, -36), (16, 0), (-16, 0)], (230, 120, 60))
        p.rect(-14, -40, 14, -35, (200, 95, 45))
        p.ell(0, -18, 5, 4, WHITE, outline=False)  # a paw print
        for x, y in ((-6, -25), (-2, -27), (2, -27), (6, -25)):
            p.ell(x, y, 1.8, 1.8, WHITE, outline=False)


GOODS: dict[str, Callable[[Pen, int], None]] = {
    "buns": _food("steamed buns"), "shoes": _food("shoes"), "pets": _pets,
    "flowers": _bucket_of_flowers, "bread": _bread, "coffee": _coffee, "fruit": _fruit_crate, "books": _books,
    "fish": _fish, "meat": _food("sausages", "meat"), "noodles": _food("noodles"), "dumplings": _food("dumplings"),
    "ice cream": _food("ice cream"), "salon": _salon, "toys": _toys, "burgers": _food("burger"),
    "pizza": _food("pizza"), "sushi": _food("sushi"), "hot dogs": _food("hot dog"), "hotpot": _hotpot,
    "milk tea": _food("bubble tea"), "fabric": _fabric, "car parts": _car_parts, "kennels": _kennel,
    "newspapers": _food("newspaper"),
}


def _row(c: Canvas, goods: str, x0: float, x1: float, y: float, h: float, k0: int = 0) -> None:
    """Goods side by side on a shelf or counter from ``x0`` to ``x1``, standing on ``y``, ``h`` tall."""
    u = h * c.vh / 60
    step = 44 * u / c.vw
    n = max(1, int((x1 - x0) / step))
    for k in range(n):
        x = x0 + (k + 0.5) * (x1 - x0) / n
        pen = Pen(c.d, c.X(x), c.Y(y), u)
        pen.lw = max(1.0, c.lw * 0.8)
        GOODS[goods](pen, k0 + k)


def _sign(c: Canvas, kind: ShopKind, x0: float, y0: float, x1: float, y1: float) -> None:
    c.rect(x0, y0, x1, y1, kind.sign_color, r=1)
    c.rect(x0 + 0.01, y0 + 0.006, x1 - 0.01, y1 - 0.006, lighter(kind.sign_color, 0.82), outline=False, r=0.8)
    words = kind.sign_zh if c.lang == "zh" else kind.sign
    size = (6.5 if len(kind.sign) <= 7 else 5) * (0.72 if kind.emblem else 1.0)  # room for the emblem either side
    c.d.text((c.X((x0 + x1) / 2), c.Y((y0 + y1) / 2)), words, fill=darker(kind.sign_color, 0.7),
             font=_font(c.lang, max(8, round(c.u * size))), anchor="mm")
    if kind.emblem == "paw":  # a paw print at either end of the sign
        h = (y1 - y0) * c.vh
        for x in (x0 + 0.03, x1 - 0.03):
            _paw(Pen(c.d, c.X(x), c.Y(y1) - 0.3 * h, h / 70), kind.sign_color, 1.0)


def _awning(c: Canvas, col: RGB, x0: float, x1: float, y0: float, y1: float) -> None:
    n = max(2, round((x1 - x0) / 0.085))
    w = (x1 - x0) / n
    for i in range(n):
        x = x0 + i * w
        stripe = col if i % 2 == 0 else WHITE
        c.poly([(x, y0), (x + w, y0), (x + w, y1), (x + w / 2, y1 + 0.015), (x, y1)], stripe)


def _interior(c: Canvas, kind: ShopKind) -> None:
    """The shop's inside: its awning and sign, shelves of its goods either side, its counter."""
    c.grad(c.top, HORIZON, (244, 236, 218), (228, 218, 198))
    _awning(c, kind.awning, c.left, c.right, c.top, 0.06)
    for x0, x1 in ((c.left, 0.3), (0.7, c.right)):
        c.rect(x0, 0.14, x1, 0.6, (190, 140, 95))
        for r in range(3):
            y = 0.27 + r * 0.14
            c.rect(x0, y, x1, y + 0.015, (160, 112, 72))
            _row(c, kind.goods, x0 + 0.01, x1 - 0.01, y, 0.1, r + (x0 > 0.5))
    _sign(c, kind, 0.33, 0.1, 0.67, 0.2)
    c.floor((200, 196, 190), (226, 222, 216))
    if kind.centre == "car lift":
        _car_lift(c, kind)
        return
    c.rect(0.3, 0.5, 0.7, 0.64, (180, 120, 80))  # the counter, its goods on top
    c.rect(0.28, 0.48, 0.72, 0.505, (210, 160, 110))
    _row(c, kind.goods, 0.32, 0.68, 0.48, 0.07)


def _market_stalls(c: Canvas, kind: ShopKind) -> None:
    """The market's stalls sell the kind's goods under its banner."""
    for x0 in (c.left, 0.36, 0.72):
        c.rect(x0 + 0.005, 0.415, x0 + 0.295, 0.5, (236, 226, 206), outline=False)  # over the old produce
        _row(c, kind.goods, x0 + 0.02, x0 + 0.28, 0.5, 0.085, round(x0 * 10))
    _sign(c, kind, 0.2, 0.19, 0.8, 0.26)


def _shop_front(c: Canvas, kind: ShopKind) -> None:
    """The street's left shop front is the kind's: its awning, sign, and goods in the window."""
    x = 0.05
    _awning(c, kind.awning, x - 0.03, x + 0.33, 0.44, 0.47)
    c.rect(x + 0.02, 0.5, x + 0.26, 0.6, (200, 225, 235))
    _row(c, kind.goods, x + 0.03, x + 0.25, 0.6, 0.06)
    _sign(c, kind, x - 0.02, 0.38, x + 0.32, 0.435)


def draw_shop(c: Canvas, location: str, kind_name: str, background: Callable[[Canvas], None]) -> None:
    """The place drawn as the ``kind_name`` shop: ``background`` is the place's own picture."""
    kind = shop_kinds()[1][kind_name]
    if location in ("shop", "restaurant"):
        _interior(c, kind)
        return
    background(c)
    (_market_stalls if location == "market" else _shop_front)(c, kind)
