"""Venues and the deed done at them, as a viewer reads them with the sound off: each job's own gear (a street
sweeper's broom, a dishwasher's stack of plates, never a window cleaner's cradle hung in a street or a
restaurant); the headline naming the gym or the bakery the scene is drawn as; a shop the hero opens later
never the place before it exists; a sports premise's deed done where it is done and as itself (the barbell
pressed overhead, the race won at its finish line, a swimming race at the pool)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from render.painter.staging import stage_scene
from render.painter.venues import venue_captions
from render.painter.vocabulary import match_prop, stage_action
from story.offline import write_offline
from story.script import Scene, Script
from story.venues import places_drawn
from tests.test_staging import _scene, _script, _still


@pytest.mark.parametrize(("location", "props", "job", "held"), [
    ("street", ["broom", "bucket"], "sweep", "broom"),  # the cleaner's own props (lexicon jobs.cleaner)
    ("street", ["扫帚"], "sweep", "broom"),
    ("restaurant", ["stack of dishes", "sponge"], "wash", "dishes"),  # the dishwasher's
    ("kitchen", ["一摞碗"], "wash", "dishes"),
    ("skyscraper", ["squeegee", "bucket", "window cradle"], "window", "squeegee"),  # still the window cleaner's
])
def test_a_job_at_work_holds_its_own_gear(location: str, props: list[str], job: str, held: str) -> None:
    """A bucket or a sponge was the squeegee, and a squeegee hung the pet in a window-cleaning cradle: a street
    sweeper and a dishwasher were drawn as window cleaners. Now the broom and the plates are their own things."""
    scene = Scene.model_validate(_scene(location, [{"id": "hero", "action": "work"}], props=props))
    (st,), _ = stage_scene(scene)
    assert st.pose.job == job and st.pose.holding is not None and st.pose.holding.drawn == held
    assert (st.pose.rig is not None) == (job == "window")


def test_the_broom_is_drawn_in_the_paw() -> None:
    assert match_prop("broom").drawn == match_prop("扫把").drawn == "broom"
    img, report = _still(_scene("street", [{"id": "hero", "action": "work"}], props=["broom"]))
    (char,) = report["drawn"]["characters"]
    assert char["rig"] is None and char["holding"]["drawn"] == "broom"
    x0, y0, x1, y1 = char["held_box"]
    held = img[y0:y1, x0:x1].reshape(-1, 3).astype(int)
    assert float((np.abs(held - np.array((214, 170, 80))).max(axis=1) < 30).mean()) > 0.03  # the straw bristles


@pytest.fixture(scope="module")
def gym() -> dict[str, Script]:
    return {lang: venue_captions(write_offline(premise, "corgi", lang, 5)) for lang, premise in (
        ("en", "a lazy hamster is laughed at by the other hamsters at the gym and trains every night"),
        ("zh", "柯基在健身房被嘲笑，每天苦练"))}


@pytest.mark.parametrize(("lang", "title"), [("en", "Gym"), ("zh", "健身房")])
def test_the_headline_names_the_venue_drawn(gym: dict[str, Script], lang: str, title: str) -> None:
    """"Stadium" (体育场) stood over the GYM banner: the headline now names the gym the scene is drawn as."""
    script = gym[lang]
    drawn = places_drawn(script)
    assert drawn and all(found is not None and found.kind == "gym" for found in drawn)
    assert all(s.caption.split(" · ")[0] == title for s in script.scenes), [s.caption for s in script.scenes]


def test_a_shop_headline_names_its_trade_and_other_words_are_kept() -> None:
    scene = _scene("shop", [{"id": "hero", "action": "cry"}], setting="a warm bakery", caption="Shop · night")
    other = _scene("shop", [{"id": "hero", "action": "cry"}], setting="a warm bakery", caption="The big day")
    script = Script.model_validate(_script([scene, other]))
    assert [s.caption for s in venue_captions(script).scenes][:2] == ["Bakery · night", "The big day"]


@pytest.mark.parametrize("premise", [
    "a ginger cat works as a dishwasher in a restaurant, saves every coin and opens her own noodle shop",
    "a husky works as a waiter for years and at last opens his own cafe",  # a café in the restaurant's place
    "流浪狗攒了三年钱，开了一家面包店",
])
def test_a_shop_opened_later_is_not_drawn_before_it_opens(premise: str) -> None:
    """The noodle shop, the bakery the hero saves up for was painted from the first scene (over the restaurant
    the hero washes dishes in): now it stands from the scene that tells it opening on."""
    script = write_offline(premise, "corgi", "zh" if not premise.isascii() else "en", 5)
    drawn = places_drawn(script)
    opens = next(k for k, s in enumerate(script.scenes) if re.search("opens|开了一家", s.narration))
    assert opens > 0 and all(found is not None for found in drawn[opens:])
    assert all(found is None for found in drawn[:opens]), drawn


@pytest.mark.parametrize("premise", [
    "a poor stray dog saves for years, opens a bakery, and the rich poodle who mocked him comes to buy bread",
    "流浪狗攒了三年钱，开了一家面包店",
])
def test_the_story_before_a_shop_opens_is_not_set_in_it(premise: str) -> None:
    """The stray dog saved up inside the bakery it had not opened yet (its dream job's place)."""
    script = write_offline(premise, "corgi", "zh" if not premise.isascii() else "en", 5)
    assert script.scenes[0].location != "shop" and "bakery" not in script.scenes[0].setting


# -- the climax of a sports premise drawn as that deed, where it is done ------------------------------------


@pytest.mark.parametrize("action", ["train", "run", "work"])
def test_the_weights_are_pressed_over_the_head(action: str) -> None:
    """"lifts the heaviest weight at the championship" was a pet running on the spot; 举起了最重的杠铃 ran with a
    dumbbell held out. Where the weights are, training or the deed is the barbell pressed high in both paws."""
    pose = stage_action(action, "neutral", None, [match_prop("weights")], "stadium")
    assert (pose.job, pose.arms, pose.holding and pose.holding.drawn) == ("lift", "press", "weights")


def _deed_scene(premise: str, words: str) -> Scene:
    script = write_offline(premise, "corgi", "zh" if not premise.isascii() else "en", 5)
    return next(s for s in script.scenes if words in s.narration)


@pytest.mark.parametrize(("premise", "words", "location", "prop"), [
    ("a lazy hamster is laughed at at the gym, trains every night and lifts the heaviest weight at the championship",
     "lifts the heaviest weight", "stadium", "weights"),
    ("a tiny chihuahua enters the dog race and wins by crossing the finish line first", "finish line", "stadium",
     None),  # "crossing" was a street crossing
    ("a shy corgi practises every day and scores the winning goal in the final", "winning goal", "stadium", None),
    ("a border collie trains all summer and catches the frisbee at the frisbee contest", "catches the frisbee",
     "stadium", None),  # a frisbee contest was on a theatre stage
    ("哈士奇参加游泳比赛，拿了冠军", "游泳比赛", "stadium", None),  # a swimming contest was on a theatre stage
    ("一只胖橘猫参加跑步比赛，最后它第一个冲过终点", "跑步比赛", "stadium", None),
])
def test_the_deed_is_staged_at_its_venue(premise: str, words: str, location: str, prop: str | None) -> None:
    scene = _deed_scene(premise, words)
    assert scene.location == location, scene.location
    assert prop is None or prop in scene.props


@pytest.mark.parametrize(("premise", "narration", "kind", "title"), [
    ("a kitten who cannot swim wins the swimming race", "Tiger trains.", "pool", "Pool"),
    ("一只小狗在游泳比赛里得了第一", "小狗练习。", "pool", "游泳馆"),
    ("a dog enters the race", "The dog wins, crossing the finish line first.", "finish line", "Stadium"),
    ("小狗参加跑步比赛", "小狗第一个冲过终点。", "finish line", "体育场"),
])
def test_a_swimming_story_is_at_the_pool_and_the_race_won_at_its_finish_line(
        premise: str, narration: str, kind: str, title: str) -> None:
    lang = "en" if premise.isascii() else "zh"
    scene = _scene("stadium", [{"id": "hero", "action": "celebrate"}], narration=narration,
                   caption="Stadium" if lang == "en" else "体育场")
    script = Script.model_validate(_script([scene]).model_dump() | {"premise": premise, "language": lang})
    assert [found and found.kind for found in places_drawn(script)] == [kind] * len(script.scenes)
    assert venue_captions(script).scenes[0].caption == title
    plain = Script.model_validate(script.model_dump() | {"premise": "a dog enters the race"})
    quiet = plain.scenes[0].model_copy(update={"narration": "The dog waits."})
    assert places_drawn(plain.model_copy(update={"scenes": [quiet]})) == [None]  # the finish line only where told


def test_the_finish_line_is_drawn_with_its_chequered_stripe() -> None:
    img, report = _still(_scene("stadium", [{"id": "hero", "action": "celebrate"}],
                                narration="She crosses the finish line first."))
    assert report["drawn"]["place"] == "finish line"
    h = img.shape[0]
    stripe = img[round(0.665 * h):round(0.675 * h)].reshape(-1, 3)
    dark = (stripe.max(axis=1) < 60).mean()
    light = (stripe.min(axis=1) > 235).mean()
    assert dark > 0.2 and light > 0.2  # black and white squares across the track
