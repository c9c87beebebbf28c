"""The props premises ask for most (food stall, tray, coffee, handbag, necklace, newspaper, yacht, easel):
asked in words, drawn where the report says, and used by the character whose job needs them."""

from __future__ import annotations

import numpy as np
import pytest

from render.painter.staging import stage_scene
from render.painter.vocabulary import match_prop, vocabulary
from story.lexicon import lexicon
from story.nearest import things
from story.script import Scene
from tests.test_staging import _scene, _still

# lexicon key → the painter's drawing
NEW = {"food_stall": "food stall", "tray": "serving tray", "coffee": "coffee cup", "handbag": "handbag",
       "necklace": "necklace", "newspaper": "newspaper", "yacht": "yacht", "easel": "easel"}


def test_each_new_lexicon_prop_is_drawn_as_itself() -> None:
    lex = lexicon()
    for key, drawn in NEW.items():
        label = str(lex.entry("props", key)["label"])
        m = match_prop(label)
        assert (m.drawn, m.how in ("exact", "alias")) == (drawn, True), key
        assert drawn in vocabulary().props


@pytest.mark.parametrize(("words", "drawn"), [
    ("market stall", "food stall"), ("餐车", "food stall"), ("tray", "serving tray"), ("托盘", "serving tray"),
    ("latte", "coffee cup"), ("奶茶", "coffee cup"), ("purse", "handbag"), ("项链", "necklace"),
    ("headlines", "newspaper"), ("游艇", "yacht"), ("paintbrush", "easel"), ("画架", "easel"),
])
def test_the_painter_knows_their_words(words: str, drawn: str) -> None:
    assert match_prop(words).drawn == drawn


@pytest.mark.parametrize(("asked", "drawn"), [
    ("souvenir", "gift box"), ("耳环", "necklace"), ("police badge", "trophy"), ("a lottery ticket", "money"),
    ("vegetable basket", "food bowl"), ("邮轮", "yacht"),
])
def test_words_the_painter_lacks_are_drawn_as_the_story_nearest_and_say_so(asked: str, drawn: str) -> None:
    m = match_prop(asked)
    assert (m.drawn, m.how) == (drawn, "nearest")
    assert match_prop("snowman").how == "fallback"  # nothing near: the fallback, reported as such


@pytest.mark.parametrize("label", ["food stall", "tray of food", "cup of coffee", "designer handbag",
                                   "diamond necklace", "newspaper", "luxury yacht", "easel and canvas"])
def test_a_new_prop_is_drawn_in_the_region_the_report_gives(label: str) -> None:
    # the hero cries: free neither to ride a rig nor to hold a prop, so the prop stands in the scene
    base, _ = _still(_scene("street", [{"id": "hero", "action": "cry"}]))
    with_prop, report = _still(_scene("street", [{"id": "hero", "action": "cry"}], props=[label]))
    (entry,) = report["drawn"]["props"]
    assert entry["where"] in ("back", "ground", "front")
    x0, y0, x1, y1 = entry["box"]
    x0, y0 = max(0, x0), max(0, y0)
    assert x1 > x0 and y1 > y0, label
    region = np.abs(with_prop[y0:y1, x0:x1] - base[y0:y1, x0:x1]).mean()
    assert region > 6, (label, region)
    everywhere = np.abs(with_prop - base).mean()
    assert region > 2 * everywhere, label  # the change is where the report says


@pytest.mark.parametrize(("location", "props", "job", "rig", "holding"), [
    ("market", [], "sell", "food stall", None),
    ("street", ["market stall"], "sell", "food stall", None),
    ("restaurant", ["tray"], "serve", None, "serving tray"),
    ("bedroom", ["easel"], "paint", "easel", None),
])
def test_work_uses_the_new_props(location: str, props: list[str], job: str, rig: str | None,
                                 holding: str | None) -> None:
    scene = Scene.model_validate(_scene(location, [{"id": "hero", "action": "work"}], props=props))
    (st,), _ = stage_scene(scene)
    assert st.pose.job == job
    assert (st.pose.rig.drawn if st.pose.rig else None) == rig
    assert (st.pose.holding.drawn if st.pose.holding else None) == holding


@pytest.mark.parametrize(("label", "where"), [("luxury yacht", "rig:hero"), ("food stall", "rig:hero"),
                                              ("designer handbag", "hand:hero"), ("diamond necklace", "hand:hero"),
                                              ("cup of coffee", "hand:hero"), ("newspaper", "hand:hero")])
def test_a_free_character_uses_the_prop_and_it_changes_their_sprite(label: str, where: str) -> None:
    plain, _ = _still(_scene("beach", [{"id": "hero"}]))
    with_prop, report = _still(_scene("beach", [{"id": "hero"}], props=[label]))
    (entry,) = report["drawn"]["props"]
    assert entry["where"] == where
    (char,) = report["drawn"]["characters"]
    x0, y0, x1, y1 = (max(0, v) for v in char["box"])
    assert np.abs(with_prop[y0:y1, x0:x1] - plain[y0:y1, x0:x1]).mean() > 1, label


def test_a_premise_clause_stages_the_new_props() -> None:
    got = things("the poor cat opens a food truck, serves lattes on a tray and reads the headlines", "en")
    assert [n.used for n in got] == ["food_stall", "coffee", "tray", "newspaper"]
    got = things("富猫戴着钻石项链，拎着名牌包，在游艇上喝香槟", "zh")
    assert [n.used for n in got] == ["necklace", "handbag", "yacht", "wine"]  # champagne in a wine glass


def test_the_character_doing_something_takes_the_scene_things() -> None:
    """The rival laughing from her yacht in her necklace: hers, not the hero's who only stands there."""
    scene = Scene.model_validate(_scene("beach", [{"id": "rival", "action": "laugh"}, {"id": "hero"}],
                                        props=["diamond necklace", "luxury yacht"]))
    staged, placed = stage_scene(scene, ["hero", "rival"])
    rival, hero = staged
    assert rival.pose.holding is not None and rival.pose.holding.drawn == "necklace"
    assert rival.pose.rig is not None and rival.pose.rig.drawn == "yacht" and rival.pose.arms == "belly"
    assert hero.pose.holding is None and hero.pose.rig is None
    assert [p.where for p in placed] == ["hand:rival", "rig:rival"]


def test_a_pet_walking_up_to_a_stall_is_its_customer_not_its_vendor() -> None:
    scene = Scene.model_validate(_scene("street", [{"id": "rival", "action": "walk"}, {"id": "hero"}],
                                        props=["food stall", "cheering crowd"]))
    staged, placed = stage_scene(scene, ["hero", "rival"])
    rival, hero = staged
    assert hero.pose.rig is not None and hero.pose.rig.drawn == "food stall"
    assert rival.pose.rig is None
