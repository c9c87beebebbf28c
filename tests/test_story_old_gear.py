"""A job's gear is left with the job: after the scene that tells the hero fired or quitting, a scene away from the
job's own place never has the hero carrying the old job's tool (the waitress fired from the restaurant does not
carry her serving tray through the warehouse she works in at night; the painter gives her the warehouse's boxes),
while back at the job's own place (the restaurant she comes back to) the tray stays."""

from __future__ import annotations

from typing import Any

from render.painter import StoryboardPainter
from render.stages import never_cancel, no_progress
from story.lexicon import lexicon
from story.offline import write_story
from story.outfits import show_off_job
from story.premise import analyse
from tests.test_staging import SMALL

FIRED = ("a clumsy corgi waitress spills coffee on her rich boss, gets fired, works nights in a warehouse and "
         "finally wins a cooking show on TV while the boss watches")


def _hero_holding_after_fired(premise: str, seed: int, job: str) -> list[tuple[str, str | None, list[str]]]:
    script = write_story(premise, None, "", seed).script
    gear = set(lexicon().entry("jobs", job)["props"])
    fired = next(i for i, s in enumerate(script.scenes) if "fired" in s.narration)
    out = []
    for scene in script.scenes[fired + 1:]:
        hero = next((a for a in scene.characters if a.id == "hero"), None)
        held = hero.holding if hero is not None else None
        out.append((scene.location, held if held in gear else None, [p for p in scene.props if p in gear]))
    return out


def test_the_fired_waitress_leaves_her_tray_behind() -> None:
    for seed in (1, 2, 3, 4):
        after = _hero_holding_after_fired(FIRED, seed, "waiter")
        assert after, seed
        assert all(held is None and not props for loc, held, props in after if loc != "restaurant"), (seed, after)


def test_in_the_warehouse_she_carries_its_boxes() -> None:
    written = write_story(FIRED, None, "", 3)
    painter = StoryboardPainter()
    painter.paint_layers(written.script, SMALL, no_progress, never_cancel)
    warehouse = [s for s in painter.report if s["drawn"].get("place") == "warehouse"]
    assert warehouse
    held = [(c.get("holding") or {}).get("drawn") for s in warehouse for c in s["drawn"]["characters"]
            if c["id"] == "hero" and c["action"] == "work"]
    assert held and all(h == "boxes" for h in held), held


def _scene(location: str, narration: str, holding: str | None) -> dict[str, Any]:
    return {"location": location, "narration": narration, "dialogue": [], "props": [holding] if holding else [],
            "characters": [{"id": "hero", "action": "work", "holding": holding, "outfit": "uniform"}]}


def test_back_at_the_job_s_own_place_the_tool_stays() -> None:
    premise = "a corgi waitress gets fired and works in a warehouse, then comes back to the restaurant"
    scenes = [_scene("restaurant", "Biscuit carries trays all day.", "tray"),
              _scene("restaurant", "Biscuit gets fired.", None),
              _scene("construction_site", "Biscuit works in a warehouse.", "tray"),
              _scene("restaurant", "Biscuit comes back to the restaurant.", "tray")]
    show_off_job(scenes, analyse(premise), "waiter", None, {"hero": "Biscuit"})
    assert [s["characters"][0]["holding"] for s in scenes] == ["tray", None, None, "tray"]
    assert [s["props"] for s in scenes] == [["tray"], [], [], ["tray"]]
