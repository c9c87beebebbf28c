"""Heroes that are neither cats nor dogs: a hamster, a rabbit, a panda, a fox or a pig is cast as itself and
drawn with its own parts (pixel checks where each part is); a parrot, which the painter cannot draw, is cast
as the ginger cat and says so, in the substitutions and in the line the bot shows before the clip is made."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image, ImageDraw

from bot.handlers.understanding import own_label
from render.painter.animals import animal_of
from render.painter.looks import resolve_look
from render.painter.pets import Pet
from render.painter.vocabulary import stage_action
from story.offline import write_story
from story.premise import analyse, understood_line
from story.script import Character

_H = 208.0  # the pet's height in pixels: 2 px a pet unit
_CX, _FEET = 150.0, 300.0
_BG = (200, 200, 205)


def _drawn(breed: str, species: str, look: str) -> np.ndarray:
    """One standing pet of ``breed`` on a plain ground, facing right (+x)."""
    char = Character(id="hero", name="A", species=species, breed=breed, look=look)  # type: ignore[arg-type]
    img = Image.new("RGB", (300, 320), _BG)
    pose = stage_action("stand", "neutral", None, [], "street")
    Pet(ImageDraw.Draw(img, "RGBA"), _CX, _FEET, _H, resolve_look(char, random.Random(1)), "none", pose, 1).draw()
    return np.asarray(img, dtype=np.int16)


def _at(img: np.ndarray, x: float, y: float, r: int = 2) -> np.ndarray:
    """The mean colour of a small square about pet units (x, y)."""
    px, py = round(_CX + x * _H / 104), round(_FEET + y * _H / 104)
    return img[py - r:py + r + 1, px - r:px + r + 1].reshape(-1, 3).mean(axis=0)


def _is(colour: np.ndarray, want: tuple[int, int, int], tol: float = 40) -> bool:
    return float(np.abs(colour - np.array(want)).max()) < tol


@pytest.mark.parametrize(("breed", "species", "look", "x", "y", "want"), [
    ("rabbit", "cat", "a white rabbit", 12, -112, (244, 140, 160)),  # a long ear, pink inside, high above the skull
    ("hamster", "cat", "a golden hamster", 22, -60, (255, 242, 222)),  # a full cheek beside the muzzle
    ("panda", "dog", "a panda", 20, -94, (36, 34, 40)),  # a round black ear
    ("panda", "dog", "a panda", 9, -10, (36, 34, 40)),  # a black leg
    ("fox", "dog", "a red fox", -37, -37, (226, 110, 44)),  # the bushy tail, up behind it
    ("pig", "dog", "a pink pig", 0, -61, (218, 160, 167)),  # the snout where a dog's black nose is
])
def test_an_animal_is_drawn_with_its_own_parts(breed: str, species: str, look: str, x: float, y: float,
                                               want: tuple[int, int, int]) -> None:
    img = _drawn(breed, species, look)
    assert _is(_at(img, x, y), want), (breed, _at(img, x, y))


def test_a_cat_and_a_dog_keep_their_drawing() -> None:
    """The animals' parts are theirs only: a ginger cat has no long ear above its head, a dog no snout."""
    cat = _drawn("ginger tabby", "cat", "a ginger cat")
    assert _is(_at(cat, 12, -114), _BG, 8)
    assert animal_of("ginger tabby a ginger cat") == animal_of("golden retriever a pig-headed dog") == ""


@pytest.mark.parametrize(("premise", "lang", "cast"), [
    ("a little rabbit opens a carrot shop and the mean fox next door tries to ruin it", "en",
     {"hero": "rabbit", "rival": "fox"}),
    ("a lazy panda gets fired from the zoo and becomes a famous chef", "en", {"hero": "panda"}),
    ("a poor pig works hard on the farm and buys the biggest house in town", "en", {"hero": "pig"}),
    ("一只小仓鼠被同学嘲笑，每天努力跑轮子，最后拿了冠军", "zh", {"hero": "hamster"}),
    ("小兔子被富家猫看不起，开了一家胡萝卜店，后来发财了", "zh", {"hero": "rabbit"}),
    ("熊猫宝宝第一次去上学，交到了好朋友", "zh", {"hero": "panda"}),
])
def test_a_premise_casts_the_animal_it_names(premise: str, lang: str, cast: dict[str, str]) -> None:
    """Before: a hamster, a rabbit or a panda was no pet at all, and the hero a ginger cat (or a classmate)."""
    script = write_story(premise, None, lang, 1).script
    breeds = {c.id: c.breed for c in script.characters}
    for cid, breed in cast.items():
        assert breeds.get(cid) == breed, breeds
        char = next(c for c in script.characters if c.id == cid)
        assert animal_of(f"{char.breed} {char.look}".lower()) == breed


@pytest.mark.parametrize(("premise", "lang", "said"), [
    ("a parrot who can't sing is mocked by the other birds, then becomes a pop star", "en",
     "the parrot (drawn as a ginger cat: no parrot drawing yet)"),
    ("小鹦鹉被大家嘲笑，后来成了歌星", "zh", "小鹦鹉（暂时画成橘猫：还不会画鹦鹉）"),
])
def test_an_animal_the_painter_cannot_draw_is_a_reported_stand_in(premise: str, lang: str, said: str) -> None:
    """A parrot is drawn as the ginger cat, never silently: the substitution (``petreel make`` prints it and
    writes it in ``--report``) and the line the bot shows before the clip is made both say so."""
    written = write_story(premise, None, lang, 1)
    assert written.script.characters[0].style == "ginger-cat"
    assert [str(s) for s in written.substitutions if s.kind == "species"] == \
        ["scene 1: species 'parrot' drawn as 'ginger cat'"]
    assert said in understood_line(analyse(premise), lang)
    picked = write_story(premise, "husky", lang, 1)  # another hero picked: a re-cast, said by its own note
    assert not [s for s in picked.substitutions if s.kind == "species"]


def test_the_hero_button_names_the_animal_drawn() -> None:
    """The premise's own hero button said "Ginger cat (your idea)" for a hamster; it names the hamster."""
    assert own_label("a shy hamster trains every night and wins the wheel race", "en") == "Hamster"
    assert own_label("熊猫宝宝第一次去上学", "zh") == "熊猫"
    assert own_label("a poor ginger cat is mocked by a rich white cat", "en") is None
