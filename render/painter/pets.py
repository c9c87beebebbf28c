"""One pet standing like a person: body, clothes, face and emotion marks, drawn in pet units."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from PIL import ImageDraw

from render.painter import ages, animals, costumes
from render.painter.gear import GRIPS, LIFT, draw_behind
from render.painter.geometry import (
    GOLD,
    INK,
    PINK,
    RGB,
    WHITE,
    Color,
    Pen,
    Point,
    band_pts,
    bezier,
    darker,
    ellipse_pts,
    heart_pts,
    lighter,
    luma,
    mix,
    round_tri,
    star_pts,
)
from render.painter.looks import PetLook
from render.painter.poses import (
    LEG_PATHS,
    THROWN_OFF,
    TWO_HANDED,
    arm_path,
    arm_style,
    draw_marks,
    draw_spill,
    held_size,
)
from render.painter.props import GRIP, HAND, RIG_OFFSET, RIG_SCALE, draw_prop
from render.painter.vocabulary import Pose, art


class Pet(Pen):
    """Draws one pet standing like a person. Units ``u``: the pet is ~104 u tall, origin at its feet."""

    def __init__(self, d: ImageDraw.ImageDraw, cx: float, feet_y: float, height: float, look: PetLook,
                 outfit: str, pose: Pose, facing: int, turned: bool = False, seed: int = 0,
                 shadow: str = "round", away: bool = False) -> None:
        super().__init__(d, cx, feet_y, height / 104, facing, INK if luma(look.fur) > 70 else (14, 12, 18))
        self.look, self.outfit, self.pose = look, outfit, pose
        self.expr = pose.expression
        self.cat = look.species == "cat"
        self.hy = -71.0  # head centre
        self.hrx, self.hry = (28.5, 23.5) if self.cat else (26.5, 23.0)
        self.arm_style = arm_style(pose.arms, pose.action, self.expr)
        self.face_dx = 4.0 if turned else 0.0  # eyes, nose and mouth shift toward the side the pet faces
        self.away = away  # seen from behind, going away: the back of its head and body, its tail over them
        self.seed, self.shadow = seed, shadow
        self.kneel = 9.0 if pose.body == "kneel" else 0.0  # the body drops onto its knees
        self.head_k = ages.YOUNG_HEAD if look.young else 1.0  # a kitten's big head

    @contextmanager
    def head_space(self) -> Iterator[None]:
        """Draw the head, face, hat and marks ``head_k`` times as large about the neck (and stooped when old)."""
        u, fy, cx = self.u, self.fy, self.cx
        self.fy, self.u = fy + ages.NECK_Y * u * (1 - self.head_k), u * self.head_k
        if self.look.old and self.pose.body == "stand":  # the stoop: the head forward and down
            self.cx, self.fy = cx + ages.HUNCH[0] * u * self.f, self.fy + ages.HUNCH[1] * u
        try:
            yield
        finally:
            self.u, self.fy, self.cx = u, fy, cx

    def scallops(self, x: float, y: float, rx: float, ry: float, fill: RGB, n: int, r: float) -> None:
        """Fluffy fur: a ring of outlined bumps (drawn before the smooth shape that covers their insides)."""
        pts = [(x + rx * math.cos(2 * math.pi * i / n), y + ry * math.sin(2 * math.pi * i / n)) for i in range(n)]
        for px, py in pts:
            self.ell(px, py, r + self.lw / self.u, r + self.lw / self.u, self.ink, outline=False)
        for px, py in pts:
            self.ell(px, py, r, r, fill, outline=False)

    # -- the pet ---------------------------------------------------------------------------

    def draw(self) -> None:
        # 1. shadow, back layers (tail, cape, hood)
        if self.shadow == "long":  # low sun: a long shadow away from the light
            self.poly([(-20, 0), (20, 0), (70, 7), (30, 9)], (0, 0, 0, 60), outline=False)
        if self.shadow != "none":
            self.ell(0, 0, 27, 4.5, (0, 0, 0, 55), outline=False)
        draw_behind(self, self.pose.marks)  # a ladder behind a climber
        lift = LIFT.get(self.pose.action, 0.0) * self.u  # off the ground: a skip, a climber on a rung
        self.fy -= lift
        if self.kneel:
            self.folded_legs()
        self.fy += self.kneel * self.u
        if not self.away:
            self.tail()
        self.back_layer()
        # 2. body: legs, torso, clothes, arms (seen from behind: the tail over the back)
        if not self.kneel:
            self.legs()
        self.torso()
        if self.away:
            self.back_tail()
        self.arms()
        # 3. head: ears, skull, face (an old pet's grey muzzle, brows and glasses), neckwear, hats, marks
        old, fur = self.look.old, self.look.fur
        with self.head_space():
            self.head()
            self.cx += self.face_dx * self.u * self.f
            if old and not self.away:
                ages.muzzle(self, fur, self.cat)
            if not self.away:  # from behind: no face
                self.face()
            if old and not self.away:
                ages.brows_and_glasses(self, fur, self.cat, self.outfit == "sunglasses")
            self.cx -= self.face_dx * self.u * self.f
        self.neckwear()
        with self.head_space():
            self.hat()
            if self.pose.body not in ("lying", "back"):
                self.marks()
        self.held()
        paw = ages.cane_paw([arm_path(self.arm_style, s)[-1] for s in (1, -1)], self.pose.holding is not None)
        if (old or self.look.cane) and paw is not None and self.pose.body == "stand" and self.pose.rig is None:
            ages.cane(self, paw)
            self.ell(paw[0], paw[1], 5, 5, self.paw_color())
        self.fy -= self.kneel * self.u
        self.fy += lift

    def rig(self, color: RGB | None) -> None:
        """The pose's rig (car, scooter, desk, stove, cradle, podium) in front of the pet's lower body."""
        rig = self.pose.rig
        if rig is None:
            return
        k = RIG_SCALE.get(rig.drawn, 1.0)
        dx, dy = RIG_OFFSET.get(rig.drawn, (0.0, 0.0))
        pen = Pen(self.d, self.P(dx, dy)[0], self.P(dx, dy)[1], self.u * k, self.f, INK)
        draw_prop(art(rig), pen, rig.color or color)
        if rig.drawn == "car":  # the steering wheel in front of the driver's paws
            self.ell(28, -50, 7, 7, None, width=2.2)

    def drop(self) -> float:
        """How far below the ground line the drawing's feet are (a kneel), less how far it is lifted, in pixels."""
        return (self.kneel - LIFT.get(self.pose.action, 0.0)) * self.u

    def action_marks(self, lang: str = "en") -> None:
        self.fy += self.drop()
        draw_marks(self, self.pose.marks, self.hy, self.seed, lang)
        if self.pose.action in GRIPS or self.pose.arms == "tear":  # the paws over the camera, shovel, rope, keys, paper
            for s in (1, -1):
                self.ell(*arm_path(self.arm_style, s)[-1], 4.6, 4.6, self.paw_color())
        self.fy -= self.drop()

    def held(self) -> None:
        h = self.pose.holding
        if h is None:
            return
        if h.drawn == "necklace":  # a necklace is worn: gold beads round the neck and a diamond on the chest
            for i in range(11):
                a = math.pi * (0.08 + 0.84 * i / 10)
                self.ell(16 * math.cos(a), -50 + 10 * math.sin(a), 1.9, 1.9, h.color or GOLD)
            self.poly([(0, -42), (5, -36.5), (0, -30), (-5, -36.5)], (190, 235, 255))
            self.poly(star_pts(7, -31, 4), WHITE, outline=False)
            return
        paws = [arm_path(self.arm_style, s)[-1] for s in (1, -1)]
        if self.pose.action == "spill":  # the cup or bowl tipped at the target, not held upright
            draw_spill(self, paws[0], h.drawn, h.asked)
            self.ell(*paws[0], 5, 5, self.paw_color())
            return
        if self.arm_style in TWO_HANDED:
            gx, gy = (paws[0][0] + paws[1][0]) / 2, (paws[0][1] + paws[1][1]) / 2
        else:
            gx, gy = paws[0]
        thrown = self.arm_style == "throw"
        if thrown:  # thrown away: flying off the flung paw, motion arcs behind it
            for n in range(3):
                r = 12.0 + 6.0 * n
                self.line([(gx + 4 + n * 3, gy - 2 - n * 4), (gx + 12 + r * 0.6, gy - 10 - r * 0.8),
                           (gx + THROWN_OFF[0] - 6, gy + THROWN_OFF[1] + 4 - n * 3)], (255, 255, 255), 1.6)
            gx, gy = gx + THROWN_OFF[0], gy + THROWN_OFF[1]
        size = HAND.get(art(h), HAND.get(h.drawn, 22.0))  # a variant its own size: a soup bowl, not a pet's dish
        size = held_size(h.drawn, self.arm_style, size)  # the ring held out in a proposal: bigger
        k = size / 100
        grip = GRIP.get(art(h), GRIP.get(h.drawn, (0.0, -45.0)))  # a variant held by its own grip
        ox, oy = gx - grip[0] * k, gy - grip[1] * k
        pen = Pen(self.d, *self.P(ox, oy), self.u * k, self.f, self.ink)
        draw_prop(art(h), pen, h.color)  # its variant where its words name one: a jar of coins, not a piggy bank
        for px, py in paws[: 1 if self.arm_style not in TWO_HANDED else 2]:  # paws over the handle
            self.ell(px, py, 4.6, 4.6, self.paw_color())  # (an open paw, where it let the thing go)

    def paw_color(self) -> RGB:
        lk = self.look
        if lk.animal:
            return animals.limb(self)
        return lk.fur2 if lk.pattern == "points" or lk.pattern in ("patches", "mask") and luma(lk.fur2) > 150 \
            else lk.fur

    def folded_legs(self) -> None:
        """Kneeling: shins flat on the ground behind the pet."""
        leg = self._outfit().get("legs", self.look.fur)
        for s in (-1, 1):
            self.rect_r(s * 4 - 16, -9, s * 4 + 6, 0, 4, leg)
            self.ell(s * 4 - 16, -4, 5, 4.5, self._outfit().get("shoes", self.look.fur))

    def blink(self) -> bool:
        """Closed eyes over the open ones (a blink frame); False when the eyes are already shut or hidden."""
        e = self.expr
        if e in ("happy", "crying", "tired") or self.outfit == "sunglasses" or self.pose.body in ("lying", "back") \
                or self.away:
            return False
        self.fy += self.drop()
        with self.head_space():
            self.cx += self.face_dx * self.u * self.f
            ey, ex = (-74.0, 11.5) if self.cat else (-75.0, 10.5)
            lid = self.look.fur2 if self.look.pattern == "points" else self.look.fur
            for s in (-1, 1):
                self.ell(s * ex, ey, 8.2, 9.6, lid, outline=False)
                self.line([(s * ex - 5.5, ey + 0.5), (s * ex, ey + 2.8), (s * ex + 5.5, ey + 0.5)], self.ink, 1.5)
            if self.look.old:  # the glasses stay on over the shut eyes
                ages.brows_and_glasses(self, self.look.fur, self.cat, False)
            self.cx -= self.face_dx * self.u * self.f
        self.fy -= self.drop()
        return True

    def talk(self) -> bool:
        """The mouth in its other state (open when it was closed, closed when open): a mouth-flap frame;
        False for one seen from behind (no mouth to move)."""
        if self.away:
            return False
        self.fy += self.drop()
        with self.head_space():
            self._talk()
        self.fy -= self.drop()
        return True

    def _talk(self) -> None:
        self.cx += self.face_dx * self.u * self.f
        lk = self.look
        my = -63.0 if self.cat else -61.0
        if not self.cat:
            light_fur2 = luma(lk.fur2) > luma(lk.fur) - 20
            cover = lk.fur2 if lk.pattern == "mask" or light_fur2 else lighter(lk.fur, 0.3)
        else:
            cover = mix(lk.fur2, lk.fur, 0.25) if lk.pattern == "points" else lk.fur
        if lk.old:
            cover = ages.grey(lk.fur)
        if self.expr in ("happy", "love", "shocked", "crying"):
            self.ell(0, my + 5, 7.5, 7.5, cover, outline=False)
            self.line([(-4, my + 2), (0, my + 3.5), (4, my + 2)], self.ink, 1.1)
        else:
            self.ell(0, my + 4.2, 5.2, 4.6, (120, 36, 52))
            self.ell(0, my + 6.4, 3.0, 1.6, (240, 110, 130), outline=False)
        self.cx -= self.face_dx * self.u * self.f

    def tail(self) -> None:
        lk = self.look
        if lk.animal:
            animals.tail(self)
            return
        if self.cat:
            pts = bezier((-10, -20), (-36, -18), (-42, -50), (-32, -62), 14)
            self.stroke(pts, lk.fur2 if lk.pattern == "points" else lk.fur, 10 if lk.fluffy else 6.5)
            if lk.pattern == "tabby":
                for p in pts[4:13:3]:
                    self.ell(p[0], p[1], 3.2, 3.2, darker(lk.fur, 0.72), outline=False)
            return
        if lk.long:  # a dachshund's long, low body behind it, on two short hind legs, its tail at the end
            for x in (-40, -27):
                self.rect_r(x - 4, -13, x + 4, -1, 3, lk.fur)
                self.ell(x + 1, -2, 5.5, 3.6, lk.fur)
            self.ell(-27, -19, 25, 10.5, lk.fur)
            self.stroke(bezier((-49, -21), (-58, -24), (-62, -32), (-60, -40), 8), lk.fur, 6)
            return
        if lk.ears == "big" and lk.pattern == "patches":  # corgi stub
            self.stroke([(-10, -18), (-19, -24)], lk.fur, 8)
        elif lk.pattern == "mask" and lk.ears == "pointy" and lk.fur[0] > 180:  # shiba curl
            pts = [(-12, -30)] + [(-24 + 8 * math.cos(a), -40 + 8 * math.sin(a))
                                  for a in np.linspace(0.5, 2 * math.pi + 0.3, 12)]
            self.stroke(pts, lk.fur, 7)
        else:
            pts = bezier((-10, -22), (-26, -24), (-34, -34), (-32, -50), 10)
            self.stroke(pts, lk.fur, 11 if lk.fluffy else 7.5)
            self.ell(pts[-1][0], pts[-1][1], 3.6, 3.6, lk.fur2, outline=False)

    def back_tail(self) -> None:
        """The tail of one seen from behind: from the middle of its back, over the body (a dachshund's too)."""
        lk = self.look
        if lk.long and not lk.animal and not self.cat:
            self.stroke(bezier((0, -20), (-6, -26), (-12, -34), (-10, -44), 8), lk.fur, 7.5)
            return
        curl = not lk.animal and not self.cat and lk.pattern == "mask" and lk.ears == "pointy" and lk.fur[0] > 180
        shift = (20.0 if curl else 12.0) * self.u * self.f
        self.cx += shift
        self.tail()
        self.cx -= shift

    # outfit colours
    def _outfit(self) -> dict[str, Color]:
        o, lk = self.outfit, self.look
        jacket = {"suit": darker(lk.accent, 0.45), "tuxedo": (28, 28, 34), "uniform": (40, 62, 112),
                  "graduation_cap": (34, 34, 46), "hoodie": lk.accent, "rags": (150, 124, 96),
                  "hard_hat": (84, 120, 176), "dress": lk.accent, "apron": lighter(lk.accent, 0.5),
                  "chef_hat": (250, 250, 246)}
        pants = {"suit": darker(lk.accent, 0.38), "tuxedo": (24, 24, 30), "uniform": (34, 52, 96),
                 "hard_hat": (70, 100, 160), "hoodie": (70, 100, 160), "rags": (120, 96, 72),
                 "graduation_cap": (34, 34, 46), "chef_hat": (80, 80, 90)}
        out: dict[str, Color] = dict(costumes.COLOURS.get(o, {}))
        if o in jacket:
            out["torso"] = jacket[o]
        if o in pants:
            out["legs"] = pants[o]
        if o in ("suit", "tuxedo", "uniform", "graduation_cap"):
            out["shoes"] = (30, 28, 32)
        elif o == "hard_hat":
            out["shoes"] = (130, 84, 50)
        if o in ("suit", "tuxedo", "uniform", "graduation_cap", "hoodie", "hard_hat", "chef_hat"):
            out["sleeve"] = out["torso"]
        return out

    def back_layer(self) -> None:
        o = self.outfit
        if o in ("crown", "royal"):  # royal cape
            self.poly([(-15, -54), (15, -54), (27, -1), (-27, -1)], (180, 28, 46))
            self.line([(-8, -48), (-18, -3)], (140, 20, 36), 1.0)
            self.line([(8, -48), (18, -3)], (140, 20, 36), 1.0)
        elif o == "hoodie":
            self.ell(0, self.hy + 1, self.hrx + 4, self.hry + 4, darker(self.look.accent, 0.82))
        elif o == "graduation_cap":
            self.poly([(-16, -52), (16, -52), (22, -4), (-22, -4)], (34, 34, 46))
        costumes.back(self, o, self.hy, self.hrx, self.hry)

    def legs(self) -> None:
        oc = self._outfit()
        lk = self.look
        leg = oc.get("legs", animals.limb(self))
        stride = self.pose.legs == "stride"
        if self.pose.legs in LEG_PATHS:  # a kick or legs in the air: each leg a stroke from the hip
            for s, path in zip((1, -1), LEG_PATHS[self.pose.legs], strict=True):
                self.stroke(path, leg, 10.0)
                foot = oc.get("shoes") or (lk.fur2 if lk.pattern in ("patches", "points") else animals.limb(self))
                self.ell(path[-1][0] + 2 * s, path[-1][1], 6.5, 5.0, foot)
            return
        for s in (-1, 1):
            ox, oy = ((5.0, -6.0) if s == 1 else (-3.0, 0.0)) if stride else (0.0, 0.0)
            self.cx += ox * self.u * self.f
            self.fy += oy * self.u
            self._leg(s, leg, oc, lk)
            self.cx -= ox * self.u * self.f
            self.fy -= oy * self.u

    def _leg(self, s: int, leg: Color, oc: dict[str, Color], lk: PetLook) -> None:
        self.d.rounded_rectangle(
            (*self._pt_min(s * 3.5, -20, s * 14, -2), *self._pt_max(s * 3.5, -20, s * 14, -2)),
            radius=4 * self.u, fill=leg, outline=self.ink, width=round(self.lw))
        shoe = oc.get("shoes")
        foot = shoe if shoe is not None else (lk.fur2 if lk.pattern in ("patches", "points") else animals.limb(self))
        self.ell(s * 9.5, -2.5, 8.5, 4.8, foot)
        if shoe is not None:
            self.ell(s * 7.5, -4, 2.5, 1.2, (255, 255, 255, 120), outline=False)
        else:
            for k in (-2.5, 2.5):
                self.line([(s * 9.5 + k, -1), (s * 9.5 + k, -3.5)], self.ink, 0.7)
        if lk.pattern == "tabby" and "legs" not in oc:
            self.line([(s * 4.5, -14), (s * 13, -14)], darker(lk.fur, 0.72), 1.6)

    TORSO = (0.0, -32.0, 18.5, 22.5)

    def torso(self) -> None:
        lk, o = self.look, self.outfit
        tx, ty, rx, ry = self.TORSO
        oc = self._outfit()
        if lk.thin:  # skinny: a narrow body, tucked in at the belly
            rx, ry = rx * 0.74, ry * 0.96
        if lk.pregnant:  # young on the way: a round belly swelling out low
            rx, ry, ty = rx * 1.22, ry * 1.06, ty + 1.5
        if lk.fluffy and "torso" not in oc:
            self.scallops(tx, ty, rx - 1, ry - 1, lk.fur, 14, 4.2)
            self.ell(tx, ty, rx, ry, lk.fur, outline=False)
        else:
            self.ell(tx, ty, rx, ry, oc.get("torso", lk.fur))
        if self.away:  # from behind: the back, a spine line, none of the front's clothes details
            self.line([(0, -50), (0, -16)], darker(oc.get("torso", lk.fur), 0.8), 1.2)
            return
        if "torso" not in oc:  # bare fur: belly patch and stripes
            if lk.fur2 != lk.fur and luma(lk.fur2) > luma(lk.fur) - 10:
                self.ell(0, -29, 11, 15.5, lk.fur2, outline=False)
            if lk.pregnant:  # the swell of the belly, its curve shaded below
                self.ell(0, -24, 15.5, 14.0, lk.fur2 if luma(lk.fur2) > luma(lk.fur) - 10 else lk.fur)
                self.line([(-11, -14), (0, -11), (11, -14)], darker(lk.fur, 0.7), 1.2)
            if lk.pattern == "tabby":
                for y in (-42, -34, -26):
                    self.line([(-18, y), (-12, y + 1.5)], darker(lk.fur, 0.72), 1.8)
                    self.line([(18, y), (12, y + 1.5)], darker(lk.fur, 0.72), 1.8)
            if lk.pattern == "spots":
                for x, y in ((-9, -40), (8, -22), (-5, -18), (10, -38)):
                    self.ell(x, y, 2.6, 2.2, lk.fur2, outline=False)
            if lk.thin:  # its ribs showing: curved lines down each flank
                rib = darker(lk.fur, 0.62)
                for y in (-40, -34, -28):
                    for e in (-1, 1):
                        self.line([(e * 12.5, y - 2), (e * 9.5, y), (e * 6.5, y + 0.5)], rib, 1.3)
        getattr(self, f"_torso_{o}", lambda: None)()
        costumes.torso(self, o, self.TORSO)

    def _torso_crown(self) -> None:
        self.rect_r(-19, -54, 19, -45, 4, (250, 248, 244))  # ermine collar
        for x in (-13, -5, 5, 13):
            self.ell(x, -47.5, 0.9, 1.3, (30, 30, 30), outline=False)
        self.ell(0, -38, 3, 3, GOLD)

    _torso_royal = _torso_crown  # an emperor's robe under the same ermine collar

    def _torso_rags(self) -> None:
        tx, ty, rx, ry = self.TORSO
        col = self._outfit()["torso"]
        hem = [(x, -12 + (3.5 if i % 2 else 0)) for i, x in enumerate(np.linspace(-16, 16, 9))]
        self.poly([(-17, -14)] + hem + [(17, -14)], col, outline=True)
        self.ell(tx, ty - 1, rx, ry - 1, col, outline=False)
        self.poly([(-9, -44), (0, -46), (-1, -36), (-10, -37)], (118, 138, 170))
        self.poly([(4, -26), (12, -27), (12, -19), (5, -19)], (196, 156, 100))
        for x0, y0, x1, y1 in ((-9, -44, 0, -46), (-10, -37, -1, -36), (4, -26, 12, -27)):
            for k in range(4):
                t = (k + 0.5) / 4
                x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
                self.line([(x, y - 1), (x, y + 1)], self.ink, 0.45)
        self.poly([(6, -44), (9, -42), (7, -39), (5, -41)], (70, 50, 40), outline=False)
        self.poly([(-8, -22), (-5, -20), (-7, -17)], (70, 50, 40), outline=False)

    def _torso_hard_hat(self) -> None:
        tx, ty, rx, ry = self.TORSO
        vest = (255, 140, 30) if self.look.accent[0] > 150 else (196, 236, 40)
        self.ell(tx, ty, rx, ry, vest)
        self.poly([(-6, -54), (6, -54), (0, -40)], self._outfit()["torso"], outline=True)
        for y0 in (-33, -24):
            self.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, y0, y0 + 3.4), (226, 232, 236))

    def _torso_suit(self) -> None:
        jacket = self._outfit()["torso"]
        self.poly([(-7, -54), (7, -54), (0, -30)], WHITE)
        self.poly([(-7, -54), (0, -30), (-9, -40)], darker(jacket, 0.8))
        self.poly([(7, -54), (0, -30), (9, -40)], darker(jacket, 0.8))
        self.poly([(-1.6, -50), (1.6, -50), (2.6, -37), (0, -33.5), (-2.6, -37)], (196, 40, 56))
        self.line([(0, -30), (0, -11)], darker(jacket, 0.6), 0.6)
        for y in (-26, -19):
            self.ell(2.2, y, 1.1, 1.1, darker(jacket, 0.6), outline=False)
        self.poly([(-13, -43), (-8, -43), (-10.5, -40)], WHITE, outline=False)

    def _torso_tuxedo(self) -> None:
        self.poly([(-8, -54), (8, -54), (0, -24)], WHITE)
        self.poly([(-8, -54), (0, -24), (-10, -38)], (52, 52, 62))
        self.poly([(8, -54), (0, -24), (10, -38)], (52, 52, 62))
        for y in (-44, -38, -32):
            self.ell(0, y, 0.9, 0.9, (30, 30, 36), outline=False)
        self.ell(-12, -42, 2.2, 2.2, (220, 40, 60))

    def _torso_dress(self) -> None:
        col = self.look.accent
        self.poly([(-13, -28), (13, -28), (25, -6), (-25, -6)], col)
        for i in range(9):
            self.ell(-22 + i * 5.5, -6, 3, 2.2, col, outline=False)
        self.line([(-25, -6), (25, -6)], lighter(col, 0.35), 1.0)
        self.poly([(0, -28), (-7, -32), (-7, -24)], lighter(col, 0.35))
        self.poly([(0, -28), (7, -32), (7, -24)], lighter(col, 0.35))
        self.ell(0, -28, 1.8, 1.8, lighter(col, 0.2))
        for i in range(7):
            a = math.pi * (0.2 + 0.6 * i / 6)
            self.ell(11 * math.cos(a), -50 + 4 * math.sin(a), 1.1, 1.1, WHITE, outline=False)

    def _torso_apron(self) -> None:
        self.rect_r(-10.5, -48, 10.5, -28, 3, (250, 250, 244))
        self.rect_r(-15, -31, 15, -8, 4, (250, 250, 244))
        self.line([(-7, -48), (-10, -53)], self.ink, 0.6)
        self.line([(7, -48), (10, -53)], self.ink, 0.6)
        self.rect_r(-5, -23, 5, -15, 1.5, lighter(self.look.accent, 0.6))
        self.line([(-18, -30), (18, -30)], self.look.accent, 1.2)

    def _torso_chef_hat(self) -> None:
        for x in (-4, 4):
            for y in (-42, -34, -26):
                self.ell(x, y, 1.3, 1.3, (200, 200, 200))
        self.poly([(-7, -52), (7, -52), (0, -44)], (220, 50, 60))

    def _torso_uniform(self) -> None:
        for y in (-44, -36, -28):
            self.ell(0, y, 1.1, 1.1, GOLD, outline=False)
        self.poly(star_pts(-8, -41, 3.4), GOLD)
        self.rect_r(4, -44, 12, -38, 1, lighter((40, 62, 112), 0.15))
        self.rect_r(-18, -17, 18, -13, 1, (30, 30, 36), outline=False)
        self.rect_r(-3, -17.5, 3, -12.5, 0.8, GOLD)
        for s in (-1, 1):
            self.rect_r(s * 10, -54, s * 17, -50, 1, GOLD)

    def _torso_graduation_cap(self) -> None:
        self.poly([(-8, -54), (8, -54), (0, -42)], WHITE)

    def _torso_hoodie(self) -> None:
        col = self.look.accent
        self.rect_r(-10, -27, 10, -16, 3, darker(col, 0.88))
        for s in (-1, 1):
            self.line([(s * 4, -52), (s * 4.5, -40)], WHITE, 0.8)
            self.ell(s * 4.5, -39.5, 1.2, 1.2, WHITE, outline=False)

    def arms(self) -> None:
        lk = self.look
        oc = self._outfit()
        sleeve = oc.get("sleeve")
        if self.outfit == "dress":
            for s in (-1, 1):
                self.ell(s * 15, -49, 5.5, 4.5, lk.accent)
        for s in (-1, 1):
            pts = self._arm_pts(s)
            arm = animals.limb(self)
            if sleeve is not None:
                cut = max(2, int(len(pts) * 0.75))
                self.stroke(pts, arm, 7.5)
                self.stroke(pts[:cut], sleeve, 8.5)
            else:
                self.stroke(pts, arm, 7.5)
                if self.outfit == "rags":
                    self.stroke(pts[:2], oc["torso"], 8.5)
            hx, hy = pts[-1]
            paw = self.paw_color()
            self.ell(hx, hy, 5, 5, paw)
            if self.outfit == "graduation_cap" and s == 1:
                self.rect_r(hx - 2.5, hy - 9, hx + 2.5, hy + 9, 2, (250, 246, 230))
                self.line([(hx - 2.8, hy), (hx + 2.8, hy)], (200, 40, 50), 1.2)
                self.ell(hx, hy, 5, 5, paw)

    def _arm_pts(self, s: int) -> list[Point]:
        return arm_path(self.arm_style, s)

    def head(self) -> None:
        lk = self.look
        inner_col = lk.fur2 if lk.pattern == "points" else PINK if luma(lk.fur) > 70 else (200, 110, 130)
        if self.away:  # the backs of the ears: fur, no pink
            inner_col = darker(lk.fur2 if lk.pattern == "points" else lk.fur, 0.9)
        # 1. upright ears behind the head: sharp for cats, rounder and wider-set for dogs (another animal's own)
        if lk.animal and lk.ears != "pointy":
            animals.ears(self)
        elif self.cat:
            for s in (-1, 1):
                self.poly(round_tri((s * 27, -80), (s * 22, -104), (s * 7, -93), 0.12),
                          lk.fur2 if lk.pattern == "points" else lk.fur)
                self.poly(round_tri((s * 23, -84), (s * 20.5, -99), (s * 12, -92), 0.15), inner_col, outline=False)
        elif lk.ears in ("pointy", "big"):
            big = lk.ears == "big"
            for s in (-1, 1):
                tip = (s * (31 if big else 29), -112 if big else -101)
                self.poly(round_tri((s * 26, -76), tip, (s * 8, -91), 0.28), lk.fur)
                inner = round_tri((s * 23.5, -80), (s * (28 if big else 26.5), -106 if big else -97), (s * 13, -90),
                                   0.3)
                self.poly(inner, inner_col, outline=False)
        # 2. skull (fluffy pets get a scalloped outline, cats a cheek ruff)
        x, y, rx, ry = 0.0, self.hy, self.hrx, self.hry
        if lk.fluffy and self.cat:
            self.scallops(x, y + 1, rx - 0.5, ry - 1, lk.fur, 18, 4.2)
            self.scallops(x, y + 10, rx + 1.5, 9, lk.fur, 8, 4.5)
            self.ell(x, y, rx, ry, lk.fur, outline=False)
        elif lk.fluffy:
            self.scallops(x, y + 11, rx - 2, 9, lk.fur, 9, 4.0)
            self.ell(x, y, rx, ry, lk.fur, outline=False)
            self.d.arc((*self._pt_min(-rx, y - ry, rx, y + ry), *self._pt_max(-rx, y - ry, rx, y + ry)), 160, 380,
                       fill=self.ink, width=round(self.lw))
        else:
            self.ell(x, y, rx, ry, lk.fur)
        # 3. markings
        stripe = darker(lk.fur, 0.7)
        if lk.pattern == "tabby":
            for dx, top in ((-6, -91), (0, -93.5), (6, -91)):
                self.line([(dx, top), (dx * 0.7, top + 7)], stripe, 2.0)
            for s in (-1, 1):
                self.line([(s * 27.5, -73), (s * 21, -72)], stripe, 1.8)
                self.line([(s * 27, -67), (s * 21.5, -67)], stripe, 1.8)
        elif self.away and lk.pattern in ("mask", "points", "patches"):
            pass  # a face's markings: not seen from behind
        elif lk.pattern == "mask":
            self.poly(band_pts(0, y, rx - 0.8, ry - 0.8, y + 2, y + ry), lk.fur2, outline=False)
            for s in (-1, 1):
                self.ell(s * 9, -85, 3, 2, lk.fur2, outline=False)
        elif lk.pattern == "points":
            self.ell(0, -67, 14, 11, mix(lk.fur2, lk.fur, 0.25), outline=False)
        elif lk.pattern == "patches":
            self.poly([(-2.5, -93.5), (2.5, -93.5), (5, -76), (-5, -76)], lk.fur2, outline=False)
            if self.cat:
                self.ell(-14, -82, 8, 6, darker(lk.fur2, 0.9), outline=False)
        elif lk.pattern == "spots":
            for px, py in ((-14, -84), (13, -80), (-4, -90)):
                self.ell(px, py, 2.5, 2, lk.fur2, outline=False)
        if not self.away:  # eye patches and cheeks are the face's
            animals.marks(self)
        # 4. dogs: a big snout and floppy ears hanging over the head's sides (a pig: its own snout, in ``face``)
        if self.away:  # the back of the head: floppy ears still hang at its sides, no muzzle
            if lk.ears == "floppy" and not self.cat:
                ear = darker(lk.fur, 0.8) if lk.pattern != "spots" else lk.fur2
                for s in (-1, 1):
                    self.poly(ellipse_pts(s * 24, -74, 8, 16, rot=s * 0.3, n=24), ear)
            return
        if not self.cat and lk.animal != "pig":
            light_fur2 = luma(lk.fur2) > luma(lk.fur) - 20
            muzzle = lk.fur2 if lk.pattern == "mask" or light_fur2 else lighter(lk.fur, 0.3)
            self.ell(0, -60.5, 14.5, 10.5, muzzle)
            if lk.ears == "floppy":
                ear = darker(lk.fur, 0.8) if lk.pattern != "spots" else lk.fur2
                for s in (-1, 1):
                    self.poly(ellipse_pts(s * 26, -75, 8, 16, rot=s * 0.3, n=24), ear)
                    if lk.fluffy:  # feathered ear tips
                        for k in (-2.5, 0.0, 2.5):
                            self.line([(s * (29 + k), -62 + abs(k) * 0.4), (s * (30 + k), -58 + abs(k) * 0.4)],
                                      ear, 1.8)

    def face(self) -> None:
        e = self.expr
        ey = -74.0 if self.cat else -75.0
        ex = 11.5 if self.cat else 10.5
        blush = (255, 120, 150, 150 if e in ("love", "happy", "shocked") else 90)
        for s in (-1, 1):
            self.ell(s * 18, -64, 4.5, 2.6, blush, outline=False)
        if self.outfit != "sunglasses" or e in ("love",):
            for s in (-1, 1):
                self.eye(s, s * ex, ey, e)
        self.brows(ex, ey, e)
        # nose and mouth
        if self.cat:
            self.poly([(-2.8, -66.5), (2.8, -66.5), (0, -63.8)], (236, 120, 140))
            my = -63.0
        elif animals.snout(self):
            my = -57.5
        else:
            self.ell(0, -65.5, 5.4, 3.8, (36, 30, 34))
            self.ell(-1.6, -66.8, 1.5, 0.9, (255, 255, 255, 170), outline=False)
            my = -61.0
        self.mouth(my, e)
        if self.cat:
            for s in (-1, 1):
                for dy, ang in ((-2.5, -3), (0, 0), (2.5, 3)):
                    self.line([(s * 15, -64 + dy * 0.5), (s * 34, -64 + dy + ang)], self.ink, 0.5)

    def eye(self, s: int, x: float, y: float, e: str) -> None:
        lk = self.look
        dark = (32, 24, 28)
        if self.pose.body == "lying" and self.pose.action != "swim":  # asleep or hurt: shut eyes
            self.line([(x - 5, y), (x, y + 2.5), (x + 5, y)], self.ink, 1.6)
            return
        if e in ("happy", "crying"):
            if e == "happy":
                self.line([(x - 5, y + 1.5), (x - 2.5, y - 2), (x + 2.5, y - 2), (x + 5, y + 1.5)], self.ink, 1.6)
            else:
                self.line([(x - 4.5 * s, y - 3), (x + 3 * s, y), (x - 4.5 * s, y + 3)], self.ink, 1.5)
                self.poly([(x - 3, y + 2), (x + 3, y + 2), (x + 2.5, y + 22), (x - 2.5, y + 22)], (120, 190, 255, 200),
                          outline=False)
                self.ell(x + s * 5, y + 25, 1.8, 2.4, (120, 190, 255, 220), outline=False)
            return
        if e == "love":
            self.poly(heart_pts(x, y, 7), (236, 60, 92))
            self.ell(x - 2, y - 2.5, 1.4, 1.4, WHITE, outline=False)
            return
        if e == "shocked":
            self.ell(x, y, 6.8, 8, WHITE)
            self.ell(x, y, 2.1, 2.1, dark, outline=False)
            return
        if self.cat or lk.pattern == "mask" and lk.eyes[2] > 150:
            self.ell(x, y, 6.2, 7.4, lk.eyes)
            self.ell(x, y + 0.5, 3.6 if e != "angry" else 2.6, 5.6, dark, outline=False)
        else:
            self.ell(x, y, 5.4, 6.4, dark)
        self.ell(x + 2.2, y - 2.8, 2.1, 2.1, WHITE, outline=False)
        self.ell(x - 2, y + 2.6, 1.0, 1.0, WHITE, outline=False)
        if e in ("sad",):
            self.arc(x, y + 1, 4.5, 20, 160, 0.9)
            self.ell(x, y + 4.6, 3.2, 1.3, (150, 210, 255, 200), outline=False)
        fur = lk.fur
        if e in ("smug", "tired"):
            cover = 0.35 if e == "smug" else 0.1
            self.poly(band_pts(x, y, 7.6, 8.8, y - 9, y + 8.8 * (cover - 0.5) * 2 * 0.5), fur, outline=False)
            self.line([(x - 6.6, y - 8.8 * (0.5 - cover)), (x + 6.6, y - 8.8 * (0.5 - cover))], self.ink, 1.3)
            if e == "tired":
                self.arc(x, y + 6.5, 4.5, 20, 160, 0.6)
        if e in ("angry", "determined"):
            inner = 4 if e == "angry" else 2
            self.poly([(x - 8, y - 10), (x + 8, y - 10), (x + 8, y - 6 + (inner if s < 0 else -inner) * 0.5 - 1),
                       (x - 8, y - 6 + (-inner if s < 0 else inner) * 0.5 - 1)], fur, outline=False)
        if e == "determined":
            self.poly(star_pts(x + 2.4, y - 2.6, 2.6), WHITE, outline=False)

    def brows(self, ex: float, ey: float, e: str) -> None:
        by = ey - 10
        for s in (-1, 1):
            inner, outer = s * (ex - 5), s * (ex + 5)
            if e in ("angry", "determined"):
                d = 4.5 if e == "angry" else 2.8
                self.line([(outer, by - d / 2), (inner, by + d / 2 + 0.5)], self.ink, 1.8 if e == "angry" else 1.5)
            elif e in ("sad", "crying", "tired"):
                self.line([(outer, by + 2), (inner, by - 1.5)], self.ink, 1.2)
            elif e == "smug" and s == 1:
                self.line([(outer, by - 1), (inner, by - 3)], self.ink, 1.2)
            elif e == "shocked":
                self.arc(s * ex, by - 2.5, 5, 200, 340, 1.1)

    def mouth(self, my: float, e: str) -> None:
        ink = self.ink
        if e in ("happy", "love"):
            px, py = self.P(0, my - 1)
            r = 5.2 * self.u
            self.d.pieslice((px - r, py - r, px + r, py + r), 0, 180, fill=(120, 36, 52), outline=ink,
                            width=round(self.lw))
            self.ell(0, my + 2.6, 2.8, 1.6, (240, 110, 130), outline=False)
            if not self.cat:
                self.rect_r(-3, my + 1, 3, my + 10, 3, (240, 110, 130))
                self.line([(0, my + 3), (0, my + 7)], darker((240, 110, 130), 0.8), 0.5)
            return
        if e == "shocked":
            self.ell(0, my + 4, 3.8, 4.8, (120, 36, 52))
            self.ell(0, my + 6.5, 2.2, 1.4, (240, 110, 130), outline=False)
            return
        if e == "crying":
            self.poly([(-6, my + 1.5), (6, my + 1.5), (4, my + 7), (-4, my + 7)], (120, 36, 52))
            self.ell(0, my + 6, 2.4, 1.2, (240, 110, 130), outline=False)
            return
        self.line([(0, my - 1), (0, my + 0.5)], ink, 0.8)
        if e in ("sad", "tired"):
            self.arc(0, my + 5, 4.2, 205, 335, 1.1)
        elif e == "angry":
            self.rect_r(-4.5, my + 0.5, 4.5, my + 5, 1.5, WHITE)
            self.line([(-4.5, my + 2.7), (4.5, my + 2.7)], ink, 0.5)
        elif e == "smug":
            self.line([(-4, my + 1.5), (0, my + 2), (4, my + 1), (6.5, my - 1.5)], ink, 1.1)
        elif e == "determined":
            self.line([(-4.5, my + 2), (0, my + 3), (4.5, my + 2)], ink, 1.1)
        else:  # neutral "w"
            r = 3.0 if self.cat else 3.4
            self.arc(-r, my + 0.2, r, 0, 180, 1.0, ry=r * 0.8)
            self.arc(r, my + 0.2, r, 0, 180, 1.0, ry=r * 0.8)

    def neckwear(self) -> None:
        o = self.outfit
        if o == "tuxedo":
            self.poly([(0, -47), (-7, -50.5), (-7, -43.5)], (24, 24, 30))
            self.poly([(0, -47), (7, -50.5), (7, -43.5)], (24, 24, 30))
            self.ell(0, -47, 1.8, 1.8, (24, 24, 30))
        elif o == "scarf":
            col = self.look.accent
            self.rect_r(-17, -51, 17, -44, 3.5, col)
            self.rect_r(7, -48, 14, -27, 2.5, col)
            for y in (-43, -37, -31):
                self.line([(7.5, y), (13.5, y)], lighter(col, 0.5), 1.3)
            for x in (8.5, 10.5, 12.5):
                self.line([(x, -27), (x, -24.5)], col, 0.8)
            for x in (-11, -3, 5):
                self.line([(x, -50), (x, -45)], lighter(col, 0.5), 1.3)
        elif o == "sunglasses":
            for i in range(9):
                a = math.pi * (0.15 + 0.7 * i / 8)
                self.ell(12 * math.cos(a), -50 + 7 * math.sin(a), 1.4, 1.4, GOLD, outline=False)
            self.ell(0, -42, 2.6, 2.6, GOLD)
        elif o == "none":
            col = (214, 52, 58) if not self.cat else (70, 150, 230)
            self.poly(band_pts(0, -32, 18, 22.5, -50, -46), col)
            if self.away:  # the bell or tag hangs at the front
                return
            if self.cat:
                self.ell(0, -44, 2.6, 2.6, GOLD)
                self.line([(-1.6, -43.6), (1.6, -43.6)], self.ink, 0.4)
            else:
                self.ell(0, -44, 2.4, 2.6, (230, 230, 236))

    def hat(self) -> None:
        o, hy, ry = self.outfit, self.hy, self.hry
        top = hy - ry
        costumes.hat(self, o, hy, self.hrx, ry)
        if o == "hard_hat":
            px, py = self.P(0, top + 9)
            rx, r = 22 * self.u, 14 * self.u
            self.d.pieslice((px - rx, py - r, px + rx, py + r), 180, 360, fill=(250, 204, 40), outline=self.ink,
                            width=round(self.lw))
            self.rect_r(-27, top + 7, 27, top + 11, 2, (250, 204, 40))
            self.rect_r(-3, top - 5, 3, top + 8, 1.5, (255, 222, 90))
        elif o == "chef_hat":
            for x, y, r in ((-10, top - 12, 8), (10, top - 12, 8), (0, top - 16, 9.5)):
                self.ell(x, y, r, r, (252, 252, 250))
            self.rect_r(-15, top - 10, 15, top + 3, 2, (252, 252, 250))
            self.line([(-6, top - 6), (-6, top + 1)], (210, 210, 215), 0.6)
            self.line([(6, top - 6), (6, top + 1)], (210, 210, 215), 0.6)
        elif o in ("crown", "royal"):
            base = top + 5
            pts = [(-14, base), (-16, base - 15), (-8, base - 8), (0, base - 18), (8, base - 8), (16, base - 15),
                   (14, base)]
            self.poly(pts, GOLD)
            self.rect_r(-15, base - 5, 15, base + 1, 1, darker(GOLD, 0.9))
            for x, c in ((-8, (220, 40, 60)), (0, (60, 130, 230)), (8, (220, 40, 60))):
                self.ell(x, base - 2, 1.7, 1.7, c, outline=False)
            for x, y in ((-16, base - 15), (0, base - 18), (16, base - 15)):
                self.ell(x, y, 1.8, 1.8, WHITE)
        elif o == "sunglasses":
            ey = -74.0 if self.cat else -75.0
            for s in (-1, 1):
                self.rect_r(s * 11 - 8.5, ey - 5.5, s * 11 + 8.5, ey + 5, 3.5, (26, 26, 36))
                self.line([(s * 11 - 5, ey - 2.5), (s * 11 - 1, ey - 5 + 0.5)], (255, 255, 255, 200), 0.9)
            self.line([(-3, ey - 2), (3, ey - 2)], self.ink, 1.4)
        elif o == "uniform":
            col = (40, 62, 112)
            self.rect_r(-19, top - 8, 19, top + 6, 3, col)
            self.rect_r(-22, top - 12, 22, top - 4, 3, lighter(col, 0.12))
            self.ell(0, top - 1, 3, 3, GOLD)
            px, py = self.P(0, top + 6)
            self.d.pieslice((px - 19 * self.u, py - 4 * self.u, px + 19 * self.u, py + 4 * self.u), 0, 180,
                            fill=(24, 24, 30), outline=self.ink, width=round(self.lw))
        elif o == "graduation_cap":
            self.rect_r(-15, top - 4, 15, top + 6, 2, (34, 34, 46))
            self.poly([(-28, top - 4), (0, top - 12), (28, top - 4), (0, top + 3)], (40, 40, 54))
            self.ell(0, top - 4, 1.4, 1.4, GOLD, outline=False)
            self.line([(0, top - 4), (18, top - 1), (20, top + 12)], GOLD, 0.8)
            self.rect_r(18.5, top + 10, 21.5, top + 17, 1, GOLD)

    def marks(self) -> None:
        e, hy, ry = self.expr, self.hy, self.hry
        if "slapped" in self.pose.marks and not self.away:  # a red paw print on the cheek toward the one who slapped
            x = 17.0 + self.face_dx
            red = (206, 24, 48, 230)
            self.ell(x, -61, 7.0, 5.5, red, outline=False)
            for dx, dy in ((-7.5, -68), (-2.6, -70.5), (2.6, -70.5), (7.5, -68)):
                self.ell(x + dx, dy, 2.3, 2.6, red, outline=False)
        if e == "angry":
            x, y = 21.0, hy - ry + 4
            for q in range(4):
                ang = math.radians(q * 90 + 45)
                self.line([(x + 1.2 * math.cos(ang), y + 1.2 * math.sin(ang)),
                           (x + 5 * math.cos(ang), y + 5 * math.sin(ang))], (228, 40, 52), 1.6)
        elif e == "shocked":
            for s in (-1, 1):
                for k in (-1, 0, 1):
                    a = math.radians(-90 + s * (42 + k * 14))
                    r0, r1 = 33.0, 40.0
                    self.line([(r0 * math.cos(a), hy + r0 * math.sin(a) * 0.85),
                               (r1 * math.cos(a), hy + r1 * math.sin(a) * 0.85)], self.ink, 1.2)
            self.poly([(27, hy - 8), (25, hy - 2), (27, hy + 1), (29, hy - 2)], (150, 210, 255))
        elif e == "love":
            for x, y, r in ((-24, hy - 30, 4.5), (22, hy - 34, 3.5), (30, hy - 22, 2.8)):
                self.poly(heart_pts(x, y, r), (240, 80, 110))
        elif e == "tired":
            self.poly([(26, hy - 10), (24, hy - 4), (26, hy - 1), (28, hy - 4)], (150, 210, 255))
            for x, y, r in ((22, hy - 30, 3), (28, hy - 38, 4)):
                self.line([(x - r, y - r), (x + r, y - r), (x - r, y + r), (x + r, y + r)], self.ink, 0.9)
        elif e == "determined":
            for x, y in ((-27, hy - 22), (28, hy - 26)):
                self.poly(star_pts(x, y, 4, 0.35, 4), (255, 226, 90))

