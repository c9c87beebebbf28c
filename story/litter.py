"""A litter said as many (pure): "raises her five kittens alone" casts one character drawn as three tiny kittens, one
of them named once ("her five kittens, little Mango and the others"); every other line says them as the kittens,
never as one pet ("Mango is never alone": the kittens are never alone; "Mango's worn-out shoes": the kittens')."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from story.text import plural_verb

_LITTER_LOOK = re.compile(r"^three tiny (?:[^,]* )?(kittens|puppies)\b")
_ADVERBS = r"(?:(?:always|never|just|still|finally|now|also|even|really|already|soon|quickly|slowly) )?"


def litter_noun(look: str) -> str | None:
    """The plural a character drawn as a litter is ("three tiny ginger kittens, …": kittens), else None."""
    m = _LITTER_LOOK.search(look)
    return m.group(1) if m is not None else None


def said_as_litter(line: str, name: str, noun: str) -> str:
    """``line`` with the litter ``name`` said as its ``noun`` ("the kittens"), its verb agreeing; the line that names
    one of them ("little Mango and the others") as it is."""
    intro = f"little {name} and the others"
    if intro in line:
        return intro.join(said_as_litter(part, name, noun) for part in line.split(intro))
    if not re.search(rf"\b{re.escape(name)}\b", line):
        return line
    n = re.escape(name)

    def narrated(text: str) -> str:
        text = re.sub(rf"\b{n}['’]s\b", f"the {noun}'", text)
        text = re.sub(rf"\b{n}\b( {_ADVERBS})?(\S+?)([,;:!?.]*(?:\s|$))",
                      lambda m: f"the {noun}{m.group(1) or ' '}{plural_verb(m.group(2))}{m.group(3)}"
                      if m.group(1) is not None else f"the {noun}{m.group(2)}{m.group(3)}", text)
        # a second verb of the same clause agrees too ("the kittens run in and hug", never "run in and hugs")
        text = re.sub(rf"(\bthe {noun} [a-z]+\b[^,.;:!?\"]*? and )([a-z]+)\b",
                      lambda m: m.group(1) + plural_verb(m.group(2)), text)
        text = re.sub(rf"\b{n}\b", f"the {noun}", text)
        return re.sub(r"(^|[.!?]\s+)the ", lambda m: f"{m.group(1)}The ", text)

    parts = re.split(r"(\"[^\"]*\")", line)  # said to them inside quotes: "Easy now, kittens."
    said = []
    for i, p in enumerate(parts):
        if p.startswith('"'):
            said.append(re.sub(rf"\b{n}\b", noun, p))
            continue
        text = narrated(p)
        if i and re.search(r"[.!?]\"$", parts[i - 1]):  # a sentence after a quote that ends one: "… I miss you." The
            text = re.sub(r"^(\s+)the ", r"\1The ", text)
        said.append(text)
    return "".join(said)


def litters_said(beats: Iterable[dict[str, Any]], litters: dict[str, str]) -> None:
    """Each beat's line with every litter of ``litters`` (name: noun) said as many (``said_as_litter``)."""
    for beat in beats:
        for name, noun in litters.items():
            beat["line"] = said_as_litter(str(beat["line"]), name, noun)
