"""Offline deterministic script writer: premise in, ``Script`` out, no network, no model. Pure.

``write_offline(premise, style, language, seed)`` runs the same steps every time:
premise analysis (``story.premise``) → arc and plan (``story.arcs``) → the one expansion both
writers share (``story.expand.expand_plan``). Same inputs give the same script; a new seed changes
the beats, settings and lines, not only names.

``validate_premise`` normalises the user's text and rejects what can't be a story idea.
``recast`` re-casts the hero of a script or plan in another character style and says so.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from petreel.errors import BadPremise
from petreel.i18n import t
from story.arcchoice import choose_arc
from story.arcs import plan_with_asks
from story.expand import expand_plan
from story.lexicon import lexicon
from story.plan import Plan, Substitution
from story.premise import Analysis, analyse, hero_style
from story.request import asked_story
from story.script import Script, normalise_language
from story.spelling import mended
from story.styles import CHARACTER_STYLES, DEFAULT_STYLE, check_style, check_styles
from story.text import check_utf8, spaced_clauses
from story.typed import as_written, heading_said, rank_said_zh

MAX_PREMISE_CHARS = 500

_INVISIBLE = {"\u200b", "\ufeff", "\u2060"}


def validate_premise(text: str) -> str:
    """Strip and normalise whitespace; mend the misspellings ``story/spelling.py`` lists; reject empty, over-long or
    letterless (emoji-only) premises."""
    if not isinstance(text, str):
        raise BadPremise("not text")
    text = unicodedata.normalize("NFC", check_utf8(text))
    text = "".join(c for c in text if c not in _INVISIBLE and unicodedata.category(c) != "Cc" or c.isspace())
    text = asked_story(spaced_clauses(" ".join(text.split())))  # "can you make a video about a cat who…": the story asked for
    text = as_written(text)  # "POV: ur cat … now shes the CEO": the premise written out
    text = heading_said(text)  # "cooking show: a pug competes": at the cooking show
    text = rank_said_zh(text)  # 拿了第一全校: 拿了全校第一
    text = mended(text)  # "becomes a billionare": the word meant, never a thing of its own nor said back misspelt
    if not text:
        raise BadPremise("empty")
    if len(text) > MAX_PREMISE_CHARS:
        raise BadPremise(f"too long: {len(text)} characters, at most {MAX_PREMISE_CHARS}")
    if not any(unicodedata.category(c)[0] in "LN" for c in text):
        raise BadPremise("no words, only emoji or symbols")
    return text


@dataclass(frozen=True)
class Written:
    """Everything the offline writer decided, for ``petreel script`` and ``petreel make --report``."""

    analysis: Analysis
    arc: str
    plan: Plan
    script: Script
    substitutions: tuple[Substitution, ...]


def write_story(premise: str, style: str | None, language: str, seed: int, art_style: str = "storyboard") -> Written:
    """The offline writer's steps, all kept: analysis, arc, plan, script and place substitutions."""
    # 1. Validate inputs; no style means the premise's own hero (or the default).
    premise = validate_premise(premise)
    analysis = analyse(premise)
    style = style or hero_style(analysis) or DEFAULT_STYLE
    check_styles(style, art_style)
    lang = normalise_language(language)
    # 2. Arc and plan from the analysis.
    arc = choose_arc(analysis, seed)
    plan, asks, subs = plan_with_asks(analysis, style, lang, seed, arc)
    # 3. The one expansion both writers use (the clauses' own things first in their scenes' props).
    script = expand_plan(plan, premise, style, lang, seed, art_style, substitutions=subs, asks=asks)
    return Written(analysis, arc, plan, script, (*_stand_ins(analysis, style), *_people(analysis, script), *subs))


def _people(analysis: Analysis, script: Script) -> list[Substitution]:
    """A person the premise names (a little girl, an old man, 小女孩), played by a pet: who plays it, said."""
    cast = {c.id: c for c in script.characters}
    return [Substitution(1, "species", p.words[0], f"{cast[p.key].breed} {cast[p.key].species}", scene=1)
            for p in analysis.cast if p.human and p.key in cast]


def _stand_ins(analysis: Analysis, style: str) -> list[Substitution]:
    """An animal the painter has no drawing of (a parrot), drawn as the style that stands in for it; the
    hero only while it keeps the premise's own style (another one picked re-casts it, and says so)."""
    out = []
    for p in analysis.cast:
        drawn = p.stand_in
        if drawn is not None and (p is not analysis.hero or style == drawn):
            wanted = str(lexicon().entry("breeds", str(p.breed))["en"][0])
            out.append(Substitution(1, "species", wanted, CHARACTER_STYLES[drawn].label_en.lower(), scene=1))
    return out


def write_offline(premise: str, style: str, language: str, seed: int, art_style: str = "storyboard") -> Script:
    """Write a 30–60 s, 5–10 scene pet drama for ``premise`` without any network or model."""
    return write_story(premise, style, language, seed, art_style).script


# ---------------------------------------------------------------------------------------------
# Re-casting the hero
# ---------------------------------------------------------------------------------------------


def recast_note(old_style: str | None, new_style: str, hero_name: str, language: str) -> str | None:
    """One line saying the hero was re-cast (None when the style is the premise's own)."""
    if old_style is None or old_style == new_style:
        return None
    old, new = CHARACTER_STYLES[old_style], CHARACTER_STYLES[new_style]
    zh = language == "zh"
    note = t("zh" if zh else "en", "recast_note", name=hero_name,
             old=old.label_zh if zh else old.label_en.lower(), new=new.label_zh if zh else new.label_en.lower())
    return " ".join(note.split())  # no double space when the premise names no hero


def recast(item: Script | Plan, new_style: str, language: str = "en") -> tuple[Script | Plan, str | None]:
    """``item`` with only its hero re-cast in ``new_style`` (species, breed, look; the name stays),
    and the one-line note saying so (None when nothing changed)."""
    check_style(new_style)
    new = CHARACTER_STYLES[new_style]
    if isinstance(item, Plan):
        hero = item.hero
        old_style = next((s.id for s in CHARACTER_STYLES.values() if s.look[:120] == hero.look), None)
        data = item.model_dump()
        for member in data["cast"]:
            if member["role"] == "hero":
                member.update(species=new.species, look=new.look[:120])
        return Plan.model_validate(data), recast_note(old_style or hero_style(analyse(hero.look)),
                                                      new_style, hero.name, language)
    hero_char = next((c for c in item.characters if c.id == "hero"), item.characters[0])
    old_style = hero_char.style or item.style
    data = item.model_dump()
    for char in data["characters"]:
        if char["id"] == hero_char.id:
            char.update(style=new_style, species=new.species, breed=new.breed, look=new.look)
    for scene in data["scenes"]:
        scene["visual_prompt"] = scene["visual_prompt"].replace(hero_char.look, new.look)[:600]
    data["style"] = new_style
    return Script.model_validate(data), recast_note(old_style, new_style, hero_char.name, item.language)
