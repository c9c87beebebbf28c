"""Time of day and weather baked into a background: skies, sun/moon/stars, night lights, wet or snowy
ground, storm lightning, and the overall light. Falling rain and snow are the animator's (moving);
``weather_still`` draws one frozen frame of them for stills."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PIL import Image, ImageChops, ImageDraw

from render.painter.geometry import RGB, WHITE, darker, mix

if TYPE_CHECKING:  # the canvas calls these while drawing its sky
    from render.painter.canvas import Canvas

_SKIES: dict[str, tuple[RGB, RGB]] = {
    "morning": ((250, 170, 160), (255, 228, 184)),
    "sunset": ((74, 58, 138), (255, 146, 66)),
    "night": ((8, 12, 40), (40, 42, 92)),
}
_WEATHER_SKIES: dict[str, tuple[RGB, RGB]] = {
    "rain": ((86, 94, 114), (142, 148, 162)),
    "storm": ((30, 32, 48), (78, 78, 98)),
    "snow": ((178, 188, 206), (228, 232, 240)),
}
# whole-picture light: (multiply colour for outdoor places, for indoor places, tint colour, tint amount)
_LIGHT: dict[str, tuple[RGB, RGB, RGB, float]] = {
    "morning": ((255, 246, 236), (255, 250, 244), (255, 200, 170), 0.1),
    "sunset": ((255, 226, 196), (255, 234, 210), (255, 130, 50), 0.16),
    "night": ((104, 114, 178), (178, 168, 182), (20, 24, 70), 0.12),
}
_STORM_INDOORS: RGB = (196, 198, 214)
_WEATHER_LIGHT: dict[str, RGB] = {"rain": (196, 204, 222), "storm": (150, 156, 182), "snow": (236, 242, 255)}


def sky_colors(time: str, weather: str, top: Sequence[int], bottom: Sequence[int]) -> tuple[RGB, RGB]:
    if weather in _WEATHER_SKIES:
        t, b = _WEATHER_SKIES[weather]
        if time == "night":
            return darker(t, 0.4), darker(b, 0.45)
        if time == "sunset":
            return mix(t, (120, 70, 110), 0.3), mix(b, (240, 140, 80), 0.3)
        return t, b
    if time in _SKIES:
        return _SKIES[time]
    return (top[0], top[1], top[2]), (bottom[0], bottom[1], bottom[2])


def sky_extras(c: Canvas, horizon: float) -> None:
    """Sun, moon, stars or lightning drawn right after the sky gradient (buildings then cover them)."""
    rng = random.Random(f"sky:{c.time}:{c.weather}")
    if c.weather == "storm":
        x = rng.uniform(0.25, 0.75)
        pts = [(x, c.top), (x - 0.05, 0.12), (x + 0.01, 0.13), (x - 0.06, 0.3), (x + 0.05, 0.12), (x - 0.005, 0.11),
               (x + 0.04, c.top)]
        c.glow(x - 0.02, 0.14, 20, (220, 220, 255), 70)
        c.poly(pts, (255, 250, 200), outline=False)
        return
    if c.weather in ("rain", "snow"):
        return
    if c.time == "night":
        for _ in range(70):
            x, y = rng.uniform(c.left, c.right), rng.uniform(c.top, horizon - 0.05)
            r = rng.uniform(0.2, 0.6)
            c.ellipse(x, y, r, r, (255, 250, 220, rng.randint(140, 255)), outline=False)
        c.glow(0.78, 0.1, 16, (255, 245, 200), 70)
        c.ellipse(0.78, 0.1, 6.5, 6.5, (255, 245, 205), outline=False)
        c.ellipse(0.81, 0.088, 5.6, 5.6, _SKIES["night"][0], outline=False)
    elif c.time == "sunset":
        y = horizon - 0.07
        c.glow(0.7, y, 40, (255, 170, 80), 90)
        c.ellipse(0.7, y, 12, 12, (255, 200, 90), outline=False)
        for k in range(3):
            c.rect(c.left, y - 0.1 - k * 0.035, c.right, y - 0.095 - k * 0.035, (255, 170, 120, 90), outline=False)
    elif c.time == "morning":
        c.glow(0.22, horizon - 0.14, 26, (255, 236, 180), 80)
        c.ellipse(0.22, horizon - 0.14, 8, 8, (255, 240, 190), outline=False)


def weather_ground(c: Canvas, outdoor: bool) -> None:
    """Wet street or snow cover on the ground of an outdoor place (before the props are drawn)."""
    if not outdoor or c.weather == "clear":
        return
    at = c.floor_at
    rng = random.Random(f"ground:{c.weather}")
    if c.weather in ("rain", "storm"):
        c.rect(c.left, at, c.right, c.bottom, (40, 50, 80, 70), outline=False)
        for _ in range(12):  # puddles with light streaks
            x, y = rng.uniform(c.left, c.right), rng.uniform(at + 0.02, c.bottom - 0.05)
            rx = rng.uniform(6, 16)
            c.ellipse(x, y, rx, rx * 0.14, (150, 170, 205, 150), outline=False)
            c.line([(x - rx / 260, y), (x + rx / 260, y)], (220, 230, 250, 200), 0.3)
        for _ in range(18):
            x = rng.uniform(c.left, c.right)
            c.line([(x, at + 0.01), (x, at + rng.uniform(0.04, 0.1))], (200, 210, 240, 60), 0.5)
    elif c.weather == "snow":
        pts = [(c.left, c.bottom)] + [(c.left + k * 0.05, at - 0.006 + 0.008 * rng.random())
                                       for k in range(int((c.right - c.left) / 0.05) + 2)] + [(c.right, c.bottom)]
        c.poly(pts, (242, 246, 252), outline=False)
        for _ in range(10):
            x, y = rng.uniform(c.left, c.right), rng.uniform(at + 0.02, c.bottom)
            c.ellipse(x, y, rng.uniform(6, 14), 1.2, (214, 224, 240), outline=False)


def finish_light(c: Canvas, outdoor: bool) -> None:
    """The scene's light over the whole background; night lights glow again after the darkening."""
    img = c.img
    if c.time in _LIGHT:
        mul_out, mul_in, tint, amount = _LIGHT[c.time]
        img.paste(ImageChops.multiply(img, Image.new("RGB", img.size, mul_out if outdoor else mul_in)))
        img.paste(Image.blend(img, Image.new("RGB", img.size, tint), amount))
    if c.weather in _WEATHER_LIGHT and outdoor:
        img.paste(ImageChops.multiply(img, Image.new("RGB", img.size, _WEATHER_LIGHT[c.weather])))
    elif c.weather == "storm":  # a room in a storm: dimmer, the grey light of the window
        img.paste(ImageChops.multiply(img, Image.new("RGB", img.size, _STORM_INDOORS)))
    if c.time == "night":
        for x0, y0, x1, y1, col in c.lights:
            c.rect(x0, y0, x1, y1, col, outline=False)
            c.glow((x0 + x1) / 2, (y0 + y1) / 2, max(2.0, (x1 - x0) * 100 * 1.2), col, 40)


def weather_still(img: Image.Image, weather: str, seed: int) -> Image.Image:
    """One frozen frame of falling rain or snow over a finished still (the animator draws it moving)."""
    if weather not in ("rain", "snow", "storm"):
        return img
    out = img.copy()
    d = ImageDraw.Draw(out, "RGBA")
    w, h = out.size
    rng = random.Random(f"{seed}:weather")
    if weather == "snow":
        for _ in range(w * h // 2500):
            x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.6, 2.2) * w / 400
            d.ellipse((x - r, y - r, x + r, y + r), fill=(*WHITE, rng.randint(150, 230)))
        return out
    for _ in range(w * h // 1800):
        x, y, ln = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.02, 0.045) * h
        d.line([(x, y), (x - ln * 0.15, y + ln)], fill=(205, 215, 235, rng.randint(60, 130)),
               width=max(1, round(w / 500)))
    return out
