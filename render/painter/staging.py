"""Staging a scene: where the characters stand, which way they face, what each does, and where the
asked props go. Pure: the painter draws what this decides and reports it.

Compositions: one character centred and large; two facing each other (hero left and nearer); three
with the hero in front and the rival and the rival's partner behind on either side.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from render.painter.geometry import BACK_GROUND, GROUND, HORIZON
from render.painter.poses import drink_of
from render.painter.props import EXTENT
from render.painter.vocabulary import SPILT, Pose, PropMatch, art, match_prop, spilt, stage_action, vocabulary
from story.dangers import drawn as danger_drawing
from story.dangers import in_drawing
from story.drawings import (
    DROP,
    FALL,
    PIN,
    PINNED,
    SLAP,
    TEAR,
    THROW_STANDINS,
    TRIP,
    back_carry,
    dropper,
    hider,
    in_danger,
    pins,
    rescue_drawing,
    scene_words,
    spilt_thing,
    struck,
    tells_throw,
    thrower,
    trips,
)
from story.script import Scene


@dataclass(frozen=True)
class Slot:
    x: float  # centre, fraction of visible width
    feet: float  # fraction of visible height
    height: float  # fraction of visible height


def layout(n: int) -> list[Slot]:
    """Where the scene's 1-3 characters stand; the first (the hero) is the largest and nearest."""
    if n <= 1:
        return [Slot(0.5, GROUND, 0.41)]
    if n == 2:
        return [Slot(0.3, GROUND, 0.365), Slot(0.71, BACK_GROUND, 0.325)]
    return [Slot(0.5, GROUND, 0.31), Slot(0.18, BACK_GROUND - 0.012, 0.265), Slot(0.82, BACK_GROUND - 0.012, 0.265)]


@dataclass(frozen=True)
class Staged:
    """One character as staged: its slot, the side it faces (+1 right, -1 left), pose and motion."""

    id: str
    slot: Slot
    facing: int
    turned: bool  # facing a side rather than the viewer
    pose: Pose
    motion: str
    outfit: str
    carried: bool = False  # a kitten or puppy in another's arms: drawn in front of its carrier
    on_back: bool = False  # carried on another's back (piggyback): drawn behind its carrier, raised over its back
    bed: str = ""  # lying ill or asleep in its bed: "home" (a quilt) or "hospital" (a white sheet, a drip); or
    # "under": hiding under a bed, on the floor beneath it, only its head peeking out
    away: bool = False  # seen from behind, going away: one who leaves (its back, its tail, no face)
    drawn_as: str = ""  # a rescue's own drawing (``story.drawings.rescue_drawing``): "pull from ice", "in well"


@dataclass(frozen=True)
class PlacedProp:
    match: PropMatch
    where: str  # "back" | "ground" (behind the characters) | "front" (before them) | "hand:<id>" | "rig:<id>"
    x: float  # bottom centre, fractions of the visible frame (scene props)
    y: float
    size: float  # height, fraction of the visible height
    drawing: str = ""  # the drawing when not the prop's own: a crowd as a stage's audience, a stadium's fans

    @property
    def art(self) -> str:
        return self.drawing or art(self.match)

    @property
    def jeering(self) -> bool:
        """A crowd asked as laughing at someone ("laughing crowd"): drawn as its place's crowd, laughing."""
        return _jeers(self.match)


def _jeers(m: PropMatch) -> bool:
    """A crowd asked as laughing at someone: faces shown laughing, wherever it is (never an audience's backs)."""
    return m.drawn == "crowd" and any(w in m.asked.lower() for w in JEERS)


JEERS = ("laughing", "jeering", "mocking", "sneering", "哄笑", "起哄", "嘲笑")  # a crowd's words that say it laughs at


_BACK_SLOTS = [(0.5, HORIZON + 0.01), (0.22, HORIZON + 0.01), (0.78, HORIZON + 0.01)]
_GROUND_XS = [0.88, 0.12, 0.36, 0.64, 0.5]
_LINES = {"queue"}  # a queue of pets along the back: those in the scene stand beside it, never before it
_WIDE_XS = [0.65, 0.35, 0.5]  # a wide ground prop (car, bed, patient) stands near the middle, where it fits
_BESIDE = {1: [Slot(0.27, GROUND, 0.375)],  # a lone pet beside a wide prop; two on either side of it
           2: [Slot(0.26, GROUND, 0.345), Slot(0.76, BACK_GROUND, 0.30)],
           # three: the hero on one side, the other two close together on the other, the prop between
           3: [Slot(0.2, GROUND, 0.3), Slot(0.84, BACK_GROUND, 0.255), Slot(0.66, BACK_GROUND - 0.012, 0.24)]}
# three where the two others are a pair (one with the other: the partner and its new love) and nobody touches
# the hero: the hero apart on one side, the pair together on the other, never the hero between them
_APART = [Slot(0.24, GROUND, 0.31), Slot(0.82, BACK_GROUND - 0.012, 0.265), Slot(0.6, BACK_GROUND - 0.012, 0.265)]
_TOUCH = {"hug", "give", "treat", "push", "spill", "fight", "catch", "kneel"}  # done within reach of the target
# hung on the wall above the pets' heads, where nobody hides it; a plane up in the sky beside their heads
# a variant bigger than the prop it is a kind of (a chest of gold, not a coin's worth of cash; a map to read on the
# sand; a truck or a bus taller than the pets)
_ART_SIZE = {"treasure chest": 0.15, "treasure box": 0.15, "treasure map": 0.11, "truck": 0.3, "bus": 0.3}
_PARKED = {"truck", "bus"}  # vehicles bigger than a pet: parked on the far ground behind the cast, at their size
_HIGH = {"company sign": (0.5, 0.43), "plane": (0.7, 0.27), "lanterns": (0.5, 0.3)}  # lanterns hang up high
# a crowd drawn for its place (``crowds`` in vocabulary.json): bottom centre x, y and height. The audience,
# seen from behind along the frame's foot, stays below the subtitles in every camera window (its ears and
# glow sticks below 0.88 of the visible frame: even a tilt's lowest window shows them under the subtitles)
_CROWD_SPOTS = {"audience": (0.5, 1.09, 0.3), "fans": (0.5, 0.53, 0.2), "onlookers": (0.5, HORIZON + 0.03, 0.19),
                "stunned crowd": (0.5, HORIZON + 0.03, 0.19), "crying crowd": (0.5, HORIZON + 0.03, 0.19),
                "laughing crowd": (0.5, HORIZON + 0.03, 0.19)}


# who may take an unclaimed prop: a rig (scooter, desk, wok, cradle, podium) or a prop for the paw
_RIG_TAKERS = {"stand", "walk", "work", "talk", "think", "sing", "wave"}
_HAND_TAKERS = {"stand", "walk", "talk", "wave", "celebrate", "sing", "give", "eat", "think", "point", "enter",
                "exit", "laugh", "shocked", "sneer", "study", "work", "kneel",  # the ring held up to the loved one
                "run"}  # a thief off with the sausages
_UNDER_WAY = {"walk", "run"}  # the legs of one walking or running (a stride, a kick-off)
_AT_SOMEONE = {"point", "hug", "push", "offer", "spill", "treat", "slap"}  # arms that reach toward the target
# the face of one who only stands while scorned: hurt by a sneer, a laugh or a finger pointed, startled by a shove
_SCORNED = {"sneer": "sad", "laugh": "sad", "point": "sad", "push": "shocked"}
# the payoff: one the hero turns to (not in a hug) in the story's triumph, who only stands, is stunned by it
_PAYOFF_MOODS = {"triumphant", "dramatic"}
_OWN_EFFECT = {"hug", "kneel", "treat", "spill", "fight", "catch"}  # a deed with its own effect on its target
_AIRLESS = {"space", "planet"}  # nobody stands there without a spacesuit
_WATERSIDE = {"lake", "beach", "sea"}  # places drawn with their own water: a fishing line goes into it (no pond)
_YOUNG_FIGURES = {"kitten", "puppy", "kittens", "puppies"}
_CARRIED = {"kitten", "puppy"}  # small enough to be carried in a rescue
_CARRIERS = {"hug", "walk", "run", "stand", "enter", "exit"}
_SHOW_OFF = {"laugh", "sneer", "point", "celebrate"}  # may stand in a rig they show off, keeping their arms
_SHOWN_OFF = {"yacht", "car"}
_VESSELS = {"yacht"}  # a boat of any kind (a fishing boat, a pirate ship: the yacht's variants)
_ARRIVING = {"enter", "exit"}  # who comes or goes where a car or a scooter waits comes or goes in it
_RIDDEN = {"car", "delivery scooter"}
# a pet walking up to one of these is its customer or visitor, not the one who works at it
_WORKED_AT = {"food stall", "wok", "office desk", "easel", "window-cleaning cradle", "podium"}
_RIG_ARMS = {"delivery scooter": "wheel", "car": "wheel", "office desk": "desk", "wok": "cook",
             "window-cleaning cradle": "scrub", "podium": "gesture", "food stall": "gesture", "easel": "scrub",
             "yacht": "wave"}


_BEDS = {"bedroom": "home", "hospital": "hospital"}  # where one lying ill or asleep lies in its own bed
_IN_BED = {"sick", "sleep"}
_BED = "hospital bed"  # a bed asked ("bed", 病床): the bed the one lying ill is drawn in, never a second one


def _bedded(scene: Scene, matches: list[PropMatch]) -> set[str]:
    """Who lies in its bed: one ill or asleep (or treated, so lying bandaged) in a bedroom or a hospital, or
    wherever a bed is asked."""
    if scene.location not in _BEDS and not any(m.drawn == _BED for m in matches):
        return set()
    treated = {a.target for a in scene.characters if a.action == "treat" and a.target != a.id}
    return {a.id for a in scene.characters if a.action in _IN_BED or a.id in treated}


def _bed(scene: Scene, st: Staged, bedded: set[str]) -> str:
    """The bed ``st`` is drawn in ("home", "hospital"), or "" where it is not lying ill or asleep in one."""
    if st.id not in bedded or st.pose.body != "lying" or st.carried:
        return ""
    return _BEDS.get(scene.location, "home")


# a thing thrown away where the scene's words tell it (``story.drawings.tells_throw``): the thrower's paw flung up and
# out, the thing flying off from it along its arc
_THROWN_FIRST = ("ring", "phone", "letter", "flowers", "necklace", "money", "gift box")  # what is thrown, likeliest
_THROWN_AT = {"money"}  # a thing on the ground unless thrown at someone ("throws cash at the poor puppy"): then flung


def _throws(scene: Scene, staged: list[Staged], matches: list[PropMatch], cast: list[str] | None) -> list[Staged]:
    """The thing thrown away where the scene's words tell a throw and ask a thing for the paw (or cash, thrown at
    someone): held by the one holding it, else the thrower (``story.drawings.thrower``: the hero, or the one who
    throws at another) in its flung paw, drawn flying off (arms "throw")."""
    if not staged or not tells_throw(scene):
        return staged
    vocab = vocabulary()
    ids = [st.id for st in staged]
    who = scene.characters[ids.index(thrower(scene, cast))]
    at = who.target in ids and who.target != who.id and who.action in THROW_STANDINS  # flung at it, not given
    hand = [m for m in matches if vocab.props[m.drawn].layer == "hand" or at and m.drawn in _THROWN_AT]
    if not hand:
        return staged
    thing = min(hand, key=lambda m: _THROWN_FIRST.index(m.drawn) if m.drawn in _THROWN_FIRST else 99)
    holder = next((k for k, st in enumerate(staged) if st.pose.holding is not None and
                   st.pose.holding.drawn == thing.drawn), None)
    k = holder if holder is not None else ids.index(who.id)
    st = staged[k]
    if st.carried or st.on_back or st.pose.body != "stand" or st.pose.rig is not None:
        return staged
    out = list(staged)
    face = "crying" if st.pose.expression == "crying" else "angry"
    out[k] = replace(st, turned=True, pose=replace(st.pose, arms="throw", holding=thing, lean=8.0, expression=face,
                                                   marks=tuple(m for m in st.pose.marks if m == "tears")))
    return out


def _spilt_prop(scene: Scene, matches: list[PropMatch]) -> PropMatch:
    """What the scene's words tell dropped or spilt, as a thing that tips out (``SPILT``): the scene's own the words
    name ("a tray of drinks": the tray), else the words' own (the wine: a cup), else the scene's first, else a cup."""
    said = spilt_thing(scene_words(scene))
    own = spilt(said) if said else None
    there = [m for m in matches if m.drawn in SPILT]
    named = next((m for m in there if own is not None and m.drawn == own.drawn), None)
    if named is not None and said:
        return replace(named, asked=said)  # the scene's own cup, asked as the wine it holds
    return own or (there[0] if there else PropMatch("cup", "coffee cup", "nearest"))


def _dropped(scene: Scene, staged: list[Staged], matches: list[PropMatch], cast: list[str] | None) -> list[Staged]:
    """A thing dropped, spilt or knocked over where the scene's words tell it (``story.drawings.dropper``): the one
    who drops it tipping it off its paw (arms "spill"), gasping; the one it lands on soaked in it, else the thing
    splattered on the floor before it (a ``splat`` mark)."""
    who = dropper(scene, cast)
    ids = [st.id for st in staged]
    if who is None or who not in ids:
        return staged
    k = ids.index(who)
    st, app = staged[k], scene.characters[k]
    if st.carried or st.on_back or st.pose.body != "stand" or st.pose.rig is not None:
        return staged
    thing = _spilt_prop(scene, matches)
    aimed = app.target in ids and app.target != app.id
    marks = (*(m for m in st.pose.marks if m not in ("shock", "tears")), "shock",
             *(() if aimed else (f"splat:{drink_of(thing.asked) or thing.drawn}",)))
    out = list(staged)
    pose = replace(st.pose, action="spill", arms="spill", holding=thing, lean=8.0, expression="shocked", marks=marks)
    out[k] = replace(st, turned=True, drawn_as=DROP if st.drawn_as in ("", FALL) else st.drawn_as, pose=pose)
    # its report says 'drop' (trips and drops the tray: the tray tumbling off its paw)
    if aimed:
        t = ids.index(str(app.target))
        them = out[t]
        if them.pose.body == "stand" and not them.carried:  # soaked in what was spilt (not the first drink there)
            out[t] = replace(them, pose=replace(them.pose, expression="shocked", marks=(
                *(m for m in them.pose.marks if not m.startswith("soaked")),
                f"soaked:{drink_of(thing.asked) or thing.drawn}")))
    return out


# one locked in a cage (locked in a cage at the pet market, 被关在笼子里, trapped in a crate): bars before it, its
# tray under its feet
_CAGED = re.compile(r"\b(?:in|inside|into)\s+(?:a|the|his|her|its|their|an)\s+(?:\w+\s+)?(?:cage|crate|kennel cage)s?\b|"
                    r"\bcaged\b|关在[^，。！？]{0,4}笼|笼子里|笼中|铁笼")


# a pet the premise puts in a shop's or shelter's cage (宠物店笼子里的小狗, 在宠物店的笼子里等了三年, "a puppy in a
# cage at the pet shop"): caged in every scene at the shop, not only where a line says so
_CAGED_AT_SHOP = re.compile(r"(?:宠物店|收容所|pet shop|pet store|shelter)[^，。！？,.!?]{0,12}?(?:笼|cage)|"
                            r"\bcage\b[^,.!?]{0,16}?\b(?:pet shop|pet store|shelter)\b")


def _caged(scene: Scene, staged: list[Staged], cast: list[str] | None, premise: str = "") -> list[Staged]:
    """The hero (else the first on screen) standing, sitting or crying inside a cage where the scene's words tell
    it, or in a shop where the premise cages it at the shop: a ``caged`` mark, the bars drawn over it; none when it
    only acts on another (it is let out)."""
    at_shop = scene.location == "shop" and _CAGED_AT_SHOP.search(premise.lower()) is not None
    if not staged or not (_CAGED.search(scene_words(scene)) or at_shop):
        return staged
    ids = [st.id for st in staged]
    k = ids.index(cast[0]) if cast and cast[0] in ids else 0
    st, app = staged[k], scene.characters[k]
    if st.pose.body != "stand" or st.carried or st.on_back or st.pose.rig is not None or \
            app.target is not None and app.target != app.id:
        return staged
    out = list(staged)
    out[k] = replace(st, motion="idle", pose=replace(st.pose, arms="droop" if st.pose.arms == "down" else
                                                     st.pose.arms, legs="still", holding=None, lean=0.0,
                                                     marks=(*st.pose.marks, "caged")))
    return out


def _under_bed(scene: Scene, staged: list[Staged], cast: list[str] | None) -> list[Staged]:
    """One hiding under the bed where the scene's words tell it: the hero (else the one the words name first)
    flat on its front beneath the bed, scared, shivering (``bed`` "under"; ``story.drawings.hider``); the others as
    they were."""
    who = hider(scene, cast)
    if who is None:
        return staged
    ids = [st.id for st in staged]
    k = ids.index(who)
    st = staged[k]
    if st.carried or st.pose.rig is not None or st.on_back:
        return staged
    out = list(staged)
    out[k] = replace(st, motion="still", turned=True, away=False, bed="under", pose=replace(
        st.pose, body="lying", arms="down", legs="still", lean=0.0, expression="shocked", marks=("shiver",),
        motion="still", holding=None))
    return out


def _pair_apart(scene: Scene, hero: str | None) -> bool:
    """Three on stage, the two besides the hero a pair (one's target the other) and nobody reaching across
    to or from the hero: the pair stands together, the hero apart (the one left behind, watching them go)."""
    apps = scene.characters
    if len(apps) != 3 or hero not in {a.id for a in apps}:
        return False
    others = {a.id for a in apps if a.id != hero}
    paired = any(a.id in others and a.target in others - {a.id} for a in apps)
    touches = any(a.action in _TOUCH and (a.id == hero and a.target in others or a.target == hero) for a in apps)
    return paired and not touches


def _wide(drawn: str) -> bool:
    """A ground prop as wide as a pet or wider (a car, a hospital bed): it needs the middle of the frame."""
    kind = vocabulary().props[drawn]
    return drawn in _LINES or kind.layer == "ground" and (EXTENT.get(drawn, (52.0, 100.0))[0] * kind.size >= 12 or
                                       drawn in _YOUNG_FIGURES)  # the kitten fed: beside the hero, not far off


def _says_ladder(scene: Scene) -> bool:
    """Whether the scene tells of a ladder (a climb indoors is up the stairs unless it does): its narration,
    setting, props and lines, not the visual prompt (whose "holding a ladder" is only the pose's default)."""
    text = " ".join([scene.narration, scene.setting, *scene.props, *(ln.text for ln in scene.dialogue)]).lower()
    return "ladder" in text or "梯子" in text


_WASHED_SIZE = 1.6  # a washed car drawn this much bigger than a car in the street: the scene is about it
# a shove the scene's words tell as into the water (pushes him into the pool, 把橘猫推进了泳池): the one shoved is in
# it up to the chest, paws up, splashing
_INTO_WATER = re.compile(r"\binto the (?:pool|water|river|lake|sea|pond|fountain)\b|"
                         r"推(?:进|下|到|入).{0,4}(?:水|河|湖|泳池|池|海)")
# a rescue the scene's words tell (saves her from a burning house, 从火里救出, pulls him out of the river): the one
# saved, hugged or carried, bears what it was saved from (soot and smoke, or dripping water), the rescuer no heart eyes
_RESCUING = re.compile(r"\b(?:save|saves|saved|saving|rescue|rescues|rescued|rescuing|pull|pulls|pulled)\b|救")
_FROM = {"soot": re.compile(r"\b(?:fire|fires|burning|flames?|blaze|smoke|smoky)\b|火|烟"),
         "soaked:": re.compile(r"\b(?:drown|drowns|drowning|drowned|river|lake|sea|ocean|pool|water|flood|flooded|"
                               r"waves?)\b|溺水|落水|水里|河|湖|海里|泳池|洪水")}
_WASHING = re.compile(r"\b(?:wash|washes|washed|washing|scrub|scrubs|scrubbed|scrubbing|soap|soapy|suds)\b|洗车|擦车|洗了|刷车")


def _washes(scene: Scene, premise: str = "") -> bool:
    """Whether the scene or the premise tells of washing or scrubbing (a car wash, 洗车): the premise, the scene's
    narration, setting, props and lines, so the car a pet works at is washed, never driven."""
    text = " ".join([premise, scene.narration, scene.setting, *scene.props, *(ln.text for ln in scene.dialogue)]).lower()
    return bool(_WASHING.search(text))


def _on_back(scene: Scene, staged: list[Staged], cast: list[str] | None, premise: str,
             young: Mapping[str, int]) -> list[Staged]:
    """One carried on another's back, where the scene tells it (``story.drawings.back_carry``: the carrier the one
    with a target, else the hero; the rider its target, else the one other on screen): the carrier turned its way,
    bent forward, paws back under the rider; the rider up on its back, a little smaller, leaning over its
    shoulders, arms round it. Neither where the carrier lies, or rides a scooter the scene asks for."""
    carry = back_carry(scene, cast, premise, {st.id: st.pose.action for st in staged})
    if carry is None:
        return staged
    ids = [a.id for a in scene.characters]
    doer, rider_id = ids.index(carry[0]), carry[1]
    carrier = staged[doer]
    if carrier.carried or carrier.pose.body != "stand" or carrier.pose.rig is not None and \
            any(match_prop(p).drawn == carrier.pose.rig.drawn for p in scene.props):  # a scooter asked is ridden;
        # the work pose's own one is left where the words tell the carry
        return staged
    t = ids.index(rider_id)
    rider = staged[t]
    if rider.pose.body != "stand" or rider.carried or rider.pose.rig is not None:
        return staged
    out = list(staged)
    s0 = carrier.slot
    face = carrier.facing
    out[doer] = replace(carrier, turned=True, away=False, motion="idle", pose=replace(
        carrier.pose, action=carrier.pose.action, arms="piggy", legs="walk", lean=10.0, expression="determined",
        holding=None, rig=None, marks=tuple(m for m in carrier.pose.marks if m in ("soot", "sweat"))))
    # a kitten or puppy (drawn small) higher and further back, so its head shows over the carrier's shoulder
    at = Slot(s0.x - 0.1 * face, s0.feet - s0.height * 0.56, s0.height) if young.get(rider_id) else \
        Slot(s0.x - 0.085 * face, s0.feet - s0.height * 0.46, s0.height * 0.8)
    weary = rider.pose.expression if rider.pose.expression in ("sad", "tired", "crying", "happy") else "tired"
    out[t] = replace(rider, slot=at, facing=face, turned=True, carried=True, on_back=True, away=False,
                     motion="idle", pose=replace(rider.pose, arms="hug", legs="still", lean=16.0, expression=weary,
                                                 holding=None, rig=None, motion="still"))
    return out


_REACH_GAP = 0.2  # how far (frame widths) before the rescuer the one it reaches down to is drawn


def _in_it(st: Staged, danger: str, facing: int) -> Staged:
    """One in a danger (``story.dangers``): in the ice hole, the well, the net, the snow or the water to its chest,
    or trapped in the fire, flames round it, sooty (the danger's marks), paws up, crying, turned to ``facing``."""
    drawn_as, marks = in_drawing(danger)
    pose = replace(st.pose, arms="up", legs="still", lean=0.0, expression="crying", holding=None, rig=None,
                   motion="still", marks=marks)
    if danger == "tree":  # up the tree: lifted on its trunk, clinging
        pose = replace(pose, action="climb")
    return replace(st, turned=True, facing=facing, motion="idle", drawn_as=drawn_as, pose=pose)


def _rescue(scene: Scene, staged: list[Staged], cast: list[str] | None, premise: str, young: Mapping[str, int],
            before: bool, held: bool = False) -> list[Staged]:
    """A rescue from a danger the scene tells (``story.drawings.rescue_drawing``) drawn as what it is: out of a
    fire, the one saved carried (in the rescuer's arms if young, else on its back), both sooty, walking out; from
    the ice, a well, a net, the snow or the water, the one saved in it (``_in_it``) just before the rescuer, who
    leans over it, both paws reaching down to it. ``before`` the rescue, the one in the danger the scene names
    (``story.drawings.in_danger``; ``held``: drawn in it since an earlier scene) is drawn in it."""
    ids = [a.id for a in scene.characters]
    rescue = rescue_drawing(scene, cast, premise)
    out = list(staged)
    if rescue is None:
        endangered = in_danger(scene, cast, premise, held) if before else None
        if endangered is not None:
            k = ids.index(endangered[0])
            st = out[k]
            if st.pose.body == "stand" and not st.carried and not st.on_back:
                out[k] = _in_it(st, endangered[1], st.facing)
        return out
    doer, saved, danger = rescue
    r, t = ids.index(doer), ids.index(saved)
    rescuer, them = out[r], out[t]
    if rescuer.carried or rescuer.on_back or them.on_back or rescuer.pose.body != "stand" or \
            them.pose.body != "stand":
        return out
    d = danger_drawing(danger)
    s0 = rescuer.slot
    if danger == "fire":  # carried out of the fire: sooty both, the rescuer walking, determined
        face = rescuer.facing
        out[r] = replace(rescuer, turned=True, away=False, motion="idle", drawn_as=d["rescuer"], pose=replace(
            rescuer.pose, arms="belly" if young.get(saved) else "piggy", legs="walk", lean=0.0 if young.get(saved)
            else 10.0, expression="determined", holding=None, rig=None, marks=("soot",)))
        weary = "crying" if them.pose.expression != "tired" else "tired"
        if young.get(saved):  # held to the chest
            at = Slot(s0.x + 0.035 * face, s0.feet - s0.height * 0.17, s0.height * 0.78)
            out[t] = replace(them, slot=at, facing=face, turned=True, carried=True, away=False, motion="idle",
                             drawn_as=d["saved"], pose=replace(them.pose, lean=0.0, expression=weary, holding=None,
                                                               rig=None, marks=("soot",), motion="still"))
        else:  # on its back
            at = Slot(s0.x - 0.085 * face, s0.feet - s0.height * 0.46, s0.height * 0.8)
            out[t] = replace(them, slot=at, facing=face, turned=True, carried=True, on_back=True, away=False,
                             motion="idle", drawn_as=d["saved"], pose=replace(
                                 them.pose, arms="hug", legs="still", lean=16.0, expression=weary, holding=None,
                                 rig=None, marks=("soot",), motion="still"))
        return out
    face = 1 if them.slot.x >= s0.x else -1
    x = min(0.86, max(0.14, s0.x + _REACH_GAP * face))
    if abs(x - s0.x) < _REACH_GAP * 0.9:  # no room on that side: reach the other way
        face, x = -face, s0.x - _REACH_GAP * face
    pose = replace(rescuer.pose, arms="reach", legs="still", lean=14.0, expression="determined", holding=None,
                   rig=None, motion="still", marks=())
    if danger == "tree":  # up its ladder, reaching across to the one in the tree
        pose = replace(pose, action="climb", marks=("ladder",), lean=0.0)
    out[r] = replace(rescuer, facing=face, turned=True, away=False, motion="idle", drawn_as=d["rescuer"], pose=pose)
    out[t] = _in_it(replace(them, slot=Slot(x, them.slot.feet, them.slot.height)), danger, -face)
    return out


_PIN_GAP = 0.17  # how far (frame widths) before the catcher the one it pins lies


def _pinned(scene: Scene, staged: list[Staged], cast: list[str] | None, premise: str) -> list[Staged]:
    """A thief caught and pinned down (``story.drawings.pins``): the one caught flat on the ground just before the
    catcher, gasping; the catcher leaning over it, both paws pressing it down, determined. Nothing where either is
    already drawn otherwise (carried, in a rescue, in bed) or does not stand."""
    pinned = pins(scene, cast, premise)
    if not pinned:
        return staged
    ids = [st.id for st in staged]
    doer = next(i for i, d in pinned.items() if d == PIN)
    them = next(i for i, d in pinned.items() if d == PINNED)
    r, t = ids.index(doer), ids.index(them)
    catcher, caught = staged[r], staged[t]
    if any(st.carried or st.on_back or st.drawn_as or st.pose.body != "stand" or st.pose.rig for st in (catcher, caught)):
        return staged
    s0 = catcher.slot
    face = 1 if caught.slot.x >= s0.x else -1
    x = min(0.84, max(0.16, s0.x + _PIN_GAP * face))
    if abs(x - s0.x) < _PIN_GAP * 0.9:  # no room on that side: pin it down on the other
        face, x = -face, s0.x - _PIN_GAP * face
    out = list(staged)
    out[r] = replace(catcher, facing=face, turned=True, away=False, motion="idle", drawn_as=PIN, pose=replace(
        catcher.pose, arms="reach", legs="still", lean=18.0, expression="determined", holding=None, motion="still",
        marks=()))
    out[t] = replace(caught, slot=Slot(x, s0.feet, caught.slot.height), facing=face, turned=True, away=False,
                     motion="idle", drawn_as=PINNED, pose=replace(
                         caught.pose, body="lying", arms="down", legs="still", lean=0.0, expression="shocked",
                         holding=None, motion="still", marks=("shock",)))
    return out


def _rescued_from(scene: Scene, premise: str = "") -> str | None:
    """What the scene's rescue saves from, as the mark the one saved bears ("soot", "soaked:" water), by its words
    (narration, lines, setting, asked things), else the premise's ("falls into the river…, the cat saves it");
    None where the scene tells no rescue or it is from none of these."""
    text = scene_words(scene)
    if not _RESCUING.search(text):
        return None
    for words in (" ".join([text, scene.setting, *scene.props]).lower(), premise.lower()):
        mark = next((mark for mark, found in _FROM.items() if found.search(words)), None)
        if mark is not None:
            return mark
    return None


def _acted_on(scene: Scene, staged: list[Staged], ids: list[str], cast: list[str] | None = None,
              premise: str = "") -> list[Staged]:
    """The targets of ``spill`` (soaked in its drink, shocked), ``treat`` (lying down, bandaged), ``fight``
    (its fists up in gloves too) and ``catch`` (paws up, shocked); one who only stands with a plain face while
    sneered, laughed or pointed at is hurt (pushed: startled), and one the hero (``cast[0]``) turns to in a
    triumphant or dramatic scene is stunned; a pet rolling in the snow kicks up snow (elsewhere it only rolls);
    one slapped bears the paw print; one hugged in a rescue from a fire or the water (``premise`` may say which)
    bears the soot or the water."""
    out = list(staged)
    hero = cast[0] if cast else None
    saved_from = _rescued_from(scene, premise)
    for app, st in zip(scene.characters, staged, strict=True):
        if st.pose.action == "roll" and scene.weather != "snow":
            out[ids.index(app.id)] = replace(st, pose=replace(st.pose, marks=tuple(
                m for m in st.pose.marks if m != "flecks")))
        if app.target not in ids or app.target == app.id:
            continue
        t = ids.index(app.target)
        them = out[t]
        plain = them.pose.action == "stand" and them.pose.expression == "neutral" and not them.carried
        if saved_from and st.pose.action == "hug" and them.pose.body == "stand" and them.pose.rig is None:
            out[t] = replace(them, pose=replace(them.pose, expression="crying", holding=None, marks=(
                *(m for m in them.pose.marks if m not in ("tears", "shiver")), saved_from)))
            # saved: sooty or dripping, in tears of relief, held by the one who saved it
        elif st.pose.action == "push" and st.pose.arms == "push" and them.pose.body == "stand" and \
                not them.carried and them.pose.rig is None and _INTO_WATER.search(scene_words(scene)):
            out[t] = replace(them, turned=True, facing=1 if st.slot.x > them.slot.x else -1, pose=replace(
                them.pose, arms="up", expression="shocked", marks=("splash",), holding=None, lean=0.0))
            # shoved into the water: in it to the chest, paws up, splashing
        elif st.pose.arms == "slap" and them.pose.body == "stand" and not them.carried and them.pose.rig is None:
            out[t] = replace(them, turned=True, facing=1 if st.slot.x > them.slot.x else -1, pose=replace(
                them.pose, arms="droop", expression="shocked", marks=("slapped", "shock"), holding=None, lean=0.0))
            # slapped: a red paw print on the cheek turned to the one who slapped, stunned, paws down
        elif st.pose.action == "spill":
            held = st.pose.holding.drawn if st.pose.holding else ""
            out[t] = replace(them, pose=replace(them.pose, expression="shocked",
                                                marks=(*them.pose.marks, f"soaked:{held}")))
        elif st.pose.action == "fight" and them.pose.body == "stand" and not them.carried and them.pose.rig is None:
            out[t] = replace(them, turned=True, facing=1 if st.slot.x > them.slot.x else -1, pose=replace(
                them.pose, action="fight", arms="box", expression="angry", marks=("gloves",), holding=None))
            # a fight has two sides: the target's fists up too, facing the one who fights it
        elif st.pose.action == "treat" and them.pose.body == "stand" and not them.carried:
            out[t] = replace(them, motion="still", pose=replace(
                them.pose, body="lying", arms="down", legs="still", lean=0.0, expression="sad", marks=("bandage",),
                motion="still", rig=None, holding=None))
        elif st.pose.action == "catch" and them.pose.body == "stand" and not them.carried and them.pose.rig is None:
            out[t] = replace(them, pose=replace(them.pose, arms="up", expression="shocked", marks=("sweat",),
                                                holding=None))  # caught: paws up, a bead of sweat
        elif plain and st.pose.action in _SCORNED:
            out[t] = replace(them, pose=replace(them.pose, expression=_SCORNED[st.pose.action]))
        elif plain and app.id == hero and scene.mood in _PAYOFF_MOODS and st.pose.action not in _OWN_EFFECT:
            out[t] = replace(them, pose=replace(them.pose, expression="shocked"))  # the mocker's jaw drops
    return out


def stage_scene(scene: Scene, cast: list[str] | None = None, young: Mapping[str, int] | None = None,
                premise: str = "", before: bool = False, held: bool = False) -> tuple[list[Staged], list[PlacedProp]]:
    """Slots, facing, poses and motions for the scene's characters (in scene order), and where every asked
    prop is drawn. ``cast`` (the script's character ids, hero first) gives the hero the front slot;
    ``young`` (kittens and puppies: how many each character is) shiver where they would only stand out
    in the rain or snow, and one young one is carried by whoever rescues or hugs it; ``premise`` (the script's)
    says what a pet works at all along (a car wash: the car washed in every scene it works at it); a rescue from a
    danger is drawn as what it is (``_rescue``; ``before``: the scene comes before the premise's rescue, whose one
    in danger is drawn in it; ``held``: the hero already drawn in it in an earlier scene, still in it here)."""
    young = young or {}
    vocab = vocabulary()
    # a thing nothing drawable is near to ("weights", "the final", a score) is drawn as nothing at all, never
    # as a stand-in present: the report says so (``unseen``)
    matches = [m for m in map(match_prop, scene.props) if m.how != "fallback"]
    if scene.location == "sea":  # the boat at sea is the deck its cast stands on (the background), never a rig
        matches = [m for m in matches if m.drawn not in _VESSELS]
    ids = [a.id for a in scene.characters]
    if any(a.action == "treat" and a.target not in ids for a in scene.characters) and not any(
            m.drawn in ("patient", "hospital bed") for m in matches):
        matches.append(PropMatch("patient", "patient", "exact"))  # treating nobody reads as nothing: the patient
    rank = {cid: i for i, cid in enumerate(cast or [])}
    order = sorted(range(len(scene.characters)), key=lambda k: (rank.get(scene.characters[k].id, 99), k))
    bedded = _bedded(scene, matches)
    washing = _washes(scene, premise) and any(m.drawn == "car" for m in matches)  # the car at a car wash
    wide = [m for m in matches if _wide(m.drawn) and not (bedded and m.drawn == _BED)]  # the bed is its own
    layout_slots = layout(len(scene.characters))
    if wide and len(scene.characters) <= 3:  # pets beside the taxi or the bed, not hiding it
        layout_slots = _BESIDE[len(scene.characters)]
    elif _pair_apart(scene, cast[0] if cast else None):  # the cheating pair together, the hero apart
        layout_slots = _APART
    slots = [layout_slots[order.index(k)] for k in range(len(scene.characters))]
    xs = {a.id: s.x for a, s in zip(scene.characters, slots, strict=True)}
    staged: list[Staged] = []
    struck_as = {**trips(scene, cast), **struck(scene, cast)}
    for app, slot in zip(scene.characters, slots, strict=True):
        cold = scene.weather != "clear" and scene.location in vocab.outdoor
        act = "shiver" if app.id in young and app.action == "stand" and cold else app.action
        pose = stage_action(act, app.expression, app.holding, matches, scene.location)
        if "ladder" in pose.marks and scene.location not in vocab.outdoor and not _says_ladder(scene):
            pose = replace(pose, marks=tuple("stairs" if m == "ladder" else m for m in pose.marks))
        ride = next((m for m in matches if m.drawn in _RIDDEN), None)
        if pose.action in _ARRIVING and pose.rig is None and ride is not None and \
                not any(st.pose.rig == ride for st in staged):  # "comes back in a golden car": it drives in
            pose = replace(pose, rig=ride, arms=_RIG_ARMS[ride.drawn], legs="still")
        if pose.job == "taxi" and washing:  # a car wash: the car scrubbed with a sponge, not driven off
            job = vocab.jobs["carwash"]
            pose = replace(pose, job="carwash", rig=None, arms=job["arms"],
                           holding=PropMatch("sponge", job["holding"], "alias"))
        if pose.expression == "neutral" and scene.mood == "triumphant" and cast and app.id == cast[0]:
            pose = replace(pose, expression="happy")  # the hero's triumph: glad, never blank
        if struck_as.get(app.id) == TEAR:  # a shove told as tearing a paper up, or as a slap (``story.drawings``)
            pose = replace(pose, arms="tear", lean=0.0, expression="angry", marks=("torn",), holding=None,
                           legs="still" if pose.legs in _UNDER_WAY else pose.legs,
                           motion="idle" if pose.motion in ("enter", "exit") else pose.motion)  # stops to tear it
        elif struck_as.get(app.id) == SLAP:
            pose = replace(pose, arms="slap", lean=6.0, expression="angry", marks=("smack",), holding=None,
                           motion="idle")
        elif struck_as.get(app.id) == FALL and pose.body == "stand" and pose.rig is None:
            # one who trips: pitched forward mid-fall, paws flung up, legs kicked out behind, gasping
            pose = replace(pose, arms="up", legs="run", lean=38.0, expression="shocked", marks=("shock",),
                           motion="idle")
        elif struck_as.get(app.id) == TRIP and pose.body == "stand" and pose.rig is None:
            # one who trips another: stands still, its front foot stuck out in the other's way, smirking
            pose = replace(pose, arms="crossed", legs="kick", lean=-4.0, expression="smug", marks=(), holding=None,
                           motion="idle")
        if "rod" in pose.marks and scene.location in _WATERSIDE:
            pose = replace(pose, marks=tuple("rod:shore" if m == "rod" else m for m in pose.marks))
        if pose.action == "hug" and pose.expression == "love" and (
                any(m.drawn == "patient" for m in matches) or _rescued_from(scene, premise) is not None):
            pose = replace(pose, expression="determined")  # caring for a patient, or a rescue: no heart eyes
        feeds = app.target in young or any(m.drawn in _YOUNG_FIGURES for m in matches)
        if pose.action == "give" and feeds and pose.holding is not None and pose.holding.drawn == "gift box" and \
                not any(m.drawn == "gift box" for m in matches):  # what a stray kitten is given is food
            pose = replace(pose, holding=PropMatch("food bowl", "food bowl", "exact"))
        # 1. facing: a sulking pet's back to the others; toward the target (a pet pointing, sneering or hugging
        #    never turns its back on whom it means: the writer can't know who stands on which side), else toward the one acting on
        #    it, else the writer's side, else toward the middle of the frame
        by = next((a.id for a in scene.characters if a.target == app.id and a.id != app.id and a.id in xs), None)
        if pose.action == "sulk" and len(scene.characters) > 1 and slot.x != 0.5:
            facing = -1 if slot.x < 0.5 else 1  # a sulk turns its back on the others: toward the near edge
        elif app.target in xs and xs[app.target] != slot.x:
            facing = 1 if xs[app.target] > slot.x else -1
        elif by is not None and xs[by] != slot.x and app.facing != "front":  # the one sneered at turns to
            facing = 1 if xs[by] > slot.x else -1  # who sneers (the writer's side is of its own order, not the slots')
        elif app.facing in ("left", "right"):
            facing = 1 if app.facing == "right" else -1
        else:
            facing = 1 if slot.x <= 0.5 else -1
        turned = app.facing != "front" or app.target is not None or pose.arms in _AT_SOMEONE or \
            pose.legs in _UNDER_WAY  # one walking or running is seen going its way, never facing us
        # 2. motion: enter from the near edge walking inward, exit toward the near edge
        motion = pose.motion
        if motion == "enter":
            motion = "enter_left" if slot.x <= 0.5 else "enter_right"
            facing = 1 if slot.x <= 0.5 else -1
        elif motion == "exit":
            motion = "exit_left" if slot.x < 0.5 or (slot.x == 0.5 and facing < 0) else "exit_right"
            facing = -1 if motion == "exit_left" else 1
        if pose.body in ("lying", "back") and len(scene.characters) > 1 and slot.x != 0.5:
            facing = -1 if slot.x < 0.5 else 1  # asleep beside others: head (and its marks) toward the near edge
            facing = facing if pose.body == "lying" else -facing  # on its back the head is on the other side
        outfit = "spacesuit" if scene.location in _AIRLESS and app.outfit in ("none", "uniform") else app.outfit
        # one who leaves on foot is seen from behind, going away: a muted viewer reads "leaving", not "coming"
        away = pose.action == "exit" and motion.startswith("exit") and pose.body == "stand" and pose.rig is None
        staged.append(Staged(app.id, slot, facing, turned, pose, motion, outfit, away=away,
                             drawn_as=struck_as[app.id] if struck_as.get(app.id) in (TRIP, FALL) and
                             pose.legs in ("kick", "run") else ""))
    # 3. one carried on another's back: up on the carrier's back, the carrier bent under it (before what the
    #    carry's stand-in, a treat or a hug, would do to its target); what an action does to its target: a drink
    #    spilt over them, a patient treated lying down
    staged = _on_back(scene, staged, cast, premise, young)
    staged = _acted_on(scene, staged, ids, cast, premise)
    staged = _dropped(scene, staged, matches, cast)  # a thing dropped: tipping off the paw, on whom it lands or the floor
    staged = _rescue(scene, staged, cast, premise, young, before, held)  # pulled out of the ice, carried out of the fire
    staged = _pinned(scene, staged, cast, premise)  # a thief caught: pinned flat under the catcher's paws
    staged = [replace(st, bed=_bed(scene, st, bedded)) for st in staged]  # ill or asleep: in its bed
    staged = _under_bed(scene, staged, cast)  # or hiding under it
    staged = _caged(scene, staged, cast, premise)  # or locked in a cage
    # 3b. a young one the hero rescues or hugs is held in the hero's arms, in front of its chest
    for c, app in enumerate(scene.characters):
        carrier = staged[c]
        if young.get(app.target or "", 0) != 1 or app.target not in ids or app.target == app.id or \
                carrier.pose.action not in _CARRIERS or carrier.pose.rig or carrier.pose.holding:
            continue
        t = ids.index(app.target)
        if staged[t].pose.body != "stand" or staged[t].carried or carrier.carried or staged[t].drawn_as or \
                carrier.drawn_as:
            continue
        s0 = carrier.slot
        held_at = Slot(s0.x + 0.035 * carrier.facing, s0.feet - s0.height * 0.17, s0.height * 0.78)
        staged[t] = replace(staged[t], slot=held_at, facing=carrier.facing, motion=carrier.motion, carried=True,
                            away=False, pose=replace(staged[t].pose, lean=0.0, motion=carrier.pose.motion))
        staged[c] = replace(carrier, pose=replace(carrier.pose, arms="belly", lean=0.0), away=False)  # seen holding it
    staged = _throws(scene, staged, matches, cast)  # a thing thrown away: flying off from the flung paw
    # 4. an unclaimed rig or hand prop goes to a character free to use it, the one doing something before
    #    one who only stands (the scene's things are mostly its actor's: the rival laughing from her yacht),
    #    then the hero first: the scooter is ridden, the microphone held, so the prop reads as part of the story
    claimed = {st.pose.holding.drawn for st in staged if st.pose.holding} | \
        {st.pose.rig.drawn for st in staged if st.pose.rig}
    takers = sorted(order, key=lambda k: staged[k].pose.action == "stand")
    for m in matches:
        layer = vocab.props[m.drawn].layer
        if m.drawn in _CARRIED and m.drawn not in claimed:  # a rescue: the kitten held to the chest
            k = next((k for k in takers if staged[k].pose.action in _CARRIERS and staged[k].pose.holding is None
                      and staged[k].pose.rig is None and scene.characters[k].target not in xs), None)
            if k is not None:
                st = staged[k]
                staged[k] = replace(st, pose=replace(st.pose, holding=m, arms="belly", lean=0.0))
                claimed.add(m.drawn)
            continue
        if m.drawn in claimed or layer not in ("rig", "hand"):
            continue
        for k in takers:
            st = staged[k]
            if st.pose.arms in ("piggy", "tear", "slap") or st.on_back:
                continue  # its paws hold the one on its back, or tear the paper, or slap
            rides = st.pose.action in _RIG_TAKERS or m.drawn in _SHOWN_OFF and st.pose.action in _SHOW_OFF
            if m.drawn in _WORKED_AT and st.pose.action == "walk":
                rides = False  # the poodle queueing at the corgi's stall
            if layer == "rig" and st.pose.rig is None and rides and st.pose.body == "stand":
                arms = _RIG_ARMS.get(m.drawn, st.pose.arms) if st.pose.action in _RIG_TAKERS else st.pose.arms
                staged[k] = replace(st, pose=replace(st.pose, rig=m, arms=arms))
            elif layer == "hand" and st.pose.holding is None and st.pose.action in _HAND_TAKERS and \
                    st.pose.rig is None:
                staged[k] = replace(st, pose=replace(st.pose, holding=m))
            else:
                continue
            claimed.add(m.drawn)
            break
    # 4b. one kneeling with the ring proposes: the ring held out before it, toward the loved one, with love,
    #     never the beg's paws at the chin with a bead of sweat (an apology)
    staged = [replace(st, pose=replace(st.pose, arms="offer", expression="love", marks=())) if
              st.pose.body == "kneel" and st.pose.holding is not None and st.pose.holding.drawn == "ring" else st
              for st in staged]
    # 5. props: those a character holds or stands behind are drawn with them, the rest in the scene
    placed: list[PlacedProp] = []
    in_bed = next((st.id for st in staged if st.bed), None)  # the bed asked is the one it lies in
    used = {st.pose.holding.drawn: f"hand:{st.id}" for st in staged if st.pose.holding} | \
        {st.pose.rig.drawn: f"rig:{st.id}" for st in staged if st.pose.rig} | \
        ({_BED: f"bed:{in_bed}"} if in_bed else {})
    taken = [st.slot.x for st in staged]  # beside the characters rather than hidden behind them
    back = sorted(_BACK_SLOTS, key=lambda s: -min((abs(s[0] - t) for t in taken), default=1.0))  # a queue too
    ground = [(x, GROUND - 0.03) for x in sorted(_GROUND_XS, key=lambda x: -min(abs(x - t) for t in taken))]
    middle = [(x, GROUND - 0.03) for x in sorted(_WIDE_XS, key=lambda x: -min(abs(x - t) for t in taken))]
    spots: dict[str, PlacedProp] = {}
    for m in sorted(matches, key=lambda m: m.drawn not in _LINES):  # the queue first: the back slot clear of them
        kind = vocab.props[m.drawn]
        if m.drawn in used:
            placed.append(PlacedProp(m, used[m.drawn], 0.0, 0.0, kind.size))
            continue
        if m.drawn in spots:  # "rocket" and "space helmet": one rocket, in one place
            placed.append(replace(spots[m.drawn], match=m))
            continue
        # a crowd as its place has it, unless the words name its own drawing (the mockers stunned)
        crowd = "crowd" if m.drawn != "crowd" else "laughing crowd" if _jeers(m) \
            else vocab.crowds.get(scene.location, "crowd") if art(m) == "crowd" else art(m)
        if crowd in _CROWD_SPOTS:  # a crowd that fits its place: the audience before a stage, fans in the stands
            x, y, size = _CROWD_SPOTS[crowd]
            spots[m.drawn] = PlacedProp(m, "back", x, y, size, crowd)
            placed.append(spots[m.drawn])
            continue
        parked = art(m) in _PARKED  # a truck or a bus: big, on the far ground behind the pets, never a toy before them
        free = back if (kind.layer == "back" or parked) and back else middle if _wide(m.drawn) and middle else \
            ground if ground else back
        if not free:
            free = [(0.5, GROUND - 0.03)]
        x, y = _HIGH[m.drawn] if m.drawn in _HIGH else free.pop(0)
        size = _ART_SIZE.get(art(m), kind.size if kind.layer != "hand" else kind.size * 1.4)
        where = "back" if kind.layer == "back" or parked else "ground" if size > 0.1 else "front"  # small in front
        drawing = "soapy car" if washing and m.drawn == "car" and any(st.pose.job == "carwash" for st in staged) \
            else ""  # the car being washed: under suds, its bucket beside it
        size = size * _WASHED_SIZE if drawing else size  # the car washed, big beside its washer
        spots[m.drawn] = PlacedProp(m, where, x, y, size, drawing)
        placed.append(spots[m.drawn])
    return staged, placed
