"""Job costumes that must read at phone size: an astronaut's spacesuit and glass helmet, a doctor's white
coat and stethoscope, a firefighter's helmet and striped coat, a nurse's cap, a police officer's cap and
badge, a detective's trench coat and hat, a window cleaner's harness, a delivery rider's yellow jacket and
helmet, a teacher's cardigan and glasses, a student's red neckerchief and satchel, a knight's armour, a
princess's gown and tiara, an office worker's lanyard, a farmer's straw hat and dungarees, a singer's
sequins, a pilot's (or a ship captain's) peaked cap, dark jacket and gold wings, an athlete's numbered jersey and sweatband (never a
police cap at the end of a race), a waiter's waistcoat and bow tie, a security guard's grey uniform and cap, a street
cleaner's orange hi-vis vest, a taxi driver's checks and flat cap, a fisherman's yellow oilskins and sou'wester, a sailor's stripes and round cap, a mayor's dark suit with its red sash and gold medal, an emperor's (a king's, a queen's)
yellow robe with its dragon roundel under the royal cape and crown, a palace servant's (a eunuch's, a
maid's) teal robe, crossed white collar, red sash and round black cap. Which costume a character wears is ``persona.dress``'s choice. ``Pet`` draws them through these
hooks (pet units, +x the facing side). Pure drawing.
"""

from __future__ import annotations

from render.painter.geometry import GOLD, RGB, WHITE, Color, Pen, band_pts, darker, lighter, star_pts

_SUIT: RGB = (238, 238, 242)
_COAT: RGB = (250, 250, 252)
_FIRE: RGB = (214, 62, 48)
_STRIPE: RGB = (250, 224, 70)
_NAVY: RGB = (40, 62, 112)
_TRENCH: RGB = (204, 172, 118)
_CLEANER: RGB = (70, 150, 215)
_RIDER: RGB = (252, 202, 36)
_CARDIGAN: RGB = (150, 62, 72)
_SHIRT: RGB = (246, 246, 250)
_STEEL: RGB = (192, 198, 210)
_GOWN: RGB = (246, 150, 192)
_OFFICE: RGB = (84, 90, 106)
_DENIM: RGB = (72, 104, 164)
_SEQUIN: RGB = (150, 62, 196)
_NURSE: RGB = (244, 170, 200)
_PILOT: RGB = (36, 44, 72)
_JERSEY: RGB = (226, 52, 58)
_VEST: RGB = (34, 34, 40)
_GUARD: RGB = (56, 60, 70)
_HIVIS: RGB = (244, 122, 32)
_REFLECT: RGB = (236, 240, 150)
_DRIVER: RGB = (150, 190, 232)
_ROBE: RGB = (246, 196, 40)  # an emperor's yellow robe
_COURT: RGB = (54, 120, 140)  # a palace servant's teal robe
_OILSKIN: RGB = (250, 200, 40)  # a fisherman's yellow oilskins
_SAILOR: RGB = (246, 246, 250)
_MAYOR: RGB = (52, 56, 72)  # a mayor's dark suit
_SASH: RGB = (206, 36, 52)  # the mayor's red sash of office
_LIFEGUARD: RGB = (222, 38, 42)  # a lifeguard's red top
_RANGER: RGB = (150, 136, 88)  # a park ranger's khaki shirt
_POSTMAN: RGB = (62, 96, 158)  # a postman's blue shirt
_MAILBAG: RGB = (140, 92, 52)  # and its brown leather bag


def _clothes(torso: RGB, legs: RGB, shoes: RGB) -> dict[str, Color]:
    return {"torso": torso, "legs": legs, "shoes": shoes, "sleeve": torso}


# clothes colours by outfit: torso, legs, shoes and sleeve (as ``Pet._outfit`` gives them)
COLOURS: dict[str, dict[str, Color]] = {
    "spacesuit": {"torso": _SUIT, "legs": _SUIT, "shoes": (150, 150, 162), "sleeve": _SUIT},
    "white_coat": {"torso": _COAT, "legs": (84, 150, 170), "shoes": (240, 240, 244), "sleeve": _COAT},
    "firefighter": {"torso": (196, 150, 78), "legs": (176, 132, 66), "shoes": (40, 38, 44),
                    "sleeve": (196, 150, 78)},
    "nurse": _clothes(_NURSE, _NURSE, (246, 246, 250)),
    "police": _clothes(_NAVY, (34, 52, 96), (28, 28, 32)),
    "detective": _clothes(_TRENCH, (88, 80, 72), (92, 60, 40)),
    "window_cleaner": _clothes(_CLEANER, _CLEANER, (60, 60, 66)),
    "delivery": _clothes(_RIDER, (60, 62, 72), (40, 40, 44)),
    "teacher": _clothes(_CARDIGAN, (84, 80, 94), (96, 62, 42)),
    "student": _clothes(_SHIRT, (50, 62, 118), (30, 28, 32)),
    "knight": _clothes(_STEEL, (170, 176, 188), (120, 124, 136)),
    "princess": _clothes(_GOWN, _GOWN, (250, 210, 230)),
    "office": _clothes(_OFFICE, (62, 66, 80), (28, 28, 32)),
    "farmer": {"torso": (204, 72, 60), "legs": _DENIM, "shoes": (110, 72, 44), "sleeve": (204, 72, 60)},
    "singer": _clothes(_SEQUIN, (30, 28, 36), (24, 24, 28)),
    "pilot": _clothes(_PILOT, (30, 36, 60), (20, 20, 24)),
    "athlete": _clothes(_JERSEY, (246, 246, 250), (246, 246, 250)),
    "waiter": {"torso": _VEST, "legs": (30, 30, 36), "shoes": (24, 24, 28), "sleeve": _SHIRT},
    "security": _clothes(_GUARD, (42, 44, 52), (24, 24, 28)),
    "cleaner": _clothes(_HIVIS, darker(_HIVIS, 0.85), (60, 60, 66)),
    "driver": {"torso": _DRIVER, "legs": (44, 50, 72), "shoes": (30, 28, 32), "sleeve": _DRIVER},
    "royal": _clothes(_ROBE, _ROBE, (190, 30, 46)),
    "courtier": _clothes(_COURT, _COURT, (24, 24, 28)),
    "fisherman": _clothes(_OILSKIN, _OILSKIN, (40, 44, 52)),
    "sailor": {"torso": _SAILOR, "legs": (40, 56, 104), "shoes": (28, 28, 32), "sleeve": _SAILOR},
    "mayor": _clothes(_MAYOR, (40, 42, 54), (24, 24, 28)),
    "lifeguard": {"torso": _LIFEGUARD, "legs": (250, 206, 48), "shoes": (236, 236, 240), "sleeve": _LIFEGUARD},
    "ranger": {"torso": _RANGER, "legs": (70, 88, 58), "shoes": (92, 60, 40), "sleeve": _RANGER},
    "postman": _clothes(_POSTMAN, (40, 48, 70), (28, 28, 32)),
    "harness": {"torso": (214, 56, 48)},  # a working dog's vest over its own fur: no sleeves, trousers or shoes
}


def back(p: Pen, outfit: str, head_y: float, head_rx: float, head_ry: float) -> None:
    """Behind the body: the spacesuit's backpack."""
    if outfit == "spacesuit":
        p.rect(-24, -56, 24, -14, (200, 200, 208), r=5)
        p.rect(-20, -64, -12, -54, (170, 170, 180), r=2)
    elif outfit == "student":  # the satchel on the back
        p.rect(-26, -52, -6, -20, (214, 60, 60), r=4)
    elif outfit == "knight":  # the red cloak
        p.poly([(-14, -54), (14, -54), (24, -2), (-24, -2)], (176, 36, 44))
    elif outfit == "princess":  # the gown's skirt to the floor
        p.poly([(-14, -30), (14, -30), (30, -1), (-30, -1)], _GOWN)


def torso(p: Pen, outfit: str, body: tuple[float, float, float, float]) -> None:
    """Details over the torso."""
    tx, ty, rx, ry = body
    if outfit == "spacesuit":
        p.rect(-10, -42, 10, -28, (90, 96, 110), r=2)  # the chest panel
        for x, col in ((-5, (230, 60, 60)), (0, (80, 200, 120)), (5, (80, 150, 240))):
            p.ell(x, -36, 1.8, 1.8, col, outline=False)
        p.rect(-7, -32, 7, -30, (255, 210, 60), outline=False)
        p.ell(13, -42, 4, 4, (40, 70, 160))  # the mission patch
        p.poly(star_pts(13, -42, 2.6), WHITE, outline=False)
        p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, -19, -15), (60, 110, 200))  # the belt stripe
    elif outfit == "white_coat":
        p.poly([(-6, -54), (6, -54), (0, -38)], (84, 150, 170))  # the scrubs under the coat
        p.line([(-6, -54), (-3, -20)], darker(_COAT, 0.8), 0.9)
        p.line([(6, -54), (3, -20)], darker(_COAT, 0.8), 0.9)
        p.rect(6, -34, 14, -27, lighter(_COAT, 0.2))  # the pocket with a red cross
        p.rect(9.2, -33, 10.8, -28, (220, 50, 60), outline=False)
        p.rect(7.5, -31.3, 12.5, -29.7, (220, 50, 60), outline=False)
        steel = (110, 116, 130)  # the stethoscope round the neck
        p.line([(-11, -53), (-12, -44), (-8, -36)], steel, 1.3)
        p.line([(11, -53), (12, -46), (-8, -36)], steel, 1.3)
        p.ell(-8, -35, 3.2, 3.2, (190, 196, 210))
    else:
        _torso_job(p, outfit, body)
    if outfit == "firefighter":
        for y0 in (-36, -24):
            p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, y0, y0 + 3.6), _STRIPE)
        for y in (-46, -40, -30):
            p.rect(-1.6, y - 1.4, 1.6, y + 1.4, (60, 60, 66), r=0.5, outline=False)


def hat(p: Pen, outfit: str, head_y: float, head_rx: float, head_ry: float) -> None:
    """Over the head: the astronaut's glass dome, the firefighter's helmet."""
    top = head_y - head_ry
    if outfit == "spacesuit":
        p.rect_r(-20, -56, 20, -48, 3, (200, 200, 208))  # the neck ring
        p.ell(0, head_y - 6, head_rx + 9, head_ry + 16, (190, 225, 255, 60), width=1.6)
        p.arc(-8, head_y - 14, head_rx - 2, 200, 250, 2.4, ry=head_ry + 4, fill=WHITE)
        p.ell(-head_rx + 2, head_y - head_ry - 2, 2.2, 2.2, WHITE, outline=False)
    elif outfit == "firefighter":
        _fire_helmet(p, top)
    else:
        _hat_job(p, outfit, head_y, head_rx, top)


def _fire_helmet(p: Pen, top: float) -> None:
    brim = top + 8
    p.poly([(-30, brim + 2), (30, brim + 2), (36, brim + 7), (-24, brim + 7)], darker(_FIRE, 0.85))
    p.poly([(-22, brim + 2), (-20, top - 6), (0, top - 12), (20, top - 6), (22, brim + 2)], _FIRE)
    p.line([(0, top - 12), (0, brim)], lighter(_FIRE, 0.3), 2.0)
    p.poly([(-6, brim - 12), (6, brim - 12), (7, brim - 1), (0, brim + 2), (-7, brim - 1)], GOLD)
    p.ell(0, brim - 6, 2.2, 2.2, _FIRE, outline=False)


def _torso_job(p: Pen, outfit: str, body: tuple[float, float, float, float]) -> None:
    tx, ty, rx, ry = body
    if outfit == "harness":  # a working dog's harness (a guide, sled or therapy dog's): straps over its own fur
        _harness(p, body)
    elif outfit == "athlete":  # a sports jersey: white side stripes and a big number on the chest
        for s in (-1, 1):
            p.line([(s * 16, -48), (s * 18, -16)], WHITE, 2.2)
        p.rect(-6.5, -44, 6.5, -27, WHITE, r=1.5)
        p.line([(-3.5, -41), (3.5, -41), (-1.5, -29.5)], _JERSEY, 2.2)  # a 7
    elif outfit == "nurse":
        p.rect(-6, -46, 6, -36, WHITE, r=1)  # the red cross on the tunic
        p.rect(-1.4, -44.5, 1.4, -37.5, (220, 50, 60), outline=False)
        p.rect(-4.5, -42.4, 4.5, -39.6, (220, 50, 60), outline=False)
    elif outfit == "police":
        p.poly([(-6, -54), (6, -54), (0, -44)], (150, 190, 235))  # the shirt collar, tie, badge, belt
        p.poly([(-1.5, -50), (1.5, -50), (2, -40), (0, -37), (-2, -40)], (24, 28, 44))
        p.poly(star_pts(9, -42, 4.4), GOLD)
        p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, -21, -17), (24, 24, 30))
        p.rect(-2.5, -21, 2.5, -17, (200, 200, 210), r=0.5)
    elif outfit == "detective":
        p.poly([(-8, -54), (0, -34), (-12, -40)], darker(_TRENCH, 0.8))  # lapels, buttons, belt
        p.poly([(8, -54), (0, -34), (12, -40)], darker(_TRENCH, 0.8))
        for x in (-5, 5):
            for y in (-30, -24):
                p.ell(x, y, 1.2, 1.2, (90, 66, 40), outline=False)
        p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, -21, -17), darker(_TRENCH, 0.7))
    elif outfit == "window_cleaner":
        harness = (250, 196, 30)
        for s in (-1, 1):  # the harness over both shoulders, the waist belt and its ring
            p.line([(s * 11, -53), (s * 6, -20)], harness, 3.2)
        p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, -22, -17), harness)
        p.ell(0, -19.5, 3.2, 3.2, None, width=1.6)
    elif outfit == "delivery":
        p.line([(0, -54), (0, -12)], darker(_RIDER, 0.6), 0.8)  # the zip and the box logo
        p.rect(4, -44, 14, -34, (40, 40, 48), r=1.5)
        p.arc(9, -39, 3, 0, 180, 1.0, fill=_RIDER)
        for y0 in (-27, -23):
            p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, y0, y0 + 1.8), (60, 60, 70), outline=False)
    elif outfit == "teacher":
        p.poly([(-7, -54), (7, -54), (0, -36)], _SHIRT)  # the shirt, tie and the cardigan's buttons
        p.poly([(-1.5, -51), (1.5, -51), (2.2, -40), (0, -37.5), (-2.2, -40)], (60, 110, 80))
        for y in (-32, -26, -20):
            p.ell(0, y, 1.3, 1.3, darker(_CARDIGAN, 0.6), outline=False)
    elif outfit == "student":
        p.poly([(-16, -53), (16, -53), (9, -40), (0, -46), (-9, -40)], (50, 62, 118))  # sailor collar
        p.poly([(-5, -47), (5, -47), (0, -34)], (220, 40, 50))  # the red neckerchief
        p.line([(-15, -52), (-12, -18)], (50, 62, 118), 2.6)  # the satchel's strap
    elif outfit == "knight":
        for y in (-44, -34, -24):  # the breastplate's plates and its red cross
            p.line([(-14, y), (14, y)], darker(_STEEL, 0.7), 0.8)
        p.rect(-1.8, -50, 1.8, -28, (200, 40, 50), outline=False)
        p.rect(-8, -44, 8, -40.5, (200, 40, 50), outline=False)
        for s in (-1, 1):
            p.ell(s * 16, -50, 7, 5, lighter(_STEEL, 0.2))
    elif outfit == "princess":
        p.ell(0, -52, 10, 3.5, WHITE, outline=False)  # the neckline, the sash
        p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, -30, -27), lighter(_GOWN, 0.5))
        p.poly(star_pts(0, -44, 3.2), (120, 200, 255))
    elif outfit == "office":
        p.poly([(-6, -54), (6, -54), (0, -36)], _SHIRT)  # shirt, tie, and the ID card on its lanyard
        p.poly([(-1.5, -51), (1.5, -51), (2.2, -40), (0, -37.5), (-2.2, -40)], (60, 110, 220))
        p.line([(-9, -54), (-7, -34)], (220, 60, 60), 1.0)
        p.line([(9, -54), (-7, -34)], (220, 60, 60), 1.0)
        p.rect(-12, -34, -2, -26, WHITE, r=0.8)
        p.rect(-10.5, -32.5, -7, -29, (120, 170, 230), outline=False)
    elif outfit == "farmer":
        for x in (-12, -4, 4, 12):  # the plaid, the dungarees' bib and straps
            p.line([(x, -53), (x, -13)], darker((204, 72, 60), 0.75), 0.7)
        p.rect(-10, -40, 10, -12, _DENIM, r=2)
        for s in (-1, 1):
            p.line([(s * 8, -40), (s * 12, -53)], _DENIM, 2.4)
            p.ell(s * 7, -37, 1.4, 1.4, GOLD, outline=False)
        p.rect(-5, -33, 5, -26, darker(_DENIM, 0.85), r=1)
    elif outfit == "fisherman":  # the oilskin coat's toggles, its seams and the black boots' tops
        p.line([(0, -53), (0, -13)], darker(_OILSKIN, 0.7), 0.8)
        for y in (-46, -36, -26):
            p.rect(-3.5, y - 1.2, 3.5, y + 1.2, (60, 48, 36), r=0.6, outline=False)
        p.rect(5, -30, 13, -22, darker(_OILSKIN, 0.88), r=1)  # the pocket
    elif outfit == "sailor":  # the blue-and-white stripes, the square navy collar and its red neckerchief
        for y in (-46, -40, -34, -28, -22, -16):
            p.line([(-15, y), (15, y)], (40, 70, 150), 1.4)
        p.poly([(-12, -54), (12, -54), (9, -44), (-9, -44)], (40, 56, 104))
        p.poly([(-4, -45), (4, -45), (0, -36)], (214, 50, 50))
    elif outfit == "pilot":
        p.poly([(-7, -54), (7, -54), (0, -36)], _SHIRT)  # the white shirt, black tie, gold wings, buttons
        p.poly([(-1.5, -51), (1.5, -51), (2.2, -40), (0, -37.5), (-2.2, -40)], (20, 20, 26))
        _wings(p, 9, -45, 1.0)
        for y in (-32, -24):
            for x in (-5, 5):
                p.ell(x, y, 1.4, 1.4, GOLD, outline=False)
    elif outfit == "mayor":  # the white shirt and tie under the dark suit, the red sash of office over one shoulder
        p.poly([(-6, -54), (6, -54), (0, -38)], _SHIRT)  # and its gold medal
        p.poly([(-1.5, -51), (1.5, -51), (2.2, -42), (0, -39.5), (-2.2, -42)], (30, 40, 90))
        p.poly([(-16, -52), (-9, -54), (16, -22), (10, -17)], _SASH)
        p.line([(-15, -51.5), (12, -18.5)], GOLD, 0.9)
        p.ell(6, -30, 4.2, 4.2, GOLD)
        p.poly(star_pts(6, -30, 2.6), lighter(GOLD, 0.4), outline=False)
    elif outfit in ("waiter", "security", "cleaner", "driver"):
        _torso_service(p, outfit, body)
    elif outfit in ("lifeguard", "ranger", "postman"):
        _torso_outdoor(p, outfit, body)
    elif outfit in ("royal", "courtier"):
        _torso_palace(p, outfit, body)
    elif outfit == "singer":
        for k, (x, y) in enumerate(((-11, -44), (10, -40), (-6, -28), (12, -26), (0, -18), (-14, -32), (6, -50))):
            p.poly(star_pts(x, y, 2.4), GOLD if k % 2 else WHITE, outline=False)
        p.poly([(0, -50), (-7, -53.5), (-7, -46.5)], GOLD)  # the bow tie
        p.poly([(0, -50), (7, -53.5), (7, -46.5)], GOLD)


_HARNESS: RGB = (214, 56, 48)


def _harness(p: Pen, body: tuple[float, float, float, float]) -> None:
    """A working dog's red vest: a reflective band round it, the harness straps over the shoulders to a handle's
    ring, and a white patch on the chest."""
    tx, ty, rx, ry = body
    p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, -30, -25), (244, 244, 236))  # the reflective band
    for s in (-1, 1):  # the straps over the shoulders
        p.stroke([(s * 8, -54), (s * 12, -31)], (40, 40, 46), 3.0)
    p.rect(-7, -47, 7, -35, WHITE, r=2)  # the patch
    p.rect(-1.4, -45, 1.4, -37, _HARNESS, outline=False)
    p.rect(-5, -42.4, 5, -39.6, _HARNESS, outline=False)
    p.ell(0, -20, 3.4, 3.4, GOLD)  # the tag's ring


def _torso_service(p: Pen, outfit: str, body: tuple[float, float, float, float]) -> None:
    """A waiter's white shirt, bow tie and black waistcoat with a cloth on the arm; a security guard's grey
    uniform with its shield badge, red armband and radio; a street cleaner's orange hi-vis vest and its
    reflective stripes; a taxi driver's blue shirt and the taxi's black-and-white checks across the chest."""
    tx, ty, rx, ry = body
    if outfit == "waiter":
        p.poly([(-8, -54), (8, -54), (0, -30)], _SHIRT)  # the shirt inside the waistcoat's V
        p.poly([(0, -50), (-6, -53.5), (-6, -46.5)], (20, 20, 24))  # the bow tie
        p.poly([(0, -50), (6, -53.5), (6, -46.5)], (20, 20, 24))
        for y in (-34, -27, -20):
            p.ell(0, y, 1.2, 1.2, (200, 200, 206), outline=False)
        p.rect(12, -42, 19, -24, _SHIRT, r=1)  # the white cloth over the arm
    elif outfit == "security":
        p.poly([(-6, -54), (6, -54), (0, -45)], (200, 204, 212))  # collar, shield badge, armband, belt, radio
        p.poly([(5, -46), (13, -46), (13, -40), (9, -35), (5, -40)], (214, 218, 228))
        p.rect(-17, -48, -10, -42, (210, 40, 44), outline=False)
        p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, -21, -17), (20, 20, 24))
        p.rect(8, -24, 14, -14, (24, 24, 28), r=1)
        p.line([(12, -24), (12, -30)], (24, 24, 28), 1.0)
    elif outfit == "cleaner":
        for y0 in (-40, -28):  # two reflective stripes round the vest
            p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, y0, y0 + 3.6), _REFLECT)
        p.line([(0, -54), (0, -14)], darker(_HIVIS, 0.7), 0.8)
    else:  # a taxi driver
        for k in range(6):  # a band of black-and-white checks across the chest
            p.rect(-15 + 5 * k, -40, -10 + 5 * k, -36, (20, 20, 24) if k % 2 else WHITE, outline=False)
            p.rect(-15 + 5 * k, -36, -10 + 5 * k, -32, WHITE if k % 2 else (20, 20, 24), outline=False)
        p.poly([(-6, -54), (6, -54), (0, -46)], lighter(_DRIVER, 0.3))


def _torso_outdoor(p: Pen, outfit: str, body: tuple[float, float, float, float]) -> None:
    """A lifeguard's red top with its white cross and a whistle on a cord; a park ranger's khaki shirt with its
    gold badge, green shoulder patch and two pockets; a postman's blue shirt with a brown mail bag across the
    chest, a white letter in its flap."""
    tx, ty, rx, ry = body
    if outfit == "lifeguard":
        p.rect(-7, -46, 7, -32, WHITE, r=1)  # the white cross of a lifeguard
        p.rect(-2, -44.5, 2, -33.5, _LIFEGUARD, outline=False)
        p.rect(-5.5, -41, 5.5, -37, _LIFEGUARD, outline=False)
        p.line([(-9, -54), (-6, -44)], WHITE, 0.9)  # the whistle's cord and the whistle
        p.line([(9, -54), (6, -44)], WHITE, 0.9)
        p.rect(4, -44, 10, -40, (250, 206, 48), r=1)
    elif outfit == "ranger":
        p.poly([(-7, -54), (7, -54), (0, -46)], darker(_RANGER, 0.8))  # the open collar
        p.poly([(5, -47), (13, -47), (13, -41), (9, -37), (5, -41)], GOLD)  # the badge
        for x in (-11, 9):  # the two pockets
            p.rect(x - 1, -38, x + 7, -30, darker(_RANGER, 0.88), r=1)
        p.ell(-15, -50, 3.6, 3.6, (60, 110, 60))  # the shoulder patch
        p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, -21, -17), (92, 60, 40))
    else:  # a postman
        p.poly([(-6, -54), (6, -54), (0, -46)], lighter(_POSTMAN, 0.4))
        p.stroke([(-13, -53), (12, -24)], _MAILBAG, 3.0)  # the strap across the chest
        p.rect(4, -30, 20, -16, _MAILBAG, r=2)  # the bag, its flap and a letter peeking out
        p.rect(6, -34, 16, -28, WHITE, r=0.5)
        p.line([(6, -34), (11, -31), (16, -34)], (150, 150, 160), 0.7)


def _torso_palace(p: Pen, outfit: str, body: tuple[float, float, float, float]) -> None:
    """An emperor's yellow robe with its red dragon roundel and jade belt (the royal cape, ermine collar and
    crown are the ``crown`` outfit's, ``Pet`` draws them for both); a palace servant's (eunuch's, maid's) teal
    robe with its crossed white collar and red sash."""
    tx, ty, rx, ry = body
    if outfit == "royal":
        p.ell(0, -34, 8.5, 8.5, GOLD)  # the gold-rimmed roundel with its pearl and cloud curls
        p.ell(0, -34, 6.5, 6.5, (200, 36, 44), outline=False)
        p.ell(0, -34, 2.4, 2.4, GOLD, outline=False)
        for a in (-1, 1):
            p.arc(a * 3.2, -34, 2.2, 0, 360, 0.9, fill=GOLD)
        for x in (-10, 10):  # the robe's waves at the hem
            p.line([(x - 4, -16), (x - 2, -19), (x, -16), (x + 2, -19), (x + 4, -16)], (200, 36, 44), 1.2)
        p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, -22, -18), (60, 150, 110))
        return
    p.poly([(-12, -54), (-7, -54), (8, -36), (3, -36)], WHITE)  # the crossed collar, right over left
    p.poly([(12, -54), (7, -54), (-1, -44), (-3, -47)], WHITE)
    p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, -26, -21), (200, 44, 52))
    p.rect(-3, -21, 3, -12, (200, 44, 52), outline=False)  # the sash's hanging ends


def _hat_service(p: Pen, outfit: str, head_rx: float, top: float) -> None:
    """The guard's black peaked cap with a silver shield, the cleaner's orange cap, the driver's flat cap."""
    if outfit == "security":
        p.rect_r(-19, top - 8, 19, top + 6, 3, (28, 28, 34))
        p.rect_r(-22, top - 12, 22, top - 4, 3, (40, 40, 48))
        p.poly([(-4, top - 6), (4, top - 6), (4, top - 1), (0, top + 2), (-4, top - 1)], (214, 218, 228))
        p.rect_r(-18, top + 4, 24, top + 8, 2, (20, 20, 24))
    elif outfit == "cleaner":
        p.rect_r(-17, top - 7, 17, top + 6, 5, _HIVIS)
        p.rect_r(6, top + 2, 32, top + 7, 2, darker(_HIVIS, 0.8))
        p.rect(-16.5, top - 1, 16.5, top + 2, _REFLECT, outline=False)
    elif outfit == "driver":
        grey = (120, 120, 128)
        p.ell(0, top - 1, head_rx - 4, 7, grey)
        p.rect_r(0, top + 2, 26, top + 7, 2, darker(grey, 0.8))


def _hat_outdoor(p: Pen, outfit: str, top: float) -> None:
    """The lifeguard's white sun visor with a red band, the park ranger's flat-brimmed campaign hat with its
    pinched crown, the postman's blue peaked cap with a gold badge."""
    if outfit == "lifeguard":
        p.rect_r(-18, top - 2, 18, top + 4, 2, _LIFEGUARD)
        p.rect_r(2, top + 1, 30, top + 7, 2, WHITE)
    elif outfit == "ranger":
        tan = (196, 164, 104)
        p.ell(0, top + 3, 38, 6, darker(tan, 0.9))
        p.poly([(-15, top + 2), (-10, top - 14), (-3, top - 10), (3, top - 10), (10, top - 14), (15, top + 2)], tan)
        p.rect(-15, top - 2, 15, top + 2, (92, 60, 40), outline=False)
    else:
        p.rect_r(-19, top - 8, 19, top + 6, 3, _POSTMAN)
        p.rect_r(-21, top - 11, 21, top - 4, 3, lighter(_POSTMAN, 0.1))
        p.ell(0, top - 3, 3, 3, GOLD)
        p.rect_r(-16, top + 4, 26, top + 8, 2, (24, 24, 30))


def _hat_job(p: Pen, outfit: str, head_y: float, head_rx: float, top: float) -> None:
    if outfit == "athlete":  # a sweatband round the brow
        p.rect_r(-head_rx + 3, top + 6, head_rx - 3, top + 12, 2.5, WHITE)
        p.line([(-head_rx + 4, top + 9), (head_rx - 4, top + 9)], _JERSEY, 1.4)
    elif outfit == "nurse":
        p.poly([(-14, top + 4), (14, top + 4), (11, top - 8), (-11, top - 8)], WHITE)
        p.rect(-1.6, top - 6, 1.6, top + 2, (220, 50, 60), outline=False)
        p.rect(-4, top - 3.6, 4, top - 0.4, (220, 50, 60), outline=False)
    elif outfit == "police":
        p.rect_r(-19, top - 8, 19, top + 6, 3, _NAVY)
        p.rect_r(-22, top - 12, 22, top - 4, 3, lighter(_NAVY, 0.12))
        p.poly(star_pts(0, top - 2, 4), GOLD)
        p.rect_r(-18, top + 4, 24, top + 8, 2, (24, 24, 30))
    elif outfit == "detective":  # a fedora with its band
        brown = (112, 80, 56)
        p.poly([(-34, top + 6), (34, top + 6), (30, top + 1), (-30, top + 1)], darker(brown, 0.85))
        p.poly([(-18, top + 2), (-16, top - 14), (0, top - 10), (16, top - 14), (18, top + 2)], brown)
        p.rect(-18, top - 3, 18, top + 2, (40, 30, 26), outline=False)
    elif outfit == "window_cleaner":  # a white safety helmet and its chin strap
        px, py = p.P(0, top + 8)
        rx, r = 24 * p.u, 16 * p.u
        p.d.pieslice((px - rx, py - r, px + rx, py + r), 180, 360, fill=(246, 246, 250), outline=p.ink,
                     width=round(p.lw))
        p.rect_r(-26, top + 6, 26, top + 10, 2, (246, 246, 250))
        p.line([(-23, top + 10), (-18, head_y + 12)], (40, 40, 48), 1.1)
    elif outfit == "delivery":  # a yellow helmet, its visor up
        px, py = p.P(0, top + 12)
        rx, r = 30 * p.u, 24 * p.u
        p.d.pieslice((px - rx, py - r, px + rx, py + r), 180, 360, fill=_RIDER, outline=p.ink, width=round(p.lw))
        p.rect_r(-30, top + 5, 30, top + 12, 3, (40, 44, 56))
        p.line([(-14, top - 6), (14, top - 6)], WHITE, 1.6)
    elif outfit == "teacher":
        ey, ex = -74.5, 11.0
        for s in (-1, 1):
            p.arc(s * ex, ey, 8.4, 0, 360, 1.5, fill=(40, 40, 48))
        p.line([(-ex + 8.4, ey - 1), (ex - 8.4, ey - 1)], (40, 40, 48), 1.3)
    elif outfit == "student":  # a yellow school cap
        p.rect_r(-17, top - 6, 17, top + 6, 4, (250, 210, 50))
        p.rect_r(4, top + 2, 30, top + 7, 2, darker((250, 210, 50), 0.85))
    elif outfit == "knight":  # an open helmet with a red plume
        px, py = p.P(0, top + 12)
        rx, r = 28 * p.u, 20 * p.u
        p.d.pieslice((px - rx, py - r, px + rx, py + r), 180, 360, fill=_STEEL, outline=p.ink, width=round(p.lw))
        for s in (-1, 1):  # the cheek guards beside the face
            p.rect_r(s * 28 - 4, top + 10, s * 28 + 4, head_y + 8, 2, _STEEL)
        p.line([(0, top - 7), (0, top + 11)], darker(_STEEL, 0.7), 1.4)
        p.poly([(-2, top - 4), (2, top - 4), (10, top - 20), (0, top - 16), (-6, top - 22)], (200, 40, 50))
    elif outfit == "princess":  # a tiara
        base = top + 5
        p.poly([(-12, base), (-10, base - 8), (-5, base - 4), (0, base - 12), (5, base - 4), (10, base - 8),
                (12, base)], GOLD)
        p.ell(0, base - 5, 2.2, 2.2, (240, 90, 150))
    elif outfit == "farmer":  # a wide straw hat with a red band
        straw = (232, 200, 120)
        p.ell(0, top + 4, 40, 7, straw)
        p.poly([(-17, top + 3), (-15, top - 12), (15, top - 12), (17, top + 3)], straw)
        p.rect(-16.5, top - 3, 16.5, top + 2, (200, 50, 50), outline=False)
        for x in (-10, 0, 10):
            p.line([(x, top - 11), (x, top - 4)], darker(straw, 0.8), 0.5)
    elif outfit in ("security", "cleaner", "driver"):
        _hat_service(p, outfit, head_rx, top)
    elif outfit in ("lifeguard", "ranger", "postman"):
        _hat_outdoor(p, outfit, top)
    elif outfit == "courtier":  # a palace servant's round black cap and its top knot
        p.rect_r(-18, top - 7, 18, top + 5, 6, (28, 28, 34))
        p.ell(0, top - 9, 5, 4, (28, 28, 34))
        p.rect(-18, top + 1, 18, top + 4, (200, 44, 52), outline=False)
    elif outfit == "singer":
        p.poly(star_pts(-18, top + 4, 5), GOLD)
    elif outfit == "fisherman":  # a yellow sou'wester: the low crown and the wide brim, longer at the back
        p.poly([(-34, top + 8), (-20, top + 1), (20, top + 1), (36, top + 10), (22, top + 12), (-22, top + 11)],
               darker(_OILSKIN, 0.9))
        p.poly([(-17, top + 3), (-14, top - 10), (14, top - 10), (17, top + 3)], _OILSKIN)
        p.line([(-15, top - 1), (15, top - 1)], darker(_OILSKIN, 0.75), 0.6)
    elif outfit == "sailor":  # a round white sailor's cap with its navy band
        p.rect_r(-18, top - 8, 18, top + 4, 6, _SAILOR)
        p.rect(-18, top, 18, top + 4, (40, 56, 104), outline=False)
    elif outfit == "pilot":  # a peaked cap: white crown, black band and visor, gold wings
        p.rect_r(-22, top - 12, 22, top - 3, 3, WHITE)
        p.rect_r(-19, top - 4, 19, top + 5, 2, (24, 24, 30))
        p.rect_r(-16, top + 4, 26, top + 8, 2, (24, 24, 30))
        _wings(p, 0, top - 1, 1.2)


def _wings(p: Pen, x: float, y: float, k: float) -> None:
    """A pilot's gold wings badge about (``x``, ``y``)."""
    for s in (-1, 1):
        p.poly([(x + s * 2 * k, y - 1.6 * k), (x + s * 9 * k, y - 2.6 * k), (x + s * 7 * k, y + 0.4 * k),
                (x + s * 2 * k, y + 1.4 * k)], GOLD, outline=False)
    p.ell(x, y, 2 * k, 2 * k, GOLD, outline=False)
