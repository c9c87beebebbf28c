"""The deeds the painter draws with drawings of their own, read from a scene's words (pure).

A carry on the back, hiding under the bed, a throw, a slap, tearing a paper up and a thing dropped or knocked over
have no action of their own in the script: the story stages each as its nearest action (a carry as ``work`` or
``walk``, hiding as ``celebrate``, a throw or a slap as ``push``, a drop as ``spill``) and lists it as a substitution.
The storyboard painter reads the scene's own words (its narration and lines, and for a carry the premise) and draws
the deed itself: the carrier bent under the one on its back, the hider flat under the bed, the paw flung up, the open
paw at the cheek, the paper pulled in two, the cake tumbling off the paw onto the one it lands on or the floor.

This module is that reading, and who in the scene does each deed: ``render.painter.staging`` imports it to decide
what it draws (adding what only it knows: a pose lying down, a scooter ridden, a thing for the paw to throw), and
``drawn_lines`` tells the story's substitutions as drawn, the one function ``petreel script``, ``petreel make``'s
stderr and its ``--report`` file all print: from the painter's own report where there is one, else from this
reading of the script.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from story.dangers import (
    danger_of,
    dangers_named,
    hero_rescuers,
    in_drawing,
    rescue_from,
    tells_rescue,
    trapped_in,
)
from story.dangers import drawn as danger_drawing
from story.plan import Substitution
from story.premise import analyse
from story.script import Scene, Script
from story.venues import names_place, places_drawn

# one carried on another's back (carries his mom on his back, a piggyback ride, 背着妈妈去医院, 背起小猫): the
# carrier bent forward under the weight, paws back round the rider's legs, the rider up on its back, arms round its
# neck; 背着 only with where it is carried to (背着主人偷吃 is "behind the master's back")
ON_BACK = re.compile(r"\b(?:carr(?:y|ies|ied|ying)|lugs?|lugged|hoists?|hoisted)\b[^.!?;]{0,60}?\bon (?:his|her|its|"
                     r"their|my|your|the) backs?\b|\bpiggy[- ]?back|背起(?!包|书包|背包)|背在背上|"
                     r"背(?:着|了)[^，。！？,.!?]{0,10}?(?:去|到|回|走|跑|冲|上|下|过|出|进|爬|逃)", re.IGNORECASE)


def carried_on_back(text: str) -> bool:
    """The words tell one pet carried on another's back ("carries his sick grandma on his back", 背着妈妈逃出了火场):
    the story stages the carrier on its way (``story.staged.action_of``) and tells a carried relative's story as
    the family's (kinds.json ``carried``)."""
    return bool(ON_BACK.search(text))
BACK_CARRIERS = {"work", "treat", "walk", "run", "hug", "stand", "enter", "exit", "climb"}  # the carry's stand-ins
# one hiding under the bed (hides under the bed, 躲在床底下, 钻到床下面): flat on the floor beneath it, only its scared
# face peeking out from under the quilt's hem
UNDER_BED = re.compile(r"\b(?:hides?|hid|hidden|hiding|crawls?|crawled|crawling|cowers?|cowering|curls? up|"
                       r"squeezes?|stays?|sits?|shivers?|shaking)\b[^.!?;]{0,24}?\bunder (?:the|a|his|her|its|"
                       r"their|my) (?:\w+ )?bed\b|(?:躲|钻|藏|缩|爬)(?:进|到|在|回)?了?床(?:底下|底|下面|下)")
# a thing the scene's words tell is thrown away (throws the ring away, tosses his phone into the lake, 把戒指扔掉了,
# 丢进河里): the thrower's paw flung up and out, the thing flying off from it along its arc
THROWING = re.compile(r"\b(?:throws?|threw|thrown|throwing|toss|tosses|tossed|tossing|flings?|flung|flinging|"
                      r"hurls?|hurled|hurling|chucks?|chucked)\b(?![^.!?;]{0,6}\b(?:a party|up\b|a fit|a tantrum|"
                      r"a punch|punches))|扔|丢掉|丢进|丢到|丢出|丢下|甩掉|甩开了?手里|甩(?:在|到|向|给)|砸(?:在|到|向)|"
                      r"把[^，。！？,.!?]{1,8}?摔(?:在|到|向)")  # 把钱摔在它脸上: flung at it (摔在地上 alone is a fall)
# the one the scene's throw befalls ("is thrown out of the house", 被扔掉了): no throw of its own for the painter to
# draw unless it finds a thing to fling, which a script cannot tell it of
THROWN = re.compile(r"\b(?:is|was|are|were|gets?|got|been|being)\s+(?:\w+\s+)?(?:thrown|tossed|flung|hurled|chucked)"
                    r"\b|被[^，。！？,.!?]{0,8}(?:扔|丢|甩)")
# a shove or a fight the scene's words tell as a slap across the face (slaps, 打了一巴掌, 扇耳光): drawn as the slap
SLAPPING = re.compile(r"\b(?:slap|slaps|slapped|slapping|smack|smacks|smacked)\b|巴掌|耳光|扇了|扇他|扇她|扇它")
SLAPS = {"push", "fight"}
# what a tearing up the words tell may have been staged as, where nobody shoves (the doer on its feet, paws free)
TEAR_STANDINS = {"stand", "walk", "exit", "enter", "work", "think", "talk", "cry", "sulk", "point", "celebrate",
                 "give", "sneer", "laugh", "shocked", "wave", "study"}
# a shove the scene's words tell as tearing a paper up (tears up his contract, rips the letter, 撕掉了合同): the doer
# pulls the paper in two before its chest, scraps falling
TEARING = re.compile(r"\b(?:tear|tears|tore|tearing|rip|rips|ripped|ripping|shred|shreds|shredded)\s+"
                     r"(?:up|apart|in half|to pieces|(?:the|his|her|its|their|a|an)\s+\w+)|撕")

# a thing dropped, spilt or knocked over by mishap (drops a cake on the poodle, spills coffee on her boss, knocks over
# the wine, trips and drops a tray of drinks, 把蛋糕打翻了, 把咖啡洒在老板身上, 打翻了红酒): the thing tumbling from the
# doer's paw, splattered on the one it lands on (else on the floor), the doer gasping
_SPILT_EN = (r"birthday cake|wedding cake|cake|cakes|cupcakes?|pie|dessert|coffee|milk tea|bubble tea|tea|red wine|wine|"
             r"champagne|juice|"
             r"soup|drinks?|tray|milk|milkshake|paint|plates?|dishes|bowl|noodles|pizza|ice cream|punch|sauce|"
             r"spaghetti|food|glass(?:es)?|cups?|mugs?|water")
_SPILT_ZH = r"蛋糕|咖啡|红酒|香槟|酒杯|酒|果汁|奶茶|汤|茶|饮料|托盘|盘子|牛奶|颜料|饭菜|面条|甜点|水杯|杯子|碗|饭"
_DROP_EN = (r"drops?|dropped|dropping|spills?|spilled|spilt|spilling|knocks?\s+over|knocked\s+over|knocking\s+over|"
            r"tips?\s+over|tipped\s+over|tipping\s+over|upends?|upended|splash(?:es|ed|ing)?")
_DROP_ZH = r"打翻|弄翻|碰翻|撞翻|掀翻|弄洒|打洒|洒|泼(?!冷水)|摔碎|摔在地上|掉在地上|掉到地上|掉在|掉到"
DROPPING = re.compile(
    rf"\b(?:{_DROP_EN})\s+(?:[a-z'-]+\s+){{0,4}}?(?P<en>{_SPILT_EN})\b(?:\s+of\s+(?:\w+\s+)?(?P<of>{_SPILT_EN})\b)?|"
    rf"\bknock(?:s|ed|ing)?\s+(?:[a-z'-]+\s+){{0,3}}?(?P<en2>{_SPILT_EN})\s+(?:over|off)\b|"
    rf"(?P<zh>{_SPILT_ZH})[^，。！？,.!?；]{{0,8}}?(?:{_DROP_ZH})|(?:{_DROP_ZH})了?[^，。！？,.!?；]{{0,4}}?(?P<zh2>{_SPILT_ZH})",
    re.IGNORECASE)
DROPS = {"spill", "push", "shocked", "stand", "walk", "work", "run", "talk"}  # what a drop is staged as, drawn as it


def spilt_thing(text: str, contents: bool = False) -> str | None:
    """The thing ``text`` tells dropped, spilt or knocked over by mishap ("a cake", "the wine", 蛋糕, "a tray of
    drinks": the tray, or with ``contents`` the drinks), in its own words, or None."""
    m = DROPPING.search(text)
    if m is None:
        return None
    if contents and m.group("of"):
        return str(m.group("of"))
    return next(g for g in (m.group("en"), m.group("en2"), m.group("zh"), m.group("zh2")) if g)


def dropper(scene: Scene, cast: Sequence[str] | None) -> str | None:
    """Who drops or spills a thing where the scene's own words tell it: the one staged spilling, else the one staged
    as a drop's stand-in (a shove) with a target, else the hero (``lead``); None where the words tell none."""
    if not scene.characters or spilt_thing(scene_words(scene)) is None:
        return None
    ids = [a.id for a in scene.characters]
    for acts in ({"spill"}, {"push"}):
        who = next((a.id for a in scene.characters if a.action in acts), None)
        if who is not None:
            return who
    doer = lead(scene, cast)
    return doer if next(a for a in scene.characters if a.id == doer).action in DROPS and doer in ids else None

# one hit by a car, a bus or a bike (is hit by a car, gets run over, 被车撞了, 出了车祸): the one hit lying hurt on the
# ground (the ``sick`` pose, bandaged), the vehicle behind it; never pushing the car ("hit by" read as a shove)
_VEHICLE = r"(?:(?:speeding|passing|big|black|red|white|delivery|sports)\s+)?(?:car|cars|truck|lorry|bus|van|taxi|" \
           r"motorbike|motorcycle|scooter|bike|bicycle|tractor|vehicle|driver)"
HIT_BY = re.compile(rf"\b(?:hit|struck|knocked\s+down|knocked\s+over|run\s+over|ran\s+over|runs\s+over|hurt|"
                    rf"injured|clipped)\s+by\s+(?:a|an|the|some)\s+{_VEHICLE}\b|"
                    rf"\b(?:a|an|the)\s+{_VEHICLE}\s+(?:hits|hit|strikes|struck|runs\s+over|ran\s+over|"
                    rf"knocks\s+(?:down|over))\b|\bcar\s+(?:accident|crash)\b|"
                    r"被[^，。！？,.!?；]{0,6}?(?:车|汽车|卡车|货车|公交车|摩托车?|电动车|自行车|出租车|三轮车)"
                    r"[^，。！？,.!?；]{0,2}?(?:撞|碾|压|刮)|车祸", re.IGNORECASE)


def hit_by_vehicle(text: str) -> bool:
    """Whether ``text`` tells one hit by a car, a bus or a bike ("is hit by a car", "gets run over by a truck", "a
    car hits him", 被车撞了, 出了车祸): the one hit is staged lying hurt (``sick``), never shoving the car."""
    return bool(HIT_BY.search(text))


# the painter's report's ``drawn_as`` for each
CARRY, RIDER, HIDE, THROW, SLAP, TEAR, DROP = ("carry on back", "on back", "hide under bed", "throw", "slap", "tear",
                                             "drop")
TRIP, FALL = "trip", "trip and fall"  # the one who trips another (its foot out), the one who falls
# a rescue the scene's words tell from a danger (``story.dangers``: pulls him out of the frozen lake, 从着火的房子里救出,
# digs the hiker out of the snow), the premise's danger where the scene names none: the rescuer drawn at it (reaching
# down to the one in the ice hole, the well, the net, the snow; carrying it out of the fire), the one saved in it;
# before the rescue, the one in danger drawn in it where the scene names it (``in_danger``)
RESCUED_IN = ("in ", "carried from")  # the drawn_as of the one saved begins so


def scene_words(scene: Scene) -> str:
    """The scene's own words, lower case: its narration and lines."""
    return " ".join([scene.narration, *(ln.text for ln in scene.dialogue)]).lower()


def piggyback(scene: Scene, premise: str = "") -> bool:
    """Whether the scene's own words (narration, lines), else the premise where the scene's doer only stands in
    for the carry (works, walks, treats), tell of one carried on another's back."""
    return bool(ON_BACK.search(scene_words(scene))) or bool(premise) and bool(ON_BACK.search(premise.lower()))


def slaps(scene: Scene) -> bool:
    """Whether the scene's own words (narration, lines) tell of a slap: its shove or fight is drawn as one."""
    return bool(SLAPPING.search(scene_words(scene)))


# one thrown out of its home, not a thing thrown ("throws him out", "throws Maple out of the house"); its things
# thrown out, or a thing out of a window or a car, are still thrown
THROWN_OUT = re.compile(r"\s+(?!(?:\w+\s+)?(?:things|stuff|bags?|suitcases?|clothes|belongings|toys|"
                        r"food|bowl)\b)(?:[\w']+\s+){1,2}?out\b(?!\s+(?:of\s+)?(?:the|a|an|his|her|its|their)\s+"
                        r"(?:window|car|train|boat)\b)")


def tells_throw(scene: Scene) -> bool:
    """Whether the scene's own words tell of a thing thrown away (never only one thrown out: ``THROWN_OUT``)."""
    words = scene_words(scene)
    return any(not THROWN_OUT.match(words, m.end()) for m in THROWING.finditer(words))


THROW_STANDINS = {"push", "fight", "point"}  # a throw at someone, as the story stages it (a shove at its target)


def thrower(scene: Scene, cast: Sequence[str] | None) -> str:
    """Who throws where the scene's words tell a throw: the lead (``lead``) where it acts at another on screen
    or nobody else does, else the first on screen who does a throw's stand-in at another ("the rich cat throws
    cash at the poor puppy": the rival shoves, the hero only stands; the throw is the rival's)."""
    ids = [a.id for a in scene.characters]
    first = lead(scene, cast)
    at = [a for a in scene.characters if a.target in ids and a.target != a.id]
    if any(a.id == first for a in at):
        return first
    return next((a.id for a in at if a.action in THROW_STANDINS), first)


def lead(scene: Scene, cast: Sequence[str] | None) -> str:
    """The one a scene's deed of its own is the doing of: the hero (``cast``'s first) where on screen, else the
    first on screen (the scene has one)."""
    ids = [a.id for a in scene.characters]
    return cast[0] if cast and cast[0] in ids else ids[0]


def struck(scene: Scene, cast: Sequence[str] | None = None) -> dict[str, str]:
    """Who shoves or fights where the scene's words tell it as tearing a paper up (a shove, and no slap told; where
    nobody shoves, the lead, ``cast``'s hero where on screen, in any of ``TEAR_STANDINS``) or as a slap (a shove or
    a fight at another on screen), by id: ``TEAR`` or ``SLAP``."""
    ids = {a.id for a in scene.characters}
    slap = slaps(scene)
    tear = bool(TEARING.search(scene_words(scene)))
    out: dict[str, str] = {}
    for a in scene.characters:
        if a.action == "push" and tear and not slap:
            out[a.id] = TEAR
        elif a.action in SLAPS and a.target in ids and a.target != a.id and slap:
            out[a.id] = SLAP
    if tear and not slap and not out and scene.characters:
        # nobody shoves: the tearing is the lead's, whatever stand-in it was staged as (柯基撕掉了辞职信 staged as
        # going off with the letter), unless it lies, sleeps, hugs or rides
        doer = next(a for a in scene.characters if a.id == lead(scene, cast))
        if doer.action in TEAR_STANDINS:
            out[doer.id] = TEAR
    return out


def back_carry(scene: Scene, cast: Sequence[str] | None, premise: str = "",
               actions: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """Who carries whom on its back where the scene tells it (``piggyback``), as (carrier, rider): the carrier the
    one with a target (whatever its stand-in where the scene's own words tell the carry; one of ``BACK_CARRIERS``
    where only the premise does, never one who only stands), else the hero of a scene of two; the rider its target,
    else the other of two. ``actions`` (by id) are the actions as staged (the script's where not given)."""
    apps = scene.characters
    ids = [a.id for a in apps]
    told = bool(ON_BACK.search(scene_words(scene)))
    if len(ids) < 2 or not (told or piggyback(scene, premise)):
        return None
    acts = actions if actions is not None else {a.id: a.action for a in apps}
    doer = next((k for k, a in enumerate(apps) if a.target in ids and a.target != a.id and
                 (told or acts[a.id] in BACK_CARRIERS)), None)  # told: whatever its stand-in (a shove)
    if doer is None and cast and cast[0] in ids and len(ids) == 2:
        doer = ids.index(cast[0])
    if doer is None:
        return None
    carrier = apps[doer]
    rider = carrier.target if carrier.target in ids and carrier.target != carrier.id else \
        next(i for i in ids if i != carrier.id) if len(ids) == 2 else None
    if rider is None or not told and acts[carrier.id] not in BACK_CARRIERS:
        return None
    if not told and acts[carrier.id] == "stand":
        return None  # the premise's carry, but this scene's doer only stands: not carrying here
    return carrier.id, rider


# one who trips or stumbles and falls (a clumsy waiter trips, a rude customer trips her on purpose, 被绊倒了, 摔了一跤):
# the one falling pitched forward, paws flung up; the one who tripped it (a shove staged at it) with its foot stuck
# out; never a journey ("a road trip", "the school trip")
TRIPPING = re.compile(r"\b(?:trips|tripped|tripping|stumbles?|stumbled|stumbling|trip (?:over|on|up)|falls flat|"
                      r"falls over|fell over|fell flat)\b|绊倒|绊了一跤|摔倒|跌倒|摔了一跤|摔了个跟头|滑倒|摔跤")
# the doer trips another ("trips the waiter on purpose", "tripped her", 把服务员绊倒了, 伸脚绊): its foot out, never
# its own fall; "trips over the cable", "trips and falls", 被绊倒 are the doer's own fall
TRIPS_ANOTHER = re.compile(r"\b(?:trips|tripped|tripping)\s+(?:up\s+)?(?:the|a|an|his|her|their|him|them|my|your|"
                           r"that|this)\b(?!\s+(?:over|on|up)\b)|(?<!被)把[^，。！？,.!?；]{1,8}?绊倒|伸(?:出)?脚绊|故意绊",
                           re.IGNORECASE)
TRIP_STANDINS = {"push", "fight", "stand", "walk", "run", "work", "shocked", "talk", "enter", "exit", "give", "point",
                 "cry"}


def trips(scene: Scene, cast: Sequence[str] | None) -> dict[str, str]:
    """Who trips and who is tripped where the scene's words tell it, by id: one shoving another on screen where the
    words trip (the shove a trip staged at its target) trips it (``TRIP``), its target falls (``FALL``); where none
    does, the lead falls, staged as any of ``TRIP_STANDINS``, unless the words tell it tripping another
    (``TRIPS_ANOTHER``): then it trips (and the one other on screen, or its target, falls), unless another on
    screen acts at it (the one who trips it: the lead falls); {} where the words tell no trip."""
    if not scene.characters or not TRIPPING.search(scene_words(scene)):
        return {}
    ids = {a.id for a in scene.characters}
    shove = next((a for a in scene.characters if a.action in {"push", "fight"} and a.target in ids
                  and a.target != a.id), None)
    if shove is not None:
        return {shove.id: TRIP, str(shove.target): FALL}
    doer = next(a for a in scene.characters if a.id == lead(scene, cast))
    if doer.action not in TRIP_STANDINS:
        return {}
    if TRIPS_ANOTHER.search(scene_words(scene)):
        at_lead = next((a.id for a in scene.characters if a.id != doer.id and a.target == doer.id), None)
        if at_lead is not None:  # 坏猫把小狗绊倒了: the one at the lead trips it, the lead falls
            return {at_lead: TRIP, doer.id: FALL}
        others = [a.id for a in scene.characters if a.id != doer.id]  # the lead trips another: its foot out, the
        fallen = doer.target if doer.target in others else others[0] if len(others) == 1 else None  # other falls
        return {doer.id: TRIP, **({str(fallen): FALL} if fallen is not None else {})}
    return {doer.id: FALL}


# one who catches a thief and pins it down (catches the thief, pins him to the ground, tackles the robber, 把小偷按在
# 地上, 抓住了小偷): the catcher leaning over the one caught, both paws pressing it down; the one caught flat on the
# ground, gasping; told with the one caught as subject ("the thief is caught by the corgi", 小偷被柯基抓住了), the
# other way round
_THIEF = r"(?:thief|thieves|robber|robbers|burglar|burglars|pickpocket|crook|mugger|小偷|贼|强盗|扒手|窃贼)"
PINNING = re.compile(
    rf"\b(?:catch(?:es|ing)?|caught|grabs?|grabbed|nabs?|nabbed|tackles?|tackled|stops?|stopped|corners?|cornered)"
    rf"\s+(?:the\s+|a\s+|that\s+)?(?:\w+\s+)?{_THIEF}\b|\bpins?\b(?:\s+[\w']+){{1,3}}?\s+(?:down|to the (?:ground|floor))\b"
    rf"|(?<!ears )\bpinned\b(?! back)|\btackles?\b|\btackled\b|按在地上|按倒|扑倒|摁在地上|压在地上|制服|(?:抓住|逮住|抓到|捉住)了?{_THIEF}",
    re.IGNORECASE)
CAUGHT = re.compile(r"\b(?:is|was|are|were|gets?|got|been|being)\s+(?:\w+\s+)?(?:caught|pinned|tackled|grabbed|nabbed)"
                    r"\b|被[^，。！？,.!?；]{0,8}?(?:抓住|逮住|抓到|捉住|按在|按倒|扑倒|制服)", re.IGNORECASE)
PIN, PINNED = "pin down", "pinned"
PIN_STANDINS = {"run", "push", "fight", "stand", "walk", "point", "shocked", "talk", "enter", "work", "chase",
                "catch", "hug", "celebrate", "sneer", "cry", "angry"}


THIEF = re.compile(rf"\b{_THIEF}\b|{_THIEF}", re.IGNORECASE)


def pins(scene: Scene, cast: Sequence[str] | None, premise: str = "") -> dict[str, str]:
    """Who pins down whom where the scene's words tell a thief caught or one pinned (``PINNING``), by id: the one
    acting at another on screen (the lead first) pins it (``PIN``), its target lies pinned (``PINNED``); else the lead
    and the one other on screen; where the words make the one caught their subject (``CAUGHT``), the lead is the
    one pinned (a thief's, the scene's or the premise's, only: "is caught cheating" pins nobody). {} where the words
    tell none, one is alone, or either does what a pin cannot be drawn over (sleeps,
    rides, lies ill)."""
    words = scene_words(scene)
    caught = bool(CAUGHT.search(words)) and bool(THIEF.search(f"{words} {premise}"))  # 小偷…被警犬抓住了
    if len(scene.characters) < 2 or not (PINNING.search(words) or caught):
        return {}
    ids = [a.id for a in scene.characters]
    first = lead(scene, cast)
    others = [i for i in ids if i != first]
    if CAUGHT.search(words):
        doer = next((a.id for a in scene.characters if a.id != first and a.target == first), None)
        pair = (doer, first) if doer is not None else (others[0], first) if len(others) == 1 else None
    else:
        at = sorted((a for a in scene.characters if a.target in ids and a.target != a.id), key=lambda a: a.id != first)
        pair = (at[0].id, str(at[0].target)) if at else (first, others[0]) if len(others) == 1 else None
    if pair is None:
        return {}
    acts = {a.id: a.action for a in scene.characters}
    if not all(acts[i] in PIN_STANDINS for i in pair):
        return {}
    return {pair[0]: PIN, pair[1]: PINNED}


def hider(scene: Scene, cast: Sequence[str] | None) -> str | None:
    """Who hides under the bed where the scene's words tell it: the hero, else the first on screen; else None."""
    if not scene.characters or not UNDER_BED.search(scene_words(scene)):
        return None
    return lead(scene, cast)


def _alike(said: str, danger: str) -> bool:
    """Whether a scene's danger is the premise's, or the water of it (the flood's water, the ice hole's)."""
    return said == danger or said == "water" and danger in ("flood", "ice")


def _pair(scene: Scene, cast: Sequence[str] | None) -> tuple[str, str] | None:
    """Who rescues whom on screen: the one with a target on screen (the hero first), its target; else the hero
    (else the first) and the one other on screen; None for one alone."""
    ids = [a.id for a in scene.characters]
    if len(ids) < 2:
        return None
    first = lead(scene, cast)
    doers = sorted((a for a in scene.characters if a.target in ids and a.target != a.id),
                   key=lambda a: a.id != first)
    if doers:
        return doers[0].id, str(doers[0].target)
    others = [i for i in ids if i != first]
    return (first, others[0]) if len(others) == 1 else None


# a rescue told with the one saved as its subject ("is pulled out of a flooded river by Luna", "was saved from the
# fire by a firefighter", 被老农从河里救上来): the one after by/被 is the rescuer
PASSIVE_RESCUE = re.compile(r"\b(?:is|was|are|were|gets|got|get|being|been|be)\s+(?:\w+\s+){0,2}?(?:sav(?:ed)|"
                            r"rescued|pulled|dragged|carried|dug|freed|lifted|hauled|fished)\b[^.!?;]{0,70}?\bby\b|"
                            r"被[^，。！？,.!?；]{0,14}?(?:救|拉出|拉上|拉了上|拖出|拖了出|背出|抱出|挖出|刨出|捞出|捞上)",
                            re.IGNORECASE)


def _danger_said(said: str | None, premise: str) -> str | None:
    """The premise's danger a scene's rescue is from: the premise's rescue's (``rescue_from``) where the scene names
    none or names it (the frozen lake's ice, though the scene says only "the water"); else the scene's own where the
    premise names that one too, a premise of two rescues ("pulled out of a flooded river …, carries him out of his
    burning barn": the flood in the first); None where the premise tells no rescue from a danger, or the scene names
    one the premise does not."""
    told = rescue_from(premise)
    if told is None or said is None or _alike(said, told):
        return told
    named = dangers_named(premise)
    return next((d for d in named if _alike(said, d) and d != "water"), said if said in named else None)


_KIN = ("friend", "family")  # the hero's own ones who may rescue it (the passing grandpa, the fisherman)


def _passive_pair(scene: Scene, cast: Sequence[str] | None, premise: str) -> tuple[str, str] | None:
    """(the rescuer, the hero) where the premise's hero is the one it rescues (``story.dangers.hero_rescuers``) and
    its rescuer is on screen, whoever the scene's words make the subject ("Socks pulls at the net"); or where the
    scene's words tell the rescue with the one saved as its subject (``PASSIVE_RESCUE``) and the premise's hero is
    no one's rescuer after by/被 ("a shy husky puppy is pulled out of a flooded river by a kind old farmer"), the
    rescuer the one the premise names after by/被 where on screen, else the one other on screen; else None."""
    if not cast or not premise:
        return None
    ids = [a.id for a in scene.characters]
    hero = cast[0]
    if hero not in ids:
        return None
    rescuer = next((k for k in hero_rescuers(premise, _KIN) if k in ids), None)
    if rescuer is not None:
        return rescuer, hero
    if not PASSIVE_RESCUE.search(scene_words(scene)):
        return None
    people = analyse(premise).cast
    if any(p.key == hero and p.after_by for p in people):
        return None  # "the old man is pulled out of the river by a brave husky": the hero rescues
    by = [p.key for p in people if p.after_by and p.key in ids and p.key != hero]
    others = [i for i in ids if i != hero]
    found = by[0] if by else others[0] if len(others) == 1 else None
    return (found, hero) if found is not None else None


def rescue_drawing(scene: Scene, cast: Sequence[str] | None, premise: str = "") -> tuple[str, str, str] | None:
    """The premise's rescue from a danger (``story.dangers.rescue_from``) where the scene's words tell a rescue
    (saves, pulls, 救) and name that danger, none, or another the premise names (``_danger_said``), as (rescuer,
    saved, danger); the pair by ``_passive_pair`` where the one saved is the words' subject, else by ``_pair``.
    None where the premise tells no rescue from a danger, the words tell none or name a danger the premise does
    not, or nobody else is on screen."""
    words = scene_words(scene)
    if not tells_rescue(words):
        return None
    danger = _danger_said(danger_of(words), premise)
    if danger is None:
        return None  # the premise's rescue only (a carry through the snow is no rescue from it)
    pair = _passive_pair(scene, cast, premise) or _pair(scene, cast)
    if pair is None:
        return None
    return pair[0], pair[1], danger


def in_danger(scene: Scene, cast: Sequence[str] | None, premise: str = "",
              held: bool = False) -> tuple[str, str] | None:
    """Before its rescue (the caller knows: ``danger_until``), the one in the premise's danger where the scene's
    words name it (the ice, the well, the net, the snow, the water, the fire): (who, danger), the hero where the
    premise tells it rescued by its own (``hero_rescuers``) or caught in that danger (``story.dangers.trapped_in``:
    "a kitten is trapped in a burning house"; then also where only the scene's things name it), else the first on screen who is not the hero and only stands, cries
    or shivers; None where the premise tells no rescue from a danger nor the hero caught in one, or the scene names
    another (or none). ``held``: an earlier scene already drew the hero in it (``danger_from``), so a scene whose
    words name no danger still shows the hero the premise's rescue saves in it (down the well until pulled out)."""
    said = danger_of(scene_words(scene))
    trapped = trapped_in(premise) if premise else None
    first = cast[0] if cast else None
    if said is None and held and first is not None and any(a.id == first for a in scene.characters) and \
            hero_rescuers(premise, _KIN) and (told := rescue_from(premise)) is not None:
        return first, told
    if said is None and trapped is not None:  # the hero caught in it, the danger drawn behind (its burning house)
        said = danger_of(" ".join(scene.props))
    danger = _danger_said(said, premise) if said is not None else None
    if danger is None and trapped is not None and said is not None and _alike(said, trapped):
        danger = trapped
    if danger is None:
        return None
    if first is not None and any(a.id == first for a in scene.characters) and (
            hero_rescuers(premise, _KIN) or trapped is not None and _alike(danger, trapped)):
        return first, danger  # "a puppy falls through the ice and is pulled out by a fisherman": the puppy in it
    who = next((a.id for a in scene.characters if a.id != first and a.action in ("stand", "cry", "shocked", "shiver")),
               None)
    return (who, danger) if who is not None else None


def rescued_at(script: Script) -> int | None:
    """The index of the first scene whose words tell the premise's rescue (``rescue_drawing``), else None."""
    if rescue_from(script.premise) is None:
        return None
    cast = [c.id for c in script.characters]
    return next((n for n, scene in enumerate(script.scenes) if rescue_drawing(scene, cast, script.premise)), None)


def danger_until(script: Script) -> int | None:
    """The index of the first scene no longer drawn before the premise's rescue (the rescue's, ``rescued_at``); for
    a hero caught in a danger nobody is told rescuing it from (``story.dangers.trapped_in``), past the last scene;
    None where the premise tells neither: before it, the one in the danger is drawn in it (``in_danger``)."""
    at = rescued_at(script)
    if at is None and trapped_in(script.premise) is not None:
        return len(script.scenes)
    return at


def danger_from(script: Script) -> int | None:
    """The index of the first scene before the premise's rescue (``danger_until``) that draws the hero in its
    danger (``in_danger``: its words name it), else None: from the scene after it until the rescue, the hero stays
    drawn in it (``in_danger``'s ``held``), never out of the well and back in again."""
    until = danger_until(script)
    if until is None:
        return None
    cast = [c.id for c in script.characters]
    return next((n for n, scene in enumerate(script.scenes[:until])
                 if (found := in_danger(scene, cast, script.premise)) is not None and cast and found[0] == cast[0]),
                None)


def own_drawings(scene: Scene, cast: Sequence[str] | None, premise: str = "", before: bool = False,
                 held: bool = False) -> dict[str, str]:
    """Each on screen the painter draws with a drawing of its own in ``scene``, by id, as read from the script: a
    trip and fall (``trips``), a slap or tearing up (``struck``), a thief pinned down (``pins``), a carry on the back and the one carried (``back_carry``), hiding under the bed
    (``hider``), a thing dropped or spilt (``dropper``), a throw (``thrower``'s, where a thing is asked and the
    words throw it, not the one thrown out), a rescue from a danger and the one saved (``rescue_drawing``),
    and where the scene is ``before`` the rescue, the one in the danger (``in_danger``, ``held`` there since an
    earlier scene); a later one drawn over an
    earlier (the hider no longer carrying). The painter may still draw less where only it can tell (one lying down
    carries nobody, a scooter asked is ridden), and says so in its report."""
    out = {**trips(scene, cast), **struck(scene, cast), **pins(scene, cast, premise)}
    rescue = rescue_drawing(scene, cast, premise)
    if rescue is not None:
        out[rescue[0]], out[rescue[1]] = danger_drawing(rescue[2])["rescuer"], danger_drawing(rescue[2])["saved"]
    elif before and (endangered := in_danger(scene, cast, premise, held)) is not None:
        out[endangered[0]] = in_drawing(endangered[1])[0]
    carry = back_carry(scene, cast, premise)
    if carry is not None and rescue is None:
        out[carry[0]], out[carry[1]] = CARRY, RIDER
    hiding = hider(scene, cast)
    if hiding is not None and out.get(hiding) != RIDER:
        out[hiding] = HIDE
    dropping = dropper(scene, cast)
    if dropping is not None and out.get(dropping, FALL) == FALL:  # trips and drops the tray: the tray tumbling
        out[dropping] = DROP
    if scene.characters and scene.props and tells_throw(scene) and not THROWN.search(scene_words(scene)):
        who = thrower(scene, cast)
        if out.get(who) not in (RIDER, HIDE):
            out[who] = THROW
    return out


# the hero with young on the way ("a pregnant cat", 怀孕的猫妈妈, 大着肚子), until the scene that tells them born
PREGNANT = re.compile(r"\bpregnant\b|\bexpecting (?:kittens|puppies|a baby|babies|a litter)\b|\bmom-to-be\b|"
                      r"怀孕|怀了(?:宝宝|孩子|小猫|小狗|崽)|有了身孕|大着肚子|挺着大肚子|准妈妈", re.IGNORECASE)
BORN = re.compile(r"\bgives? birth\b|\bgave birth\b|\bgiving birth\b|\b(?:are|were|is|was|get|gets|got) born\b|"
                  r"\bnewborn\b|\bhas (?:her|the) (?:kittens|puppies|babies)\b|生下|生了|产下|出生|分娩|生出", re.IGNORECASE)


def pregnant_until(script: Script) -> int | None:
    """Where the premise tells the hero pregnant (``PREGNANT`` said of the hero, right before or after its mention
    with no other pet between: "a pregnant cat is abandoned by her husband", 怀孕的猫妈妈被老公抛弃了), the index of the first scene no longer drawn so: the scene
    that tells the young born (``BORN``; past the last where none does); else None. Before it the painter draws
    the hero's round belly."""
    if not PREGNANT.search(script.premise):
        return None
    analysis = analyse(script.premise)
    hero = analysis.hero.pos
    others = [p.pos for p in analysis.cast if p.key != analysis.hero.key]

    def hers(m: re.Match[str]) -> bool:  # "a pregnant cat", 怀孕的猫妈妈; "the cat is pregnant", 猫妈妈怀孕了
        if m.end() <= hero:
            return hero - m.end() <= 12 and not any(m.end() < q < hero for q in others)
        between = script.premise[hero:m.start()]
        return m.start() - hero <= 16 and not any(hero < q < m.start() for q in others) and \
            not re.search(r"\b(?:and|her|his|their|a|an|the)\b|[和的跟与]", between.split(" ", 1)[-1] if " " in between
                          else between[1:]) and (bool(re.search(r"\b(?:is|was|gets|got|becomes|became)\s+$", between))
                                                 or between.strip() in analysis.hero.words)  # 猫妈妈|怀孕了

    if not any(hers(m) for m in PREGNANT.finditer(script.premise)):
        return None
    return next((n for n, scene in enumerate(script.scenes) if BORN.search(scene_words(scene))), len(script.scenes))


def reads_words(backend: str) -> bool:
    """Whether the keyframe backend ``backend`` (``PETREEL_RENDER__BACKEND``) is the storyboard painter, which reads
    a scene's words as this module does; a diffusion model draws from the scene's prompts alone."""
    return backend == "storyboard"


def drawn_lines(subs: Sequence[Substitution], script: Script | None = None,
                painted: Mapping[tuple[int, str], str] | None = None,
                places: Mapping[int, str] | None = None) -> list[str]:
    """The "drawn instead" lines of a story's substitutions, told as drawn: an action whose doer is drawn with a
    drawing of its own says that drawing, not the stand-in the script wrote ('carries' drawn as 'carry on back', not
    as 'work'); a place the painter draws as a shop or venue of its own (``story.venues``: the warehouse, the party
    hall, the dumpling shop, the show ring) has no line where that is the place asked, else says the one drawn
    ('party' drawn as 'hotel', not as 'mansion'). ``painted`` and ``places``, the painter's own drawings by (scene,
    id) and its shop or venue by scene as its report tells them, are what was drawn; else ``script``'s scenes read
    as the painter reads them (``own_drawings``, ``places_drawn``); with neither (a painter that reads no words),
    the story's own lines. Each line once."""
    drawn: dict[tuple[int, str], str] = dict(painted or {})
    venues: dict[int, str] = dict(places or {})
    if painted is None and script is not None:
        cast = [c.id for c in script.characters]
        at, since = danger_until(script), danger_from(script)
        drawn = {(n, cid): d for n, scene in enumerate(script.scenes, 1)
                 for cid, d in own_drawings(scene, cast, script.premise, at is not None and n - 1 < at,
                                            since is not None and n - 1 > since).items()}
    if places is None and script is not None:
        venues = {n: found.kind for n, found in enumerate(places_drawn(script), 1) if found is not None}
    lines: list[str] = []
    for sub in subs:
        if sub.kind == "place" and (venue := venues.get(sub.scene or 0)) is not None:
            if names_place(venue, sub.wanted):
                continue  # drawn as the place asked
            sub = replace(sub, used=venue)
        own = drawn.get((sub.scene or 0, sub.who or "")) if sub.kind == "action" else None
        line = str(replace(sub, used=own) if own else sub)
        if line not in lines:
            lines.append(line)
    return lines
