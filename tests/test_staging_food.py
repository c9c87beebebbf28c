"""Food and food shops premises name drawn as themselves: sausages, fish, a bone, noodles, dumplings, meat,
bread, ice cream (not the steaming bowl or the cake that stood in for all of them), and the trade of the shop
they come from (a butcher's, a noodle shop...). Real writer output, real renders."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter import StoryboardPainter
from render.painter.vocabulary import match_prop
from render.stages import never_cancel, no_progress
from story.offline import write_offline
from tests.test_staging import SMALL, _layers, _scene, _script, _still

FOODS = {"sausages": "sausages", "fish": "fish", "bone": "bone", "bowl of noodles": "noodles",
         "dumplings": "dumplings", "meat": "meat", "bread": "bread", "ice cream cone": "ice cream"}


@pytest.mark.parametrize(("premise", "lang", "label"), [
    ("a sneaky cat steals sausages from the butcher dog's shop and the police dog catches him", "en", "sausages"),
    ("a poor corgi sells dumplings at the night market and the rich poodle laughs at him", "en", "dumplings"),
    ("a lazy cat eats all the noodles at the noodle shop and cannot pay", "en", "bowl of noodles"),
    ("a cat chef cooks meat on the barbecue and the jealous neighbour steals it", "en", "meat"),
    ("a husky bakes bread at the bakery every morning", "en", "bread"),
    ("a chihuahua sells ice cream at the beach", "en", "ice cream cone"),
    ("a hungry puppy steals a bone from the big dog", "en", "bone"),
    ("小猫偷了狗狗的香肠", "zh", "sausages"),
    ("饿肚子的流浪猫偷了一条鱼", "zh", "fish"),
])
def test_a_premise_food_is_asked_and_drawn_as_itself(premise: str, lang: str, label: str) -> None:
    script = write_offline(premise, "ginger-cat", lang, 1)
    asked = [p for sc in script.scenes for p in sc.props]
    assert label in asked, asked
    m = match_prop(label)
    assert (m.drawn, m.how in ("exact", "alias")) == (FOODS[label], True)


def _held(label: str) -> np.ndarray:
    img, report = _still(_scene("park", [{"id": "hero", "action": "eat"}], props=[label]))
    (entry,) = report["drawn"]["props"]
    assert entry["where"] == "hand:hero"
    x0, y0, x1, y1 = report["drawn"]["characters"][0]["held_box"]
    return img[max(0, y0):y1, max(0, x0):x1]


def test_each_food_is_drawn_in_the_paw_and_none_is_the_bowl() -> None:
    held = {label: _held(label) for label in [*FOODS, "steaming bowl"]}
    bowl = held.pop("steaming bowl")
    for label, region in held.items():
        h, w = min(region.shape[0], bowl.shape[0]), min(region.shape[1], bowl.shape[1])
        assert np.abs(region[:h, :w] - bowl[:h, :w]).mean() > 10, label
    labels = list(held)
    for i, a in enumerate(labels):  # and each food differs from every other
        for b in labels[i + 1:]:
            ra, rb = held[a], held[b]
            h, w = min(ra.shape[0], rb.shape[0]), min(ra.shape[1], rb.shape[1])
            assert np.abs(ra[:h, :w] - rb[:h, :w]).mean() > 6, (a, b)


def test_the_butcher_premise_is_drawn_at_a_butchers_with_the_sausages() -> None:
    script = write_offline("a sneaky cat steals sausages from the butcher dog's shop and the police dog catches him",
                           "ginger-cat", "en", 1)
    painter = StoryboardPainter()
    arts = painter.paint_layers(script, SMALL, no_progress, never_cancel)
    shops = [r for r in painter.report if r["drawn"]["location"] == "shop"]
    assert shops and all(r["drawn"].get("place") == "butcher" for r in shops)
    drawn = [p["drawn"] for r in painter.report for p in r["drawn"]["props"]]
    assert "sausages" in drawn and "food bowl" not in drawn
    # the thief runs off with them in its paw; the butcher is dressed for the trade
    chars = [c for r in painter.report for c in r["drawn"]["characters"]]
    assert any(c["id"] == "hero" and c["action"] == "run" and (c["holding"] or {}).get("drawn") == "sausages"
               for c in chars)
    assert {c["outfit"] for c in chars if c["id"] == "dog"} == {"chef_hat"}
    assert len(arts) == len(painter.report)


@pytest.mark.parametrize(("setting", "premise"), [
    ("a cosy little shop", "a shiba works as a barber and gives the mayor a terrible haircut"),
    ("noodle shop: a busy noodle restaurant", ""),
    ("a tiny corner shop", "a kitten opens a toy shop"),
])
def test_a_named_trade_is_drawn_not_the_general_shop(setting: str, premise: str) -> None:
    location = "restaurant" if "restaurant" in setting else "shop"
    general, _ = _still(_scene(location, [{"id": "hero", "action": "cry"}], setting="a place"))
    script_scene = _scene(location, [{"id": "hero", "action": "cry"}], setting=setting)
    script = _script([script_scene]).model_copy(update={"premise": premise or "a test premise"})
    arts, report = _layers(script)
    assert report[0]["drawn"].get("place") in ("barber", "noodle shop", "toy shop")
    img = np.asarray(arts[0].flatten(), dtype=np.float32)
    h, w = img.shape[:2]
    region = (slice(int(h * 0.2), int(h * 0.5)), slice(int(w * 0.06), int(w * 0.28)))
    assert np.abs(img[region] - general[region]).mean() > 12
