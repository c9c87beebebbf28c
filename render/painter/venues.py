"""A place drawn as the venue its scene names: the stadium as a gym (a mirror wall, a dumbbell rack and a
loaded barbell on its stand, a rubber floor) where the words say gym, weights, 健身房 or 举重, and the stage
where its scene holds a strength contest (举重比赛); the stage as a
show ring (bunting, a rosette, a white ring fence on green carpet, the show's banner) where they say dog
show, cat show, best in show, 狗展; the stage as a TV studio on air (its cameras, lights and audience, a show
kitchen with ovens for a baking or cooking show) where they say a show on TV, a baking show, 电视厨艺大赛; the street as a home's front (a cosy house with its roof, chimney, picket
fence and a SOLD sign on the lawn) and the mansion as its front garden (a white villa with columns, hedges,
flower beds and a fountain) where the scene's own setting or props name the house (a house bought or moved
into: ``story/buying.py``; never from the premise or a line, so the house stands only where the story reaches
it). Found like a shop's trade (``story.venues.shop_kind``): the scene's setting, props, narration, then the
premise; reported as the place drawn. Pure drawing on a ``Canvas``.

``story.venues.place_drawn`` is the shop or venue a scene is drawn as, and ``venue_captions`` names it in each scene's
headline ("Gym" under the GYM banner, "Bakery" under the BAKERY sign, never "Stadium" or "Shop").
"""

from __future__ import annotations

from collections.abc import Callable

from render.painter.backgrounds import BACKGROUNDS
from render.painter.canvas import Canvas
from render.painter.geometry import GOLD, HORIZON, WHITE, darker, star_pts, with_alpha
from render.painter.landmarks import bg_stadium
from render.painter.shops import shop_kinds, sign, sign_text
from story.plan import place_title
from story.script import Script
from story.venues import VENUES, ShopMatch, places_drawn


def _gym(c: Canvas, banner: str) -> None:
    c.grad(c.top, HORIZON, (222, 226, 232), (200, 206, 216))
    c.rect(c.left, HORIZON - 0.05, c.right, HORIZON, (62, 72, 96), outline=False)  # the wall's dark dado
    c.rect(0.24, 0.13, 0.76, 0.5, (186, 218, 236))  # the mirror wall
    for x in (0.32, 0.4, 0.62):
        c.line([(x, 0.48), (x + 0.1, 0.15)], (236, 246, 252), 0.8)
    c.rect(0.36, 0.03, 0.64, 0.1, (220, 48, 56), r=0.6)
    sign(c, banner, 0.5, 0.065, 4.2, WHITE, width=0.24)
    c.rect(0.0, 0.44, 0.2, 0.46, (90, 94, 104))  # the dumbbell rack
    for x in (0.02, 0.18):
        c.rect(x - 0.006, 0.44, x + 0.006, HORIZON - 0.01, (90, 94, 104))
    for k, y in enumerate((0.41, 0.54)):
        c.rect(0.0, y + 0.03, 0.2, y + 0.045, (90, 94, 104))
        for x in (0.05, 0.1, 0.15):
            c.rect(x - 0.018, y + 0.025, x + 0.018, y + 0.03, (180, 184, 194), outline=False)
            for dx in (-0.018, 0.018):
                c.ellipse(x + dx, y + 0.02, 1.2 + k * 0.3, 1.6 + k * 0.3, (44, 46, 56))
    for x in (0.84, 0.96):  # the barbell on its stand
        c.rect(x - 0.007, 0.24, x + 0.007, HORIZON - 0.01, (70, 74, 86))
    c.rect(0.8, 0.265, 1.0, 0.275, (196, 200, 210))
    for x in (0.82, 0.98):
        c.rect(x - 0.01, 0.22, x + 0.01, 0.32, (44, 46, 56), r=0.4)
    c.floor((58, 60, 68), (82, 84, 94))
    for k in range(1, 5):  # rubber floor tiles
        c.line([(c.left, HORIZON + k * 0.07), (c.right, HORIZON + k * 0.07)], (70, 72, 82), 0.3)


def _pool(c: Canvas, banner: str) -> None:
    """A swimming hall: a tiled wall under its banner, the blue water in lanes with red-and-white lane ropes,
    the wet deck in front where the swimmers stand."""
    c.grad(c.top, 0.4, (206, 228, 240), (180, 212, 232))
    for k in range(1, 9):  # the wall's tiles
        c.line([(c.left, 0.06 * k), (c.right, 0.06 * k)], (196, 220, 234), 0.3)
    c.rect(0.3, 0.05, 0.7, 0.12, (30, 110, 190), r=0.6)
    sign(c, banner, 0.5, 0.085, 4.2, WHITE, width=0.36)
    c.rect(c.left, 0.4, c.right, 0.44, (40, 70, 120), outline=False)  # the far edge of the pool
    c.grad(0.44, 0.6, (70, 170, 230), (40, 130, 210))  # the water, lighter far off
    for k, y in enumerate((0.47, 0.515, 0.565)):  # lane ropes: floats in red and white
        x = c.left
        while x < c.right:
            c.ellipse(x, y, 0.8 + k * 0.3, 0.5 + k * 0.2, (230, 60, 60) if round(x * 40) % 2 else WHITE,
                      outline=False)
            x += 0.025
    for k in range(6):  # ripples of light on the water
        x = 0.08 + k * 0.17
        c.line([(x, 0.49 + 0.02 * (k % 3)), (x + 0.07, 0.49 + 0.02 * (k % 3))], (170, 225, 250), 0.4)
    c.rect(c.left, 0.6, c.right, 0.615, WHITE, outline=False)  # the pool's edge
    c.floor((176, 206, 222), (210, 228, 236), 0.615)  # the wet deck where the swimmers stand


def _finish(c: Canvas, banner: str) -> None:
    """The stadium at its finish line: the track's lanes to the front, a checkered stripe across them, posts and
    a chequered banner over the line, and the tape stretched between the posts."""
    bg_stadium(c)
    c.floor((196, 92, 70), (214, 120, 96), 0.53)  # the running track
    for k in range(1, 6):
        x0 = k / 6
        c.line([(0.5 + (x0 - 0.5) * 0.5, 0.53), (0.5 + (x0 - 0.5) * 1.6, c.bottom)], WHITE, 0.4)
    for j in range(2):  # the checkered finish stripe across the lanes
        for k in range(28):
            x = c.left + k * 0.04
            c.rect(x, 0.66 + j * 0.02, x + 0.04, 0.68 + j * 0.02,
                   (30, 30, 36) if (k + j) % 2 else WHITE, outline=False)
    for x in (0.06, 0.94):  # the posts
        c.rect(x - 0.012, 0.3, x + 0.012, 0.67, (200, 204, 214))
    c.rect(0.04, 0.28, 0.96, 0.36, WHITE)  # the banner over the line
    for k in range(23):
        c.rect(0.04 + k * 0.04, 0.28, 0.06 + k * 0.04, 0.3, (30, 30, 36), outline=False)
        c.rect(0.06 + k * 0.04, 0.34, 0.08 + k * 0.04, 0.36, (30, 30, 36), outline=False)
    sign(c, banner, 0.5, 0.32, 4.0, (200, 40, 50), width=0.4)
    c.line([(0.06, 0.55), (0.94, 0.55)], (230, 50, 60), 0.5)  # the finish tape


def _show_ring(c: Canvas, banner: str) -> None:
    c.grad(c.top, HORIZON, (40, 60, 110), (70, 96, 150))
    cols = [(230, 70, 70), (250, 210, 70), (90, 160, 230), (120, 200, 120)]
    for k in range(13):  # bunting across the hall
        x = c.left + k * 0.09
        c.poly([(x, 0.16), (x + 0.08, 0.16), (x + 0.04, 0.21)], cols[k % 4])
    c.line([(c.left, 0.16), (c.right, 0.16)], (240, 240, 240), 0.4)
    c.rect(0.22, 0.03, 0.78, 0.11, (250, 246, 236), r=0.6)  # the show's banner
    sign(c, banner, 0.5, 0.07, 4.2, (40, 60, 110), width=0.5)
    c.ellipse(0.5, 0.33, 7.5, 7.5, (40, 110, 200))  # the rosette and its ribbons
    c.poly([(0.47, 0.36), (0.44, 0.47), (0.48, 0.45), (0.5, 0.36)], (40, 110, 200))
    c.poly([(0.53, 0.36), (0.56, 0.47), (0.52, 0.45), (0.5, 0.36)], (40, 110, 200))
    c.ellipse(0.5, 0.33, 4.5, 4.5, GOLD)
    c.poly(star_pts(0.5, 0.33, 0.025), WHITE, outline=False)
    c.floor((70, 150, 90), (96, 176, 106))  # green show carpet
    for x in (0.02, 0.2, 0.38, 0.62, 0.8, 0.98):  # the white ring fence
        c.rect(x - 0.008, HORIZON - 0.06, x + 0.008, HORIZON + 0.01, WHITE)
    for y in (HORIZON - 0.05, HORIZON - 0.02):
        c.rect(c.left, y, c.right, y + 0.01, WHITE)


_SHOW_KITCHENS = ("BAKING SHOW", "COOKING SHOW")  # a show of cooks: its kitchen counter with ovens


def _studio_camera(c: Canvas, x: float, facing: int) -> None:
    """A TV camera on its tripod dolly at ``x``, its lens turned toward the middle, its red tally light on."""
    c.line([(x, 0.6), (x - 0.05, 0.76)], (60, 62, 72), 0.9)  # the tripod's legs
    c.line([(x, 0.6), (x + 0.05, 0.76)], (60, 62, 72), 0.9)
    c.line([(x, 0.6), (x, 0.76)], (60, 62, 72), 0.9)
    for dx in (-0.05, 0.0, 0.05):
        c.ellipse(x + dx, 0.765, 1.1, 0.8, (30, 30, 36), outline=False)  # the dolly's wheels
    c.rect(x - 0.055, 0.49, x + 0.055, 0.6, (54, 58, 70), r=0.3)  # the camera body
    c.rect(x - 0.04, 0.505, x + 0.02, 0.54, (86, 92, 108), outline=False)  # its side panel
    lens = x + 0.055 * facing
    c.rect(min(lens, lens + 0.05 * facing), 0.515, max(lens, lens + 0.05 * facing), 0.575, (36, 38, 46))
    c.ellipse(lens + 0.05 * facing, 0.545, 1.7, 2.6, (90, 150, 210))  # the lens glass
    c.ellipse(x - 0.03 * facing, 0.5, 1.0, 1.0, (240, 40, 50), outline=False)  # the tally light: on air
    c.glow(x - 0.03 * facing, 0.5, 2.5, (255, 60, 60), 80)
    c.line([(x - 0.055 * facing, 0.58), (x - 0.11 * facing, 0.62)], (60, 62, 72), 0.6)  # the pan handle


def _tv_studio(c: Canvas, banner: str) -> None:
    """A TV studio on air: a lighting truss of spotlights over a screen wall that says the show's name, an ON AIR
    sign, the audience on its tiers at either side, two cameras on tripods turned at the set, and for a show of
    cooks (a baking or cooking show) the show kitchen: a long counter with ovens glowing under it, a mixing bowl
    and a cake stand on top."""
    c.grad(c.top, HORIZON, (22, 26, 52), (44, 40, 86))
    c.rect(0.22, 0.1, 0.78, 0.4, (34, 70, 150), r=0.4)  # the screen wall, the show's name on it
    c.grad(0.12, 0.38, (70, 130, 230), (150, 80, 200), 0.24, 0.76)
    for k in range(1, 6):  # the screen's panel seams
        c.line([(0.24 + k * 0.087, 0.12), (0.24 + k * 0.087, 0.38)], (60, 90, 170), 0.25)
    for x in (0.3, 0.7):
        c.poly(star_pts(x, 0.3, 0.03), (255, 226, 90))
    sign(c, banner, 0.5, 0.17, 5.0, WHITE, width=0.48)
    c.rect(c.left, 0.02, c.right, 0.04, (120, 124, 136), outline=False)  # the lighting truss
    for k in range(12):
        x = c.left + k * 0.1
        c.line([(x, 0.02), (x + 0.05, 0.04)], (90, 94, 104), 0.3)
    for x in (0.1, 0.3, 0.5, 0.7, 0.9):  # its spotlights and their beams onto the set
        c.poly([(x - 0.018, 0.06), (x + 0.018, 0.06), (0.5 + (x - 0.5) * 0.5 + 0.1, 0.9),
                (0.5 + (x - 0.5) * 0.5 - 0.1, 0.9)], (255, 244, 200, 26), outline=False)
        c.rect(x - 0.02, 0.035, x + 0.02, 0.07, (40, 40, 48), r=0.3)
        c.ellipse(x, 0.07, 1.6, 0.8, (255, 246, 210), outline=False)
    c.rect(0.03, 0.08, 0.19, 0.13, (200, 30, 40), r=0.5)  # ON AIR
    sign(c, "ON AIR", 0.11, 0.105, 2.6, WHITE, width=0.14)
    c.glow(0.11, 0.105, 9.0, (255, 60, 60), 60)
    seat = [(120, 80, 60), (230, 200, 150), (60, 50, 46), (200, 140, 80), (250, 246, 236), (150, 150, 160)]
    for side in (-1, 1):  # the audience on its tiers either side of the screen
        for row in range(3):
            y = 0.2 + row * 0.075
            c.rect(0.5 + side * 0.3 if side > 0 else c.left, y + 0.03,
                   c.right if side > 0 else 0.5 - 0.3, y + 0.045, (60, 56, 92), outline=False)
            for k in range(4):
                x = (0.84 + k * 0.07 + row * 0.02) if side > 0 else (0.16 - k * 0.07 - row * 0.02)
                col = seat[(k + row * 2 + (side > 0)) % len(seat)]
                c.ellipse(x, y + 0.012, 1.9, 2.0, col)
                for ear in (-1, 1):
                    c.poly([(x + ear * 0.012, y), (x + ear * 0.019, y - 0.022), (x + ear * 0.002, y - 0.006)], col)
    c.floor((40, 40, 56), (70, 68, 96))  # the studio floor, the set lit on it
    c.ellipse(0.5, 0.8, 44, 8, with_alpha((255, 236, 180), 55), outline=False)
    if banner in _SHOW_KITCHENS:  # the show kitchen: its counter along the back, ovens under it
        c.rect(0.2, 0.49, 0.8, 0.515, (236, 236, 240))  # the worktop
        c.rect(0.21, 0.515, 0.79, HORIZON + 0.02, (196, 60, 70))
        for x in (0.27, 0.43, 0.57, 0.73):
            c.rect(x - 0.06, 0.53, x + 0.06, HORIZON + 0.005, (60, 60, 68), r=0.3)  # an oven door
            c.rect(x - 0.045, 0.545, x + 0.045, 0.62, (255, 150, 60))  # its window, glowing
            c.rect(x - 0.04, 0.538, x + 0.04, 0.541, (200, 200, 210), outline=False)  # the handle
        c.ellipse(0.32, 0.478, 4.6, 2.2, (230, 230, 236))  # a mixing bowl on the worktop
        c.ellipse(0.32, 0.47, 3.4, 1.2, (250, 240, 220), outline=False)
        c.rect(0.665, 0.46, 0.675, 0.49, (220, 220, 228), outline=False)  # a cake on its stand
        c.rect(0.64, 0.455, 0.7, 0.462, (220, 220, 228))
        c.rect(0.645, 0.415, 0.695, 0.455, (250, 220, 230))
        c.rect(0.645, 0.412, 0.695, 0.42, (255, 250, 250), outline=False)
        c.ellipse(0.67, 0.405, 0.8, 0.8, (220, 30, 50), outline=False)
    for x, facing in ((0.06, 1), (0.94, -1)):
        _studio_camera(c, x, facing)


def _party(c: Canvas, banner: str) -> None:
    """The mansion's hall dressed for a party: bunting across it, its banner (HAPPY BIRTHDAY where the words say
    a birthday) over the painting, bunches of balloons on their strings before the columns, confetti in the air."""
    BACKGROUNDS["mansion"](c)
    cols = [(240, 90, 120), (90, 170, 240), (255, 210, 70), (120, 200, 120), (190, 120, 230)]
    for row, y in enumerate((0.16,)):  # a string of bunting across the hall
        c.line([(c.left, y), (0.5, y + 0.03), (c.right, y)], (250, 246, 236), 0.4)
        for k in range(14):
            x = c.left + k * (c.right - c.left) / 14
            dy = 0.03 * (1 - abs(x - 0.5) * 2) if 0 <= x <= 1 else 0.0
            c.poly([(x, y + dy), (x + 0.06, y + dy), (x + 0.03, y + dy + 0.045)], cols[(k + row) % len(cols)])
    c.rect(0.2, 0.205, 0.8, 0.285, (255, 244, 250), r=0.5)  # the banner over the painting
    sign(c, banner, 0.5, 0.245, 4.4, (220, 60, 110), width=0.54)
    for x, side in ((0.11, 1), (0.89, -1)):  # bunches of balloons, their strings down to the floor
        for k, (dx, dy) in enumerate(((0.0, 0.3), (0.055 * side, 0.27), (-0.04 * side, 0.25), (0.03 * side, 0.35))):
            bx, by = x + dx, dy
            c.line([(bx, by + 0.045), (x, HORIZON - 0.02)], (250, 246, 236), 0.25)
            c.ellipse(bx, by, 3.4, 4.2, cols[(k + (side > 0)) % len(cols)])
            c.ellipse(bx - 0.008, by - 0.015, 0.8, 1.3, (255, 255, 255, 170), outline=False)
    for _ in range(30):  # confetti in the air
        x, y = c.rng.uniform(0.02, 0.98), c.rng.uniform(0.3, 0.6)
        c.rect(x, y, x + 0.008, y + 0.006, c.rng.choice(cols), outline=False)


def _lawn(c: Canvas, at: float) -> None:
    c.floor((112, 178, 84), (146, 204, 110), at)
    c.poly([(0.44, at), (0.56, at), (0.66, c.bottom), (0.34, c.bottom)], (216, 204, 184), outline=False)  # the path


def _house(c: Canvas, banner: str) -> None:
    """A cosy house seen from its garden: pitched roof and chimney, a door, lit windows, a picket fence and a
    sign on the lawn when ``banner`` says one (SOLD: it is the new owner's)."""
    c.sky((120, 186, 240), (212, 236, 250), 0.6)
    c.clouds(2, 0.03, 0.16)
    for x in (0.06, 0.94):
        c.tree(x, 0.6, 1.3)
    wall, roof, trim = (246, 222, 178), (186, 70, 58), (255, 250, 240)
    c.rect(0.4, 0.14, 0.46, 0.26, (150, 90, 80))  # the chimney
    c.rect(0.24, 0.34, 0.76, 0.6, wall)
    c.poly([(0.18, 0.35), (0.5, 0.16), (0.82, 0.35)], roof)
    c.ellipse(0.5, 0.28, 3.2, 3.2, trim)  # the attic's round window
    for x in (0.3, 0.6):  # windows, lit warm
        c.rect(x, 0.4, x + 0.1, 0.48, (255, 226, 140))
        c.line([(x + 0.05, 0.4), (x + 0.05, 0.48)], trim, 0.4)
        c.line([(x, 0.44), (x + 0.1, 0.44)], trim, 0.4)
    c.rect(0.46, 0.5, 0.54, 0.6, (120, 78, 56), r=0.3)  # the door
    c.ellipse(0.525, 0.555, 0.7, 0.7, GOLD, outline=False)
    _lawn(c, 0.6)
    for x in (0.22, 0.74):
        c.plant(x, 0.61, 0.6)
    for k in range(14):  # the picket fence either side of the gate
        x = c.left + 0.02 + k * 0.075
        if 0.38 < x < 0.62:
            continue
        c.poly([(x - 0.012, 0.68), (x - 0.012, 0.64), (x, 0.625), (x + 0.012, 0.64), (x + 0.012, 0.68)], trim)
    for y in (0.645, 0.665):
        c.rect(c.left, y, 0.38, y + 0.006, trim, outline=False)
        c.rect(0.62, y, c.right, y + 0.006, trim, outline=False)
    if banner:  # a home bought: its SOLD sign; one its pet is thrown out of: none
        c.rect(0.855, 0.55, 0.865, 0.64, (130, 90, 60))  # the sign on the lawn
        c.rect(0.8, 0.5, 0.92, 0.56, WHITE, r=0.3)
        sign(c, banner, 0.86, 0.53, 2.6, (200, 40, 50), width=0.11)


def _villa(c: Canvas, banner: str) -> None:
    """A mansion from its garden: a wide white villa with columns and a gold-lit door, clipped hedges, flower
    beds and a fountain."""
    c.sky((110, 176, 236), (206, 232, 250), 0.6)
    c.clouds(2, 0.02, 0.12)
    white, roof = (250, 246, 238), (120, 128, 150)
    c.rect(0.02, 0.22, 0.98, 0.58, white)
    c.poly([(0.0, 0.23), (0.5, 0.1), (1.0, 0.23)], roof)
    c.poly([(0.34, 0.23), (0.5, 0.15), (0.66, 0.23)], white)  # the pediment
    for row in (0.27, 0.42):  # two storeys of tall windows
        for x in (0.06, 0.18, 0.74, 0.86):
            c.rect(x, row, x + 0.08, row + 0.1, (170, 210, 236) if row < 0.4 else (255, 226, 140))
    for x in (0.36, 0.44, 0.56, 0.64):  # the columns of the porch
        c.rect(x - 0.012, 0.24, x + 0.012, 0.58, (236, 230, 218))
    c.rect(0.46, 0.44, 0.54, 0.58, (150, 100, 60), r=0.3)
    c.glow(0.5, 0.5, 5, GOLD, 60)
    _lawn(c, 0.6)
    for x0, x1 in ((c.left, 0.3), (0.7, c.right)):  # clipped hedges with flowers before them
        c.rect(x0, 0.56, x1, 0.62, (70, 140, 70), r=0.6)
        for k in range(6):
            c.ellipse(x0 + (x1 - x0) * (k + 0.5) / 6, 0.635, 1.4, 1.4, ((240, 80, 110), (250, 210, 70))[k % 2])
    c.ellipse(0.5, 0.63, 9, 2.2, (200, 200, 206))  # the fountain
    c.ellipse(0.5, 0.625, 7, 1.4, (120, 190, 230), outline=False)
    c.line([(0.5, 0.62), (0.5, 0.57)], (190, 226, 246), 0.6)
    if banner:
        c.rect(0.4, 0.185, 0.6, 0.22, GOLD, r=0.3)
        sign(c, banner, 0.5, 0.2, 2.4, WHITE, width=0.18)


def _hotel(c: Canvas, banner: str) -> None:
    """A hotel's lobby: cream walls with a gold-lit chandelier, the HOTEL sign and its stars over the wooden
    reception desk with its bell, the board of room keys behind it, a brass luggage cart piled with suitcases
    and a potted palm on a chequered marble floor."""
    c.grad(c.top, HORIZON, (244, 232, 206), (226, 208, 176))
    for x in (0.04, 0.96):  # the pilasters
        c.rect(x - 0.03, 0.08, x + 0.03, HORIZON, (236, 222, 192))
    c.rect(0.26, 0.05, 0.74, 0.13, (120, 30, 44), r=0.6)  # the sign, its stars over it
    sign(c, banner, 0.5, 0.09, 4.4, GOLD, width=0.4)
    for k in range(5):
        c.poly(star_pts(0.38 + k * 0.06, 0.165, 0.012), GOLD)
    c.line([(0.5, c.top), (0.5, 0.2)], (150, 120, 60), 0.4)  # the chandelier
    c.glow(0.5, 0.24, 9, GOLD, 80)
    c.poly([(0.42, 0.22), (0.58, 0.22), (0.54, 0.27), (0.46, 0.27)], GOLD)
    for x in (0.42, 0.47, 0.53, 0.58):
        c.ellipse(x, 0.215, 1.0, 1.0, (255, 240, 190))
    c.rect(0.6, 0.25, 0.92, 0.42, (150, 96, 56))  # the board of room keys
    for row in range(3):
        for k in range(6):
            x, y = 0.63 + k * 0.05, 0.28 + row * 0.05
            c.ellipse(x, y, 0.6, 0.6, (80, 50, 30), outline=False)
            c.rect(x - 0.006, y + 0.006, x + 0.006, y + 0.03, GOLD, outline=False)
    c.rect(0.22, 0.44, 0.96, 0.58, (140, 84, 48))  # the reception desk, its gold trim and bell
    c.rect(0.2, 0.42, 0.98, 0.45, (96, 56, 32))
    c.rect(0.22, 0.5, 0.96, 0.515, GOLD, outline=False)
    c.ellipse(0.84, 0.41, 2.4, 1.6, GOLD)
    c.ellipse(0.84, 0.392, 0.6, 0.6, (200, 170, 80))
    c.floor((214, 208, 200), (240, 236, 228))
    for k in range(14):  # the marble floor's dark squares
        for row in range(5):
            if (k + row) % 2:
                x, y = c.left + k * 0.09, HORIZON + row * 0.09
                c.rect(x, y, x + 0.09, y + 0.09, (190, 182, 172), outline=False)
    for x in (0.02, 0.16):  # the luggage cart: its brass frame, the cases piled on it
        c.rect(x - 0.005, 0.3, x + 0.005, 0.62, GOLD)
    c.line([(0.02, 0.3), (0.09, 0.26), (0.16, 0.3)], GOLD, 0.8)
    c.rect(0.01, 0.6, 0.17, 0.62, GOLD)
    for x0, y0, x1, col in ((0.03, 0.5, 0.15, (60, 110, 170)), (0.04, 0.41, 0.13, (190, 70, 60)),
                            (0.05, 0.35, 0.11, (70, 140, 90))):
        c.rect(x0, y0, x1, y0 + (0.1 if y0 > 0.45 else 0.09 if y0 > 0.4 else 0.06), col, r=0.3)
    for x in (0.03, 0.15):
        c.ellipse(x, 0.635, 1.2, 1.2, (60, 60, 66))
    c.plant(0.97, HORIZON + 0.01, 1.2)


def _showroom(c: Canvas, banner: str) -> None:
    """A car dealership's showroom: tall glass walls onto the sky, its banner, bunting, two shiny cars on turntables
    to either side with their price boards, a polished grey floor reflecting the light."""
    c.sky((120, 186, 240), (212, 236, 250), HORIZON)
    c.clouds(2, 0.02, 0.2)
    c.rect(c.left, c.top, c.right, 0.05, (226, 230, 236), outline=False)  # the roof's edge
    for k in range(8):  # the glass wall's mullions
        x = k * 0.16 - 0.06
        c.rect(x - 0.008, 0.05, x + 0.008, HORIZON, (196, 202, 212))
    c.rect(c.left, 0.4, c.right, 0.41, (196, 202, 212), outline=False)
    c.rect(0.22, 0.07, 0.78, 0.15, (30, 60, 130), r=0.6)  # the dealer's banner
    sign(c, banner, 0.5, 0.11, 4.2, WHITE, width=0.48)
    cols = [(230, 60, 60), (250, 210, 70), (60, 140, 230)]
    for k in range(12):  # bunting
        x = c.left + k * 0.1
        c.poly([(x, 0.18), (x + 0.09, 0.18), (x + 0.045, 0.22)], cols[k % 3])
    c.floor((150, 156, 166), (206, 210, 218))
    for k in range(5):  # the polished floor's light
        c.line([(0.1 + k * 0.2, HORIZON + 0.02), (0.05 + k * 0.2, c.bottom)], (222, 226, 234), 0.6)
    for cx, body in ((0.14, (220, 40, 48)), (0.86, (40, 110, 210))):  # the cars on show, turned to us
        c.ellipse(cx, HORIZON + 0.005, 14, 2.2, (120, 126, 138), outline=False)  # the turntable
        c.poly([(cx - 0.15, 0.6), (cx - 0.15, 0.55), (cx - 0.09, 0.54), (cx - 0.05, 0.49), (cx + 0.06, 0.49),
                (cx + 0.1, 0.54), (cx + 0.15, 0.55), (cx + 0.15, 0.6)], body)
        c.poly([(cx - 0.04, 0.5), (cx + 0.05, 0.5), (cx + 0.08, 0.538), (cx - 0.07, 0.538)], (180, 220, 246))
        c.line([(cx - 0.12, 0.555), (cx + 0.12, 0.555)], WHITE, 0.4)  # the shine along its side
        for dx in (-0.09, 0.09):
            c.ellipse(cx + dx, 0.605, 2.6, 2.6, (40, 40, 46))
            c.ellipse(cx + dx, 0.605, 1.2, 1.2, (200, 204, 214), outline=False)
        c.rect(cx - 0.035, 0.42, cx + 0.035, 0.46, WHITE, r=0.2)  # its price board on a stand
        c.line([(cx, 0.46), (cx, 0.49)], (120, 126, 138), 0.4)
        c.line([(cx - 0.02, 0.44), (cx + 0.02, 0.44)], (200, 40, 50), 0.6)


def _blocks(c: Canvas, blocks: tuple[tuple[float, float, float, tuple[int, int, int]], ...], glass: tuple[int, int, int],
            *, inset: float, until: float, window: tuple[float, float], pitch: tuple[float, float],
            balconies: bool = False) -> None:
    """City or apartment blocks behind a street: each ``(x0, x1, top, colour)`` standing from ``top`` to the pavement,
    rows of ``window``-sized (width, height) panes of ``glass`` from ``inset`` in, ``pitch`` (across, down) apart
    down to ``until``, each on a white balcony where ``balconies``."""
    (w, h), (dx, dy) = window, pitch
    for x0, x1, top, col in blocks:
        c.rect(x0, top, x1, 0.56, col)  # the blocks
        y = top + 0.03
        while y < until:
            x = x0 + inset
            while x < x1 - 0.04:
                c.rect(x, y, x + w, y + h, glass)
                if balconies:
                    c.rect(x - 0.004, y + h, x + 0.054, y + 0.032, (250, 250, 250))  # its balcony
                x += dx
            y += dy


def _compound(c: Canvas, banner: str) -> None:
    """A residential compound: tall apartment blocks with balconies behind a low wall, its gate (two pillars, the
    compound's name over them, a guard's booth, a striped barrier arm), trees and a paved path in."""
    c.sky((120, 186, 240), (212, 236, 250), 0.5)
    c.clouds(2, 0.02, 0.12)
    _blocks(c, ((-0.1, 0.26, 0.1, (232, 214, 190)), (0.3, 0.7, 0.05, (214, 222, 234)), (0.74, 1.1, 0.12, (232, 214, 190))),
            (150, 190, 222), inset=0.025, until=0.5, window=(0.05, 0.025), pitch=(0.08, 0.05), balconies=True)
    c.floor((176, 174, 170), (204, 202, 198), 0.56)
    c.rect(c.left, 0.5, 0.3, 0.57, (190, 110, 90))  # the low wall either side of the gate
    c.rect(0.7, 0.5, c.right, 0.57, (190, 110, 90))
    for x in (0.3, 0.7):  # the gate's pillars
        c.rect(x - 0.03, 0.27, x + 0.03, 0.58, (170, 96, 78))
    c.rect(0.25, 0.21, 0.75, 0.28, (150, 40, 40), r=0.5)  # the compound's name over the gate, over the heads
    sign(c, banner, 0.5, 0.245, 3.8, GOLD, width=0.42)
    c.rect(0.76, 0.44, 0.9, 0.58, (240, 240, 236))  # the guard's booth and its window
    c.rect(0.74, 0.42, 0.92, 0.45, (60, 90, 150))
    c.rect(0.78, 0.47, 0.88, 0.52, (170, 210, 236))
    c.rect(0.6, 0.5, 0.7, 0.515, WHITE)  # the barrier arm, striped red
    for k in range(3):
        c.rect(0.605 + k * 0.033, 0.5, 0.62 + k * 0.033, 0.515, (220, 50, 50), outline=False)
    for x in (0.08, 0.94):
        c.tree(x, 0.58, 1.2)
    c.poly([(0.4, 0.57), (0.6, 0.57), (0.7, c.bottom), (0.3, c.bottom)], (214, 208, 196), outline=False)


def _kennel(c: Canvas, banner: str) -> None:
    """A backyard with a dog's kennel: a wooden fence across the lawn, the kennel to one side (a red pitched roof,
    plank walls, a dark arched door, its name plate), its water bowl and a bone on the grass."""
    c.sky((120, 186, 240), (212, 236, 250), 0.5)
    c.clouds(2, 0.02, 0.14)
    c.tree(0.9, 0.5, 1.4)
    wood, dark = (196, 150, 100), (150, 106, 66)
    for k in range(15):  # the fence's boards
        x = c.left + k * 0.075
        c.poly([(x, 0.56), (x, 0.4), (x + 0.033, 0.38), (x + 0.066, 0.4), (x + 0.066, 0.56)], wood)
    for y in (0.43, 0.51):
        c.rect(c.left, y, c.right, y + 0.012, dark, outline=False)
    c.floor((104, 170, 80), (140, 198, 104), 0.56)
    x0, x1 = 0.02, 0.36  # the kennel, to the left of the pets
    c.rect(x0, 0.46, x1, 0.66, (214, 168, 112))
    for k in range(1, 5):
        c.line([(x0, 0.46 + k * 0.04), (x1, 0.46 + k * 0.04)], dark, 0.35)
    c.poly([(x0 - 0.04, 0.47), ((x0 + x1) / 2, 0.34), (x1 + 0.04, 0.47)], (200, 60, 54))
    c.ellipse((x0 + x1) / 2, 0.57, 6.5, 6.0, (40, 30, 30))  # the arched door
    c.rect((x0 + x1) / 2 - 0.065, 0.57, (x0 + x1) / 2 + 0.065, 0.66, (40, 30, 30), outline=False)
    c.rect((x0 + x1) / 2 - 0.07, 0.43, (x0 + x1) / 2 + 0.07, 0.47, (250, 244, 230), r=0.3)  # its name plate
    sign(c, banner, (x0 + x1) / 2, 0.45, 2.2, (150, 60, 40), width=0.13)
    c.ellipse(0.44, 0.665, 3.6, 1.4, (60, 120, 200))  # the water bowl and a bone
    c.ellipse(0.44, 0.66, 2.8, 0.8, (150, 205, 245), outline=False)
    c.rect(0.08, 0.69, 0.16, 0.7, (250, 246, 236), outline=False)
    for x in (0.08, 0.16):
        for dy in (-0.006, 0.008):
            c.ellipse(x, 0.695 + dy, 0.9, 0.9, (250, 246, 236))


def _river(c: Canvas, banner: str) -> None:
    """A river: the far bank's trees, the water running wide across the frame in streaks of current, the near bank's
    grass and reeds, and a little footbridge upstream (a flood's own water is drawn over it as its prop)."""
    c.sky((110, 176, 232), (204, 230, 246), 0.42)
    c.clouds(2, 0.04, 0.18)
    c.floor((110, 170, 90), (136, 190, 104), 0.42)  # the far bank
    for k in range(8):
        c.tree(-0.02 + k * 0.15, 0.45, 0.9 + 0.2 * (k % 2))
    c.poly([(c.left, 0.47), (c.right, 0.45), (c.right, 0.63), (c.left, 0.66)], (70, 140, 190), outline=False)
    for _ in range(26):  # the current: streaks running downstream
        x, y = c.rng.uniform(c.left, c.right), c.rng.uniform(0.48, 0.63)
        w = c.rng.uniform(0.05, 0.12)
        c.line([(x, y), (x + w, y - 0.004)], (176, 214, 238), 0.35)
    c.poly([(0.62, 0.445), (0.82, 0.445), (0.8, 0.47), (0.64, 0.47)], (150, 106, 66))  # the footbridge upstream
    for x in (0.64, 0.8):
        c.rect(x - 0.004, 0.43, x + 0.004, 0.47, (120, 84, 52))
    c.floor((104, 168, 80), (136, 196, 100), 0.64)  # the near bank
    c.line([(c.left, 0.655), (0.4, 0.64), (c.right, 0.635)], (80, 140, 70), 0.6)
    for x0 in (0.04, 0.84):  # reeds at the water's edge
        for k in range(5):
            x = x0 + k * 0.012
            c.line([(x, 0.66), (x + 0.004, 0.58 + c.rng.uniform(0.0, 0.03))], (70, 130, 60), 0.4)


def _frozen_lake(c: Canvas, banner: str) -> None:
    """A frozen lake in winter: a grey-white sky, snowy hills and bare trees on the far shore, the lake a sheet of
    pale blue ice with cracks across it and a dark hole broken in it, and the snow-covered near bank."""
    c.sky((170, 186, 206), (226, 234, 242), 0.44)
    for x, rx in ((0.15, 40), (0.7, 55), (1.05, 30)):
        c.ellipse(x, 0.445, rx, 9, (236, 240, 246), outline=False)  # snowy far hills
    for k in range(7):  # bare trees on the far shore
        x = 0.02 + k * 0.16
        c.line([(x, 0.45), (x, 0.39)], (90, 80, 76), 0.45)
        c.line([(x, 0.41), (x - 0.02, 0.39)], (90, 80, 76), 0.3)
        c.line([(x, 0.42), (x + 0.02, 0.4)], (90, 80, 76), 0.3)
    c.grad(0.45, 0.65, (214, 232, 244), (176, 206, 228))  # the ice
    for _ in range(9):  # its cracks
        x, y = c.rng.uniform(c.left, c.right), c.rng.uniform(0.48, 0.62)
        pts = [(x, y)]
        for _k in range(3):
            x, y = x + c.rng.uniform(0.02, 0.06), y + c.rng.uniform(-0.01, 0.01)
            pts.append((x, y))
        c.line(pts, (246, 250, 252), 0.3)
    c.ellipse(0.2, 0.6, 9, 2.2, (40, 70, 96))  # a hole broken in the ice, dark water in it
    c.ellipse(0.2, 0.598, 7, 1.4, (60, 96, 126), outline=False)
    c.floor((236, 242, 248), (250, 252, 255), 0.65)  # the snowy near bank
    c.line([(c.left, 0.655), (0.5, 0.648), (c.right, 0.656)], (206, 218, 232), 0.6)


def _boxes(c: Canvas, x0: float, x1: float, y: float, h: float, seed: int) -> None:
    """Cardboard boxes side by side on a shelf (or a pallet) whose top is ``y``, ``h`` high at most, taped."""
    x, k = x0, seed
    while x < x1 - 0.02:
        w = min(x1 - x, 0.055 + 0.02 * (k % 3))
        top = y - h * (0.7 + 0.1 * (k % 4))
        c.rect(x, top, x + w - 0.006, y, (206, 160, 104) if k % 2 else (190, 144, 90))
        c.rect(x + w * 0.4, top, x + w * 0.55, top + (y - top) * 0.35, (232, 210, 160), outline=False)  # the tape
        x, k = x + w, k + 1


def _forklift(c: Canvas, x: float, base: float, s: float) -> None:
    """A yellow forklift facing left at ``x`` (its body's centre), wheels on ``base``: its mast and forks out
    front with a pallet of boxes on them, the overhead guard over the driver's seat."""
    yellow, dark = (246, 190, 40), (60, 60, 68)
    c.rect(x - 0.05 * s, base - 0.1 * s, x + 0.07 * s, base - 0.025 * s, yellow, r=0.6)  # the body
    c.rect(x + 0.035 * s, base - 0.13 * s, x + 0.075 * s, base - 0.1 * s, darker(yellow, 0.8))  # the counterweight
    for dx in (-0.04, 0.03):  # the overhead guard's posts and roof
        c.line([(x + dx * s, base - 0.1 * s), (x + dx * s, base - 0.2 * s)], dark, 0.5)
    c.rect(x - 0.05 * s, base - 0.205 * s, x + 0.04 * s, base - 0.195 * s, dark)
    c.rect(x - 0.01 * s, base - 0.14 * s, x + 0.025 * s, base - 0.1 * s, (40, 40, 48))  # the seat
    mx = x - 0.075 * s  # the mast, the forks out front
    c.rect(mx - 0.008 * s, base - 0.25 * s, mx + 0.008 * s, base - 0.02 * s, dark)
    c.rect(mx - 0.1 * s, base - 0.06 * s, mx, base - 0.05 * s, dark)
    c.rect(mx - 0.1 * s, base - 0.075 * s, mx - 0.005 * s, base - 0.06 * s, (176, 130, 80))  # the pallet
    _boxes(c, mx - 0.095 * s, mx - 0.01 * s, base - 0.075 * s, 0.07 * s, 1)
    for dx, r in ((-0.03, 2.4), (0.045, 2.8)):  # the wheels
        c.ellipse(x + dx * s, base - 0.02 * s, r * s, r * s, (40, 40, 48))
        c.ellipse(x + dx * s, base - 0.02 * s, r * s * 0.4, r * s * 0.4, (170, 170, 180), outline=False)


def _warehouse(c: Canvas, banner: str) -> None:
    """A warehouse: a corrugated steel wall under high windows, tall orange pallet racks stacked with cardboard
    boxes on either side, a roll-up loading door under its sign between them, a yellow forklift carrying a
    pallet of boxes, a pallet stacked on the concrete floor with its yellow lane lines."""
    c.grad(c.top, HORIZON, (176, 186, 198), (150, 160, 172))
    for k in range(24):  # the corrugated wall's ribs
        x = c.left + k * 0.05
        c.line([(x, c.top), (x, HORIZON)], (138, 148, 160), 0.3)
    for x in (0.3, 0.5, 0.7):  # the high windows
        c.rect(x - 0.07, 0.03, x + 0.07, 0.09, (196, 222, 240))
    c.rect(0.36, 0.28, 0.64, HORIZON, (120, 126, 136))  # the roll-up loading door
    for k in range(1, 10):
        y = 0.28 + k * (HORIZON - 0.28) / 10
        c.line([(0.36, y), (0.64, y)], (100, 106, 116), 0.3)
    c.rect(0.38, 0.19, 0.62, 0.25, (40, 60, 110), r=0.4)
    sign(c, banner, 0.5, 0.22, 3.6, WHITE, width=0.22)
    orange, blue = (232, 110, 40), (46, 84, 160)
    for x0, x1 in ((c.left, 0.3), (0.7, c.right)):  # the pallet racks, three shelves of boxes each
        for x in (x0 + 0.01, (x0 + x1) / 2, x1 - 0.02):
            c.rect(x, 0.12, x + 0.014, HORIZON, orange)
        for k, y in enumerate((0.26, 0.42, HORIZON - 0.02)):
            _boxes(c, x0 + 0.03, x1 - 0.02, y, 0.1, k + int(x0 * 10))
            c.rect(x0, y, x1, y + 0.014, blue)
    c.floor((150, 150, 150), (178, 178, 176))
    for y in (HORIZON + 0.05, 0.9):  # the yellow lane lines on the concrete
        c.line([(c.left, y), (c.right, y)], (236, 196, 40), 0.5)
    c.rect(0.06, HORIZON + 0.01, 0.24, HORIZON + 0.025, (176, 130, 80))  # a pallet stacked with boxes
    _boxes(c, 0.07, 0.23, HORIZON + 0.01, 0.09, 2)
    _forklift(c, 0.84, HORIZON + 0.05, 1.0)


def _subway(c: Canvas, banner: str) -> None:
    """A subway's street entrance: city blocks behind, the pavement, a canopy over the stairs going down (its
    name board over the heads), railings either side of the dark stairwell, and the round sign on its post."""
    c.sky((132, 190, 236), (214, 234, 248), 0.5)
    c.clouds(2, 0.02, 0.12)
    _blocks(c, ((-0.1, 0.2, 0.12, (196, 190, 206)), (0.16, 0.42, 0.06, (222, 214, 196)),
                (0.58, 0.84, 0.09, (206, 214, 226)), (0.8, 1.1, 0.14, (226, 206, 196))),
            (160, 196, 226), inset=0.03, until=0.52, window=(0.04, 0.03), pitch=(0.07, 0.06))
    c.floor((182, 180, 176), (208, 206, 202), 0.56)
    dark, metal, roof = (46, 50, 60), (150, 158, 170), (34, 96, 150)
    c.poly([(0.32, 0.56), (0.68, 0.56), (0.62, 0.44), (0.38, 0.44)], dark)  # the stairwell going down
    for k in range(1, 5):  # its steps
        y = 0.44 + k * 0.024
        inset = 0.06 * (1 - k / 5)
        c.line([(0.38 - 0.06 * k / 5 + inset * 0, y), (0.62 + 0.06 * k / 5, y)], (120, 124, 134), 0.5)
    for x in (0.3, 0.7):  # the railings either side, and the canopy's posts
        c.rect(x - 0.008, 0.3, x + 0.008, 0.58, metal)
        c.line([(x, 0.47), (x + (0.08 if x < 0.5 else -0.08), 0.58)], metal, 0.8)
    c.poly([(0.24, 0.31), (0.76, 0.31), (0.72, 0.26), (0.28, 0.26)], (170, 210, 236))  # the glass canopy
    c.rect(0.27, 0.22, 0.73, 0.275, roof, r=0.4)  # its name board
    sign(c, banner, 0.5, 0.2475, 4.0, WHITE, width=0.4)
    c.rect(0.875, 0.34, 0.885, 0.58, metal)  # the round sign on its post
    c.ellipse(0.88, 0.31, 3.2, 3.2, (210, 40, 44))
    sign(c, "M", 0.88, 0.31, 3.6, WHITE)


def _bus(c: Canvas, banner: str) -> None:
    """Inside a city bus: its side wall of wide windows with the street going by outside, a row of blue seats under
    them, yellow poles and a rail of hanging straps, the ribbed floor, and the route board lit over the aisle."""
    c.rect(c.left, 0.0, c.right, HORIZON + 0.12, (226, 230, 234), outline=False)  # the bus's side wall
    c.rect(c.left, 0.0, c.right, 0.06, (70, 76, 86), outline=False)  # the ceiling
    for k in range(4):  # wide windows, the city going by outside
        x = -0.06 + k * 0.3
        c.window(x, 0.12, x + 0.26, 0.4, ((150, 200, 240), (214, 234, 248)), (120, 126, 136))
        for dx, h, col in ((0.02, 0.12, (200, 196, 214)), (0.1, 0.2, (222, 210, 190)), (0.17, 0.15, (196, 210, 222))):
            c.rect(x + dx, 0.4 - h, x + dx + 0.07, 0.395, col, outline=False)  # blocks passing by
            c.rect(x + dx + 0.02, 0.4 - h + 0.03, x + dx + 0.04, 0.4 - h + 0.05, (160, 196, 226), outline=False)
        c.line([(x, 0.26), (x + 0.26, 0.26)], (120, 126, 136), 0.5)  # the sliding pane's edge
    c.rect(0.34, 0.065, 0.66, 0.105, (24, 24, 30), r=0.3)  # the route board over the aisle
    sign(c, banner, 0.5, 0.085, 3.2, (255, 170, 40), width=0.3)
    c.floor((150, 150, 156), (176, 176, 182), HORIZON + 0.12)  # the ribbed floor
    for k in range(5):
        y = HORIZON + 0.15 + k * 0.06
        c.line([(c.left, y), (c.right, y)], (136, 136, 142), 0.4)
    seat, frame = (40, 90, 170), (90, 96, 106)
    for k in range(5):  # the row of seats along the wall
        x = -0.04 + k * 0.24
        c.rect(x, 0.42, x + 0.18, 0.52, seat, r=0.6)  # its back
        c.rect(x - 0.01, 0.52, x + 0.19, 0.56, darker(seat, 0.85), r=0.5)  # its cushion
        c.line([(x + 0.09, 0.56), (x + 0.09, HORIZON + 0.12)], frame, 0.6)
    c.line([(c.left, 0.1), (c.right, 0.1)], (210, 180, 40), 0.8)  # the rail of straps
    for k in range(8):
        x = -0.02 + k * 0.15
        c.line([(x, 0.1), (x, 0.15)], (120, 120, 120), 0.4)
        c.ellipse(x, 0.165, 1.4, 1.4, (240, 240, 240))
    for x in (0.12, 0.88):  # the yellow poles
        c.rect(x - 0.008, 0.06, x + 0.008, HORIZON + 0.2, (236, 196, 40))


_DRAWINGS: dict[str, Callable[[Canvas, str], None]] = {
    "gym": _gym,
    "pool": _pool,
    "finish line": _finish,
    "show ring": _show_ring,
    "tv studio": _tv_studio,
    "house": _house,
    "front door": _house,
    "next door": _house,
    "hotel": _hotel,
    "party": _party,
    "showroom": _showroom,
    "compound": _compound,
    "subway": _subway,
    "kennel": _kennel,
    "warehouse": _warehouse,
    "villa": _villa,
    "frozen lake": _frozen_lake,
    "river": _river,
    "bus": _bus,
}


def draw_venue(c: Canvas, found: ShopMatch) -> None:
    """Paint the venue ``found`` names, its banner in the words that named it."""
    v = VENUES[found.kind]
    _DRAWINGS[found.kind](c, dict(v.words).get(found.asked, v.words[0][1]))


def venue_title(found: ShopMatch, lang: str) -> str | None:
    """The headline's word for a shop or venue drawn ("Bakery", 健身房), or None where it keeps its place's."""
    kinds = shop_kinds()[1]
    if found.kind in kinds:
        return kinds[found.kind].title[1 if lang == "zh" else 0]
    v = VENUES[found.kind]
    if not v.titled:
        return None
    banner = dict(v.words).get(found.asked, v.words[0][1])
    banner = "DOG SHOW" if banner == "BEST IN SHOW" else banner  # the ring's own name, not its prize
    return sign_text(banner, "zh") if lang == "zh" else banner.capitalize()


def venue_captions(script: Script) -> Script:
    """``script`` with each scene's headline naming the shop or venue it is drawn as, where the headline names
    only its place ("Stadium · night" under a GYM banner: "Gym · night"); a headline of other words is kept."""
    scenes = []
    for scene, found in zip(script.scenes, places_drawn(script), strict=True):
        head, sep, rest = scene.caption.partition(" · ")
        title = venue_title(found, script.language) if found is not None else None
        if title and head == place_title(scene.location, script.language):
            scene = scene.model_copy(update={"caption": title + sep + rest})
        scenes.append(scene)
    return script.model_copy(update={"scenes": scenes})
