"""Deeds and looks the painter draws as the premise tells them: cash thrown at someone flies from the thrower's
paw (the one who throws, not always the hero); a paper torn up is torn whatever stand-in the tearing was staged
as; a job the hero saves up by is drawn at its work (the stall, the scooter), never as a coin in a piggy bank; a
warehouse is drawn as one (racks of boxes, a forklift), the boxes carried, not bricks; a crowd of one breed in
its coat; a skinny pet narrow, its ribs showing. Staging checks, the story's scripts and small stills."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from render.painter.looks import crowd_coat, resolve_look
from render.painter.staging import stage_scene
from story.drawings import TEAR, THROW, own_drawings, struck
from story.offline import write_story
from story.premise import analyse
from story.script import Character, Scene
from story.venues import place_drawn
from tests.test_staging import _layers, _scene, _script, _still


def _staged(chars: list[dict[str, Any]], narration: str, props: list[str], location: str = "street") -> dict[str, Any]:
    scene = Scene.model_validate(_scene(location, chars, narration=narration, props=props))
    staged, _ = stage_scene(scene, ["hero", "rival"])
    return {st.id: st for st in staged}


# -- a throw is the thrower's, and cash thrown at someone flies ---------------------------------------------------


@pytest.mark.parametrize("narration", [
    "On a grey afternoon, Luna, the rich cat, throws cash at Max, the poor puppy.",
    "一个阴沉的下午，有钱的波斯猫把钞票扔向了小狗。",
])
def test_cash_thrown_at_the_hero_flies_from_the_throwers_paw(narration: str) -> None:
    chars = [{"id": "rival", "action": "push", "target": "hero"}, {"id": "hero"}]
    staged = _staged(chars, narration, ["stack of cash"])
    rival, hero = staged["rival"], staged["hero"]
    assert rival.pose.arms == "throw" and rival.pose.holding is not None and rival.pose.holding.drawn == "money"
    assert hero.pose.arms != "throw"
    scene = Scene.model_validate(_scene("street", chars, narration=narration, props=["stack of cash"]))
    assert own_drawings(scene, ["hero", "rival"]) == {"rival": THROW}


def test_a_throw_only_recalled_while_the_hero_gives_throws_nothing() -> None:
    chars = [{"id": "hero", "action": "give", "target": "rival"}, {"id": "rival"}]
    scene = _scene("street", chars, narration="Bear just smiles.", props=["money"],
                   dialogue=[{"speaker": "hero", "text": "Remember me? You threw me a coin once."}])
    staged, _ = stage_scene(Scene.model_validate(scene), ["hero", "rival"])
    assert all(st.pose.arms != "throw" for st in staged)


@pytest.mark.parametrize("narration", ["Bolt throws Maple out.", "The landlord throws him out of the house."])
def test_one_thrown_out_of_its_home_is_no_thing_thrown(narration: str) -> None:
    chars = [{"id": "rival", "action": "push", "target": "hero"}, {"id": "hero"}]
    scene = Scene.model_validate(_scene("street", chars, narration=narration, props=["money", "suitcase"]))
    assert THROW not in own_drawings(scene, ["hero", "rival"]).values()
    staged, _ = stage_scene(scene, ["hero", "rival"])
    assert all(st.pose.arms != "throw" for st in staged)


def test_the_premise_scene_shows_the_rival_throwing_the_cash() -> None:
    for seed in (1, 2, 3):
        script = write_story("the rich cat throws cash at the poor puppy", None, "en", seed).script
        cast = [c.id for c in script.characters]
        scene = next(s for s in script.scenes if "throws cash" in s.narration)
        assert own_drawings(scene, cast, script.premise).get("rival") == THROW, seed
        staged, placed = stage_scene(scene, cast, premise=script.premise)
        by_id = {st.id: st for st in staged}
        assert by_id["rival"].pose.arms == "throw" and by_id["hero"].pose.arms != "throw", seed
        assert any(p.match.drawn == "money" and p.where == "hand:rival" for p in placed), seed  # not on the ground


# -- tearing up, whatever the stand-in ------------------------------------------------------------------------


@pytest.mark.parametrize(("action", "narration"), [
    ("exit", "开春的第一天，柯基大黄撕掉了辞职信。"),
    ("walk", "Biscuit tears up his resignation letter and walks out."),
    ("stand", "She rips the contract in half."),
])
def test_a_paper_torn_up_is_torn_whatever_it_was_staged_as(action: str, narration: str) -> None:
    chars = [{"id": "hero", "action": action}]
    scene = Scene.model_validate(_scene("street", chars, narration=narration, props=["letter"]))
    assert struck(scene, ["hero"]) == {"hero": TEAR}
    staged, _ = stage_scene(scene, ["hero"])
    (st,) = staged
    assert st.pose.arms == "tear" and "torn" in st.pose.marks and st.pose.holding is None
    assert not st.motion.startswith(("exit", "enter")) and not st.away  # it stops to tear it, facing us


def test_tearing_is_not_drawn_for_one_asleep_or_hugging() -> None:
    for action in ("sleep", "hug"):
        scene = Scene.model_validate(_scene("street", [{"id": "hero", "action": action}],
                                            narration="She tears up the letter."))
        assert struck(scene, ["hero"]) == {}


def test_the_corgi_tears_its_resignation_letter_in_the_premise_scene() -> None:
    script = write_story("柯基撕掉了辞职信", None, "zh", 1).script
    scene = next(s for s in script.scenes if "撕掉了辞职信" in s.narration)
    staged, _ = stage_scene(scene, [c.id for c in script.characters], premise=script.premise)
    assert staged[0].pose.arms == "tear"


# -- saved up by a job: the job's work, never a piggy bank -----------------------------------------------------


@pytest.mark.parametrize(("premise", "lang", "words", "rig"), [
    ("小狗送外卖攒钱", "zh", "送外卖攒钱", "delivery scooter"),
    ("橘猫卖烤红薯攒钱", "zh", "卖烤红薯攒钱", "food stall"),
    ("a ginger cat sells roasted sweet potatoes to save money", "en", "sells roasted", "food stall"),
    ("柯基摆摊卖煎饼攒钱给奶奶看病", "zh", "卖煎饼攒钱", "food stall"),
])
def test_saving_up_by_a_job_is_drawn_at_the_job(premise: str, lang: str, words: str, rig: str) -> None:
    for seed in (1, 2):
        script = write_story(premise, None, lang, seed).script
        cast = [c.id for c in script.characters]
        told = [s for s in script.scenes if words in s.narration]
        assert told, seed
        for scene in told:
            hero = next(a for a in scene.characters if a.id == "hero")
            assert hero.action == "work" and hero.holding not in ("piggy bank", "coin jar"), (seed, scene.narration)
            staged, _ = stage_scene(scene, cast, premise=script.premise)
            st = next(s for s in staged if s.id == "hero")
            assert st.pose.rig is not None and st.pose.rig.drawn == rig, (seed, scene.narration)


def test_selling_street_food_is_the_vendors_work_and_the_name_goes_before_it() -> None:
    assert analyse("橘猫卖烤红薯攒钱").hero.job == "street_vendor"
    script = write_story("橘猫卖烤红薯攒钱", None, "zh", 1).script
    name = script.characters[0].name
    assert any(f"橘猫{name}卖烤红薯" in s.narration for s in script.scenes)
    assert not any(f"卖烤红薯{name}" in s.narration for s in script.scenes)


def test_only_saving_is_still_a_coin_in_the_piggy_bank() -> None:
    script = write_story("a kitten saves every coin to buy her grandma a scarf", None, "en", 1).script
    assert any(a.holding == "piggy bank" for s in script.scenes for a in s.characters if a.id == "hero")


# -- a warehouse ---------------------------------------------------------------------------------------


def test_a_warehouse_is_drawn_as_one_and_its_boxes_are_carried() -> None:
    chars = [{"id": "hero", "action": "work"}]
    site = _scene("construction_site", chars, setting="a dusty construction site with cranes")
    house = _scene("construction_site", chars, setting="warehouse: a dusty construction site with cranes")
    found = place_drawn(Scene.model_validate(house))
    assert found is not None and found.kind == "warehouse"
    base, before = _still(site)
    img, report = _still(house)
    assert report["drawn"]["place"] == "warehouse"
    (char,) = report["drawn"]["characters"]
    (was,) = before["drawn"]["characters"]
    assert was["holding"]["drawn"] == "bricks" and char["holding"]["drawn"] == "boxes"
    h, w = img.shape[:2]
    top = slice(0, int(h * 0.12))  # the crane's yellow jib along the top is gone: a wall under high windows
    yellow = (img[..., 0] > 200) & (img[..., 1] > 150) & (img[..., 2] < 90)
    assert yellow[top].mean() < 0.2 * max(1e-6, (((base[..., 0] > 200) & (base[..., 1] > 150) & (base[..., 2] < 90))
                                                 [top]).mean())
    assert float(np.abs(img - base).mean()) > 10


def test_a_tabby_working_nights_in_a_warehouse_works_in_one() -> None:
    script = write_story("a tabby works nights in a warehouse", None, "en", 1).script
    _, report = _layers(script)
    assert all(r["drawn"]["place"] == "warehouse" for r, s in zip(report, script.scenes, strict=True)
               if s.location == "construction_site")


# -- a crowd of one breed, and a skinny pet --------------------------------------------------------------------


def test_a_crowd_of_one_breed_shares_its_coat() -> None:
    assert crowd_coat("laughing crowd of poodles") == (250, 248, 244)
    assert crowd_coat("stunned crowd of shibas") == (215, 125, 55)
    assert crowd_coat("laughing crowd of dogs") is None and crowd_coat("laughing crowd") is None
    chars = [{"id": "hero", "action": "cry"}]
    poodles, report = _still(_scene("street", chars, props=["laughing crowd of poodles"]))
    dogs, _ = _still(_scene("street", chars, props=["laughing crowd of dogs"]))
    (entry,) = report["drawn"]["props"]
    x0, y0, x1, y1 = entry["box"]
    crowd = (slice(max(0, y0), y1), slice(max(0, x0), x1))
    white = float((poodles[crowd] > 215).all(axis=-1).mean())
    assert white > 0.015 and white > 2 * float((dogs[crowd] > 215).all(axis=-1).mean())  # white heads, not mixed


def test_the_poodles_laughing_at_the_pug_are_a_crowd_of_poodles() -> None:
    script = write_story("the poodles laugh at the pug", None, "en", 1).script
    laughing = [p for s in script.scenes for p in s.props if p.startswith("laughing crowd")]
    assert laughing and all(crowd_coat(p) == (250, 248, 244) for p in laughing)


def _dog(look: str) -> Character:
    return Character.model_validate({"id": "hero", "name": "Rex", "species": "dog", "breed": "mixed breed",
                                     "look": look, "style": None})


@pytest.mark.parametrize(("premise", "lang"), [
    ("a skinny stray dog begs outside the restaurant", "en"),
    ("一只瘦弱的流浪猫在雨里发抖", "zh"),
    ("a scrawny kitten wants to be a bodybuilder", "en"),
])
def test_a_skinny_hero_is_drawn_skinny(premise: str, lang: str) -> None:
    import random
    script = write_story(premise, None, lang, 1).script
    hero = script.characters[0]
    assert "ribs showing" in hero.look
    assert resolve_look(hero, random.Random(1)).thin


def test_the_skinny_body_is_narrow_with_its_ribs() -> None:
    import random
    plain = _dog("a scruffy brown mutt of mixed breed")
    thin = _dog("a scruffy brown mutt of mixed breed, skinny, its ribs showing")
    assert not resolve_look(plain, random.Random(1)).thin and resolve_look(thin, random.Random(1)).thin
    assert not resolve_look(_dog("a poor brown mutt, thin, with scruffy fur"), random.Random(1)).thin  # poor: as was
    stills = []
    for c in (plain, thin):
        script = _script([_scene("street", [{"id": "hero"}])])
        script = script.model_copy(update={"characters": [c, *script.characters[1:]]})
        arts, report = _layers(script)
        stills.append((np.asarray(arts[0].flatten(), dtype=np.float32), report[0]))
    (a, ra), (b, _) = stills
    x0, y0, x1, y1 = ra["drawn"]["characters"][0]["box"]
    assert float(np.abs(a[y0:y1, x0:x1] - b[y0:y1, x0:x1]).mean()) > 1.5  # the same dog, its body narrowed
