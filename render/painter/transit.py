"""Backgrounds for the places of departures and arrivals: a railway station's platform with its train, and
an airport terminal with the plane outside its glass wall."""

from __future__ import annotations

from render.painter.canvas import Canvas
from render.painter.geometry import HORIZON, INK, WHITE, darker
from render.painter.lighting import sky_colors
from render.painter.shops import sign


def bg_station(c: Canvas) -> None:
    """A railway station: the canopy over the platform, a train waiting along it with its windows and doors,
    the station clock, the platform sign, the yellow safety line and a bench."""
    c.sky((120, 180, 230), (206, 230, 246), 0.3)
    c.rect(c.left, c.top, c.right, 0.1, (90, 100, 116))  # the canopy
    for k in range(6):
        x = 0.0 + k * 0.2
        c.rect(x - 0.01, 0.1, x + 0.01, 0.6, (110, 118, 132))  # its columns
    body, stripe = (226, 232, 238), (40, 110, 200)
    c.rect(c.left, 0.3, c.right, 0.58, body)  # the train along the far side
    c.rect(c.left, 0.49, c.right, 0.52, stripe, outline=False)
    for k in range(9):
        x = -0.04 + k * 0.13
        c.rect(x, 0.34, x + 0.09, 0.44, (90, 130, 170), r=1)  # windows
        c.poly([(x + 0.01, 0.34), (x + 0.04, 0.34), (x + 0.01, 0.4)], (150, 190, 220), outline=False)
    for x in (0.29, 0.81):
        c.rect(x - 0.04, 0.33, x + 0.04, 0.58, darker(body, 0.9))  # doors
        c.line([(x, 0.33), (x, 0.58)], INK, 0.3)
    c.rect(c.left, 0.575, c.right, 0.6, (70, 70, 80), outline=False)  # wheels' shadow under the train
    c.ellipse(0.2, 0.16, 4.2, 4.2, WHITE)  # the station clock on its bracket
    c.line([(0.2, 0.1), (0.2, 0.12)], INK, 0.5)
    c.line([(0.2, 0.16), (0.2, 0.135)], INK, 0.5)
    c.line([(0.2, 0.16), (0.22, 0.165)], INK, 0.5)
    c.rect(0.66, 0.13, 0.94, 0.19, (30, 60, 120))  # the platform sign
    sign(c, "PLATFORM 1", 0.8, 0.16, 4, WHITE, width=0.26)
    c.floor((176, 176, 180), (200, 200, 204), 0.6)  # the platform
    c.rect(c.left, 0.6, c.right, 0.62, (250, 210, 50), outline=False)  # the yellow line at its edge
    c.rect(0.74, 0.7, 0.98, 0.72, (150, 100, 60))  # a bench
    c.rect(0.74, 0.66, 0.98, 0.68, (150, 100, 60))
    for x in (0.77, 0.95):
        c.rect(x - 0.006, 0.72, x + 0.006, 0.77, (80, 80, 90), outline=False)


def bg_airport(c: Canvas) -> None:
    """An airport terminal: the departures board, a glass wall onto the runway with a plane at the gate, and the
    polished hall floor with rows of seats."""
    c.rect(c.left, c.top, c.right, HORIZON, (214, 218, 224), outline=False)
    c.rect(c.left, 0.08, c.right, 0.58, (100, 104, 116))  # the glass wall's frame
    top, bottom = sky_colors(c.time, c.weather, (120, 180, 236), (206, 230, 246))
    c.grad(0.1, 0.56, top, bottom, -0.02, 1.02)  # the sky through the glass
    c.rect(c.left, 0.44, c.right, 0.56, (120, 124, 130), outline=False)  # the tarmac outside
    c.line([(c.left, 0.5), (c.right, 0.5)], (250, 250, 250), 0.4)
    plane = (246, 248, 252)  # the plane at the gate: fuselage, wing, tail and windows
    c.poly([(0.12, 0.36), (0.86, 0.36), (0.96, 0.39), (0.86, 0.42), (0.12, 0.42), (0.06, 0.39)], plane)
    c.poly([(0.16, 0.36), (0.12, 0.24), (0.2, 0.24), (0.3, 0.36)], (210, 50, 60))  # the tail fin
    c.poly([(0.42, 0.4), (0.62, 0.4), (0.5, 0.48), (0.38, 0.48)], darker(plane, 0.9))  # the wing
    c.rect(0.46, 0.46, 0.52, 0.485, (150, 156, 170))  # an engine
    for k in range(14):
        c.ellipse(0.3 + k * 0.04, 0.38, 0.6, 0.8, (70, 110, 160), outline=False)
    for x in (0.25, 0.5, 0.75):
        c.rect(x - 0.006, 0.1, x + 0.006, 0.56, (100, 104, 116), outline=False)  # mullions
    c.rect(0.04, 0.0, 0.46, 0.07, (30, 32, 40))  # the departures board
    sign(c, "DEPARTURES", 0.25, 0.02, 3, (255, 210, 80), width=0.36)
    for k in range(2):
        c.line([(0.07, 0.04 + k * 0.017), (0.43, 0.04 + k * 0.017)], (250, 200, 90), 0.4)
    c.floor((200, 204, 212), (226, 228, 234))  # the polished floor
    for k in range(1, 6):
        c.line([(c.left, HORIZON + k * 0.05), (c.right, HORIZON + k * 0.05)], (210, 212, 220), 0.3)
    for side in (0.02, 0.76):  # rows of seats
        for k in range(3):
            x = side + k * 0.075
            c.rect(x, 0.7, x + 0.065, 0.74, (60, 110, 180), r=1)
            c.rect(x, 0.66, x + 0.065, 0.7, (70, 124, 196), r=1)
