"""Catalogue of character styles (the pets) and art styles. Pure data, and the one check that a style is
in it (``check_style``, ``check_styles``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from petreel.errors import UnknownStyle

Species = Literal["cat", "dog"]


@dataclass(frozen=True)
class CharacterStyle:
    id: str
    species: Species
    breed: str
    label_en: str
    label_zh: str
    look: str  # verbatim description reused in every prompt
    fur: tuple[int, int, int]  # main colour for the procedural painter
    fur2: tuple[int, int, int]  # secondary colour (belly, muzzle, stripes)
    pattern: Literal["plain", "tabby", "patches", "mask"]
    ears: Literal["pointy", "floppy", "big"]
    fluffy: bool = False
    emoji: str = ""

    def label(self, lang: str) -> str:
        return self.label_zh if lang.startswith("zh") else self.label_en


CHARACTER_STYLES: dict[str, CharacterStyle] = {
    s.id: s
    for s in [
        CharacterStyle("ginger-cat", "cat", "ginger tabby", "Ginger cat", "橘猫",
                       "a small ginger tabby cat with orange fur, white chest and big green eyes",
                       (235, 140, 50), (255, 235, 210), "tabby", "pointy", emoji="🐱"),
        CharacterStyle("white-persian", "cat", "white Persian", "White Persian", "白色波斯猫",
                       "a fluffy white Persian cat with a flat face, blue eyes and a haughty look",
                       (248, 246, 240), (235, 225, 220), "plain", "pointy", fluffy=True, emoji="🤍"),
        CharacterStyle("black-cat", "cat", "black shorthair", "Black cat", "黑猫",
                       "a sleek black cat with glossy fur and bright yellow eyes",
                       (40, 38, 45), (70, 68, 80), "plain", "pointy", emoji="🐈‍⬛"),
        CharacterStyle("tabby-cat", "cat", "grey tabby", "Tabby cat", "狸花猫",
                       "a grey tabby cat with dark stripes, an M on its forehead and amber eyes",
                       (150, 140, 125), (225, 215, 200), "tabby", "pointy", emoji="🐈"),
        CharacterStyle("corgi", "dog", "Pembroke corgi", "Corgi", "柯基",
                       "a chubby Pembroke corgi with orange and white fur, short legs and big ears",
                       (230, 150, 70), (255, 248, 235), "patches", "big", emoji="🐕"),
        CharacterStyle("husky", "dog", "Siberian husky", "Husky", "哈士奇",
                       "a Siberian husky with grey and white fur, a facial mask and icy blue eyes",
                       (120, 125, 135), (250, 250, 250), "mask", "pointy", emoji="🐺"),
        CharacterStyle("shiba", "dog", "Shiba Inu", "Shiba Inu", "柴犬",
                       "a Shiba Inu with red-orange fur, cream cheeks and a curled tail",
                       (215, 125, 55), (255, 240, 215), "mask", "pointy", emoji="🦊"),
        CharacterStyle("golden-retriever", "dog", "golden retriever", "Golden retriever", "金毛",
                       "a friendly golden retriever with long golden fur and a gentle smile",
                       (225, 175, 90), (245, 215, 150), "plain", "floppy", fluffy=True, emoji="🦮"),
    ]
}

DEFAULT_STYLE = "ginger-cat"


@dataclass(frozen=True)
class ArtStyle:
    id: str
    label_en: str
    label_zh: str
    prompt: str  # appended to diffusion prompts
    gpu_only: bool

    def label(self, lang: str) -> str:
        return self.label_zh if lang.startswith("zh") else self.label_en


ART_STYLES: dict[str, ArtStyle] = {
    a.id: a
    for a in [
        ArtStyle("storyboard", "Storyboard cartoon", "卡通分镜", "flat cartoon storyboard, bold outlines", False),
        ArtStyle("3d", "3D animation", "3D 动画", "3d animated film still, pixar style, soft global illumination", True),
        ArtStyle("anime", "Anime", "动漫", "anime key visual, cel shading, vibrant colours", True),
        ArtStyle("realistic", "Realistic", "写实", "photorealistic, cinematic lighting, 35mm, shallow depth of field", True),
    ]
}

DEFAULT_ART_STYLE = "storyboard"


def art_styles_for(backend: str) -> list[ArtStyle]:
    """Art styles offered with this render backend (GPU styles need the diffusers backend)."""
    return [a for a in ART_STYLES.values() if backend == "diffusers" or not a.gpu_only]


def only_art_style(backend: str) -> ArtStyle | None:
    """The art style used when this backend offers exactly one (the CPU painter): nothing to pick."""
    offered = art_styles_for(backend)
    return offered[0] if len(offered) == 1 else None


def check_style(style: str) -> None:
    """Raises ``UnknownStyle`` (naming the known ones) for a hero style the catalogue does not have."""
    if style not in CHARACTER_STYLES:
        raise UnknownStyle(f"{style!r}; known: {', '.join(CHARACTER_STYLES)}")


def check_styles(style: str, art_style: str) -> None:
    """``check_style``, then the same for an art style."""
    check_style(style)
    if art_style not in ART_STYLES:
        raise UnknownStyle(f"art style {art_style!r}; known: {', '.join(ART_STYLES)}")
