"""The compact story plan, its schema, its checks and the pacing it is planned at. Pure.

A ``Plan`` is what a writer decides: a title, a cast of 1–4 pets with roles and looks, and 6–10
beats of one spoken line (narration or a character's dialogue) plus a short note of what we see.
Both writers produce one: the offline writer from premise analysis and arc data, the LLM writer
from a model's reply (``plan_json_schema()`` is what the model is held to). ``story.expand.expand_plan``
is the one expansion both use: timings, looks, visual prompts, locations, time of day, weather, props,
actions/targets/facing, dialogue vs narration, captions, mood and camera, derived from the beats'
words through the story vocabulary (``story.lexicon``).

The validator checks only what the JSON schema says (types, enums, lengths, counts), so a
grammar-constrained model can always satisfy it. What a schema cannot say is *normalised*, never
rejected: ids become slugs, repeats get suffixes, exactly one cast member ends up the hero, and a
speaker who is not in the cast is heard as the narrator. What makes a plan useless (repeated or
placeholder lines, a cast cloned from the hero, a species that contradicts a name or look) is
reported by ``plan_problems``; writers reject such plans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, cast, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from story.datafiles import read_json
from story.lexicon import lexicon
from story.nearest import Nearest
from story.script import (
    MAX_SCENE_S,
    MIN_SCENE_S,
)
from story.text import HAN as _HAN

Role = Literal["hero", "rival", "partner", "friend", "family", "boss", "mentor", "other"]
ROLES: tuple[str, ...] = get_args(Role)
NARRATOR = "narrator"
MIN_BEATS = 6
MAX_BEATS = 10
MAX_CAST = 4
LINE_MOST = 200  # characters in one spoken line
TARGET_MIN_S = 32.0
TARGET_MAX_S = 58.0
# How fast our voices really speak (``bench/story_length.py`` measures it): piper's English voice
# with the cast's paces says about 3.2 words a second, espeak-ng's Mandarin at the narrator's rate
# about 3.3 hanzi. Scene lengths are planned at these rates, so the clip is as long as planned.
VOICE_WORDS_PER_S = 3.2
VOICE_HANZI_PER_S = 3.3
SCENE_PAD_S = 0.3  # the renderer's lead before a scene's first line plus its tail after the last
LINE_GAP_S = 0.18  # between two lines of one scene
FILL_S = 52.0  # the offline writer tells more of each beat until its script is about this long
MAX_LINE_S = 11.0  # speech one scene holds (a scene is at most 12 s)

_SLUG_BAD = re.compile(r"[^a-z0-9_]+")


def slug(text: str, fallback: str = "pet") -> str:
    """A character id the Script accepts (``^[a-z][a-z0-9_]{0,23}$``) made from any text."""
    s = _SLUG_BAD.sub("_", text.strip().lower()).strip("_")
    if not s or not s[0].isalpha():
        s = f"{fallback}_{s}".strip("_") if s else fallback
    return s[:24].rstrip("_") or fallback


class _Plain(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PlanCharacter(_Plain):
    id: str = Field(min_length=1, max_length=24, description="short lowercase slug: hero, rival, boyfriend")
    name: str = Field(min_length=1, max_length=40, description="the pet's name in the story's language")
    species: Literal["cat", "dog"]
    role: Role
    look: str = Field(min_length=3, max_length=120, description="breed, fur colour, one detail (English)")
    gone: bool = Field(default=False, description="true for one the premise tells is dead or never coming back "
                                                  "(a grave visited): spoken of, never on screen, never speaking")

    @field_validator("id")
    @classmethod
    def _slug_id(cls, value: str) -> str:
        return slug(value)


class PlanBeat(_Plain):
    speaker: str = Field(min_length=1, max_length=24, description='"narrator" or the id of a cast member')
    line: str = Field(min_length=1, max_length=LINE_MOST, description="one narration or dialogue line, spoken aloud")
    visual: str = Field(min_length=1, max_length=160, description="what we see: who does what, where (English)")
    memory: bool = Field(default=False, description="true for a beat that shows the past (a memory, a flashback), "
                                                    "false for one in the story's present")

    @field_validator("speaker")
    @classmethod
    def _slug_speaker(cls, value: str) -> str:
        return slug(value, NARRATOR)


class Plan(_Plain):
    title: str = Field(min_length=1, max_length=80)
    cast: list[PlanCharacter] = Field(min_length=1, max_length=MAX_CAST, description="the hero first")
    beats: list[PlanBeat] = Field(min_length=MIN_BEATS, max_length=MAX_BEATS)

    @model_validator(mode="after")
    def _normalise(self) -> Plan:
        # 1. unique ids (a repeat gets a numeric suffix)
        seen: set[str] = {NARRATOR}
        for member in self.cast:
            base, n = member.id, 2
            while member.id in seen:
                member.id = f"{base[:21]}_{n}"
                n += 1
            seen.add(member.id)
        # 2. exactly one hero: the first one named hero, else the first cast member
        heroes = [m for m in self.cast if m.role == "hero"] or [self.cast[0]]
        for m in self.cast:
            if m.role == "hero" and m is not heroes[0]:
                m.role = "friend"
        heroes[0].role = "hero"
        # 3. a speaker outside the cast is the narrator
        ids = {m.id for m in self.cast}
        for beat in self.beats:
            if beat.speaker not in ids:
                beat.speaker = NARRATOR
        return self

    @property
    def hero(self) -> PlanCharacter:
        return next(m for m in self.cast if m.role == "hero")


# ---------------------------------------------------------------------------------------------
# The schema a model is held to
# ---------------------------------------------------------------------------------------------


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_inline(x, defs) for x in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return _inline(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    return {k: _inline(v, defs) for k, v in node.items() if k not in {"title", "$defs"} or not isinstance(v, str)}


def plan_json_schema() -> dict[str, Any]:
    """The JSON schema for a ``Plan`` reply: every constraint ``Plan`` checks (types, enums, lengths,
    counts, no extra keys), inlined, with no ``pattern`` (grammar engines drop it)."""
    raw = Plan.model_json_schema()
    schema = cast(dict[str, Any], _inline(raw, raw.get("$defs", {})))
    schema.pop("$defs", None)
    return schema


# ---------------------------------------------------------------------------------------------
# Degenerate plans
# ---------------------------------------------------------------------------------------------


@cache
def staging() -> dict[str, Any]:
    data: dict[str, Any] = read_json("staging.json")
    return data


def _norm_line(text: str, names: Iterable[str]) -> str:
    low = text.lower()
    for name in names:
        if name:
            low = low.replace(name.lower(), "@")
    return " ".join(re.sub(r"[^\w@]+", " ", low).split())


def _is_placeholder(text: str) -> bool:
    core = _norm_line(text, ())
    if core in staging()["placeholders"] or not re.search(r"\w", text):
        return True
    return bool(re.fullmatch(r"(beat|scene|line|caption|visual|step)\s*\d*", core))


def species_words(*texts: str) -> set[str]:
    """Species that breed or species words in ``texts`` name (``husky`` → dog, ``橘猫`` → cat)."""
    lex = lexicon()
    found: set[str] = set()
    for text in texts:
        for hit in lex.find(text, ["breeds", "species"]):
            found.add(hit.key if hit.section == "species" else lex.entry("breeds", hit.key)["species"])
    return found


def plan_problems(plan: Plan) -> list[str]:
    """Why ``plan`` is unusable (empty when it is fine): one line per problem, for a repair round."""
    problems: list[str] = []
    names = [m.name for m in plan.cast]
    # 1. placeholder title and lines
    if _is_placeholder(plan.title):
        problems.append("the title is a placeholder; write a real title")
    for i, beat in enumerate(plan.beats, 1):
        if _is_placeholder(beat.line):
            problems.append(f"beat {i}: the line is a placeholder ({beat.line.strip()[:20]!r}); write the real line")
        if _is_placeholder(beat.visual):
            problems.append(f"beat {i}: the visual note is a placeholder; say what we see")
    # 2. repeated lines (names masked) and one visual for everything
    first: dict[str, int] = {}
    for i, beat in enumerate(plan.beats, 1):
        key = _norm_line(beat.line, names)
        if not key or _is_placeholder(beat.line):
            continue
        if key in first:
            problems.append(f"beat {i} repeats the line of beat {first[key]}; every beat needs its own line")
        else:
            first[key] = i
    visuals = {_norm_line(b.visual, names) for b in plan.beats}
    if len(visuals) <= len(plan.beats) // 3:
        problems.append("the visual notes barely change; each beat shows something new")
    # 3. cast cloned from the hero
    hero = plan.hero
    for m in plan.cast:
        if m is hero:
            continue
        if _norm_line(m.look, ()) == _norm_line(hero.look, ()):
            problems.append(f"{m.id} has the hero's exact look; give every pet its own look")
        if m.name.strip().lower() == hero.name.strip().lower():
            problems.append(f"{m.id} has the hero's name; give every pet its own name")
    # 4. species that contradict the name or the look
    for m in plan.cast:
        for what, text in (("name", m.name), ("look", m.look)):
            said = species_words(text)
            if said and m.species not in said:
                problems.append(f"{m.id} is a {m.species} but its {what} says {sorted(said)[0]}")
                break
    return problems


@dataclass(frozen=True)
class Substitution:
    """A place, prop, action, job or animal (a parrot) the painter cannot draw, replaced by the nearest one it can."""

    beat: int  # 1-based, the plan's beat
    kind: Literal["place", "prop", "action", "job", "species"]
    wanted: str
    used: str
    scene: int | None = None  # 1-based, the script's scene that beat is drawn in (``expand_plan`` sets it)
    who: str | None = None  # an action's doer: the plan's cast id, then (``expand_plan``) the script's character id

    @classmethod
    def of(cls, beat: int, near: Nearest) -> Substitution:
        """The report line for a ``story.nearest`` mapping (a place says the location drawn)."""
        used = near.used
        if near.section == "places":
            used = str(lexicon().entry("places", near.used)["location"])
        return cls(beat, near.kind, near.wanted, used)

    def __str__(self) -> str:
        where = f"scene {self.scene}" if self.scene is not None else f"beat {self.beat}"  # the scene a viewer sees
        return f"{where}: {self.kind} {self.wanted!r} drawn as {self.used!r}"


def voice_seconds(text: str, language: str) -> float:
    """Seconds our voices take to say ``text`` (the measured rates above)."""
    if language == "zh":
        return len(_HAN.findall(text)) / VOICE_HANZI_PER_S + len(re.findall(r"[A-Za-z]+", text)) / VOICE_WORDS_PER_S
    return len(text.split()) / VOICE_WORDS_PER_S


def scene_seconds(lines: Sequence[str], language: str) -> float:
    """Seconds a scene needs for ``lines``: the speech, the gaps between lines, its lead and tail."""
    said = [t for t in lines if t.strip()]
    return sum(voice_seconds(t, language) for t in said) + LINE_GAP_S * max(0, len(said) - 1) + SCENE_PAD_S


def beats_seconds(beats: Sequence[Mapping[str, Any]], language: str) -> float:
    """Seconds beats take to say (each a ``line``), with each beat's share of scene lead and tail."""
    return sum(voice_seconds(b["line"], language) + SCENE_PAD_S for b in beats)


def headline(line: str, language: str) -> str:
    """A short on-screen caption from a spoken line: its first clause, a few words long."""
    text = line.strip().strip("\"“”「」")
    if language == "zh":
        parts = [p.strip("“”\"") for p in re.split(r"[，。！？；：,.!?;:]", text) if p.strip("“”\"")]
        clause = parts[0] if parts else text
        if len(clause) < 4 and len(parts) > 1:
            clause = f"{clause}，{parts[1]}"
        return (clause[:12] + ("…" if len(clause) > 12 else "")) or text[:12]
    pieces = re.split(r"(?<=[.!?;:])\s|,\s|\s[—–-]\s", text)
    clause = pieces[0]
    if len(clause.split()) < 3 and len(pieces) > 1:
        clause = f"{clause.rstrip('.!?;:')}, {pieces[1]}" if not clause.endswith(("!", "?")) else f"{clause} {pieces[1]}"
    words = clause.strip("\"“”").split()
    short = " ".join(words[:6])
    while short and short.split()[-1].lower() in {"a", "an", "the", "of", "to", "and", "with", "in", "on", "at", "his", "her", "its", "their", "for"}:
        short = " ".join(short.split()[:-1])
    short = short.rstrip(",;:.")
    return (short + ("…" if len(words) > 6 else "")) if short else text[:40]


def scene_title(location: str, time_of_day: str, weather: str, language: str) -> str:
    """The scene's on-screen headline: where and when it happens ("Skyscraper · night"), which the
    subtitles below it do not say (a headline repeating the spoken line only doubled the text)."""
    k = 1 if language == "zh" else 0
    titles = staging()["scene_titles"]
    if location in staging()["indoor_places"]["places"]:
        weather = "clear"  # the painter draws no rain or snow indoors; the headline does not say it
    extras = [w for w in (titles["times"][time_of_day][k], titles["weathers"][weather][k]) if w]
    return " · ".join([place_title(location, language), *(str(w) for w in extras[:1])])


def place_title(location: str, language: str) -> str:
    """The headline's word for a scene location ("Stadium", 体育场): ``scene_title``'s first part."""
    return str(staging()["scene_titles"]["places"][location][1 if language == "zh" else 0])


def fit_durations(spoken: Sequence[float]) -> list[float]:
    """Scene lengths that hold each scene's speech (``scene_seconds``) and bring the total inside 32–58 s."""
    floors = [max(MIN_SCENE_S, min(MAX_SCENE_S, s * 0.9)) for s in spoken]
    durs = [min(MAX_SCENE_S, max(MIN_SCENE_S, s)) for s in spoken]
    while sum(durs) < TARGET_MIN_S and any(d < MAX_SCENE_S for d in durs):
        durs = [min(MAX_SCENE_S, d + 0.5) for d in durs]
    while sum(durs) > TARGET_MAX_S and any(d > f for d, f in zip(durs, floors, strict=True)):
        durs = [max(f, d - 0.5) for d, f in zip(durs, floors, strict=True)]
    return [round(d, 1) for d in durs]


