"""The staging vocabulary the painter can draw, read from ``vocabulary.json`` (data, not code).

``match_prop`` maps a free-text prop ("shiny golden car", "little strays", "kite") onto a drawable
prop: an exact alias, an alias inside the text, a nearest word from the synonym table or from the
story's nearest-thing table (``story.nearest``), or the fallback prop. Every answer says which of those it was, so the report never hides a substitution.
``stage_action`` turns an ``Appearance`` into the pose the pet is drawn in (arms, body, marks, rig,
held prop, motion), choosing a job pose for ``work`` from the scene's props and place. Pure.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from render.painter.animals import animal_of
from render.painter.geometry import RGB
from story.lexicon import lexicon
from story.nearest import nearest

_DATA = Path(__file__).with_name("vocabulary.json")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
Layer = Literal["back", "ground", "rig", "hand"]
How = Literal["exact", "alias", "nearest", "fallback"]


@dataclass(frozen=True)
class PropKind:
    name: str
    layer: Layer  # back: behind everyone; ground: beside them; rig: in front of its user; hand: held
    size: float  # height as a fraction of the visible frame
    aliases: tuple[str, ...]
    zh: tuple[str, ...] = ()  # Chinese names, matched as substrings


@dataclass(frozen=True)
class PropMatch:
    asked: str
    drawn: str  # a key of ``vocabulary().props``
    how: How
    color: RGB | None = None  # a colour word in the ask ("golden", "red"), applied to the drawing

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"asked": self.asked, "drawn": self.drawn, "how": self.how}
        if self.color is not None:
            out["color"] = list(self.color)
        if (variant := art(self)) != self.drawn:
            out["drawn_as"] = variant  # a golden car drawn as a sports car, a truck, a bicycle
        return out


@dataclass(frozen=True)
class Pose:
    """How one character is drawn in a scene."""

    action: str
    arms: str
    body: str = "stand"  # stand | kneel | lying (on its side or front) | back (on its back, paws up)
    legs: str = "still"  # still | stride | walk | run | kick | air | step (``poses.LEG_PATHS``)
    lean: float = 0.0  # degrees toward the facing side
    expression: str = "neutral"
    marks: tuple[str, ...] = ()
    motion: str = "idle"  # before enter/exit get their side
    rig: PropMatch | None = None
    holding: PropMatch | None = None
    job: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Vocabulary:
    props: dict[str, PropKind]
    nearest: dict[str, str]
    fallback: str
    colors: dict[str, RGB]
    actions: dict[str, dict[str, Any]]
    jobs: dict[str, dict[str, Any]]
    outdoor: frozenset[str]
    zh_colors: dict[str, str] = field(default_factory=dict)
    crowds: dict[str, str] = field(default_factory=dict)  # place -> how its crowd is drawn
    grown_up: tuple[str, ...] = ()  # words that say the young have grown up (English and Chinese)
    instruments: dict[str, tuple[str, ...]] = field(default_factory=dict)  # what "play" is drawn with, by its words
    variants: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # drawing -> (prop, its words)
    hazards: dict[str, tuple[str, ...]] = field(default_factory=dict)  # floodwater, rubble -> its words (en and zh)


def load(path: Path = _DATA) -> Vocabulary:
    raw = json.loads(path.read_text(encoding="utf-8"))
    props = {k: PropKind(k, v["layer"], float(v["size"]), tuple(v["aliases"]), tuple(v.get("zh", ())))
             for k, v in raw["props"].items()}
    colors = {k: (int(v[0]), int(v[1]), int(v[2])) for k, v in raw["colors"].items()}
    return Vocabulary(props, dict(raw["nearest"]), raw["fallback"], colors, dict(raw["actions"]), dict(raw["jobs"]),
                      frozenset(raw["outdoor"]), dict(raw.get("zh_colors", {})), dict(raw.get("crowds", {})),
                      tuple(w for lang in ("en", "zh") for w in raw.get("grown_up", {}).get(lang, ())),
                      {k: tuple(v) for k, v in raw.get("instruments", {}).items() if k != "about"},
                      {k: (str(v["of"]), tuple(v["words"])) for k, v in raw.get("variants", {}).items() if k != "about"},
                      {k: (*v["aliases"], *v["zh"]) for k, v in raw.get("hazards", {}).items() if k != "about"})


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return load()


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)?", text.lower())


@lru_cache(maxsize=256)
def hazard_of(asked: str) -> str | None:
    """The disaster drawn across the floor that ``asked`` names (floodwater, cracked ground, rubble), or None:
    the whole phrase one of its words (English), or one of its Chinese words inside it."""
    plain = " ".join(_words(asked))
    return next((k for k, words in vocabulary().hazards.items()
                 if plain in words or _HAN.search(asked) and any(w in asked for w in words if _HAN.search(w))), None)


@lru_cache(maxsize=512)
def match_prop(asked: str) -> PropMatch:
    """The drawable prop for ``asked`` and how it was found (exact, alias, nearest, fallback)."""
    v = vocabulary()
    if _HAN.search(asked):  # Chinese: the longest known name inside the text
        color = next((v.colors[c] for z, c in v.zh_colors.items() if z in asked), None)
        names = sorted(((z, k.name) for k in v.props.values() for z in k.zh), key=lambda zn: -len(zn[0]))
        hit = next((name for z, name in names if z in asked), None)
        if hit:
            return PropMatch(asked, hit, "alias", color)
        story = _story_nearest(asked, "zh")
        return PropMatch(asked, story, "nearest", color) if story else PropMatch(asked, v.fallback, "fallback", color)
    words = _words(asked)
    color = next((v.colors[w] for w in words if w in v.colors), None)
    text = " ".join(words)
    plain = " ".join(w for w in words if w not in v.colors)
    for name in v.props:
        if text == name or plain == name:
            return PropMatch(asked, name, "exact", color)
    aliases = sorted(((a, k) for k in v.props.values() for a in k.aliases), key=lambda ak: -len(ak[0]))
    for phrase in (text, plain):
        for alias, kind in aliases:
            if phrase == alias:
                return PropMatch(asked, kind.name, "alias", color)
    padded = f" {text} "
    for alias, kind in aliases:  # the longest alias inside the text: "a shiny new car" -> car
        if f" {alias} " in padded or f" {alias}s " in padded:
            return PropMatch(asked, kind.name, "alias", color)
    near = sorted(v.nearest.items(), key=lambda kv: -len(kv[0]))
    for word, name in near:
        if f" {word} " in padded or f" {word}s " in padded:
            return PropMatch(asked, name, "nearest", color)
    story = _story_nearest(asked, "en")
    return PropMatch(asked, story, "nearest", color) if story else PropMatch(asked, v.fallback, "fallback", color)


def _says(words: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` names one of ``words``: English whole words, Chinese as substrings."""
    return any(w in text if _HAN.search(w) else re.search(rf"\b{re.escape(w)}\b", text) for w in words)


@lru_cache(maxsize=512)
def art(m: PropMatch) -> str:
    """The drawing of a matched prop: its own, or the variant its asked words name (``variants`` in
    ``vocabulary.json``: a truck, a bus or a bicycle; a golden or shiny car as a gleaming sports car)."""
    said = m.asked.lower()
    return next((name for name, (of, words) in vocabulary().variants.items() if of == m.drawn and _says(words, said)),
                m.drawn)


@lru_cache(maxsize=256)
def crowd_kind(asked: str) -> str:
    """The animals a crowd's words say it is of ("laughing crowd of hamsters", "stunned crowd of corgis"):
    one the painter draws by its own parts (``animals.ANIMALS``), else "cat" or "dog" by the species or breed
    the words name (``story``'s lexicon), else "" (the mixed crowd of cats it always was)."""
    said = asked.lower()
    animal = animal_of(said) or animal_of(re.sub(r"(x|ch|sh|ss)es\b", r"\1", said))  # "foxes": a fox's crowd
    if animal:
        return animal
    lex = lexicon()
    for species in ("dog", "cat"):
        words = [*lex.entry("species", species)["en"], *(w for e in lex.data["breeds"].values()
                                                         if e["species"] == species for w in e["en"])]
        if any(re.search(rf"\b(?:{re.escape(w)}(?:s|es)?|{re.escape(w[:-1])}ies)\b", said) for w in words
               if w.isascii()):
            return species
    return ""


def _story_nearest(asked: str, language: str) -> str | None:
    """The drawing of the story's nearest prop for words the painter does not know ("teddy bear" → the
    gift box, "烧烤摊" → the food stall), or None."""
    near = nearest(asked, "props", language)
    if near is None:
        return None
    label = str(lexicon().entry("props", near.used)["label"])
    if label == asked:
        return None  # "old photo" is the story's own label for a prop the painter does not draw
    m = match_prop(label)
    return m.drawn if m.how != "fallback" else None


def spilt(asked: str) -> PropMatch | None:
    """What tips out where ``asked`` is spilt or dropped (one of ``SPILT``): the story's nearest thing where it is
    one (wine, juice, 红酒: a drink in its cup, never the cake a toast stands for), else the painter's own (a cake, a
    tray); None where neither spills."""
    lang = "zh" if _HAN.search(asked) else "en"
    story = _story_nearest(asked, lang)
    if story in SPILT:
        return PropMatch(asked, story, "nearest")
    own = match_prop(asked)
    return own if own.drawn in SPILT else None


def _job(props: list[PropMatch], location: str, holding: PropMatch | None) -> str:
    v = vocabulary()
    names = {p.drawn for p in props} | ({holding.drawn} if holding else set())
    for job, spec in v.jobs.items():
        if names & set(spec["when"]["props"]):
            return job
    for job, spec in v.jobs.items():
        if location in spec["when"]["locations"]:
            return job
    return "strive"  # work with no trade's thing asked nor a trade's own place: the effort alone, no tool nor ride


_AT_THE_WEIGHTS = ("train", "run")  # "trains every night", 举起了最重的杠铃 (told as a dash) where the weights are
_VEHICLES = ("car", "delivery scooter", "yacht")
_FLOWN = ("rocket", "plane", "train")  # flown (or on rails), not driven: the pilot waves before it, off at speed
SPILT = ("coffee cup", "food bowl", "cake", "serving tray")  # what a spill tips out: a drink, soup, a cake, a tray
BALLS = ("football", "basketball", "frisbee", "tennis racket")  # a ball game is played with its ball, no instrument


def instrument(asks: list[str]) -> str:
    """The instrument an ask names (``vocabulary.json``'s instruments: "plays the guitar", 拉小提琴), else the piano."""
    said = " ".join(asks).lower()
    return next((str(name) for name, words in vocabulary().instruments.items() if _says(words, said)), "piano")


def stage_action(action: str, expression: str, holding: str | None, scene_props: list[PropMatch],
                 location: str) -> Pose:
    """The pose for one character's ``action`` (``work`` picks the job from the scene's props and place).

    The writer's expression wins over the action's default unless it is neutral; the writer's held prop
    wins over the action's default one.
    """
    v = vocabulary()
    spec = dict(v.actions.get(action) or v.actions["stand"])
    if action == "think" and holding and holding.startswith("wish:"):  # what it dreams of, drawn in its thought
        spec["marks"], holding = [f"thought:{holding.partition(':')[2]}"], None
    held = match_prop(holding) if holding else None
    unheld = held is not None and held.how == "fallback"  # nothing near to it ("his score"): empty paws,
    if unheld:  # neither a stand-in present nor the action's own default thing
        held = None
    job: str | None = None
    if action == "work" or action in _AT_THE_WEIGHTS and any(p.drawn == "weights" for p in scene_props):
        job = _job(scene_props, location, held)  # training, or the deed of a strength contest, where the weights are:
        spec.update({k: val for k, val in v.jobs[job].items() if k != "when"})  # lifted
    if action == "drive":  # the scene's own vehicle: the scooter, the yacht; a rocket or a plane is flown, not a car
        ride = next((p.drawn for p in scene_props if p.drawn in _VEHICLES), None)
        if ride is not None:
            spec["rig"] = ride
        elif any(p.drawn in _FLOWN for p in scene_props) or location in ("space", "planet", "airport"):
            spec = {**{k: val for k, val in spec.items() if k != "rig"}, "arms": "wave", "marks": ["speed"]}
    asked = {p.drawn: p for p in scene_props}  # the scene's own ask keeps its words and colour ("golden car")
    if held is None and action in ("give", "eat"):  # what is given or eaten is the scene's own hand prop
        held = next((p for p in scene_props if v.props[p.drawn].layer == "hand"), None)
    if held is None and action == "spill":  # what is spilt is the scene's own drink, soup, cake or tray
        held = next((p for p in scene_props if p.drawn in SPILT), None)
    if action == "climb":  # up a tree trunk, a rock face, a flight of steps, else a ladder (never the tree held)
        spec["marks"] = [holding if holding in ("tree", "rock", "stairs") else "ladder"]
        held = None
    gaming = next((p for p in scene_props if p.drawn == "game controller"), None)
    ball = next((p for p in scene_props if p.drawn in BALLS), None)
    if action == "play" and gaming is not None:  # video games: the controller in the paws, no instrument
        spec = {**v.actions["stand"], "expression": "happy"}
        held = held or gaming
    elif action == "play" and ball is not None:  # a ball game: after the football, the basketball in the paws
        spec = {**v.actions["run" if v.props[ball.drawn].layer == "ground" else "stand"], "expression": "happy"}
        held = held or (ball if v.props[ball.drawn].layer == "hand" else None)
    elif action == "play":  # the instrument the scene asks for, played (never a microphone held)
        spec.update(arms=(inst := instrument([holding or "", *(p.asked for p in scene_props)])),
                    marks=[inst, "notes"])
        held = None
    if held is None and spec.get("holding") and not unheld:
        held = asked.get(spec["holding"]) or PropMatch(spec["holding"], spec["holding"], "exact")
    rig = (asked.get(spec["rig"]) or PropMatch(spec["rig"], spec["rig"], "exact")) if spec.get("rig") else None
    if held is not None and v.props[held.drawn].layer == "rig" and rig is None:
        rig, held = held, None  # "holding a desk": the desk stands in front of them
    elif held is not None and v.props[held.drawn].layer in ("rig", "back"):
        held = None  # nobody holds a second rig, a rocket or a gate: it stands in the scene
    expr = expression if expression != "neutral" else spec.get("expression", "neutral")
    return Pose(action=action, arms=spec["arms"], body=spec.get("body", "stand"), legs=spec.get("legs", "still"),
                lean=float(spec.get("lean", 0.0)), expression=expr, marks=tuple(spec.get("marks", ())),
                motion=spec.get("motion", "idle"), rig=rig, holding=held, job=job)
