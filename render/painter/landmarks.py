"""Backgrounds for the big places premises ask for: a skyscraper facade with a window-cleaning cradle,
space, a planet surface, a stadium, city hall with its steps, a market street and a courtroom."""

from __future__ import annotations

import math

from render.painter.canvas import Canvas
from render.painter.geometry import GOLD, HORIZON, INK, RGB, WHITE, darker, lighter, star_pts
from render.painter.shops import sign


def bg_skyscraper(c: Canvas) -> None:
    c.sky((110, 175, 235), (205, 228, 246))
    c.clouds(2, 0.02, 0.12)
    c.skyline(0.62, 0.2, 0.4, [(150, 165, 190), (170, 180, 200)], (255, 214, 120), 0.0, (190, 210, 230))
    # the tower: a glass curtain wall, floors and mullions, filling the middle of the frame
    x0, x1 = 0.08, 0.92
    c.rect(x0 - 0.02, c.top, x1 + 0.02, 0.66, (70, 90, 120))
    night = c.time == "night"
    for row in range(26):
        y = c.top + 0.01 + row * 0.035
        if y > 0.63:
            break
        for col in range(8):
            wx = x0 + col * 0.105
            lit = night and c.rng.random() < 0.3
            pane: RGB = (255, 214, 120) if lit else (120, 170, 220) if (row + col) % 3 else (150, 195, 235)
            c.rect(wx + 0.006, y + 0.004, wx + 0.099, y + 0.031, pane, outline=False)
            if lit:
                c.lights.append((wx + 0.006, y + 0.004, wx + 0.099, y + 0.031, pane))
            elif (row + col) % 4 == 0:  # reflections
                c.poly([(wx + 0.02, y + 0.004), (wx + 0.04, y + 0.004), (wx + 0.02, y + 0.031), (wx + 0.006, y + 0.031)],
                       (255, 255, 255, 60), outline=False)
    # a cleaning cradle high on the facade, on its ropes
    c.line([(0.3, c.top), (0.3, 0.16)], (50, 50, 60), 0.3)
    c.line([(0.46, c.top), (0.46, 0.16)], (50, 50, 60), 0.3)
    c.rect(0.27, 0.16, 0.49, 0.185, (240, 200, 40))
    # street level: the lobby and a plaza
    c.rect(x0, 0.58, x1, 0.66, (60, 66, 80))
    c.rect(0.38, 0.6, 0.62, 0.66, (150, 200, 230))
    c.line([(0.5, 0.6), (0.5, 0.66)], INK, 0.3)
    c.floor((190, 188, 186), (214, 210, 206), 0.66)
    for k in range(1, 6):
        c.line([(c.left, 0.66 + k * 0.03), (c.right, 0.66 + k * 0.03)], (176, 174, 172), 0.25)
    c.plant(0.04, 0.68, 1.2)
    c.plant(0.96, 0.68, 1.2)


def bg_space(c: Canvas) -> None:
    c.grad(c.top, HORIZON + 0.01, (4, 6, 24), (30, 20, 70))
    for _ in range(140):
        x, y = c.rng.uniform(c.left, c.right), c.rng.uniform(c.top, HORIZON)
        r = c.rng.uniform(0.15, 0.55)
        c.ellipse(x, y, r, r, (255, 250, 230, c.rng.randint(120, 255)), outline=False)
    c.glow(0.3, 0.3, 40, (160, 80, 200), 60)  # nebula
    c.glow(0.7, 0.18, 30, (60, 120, 220), 50)
    # a ringed planet and the Earth
    c.ellipse(0.72, 0.2, 16, 16, (230, 160, 90))
    c.line([(0.55, 0.22), (0.89, 0.18)], (250, 220, 170), 1.0)
    for k in range(3):
        c.line([(0.62, 0.17 + k * 0.015), (0.82, 0.17 + k * 0.015)], (210, 130, 70), 0.6)
    c.ellipse(0.2, 0.42, 9, 9, (60, 120, 220))
    c.poly([(0.16, 0.4), (0.2, 0.39), (0.22, 0.43), (0.18, 0.45)], (90, 180, 90), outline=False)
    for x, y in ((0.1, 0.1), (0.9, 0.45), (0.45, 0.08)):
        c.poly(star_pts(x, y, 0.012), (255, 250, 200), outline=False)
    # the deck of a space station
    c.floor((150, 156, 170), (96, 102, 120), HORIZON)
    for k in range(-6, 7):
        c.line([(0.5 + k * 0.05, HORIZON), (0.5 + k * 0.3, c.bottom)], (120, 126, 140), 0.3)
    for k in range(1, 5):
        c.line([(c.left, HORIZON + k * 0.04), (c.right, HORIZON + k * 0.04)], (120, 126, 140), 0.3)
    c.rect(c.left, HORIZON - 0.012, c.right, HORIZON, (90, 220, 255, 160), outline=False)


def bg_planet(c: Canvas) -> None:
    c.sky((60, 30, 90), (230, 120, 110), HORIZON - 0.02)
    c.ellipse(0.75, 0.16, 20, 20, (120, 200, 230))
    c.ellipse(0.7, 0.14, 6, 4, (170, 230, 250), outline=False)
    c.ellipse(0.2, 0.1, 5, 5, (250, 230, 200))
    for _ in range(30):
        x, y = c.rng.uniform(c.left, c.right), c.rng.uniform(c.top, 0.3)
        c.ellipse(x, y, 0.3, 0.3, (255, 240, 230, 200), outline=False)
    # mesas and rock spires on the horizon
    base = HORIZON - 0.02
    for x, w, h in ((0.05, 0.18, 0.12), (0.35, 0.1, 0.2), (0.7, 0.22, 0.09), (0.95, 0.12, 0.16)):
        c.poly([(x - w / 2, base), (x - w / 3, base - h), (x + w / 3, base - h), (x + w / 2, base)], (170, 70, 60))
        c.line([(x - w / 3, base - h * 0.6), (x + w / 3, base - h * 0.6)], (140, 56, 50), 0.4)
    c.floor((200, 100, 70), (226, 130, 90), base)
    for _ in range(10):  # craters
        x, y = c.rng.uniform(c.left, c.right), c.rng.uniform(base + 0.02, 0.95)
        rx = c.rng.uniform(4, 10)
        c.ellipse(x, y, rx, rx * 0.3, (170, 80, 56))
        c.ellipse(x, y - 0.002, rx * 0.8, rx * 0.2, (150, 66, 48), outline=False)
    for x in (0.12, 0.88):  # alien plants
        c.line([(x, base + 0.04), (x, base - 0.06)], (60, 170, 140), 0.8)
        c.ellipse(x, base - 0.07, 2.8, 2.8, (120, 240, 200))
        c.ellipse(x + 0.02, base - 0.03, 2, 2, (240, 120, 220))


def bg_stadium(c: Canvas) -> None:
    c.sky((100, 165, 230), (200, 225, 245), 0.3)
    # stands full of fans
    c.poly([(c.left, 0.12), (c.right, 0.12), (c.right, 0.52), (c.left, 0.52)], (80, 86, 110))
    cols = [(230, 80, 80), (250, 220, 80), (90, 150, 230), (245, 245, 245), (120, 200, 120), (240, 150, 60)]
    for row in range(14):
        y = 0.14 + row * 0.027
        x = c.left + (0.012 if row % 2 else 0)
        while x < c.right:
            c.ellipse(x, y, 0.9, 1.1, c.rng.choice(cols), outline=False)
            x += 0.026
    c.rect(c.left, 0.5, c.right, 0.53, (220, 60, 60))
    for x in (0.06, 0.94):  # floodlights
        c.rect(x - 0.006, 0.0, x + 0.006, 0.12, (90, 90, 100))
        c.rect(x - 0.05, -0.04, x + 0.05, 0.0, (60, 60, 70))
        for k in range(4):
            c.ellipse(x - 0.035 + k * 0.023, -0.02, 1.0, 1.0, (255, 250, 220), outline=False)
        c.glow(x, -0.02, 12, (255, 250, 220), 60)
    c.rect(0.36, 0.02, 0.64, 0.1, (30, 30, 40))  # scoreboard
    c.rect(0.38, 0.03, 0.62, 0.09, (20, 60, 40), outline=False)
    c.d.text((c.X(0.5), c.Y(0.06)), "3 : 0", fill=(255, 220, 80), anchor="mm")
    # the pitch
    c.floor((80, 170, 80), (110, 190, 100), 0.53)
    for k in range(6):
        c.rect(c.left, 0.53 + k * 0.08, c.right, 0.57 + k * 0.08, (96, 182, 90), outline=False)
    c.line([(c.left, 0.62), (c.right, 0.62)], WHITE, 0.5)
    c.d.ellipse(c.box(0.2, 0.66, 0.8, 0.74), outline=WHITE, width=max(1, round(c.u * 0.5)))


def bg_city_hall(c: Canvas) -> None:
    c.sky((110, 175, 235), (205, 230, 246), 0.5)
    c.clouds(2, 0.02, 0.14)
    stone, shade = (236, 228, 212), (206, 196, 178)
    c.poly([(0.02, 0.12), (0.5, 0.02), (0.98, 0.12)], stone)  # pediment
    c.poly([(0.1, 0.11), (0.5, 0.04), (0.9, 0.11)], shade, outline=False)
    c.ellipse(0.5, 0.085, 3, 3, GOLD)
    c.rect(0.0, 0.12, 1.0, 0.15, stone)
    c.rect(0.02, 0.15, 0.98, 0.5, shade)
    for k in range(6):  # columns
        x = 0.08 + k * 0.168
        c.rect(x - 0.03, 0.15, x + 0.03, 0.5, stone)
        for d in (-0.015, 0.0, 0.015):
            c.line([(x + d, 0.16), (x + d, 0.49)], shade, 0.3)
    c.rect(0.42, 0.3, 0.58, 0.5, (110, 70, 50))  # doors
    c.line([(0.5, 0.3), (0.5, 0.5)], INK, 0.3)
    sign(c, "CITY HALL", 0.5, 0.135, 4, (120, 100, 80), width=0.3)
    for x, col in ((0.0, (220, 50, 60)), (1.0, (60, 110, 220))):  # flags
        c.line([(x, 0.0), (x, 0.5)], (120, 120, 130), 0.4)
        c.poly([(x, 0.0), (x + (0.1 if x < 0.5 else -0.1), 0.02), (x, 0.05)], col)
    for k in range(5):  # steps
        y = 0.5 + k * 0.03
        c.rect(c.left, y, c.right, y + 0.03, lighter(stone, 0.05 * (k % 2)))
    c.rect(0.3, 0.44, 0.7, 0.47, (200, 40, 50), outline=False)  # banner over the doors
    c.floor((200, 196, 190), (220, 216, 210), 0.65)
    for k in range(1, 5):
        c.line([(c.left, 0.65 + k * 0.035), (c.right, 0.65 + k * 0.035)], (186, 182, 176), 0.25)


def bg_market(c: Canvas) -> None:
    c.sky((120, 185, 240), (210, 236, 250), 0.4)
    c.skyline(0.42, 0.1, 0.25, [(226, 196, 170), (210, 200, 215), (236, 220, 180)], (170, 205, 230), 0.0,
              (150, 185, 215))
    # string of lanterns across the street
    pts = [(c.left + k * 0.05, 0.12 + 0.04 * math.sin(k / 26 * math.pi)) for k in range(27)]
    c.line(pts, (60, 50, 50), 0.2)
    for k, (x, y) in enumerate(pts[1::3]):
        c.ellipse(x, y + 0.014, 1.8, 2.4, (230, 50, 50) if k % 2 else (250, 170, 50))
        c.lights.append((x - 0.01, y + 0.005, x + 0.01, y + 0.022, (255, 200, 120)))
    produce = [(230, 70, 60), (250, 170, 50), (120, 200, 90), (250, 220, 80), (160, 90, 200)]
    for x0, col in ((c.left, (220, 60, 60)), (0.36, (60, 140, 220)), (0.72, (70, 170, 100))):
        w = 0.3
        for i in range(6):  # striped awning
            stripe = col if i % 2 == 0 else WHITE
            c.poly([(x0 + i * w / 6, 0.36), (x0 + (i + 1) * w / 6, 0.36), (x0 + (i + 1) * w / 6, 0.4),
                    (x0 + (i + 0.5) * w / 6, 0.41), (x0 + i * w / 6, 0.4)], stripe)
        c.rect(x0 + 0.01, 0.4, x0 + 0.015, 0.6, (120, 90, 60), outline=False)
        c.rect(x0 + w - 0.015, 0.4, x0 + w - 0.01, 0.6, (120, 90, 60), outline=False)
        c.rect(x0, 0.5, x0 + w, 0.6, (170, 120, 80))  # counter with crates of produce
        for k in range(3):
            bx = x0 + 0.015 + k * 0.095
            c.rect(bx, 0.47, bx + 0.085, 0.51, (200, 150, 100))
            fruit = produce[(k + int(x0 * 10)) % len(produce)]
            for j in range(4):
                c.ellipse(bx + 0.012 + j * 0.02, 0.468, 1.3, 1.3, fruit)
    c.floor((170, 150, 130), (196, 178, 156), 0.6)
    for k in range(1, 7):  # cobbles
        y = 0.6 + k * 0.03
        c.line([(c.left, y), (c.right, y)], darker((196, 178, 156), 0.9), 0.25)


def bg_courtroom(c: Canvas) -> None:
    """A courtroom: wood-panelled walls, the judge's raised bench with a gavel under the scales of
    justice, the witness stand to one side and the rail in front of the public seats."""
    wood, dark = (150, 98, 60), (112, 70, 40)
    c.grad(c.top, HORIZON, (196, 170, 132), (172, 144, 108))
    for k in range(7):  # wall panels
        x = 0.02 + k * 0.14
        c.rect(x, 0.06, x + 0.12, 0.4, (180, 150, 112), outline=False)
        c.rect(x + 0.01, 0.07, x + 0.11, 0.39, (188, 160, 120), outline=False)
    c.ellipse(0.5, 0.11, 5.5, 5.5, GOLD)  # the seal with the scales of justice
    c.ellipse(0.5, 0.11, 4.4, 4.4, (250, 236, 190), outline=False)
    c.line([(0.5, 0.075), (0.5, 0.145)], dark, 0.5)
    c.line([(0.45, 0.095), (0.55, 0.095)], dark, 0.5)
    for x in (0.45, 0.55):
        c.line([(x, 0.095), (x - 0.015, 0.12)], dark, 0.25)
        c.line([(x, 0.095), (x + 0.015, 0.12)], dark, 0.25)
        c.poly([(x - 0.02, 0.12), (x + 0.02, 0.12), (x, 0.13)], dark)
    for x, col in ((0.12, (200, 50, 60)), (0.88, (60, 100, 200))):  # flags on poles
        c.line([(x, 0.08), (x, 0.46)], (120, 110, 100), 0.5)
        c.poly([(x, 0.09), (x + (0.08 if x < 0.5 else -0.08), 0.11), (x + (0.07 if x < 0.5 else -0.07), 0.2),
                (x, 0.2)], col)
    # the judge's bench: a raised desk across the middle, its chair behind
    c.rect(0.38, 0.16, 0.62, 0.26, (60, 36, 30), r=1)
    c.rect(0.22, 0.25, 0.78, 0.44, wood)
    c.rect(0.22, 0.25, 0.78, 0.27, darker(wood, 0.8))
    for k in range(4):
        x = 0.26 + k * 0.135
        c.rect(x, 0.3, x + 0.1, 0.41, lighter(wood, 0.08), outline=False)
    c.rect(0.6, 0.235, 0.68, 0.25, (90, 56, 36))  # gavel and its block
    c.rect(0.63, 0.225, 0.64, 0.24, dark, outline=False)
    c.rect(0.6, 0.245, 0.7, 0.255, dark, outline=False)
    c.rect(0.3, 0.235, 0.36, 0.25, WHITE)  # papers
    # the witness stand on the right
    c.rect(0.82, 0.36, 0.98, 0.5, dark)
    c.rect(0.82, 0.36, 0.98, 0.375, darker(dark, 0.8))
    c.floor((132, 92, 62), (160, 118, 82))
    for k in range(1, 6):  # floor boards
        c.line([(c.left, HORIZON + k * 0.04), (c.right, HORIZON + k * 0.04)], (120, 82, 54), 0.25)
    # the rail before the public seats, at the bottom of the frame
    c.rect(c.left, 0.78, c.right, 0.795, dark)
    for k in range(13):
        x = 0.02 + k * 0.08
        c.rect(x, 0.795, x + 0.018, 0.86, wood, outline=False)
