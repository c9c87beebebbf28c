"""Backgrounds, one per ``Location``; each draws the whole canvas for a clear day."""

from __future__ import annotations

import math
from collections.abc import Callable

from render.painter.canvas import Canvas
from render.painter.geometry import (
    GOLD,
    HORIZON,
    INK,
    RGB,
    WHITE,
    bezier,
    darker,
    lighter,
    star_pts,
    with_alpha,
)
from render.painter.landmarks import (
    bg_city_hall,
    bg_courtroom,
    bg_market,
    bg_planet,
    bg_skyscraper,
    bg_space,
    bg_stadium,
)
from render.painter.outdoors import bg_cemetery, bg_farm, bg_lake, bg_mountain, bg_sea, bg_wedding
from render.painter.shops import sign
from render.painter.transit import bg_airport, bg_station


def _bg_street(c: Canvas) -> None:
    c.sky((130, 190, 235), (215, 235, 245))
    c.clouds(3, 0.02, 0.12)
    c.skyline(0.6, 0.15, 0.42, [(225, 190, 170), (200, 200, 215), (235, 215, 175), (190, 210, 200)],
              (170, 205, 230), 0.0, (150, 185, 215))
    for x in (0.05, 0.55):  # shop fronts with awnings
        c.rect(x - 0.03, 0.46, x + 0.33, 0.62, (240, 228, 205))
        for i in range(6):
            col = (220, 80, 80) if i % 2 == 0 else WHITE
            c.poly([(x - 0.03 + i * 0.06, 0.44), (x + 0.03 + i * 0.06, 0.44), (x + 0.03 + i * 0.06, 0.47),
                    (x + i * 0.06, 0.48), (x - 0.03 + i * 0.06, 0.47)], col)
        c.rect(x + 0.02, 0.5, x + 0.26, 0.6, (170, 210, 230))
    c.floor((175, 172, 170), (205, 200, 196), 0.62)
    c.rect(c.left, 0.62, c.right, 0.635, (150, 148, 150), outline=False)
    c.lamp_post(0.93, 0.66, 0.2)
    c.rect(0.02, 0.6, 0.07, 0.66, (220, 70, 60), r=1)  # hydrant
    c.rect(0.012, 0.6, 0.078, 0.615, (190, 55, 50), r=1)


def _bg_rainy_street(c: Canvas) -> None:
    c.sky((62, 70, 92), (112, 120, 138))
    c.clouds(4, 0.0, 0.1, (92, 98, 115))
    c.skyline(0.62, 0.18, 0.45, [(62, 66, 84), (72, 76, 96), (55, 60, 78)], (255, 212, 125), 0.35)
    c.floor((52, 58, 72), (88, 95, 112), 0.62)
    c.lamp_post(0.09, 0.66, 0.22, glow=True)
    c.lamp_post(0.92, 0.64, 0.28, glow=True)
    for x, y, rx in ((0.18, 0.69, 12), (0.78, 0.71, 14), (0.5, 0.66, 9)):  # puddles with reflections
        c.ellipse(x, y, rx, 1.6, (110, 125, 155), outline=False)
        c.line([(x - rx / 300, y), (x + rx / 300, y)], (170, 185, 210), 0.3)
    c.ellipse(0.09, 0.69, 6, 1.2, (255, 215, 140, 90), outline=False)


def _bg_construction_site(c: Canvas) -> None:
    c.sky((150, 200, 240), (240, 228, 205))
    c.clouds(2, 0.02, 0.1)
    # unfinished building with scaffolding
    c.rect(0.6, 0.16, 1.15, 0.62, (200, 190, 180))
    yellow = (246, 192, 40)
    for i in range(7):
        c.line([(0.58 + i * 0.09, 0.14), (0.58 + i * 0.09, 0.62)], (110, 120, 140), 0.8)
    for j in range(5):
        y = 0.18 + j * 0.1
        c.rect(0.56, y, 1.15, y + 0.012, (190, 140, 80))
        for i in range(6):
            x = 0.58 + i * 0.09
            c.line([(x, y + 0.012), (x + 0.09, y + 0.1)], (110, 120, 140), 0.4)
    # crane: lattice tower, jib, hook with a beam
    tx = 0.16
    c.rect(tx - 0.03, 0.08, tx + 0.03, 0.62, yellow)
    for k in range(14):
        y = 0.08 + k * 0.039
        c.line([(tx - 0.03, y), (tx + 0.03, y + 0.039)], darker(yellow, 0.7), 0.35)
        c.line([(tx + 0.03, y), (tx - 0.03, y + 0.039)], darker(yellow, 0.7), 0.35)
    c.rect(c.left, 0.06, 0.82, 0.085, yellow)
    for k in range(22):
        x = c.left + k * 0.04
        c.line([(x, 0.085), (x + 0.02, 0.06)], darker(yellow, 0.7), 0.3)
    c.rect(c.left, 0.085, 0.06, 0.12, (120, 120, 130))
    c.rect(tx - 0.04, 0.03, tx + 0.04, 0.085, (240, 240, 235))
    c.line([(0.7, 0.085), (0.7, 0.3)], (60, 60, 70), 0.3)
    c.rect(0.6, 0.3, 0.82, 0.32, (205, 100, 50))
    # ground, bricks, cones, barrier
    c.floor((165, 125, 90), (196, 160, 118), 0.62)
    c.poly([(0.78, 0.66), (0.9, 0.58), (1.02, 0.66)], (210, 180, 120))
    c.bricks(0.0, 0.56, 0.16, 0.64, (190, 80, 60), (220, 205, 190), 5)
    c.d.rectangle(c.box(0.0, 0.56, 0.16, 0.64), outline=INK, width=c.lw)
    for x in (0.9, 0.98):
        c.poly([(x - 0.03, 0.665), (x - 0.008, 0.6), (x + 0.008, 0.6), (x + 0.03, 0.665)], (250, 120, 40))
        c.rect(x - 0.018, 0.625, x + 0.018, 0.635, WHITE, outline=False)
    for i in range(8):
        c.rect(0.2 + i * 0.045, 0.6, 0.245 + i * 0.045, 0.615, (220, 60, 50) if i % 2 else WHITE)


def _bg_office(c: Canvas) -> None:
    c.grad(c.top, HORIZON, (232, 228, 218), (214, 208, 196))
    c.window(0.06, 0.05, 0.94, 0.4, ((120, 180, 235), (200, 225, 245)), (160, 165, 175))
    c.ellipse(0.5, 0.46, 3.2, 3.2, WHITE)  # wall clock
    c.line([(0.5, 0.46), (0.5, 0.448)], INK, 0.4)
    c.line([(0.5, 0.46), (0.508, 0.462)], INK, 0.4)
    c.floor((96, 108, 124), (128, 138, 152))
    for x0, x1 in ((c.left, 0.36), (0.64, c.right)):
        c.rect(x0, 0.56, x1, 0.585, (175, 125, 85))
        c.rect(x0 + 0.02, 0.585, x1 - 0.02, 0.66, (150, 105, 70))
        mx = (x0 + x1) / 2
        c.rect(mx - 0.09, 0.47, mx + 0.09, 0.55, (50, 55, 65), r=0.8)
        c.rect(mx - 0.08, 0.478, mx + 0.08, 0.542, (110, 190, 240), outline=False)
        for k in range(3):
            c.line([(mx - 0.06, 0.49 + k * 0.015), (mx + 0.02 - k * 0.02, 0.49 + k * 0.015)], WHITE, 0.5)
        c.rect(mx - 0.01, 0.55, mx + 0.01, 0.56, (50, 55, 65), outline=False)
    c.plant(0.96, 0.56, 1.0)
    c.rect(0.02, 0.52, 0.08, 0.56, (240, 240, 235))  # paper stack


def _bg_mansion(c: Canvas) -> None:
    c.grad(c.top, HORIZON, (132, 40, 52), (96, 28, 40))
    for i in range(-2, 14):  # damask diamonds
        for j in range(9):
            x, y = i * 0.09 + (0.045 if j % 2 else 0), 0.05 + j * 0.065
            c.poly([(x, y - 0.018), (x + 0.018, y), (x, y + 0.018), (x - 0.018, y)], (160, 60, 70), outline=False)
    c.rect(c.left, 0.5, c.right, 0.515, GOLD)
    c.grad(0.515, HORIZON, (110, 34, 46), (86, 24, 36))
    for x in (0.0, 1.0):  # marble columns
        c.rect(x - 0.07, 0.08, x + 0.07, HORIZON, (240, 232, 220))
        for k in (-0.04, 0.0, 0.04):
            c.line([(x + k, 0.1), (x + k, HORIZON - 0.02)], (205, 195, 185), 0.5)
        c.rect(x - 0.09, 0.05, x + 0.09, 0.08, (245, 238, 226))
        c.rect(x - 0.09, HORIZON - 0.025, x + 0.09, HORIZON, (245, 238, 226))
    c.rect(0.3, 0.2, 0.7, 0.36, GOLD, r=0.5)  # gold-framed painting
    c.grad(0.215, 0.345, (120, 170, 210), (110, 160, 100), 0.32, 0.68)
    c.ellipse(0.56, 0.25, 2.2, 2.2, (250, 230, 150), outline=False)
    c.d.rectangle(c.box(0.32, 0.215, 0.68, 0.345), outline=INK, width=c.lw)
    # chandelier
    c.line([(0.5, c.top), (0.5, 0.1)], GOLD, 0.5)
    c.glow(0.5, 0.11, 26, (255, 225, 150), 90)
    c.ellipse(0.5, 0.11, 7, 2.2, GOLD)
    for dx in (-0.16, -0.08, 0.08, 0.16):
        c.line([(0.5, 0.115), (0.5 + dx * 0.5, 0.135), (0.5 + dx, 0.11)], GOLD, 0.7)
        c.rect(0.5 + dx - 0.008, 0.085, 0.5 + dx + 0.008, 0.11, WHITE)
        c.ellipse(0.5 + dx, 0.077, 0.9, 1.4, (255, 200, 80), outline=False)
        c.ellipse(0.5 + dx * 0.7, 0.15, 0.8, 1.5, (200, 235, 255))
    c.ellipse(0.5, 0.155, 1.2, 2.2, (200, 235, 255))
    # marble floor and red carpet
    c.floor((226, 214, 198), (244, 236, 222))
    for i in range(-8, 9):
        c.line([(0.5 + i * 0.04, HORIZON), (0.5 + i * 0.22, c.bottom)], (218, 205, 188), 0.25)
    c.poly([(0.42, HORIZON), (0.58, HORIZON), (0.78, c.bottom), (0.22, c.bottom)], (176, 32, 46), outline=False)
    c.line([(0.42, HORIZON), (0.22, c.bottom)], GOLD, 0.5)
    c.line([(0.58, HORIZON), (0.78, c.bottom)], GOLD, 0.5)
    for x, y in ((0.2, 0.02), (0.8, 0.03), (0.12, 0.3), (0.9, 0.34)):
        c.poly(star_pts(x, y, 0.012), (255, 240, 180, 200), outline=False)


def _bg_park(c: Canvas) -> None:
    c.sky((110, 185, 240), (205, 235, 250), 0.6)
    c.ellipse(0.82, 0.09, 6, 6, (255, 235, 130), outline=False)
    c.glow(0.82, 0.09, 12, (255, 240, 170), 60)
    c.clouds(3, 0.03, 0.2)
    c.ellipse(0.2, 0.66, 55, 14, (150, 205, 120), outline=False)
    c.ellipse(0.85, 0.66, 60, 16, (135, 195, 110), outline=False)
    c.floor((108, 170, 76), (142, 200, 104), 0.6)
    for x, s in ((0.08, 1.5), (0.93, 1.7), (0.52, 0.8)):
        c.tree(x, 0.62 if s > 1 else 0.6, s)
    c.rect(0.64, 0.565, 0.84, 0.58, (170, 110, 70))  # bench
    c.rect(0.64, 0.59, 0.84, 0.602, (170, 110, 70))
    for x in (0.66, 0.82):
        c.rect(x - 0.005, 0.58, x + 0.005, 0.63, (80, 80, 90), outline=False)
    for _ in range(26):
        x, y = c.rng.uniform(c.left, c.right), c.rng.uniform(0.62, 0.75)
        col = c.rng.choice([(255, 120, 150), (255, 220, 90), WHITE, (190, 140, 240)])
        c.ellipse(x, y, 0.7, 0.7, col, outline=False)


def _bg_kitchen(c: Canvas) -> None:
    c.grad(c.top, HORIZON, (238, 244, 246), (220, 230, 236))
    for i in range(-2, 30):
        c.line([(i * 0.05, 0.22), (i * 0.05, 0.5)], (200, 215, 222), 0.25)
    for j in range(7):
        c.line([(c.left, 0.22 + j * 0.04), (c.right, 0.22 + j * 0.04)], (200, 215, 222), 0.25)
    wood = (150, 200, 200)
    for i in range(5):  # upper cabinets
        x = c.left + 0.02 + i * 0.24
        c.rect(x, 0.02, x + 0.22, 0.2, wood, r=0.6)
        c.ellipse(x + 0.19, 0.16, 0.8, 0.8, GOLD)
    c.window(0.36, 0.24, 0.64, 0.42, ((140, 200, 240), (210, 235, 245)), WHITE, city=False)
    c.floor((200, 190, 176), (226, 218, 204))
    c.rect(c.left, 0.48, c.right, 0.505, (235, 230, 220))  # counter top
    c.rect(c.left, 0.505, c.right, HORIZON, wood)
    for i in range(8):
        x = c.left + 0.03 + i * 0.16
        c.rect(x, 0.52, x + 0.14, 0.625, lighter(wood, 0.15), r=0.5)
    c.rect(0.1, 0.46, 0.3, 0.48, (60, 60, 70))  # stove top and pot
    c.rect(0.13, 0.39, 0.27, 0.46, (200, 80, 70), r=1)
    c.rect(0.11, 0.4, 0.29, 0.415, (170, 60, 55), r=0.6)
    for k in range(3):
        x = 0.16 + k * 0.04
        c.line([(x, 0.37), (x + 0.01, 0.35), (x, 0.33)], (255, 255, 255, 150), 0.5)
    c.rect(0.72, 0.44, 0.82, 0.48, (245, 245, 245), r=1)  # bowl with fruit
    c.ellipse(0.75, 0.435, 2, 2, (235, 70, 60))
    c.ellipse(0.79, 0.435, 2, 2, (250, 200, 60))


def _bg_restaurant(c: Canvas) -> None:
    c.grad(c.top, 0.45, (176, 92, 66), (150, 74, 54))
    c.rect(c.left, 0.45, c.right, HORIZON, (120, 74, 48), outline=False)
    for i in range(-3, 30):
        c.line([(i * 0.045, 0.46), (i * 0.045, HORIZON)], (100, 60, 40), 0.3)
    c.rect(c.left, 0.44, c.right, 0.455, (210, 170, 110))
    for x in (0.2, 0.5, 0.8):  # pendant lamps
        c.line([(x, c.top), (x, 0.08)], INK, 0.3)
        c.glow(x, 0.1, 16, (255, 210, 120), 90)
        c.poly([(x - 0.05, 0.11), (x - 0.02, 0.08), (x + 0.02, 0.08), (x + 0.05, 0.11)], (60, 100, 80))
        c.ellipse(x, 0.115, 2, 1, (255, 230, 160), outline=False)
    for x in (0.3, 0.7):
        c.rect(x - 0.08, 0.2, x + 0.08, 0.32, GOLD, r=0.3)
        c.grad(0.21, 0.31, (240, 200, 150), (200, 110, 80), x - 0.07, x + 0.07)
    c.floor((120, 76, 46), (160, 108, 70))
    for k in range(6):
        c.line([(c.left, HORIZON + k * 0.028), (c.right, HORIZON + k * 0.028)], (140, 92, 58), 0.25)
    for x in (0.06, 0.94):  # tables with cloths, candles and glasses
        c.poly([(x - 0.14, 0.55), (x + 0.14, 0.55), (x + 0.16, 0.64), (x - 0.16, 0.64)], (250, 248, 240))
        c.rect(x - 0.008, 0.51, x + 0.008, 0.55, (250, 240, 220))
        c.ellipse(x, 0.503, 0.7, 1.2, (255, 190, 70), outline=False)
        c.glow(x, 0.5, 6, (255, 210, 120), 80)
        c.poly([(x + 0.05, 0.52), (x + 0.08, 0.52), (x + 0.065, 0.54)], (230, 240, 255))
        c.line([(x + 0.065, 0.54), (x + 0.065, 0.55)], INK, 0.2)


def _bg_school(c: Canvas) -> None:
    c.grad(c.top, HORIZON, (242, 232, 200), (228, 214, 178))
    for i in range(12):  # bunting
        x = c.left + i * 0.1
        col = [(240, 90, 90), (90, 170, 240), (250, 210, 70), (120, 200, 120)][i % 4]
        c.poly([(x, 0.03), (x + 0.09, 0.03), (x + 0.045, 0.07)], col)
    c.line([(c.left, 0.03), (c.right, 0.03)], INK, 0.3)
    c.rect(0.06, 0.1, 0.94, 0.38, (150, 105, 70))
    c.rect(0.08, 0.115, 0.92, 0.365, (52, 100, 76), outline=False)
    chalk = (235, 240, 230)
    sign(c, "A B C", 0.24, 0.175, 7, chalk, width=0.34)
    sign(c, "1+2=3", 0.67, 0.175, 7, chalk, width=0.3)
    c.line([(0.15, 0.3), (0.3, 0.26), (0.42, 0.31), (0.55, 0.27)], chalk, 0.4)
    c.poly(star_pts(0.78, 0.29, 0.03), (255, 230, 120), outline=False)
    c.rect(0.06, 0.375, 0.94, 0.39, (170, 125, 90))
    c.ellipse(0.88, 0.45, 3.5, 3.5, WHITE)
    c.line([(0.88, 0.45), (0.88, 0.435)], INK, 0.4)
    c.line([(0.88, 0.45), (0.892, 0.452)], INK, 0.4)
    c.floor((176, 130, 88), (206, 162, 116))
    for k in range(1, 6):
        c.line([(c.left, HORIZON + k * 0.024), (c.right, HORIZON + k * 0.024)], (186, 142, 100), 0.25)
    for x in (0.05, 0.95):  # desks
        c.rect(x - 0.12, 0.54, x + 0.12, 0.56, (200, 150, 90))
        c.rect(x - 0.1, 0.56, x - 0.085, 0.65, (120, 120, 130), outline=False)
        c.rect(x + 0.085, 0.56, x + 0.1, 0.65, (120, 120, 130), outline=False)
        c.rect(x - 0.05, 0.515, x + 0.05, 0.54, (90, 150, 220), r=0.4)  # books
        c.rect(x - 0.04, 0.495, x + 0.04, 0.515, (240, 110, 90), r=0.4)
    c.ellipse(0.6, 0.5, 2.6, 2.6, (230, 60, 60))  # apple on the teacher's desk
    c.line([(0.6, 0.487), (0.603, 0.478)], (100, 70, 40), 0.3)


def _bg_hospital(c: Canvas) -> None:
    c.grad(c.top, HORIZON, (222, 240, 234), (204, 228, 222))
    c.rect(c.left, 0.44, c.right, 0.455, (150, 200, 190), outline=False)
    c.window(0.08, 0.08, 0.42, 0.32, ((150, 200, 240), (210, 235, 245)), (235, 240, 240))
    for k in range(9):
        c.line([(0.07, 0.09 + k * 0.026), (0.43, 0.09 + k * 0.026)], (240, 240, 236, 140), 0.6)
    c.rect(0.56, 0.1, 0.74, 0.22, WHITE, r=1)  # red cross sign
    c.rect(0.635, 0.12, 0.665, 0.2, (228, 60, 66), outline=False)
    c.rect(0.6, 0.145, 0.7, 0.175, (228, 60, 66), outline=False)
    c.rect(0.8, 0.3, 0.98, 0.42, (50, 56, 66), r=1)  # heart monitor
    c.rect(0.815, 0.315, 0.965, 0.405, (20, 40, 36), outline=False)
    c.line([(0.82, 0.36), (0.86, 0.36), (0.875, 0.33), (0.89, 0.39), (0.905, 0.35), (0.915, 0.36), (0.96, 0.36)],
           (90, 240, 140), 0.45)
    c.rect(0.885, 0.42, 0.895, HORIZON, (150, 155, 165))
    c.line([(0.12, 0.2), (0.12, HORIZON)], (160, 165, 175), 0.6)  # IV stand and bag
    c.rect(0.1, 0.35, 0.15, 0.42, (210, 235, 250, 220), r=1)
    c.line([(0.125, 0.42), (0.2, 0.55)], (160, 200, 230), 0.25)
    c.floor((190, 204, 210), (214, 226, 230))
    c.rect(0.18, 0.5, 0.52, 0.58, (120, 170, 225), r=1)  # bed
    c.rect(0.19, 0.48, 0.3, 0.52, WHITE, r=1.5)
    c.rect(0.16, 0.44, 0.18, 0.66, (170, 175, 185))
    c.rect(0.2, 0.58, 0.5, 0.6, (170, 175, 185))


def _bg_rooftop(c: Canvas) -> None:
    c.sky((100, 160, 228), (196, 222, 244))
    c.clouds(2, 0.03, 0.15)
    c.skyline(0.6, 0.12, 0.4, [(112, 122, 156), (128, 136, 170), (100, 110, 142)], (255, 214, 120), 0.0,
              (176, 200, 226))
    c.rect(0.46, 0.14, 0.5, 0.2, (40, 40, 76), outline=False)
    c.ellipse(0.48, 0.135, 0.7, 0.7, (255, 70, 70), outline=False)
    c.floor((56, 56, 72), (92, 92, 110), 0.62)
    c.rect(c.left, 0.57, c.right, 0.62, (120, 120, 136))
    for i in range(30):
        c.line([(c.left + i * 0.05, 0.52), (c.left + i * 0.05, 0.57)], (150, 150, 165), 0.3)
    c.line([(c.left, 0.52), (c.right, 0.52)], (150, 150, 165), 0.5)
    pts = [(c.left + k * 0.04, 0.3 + 0.05 * math.sin(k / 29 * math.pi)) for k in range(30)]  # string lights
    c.line(pts, (40, 40, 50), 0.2)
    for k, (x, y) in enumerate(pts[::2]):
        col = [(255, 220, 120), (255, 140, 160), (140, 220, 255)][k % 3]
        c.ellipse(x, y + 0.006, 0.8, 0.8, col, outline=False)
        c.glow(x, y + 0.006, 3, col, 60)


def _bg_bedroom(c: Canvas) -> None:
    c.grad(c.top, HORIZON, (206, 220, 242), (190, 204, 230))
    for i in range(-2, 24):
        for j in range(14):
            c.ellipse(i * 0.06 + (0.03 if j % 2 else 0), j * 0.045, 0.6, 0.6, (225, 234, 250), outline=False)
    night = c.time == "night"
    c.window(0.58, 0.08, 0.9, 0.34, ((30, 40, 90), (80, 70, 140)) if night else ((130, 190, 240), (210, 235, 250)),
             WHITE, city=night, night=night)
    c.poly([(0.54, 0.05), (0.62, 0.05), (0.6, 0.38), (0.53, 0.38)], (240, 150, 170))
    c.poly([(0.86, 0.05), (0.94, 0.05), (0.95, 0.38), (0.88, 0.38)], (240, 150, 170))
    c.rect(0.2, 0.12, 0.38, 0.28, (250, 230, 170), r=0.5)  # picture
    c.poly([(0.22, 0.26), (0.27, 0.18), (0.31, 0.24), (0.34, 0.2), (0.36, 0.26)], (120, 180, 120), outline=False)
    c.floor((176, 130, 96), (204, 164, 126))
    c.rect(c.left, 0.38, 0.34, 0.5, (160, 110, 80), r=1.5)  # bed
    c.rect(c.left, 0.48, 0.36, 0.6, (120, 150, 220), r=1.5)
    c.rect(0.05, 0.45, 0.22, 0.5, WHITE, r=2)
    c.rect(c.left, 0.6, 0.36, 0.63, (140, 95, 70))
    c.rect(0.8, 0.5, 0.98, 0.62, (180, 130, 95))  # nightstand and lamp
    c.rect(0.87, 0.45, 0.91, 0.5, (150, 150, 160))
    c.poly([(0.84, 0.45), (0.94, 0.45), (0.92, 0.39), (0.86, 0.39)], (250, 225, 150))
    c.glow(0.89, 0.42, 10, (255, 230, 160), 70)


def _bg_shop(c: Canvas) -> None:
    c.grad(c.top, HORIZON, (242, 234, 214), (226, 216, 194))
    for i in range(14):  # awning
        x = c.left + i * 0.085
        col = (226, 70, 70) if i % 2 == 0 else WHITE
        c.poly([(x, c.top), (x + 0.085, c.top), (x + 0.085, 0.06), (x + 0.0425, 0.075), (x, 0.06)], col)
    prod = [(230, 80, 80), (80, 150, 230), (250, 200, 60), (120, 200, 110), (240, 140, 200), (250, 150, 60)]
    for x0, x1 in ((c.left, 0.3), (0.7, c.right)):
        c.rect(x0, 0.12, x1, 0.6, (190, 140, 95))
        for r in range(4):
            y = 0.22 + r * 0.11
            c.rect(x0, y, x1, y + 0.015, (160, 112, 72))
            x = x0 + 0.01
            while x < x1 - 0.04:
                h = c.rng.uniform(0.04, 0.08)
                wdt = c.rng.uniform(0.03, 0.05)
                col = c.rng.choice(prod)
                c.rect(x, y - h, x + wdt, y, col, r=0.4)
                c.rect(x + 0.004, y - h * 0.7, x + wdt - 0.004, y - h * 0.45, WHITE, outline=False)
                x += wdt + 0.008
    c.rect(0.36, 0.1, 0.64, 0.2, (250, 210, 80), r=1)
    sign(c, "SALE", 0.5, 0.15, 5.5, (200, 50, 50), width=0.26)
    c.floor((200, 200, 205), (226, 226, 230))
    c.rect(0.32, 0.5, 0.68, 0.64, (180, 120, 80))  # counter with a cash register
    c.rect(0.3, 0.48, 0.7, 0.505, (210, 160, 110))
    c.rect(0.52, 0.41, 0.64, 0.48, (90, 95, 110), r=0.6)
    c.rect(0.54, 0.42, 0.62, 0.445, (140, 220, 160), outline=False)


def _bg_stage(c: Canvas) -> None:
    c.grad(c.top, HORIZON, (44, 20, 40), (70, 30, 56))
    for x, col in ((0.3, (255, 240, 180, 46)), (0.7, (255, 240, 180, 46)), (0.5, (255, 210, 230, 40))):
        c.poly([(x - 0.02, c.top), (x + 0.02, c.top), (0.5 + (x - 0.5) * 0.2 + 0.22, 0.8),
                (0.5 + (x - 0.5) * 0.2 - 0.22, 0.8)], col, outline=False)
    for side in (0, 1):  # curtains with folds
        x0, x1 = (c.left, 0.2) if side == 0 else (0.8, c.right)
        c.rect(x0, c.top, x1, HORIZON + 0.02, (170, 26, 42), outline=False)
        k = x0
        while k < x1:
            c.line([(k, c.top), (k, HORIZON + 0.02)], (120, 16, 30), 0.9)
            c.line([(k + 0.02, c.top), (k + 0.02, HORIZON + 0.02)], (205, 56, 70), 0.5)
            k += 0.045
    c.rect(c.left, c.top, c.right, 0.06, (170, 26, 42), outline=False)
    for i in range(16):
        c.ellipse(c.left + i * 0.08, 0.06, 4.5, 2.2, (150, 20, 36), outline=False)
    c.line([(c.left, 0.075), (c.right, 0.075)], GOLD, 0.8)
    c.floor((108, 64, 36), (150, 96, 56))
    for k in range(1, 7):
        c.line([(c.left, HORIZON + k * 0.03), (c.right, HORIZON + k * 0.03)], (128, 80, 46), 0.25)
    c.ellipse(0.5, 0.76, 46, 7, (255, 235, 170, 60), outline=False)
    for _ in range(24):
        x, y = c.rng.uniform(0.05, 0.95), c.rng.uniform(0.05, 0.4)
        star: RGB = c.rng.choice([(255, 220, 90), (255, 130, 170), (140, 210, 255), WHITE])
        c.poly(star_pts(x, y, 0.008), with_alpha(star, 220), outline=False)


def _bg_alley(c: Canvas) -> None:
    c.sky((92, 100, 120), (150, 150, 160), 0.2)
    c.bricks(c.left, 0.12, c.right, HORIZON, (150, 84, 70), (110, 90, 86), 22)
    c.poly([(c.left, c.top), (0.18, 0.12), (0.18, HORIZON), (c.left, 0.8)], (90, 60, 56))  # side walls
    c.poly([(c.right, c.top), (0.82, 0.12), (0.82, HORIZON), (c.right, 0.8)], (84, 56, 52))
    c.rect(0.42, 0.36, 0.58, HORIZON, (70, 72, 80))  # back door and lamp
    c.glow(0.5, 0.33, 12, (255, 210, 120), 90)
    c.rect(0.47, 0.31, 0.53, 0.335, (255, 220, 140), r=0.5)
    for k in range(6):  # fire escape
        y = 0.16 + k * 0.05
        c.line([(0.86, y), (0.99, y + 0.02)], (40, 40, 46), 0.5)
    c.line([(0.9, 0.15), (0.9, 0.45)], (40, 40, 46), 0.4)
    c.line([(0.96, 0.17), (0.96, 0.47)], (40, 40, 46), 0.4)
    c.floor((62, 62, 70), (92, 90, 96))
    c.rect(0.2, 0.5, 0.38, 0.64, (60, 110, 80))  # dumpster
    c.rect(0.19, 0.48, 0.39, 0.51, (50, 90, 66))
    c.rect(0.66, 0.56, 0.76, 0.64, (200, 160, 110))  # boxes and a trash can
    c.rect(0.7, 0.5, 0.78, 0.56, (185, 145, 98))
    c.rect(0.83, 0.55, 0.91, 0.65, (130, 135, 145), r=0.5)
    c.ellipse(0.6, 0.7, 10, 1.4, (110, 116, 132), outline=False)
    c.line([(0.3, 0.2), (0.36, 0.18), (0.42, 0.21)], (90, 200, 220), 0.7)  # graffiti squiggle
    c.line([(0.62, 0.24), (0.66, 0.19), (0.7, 0.25)], (240, 120, 180), 0.7)


def _bg_beach(c: Canvas) -> None:
    c.sky((90, 180, 240), (205, 236, 250), 0.46)
    c.ellipse(0.8, 0.1, 7, 7, (255, 236, 130), outline=False)
    c.glow(0.8, 0.1, 14, (255, 240, 170), 70)
    c.clouds(2, 0.04, 0.2)
    for k in range(3):
        x = 0.3 + k * 0.05
        c.line([(x, 0.2 + k * 0.02), (x + 0.015, 0.19 + k * 0.02), (x + 0.03, 0.2 + k * 0.02)], INK, 0.35)
    c.grad(0.45, 0.58, (56, 160, 200), (100, 205, 215))
    for k in range(6):
        y = 0.47 + k * 0.02
        x = c.rng.uniform(0, 0.2)
        while x < 1.1:
            c.line([(x, y), (x + 0.03, y - 0.004), (x + 0.06, y)], (200, 240, 245), 0.3)
            x += c.rng.uniform(0.12, 0.2)
    c.floor((226, 196, 140), (244, 222, 168), 0.58)
    c.line([(c.left, 0.58), (0.3, 0.585), (0.6, 0.578), (c.right, 0.585)], WHITE, 0.8)
    trunk = bezier((0.1, 0.64), (0.1, 0.45), (0.02, 0.3), (0.0, 0.18), 10)
    for (x0, y0), (x1, y1) in zip(trunk, trunk[1:], strict=False):
        c.line([(x0, y0), (x1, y1)], (150, 100, 60), 3.2)
    for a in (-2.6, -1.9, -1.2, -0.5, 0.2):
        tip = (0.0 + math.cos(a) * 0.2, 0.18 + math.sin(a) * 0.08 + 0.09)
        mid = (0.0 + math.cos(a) * 0.1, 0.18 + math.sin(a) * 0.06)
        c.poly([(0.0, 0.175), mid, tip, (mid[0], mid[1] + 0.025)], (70, 160, 80))
    c.line([(0.86, 0.34), (0.88, 0.64)], (120, 120, 130), 0.6)  # umbrella
    for i in range(6):
        a0, a1 = math.pi + i * math.pi / 6, math.pi + (i + 1) * math.pi / 6
        pts = [(0.86, 0.34)] + [(0.86 + 0.14 * math.cos(a), 0.36 + 0.06 * math.sin(a))
                                for a in (a0, (a0 + a1) / 2, a1)]
        c.poly(pts, (236, 80, 80) if i % 2 == 0 else WHITE)
    c.rect(0.68, 0.62, 0.86, 0.655, (90, 170, 230), r=0.6)
    c.ellipse(0.28, 0.65, 1.5, 1.1, (250, 200, 210))


BACKGROUNDS: dict[str, Callable[[Canvas], None]] = {
    "street": _bg_street,
    "rainy_street": _bg_rainy_street,
    "construction_site": _bg_construction_site,
    "office": _bg_office,
    "mansion": _bg_mansion,
    "park": _bg_park,
    "kitchen": _bg_kitchen,
    "restaurant": _bg_restaurant,
    "school": _bg_school,
    "hospital": _bg_hospital,
    "rooftop": _bg_rooftop,
    "bedroom": _bg_bedroom,
    "shop": _bg_shop,
    "stage": _bg_stage,
    "alley": _bg_alley,
    "beach": _bg_beach,
    "sea": bg_sea,
    "skyscraper": bg_skyscraper,
    "space": bg_space,
    "planet": bg_planet,
    "stadium": bg_stadium,
    "city_hall": bg_city_hall,
    "market": bg_market,
    "courtroom": bg_courtroom,
    "lake": bg_lake,
    "mountain": bg_mountain,
    "wedding": bg_wedding,
    "cemetery": bg_cemetery,
    "farm": bg_farm,
    "station": bg_station,
    "airport": bg_airport,
}

