"""Lines that say the many look on, or that nobody does, kept only where the picture agrees. Pure.

A filler line may say that nobody notices ("Nobody at the gym even notices.", 学校里谁也没有注意到。) in a scene that
draws a crowd (the onlookers, a laughing crowd: "Nobody at the school even notices" beside the classmates who laugh
at the hero, "Nobody at the gym even notices. Everyone at the gym turns to look."), or say the many hushed or
looking on ("The whole school goes quiet.", "Everyone at the gym turns to look.", 所有人都盯着看) in a scene that
draws its one pet alone, no crowd. ``said_as_drawn(scenes)`` cuts "nobody notices" from a scene that draws a crowd
(never a line's last sentence, never the premise's own words: only a sentence that opens with nobody), and where
nobody noticing is still said there (流浪猫在街头卖唱没人注意) draws no crowd; the many named beside one pet alone (the
premise's own words, 小猫在咖啡馆打工所有人都不理它, or a filler line) are drawn there, the onlookers, as a line that
calls everyone to look is drawn with its crowd; where the scene's props are full, the filler sentence that opens
with the many is cut instead."""

from __future__ import annotations

import re
from typing import Any

from story.mockers import ONLOOKERS
from story.repeats import sentences
from story.script import MAX_PROPS

# nobody looks on: a sentence that opens with nobody noticing (never "the one nobody noticed", never a doing)
_UNSEEN = re.compile(r"^(?:(?:And|But|Still|Yet),? )?(?:Nobody|No one)\b[^.!?]{0,40}\b(?:notices|looks up|sees it|even looks)\b"
                     r"|^[^，。！？]{0,8}(?:谁也没有注意到|谁都没有注意到|没有人注意到|没人注意到)")
# the many look on or hush: a sentence that opens with them
# what the whole place does, after "the whole " ("The whole noodle shop goes quiet"; never "the whole day is"): one
# pattern for this module's many and story/weave.py's hushed
WHOLE_DOES = (r"(?!day|night|week|year|time|way|world|thing|story|afternoon|morning|evening)[a-z ]{2,25}? "
              r"(?:goes|falls|is|holds|stops|turns|gasps|cheers|laughs|claps|erupts)\b")
_MANY = re.compile(r"^(?:(?:And|But|Then|Now)(?: this time| now| then)?,? )?(?:[Tt]he whole " + WHOLE_DOES +
                   r"|[Ee]veryone\b(?! (?:has|had) gone)|[Ee]verybody\b|[Ee]very (?:eye|head)\b|[Aa]ll eyes\b)"
                   r"|^(?:这一次，)?(?:所有人|全场|众人|大家)")
# the many named anywhere in a sentence (the premise's own: 小猫在咖啡馆打工所有人都不理它, 当伴娘全场都在笑)
_MANY_IN = re.compile(r"\b(?:everyone|everybody|the whole (?:town|school|class|street|city|village|crowd|room|hall))\b"
                      r"|\bthe whole " + WHOLE_DOES +
                      r"|所有人|全场|众人|大家|全校|全班|全村|全镇|全城", re.IGNORECASE)
# nobody noticing, named anywhere in a sentence (the premise's own: 流浪猫在街头卖唱没人注意): never "the one nobody noticed"
_UNSEEN_IN = re.compile(r"\b(?:nobody|no one)\b[^.!?]{0,30}\bnotices?\b|(?<!一直)(?:没人|没有人|谁也没有)注意(?!的)",
                        re.IGNORECASE)
_CROWDS = ("crowd", "onlookers", "audience")


def drawn_crowd(props: list[str]) -> bool:
    """The scene's props draw a crowd (a cheering, laughing or stunned crowd, onlookers, an audience)."""
    return any(any(c in p for c in _CROWDS) for p in props)


def _cut(text: str, wrong: re.Pattern[str]) -> str:
    """``text`` without its sentences ``wrong`` opens; the text as it was where none would be left."""
    opens, inner, closes = (text[0], text[1:-1], text[-1]) if len(text) > 1 and text[0] in "\"\u201c" else ("", text, "")
    said = sentences(inner)
    kept = [s for s in said if not wrong.search(s)]
    if not kept or len(kept) == len(said):
        return text
    sep = "" if re.search(r"[\u3400-\u9fff]", inner) else " "
    return f"{opens}{sep.join(kept)}{closes}"


def said_as_drawn(scenes: list[dict[str, Any]]) -> None:
    """In each scene, no "nobody notices" beside a crowd drawn (the filler cut; where nobody noticing is still said,
    no crowd drawn); the many named beside one pet alone drawn there, the onlookers (where the props are full, the
    filler that names them cut instead)."""
    for scene in scenes:
        if drawn_crowd([str(p) for p in scene["props"]]):
            scene["narration"] = _cut(str(scene["narration"]), _UNSEEN)
            for line in scene["dialogue"]:
                line["text"] = _cut(str(line["text"]), _UNSEEN)
            if any(_UNSEEN_IN.search(t) for t in [str(scene["narration"]), *(str(d["text"]) for d in scene["dialogue"])]):
                scene["props"] = [p for p in scene["props"] if not drawn_crowd([str(p)])]
            continue
        said = [str(scene["narration"]), *(str(d["text"]) for d in scene["dialogue"])]
        if len(scene["characters"]) != 1 or not any(_MANY_IN.search(t) for t in said):
            continue
        if len(scene["props"]) < MAX_PROPS:
            scene["props"] = [*scene["props"], ONLOOKERS]
            continue
        scene["narration"] = _cut(str(scene["narration"]), _MANY)
        for line in scene["dialogue"]:
            line["text"] = _cut(str(line["text"]), _MANY)
