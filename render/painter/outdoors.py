"""Backgrounds for the open-air places a premise's event happens at: a lakeside with its water, reeds and
jetty; a mountain with its peaks (snow-capped, and white all over in a snowy scene); a garden wedding with
its flowered arch, aisle and guests' chairs; a quiet cemetery with a headstone and fresh flowers; a farm
with its red barn, hay and fence; the open sea seen from a fishing boat's deck."""

from __future__ import annotations

import math

from render.painter.canvas import Canvas
from render.painter.geometry import INK, RGB, WHITE, darker, lighter

_BLOSSOMS: tuple[RGB, ...] = ((250, 170, 190), WHITE, (255, 210, 225), (250, 200, 90))


def bg_lake(c: Canvas) -> None:
    """A lakeside: the far shore's hills and trees, a wide band of still water with ripples and the sky in
    it, reeds and lily pads at the edge, a wooden jetty reaching in, and the grassy near bank."""
    c.sky((110, 180, 236), (206, 232, 248), 0.44)
    c.clouds(2, 0.04, 0.2)
    for x, rx, col in ((0.15, 40, (120, 170, 120)), (0.7, 55, (104, 156, 110)), (1.05, 30, (130, 178, 126))):
        c.ellipse(x, 0.445, rx, 9, col, outline=False)  # far hills
    for k in range(9):  # the far shore's tree line
        x = -0.05 + k * 0.14
        c.ellipse(x, 0.43, 5, 3.4, (70, 130, 80), outline=False)
    c.grad(0.44, 0.64, (96, 170, 206), (52, 126, 176))  # the water
    c.rect(c.left, 0.44, c.right, 0.447, (70, 130, 90), outline=False)
    for _ in range(22):  # ripples catching the light
        x, y = c.rng.uniform(c.left, c.right), c.rng.uniform(0.47, 0.62)
        w = c.rng.uniform(0.03, 0.07)
        c.line([(x, y), (x + w / 2, y - 0.003), (x + w, y)], (196, 228, 244), 0.3)
    for x, y in ((0.2, 0.58), (0.27, 0.6), (0.78, 0.56)):  # lily pads
        c.ellipse(x, y, 2.6, 0.9, (80, 160, 90), outline=False)
    c.ellipse(0.205, 0.575, 0.8, 0.6, (255, 170, 200), outline=False)
    # the jetty: planks on posts, out over the water on the right
    wood = (150, 110, 72)
    c.poly([(0.72, 0.5), (0.86, 0.5), (1.02, 0.66), (0.78, 0.66)], wood)
    for k in range(1, 8):
        t = k / 8
        c.line([(0.72 + 0.06 * t, 0.5 + 0.16 * t), (0.86 + 0.16 * t, 0.5 + 0.16 * t)], darker(wood, 0.8), 0.25)
    for x, y in ((0.73, 0.5), (0.85, 0.5)):
        c.rect(x - 0.006, y - 0.03, x + 0.006, y + 0.03, darker(wood, 0.7))
    c.floor((104, 168, 80), (136, 196, 100), 0.64)  # the near bank
    c.line([(c.left, 0.64), (0.3, 0.646), (0.6, 0.638), (c.right, 0.645)], (80, 140, 70), 0.6)
    for x0 in (0.02, 0.1, 0.6):  # reeds and cattails along the edge
        for k in range(5):
            x = x0 + k * 0.012
            top = 0.55 + c.rng.uniform(0.0, 0.03)
            c.line([(x, 0.655), (x + 0.004, top)], (70, 130, 60), 0.4)
            if k % 2 == 0:
                c.ellipse(x + 0.004, top + 0.012, 0.5, 1.4, (130, 86, 50), outline=False)


def _peak(c: Canvas, x: float, top: float, half: float, base: float, rock: RGB, snow: float) -> None:
    """One mountain: a rock triangle and its snow cap down ``snow`` of its height."""
    c.poly([(x - half, base), (x, top), (x + half, base)], rock)
    c.poly([(x, top), (x + half * 0.25, top + (base - top) * 0.25), (x + half, base)], darker(rock, 0.85),
           outline=False)  # the shaded side
    h = (base - top) * snow
    f = h / (base - top)
    y = top + h
    pts = [(x, top), (x + half * f, y)]
    for k in range(1, 6):  # the cap's ragged lower edge
        t = k / 6
        pts.append((x + half * f * (1 - 2 * t), y - (0.02 if k % 2 else 0.0) * (base - top)))
    pts.append((x - half * f, y))
    c.poly(pts, (248, 250, 255))


def bg_mountain(c: Canvas) -> None:
    """A mountain: a range of high peaks across the sky, snow-capped (white all over in a snowy scene), pines
    on the slopes and the rocky trail the characters stand on."""
    snowy = c.weather == "snow"
    c.sky((96, 160, 230), (200, 226, 248), 0.56)
    c.clouds(2, 0.03, 0.12)
    cover = 0.85 if snowy else 0.32
    for x, top, half, rock in ((0.12, 0.2, 0.34, (132, 140, 166)), (0.86, 0.16, 0.36, (124, 132, 160))):
        _peak(c, x, top, half, 0.58, rock, cover)
    _peak(c, 0.5, 0.06, 0.42, 0.58, (112, 120, 150), cover)  # the summit, in the middle
    c.poly([(c.left, 0.6), (0.2, 0.5), (0.42, 0.56), (0.62, 0.49), (0.84, 0.55), (c.right, 0.5), (c.right, 0.66),
            (c.left, 0.66)], (226, 234, 244) if snowy else (104, 150, 96), outline=False)  # the nearer ridge
    pine = (60, 108, 84)
    for x, base, s in ((0.04, 0.66, 1.2), (0.12, 0.63, 0.8), (0.9, 0.64, 1.0), (0.97, 0.67, 1.3)):
        for k in range(3):
            w, y = 0.05 * s * (1 - k * 0.25), base - 0.04 * s * k
            c.poly([(x - w, y), (x, y - 0.07 * s), (x + w, y)], pine)
            if snowy:
                c.poly([(x - w * 0.4, y - 0.045 * s), (x, y - 0.07 * s), (x + w * 0.4, y - 0.045 * s)], WHITE,
                       outline=False)
    c.floor((150, 136, 118), (176, 164, 146), 0.64)  # the trail
    for _ in range(12):
        x, y = c.rng.uniform(c.left, c.right), c.rng.uniform(0.68, 0.95)
        c.ellipse(x, y, c.rng.uniform(1.5, 3), 1, (126, 116, 102))


def bg_wedding(c: Canvas) -> None:
    """A garden wedding: a hedge, the white arch wound with blossoms at the end of the aisle, the aisle's
    runner strewn with petals, and rows of white guests' chairs with bows on either side."""
    c.sky((130, 190, 240), (220, 238, 250), 0.4)
    c.clouds(2, 0.03, 0.16)
    c.rect(c.left, 0.36, c.right, 0.6, (86, 150, 84), outline=False)  # the hedge
    for k in range(16):
        c.ellipse(-0.05 + k * 0.075, 0.36, 4.2, 2.4, (96, 164, 92), outline=False)
    c.floor((122, 186, 98), (150, 206, 118), 0.6)
    c.poly([(0.4, 0.6), (0.6, 0.6), (0.78, c.bottom), (0.22, c.bottom)], (252, 250, 246))  # the aisle runner
    for _ in range(20):
        y = c.rng.uniform(0.62, 1.0)
        half = 0.1 + (y - 0.6) * 0.45
        c.ellipse(0.5 + c.rng.uniform(-half, half), y, 0.6, 0.4, c.rng.choice(_BLOSSOMS[:1] + ((230, 90, 120),)),
                  outline=False)
    # the arch: two white posts and a round top, wound with blossoms and leaves
    white = (250, 250, 252)
    for x in (0.27, 0.73):
        c.rect(x - 0.018, 0.3, x + 0.018, 0.62, white)
    arc = [(0.5 + 0.23 * math.cos(a), 0.3 - 0.16 * math.sin(a)) for a in [k * math.pi / 18 for k in range(19)]]
    c.line(arc, darker(white, 0.85), 3.6)
    c.line(arc, white, 2.8)
    for k, (x, y) in enumerate(arc[::2] + [(0.27, 0.4 + k * 0.06) for k in range(3)] +
                               [(0.73, 0.43 + k * 0.06) for k in range(3)]):
        c.ellipse(x + 0.01, y + 0.006, 1.3, 0.8, (90, 160, 80), outline=False)
        c.ellipse(x, y, 2.2, 2.2, _BLOSSOMS[k % len(_BLOSSOMS)], outline=False)
        c.ellipse(x, y, 0.7, 0.7, (250, 210, 90), outline=False)
    # the guests' chairs, in rows on both sides of the aisle
    for row in range(3):
        y = 0.7 + row * 0.1
        for side in (-1, 1):
            for k in range(2):
                x = 0.5 + side * (0.3 + row * 0.04 + k * 0.13)
                c.rect(x - 0.045, y - 0.07, x + 0.045, y - 0.055, white)  # the back rail
                c.rect(x - 0.045, y - 0.02, x + 0.045, y - 0.005, white)  # the seat
                for dx in (-0.04, 0.04):
                    c.rect(x + dx - 0.004, y - 0.07, x + dx + 0.004, y + 0.03, white, outline=False)
                c.ellipse(x + side * 0.045, y - 0.06, 1.0, 0.8, (240, 150, 170), outline=False)  # a bow


def _headstone(c: Canvas, x0: float, x1: float, top: float, base: float, stone: RGB) -> None:
    """A headstone seen from the front: straight sides and a round top (a half circle in the frame)."""
    r = (x1 - x0) / 2
    ry = r * c.vw / c.vh  # the half circle's height in frame fractions (the frame is tall)
    arc = [((x0 + x1) / 2 + r * math.cos(a), top + ry - ry * math.sin(a)) for a in [k * math.pi / 12 for k in range(13)]]
    c.poly([(x1, base), *arc, (x0, base)], stone)


def bg_cemetery(c: Canvas) -> None:
    """A quiet cemetery: a soft sky, a green hillside with rows of small headstones and a tree, and nearby
    one rounded headstone with fresh flowers at its foot."""
    c.sky((150, 184, 222), (226, 232, 242), 0.5)
    c.clouds(3, 0.04, 0.22, (246, 246, 250))
    c.ellipse(0.3, 0.56, 70, 12, (128, 170, 112), outline=False)  # the hillside
    c.ellipse(0.9, 0.55, 50, 10, (118, 162, 106), outline=False)
    c.floor((112, 162, 92), (140, 184, 116), 0.58)
    stone = (176, 178, 184)
    for row, (y, s) in enumerate(((0.5, 0.5), (0.55, 0.7))):  # rows of small headstones on the hill
        for k in range(6):
            x = 0.06 + k * 0.17 + (0.08 if row else 0.0)
            _headstone(c, x - 0.025 * s, x + 0.025 * s, y - 0.06 * s, y, stone)
    c.tree(0.12, 0.62, 1.6, (98, 150, 96))
    c.rect(0.02, 0.6, c.right, 0.606, (90, 90, 96), outline=False)  # a low railing
    for k in range(22):
        x = 0.02 + k * 0.05
        c.rect(x, 0.58, x + 0.006, 0.61, (90, 90, 96), outline=False)
    # the headstone nearby, rounded, with flowers laid at its foot
    x0, x1, top, base = 0.7, 0.92, 0.46, 0.7
    _headstone(c, x0, x1, top, base, lighter(stone, 0.05))
    for k in range(3):  # its carved lines
        c.line([(x0 + 0.04, top + 0.1 + k * 0.03), (x1 - 0.04, top + 0.1 + k * 0.03)], darker(stone, 0.8), 0.4)
    c.rect(x0 - 0.02, base, x1 + 0.02, base + 0.02, darker(stone, 0.9))
    for k in range(7):
        x = x0 + 0.02 + k * 0.03
        c.line([(x, base + 0.01), (x + 0.005, base - 0.04)], (80, 150, 70), 0.3)
        c.ellipse(x + 0.005, base - 0.045, 1.4, 1.4, _BLOSSOMS[k % 3] if k % 2 else (240, 120, 150), outline=False)
        c.ellipse(x + 0.005, base - 0.045, 0.5, 0.5, (250, 210, 90), outline=False)


def bg_farm(c: Canvas) -> None:
    """A farm: the red barn with its white-trimmed doors, a silo, rows of crops in the field, hay bales and
    the wooden fence along the yard."""
    c.sky((110, 182, 240), (210, 236, 250), 0.5)
    c.ellipse(0.86, 0.08, 6, 6, (255, 235, 130), outline=False)
    c.clouds(2, 0.03, 0.18)
    c.ellipse(0.5, 0.52, 80, 10, (150, 196, 110), outline=False)  # the rolling field
    for k in range(6):  # rows of crops
        y = 0.5 + k * 0.018
        c.line([(c.left, y), (c.right, y + 0.01)], (110, 160, 76), 0.5)
    red, trim = (196, 56, 48), (250, 244, 236)
    c.rect(0.58, 0.26, 0.66, 0.56, (200, 200, 206))  # the silo
    c.ellipse(0.62, 0.26, 4, 2.2, (170, 170, 180))
    c.poly([(0.66, 0.32), (0.82, 0.2), (0.98, 0.32)], darker(red, 0.8))  # the barn's roof
    c.rect(0.68, 0.32, 0.96, 0.58, red)
    c.rect(0.76, 0.42, 0.88, 0.58, darker(red, 0.85))  # its doors, with the white cross
    c.line([(0.76, 0.42), (0.88, 0.58)], trim, 0.5)
    c.line([(0.88, 0.42), (0.76, 0.58)], trim, 0.5)
    c.rect(0.79, 0.34, 0.85, 0.39, trim)  # the hayloft window
    c.floor((132, 176, 80), (166, 200, 104), 0.6)
    for x, y in ((0.08, 0.6), (0.2, 0.62)):  # hay bales
        c.ellipse(x, y, 4.4, 3.2, (232, 196, 96))
        c.ellipse(x - 0.01, y, 2.0, 1.6, (214, 174, 76), outline=False)
    wood = (170, 120, 76)
    c.rect(c.left, 0.655, c.right, 0.665, wood)  # the fence's rails and posts
    c.rect(c.left, 0.69, c.right, 0.7, wood)
    for k in range(12):
        x = 0.0 + k * 0.09
        c.rect(x - 0.008, 0.64, x + 0.008, 0.72, darker(wood, 0.85))


def bg_sea(c: Canvas, vessel: str = "fishing boat") -> None:
    """Out at sea, on a boat (``vessel``: a fishing boat, a pirate ship with its black flag, a white yacht): open
    water to the horizon all round (a lighthouse on a far headland in calm weather, high white-capped swells in a
    storm), and the boat's deck the cast stands on: planks, the gunwale with a lifebuoy, the bow rising on the
    right, a mast with its furled sail and the wheelhouse."""
    stormy = c.weather in ("storm", "rain")
    c.sky((96, 170, 226), (200, 228, 246), 0.42)
    c.clouds(2, 0.04, 0.2)
    if not stormy:  # the far headland and its lighthouse
        c.ellipse(0.12, 0.425, 18, 3.2, (110, 140, 120), outline=False)
        c.rect(0.115, 0.33, 0.145, 0.41, WHITE)
        for y in (0.35, 0.38):
            c.rect(0.115, y, 0.145, y + 0.012, (214, 60, 56), outline=False)
        c.rect(0.11, 0.315, 0.15, 0.335, (60, 64, 76))
        c.glow(0.13, 0.325, 5, (255, 236, 150), 80)
    deep, near = ((44, 74, 100), (28, 52, 76)) if stormy else ((60, 130, 190), (36, 96, 150))
    c.grad(0.42, 0.6, deep, near)  # the open water
    foam = (226, 238, 244)
    rows = 5
    for k in range(rows):  # rolling swells, row on row, higher nearer the boat and far higher in a storm
        y = 0.45 + k * 0.03
        amp = (0.006 + 0.004 * k) * (2.6 if stormy else 1.0)
        length = 0.16 + 0.03 * k
        phase = c.rng.uniform(0.0, 6.3)
        xs = [c.left + n * 0.02 for n in range(int((c.right - c.left) / 0.02) + 2)]
        crest = [(x, y - amp * max(0.0, math.sin(x / length * 6.283 + phase)) ** 2) for x in xs]
        body = lighter(near, 0.12 + 0.05 * k) if not stormy else lighter(near, 0.08 + 0.06 * k)
        c.poly([*crest, (c.right, y + 0.03), (c.left, y + 0.03)], body, outline=False)
        for a, b in zip(crest, crest[1:], strict=False):  # the foam along the top of each swell
            if a[1] < y - amp * 0.55:
                c.line([a, b], foam, 0.35 + 0.1 * k)
    if stormy:  # spray flung off the crests
        for _ in range(14):
            x, y = c.rng.uniform(c.left, c.right), c.rng.uniform(0.44, 0.56)
            c.ellipse(x, y, 0.7, 0.5, foam, outline=False)
    if stormy:  # towering waves rearing over the boat, their crests curling into foam
        for cx, top, half, d in ((0.3, 0.2, 0.24, 1), (0.76, 0.25, 0.2, -1)):
            wall = (92, 150, 182)
            tip = (cx + d * half * 0.45, top)
            c.poly([(cx - half, 0.6), (cx - half * 0.6, 0.44), (cx - d * half * 0.1, top + 0.05), tip,
                    (cx + d * half * 0.8, top + 0.04), (cx + half * 0.7, 0.44), (cx + half, 0.6)], wall, outline=False)
            c.poly([(cx - d * half * 0.1, top + 0.05), tip, (cx + d * half * 0.8, top + 0.04),
                    (cx + d * half * 0.5, top + 0.035), (cx + d * half * 0.2, top + 0.06)], foam, outline=False)
            for k in range(5):  # the spray off the curl
                c.ellipse(cx + d * half * (0.85 + 0.08 * k), top + 0.05 + 0.012 * k, 1.2 - 0.15 * k, 0.9, foam,
                          outline=False)
            c.line([(cx - half * 0.5, 0.47), (cx - d * half * 0.05, top + 0.1)], lighter(wall, 0.25), 0.5)
    hull, wood = {"pirate ship": ((110, 72, 42), (140, 98, 60)), "yacht": ((246, 246, 250), (214, 184, 140))}.get(
        vessel, ((200, 62, 52), (168, 122, 78)))
    # the mast and its furled sail, the rigging down to the gunwale
    c.line([(0.84, 0.61), (0.84, 0.1)], (120, 84, 52), 1.0)
    c.line([(0.84, 0.22), (0.64, 0.24)], (120, 84, 52), 0.6)  # the boom
    c.poly([(0.65, 0.235), (0.83, 0.22), (0.83, 0.25), (0.66, 0.255)], (236, 226, 200))  # the furled sail
    if vessel == "pirate ship":  # the black flag and its skull
        c.poly([(0.84, 0.1), (0.97, 0.115), (0.84, 0.14)], (30, 30, 34))
        c.ellipse(0.885, 0.118, 1.2, 0.9, WHITE, outline=False)
    for x in (0.62, 0.98):
        c.line([(0.84, 0.12), (x, 0.6)], (90, 70, 52), 0.25)
    # the wheelhouse on the left: planked walls, a window and a small roof
    c.rect(c.left - 0.02, 0.4, 0.2, 0.61, (236, 232, 220))
    c.rect(c.left - 0.03, 0.375, 0.22, 0.405, (60, 110, 160))
    c.rect(0.06, 0.44, 0.17, 0.51, (150, 196, 226))
    c.line([(0.115, 0.44), (0.115, 0.51)], INK, 0.3)
    # the gunwale: the boat's red side along the far edge of the deck, rising to the bow on the right
    c.poly([(c.left, 0.585), (0.7, 0.585), (0.9, 0.56), (c.right, 0.52), (c.right, 0.62), (c.left, 0.625)], hull)
    c.line([(c.left, 0.59), (0.7, 0.59), (0.9, 0.566), (c.right, 0.527)], WHITE, 0.5)
    c.floor(darker(wood, 0.85), wood, 0.62)  # the deck
    for k in range(1, 7):  # its planks, running away from the viewer
        x = -0.2 + k * 0.2
        c.line([(0.5 + (x - 0.5) * 0.6, 0.62), (x, c.bottom)], darker(wood, 0.75), 0.25)
    c.ellipse(0.42, 0.6, 3.2, 2.4, (236, 80, 70))  # the lifebuoy hung on the gunwale
    c.ellipse(0.42, 0.6, 1.5, 1.1, hull, outline=False)
    for dx, dy in ((-2.6, 0.0), (2.6, 0.0)):
        c.ellipse(0.42 + dx / 100, 0.6 + dy, 0.7, 0.9, WHITE, outline=False)
    c.ellipse(0.6, 0.63, 3.4, 1.0, (214, 190, 140))  # a coil of rope on the deck
    c.ellipse(0.6, 0.627, 1.8, 0.5, darker(wood, 0.8), outline=False)
