"""The ``Script`` model: the contract between story writing (offline or LLM) and rendering.

Pure: no I/O. ``Script.model_validate_json`` is the one entry point for untrusted JSON; errors are
pydantic ``ValidationError`` which writers turn into ``ScriptError`` (or a repair round).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# The language codes are the i18n layer's; writers import the normaliser from here or from there.
from petreel.i18n import Language as Language
from petreel.i18n import normalise_language as normalise_language

Camera = Literal["static", "push_in", "pull_out", "pan_left", "pan_right", "tilt_up", "tilt_down"]
Mood = Literal["sad", "tense", "happy", "triumphant", "funny", "calm", "dramatic", "romantic"]
Expression = Literal["neutral", "happy", "sad", "crying", "angry", "smug", "shocked", "determined", "tired", "love"]
Outfit = Literal[
    "none", "rags", "hard_hat", "suit", "tuxedo", "dress", "apron", "chef_hat", "crown",
    "sunglasses", "uniform", "graduation_cap", "hoodie", "scarf", "spacesuit", "white_coat", "firefighter",
]
Location = Literal[
    "street", "rainy_street", "construction_site", "office", "mansion", "park", "kitchen",
    "restaurant", "school", "hospital", "rooftop", "bedroom", "shop", "stage", "alley", "beach",
    "skyscraper", "space", "planet", "stadium", "city_hall", "market",
    "courtroom", "lake", "mountain", "wedding", "cemetery", "farm", "station", "airport", "sea",
]
Voice = Literal["narrator", "male", "female", "child"]

# ---- staging: what the viewer sees happen (filled by the writers, drawn by the painter) ----
TimeOfDay = Literal["morning", "day", "sunset", "night"]
Weather = Literal["clear", "rain", "snow", "storm"]
# What a character does in a scene. ``work`` is drawn with the scene's job props (a squeegee on a
# window-cleaning cradle, a wok, bricks, a delivery scooter...); ``target`` says at whom the
# interactions (sneer, point, laugh, hug, push, kneel, give, spill, treat, catch) are aimed: a spilt drink
# soaks its target, a treated patient lies down bandaged, a caught thief puts its paws up; a sulk (arms
# crossed) turns its back on the others.
Action = Literal[
    "stand", "walk", "enter", "exit", "run", "sneer", "point", "laugh", "cry", "shiver", "work",
    "sleep", "hug", "push", "kneel", "celebrate", "drive", "sing", "talk", "think", "shocked",
    "give", "eat", "study", "wave", "dance", "spill", "treat", "sick", "roll", "swim", "fish",
    "photo", "climb", "dig", "skip", "play", "fight", "catch", "train", "sulk",
]
Facing = Literal["front", "left", "right"]
MAX_PROPS = 5
MAX_LINES = 3

_ID = r"^[a-z][a-z0-9_]{0,23}$"

MIN_SCENES = 5
MAX_SCENES = 10
MIN_SCENE_S = 3.0
MAX_SCENE_S = 12.0
# Narration pacing: about 2.5 English words or 5 Chinese characters per second; allow headroom.
MAX_WORDS_PER_S = 3.5
MAX_HANZI_PER_S = 7.0

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def spoken_length(text: str, language: str) -> float:
    """Seconds a line takes to say at the pacing the prompt asks for (2.5 words/s, 5 hanzi/s)."""
    if language == "zh":
        return len(_HAN.findall(text)) / 5.0 + len(re.findall(r"[A-Za-z]+", text)) / 2.5
    return len(text.split()) / 2.5


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Character(_Strict):
    id: str = Field(pattern=_ID, description="short slug used to reference the character in scenes")
    name: str = Field(min_length=1, max_length=40)
    species: Literal["cat", "dog"]
    breed: str = Field(min_length=1, max_length=60)
    look: str = Field(min_length=3, max_length=300, description="visual description reused verbatim in prompts")
    style: str | None = Field(default=None, description="character style id from the catalogue, if any")
    voice: Voice = "narrator"


class Appearance(_Strict):
    id: str = Field(pattern=_ID)
    expression: Expression = "neutral"
    outfit: Outfit = "none"
    action: Action = "stand"
    facing: Facing = "front"
    target: str | None = Field(default=None, pattern=_ID, description="character id this one acts on")
    holding: str | None = Field(default=None, max_length=40, description="a prop in hand: microphone, wok…")
    off_job: bool = Field(default=False, description="not at its job here (a job the story tells later, or one left "
                          "for a shop of its own): its job's costume is not drawn")


class Line(_Strict):
    """A line a character says aloud in a scene (the narrator's line is ``Scene.narration``)."""

    speaker: str = Field(pattern=_ID, description="id of a character present in the scene")
    text: str = Field(min_length=1, max_length=200)


class Scene(_Strict):
    location: Location
    setting: str = Field(min_length=1, max_length=200, description="one-line description of the place")
    characters: list[Appearance] = Field(min_length=1, max_length=3)
    visual_prompt: str = Field(min_length=1, max_length=600)
    narration: str = Field(min_length=1, max_length=400)
    caption: str = Field(min_length=1, max_length=120)
    duration: float = Field(ge=MIN_SCENE_S, le=MAX_SCENE_S)
    camera: Camera = "push_in"
    mood: Mood = "calm"
    memory: bool = Field(default=False, description="the scene shows the past (a memory, a flashback): its own look")
    opens: str | None = Field(default=None, max_length=80, description="the shop or venue the hero opens in this "
                              "scene, in the story's words (opens its own noodle shop, 开了一家火锅店): drawn as that "
                              "place from this scene on, never before")
    dreams: str | None = Field(default=None, max_length=80, description="the shop or venue the hero dreams of in "
                               "this scene, in the story's words (dreams of owning a bakery, 梦想开一家花店): never "
                               "drawn as where a scene is unless a scene opens it")
    time_of_day: TimeOfDay = "day"
    weather: Weather = "clear"
    props: list[str] = Field(default_factory=list, max_length=MAX_PROPS,
                             description="things the viewer should see: golden car, crowd, microphone…")
    dialogue: list[Line] = Field(default_factory=list, max_length=MAX_LINES,
                                 description="spoken after the narration, in order")

    @field_validator("props")
    @classmethod
    def _short_props(cls, props: list[str]) -> list[str]:
        props = [" ".join(p.split()) for p in props]
        if any(not 1 <= len(p) <= 40 for p in props):
            raise ValueError("each prop is 1 to 40 characters")
        return props

    def spoken(self) -> list[tuple[str, str]]:
        """(speaker, text) in the order they are heard: the narrator first, then the dialogue."""
        return [("narrator", self.narration), *((ln.speaker, ln.text) for ln in self.dialogue)]


class Script(_Strict):
    title: str = Field(min_length=1, max_length=80)
    language: Language
    premise: str = Field(min_length=1, max_length=500)
    style: str = Field(description="the hero's character style id")
    art_style: str = "storyboard"
    characters: list[Character] = Field(min_length=1, max_length=4)
    scenes: list[Scene] = Field(min_length=MIN_SCENES, max_length=MAX_SCENES)

    @field_validator("characters")
    @classmethod
    def _unique_ids(cls, chars: list[Character]) -> list[Character]:
        ids = [c.id for c in chars]
        if len(set(ids)) != len(ids):
            raise ValueError(f"character ids must be unique, got {ids}")
        return chars

    @model_validator(mode="after")
    def _check_refs_and_pacing(self) -> Script:
        known = {c.id for c in self.characters}
        for i, scene in enumerate(self.scenes, 1):
            ids = [a.id for a in scene.characters]
            unknown = [x for x in ids if x not in known]
            if unknown:
                raise ValueError(f"scene {i} names unknown characters {unknown}; known: {sorted(known)}")
            if len(set(ids)) != len(ids):
                raise ValueError(f"scene {i} lists a character twice")
            present = set(ids)
            strangers = sorted({a.target for a in scene.characters if a.target} - present)
            strangers += sorted({ln.speaker for ln in scene.dialogue} - present)
            if strangers:
                raise ValueError(f"scene {i}: {strangers} act or speak but are not in the scene; present: {ids}")
            limit = scene.duration * (MAX_HANZI_PER_S / 5.0 if self.language == "zh" else MAX_WORDS_PER_S / 2.5)
            said = sum(spoken_length(text, self.language) for _, text in scene.spoken())
            if said > limit:
                raise ValueError(
                    f"scene {i} narration and dialogue are too long for {scene.duration:g}s "
                    f"(about {said:.1f}s to say)"
                )
        return self

    @property
    def duration(self) -> float:
        return sum(s.duration for s in self.scenes)

    def character(self, char_id: str) -> Character:
        for c in self.characters:
            if c.id == char_id:
                return c
        raise KeyError(char_id)
