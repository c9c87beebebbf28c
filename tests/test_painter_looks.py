"""Characters and settings a viewer can read with the sound off: the old drawn old (grey muzzle, glasses,
cane, stoop) and the young with a big head, each job in its own costume, Chinese signs in a Chinese clip,
the stage's audience kept out of the subtitles. Pixel checks on real paints."""

from __future__ import annotations

import json
import random
from typing import Any, get_args

import numpy as np
import pytest
from PIL import Image, ImageDraw

from render.animator import view_rect
from render.captions import SUBTITLE_BOTTOM
from render.painter import StoryboardPainter
from render.painter.ages import _CANE
from render.painter.costumes import COLOURS
from render.painter.looks import resolve_look
from render.painter.persona import _DATA, Persona, costume_data, costume_note, dress, personas
from render.painter.pets import Pet
from render.painter.shops import sign_text
from render.painter.vocabulary import stage_action
from render.stages import RenderSpec, SceneArt, never_cancel, no_progress, overscan_size
from story.lexicon import lexicon
from story.script import Camera, Character, Outfit, Script
from story.venues import SHOPS_DATA
from tests.test_staging import _HERO, _scene

SPEC = RenderSpec(width=270, height=480, seed=5)
_DRAWN_OUTFITS = {"white_coat", "chef_hat", "firefighter", "hard_hat", "spacesuit"}  # outfits that are costumes


def _paint(premise: str, scenes: list[dict[str, Any]], characters: list[dict[str, Any]] | None = None,
           language: str = "en", spec: RenderSpec = SPEC) -> tuple[list[SceneArt], list[dict[str, Any]]]:
    while len(scenes) < 5:
        scenes = [*scenes, scenes[-1]]
    script = Script.model_validate({"title": "Test", "language": language, "premise": premise, "style": "ginger-cat",
                                    "characters": characters or [_HERO], "scenes": scenes})
    painter = StoryboardPainter()
    return painter.paint_layers(script, spec, no_progress, never_cancel), painter.report


def _sprite(art: SceneArt, char_id: str) -> np.ndarray:
    return next(sp for sp in art.sprites if sp.speaker == char_id).rgba


def _near(rgba: np.ndarray, colour: tuple[int, int, int], tol: float) -> np.ndarray:
    ink = rgba[..., 3] > 200
    return ink & (np.linalg.norm(rgba[..., :3].astype(np.float32) - colour, axis=2) < tol)


# -- the data ---------------------------------------------------------------------------------------


def test_costumes_file_is_complete_and_consistent() -> None:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    assert set(raw) == {"ages", "jobs", "nearest", "people"} and set(raw["ages"]) == {"old", "relations"}
    people = {k: v for k, v in raw["people"].items() if k != "about"}  # a person a pet plays: its clothes
    assert set(people) <= set(lexicon().data["relations"]) and set(people.values()) <= set(get_args(Outfit))
    assert raw["ages"]["old"]["en"] and raw["ages"]["old"]["zh"]
    assert set(raw["ages"]["relations"]) <= set(lexicon().data["relations"])
    lexicon_jobs = set(lexicon().data["jobs"])
    seen: set[str] = set()
    for key, job in raw["jobs"].items():
        assert set(job) == {"en", "zh", "lexicon", "outfits"}, key
        assert key in COLOURS or key in _DRAWN_OUTFITS, key  # every costume is drawn
        assert job["en"] and job["zh"], key
        assert set(job["lexicon"]) <= lexicon_jobs, key
        assert job["outfits"] and set(job["outfits"]) <= set(get_args(Outfit)), key
        words = {w.lower() for w in [*job["en"], *job["zh"]]}
        assert not words & seen, (key, words & seen)  # a word names one job
        seen |= words


def test_every_job_the_brief_names_has_a_costume() -> None:
    jobs = costume_data()["jobs"]
    for words in ("doctor", "nurse", "chef", "firefighter", "police", "window cleaner", "construction worker",
                  "delivery rider", "teacher", "student", "astronaut", "knight", "princess", "detective",
                  "office worker", "farmer", "singer"):
        assert any(words in j["en"] for j in jobs.values()), words


def test_every_job_a_premise_can_name_has_its_costume_or_a_stated_nearest_one() -> None:
    jobs, nearest = costume_data()["jobs"], costume_data()["nearest"]
    own = {key for j in jobs.values() for key in j["lexicon"]}
    outfits = {o for j in jobs.values() for o in j["outfits"]} | set(get_args(Outfit))
    for key in lexicon().data["jobs"]:  # the nearest-table's jobs (magician, barista…) are read as one of these
        assert (key in own) != (key in nearest), key  # its own costume, or a nearest outfit: one, never none
    assert {k for k in nearest if k != "about"} <= set(lexicon().data["jobs"])
    assert {v for k, v in nearest.items() if k != "about"} <= outfits


@pytest.mark.parametrize(("premise", "job"), [
    ("在餐厅当服务员的橘猫被客人刁难", "waiter"), ("A waiter cat is mocked by rich customers", "waiter"),
    ("保安大黄狗每天守着小区大门", "security"), ("A security guard dog catches a thief", "security"),
    ("清洁工老猫每天扫大街", "cleaner"), ("A cleaner cat is laughed at by office cats", "cleaner"),
    ("小狗开出租车每天早出晚归", "driver"), ("A poor cat drives a taxi every night", "driver")])
def test_a_waiter_a_guard_a_cleaner_and_a_driver_wear_their_own_costumes(premise: str, job: str) -> None:
    hero = _cast(premise, [_HERO])["hero"]
    assert hero.job == job and hero.works
    assert dress("none", hero) == job and dress("uniform", hero) == job  # never the police-like generic uniform
    assert costume_note(hero, job) == {"job": job, "drawn": job, "how": "own"}


def test_a_job_with_no_costume_is_drawn_in_its_nearest_outfit_and_the_report_says_so() -> None:
    # (the mayor was this test's example until the mayor got a costume of its own: a sash over a dark suit)
    founder = _cast("a founder cat pitches her startup", [_HERO])["hero"]
    assert founder == Persona(nearest="founder", works=True)
    assert dress("none", founder) == "suit" and dress("none", founder, home=True) == "none"
    assert costume_note(founder, "suit") == {"job": "founder", "drawn": "suit", "how": "nearest"}
    assert costume_note(founder, "none") == {"job": "founder", "drawn": "none", "how": "not worn"}
    assert costume_note(Persona(), "none") is None


# -- who each character is --------------------------------------------------------------------------


def _cast(premise: str, characters: list[dict[str, Any]]) -> dict[str, Persona]:
    return personas(Script.model_validate({
        "title": "T", "language": "en", "premise": premise, "style": "ginger-cat", "characters": characters,
        "scenes": [_scene("hospital", [{"id": characters[0]["id"]}])] * 5}))


def test_age_and_job_come_from_the_premise_and_the_characters_own_words() -> None:
    grandma = {"id": "grandma", "name": "Tofu", "species": "cat", "breed": "tabby", "look": "a grey tabby cat"}
    kitten = {"id": "cat", "name": "Nori", "species": "cat", "breed": "tabby", "look": "a tiny ginger kitten"}
    cop = {"id": "rex", "name": "Rex", "species": "dog", "breed": "shepherd", "look": "a police dog in a cap"}
    cast = _cast("An old grey cat doctor saves a tiny kitten, and grandma cat bakes a cake",
                 [_HERO, kitten, grandma, cop])
    assert cast["hero"] == Persona(old=True, job="white_coat", works=True)
    assert cast["grandma"].old and not cast["cat"].old
    assert cast["rex"].job == "police"
    nurse = _cast("A kind cat works as a nurse at night", [_HERO])["hero"]
    assert nurse.job == "nurse" and not nurse.old
    zh = _cast("老橘猫医生救了一只小奶猫", [_HERO])["hero"]
    assert zh.old and zh.job == "white_coat"
    baker = _cast("老奶奶猫在面包店里做蛋糕", [_HERO])["hero"]  # the premise's job, not the pet's own words
    assert baker == Persona(old=True, job="chef_hat", works=True)


def test_a_job_worn_every_day_but_a_dream_only_where_the_script_dresses_for_it() -> None:
    doctor = Persona(job="white_coat", works=True)
    dream = _cast("A poor ginger cat dreams of becoming a doctor", [_HERO])["hero"]
    assert dream.job == "white_coat" and not dream.works
    assert dress("none", doctor) == "white_coat" and dress("none", dream) == "none"
    assert dress("white_coat", dream) == "white_coat"
    assert dress("rags", doctor) == "rags"  # the story's own clothes win
    police = Persona(job="police", works=True)
    assert dress("uniform", police) == "police" and dress("suit", police) == "suit"


def test_a_job_costume_stays_at_work_not_at_home() -> None:
    rider = _cast("a delivery corgi naps on the sofa with his owner after work", [_HERO])["hero"]
    assert rider.job == "delivery" and rider.works
    assert dress("none", rider) == "delivery"  # out on its rounds
    assert dress("none", rider, home=True) == "none"  # at home with its owner: everyday clothes
    assert dress("uniform", rider, home=True) == "delivery"  # a scene that dresses it for work still does


# -- drawn: costumes ----------------------------------------------------------------------------------


def test_the_doctor_wears_a_white_coat_on_its_torso() -> None:
    scene = _scene("hospital", [{"id": "hero", "action": "stand"}])
    black = {**_HERO, "breed": "black cat", "style": "black-cat", "look": "a sleek black cat"}
    coat, _ = _paint("A black cat doctor works at the hospital", [scene], [black])
    plain, _ = _paint("A black cat lives near the hospital", [scene], [black])

    def white_torso(art: SceneArt) -> float:
        rgba = _sprite(art, "hero")
        h, w = rgba.shape[:2]
        torso = rgba[round(h * 0.55): round(h * 0.85), round(w * 0.3): round(w * 0.7)]
        return float(_near(torso, (250, 250, 252), 40).mean())

    assert white_torso(coat[0]) > 0.35 > 0.05 > white_torso(plain[0])


def _costume_thumb(outfit: str) -> np.ndarray:
    """A grown ginger cat in ``outfit`` at contact-sheet size (about 48 px tall)."""
    char = Character(id="hero", name="A", species="cat", breed="ginger tabby", look="a ginger cat", style="ginger-cat")
    img = Image.new("RGB", (240, 240), (200, 200, 205))
    pose = stage_action("stand", "neutral", None, [], "street")
    Pet(ImageDraw.Draw(img, "RGBA"), 120, 230, 200, resolve_look(char, random.Random(1)), outfit, pose, 1).draw()
    return np.asarray(img.resize((48, 48), Image.Resampling.BOX), dtype=np.float32)


def test_every_job_costume_is_distinct_at_contact_sheet_size() -> None:
    costumes = ["none", *costume_data()["jobs"]]
    thumbs = {c: _costume_thumb(c) for c in costumes}
    for i, a in enumerate(costumes):
        for b in costumes[i + 1:]:
            assert np.abs(thumbs[a] - thumbs[b]).mean() > 3.0, (a, b)


# -- drawn: age ----------------------------------------------------------------------------------------


def test_an_old_pet_has_a_grey_muzzle_a_cane_and_a_stoop() -> None:
    white = {**_HERO, "breed": "white Persian", "style": "white-persian", "look": "a fluffy white Persian cat"}
    scene = _scene("park", [{"id": "hero", "action": "stand"}])
    old, report = _paint("An old white cat sits in the park", [scene], [white])
    grown, _ = _paint("A white cat sits in the park", [scene], [white])
    # the second scene: the first one's cast may be drawn smaller to stay under the title card
    a, b = _sprite(old[1], "hero"), _sprite(grown[1], "hero")
    assert _near(a, _CANE, 45).sum() > 10 * max(10, _near(b, _CANE, 45).sum())  # the stick, not the collar's bell
    head = slice(0, a.shape[0] // 2)
    grey = (168, 168, 176)  # the muzzle and brows on white fur
    assert _near(a[head], grey, 25).sum() > 3 * max(10, _near(b[head], grey, 25).sum())
    assert a.shape[0] <= b.shape[0] - 3  # the stoop: the head lower (and forward)
    assert report[0]["drawn"]["characters"][0]["outfit"] == "none"


def test_a_kitten_is_small_with_a_big_head() -> None:
    kitten = {"id": "kit", "name": "Nori", "species": "cat", "breed": "ginger tabby", "style": "ginger-cat",
              "look": "a tiny ginger tabby kitten"}
    scene = _scene("park", [{"id": "hero"}, {"id": "kit"}])
    arts, _ = _paint("A ginger cat finds a tiny kitten", [scene], [_HERO, kitten])
    grown, young = _sprite(arts[0], "hero"), _sprite(arts[0], "kit")

    def head_share(rgba: np.ndarray) -> float:  # the head's widest row over the feet's
        rows = np.flatnonzero((rgba[..., 3] > 200).any(axis=1))
        top, bottom = rows[0], rows[-1]
        widths = (rgba[..., 3] > 200).sum(axis=1)
        return float(widths[top: top + (bottom - top) // 2].max() / widths[bottom - (bottom - top) // 12: bottom].max())

    assert young.shape[0] < 0.75 * grown.shape[0]
    assert head_share(young) > 1.1 * head_share(grown)


# -- drawn: signs and the audience --------------------------------------------------------------------


def test_every_sign_has_its_chinese_words() -> None:
    raw = json.loads(SHOPS_DATA.read_text(encoding="utf-8"))  # the shops' data, read by story.venues
    for k in raw["kinds"].values():
        assert k["sign_zh"] and not k["sign_zh"].isascii()
    for en, zh in raw["signs_zh"].items():
        assert sign_text(en, "zh") == zh and sign_text(en, "en") == en and not zh.isascii()


@pytest.mark.parametrize(("location", "setting"), [("shop", "a little flower shop"), ("street", "a flower shop"),
                                                    ("city_hall", "the city hall steps")])
def test_a_chinese_clip_writes_its_signs_in_chinese(location: str, setting: str) -> None:
    """The same scene in English and in Chinese differs only in the sign's words, and the Chinese sign
    is drawn in the CJK glyphs of its words (more ink than the English letters)."""
    scene = _scene(location, [{"id": "hero", "action": "cry"}], setting=setting)
    en, _ = _paint("a cat", [scene])
    zh, _ = _paint("一只猫", [{**scene, "narration": "它哭了。", "caption": "哭"}], language="zh")
    a = np.asarray(en[0].background, dtype=np.int16)
    b = np.asarray(zh[0].background, dtype=np.int16)
    changed = np.abs(a - b).max(axis=2) > 40
    rows, cols = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
    assert rows.size and cols.size
    h, w = changed.shape
    assert rows[-1] - rows[0] < 0.12 * h and cols[-1] - cols[0] < 0.45 * w  # only the sign


@pytest.mark.parametrize("camera", get_args(Camera))
def test_the_stage_audience_stays_out_of_the_subtitles(camera: str) -> None:
    """The audience's pixels (the stage painted with and without it) never enter the subtitle band,
    in any window of any camera move."""
    spec = RenderSpec(width=270, height=480, seed=5)
    sing = [{"id": "hero", "action": "sing"}]
    crowd, report = _paint("a cat sings", [_scene("stage", sing, props=["crowd"], camera=camera)], spec=spec)
    alone, _ = _paint("a cat sings", [_scene("stage", sing, camera=camera)], spec=spec)
    assert report[0]["drawn"]["props"][0]["drawn_as"] == "audience"
    diff = np.abs(np.asarray(crowd[0].background, dtype=np.int16) - np.asarray(alone[0].background, dtype=np.int16))
    ys = np.flatnonzero((diff.max(axis=2) > 30).any(axis=1))
    assert ys.size
    key_w, key_h = overscan_size(spec)
    for u in np.linspace(0.0, 1.0, 21):
        _, y, _, h = view_rect(camera, float(u), key_w, key_h, spec.width, spec.height)
        assert (ys[0] - y) / h >= SUBTITLE_BOTTOM, (camera, u)



# -- drawn: framing -------------------------------------------------------------------------------------


@pytest.mark.parametrize("camera", get_args(Camera))
@pytest.mark.parametrize("props", [["money"], ["burning house"], ["cardboard box", "suitcase", "money"],
                                   ["food bowl"]])
def test_every_asked_prop_stays_whole_in_every_window_of_the_camera_move(camera: str, props: list[str]) -> None:
    """A pan or a push-in never slides an asked prop out of the frame: its drawn region (where the scene
    differs from the bare place) lies inside every window of the move, and is really drawn (not background)."""
    chars = [{"id": "hero", "action": "stand"}, {"id": "rival", "action": "laugh"}]
    rival = {"id": "rival", "name": "Snow", "species": "cat", "breed": "white Persian", "style": "white-persian",
             "look": "a fluffy white Persian cat"}
    arts, report = _paint("a cat", [_scene("street", chars, props=props, camera=camera)], [_HERO, rival])
    bare, _ = _paint("a cat", [_scene("street", chars, camera=camera)], [_HERO, rival])
    key_w, key_h = overscan_size(SPEC)
    windows = [view_rect(camera, float(u), key_w, key_h, SPEC.width, SPEC.height) for u in np.linspace(0, 1, 25)]
    drawn = np.abs(np.asarray(arts[0].flatten(), dtype=np.int16) - np.asarray(bare[0].flatten(), dtype=np.int16))
    for entry in report[0]["drawn"]["props"]:
        x0, y0, x1, y1 = entry["box"]
        share = 0.005 if entry["where"].startswith("hand:") else 0.05  # a bowl in a paw: the pet's box
        assert (drawn[y0:y1, x0:x1].max(axis=2) > 30).mean() > share, entry  # the prop is drawn there
        for x, y, w, h in windows:
            assert x - 2 <= x0 and x1 <= x + w + 2 and y - 2 <= y0 and y1 <= y + h + 2, (entry, camera)


def test_a_litter_grows_into_grown_siblings_when_the_story_says_time_passed() -> None:
    litter = {"id": "kittens", "name": "Socks", "species": "cat", "breed": "black cat", "style": "black-cat",
              "look": "three tiny sleek black kittens"}
    narrations = ["They are tiny.", "They play.", "Years later, they are all grown up.", "They work.", "They win."]
    scenes = [_scene("park", [{"id": "hero"}, {"id": "kittens"}], narration=n) for n in narrations]
    arts, report = _paint("a cat raises a litter of kittens", scenes, [_HERO, litter])
    drawn = [next(c for c in r["drawn"]["characters"] if c["id"] == "kittens") for r in report]
    assert [c["young"] for c in drawn] == [True, True, False, False, False]
    assert drawn[3]["grown"] == "grew up in scene 3"
    small, big = _sprite(arts[0], "kittens"), _sprite(arts[3], "kittens")
    # grown cats, not kittens: beside the hero of the same scene (four pets across the frame are drawn a
    # little smaller so that the hero covers none of their faces)
    assert big.shape[0] / _sprite(arts[3], "hero").shape[0] > 1.5 * small.shape[0] / _sprite(arts[0], "hero").shape[0]
    assert big.shape[1] > 1.5 * _sprite(arts[3], "hero").shape[1]  # still several of them, side by side
