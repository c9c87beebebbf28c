"""What each pet wears across scenes: a job's costume only on the pet whose job it is and only while it is
that pet's job. A hero that quits (辞职, retires, is fired) never wears its old job's costume after the scene
that tells it; one helping at a friend's bakery wears the bakery's apron there, not its own job's costume; a
kitten adopted by a farmer is no farmer (nor in the farmer's work clothes), and the farmer's child is none
either; "the door is open" opens no shop (no owner's suit). Only outfits change: never a line."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

import pytest

import story.expand
from render.painter import StoryboardPainter
from render.painter.painter import DUTY, HOME
from render.painter.persona import Persona, became, dress, personas
from render.stages import RenderSpec, never_cancel, no_progress
from story.hints import openings
from story.offline import Written, write_story
from story.outfits import own_job
from story.premise import analyse
from story.script import Script


@cache
def _written(premise: str, seed: int = 1) -> Written:
    return write_story(premise, None, "zh" if re.search(r"[\u4e00-\u9fff]", premise) else "en", seed)


def _drawn(script: Script) -> list[dict[str, str]]:
    """Per scene, each character's costume as the painter dresses it (``StoryboardPainter.paint_layers``' rule)."""
    people: dict[str, Persona] = personas(script)
    out = []
    for scene in script.scenes:
        people = {
            cid: replace(p, works=True) if p.job and not p.works and became(scene.narration, p.job) else p
            for cid, p in people.items()
        }
        out.append(
            {
                a.id: a.outfit
                if a.off_job
                else dress(a.outfit, people[a.id], scene.location in HOME and a.action not in DUTY)
                for a in scene.characters
            }
        )
    return out


_QUITS = [
    ("a chef cat quits his job at the restaurant and travels the world", "quits", "chef_hat"),
    ("a delivery dog quits his job and opens his own noodle shop", "quits", "delivery"),
    ("a tired waiter dog quits and becomes a painter", "quits", "waiter"),
    ("a police dog retires and spends his days fishing at the lake", "retires", "police"),
    ("外卖员柴犬辞职了，回老家开了一家面馆", "辞职", "delivery"),
    (
        "厨师狗被老板开除了，后来自己摆摊卖煎饼",
        "开除",
        "chef_hat",
    ),  # fired by its boss (被…开除): still its own
    ("a singer dog retires and becomes a teacher", "retires", "singer"),  # a calling the painter cannot dress
]


@pytest.mark.parametrize(("premise", "told", "costume"), _QUITS)
@pytest.mark.parametrize("seed", [1, 2])
def test_a_job_left_is_never_worn_after_the_scene_that_tells_it(
    premise: str, told: str, costume: str, seed: int
) -> None:
    script = _written(premise, seed).script
    at = next(i for i, s in enumerate(script.scenes) if told in s.narration)
    drawn = _drawn(script)
    after = [d["hero"] for d in drawn[at + 1 :] if "hero" in d]
    assert after and costume not in after, (at, drawn)
    assert all(a.off_job for a in script.scenes[at + 1].characters if a.id == "hero")  # the script says so


@pytest.mark.parametrize(
    "premise",
    [
        "a police dog never quits until he catches the thief",
        "a firefighter dog puts out a fire and never gives up",
    ],
)
def test_a_job_not_left_stays_worn(premise: str) -> None:
    drawn = _drawn(_written(premise).script)
    job = personas(_written(premise).script)["hero"].job
    assert job is not None and all(d["hero"] == job for d in drawn if "hero" in d and d["hero"] != "none"), (
        drawn
    )
    assert any(d.get("hero") == job for d in drawn[-3:]), drawn


_HELPS = [
    ("a cleaner cat helps his friend at her bakery", "cleaner"),
    ("a courier dog helps out at his friend's bakery on weekends", "delivery"),
    ("a nurse cat helps her best friend run a flower shop", "nurse"),
    ("清洁工小猫帮朋友看面包店", "cleaner"),
]


@pytest.mark.parametrize(("premise", "own"), _HELPS)
def test_at_anothers_trade_the_hero_wears_its_work_clothes_not_its_own_jobs(premise: str, own: str) -> None:
    script = _written(premise).script
    assert personas(script)["hero"].job == own  # its own job is read...
    at_shop = [
        d["hero"]
        for s, d in zip(script.scenes, _drawn(script), strict=True)
        if s.location == "shop" and "hero" in d
    ]
    assert at_shop and set(at_shop) == {"apron"}, at_shop  # ...and not worn at the shop it helps in


def test_a_nurse_helping_a_puppy_on_the_street_keeps_her_costume() -> None:
    drawn = _drawn(_written("a nurse cat helps an injured puppy on the street").script)
    assert "nurse" in [d.get("hero") for d in drawn] and "apron" not in [d.get("hero") for d in drawn]


_ADOPTED = [
    "an old farmer adopts a stray puppy, and one night the puppy saves the farmer's lambs from a fire",
    "an old farmer adopts a stray puppy, and the puppy helps him work in the fields every day",
    "a stray kitten is taken in by a farmer and works hard on the farm",
]


@pytest.mark.parametrize("premise", _ADOPTED)
def test_the_adopters_job_is_not_the_heros(premise: str) -> None:
    script = _written(premise).script
    assert not own_job(analyse(premise))
    people = personas(script)
    assert people["hero"].job is None
    assert any(p.job == "farmer" for cid, p in people.items() if cid != "hero")  # the farmer still is one
    worn = {a.outfit for s in script.scenes for a in s.characters if a.id == "hero"}
    assert worn == {"none"}, worn  # no farmer's hard hat, no owner's suit on the farm
    assert {d.get("hero") for d in _drawn(script)} <= {"none", None}


def test_the_adopter_who_adopts_keeps_the_farm() -> None:
    """Only outfits change: the adopter's farm is still where the story goes (its filler scenes too)."""
    scenes = _written(_ADOPTED[0]).script.scenes
    at = next(i for i, s in enumerate(scenes) if "adopts" in s.narration)
    assert {s.location for s in scenes[at + 1 :]} == {"farm"}


@pytest.mark.parametrize(
    "premise",
    [
        "a farmer dog grows the biggest pumpkin in the village",
        "农民狗在田里种地",
        "a farmer saves the village from a drought",
    ],
)
def test_a_farmer_hero_is_drawn_as_a_farmer_never_in_a_hard_hat(premise: str) -> None:
    script = _written(premise).script
    drawn = [d["hero"] for d in _drawn(script) if "hero" in d]
    assert "farmer" in drawn and "hard_hat" not in drawn, drawn
    asked = {
        a.outfit for s in script.scenes for a in s.characters
    }  # the script asks for no builder's hard hat
    assert "hard_hat" not in asked and not any("hard hat" in s.visual_prompt for s in script.scenes)


@pytest.mark.parametrize(
    ("premise", "who"),
    [
        ("金毛被主人丢在路边，一个农夫收留了它，后来它救了农夫的孩子", "kittens"),
        ("a farmer adopts a stray puppy and the puppy saves the farmer's son from a fire", "son"),
    ],
)
def test_the_farmers_child_is_no_farmer(premise: str, who: str) -> None:
    people = personas(_written(premise).script)
    assert people[who].job is None and any(p.job == "farmer" for p in people.values())


def test_an_open_door_opens_no_shop() -> None:
    assert openings("Every night the door is open, and the bowl is full.")[0] is None
    assert openings("The shop stays open late.")[0] is None
    assert openings("Mango opens a noodle shop.")[0] == "opens a noodle shop"


@pytest.mark.parametrize("premise", [p for p, _, _ in _QUITS] + [p for p, _ in _HELPS] + _ADOPTED[:1])
def test_the_outfit_pass_changes_no_line_place_prop_or_action(
    premise: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def plain(script: Script) -> list[Any]:
        return [
            [
                s.narration,
                [d.text for d in s.dialogue],
                s.location,
                s.props,
                [(a.id, a.action, a.holding) for a in s.characters],
            ]
            for s in script.scenes
        ]

    dressed = plain(_written(premise).script)
    monkeypatch.setattr(story.expand, "show_off_job", lambda *a, **k: None)
    bare = write_story(premise, None, "zh" if re.search(r"[\u4e00-\u9fff]", premise) else "en", 1).script
    assert plain(bare) == dressed


def test_the_painter_draws_the_apron_at_the_friends_bakery() -> None:
    """A real paint: the report's drawn outfit of the cleaner at the bakery is the apron, never the hi-vis."""
    script = _written(_HELPS[0][0]).script
    script = script.model_copy(update={"scenes": script.scenes[:2]})
    painter = StoryboardPainter()
    painter.paint_layers(script, RenderSpec(width=180, height=320, seed=1), no_progress, never_cancel)
    worn = {c["outfit"] for r in painter.report for c in r["drawn"]["characters"] if c["id"] == "hero"}
    assert worn == {"apron"}, worn


def test_a_rival_in_the_same_trade_leaves_the_hero_its_job() -> None:
    premise = (
        "A lonely old basset hound who runs a tiny flower shop is ignored by a snooty siamese florist across "
        "the street, until a wedding party orders all her roses and the siamese comes to buy flowers from her"
    )
    assert own_job(analyse(premise))
    last = _written(premise).script.scenes[-1]
    assert next(a.outfit for a in last.characters if a.id == "hero") == "apron"  # the florist's apron at last
