"""The storyboard painter: the CPU default ``KeyframePainter`` and ``LayeredPainter``.

Per scene: stage it (``staging.stage_scene``: slots, facing, poses, where each prop goes), draw the
background with the place, time of day, weather and the static props, then each character as a
sprite (with blink and talk variants) over a transparent ground. Stills are the flattened layers
plus one frozen frame of falling rain or snow. ``report`` says, per scene, what was asked and what
was drawn, substitutions included. Output is a pure function of the script and ``spec.seed``.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from PIL import Image, ImageChops, ImageDraw

from petreel.errors import Cancelled
from render.animator import view_rect
from render.captions import CaptionPainter
from render.painter import beds
from render.painter.ages import HUNCH, NECK_Y, YOUNG_HEAD
from render.painter.backgrounds import BACKGROUNDS
from render.painter.blocking import COVERED, clear_spot, place_prop, separate, worst_cover
from render.painter.canvas import Canvas
from render.painter.gear import gear_box
from render.painter.geometry import SUPERSAMPLE, Pen
from render.painter.grading import grade, grade_sprite
from render.painter.hazards import draw_hazard, floor_box, snowdrift, stuck_in_snow
from render.painter.headroom import fit_text, lowered, refit, text_rows
from render.painter.lighting import finish_light, weather_ground, weather_still
from render.painter.looks import PetLook, cast_looks, crowd_coat, young_hero
from render.painter.outdoors import bg_sea
from render.painter.persona import Persona, became, costume_note, dress, personas
from render.painter.pets import Pet
from render.painter.poses import (
    THROWN_OFF,
    TWO_HANDED,
    arm_path,
    arm_style,
    draw_jeers,
    draw_marks,
    held_size,
)
from render.painter.props import EXTENT, GRIP, HAND, draw_prop
from render.painter.shops import draw_shop
from render.painter.staging import PlacedProp, Staged, stage_scene
from render.painter.venues import draw_venue, venue_captions
from render.painter.vocabulary import PropMatch, art, crowd_kind, hazard_of, match_prop, vocabulary
from render.stages import CancelFn, ProgressFn, RenderSpec, SceneArt, Sprite, overscan_size
from story.drawings import DROP, danger_from, danger_until, pregnant_until
from story.script import Scene, Script
from story.venues import VENUES, ShopMatch, places_drawn

View = tuple[float, float, float, float]  # left, top, right, bottom: fractions of the visible frame
Box = tuple[int, int, int, int]  # left, top, right, bottom: keyframe pixels
FaceBox = tuple[float, float, float, float]
_BOX = (-88.0, 88.0, -142.0, 12.0)  # a standing pet's canvas in pet units: left, right, top, bottom
SAFE_X = 0.04  # each side of the visible frame kept clear of pets and props (camera moves crop it)
YOUNG_SCALE = 0.56  # a kitten or puppy beside the grown-ups
_DECKS = ("pirate ship", "yacht", "fishing boat")  # a boat at sea is the deck the cast stands on, not a prop
_LYING_SCALE = {"roll": 0.78, "swim": 0.78}  # a pet lying along the ground: its whole length inside the frame
# a litter: each young one's offset from the slot in pet units, the back ones first (drawn first)
_LITTER: dict[int, list[tuple[float, float]]] = {
    1: [(0.0, 0.0)], 2: [(-32.0, -5.0), (30.0, 0.0)], 3: [(-54.0, -7.0), (52.0, -6.0), (0.0, 0.0)],
    4: [(-78.0, -8.0), (76.0, -7.0), (-26.0, -1.0), (26.0, 0.0)],
}


_BOXES = PropMatch("boxes", "boxes", "exact")
# what one works with in a shop that cooks at no stove, instead of the wok a restaurant's work is drawn with: a café's
# coffee, a milk tea shop's bubble tea, a bakery's bread, an ice cream shop's cone (奶茶店打工: making the tea)
_SHOP_WORK = {"café": "coffee", "milk tea shop": "bubble tea", "bakery": "bread", "ice cream shop": "ice cream"}


def _even_down(v: float) -> int:
    return 2 * math.floor(v / 2)


def _even_up(v: float) -> int:
    return 2 * math.ceil(v / 2)


class StoryboardPainter:
    """Flat cartoon storyboards with Pillow (CPU, no models), as stills or as layers."""

    def __init__(self) -> None:
        self.report: list[dict[str, Any]] = []  # per scene of the last paint: asked vs drawn
        # the cast's size that read best and its fit under the text, by how a scene is staged and shot
        self._scales: dict[object, tuple[float, tuple[float, float]]] = {}

    def place_captions(self, script: Script) -> Script:
        """``script`` with each headline naming the shop or venue its scene is drawn as ("Bakery", "Gym")."""
        return venue_captions(script)

    def paint(self, script: Script, spec: RenderSpec, progress: ProgressFn, should_cancel: CancelFn) -> list[Image.Image]:
        arts = self.paint_layers(script, spec, progress, should_cancel)
        return [weather_still(art.flatten(), art.weather, spec.seed * 101 + i) for i, art in enumerate(arts)]

    def paint_layers(self, script: Script, spec: RenderSpec, progress: ProgressFn,
                     should_cancel: CancelFn) -> list[SceneArt]:
        # 1. geometry and each character's look (seeded by the spec seed and the character's position)
        ow, oh = overscan_size(spec)
        size = (ow * SUPERSAMPLE, oh * SUPERSAMPLE)
        vis = (spec.width * SUPERSAMPLE, spec.height * SUPERSAMPLE)
        looks = cast_looks(script.characters, spec.seed)
        grows_at = grown_up_at(script)  # "the kitten grows up": drawn grown from that scene on
        looks = young_at_start(script, looks)
        people = personas(script)  # the old drawn old, each job in its costume
        looks = {cid: replace(lk, old=people[cid].old and not lk.young, cane=people[cid].blind)
                 for cid, lk in looks.items()}
        young = {cid: look.count for cid, look in looks.items() if look.young}
        grew: set[str] = set()
        masks: dict[tuple[tuple[int, int], float], Image.Image] = {}
        arts: list[SceneArt] = []
        report: list[dict[str, Any]] = []
        n = len(script.scenes)
        self._scales = {}
        text = CaptionPainter(spec.width, spec.height, script.language)  # the text the heads and feet keep clear of
        drawn_places = places_drawn(script)
        expecting = pregnant_until(script)  # "a pregnant cat": the scene its young are born in
        rescue_at = danger_until(script)  # the scene of the premise's rescue: before it, the one in danger drawn in it
        in_it_at = danger_from(script)  # the first scene the hero is drawn in it: from there, kept in it
        for i, scene in enumerate(script.scenes):
            if should_cancel():
                raise Cancelled(f"cancelled before keyframe {i + 1}/{n}")
            if expecting is not None and "hero" in looks:  # a pregnant hero: round-bellied until the young are born
                looks = {**looks, "hero": replace(looks["hero"], pregnant=i < expecting and not looks["hero"].young)}
            if i == grows_at:  # the young grow up: a lone one into a grown pet, a litter into grown siblings
                grew = {cid for cid, lk in looks.items() if lk.young}
                looks = {cid: replace(lk, young=False) if cid in grew else lk for cid, lk in looks.items()}
                young = {cid: n for cid, n in young.items() if cid not in grew}
            people = {cid: replace(p, works=True) if p.job and not p.works and became(scene.narration, p.job) else p
                      for cid, p in people.items()}  # "becomes a pilot": in the pilot's costume from then on
            if scene.memory:  # the past shown (the beat's, never a word in its line): sepia, soft, vignetted
                scene = scene.model_copy(update={"mood": "memory"})
            # 2. staging: who stands where doing what, and where each asked prop goes; a disaster (floodwater,
            #    cracked ground, rubble) lies across the floor, drawn with the background, never placed
            hazards = {p: d for p in scene.props if (d := hazard_of(p)) is not None}
            itself = VENUES[v.kind].itself if (v := drawn_places[i]) is not None and v.kind in VENUES else ()
            scene = scene.model_copy(update={"props": [p for p in scene.props if p not in hazards and not (
                itself and art(match_prop(p)) in itself)]})  # the bus it is inside: no bus parked in it
            staged, placed = stage_scene(scene, [c.id for c in script.characters], young, script.premise,
                                         rescue_at is not None and i < rescue_at,
                                         in_it_at is not None and i > in_it_at)
            on_duty = {a.id for a in scene.characters if a.action in DUTY}
            off_job = {a.id for a in scene.characters if a.off_job}  # the script's word: its job not reached, or left
            staged = [st if st.id in off_job else _dressed(st, people[st.id], scene.location in HOME and st.id not in
                                                           on_duty) for st in staged]
            weather = "rain" if scene.location == "rainy_street" and scene.weather == "clear" else scene.weather
            # 3. the background: place, light, weather and the static props, graded for the mood
            canvas = Canvas(Image.new("RGB", size, (128, 128, 128)), *vis,
                            random.Random(f"{spec.seed}:bg:{scene.location}"), scene.time_of_day, weather)
            canvas.lang = script.language  # the shop signs and the place's words in the script's language
            shop = drawn_places[i]  # a bakery; a gym, a show ring (a bakery opened later: from its opening)
            if shop is not None and shop.kind == "warehouse":  # what is carried in a warehouse is its boxes
                staged = [replace(st, pose=replace(st.pose, holding=_BOXES)) if st.pose.holding is not None and
                          st.pose.holding.drawn == "bricks" else st for st in staged]
            if shop is not None and shop.kind in _SHOP_WORK:  # its own goods in the worker's paws, no wok
                made = match_prop(_SHOP_WORK[shop.kind])
                staged = [replace(st, pose=replace(st.pose, job="serve", rig=None, arms="offer", holding=made))
                          if st.pose.rig is not None and st.pose.rig.drawn == "wok" and not any(
                              m == "wok" or match_prop(m).drawn == "wok" for m in scene.props) else st
                          for st in staged]
            view = shown(scene.camera, spec)  # what every window of the scene's camera move shows
            fits = _fit_props(canvas, placed, staged, view, young)  # the props kept whole and in view
            placed = [replace(pp, where="front") if fits[k][2] else pp for k, pp in enumerate(placed)]
            boxes = self._background(canvas, scene, staged, placed, shop, fits, list(dict.fromkeys(hazards.values())))
            small = Canvas(canvas.img.reduce(SUPERSAMPLE), spec.width, spec.height, canvas.rng, scene.time_of_day,
                           weather)
            small.lights = canvas.lights
            finish_light(small, scene.location in vocabulary().outdoor)  # the light, at keyframe scale
            background, mean = grade(small.img, scene.mood, masks)
            # 4. the characters as sprites, back row first so the hero stands in front; slid apart (smaller
            #    if need be) until nobody's face is under another's paw, cup or body
            rng = random.Random(f"{spec.seed}:scene:{i}")
            rows = text_rows(scene, spec, text, script.title if i == 0 else None)
            sprites, faces = self._cast(canvas, scene, staged, looks, rng, view, mean, spec.seed * 7 + i * 3, rows)
            front = [pp for k, pp in enumerate(placed) if pp.where == "front" and not _again(placed, k)]
            keep = [(b[0] * SUPERSAMPLE, b[1] * SUPERSAMPLE, b[2] * SUPERSAMPLE, b[3] * SUPERSAMPLE)
                    for boxes in faces.values() for b in boxes.values()]
            for pp in front:  # props stand before the characters, where nobody hides them, clear of their faces
                k = placed.index(pp)  # and gear as they are drawn (gloves up, a fishing line)
                hw, h = EXTENT.get(pp.art, (52.0, 100.0))
                lo, hi = (canvas.X(v) for v in (max(SAFE_X, view[0] + 0.01), min(1 - SAFE_X, view[2] - 0.01)))
                fits[k] = (*clear_spot(hw, h, fits[k][1], fits[k][0], canvas.Y(pp.y), lo, hi, keep), True)
                sprites.append(_prop_sprite(canvas, pp, scene.mood, mean, fits[k]))
            # rain and snow fall outdoors only (a mansion or an office keeps its roof)
            falling = weather if scene.location in vocabulary().outdoor else "clear"
            arts.append(SceneArt(background, sprites, falling))
            for pp, sp in zip(front, sprites[len(staged):], strict=True):
                box = (round(sp.x), round(sp.y), round(sp.x) + sp.rgba.shape[1], round(sp.y) + sp.rgba.shape[0])
                for k, other in enumerate(placed):  # the prop and its repeats ("cash", "money") share the box
                    if (other.match.drawn, other.where, other.x, other.y) == (pp.match.drawn, pp.where, pp.x, pp.y):
                        boxes[k] = box
            report.append(_scene_report(i, scene, falling, staged, placed, boxes, sprites, shop, faces))
            if hazards:  # asked first, as the script has them
                report[-1]["asked"]["props"][:0] = list(hazards)
                report[-1]["drawn"]["props"][:0] = hazard_report(hazards, floor_box(canvas), spec)
            for entry in report[-1]["drawn"]["characters"]:
                entry["young"] = looks[entry["id"]].young
                note = costume_note(people[entry["id"]], entry["outfit"])  # its job's costume, or the nearest
                if note is not None:
                    entry["costume"] = note
                if entry["id"] in grew:
                    entry["grown"] = f"grew up in scene {(grows_at or 0) + 1}"
            progress("keyframes", (i + 1) / n)
        self.report = report
        return arts

    # -- the characters, slid apart --------------------------------------------------------------

    def _cast(self, c: Canvas, scene: Scene, staged: list[Staged], looks: dict[str, PetLook], rng: random.Random,
              view: View, mean: int, seed: int, rows: list[tuple[float, float]] | None = None,
              ) -> tuple[list[Sprite], dict[str, dict[str, Box]]]:
        """The characters' sprites, back row first (the hero in front; one reaching at another, spilling on it
        or treating it, over its target so its arm shows), slid apart until no face or held prop is under
        another's ink (``blocking.separate``), all drawn smaller (85 %, else 75 %) when sliding
        is not enough; all drawn smaller or lower still where a head would meet the text at the top or the
        lowest ink the name tag at the bottom in a camera window (``rows``, ``blocking.fit_rows``); and
        each one's face and held-prop boxes."""
        ids = {a.id for a in scene.characters}
        reach = {a.id for a, st in zip(scene.characters, staged, strict=True)
                 if a.target in ids - {a.id} and (st.pose.action in _REACHING or st.pose.arms == "slap")}
        # one on another's back drawn first, behind its carrier; a kitten in arms last, before it
        order = sorted(range(len(staged)), key=lambda j: (-1 if staged[j].on_back else int(staged[j].carried),
                                                          staged[j].id in reach,
                                                          staged[j].slot.feet))
        jitters = [rng.uniform(-0.015, 0.015) for _ in order]
        lo, hi = (c.X(v) / SUPERSAMPLE for v in (max(SAFE_X, view[0] + 0.01), min(1 - SAFE_X, view[2] - 0.01)))
        frame = (c.X(SAFE_X) / SUPERSAMPLE, c.X(1 - SAFE_X) / SUPERSAMPLE)  # a pan may hide a tail, not a face
        fixed = len(staged) < 2 or any(st.carried for st in staged)  # a kitten in its rescuer's arms stays there
        tries: dict[float, tuple[float, list[Sprite], list[dict[str, FaceBox]]]] = {}
        base = (1.0, 0.0)  # the whole cast's size and drop (fraction of the visible height) that clear the text

        def attempt(shrink: float) -> float:
            placed = refit(staged, shrink * base[0], base[1])
            made = [self._sprite(c, placed[k], looks[staged[k].id], jitter, scene, seed=seed + k,
                                 mean=mean, phase=k * 0.37, view=view) for k, jitter in zip(order, jitters, strict=True)]
            sprites, keeps = [sp for sp, _ in made], [keep for _, keep in made]
            if not fixed:
                separate(sprites, keeps, lo, hi, c.vw / SUPERSAMPLE * 0.01, frame)
            tries[shrink] = (0.0 if fixed else worst_cover(sprites, keeps)[0], sprites, keeps)
            return tries[shrink][0]

        def search(known: float | None) -> float:
            """the size that read in an earlier scene staged alike; else as staged, then 85 %, then 75 % when
            that helped but not enough (at most three paintings of the cast)"""
            if known is None or attempt(known) > COVERED:
                if attempt(1.0) > COVERED and attempt(0.85) > COVERED and tries[0.85][0] < tries[1.0][0] - 0.005:
                    attempt(0.75)
            read = [k for k, t in tries.items() if t[0] <= COVERED]
            return max(read) if read else min(tries, key=lambda k: tries[k][0] + 0.01 * (1 - k) / 0.05)

        alike = (tuple((st.id, st.slot, st.facing, st.pose) for st in staged), tuple(rows or ()))
        known = self._scales.get(alike)
        if known is not None:  # an earlier scene staged alike, under the same text: its size and drop
            base = known[1]
        best = search(None if known is None else known[0])
        if known is None and rows:  # smaller or lower where a head meets the headline or the feet the name tag
            fit = fit_text(c, [staged[k] for k in order], tries[best][1], tries[best][2], best, rows)
            if fit[0] == base[0] and fit != base:  # only higher or lower: the painted cast moved, not painted again
                drop, moved, boxes = lowered(tries[best][1], tries[best][2], fit[1], c.vh / SUPERSAMPLE)
                base, tries[best] = (fit[0], drop), (tries[best][0], moved, boxes)
            elif fit != base:
                base = fit
                tries.clear()
                best = search(None)
        self._scales[alike] = (best, base)
        _, sprites, keeps = tries[best]
        faces = {sp.speaker: {name: (round(b[0]), round(b[1]), round(b[2]), round(b[3])) for name, b in keep.items()}
                 for sp, keep in zip(sprites, keeps, strict=True) if sp.speaker is not None}
        return sprites, faces

    # -- the background ------------------------------------------------------------------------

    @staticmethod
    def _background(c: Canvas, scene: Scene, staged: list[Staged], placed: list[PlacedProp],
                    shop: ShopMatch | None, fits: list[tuple[float, float, bool]],
                    hazards: Sequence[str] = ()) -> list[Box | None]:
        outdoor = scene.location in vocabulary().outdoor
        if shop is not None and shop.kind in VENUES:
            draw_venue(c, shop)
        elif shop is not None:
            draw_shop(c, scene.location, shop.kind, BACKGROUNDS[scene.location])
        elif scene.location == "sea":  # on the deck of the boat the scene asks for (a pirate ship), or a fishing boat
            bg_sea(c, next((a for a in map(art, map(match_prop, scene.props)) if a in _DECKS), "fishing boat"))
        else:
            BACKGROUNDS[scene.location](c)
        weather_ground(c, outdoor)
        for kind in hazards:  # the flood, the cracked ground, the rubble: across the floor, before anyone stands
            draw_hazard(c, kind)
        for st in staged:  # a window cleaner's cradle hangs from ropes
            if st.pose.rig is not None and st.pose.rig.drawn == "window-cleaning cradle":
                top = st.slot.feet - st.slot.height * 0.42
                for dx in (-0.1, 0.1):
                    x = st.slot.x + dx * st.slot.height / 0.46
                    c.line([(x, c.top), (x, top)], (60, 60, 70), 0.35)
        boxes: list[tuple[int, int, int, int] | None] = []
        stuck = stuck_in_snow(_scene_words(scene), scene.weather)  # a car or truck stuck: in a snowdrift
        for k, pp in enumerate(placed):
            if pp.where not in ("back", "ground"):  # drawn with a character or in front (sprites)
                boxes.append(None)
                continue
            x, u, _ = fits[k]
            if not _again(placed, k):
                pen = Pen(c.d, x, c.Y(pp.y), u)
                pen.lw = max(pen.lw, c.lw * 1.4)
                crowd = pp.match.drawn == "crowd"  # a crowd of one breed in its coat (a crowd of poodles all white)
                draw_prop(pp.art, pen, pp.match.color or (crowd_coat(pp.match.asked) if crowd else None),
                          crowd_kind(pp.match.asked) if crowd else "")
                if stuck and pp.match.drawn == "car":
                    snowdrift(pen, EXTENT.get(pp.art, (100.0, 82.0))[0])
                if pp.jeering:  # a crowd laughing at someone, not cheering: HA over its heads
                    draw_jeers(pen, EXTENT.get(pp.art, (52.0, 100.0)), c.lang)
            hw, h = EXTENT.get(pp.art, (52.0, 100.0))
            y = c.Y(pp.y)
            bx0, by0, bx1, by1 = (max(0, round(v / SUPERSAMPLE)) for v in (x - hw * u, y - h * u, x + hw * u, y + 2 * u))
            boxes.append((bx0, by0, bx1, by1))
        return boxes

    # -- a character sprite --------------------------------------------------------------------

    @staticmethod
    def _sprite(c: Canvas, st: Staged, look: PetLook, jitter: float, scene: Scene, *, seed: int, mean: int,
                phase: float, scale: float = 1.0, view: View = (0.0, 0.0, 1.0, 1.0)) -> tuple[Sprite, dict[str, FaceBox]]:
        """The character's sprite and the boxes of its face and held prop (keyframe pixels, at rest)."""
        # 1. a canvas around the pet (a young one small, a litter side by side), drawn twice: over black and
        #    over white (for an exact matte)
        lying = st.pose.body in ("lying", "back")
        height = c.vh * st.slot.height * (YOUNG_SCALE if look.young else 1.0) * scale
        height *= _LYING_SCALE.get(st.pose.action, 1.0) if lying else 1.0
        height *= (beds.UNDER_SCALE if st.bed == "under" else beds.SCALE) if lying and st.bed else 1.0  # the bed
        # beside the others, inside the frame
        u = height / 104
        fx, fy = c.X(st.slot.x + jitter), c.Y(st.slot.feet)
        left, right, top, bottom = _BOX
        if st.pose.rig is not None and st.pose.rig.drawn in ("car", "hospital bed", "yacht"):
            left, right = -110.0, 110.0
        # young heads are big: a litter stands a little apart; grown siblings stand close, shoulder to shoulder
        spread = 1.15 if look.young else 0.72
        members = [(dx * spread, dy) for dx, dy in _LITTER.get(look.count, _LITTER[1])]
        left, right = left + min(m[0] for m in members), right + max(m[0] for m in members)
        x0, y0 = _even_down(fx + left * u), _even_down(fy + top * u)
        w, h = _even_up(fx + right * u) - x0, _even_up(fy + bottom * u) - y0
        ox, oy = fx - x0, fy - y0  # the feet in canvas pixels
        long_shadow = scene.time_of_day == "sunset" and scene.location in vocabulary().outdoor
        shadow = "none" if lying else "long" if long_shadow else "round"
        rest: list[Image.Image] = []
        pets: list[list[tuple[Pet, float, float]]] = []
        for ground in ((0, 0, 0), (255, 255, 255)):
            img = Image.new("RGB", (w, h), ground)
            drawn = []
            for k, (dx, dy) in enumerate(members):  # the back ones first; the last stands in front
                front = k == len(members) - 1
                pet = Pet(ImageDraw.Draw(img, "RGBA"), ox + dx * u, oy + dy * u, height, look, st.outfit, st.pose,
                          st.facing, st.turned, seed + k, shadow=shadow, away=st.away)
                pet.draw()
                if front:
                    pet.rig(None)
                    if not lying:
                        pet.action_marks(c.lang)
                drawn.append((pet, dx * u, dy * u))
            rest.append(img)
            pets.append(drawn)
        # 2. crop to the ink, then the blink and talk variants on copies of the crop
        bbox = ImageChops.invert(ImageChops.difference(rest[1], rest[0])).getbbox() or (0, 0, 2, 2)
        # a pet with its car, stove or cradle fits the safe area and every window of the camera move, and so
        # does a litter (marks may run past it); one holding an asked prop is moved inward to keep it in view
        lo, hi = c.X(max(SAFE_X, view[0] + 0.01)), c.X(min(1 - SAFE_X, view[2] - 0.01))
        fits = not lying and (st.pose.rig is not None or look.count > 1)
        keeps = fits or not lying and st.pose.holding is not None and not st.carried
        if fits and bbox[2] - bbox[0] > hi - lo and scale == 1.0:
            return StoryboardPainter._sprite(c, st, look, jitter, scene, seed=seed, mean=mean, phase=phase,
                                             scale=0.98 * (hi - lo) / (bbox[2] - bbox[0]), view=view)
        crop = (_even_down(bbox[0]), _even_down(bbox[1]), min(w, _even_up(bbox[2])), min(h, _even_up(bbox[3])))
        rest = [im.crop(crop) for im in rest]
        variants: dict[str, list[Image.Image]] = {"rest": rest}
        for name in () if lying else ("blink", "talk"):
            pair = []
            for drawn, im in zip(pets, rest, strict=True):
                copy = im.copy()
                changed = False
                for pet, dx, dy in drawn:
                    pet.d = ImageDraw.Draw(copy, "RGBA")
                    pet.cx, pet.fy = ox + dx - crop[0], oy + dy - crop[1]
                    changed = bool(getattr(pet, name)()) or changed
                if changed:
                    pair.append(copy)
            if pair:
                variants[name] = pair
        px, py = x0 + crop[0], y0 + crop[1]  # the crop's top-left on the background canvas
        moved_from = px
        hk = YOUNG_HEAD if look.young else 1.0  # the face (the front one of a litter), drawn as ``Pet`` draws it
        mx, my = members[-1]
        hx = fx + mx * u + 4.0 * hk * u * st.facing * st.turned
        hy = fy + (my + NECK_Y * (1 - hk) + (9.0 if st.pose.body == "kneel" else 0.0)) * u - 71.0 * hk * u
        if look.old and st.pose.body == "stand":
            hx, hy = hx + HUNCH[0] * u * st.facing, hy + HUNCH[1] * u
        half = (27.0 * hk * u, 22.0 * hk * u)
        held = _held_box(st)  # the prop in the paw, pet units from the feet (x toward the facing side)
        if keeps:  # moved inward where it would cross the safe area's side
            ink0, ink1 = x0 + bbox[0], x0 + bbox[2]
            px += _even_up(lo - ink0) if ink0 < lo else -_even_up(ink1 - hi) if ink1 > hi else 0
        feet = (ox - crop[0], oy - crop[1])
        if lying:  # asleep: on its side, head toward the facing side, marks upright above
            variants["rest"], (px, py) = _lie_down(rest, feet, st, u, seed, (fx, fy), c.lang)
            hd = st.facing if st.pose.body == "lying" else -st.facing
            behind = 52 if st.pose.action == "sleep" else 47
            lift = beds.lift(st.bed) if st.bed else 0.0
            hx, hy, half = fx + (71 - behind) * u * hd, fy - (26 + lift) * u, (half[1], half[0])
            moved_from = px
            ink = ImageChops.invert(ImageChops.difference(*variants["rest"])).getbbox()
            if ink is not None:  # cropped to the ink (the report's box is the body's), the whole body inside the frame
                w0, h0 = variants["rest"][0].size
                cut = (_even_down(ink[0]), _even_down(ink[1]), min(w0, _even_up(ink[2])), min(h0, _even_up(ink[3])))
                variants["rest"] = [im.crop(cut) for im in variants["rest"]]
                px, py = px + cut[0], py + cut[1]
                moved_from = px
                ink = (ink[0] - cut[0], ink[1] - cut[1], ink[2] - cut[0], ink[3] - cut[1])
                lo, hi = c.X(0.03) - (px + ink[0]), c.X(0.97) - (px + ink[2])
                px += _even_down(lo) if lo > 0 else -_even_down(-hi) if hi < 0 else 0
        # 3. matte, downsample (box filter over the supersampled pixels), grade; lean after that
        layers = {"rest": _layer(variants["rest"], scene.mood, mean)}
        for name, pair in variants.items():  # blinks and open mouths: only what changed is made again
            if name != "rest":
                layers[name] = _changed_layer(layers["rest"], variants["rest"], pair, scene.mood, mean)
        sx, sy = px / SUPERSAMPLE, py / SUPERSAMPLE
        if st.pose.lean and not lying:
            anchor = (feet[0] / SUPERSAMPLE, feet[1] / SUPERSAMPLE)
            pad = round(max(layers["rest"].size) * 0.3)
            box: tuple[int, int, int, int] | None = None
            for name, im in layers.items():
                layers[name], box = _lean(im, -st.pose.lean * st.facing, anchor, pad, box)
            assert box is not None
            sx, sy = sx - pad + box[0], sy - pad + box[1]
        # 4. what must stay in view (keyframe pixels): the face and the prop in the paw, turned with a lean
        shift, s = px - moved_from, SUPERSAMPLE
        keep: dict[str, FaceBox] = {}
        parts = [("face", hx - half[0], hy - half[1], hx + half[0], hy + half[1])]
        if held is not None and not lying:
            (ux0, x1), (y0_, y1) = sorted((held[0] * st.facing, held[2] * st.facing)), (held[1], held[3])
            kneel = 9.0 if st.pose.body == "kneel" else 0.0
            gx = fx + members[-1][0] * u
            parts.append(("held", gx + ux0 * u, fy + (y0_ + kneel) * u, gx + x1 * u, fy + (y1 + kneel) * u))
        gear = gear_box(st.pose.marks)  # the gloves up, the rod and its line
        if gear is not None and not lying:
            name, (g0, gy0, g1, gy1) = gear
            (gx0, gx1), kneel = sorted((g0 * st.facing, g1 * st.facing)), 9.0 if st.pose.body == "kneel" else 0.0
            gx = fx + members[-1][0] * u
            parts.append((name, gx + gx0 * u, fy + (gy0 + kneel) * u, gx + gx1 * u, fy + (gy1 + kneel) * u))
        for name, bx0, by0, bx1, by1 in parts:
            cx, cy, rx, ry = (bx0 + bx1) / 2 + shift, (by0 + by1) / 2, (bx1 - bx0) / 2, (by1 - by0) / 2
            if st.pose.lean and not lying:  # turned with the body about the feet
                a = math.radians(-st.pose.lean * st.facing)
                cx, cy = (fx + (cx - fx) * math.cos(a) + (cy - fy) * math.sin(a),
                          fy - (cx - fx) * math.sin(a) + (cy - fy) * math.cos(a))
            keep[name] = ((cx - rx) / s, (cy - ry) / s, (cx + rx) / s, (cy + ry) / s)
        arrays = {name: np.asarray(im) for name, im in layers.items()}
        return Sprite(rgba=arrays["rest"], x=sx, y=sy, motion=st.motion, blink=arrays.get("blink"),
                      talk=arrays.get("talk"), speaker=st.id, phase=phase), keep


_REACHING = {"spill", "treat", "point", "push", "offer", "give", "catch"}  # actions done at someone within reach
_SHRINK = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75)  # the characters' sizes tried when sliding apart leaves a face covered


def _held_box(st: Staged) -> tuple[float, float, float, float] | None:
    """The held prop's box in pet units from the feet (x toward the facing side), as ``Pet.held`` draws it;
    the spilt cup with its drink in the air; None when nothing is held (or a necklace, worn)."""
    h = st.pose.holding
    if h is None or h.drawn == "necklace":
        return None
    style = arm_style(st.pose.arms, st.pose.action, st.pose.expression)
    paws = [arm_path(style, side)[-1] for side in (1, -1)]
    if st.pose.action == "spill":
        return paws[0][0] - 8, paws[0][1] - 18, paws[0][0] + 40, paws[0][1] + 6
    gx, gy = ((paws[0][0] + paws[1][0]) / 2, (paws[0][1] + paws[1][1]) / 2) if style in TWO_HANDED else paws[0]
    if style == "throw":  # thrown: flying off the paw
        gx, gy = gx + THROWN_OFF[0], gy + THROWN_OFF[1]
    k = held_size(h.drawn, style, HAND.get(h.drawn, 22.0)) / 100
    grip = GRIP.get(art(h), GRIP.get(h.drawn, (0.0, -45.0)))  # a variant held by its own grip
    ox, oy = gx - grip[0] * k, gy - grip[1] * k
    hw, ht = EXTENT.get(h.drawn, (52.0, 100.0))
    return ox - hw * k * 0.8, oy - ht * k * 0.9, ox + hw * k * 0.8, oy


HOME = frozenset({"bedroom"})  # where a pet is off work: no job costume it is not dressed in
DUTY = frozenset({"work", "catch"})  # …unless it works there (the police dog that comes to catch the thief)


def _dressed(st: Staged, persona: Persona, home: bool = False) -> Staged:
    """``st`` in its job's costume (at home only where the scene dresses it so)."""
    return replace(st, outfit=dress(st.outfit, persona, home))


def young_at_start(script: Script, looks: dict[str, PetLook]) -> dict[str, PetLook]:
    """``looks`` as the first scene draws them: a hero the premise calls a kitten or a puppy is drawn one (until
    ``grown_up_at``), never a grown pet beside its own words."""
    return {c.id: replace(looks[c.id], young=True, count=1) if c.id == "hero" and young_hero(c) else looks[c.id]
            for c in script.characters}


def grown_up_at(script: Script) -> int | None:
    """The first scene whose words say the young have grown up ("grows up", "years later", 长大), or None."""
    words = vocabulary().grown_up
    for i, scene in enumerate(script.scenes):
        text = " ".join([scene.narration, scene.setting, scene.caption, *(ln.text for ln in scene.dialogue)]).lower()
        if any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", text) if w.isascii() else w in text for w in words):
            return i
    return None


def _again(placed: list[PlacedProp], k: int) -> bool:
    """Whether ``placed[k]`` repeats an earlier prop drawn in the same place (two words, one drawing)."""
    pp = placed[k]
    return any((o.match.drawn, o.where, o.x, o.y) == (pp.match.drawn, pp.where, pp.x, pp.y) for o in placed[:k])


_SPREAD = {"crowd", "confetti"}  # meant to run past the frame's sides


def shown(camera: str, spec: RenderSpec) -> View:
    """The part of the visible frame (left, top, right, bottom fractions) that every window of ``camera``'s move
    shows: a pan's first and last windows each leave a side out, a push-in's last one both."""
    kw, kh = overscan_size(spec)
    ox, oy = (kw - spec.width) / 2, (kh - spec.height) / 2
    rects = [view_rect(camera, u, kw, kh, spec.width, spec.height) for u in (0.0, 0.5, 1.0)]
    x0, y0 = max(r[0] for r in rects), max(r[1] for r in rects)
    x1, y1 = min(r[0] + r[2] for r in rects), min(r[1] + r[3] for r in rects)
    return (x0 - ox) / spec.width, (y0 - oy) / spec.height, (x1 - ox) / spec.width, (y1 - oy) / spec.height


def _fit_prop(c: Canvas, pp: PlacedProp, view: View) -> tuple[float, float]:
    """A scene prop's bottom centre x and its pixels per prop unit, shrunk (to 60 % at least) and then moved
    inward so that it stays whole inside the safe area and inside every window of the camera move (a
    taxi is drawn whole; a pan never slides the burning house out)."""
    u = pp.size * c.vh / 100
    x = c.X(pp.x)
    if pp.match.drawn in _SPREAD:
        return x, u
    hw, h = EXTENT.get(pp.art, (52.0, 100.0))
    lo, hi = c.X(max(SAFE_X, view[0] + 0.01)), c.X(min(1 - SAFE_X, view[2] - 0.01))
    room = min(x - lo, hi - x)  # from its place to the nearer side
    u = max(min(u, room / hw), u * 0.6, 0.0)
    u = min(u, (hi - lo) / (2 * hw), (c.Y(pp.y) - c.Y(view[1] + 0.01)) / h)  # never wider or taller than shown
    return min(max(x, lo + hw * u), hi - hw * u), u


def _fit_props(c: Canvas, placed: list[PlacedProp], staged: list[Staged], view: View,
               young: dict[str, int]) -> list[tuple[float, float, bool]]:
    """Each prop's bottom centre x, pixels per prop unit, and whether it is brought before the characters:
    kept whole in every camera window (``_fit_prop``), then a ground prop (a car, a bed) moved where the
    characters hide least of it, or brought before them below their faces and their gear (gloves up, a
    fishing line) (``blocking.place_prop``)."""
    bodies: list[FaceBox] = []
    faces: list[FaceBox] = []
    for st in staged:  # where the characters will stand, from their slots (canvas pixels)
        u = c.vh * st.slot.height * (YOUNG_SCALE if st.id in young else 1.0) / 104
        x, feet = c.X(st.slot.x), c.Y(st.slot.feet)
        if st.pose.body in ("lying", "back"):
            bodies.append((x - 60 * u, feet - 50 * u, x + 60 * u, feet))
            continue
        bodies.append((x - 34 * u, feet - 96 * u, x + 34 * u, feet))
        faces.append((x - 30 * u, feet - 97 * u, x + 30 * u, feet - 46 * u))
        gear = gear_box(st.pose.marks)  # gloves up or a fishing line: kept in view like a face
        if gear is not None:
            g0, gy0, g1, gy1 = gear[1]
            (gx0, gx1) = sorted((x + g0 * u * st.facing, x + g1 * u * st.facing))
            faces.append((gx0, feet + gy0 * u, gx1, feet + gy1 * u))
    lo, hi = c.X(max(SAFE_X, view[0] + 0.01)), c.X(min(1 - SAFE_X, view[2] - 0.01))
    out = []
    for pp in placed:
        x, u = _fit_prop(c, pp, view)
        if pp.where != "ground" or pp.drawing or pp.match.drawn in _SPREAD:
            out.append((x, u, False))
            continue
        hw, h = EXTENT.get(pp.art, (52.0, 100.0))
        out.append(place_prop(hw, h, u, x, c.Y(pp.y), lo, hi, bodies, faces))
    return out


def _prop_sprite(c: Canvas, pp: PlacedProp, mood: str, mean: int, fit: tuple[float, float, bool]) -> Sprite:
    """A prop standing in front of the characters, as a still sprite."""
    x, u, _ = fit
    hw, h = EXTENT.get(pp.art, (52.0, 100.0))
    y = c.Y(pp.y)
    x0, y0 = _even_down(x - (hw + 6) * u), _even_down(y - (h + 6) * u)
    size = (_even_up(x + (hw + 6) * u) - x0, _even_up(y + 8 * u) - y0)
    pair = []
    for ground in ((0, 0, 0), (255, 255, 255)):
        img = Image.new("RGB", size, ground)
        pen = Pen(ImageDraw.Draw(img, "RGBA"), x - x0, y - y0, u)
        pen.lw = max(pen.lw, c.lw * 1.4)
        pen.ell(0, 0, hw * 0.7, 5, (0, 0, 0, 50), outline=False)
        draw_prop(pp.art, pen, pp.match.color)
        pair.append(img)
    rgba = np.asarray(_layer(pair, mood, mean))
    return Sprite(rgba=rgba, x=x0 / SUPERSAMPLE, y=y0 / SUPERSAMPLE, motion="still", speaker=None)


def _layer(pair: list[Image.Image], mood: str, mean: int) -> Image.Image:
    """Straight-alpha RGBA at keyframe scale from the drawing over black and over white."""
    alpha = ImageChops.invert(ImageChops.difference(pair[1], pair[0]).getchannel("G"))
    premultiplied = Image.merge("RGBa", (*pair[0].split(), alpha))
    return grade_sprite(premultiplied.reduce(SUPERSAMPLE).convert("RGBA"), mood, mean)


def _changed_layer(rest: Image.Image, rest_pair: list[Image.Image], pair: list[Image.Image], mood: str,
                   mean: int) -> Image.Image:
    """``_layer(pair)`` for a variant drawn over copies of ``rest_pair`` (eyes shut, mouth open): the
    rest pose's layer with the box where the drawings differ made again. ``_layer`` works pixel by
    pixel and block by block (the matte, the box filter, the grade about a given mean), so the box,
    on the block grid, comes out as the whole would: the same pixels for a fraction of the work."""
    s = SUPERSAMPLE
    w, h = pair[0].size
    if w % s or h % s or rest.size != (w // s, h // s):
        return _layer(pair, mood, mean)
    found = [b for b in (ImageChops.difference(a, b).getbbox() for a, b in zip(rest_pair, pair, strict=True))
             if b is not None]
    out = rest.copy()
    if found:
        x0, y0 = min(b[0] for b in found) // s * s, min(b[1] for b in found) // s * s
        x1, y1 = -(-max(b[2] for b in found) // s) * s, -(-max(b[3] for b in found) // s) * s
        out.paste(_layer([im.crop((x0, y0, x1, y1)) for im in pair], mood, mean), (x0 // s, y0 // s))
    return out


def _lean(im: Image.Image, angle: float, anchor: tuple[float, float], pad: int,
          box: tuple[int, int, int, int] | None) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """``im`` turned by ``angle`` degrees about ``anchor`` (the feet), cropped to ``box`` (the rest pose's)."""
    big = Image.new("RGBa", (im.width + 2 * pad, im.height + 2 * pad), (0, 0, 0, 0))
    big.paste(im.convert("RGBa"), (pad, pad))
    turned = big.rotate(angle, Image.Resampling.BICUBIC, center=(anchor[0] + pad, anchor[1] + pad))
    if box is None:
        box = turned.getchannel(3).getbbox() or (0, 0, 1, 1)
    return turned.crop(box).convert("RGBA"), box


def _lie_down(pair: list[Image.Image], feet: tuple[float, float], st: Staged, u: float, seed: int,
              at: tuple[float, float], lang: str = "en") -> tuple[list[Image.Image], tuple[int, int]]:
    """The upright drawing turned a quarter (exact transposes) with room above for the sleep marks;
    returns the images and their top-left on the background canvas (feet a half-body behind ``at``).
    Lying: the head toward the facing side, front down; on its ``back``: the front (paws, legs) up.
    One in bed (``st.bed``) lies on its mattress, head on the pillow, the blanket over it to the neck."""
    out = []
    pad = round((beds.ROOM if st.bed == "under" else 70) * u)  # room for the bed hidden under, behind its feet
    hd = st.facing if st.pose.body == "lying" else -st.facing  # the side the head points to
    turned_pair = []
    for im in pair:
        w, h = im.size
        if hd > 0:  # clockwise: (x, y) -> (h - 1 - y, x)
            turned_pair.append(im.transpose(Image.Transpose.ROTATE_270))
            rx, ry = h - 1 - feet[1], feet[0]
        else:  # counter-clockwise: (x, y) -> (y, w - 1 - x)
            turned_pair.append(im.transpose(Image.Transpose.ROTATE_90))
            rx, ry = feet[1], w - 1 - feet[0]
    rx, ry = rx + pad, ry + pad
    if st.bed:  # the pet over its bed by its own matte (over black, and its ink over white)
        dark, light = (np.asarray(im, dtype=np.float32) for im in turned_pair)
        alpha = 1.0 - (light - dark).max(axis=2, keepdims=True) / 255.0
    for turned, ground in zip(turned_pair, ((0, 0, 0), (255, 255, 255)), strict=True):
        tall = Image.new("RGB", (turned.width + 2 * pad, turned.height + (2 if st.bed else 1) * pad), ground)
        if st.bed:
            bed = Pen(ImageDraw.Draw(tall, "RGBA"), rx, ry, u, hd)
            beds.under(bed, st.bed)
            below = np.asarray(tall.crop((pad, pad, pad + turned.width, pad + turned.height)), dtype=np.float32)
            tall.paste(Image.fromarray(np.clip(dark + (1.0 - alpha) * below + 0.5, 0, 255).astype(np.uint8)),
                       (pad, pad))
            beds.over(Pen(ImageDraw.Draw(tall, "RGBA"), rx, ry, u, hd), st.bed, seed)
        else:
            tall.paste(turned, (pad, pad))
        head = (rx + 71 * u * hd, ry)
        draw_marks(Pen(ImageDraw.Draw(tall, "RGBA"), head[0], head[1] + 71 * u, u, hd), st.pose.marks,
                   -71.0, seed, lang)
        out.append(tall)
    behind = 52 if st.pose.action == "sleep" else 47  # asleep: room above the head for the zzz; else centred
    lift = beds.lift(st.bed) if st.bed else 0.0  # in bed: up on the mattress, the bed's legs on the floor
    target = (at[0] - behind * u * hd, at[1] - (26 + lift) * u)
    return out, (_even_down(target[0] - rx), _even_down(target[1] - ry))


def hazard_report(hazards: dict[str, str], floor: tuple[float, float, float, float],
                  spec: RenderSpec) -> list[dict[str, Any]]:
    """The report of each disaster asked (asked word -> drawing), drawn across the floor in ``floor``."""
    box = [round(floor[0] * spec.width), round(floor[1] * spec.height), round(floor[2] * spec.width),
           round(floor[3] * spec.height)]
    return [{"asked": p, "drawn": k, "how": "exact" if p == k else "alias", "where": "floor", "box": box}
            for p, k in hazards.items()]


def _scene_words(scene: Scene) -> str:
    """A scene's words for what its things are doing: narration, setting and asked things."""
    return " ".join([scene.narration, scene.setting, *scene.props])


def unseen(scene: Scene) -> list[dict[str, Any]]:
    """The report of each asked thing nothing drawable is near to ("weights", "the final"): drawn as nothing."""
    return [{"asked": m.asked, "drawn": None, "how": "none", "where": "none", "box": None}
            for m in map(match_prop, scene.props) if m.how == "fallback"]


def _scene_report(i: int, scene: Scene, weather: str, staged: list[Staged], placed: list[PlacedProp],
                  boxes: list[tuple[int, int, int, int] | None], sprites: list[Sprite],
                  shop: ShopMatch | None = None, faces: dict[str, dict[str, Box]] | None = None) -> dict[str, Any]:
    """What the scene asked for and what was drawn (props with how they were matched and where)."""
    by_id = {sp.speaker: sp for sp in sprites}

    def sprite_box(char_id: str) -> list[int]:
        sp = by_id[char_id]
        return [round(sp.x), round(sp.y), round(sp.x) + sp.rgba.shape[1], round(sp.y) + sp.rgba.shape[0]]

    props = []
    stuck = stuck_in_snow(_scene_words(scene), scene.weather)
    for pp, box in zip(placed, boxes, strict=True):
        entry = pp.match.as_dict() | {"where": pp.where} | ({"drawn_as": pp.drawing} if pp.drawing else {}) \
            | ({"laughing": True} if pp.jeering else {}) \
            | ({"stuck_in": "snow"} if stuck and pp.match.drawn == "car" and pp.where in ("back", "ground") else {})
        owner = pp.where.split(":", 1)[1] if ":" in pp.where else None
        entry["box"] = list(box) if box is not None else sprite_box(owner) if owner else None
        props.append(entry)
    props += unseen(scene)
    order = {asked: k for k, asked in reversed(list(enumerate(scene.props)))}
    props.sort(key=lambda e: order.get(e["asked"], len(order)))  # in the order asked; a treated patient last
    chars = []
    for app, st in zip(scene.characters, staged, strict=True):
        chars.append({
            "id": st.id, "action": st.pose.action, "arms": st.pose.arms, "body": st.pose.body,
            "job": st.pose.job, "expression": st.pose.expression, "outfit": st.outfit,
            "facing": "right" if st.facing > 0 else "left", "turned": st.turned, "target": app.target,
            "motion": st.motion, "marks": list(st.pose.marks),
            "holding": st.pose.holding.as_dict() if st.pose.holding else None,
            "rig": st.pose.rig.as_dict() if st.pose.rig else None, **({"bed": st.bed} if st.bed else {}),
            **({"view": "back"} if st.away else {}),  # one leaving, seen from behind going away
            **({"drawn_as": DROP} if st.drawn_as == DROP else {}),  # a thing dropped, tipping off its paw (any other
            # drawing of its own told over it, as ``story.drawings.own_drawings`` tells it)
            **({"drawn_as": st.pose.arms} if st.pose.arms in ("slap", "tear") else {}),  # a shove told as a slap
            # or as tearing a paper up
            **({"drawn_as": "carry on back"} if st.pose.arms == "piggy" else {}),  # one carrying another on its back
            **({"drawn_as": "on back"} if st.on_back else {}),  # the one it carries there
            **({"drawn_as": "hide under bed"} if st.bed == "under" else {}),  # flat under the bed, peeking out
            **({"drawn_as": "throw"} if st.pose.arms == "throw" else {}),  # the thing it holds flying off its paw
            **({"drawn_as": st.drawn_as} if st.drawn_as and st.drawn_as != DROP else {}),  # a rescue drawn as itself
            # (pull from ice, in well)
            "box": sprite_box(st.id),
            "face": list((faces or {}).get(st.id, {}).get("face", ())) or None,
            "held_box": list((faces or {}).get(st.id, {}).get("held", ())) or None,
            "gear_box": list(next((b for n, b in (faces or {}).get(st.id, {}).items() if n in ("gear", "line")),
                                  ())) or None,
        })
    drawn_weather: dict[str, Any] = {"weather": weather}
    if weather != scene.weather:
        drawn_weather["note"] = f"{scene.location} is drawn wet: rain" if weather == "rain" else \
            f"{scene.location} is indoors: no {scene.weather} falls"
    place = {"place": shop.asked} if shop is not None else {}
    drawn_place = {"place": shop.kind, "place_from": shop.source} if shop is not None else {}
    if scene.mood == "memory":  # graded as a memory (``Scene.memory``)
        drawn_place["look"] = "memory"
    return {
        "scene": i + 1,
        "asked": {
            "location": scene.location, **place, "time_of_day": scene.time_of_day, "weather": scene.weather,
            "props": list(scene.props),
            "characters": [{"id": a.id, "action": a.action, "target": a.target, "holding": a.holding,
                            "facing": a.facing, "expression": a.expression, "outfit": a.outfit}
                           for a in scene.characters],
        },
        "drawn": {"location": scene.location, **drawn_place, "time_of_day": scene.time_of_day, **drawn_weather,
                  "props": props,
                  "characters": chars},
    }
