"""Things a premise names that had no drawing near them (drawn as nothing, the gift-box stand-in): a haircut drawn as
a barber's scissors and comb, a valentine, a birthday card or a love letter as a greeting card (never a pile of
money), watermelons as a striped melon; and words that name no thing never asked as one ("cannot pay", "instead of
doing his homework", "his crush", "far away"). Real writer output, small real renders."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter.geometry import Pen
from render.painter.props import DRAW, EXTENT, draw_prop
from render.painter.vocabulary import art, match_prop, vocabulary
from render.stages import RenderSpec
from story.offline import write_offline
from story.premise import analyse
from tests.test_staging import _scene, _still

NEW = ("scissors", "card", "watermelon", "signed papers")


def _lang(premise: str) -> str:
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"


@pytest.mark.parametrize(("premise", "drawn"), [
    ("a shiba inu works as a barber and gives the mayor a terrible haircut", "scissors"),
    ("a golden retriever gets a terrible haircut and hides from everyone", "scissors"),
    ("理发师小狗给市长剪了一个很丑的发型", "scissors"),
    ("a shy beagle gives his crush a valentine card", "card"),
    ("a kitten makes a birthday card for her grandma", "card"),
    ("小猫给妈妈做了一张生日贺卡", "card"),
    ("a tough bulldog drives a truck full of watermelons over the mountains", "watermelon"),
    ("柯基在夏天的集市上卖西瓜", "watermelon"),
])
def test_a_named_thing_is_drawn_as_itself_not_as_nothing(premise: str, drawn: str) -> None:
    for seed in (1, 2):
        script = write_offline(premise, "ginger-cat", _lang(premise), seed)
        matches = [match_prop(p) for sc in script.scenes for p in sc.props]
        assert any(m.drawn == drawn and m.how in ("exact", "alias") for m in matches), \
            [(m.asked, m.drawn, m.how) for m in matches]
        assert not any(m.how == "fallback" for m in matches), [(m.asked, m.drawn, m.how) for m in matches]
        assert not any(m.drawn == "money" for m in matches)  # a card was drawn as a pile of banknotes


@pytest.mark.parametrize(("words", "drawing"), [
    ("terrible haircut", "scissors"), ("a funny haircut", "scissors"), ("comb", "scissors"), ("剪刀", "scissors"),
    ("hair", "scissors"), ("valentine card", "card"), ("card", "card"), ("christmas card", "card"),
    ("love letter", "card"), ("情书", "card"), ("贺卡", "card"), ("credit card", "money"), ("bank card", "money"),
    ("letter", "book"), ("watermelons", "watermelon"), ("the biggest melon", "watermelon"), ("西瓜", "watermelon"),
    ("bill", "money"),
])
def test_the_painter_draws_the_thing_the_words_name(words: str, drawing: str) -> None:
    m = match_prop(words)
    assert art(m) == drawing and m.how != "fallback", (words, m)


@pytest.mark.parametrize(("premise", "not_a_thing"), [
    ("a lazy cat eats all the noodles at the noodle shop and cannot pay", "pay"),
    ("a lazy cat eats the fish and can't pay", "pay"),
    ("a tabby cat can't afford a birthday cake for her son", "afford"),
    ("a husky plays video games instead of doing his homework", "doing"),
    ("a dachshund is grounded for not doing the dishes", "doing"),
    ("a shy beagle gives his crush a valentine card", "crush"),
    ("a beagle sends a christmas card to his owner far away", "far"),
])
def test_a_word_that_names_no_thing_is_never_asked_as_one(premise: str, not_a_thing: str) -> None:
    from story.clauses import clauses

    things = [t for c in clauses(analyse(premise)) for t in (*c.nouns, *c.things)]
    assert not_a_thing not in things, things
    script = write_offline(premise, "ginger-cat", "en", 1)
    assert not any(not_a_thing in p.split() for sc in script.scenes for p in sc.props)


def test_every_new_drawing_draws_within_its_extent() -> None:
    from PIL import Image, ImageDraw

    for name in NEW:
        img = Image.new("RGB", (400, 300), (0, 0, 0))
        draw_prop(name, Pen(ImageDraw.Draw(img, "RGBA"), 200, 260, 1.0), None)
        ink = np.asarray(img).max(axis=-1) > 0
        ys, xs = np.nonzero(ink)
        hw, h = EXTENT[name]
        assert ink.mean() > 0.02, name
        assert xs.min() >= 200 - hw - 4 and xs.max() <= 200 + hw + 4 and ys.min() >= 260 - h - 4, name
    assert set(NEW) <= set(DRAW) and set(NEW) <= set(vocabulary().props)


@pytest.mark.parametrize(("prop", "drawn", "colours"), [
    ("card", "card", {(250, 190, 205): 500, (225, 40, 70): 40}),  # the pink card, its red heart
    ("scissors and comb", "scissors", {(60, 60, 72): 200, (230, 70, 80): 40}),  # the comb, the finger rings
])
def test_the_thing_is_held_and_seen_in_the_still(prop: str, drawn: str, colours: dict[tuple[int, int, int], int]) -> None:
    spec = RenderSpec(width=360, height=640, seed=1)
    img, report = _still(_scene("street", [{"id": "hero", "action": "give"}], props=[prop]), spec)
    assert report["drawn"]["characters"][0]["holding"]["drawn"] == drawn, report["drawn"]
    plain, _ = _still(_scene("street", [{"id": "hero", "action": "give"}]), spec)  # the paw holds its gift box
    changed = np.abs(img - plain).max(axis=-1) > 30
    for colour, least in colours.items():
        assert (changed & (np.abs(img - colour).max(axis=-1) < 30)).sum() > least, (prop, colour)
