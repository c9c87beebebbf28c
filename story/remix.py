"""Remix: the same story with its hero re-cast in another character style, and what that change
makes wrong renamed (pure).

A remix keeps the parent's scenes. A new hero style makes some words wrong: the name ("Ginger" for
a husky) and the old style's own words ("the ginger cat is a real detective now"). Unless the
premise itself named the hero, the hero gets a name from the new species' pool (chosen by the seed,
never one the cast already uses), and every occurrence of the old name and of the old style's words
in the title, captions, narration, dialogue and prompts is replaced, so the title is re-derived from
the renamed story ("Ginger's Big Comeback" → "Koda's Big Comeback").
"""

from __future__ import annotations

import random
import re

from pydantic import ValidationError

from petreel.errors import ScriptError
from story.arcdata import common
from story.premise import analyse
from story.script import Script
from story.styles import CHARACTER_STYLES


def _new_name(script: Script, species: str, seed: int) -> str:
    taken = {c.name for c in script.characters}
    pool = [n for n in common()["names"][species]["zh" if script.language == "zh" else "en"] if n not in taken]
    return random.Random(f"{script.title}|{species}|{seed}").choice(pool) if pool else ""


def _swap(text: str, pairs: list[tuple[str, str]], zh: bool) -> str:
    for old, new in pairs:
        if not old or old == new:
            continue
        if zh:
            text = text.replace(old, new)
        else:  # whole words, keeping a capital first letter ("Ginger cat" → "Husky")
            def cased(m: re.Match[str], new: str = new) -> str:
                return new[:1].upper() + new[1:] if m.group(0)[:1].isupper() else new

            text = re.sub(rf"\b{re.escape(old)}\b", cased, text, flags=re.IGNORECASE)
    return text


def remix_hero(script: Script, style: str, art_style: str, seed: int) -> Script:
    """``script`` with its hero drawn as ``style`` in ``art_style``, renamed when the species or look
    changed (see the module docstring); the same script when nothing but the art style changes."""
    new = CHARACTER_STYLES[style]
    hero = next((c for c in script.characters if c.style == script.style), script.characters[0])
    old = CHARACTER_STYLES.get(hero.style or script.style)
    zh = script.language == "zh"
    pairs: list[tuple[str, str]] = []
    name = hero.name
    if old is not None and old.id != style:
        given = analyse(script.premise).hero.name
        if given != hero.name:  # a name the writer chose for the old look: choose one for the new
            name = _new_name(script, new.species, seed) or hero.name
        old_words = [old.label_zh] if zh else [old.breed, old.label_en.lower()]
        pairs += [(hero.name, name)] + [(w, new.label_zh if zh else new.label_en.lower()) for w in old_words]
    data = script.model_dump()
    for char in data["characters"]:
        if char["id"] == hero.id:
            char.update(style=style, species=new.species, breed=new.breed, look=new.look, name=name)
    data["title"] = _swap(data["title"], pairs, zh)[:80]
    for scene in data["scenes"]:
        scene["caption"] = _swap(scene["caption"], pairs, zh)[:120]
        scene["narration"] = _swap(scene["narration"], pairs, zh)[:400]
        # the old look is replaced whole, and the words around it are swapped (not those of the new look)
        parts = scene["visual_prompt"].split(hero.look)
        scene["visual_prompt"] = new.look.join(_swap(part, pairs, zh) for part in parts)[:600]
        for line in scene["dialogue"]:
            line["text"] = _swap(line["text"], pairs, zh)[:200]
    data["style"] = style
    data["art_style"] = art_style
    return Script.model_validate(data)


def spoken_lines(script: Script) -> list[tuple[str, str]]:
    """Every line said aloud, numbered from 0 in the order heard: each scene's narration, then its
    dialogue, as (speaker id, text); ``replace_line`` takes the same index."""
    return [pair for scene in script.scenes for pair in scene.spoken()]


def replace_line(script: Script, index: int, text: str) -> Script:
    """``script`` with spoken line ``index`` (see ``spoken_lines``) replaced by ``text``, validated as
    any script is (length, pacing); raises ``ScriptError`` when it does not fit, ``IndexError`` for a
    line that does not exist."""
    if not 0 <= index < len(spoken_lines(script)):
        raise IndexError(index)
    data = script.model_dump()
    k = index
    for scene in data["scenes"]:
        if k == 0:
            scene["narration"] = text
            break
        if k <= len(scene["dialogue"]):
            scene["dialogue"][k - 1]["text"] = text
            break
        k -= 1 + len(scene["dialogue"])
    try:
        return Script.model_validate(data)
    except ValidationError as err:
        raise ScriptError(f"edited line {index} does not fit: {err.errors()[0]['msg']}") from None
