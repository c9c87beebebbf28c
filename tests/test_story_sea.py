"""The sea, boats and fishermen (issue 12): a fisherman, a sailor or a captain is a job of its own (渔夫, 打鱼, 水手,
船长), drawn in its own clothes (oilskins, a sailor's stripes), never as a farmer or a taxi driver; "at sea", "on a
boat", "storm at sea", 出海, 海上 are a place of their own, drawn on the water with the boat's deck, never on a
beach; a boat or a ship sailed is out at sea, never on the sand; a shivering stray is the one shivering, never the
one taking it in; "saves him from a storm" is a rescue (no saving up), the storm raging from the cry for help; a
pet working at no trade holds no tool and rides no scooter it was never given."""

from __future__ import annotations

import pytest

from render.painter import StoryboardPainter
from render.painter.backgrounds import BACKGROUNDS
from render.painter.persona import personas
from render.painter.staging import stage_scene
from render.painter.vocabulary import art, stage_action
from render.stages import RenderSpec, never_cancel, no_progress
from story.clauses import clauses
from story.kinds import story_kind
from story.lexicon import lexicon
from story.offline import write_story
from story.premise import analyse
from story.script import Scene

RESCUE = "a kind fisherman takes in a shivering stray kitten, and years later the kitten saves him from a storm at sea"


def _lang(premise: str) -> str:
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in premise) else "en"


@pytest.mark.parametrize(("premise", "job"), [
    (RESCUE, "fisherman"),
    ("a lonely fisherman dog goes out to sea every morning", "fisherman"),
    ("渔夫收养了一只发抖的流浪小猫", "fisherman"),
    ("老渔夫每天出海打鱼", "fisherman"),
    ("a husky sailor is lost at sea in a storm", "sailor"),
    ("一只柯基在渔船上当水手", "sailor"),
])
def test_a_fisherman_or_a_sailor_is_a_job_of_its_own(premise: str, job: str) -> None:
    analysis = analyse(premise)
    assert job in {analysis.job, *(p.job for p in analysis.cast)}, (analysis.job, [p.job for p in analysis.cast])


@pytest.mark.parametrize(("premise", "costume"), [
    (RESCUE, "fisherman"),
    ("a lonely fisherman dog goes out to sea every morning", "fisherman"),
    ("渔夫收养了一只发抖的流浪小猫，多年后小猫在海上的风暴中救了渔夫", "fisherman"),
    ("a poor sailor cat dreams of owning his own boat", "sailor"),
    ("水手狗在海上遇到风暴，小猫救了他", "sailor"),
])
def test_a_fisherman_or_a_sailor_wears_its_own_clothes(premise: str, costume: str) -> None:
    script = write_story(premise, None, _lang(premise), 1).script
    worn = {p.job for p in personas(script).values()}
    assert costume in worn and not worn & {"farmer", "driver"}, worn


@pytest.mark.parametrize("words", ["storm at sea", "lost at sea", "out at sea", "on a boat", "出海", "海上",
                                   "在海上遇到风暴"])
def test_at_sea_is_a_place_of_its_own(words: str) -> None:
    assert [h.key for h in lexicon().find(words, ["places"])] == ["sea"]


@pytest.mark.parametrize(("premise", "seed"), [
    (RESCUE, 1), (RESCUE, 2),
    ("a husky sailor is lost at sea in a storm and his loyal cat finds him", 1),
    ("a corgi captain sails his ship through a terrible storm at sea", 1),
    ("a ship is lost at sea and a brave shiba swims out to save the crew", 1),
    ("two cats sail a little boat across the sea to find their mother", 1),
    ("小猫跟着船长出海，遇到了暴风雨", 1),
    ("哈士奇在海上迷路了，一只海鸥带他回家", 1),
])
def test_the_sea_and_its_boats_are_drawn_on_the_water_never_on_a_beach(premise: str, seed: int) -> None:
    script = write_story(premise, None, _lang(premise), seed).script
    assert any(sc.location == "sea" for sc in script.scenes), [sc.location for sc in script.scenes]
    sand = [(sc.location, sc.props) for sc in script.scenes if sc.location == "beach"
            and any(w in p for p in sc.props for w in ("boat", "ship", "yacht"))]
    assert not sand


def test_a_storm_at_sea_only_a_later_clause_reaches_is_not_where_the_story_starts() -> None:
    script = write_story(RESCUE, None, "en", 2).script
    assert script.scenes[0].location != "sea"
    told = next(i for i, sc in enumerate(script.scenes) if "saves" in sc.narration)
    assert script.scenes[told].location == "sea" and script.scenes[told].weather == "storm"


def test_the_storm_rages_from_the_cry_for_help_to_the_rescue() -> None:
    script = write_story(RESCUE, None, "en", 2).script
    at_sea = [sc for sc in script.scenes if sc.location == "sea"]
    told = next(k for k, sc in enumerate(at_sea) if "saves" in sc.narration)
    assert told > 0 and all(sc.weather == "storm" for sc in at_sea[:told + 1]), [sc.weather for sc in at_sea]


@pytest.mark.parametrize(("premise", "seed"), [
    (RESCUE, 1), (RESCUE, 2),
    ("a kind sailor takes in a wet, shivering stray puppy, and the puppy later saves the ship from a storm", 1),
])
def test_the_shivering_stray_shivers_not_the_one_taking_it_in(premise: str, seed: int) -> None:
    script = write_story(premise, None, "en", seed).script
    shivers = {a.id for sc in script.scenes for a in sc.characters if a.action == "shiver"}
    assert shivers == {"hero"}, [(sc.narration[:40], [(a.id, a.action) for a in sc.characters]) for sc in script.scenes]


def test_the_state_said_before_its_name_is_the_one_it_is_done_to() -> None:
    first = clauses(analyse(RESCUE))[0]
    assert first.obj == "hero" and first.obj_actions == ("shiver",) and "shiver" not in first.actions


@pytest.mark.parametrize("premise", [RESCUE, "a stray dog saves them from the fire"])
def test_saving_someone_is_a_rescue_never_saving_up(premise: str) -> None:
    assert not any("work_hard" in c.events for c in clauses(analyse(premise)))
    assert story_kind(analyse(premise)).id == "rescue"


def test_saving_up_is_still_saving_up() -> None:
    assert any(c.events for c in clauses(analyse("a poor corgi saves every coin to buy his mom a house")))


def test_no_heart_eyes_before_the_rescue() -> None:
    for seed in (1, 2):
        script = write_story(RESCUE, None, "en", seed).script
        told = next(i for i, sc in enumerate(script.scenes) if "saves" in sc.narration)
        loving = [i for i, sc in enumerate(script.scenes) if any(a.id == "hero" and a.expression == "love"
                                                                 for a in sc.characters)]
        assert not loving or min(loving) >= told, (loving, told)


def test_a_fishermans_trip_out_to_sea_is_no_treasure_hunt() -> None:
    assert story_kind(analyse("老渔夫每天出海打鱼，一只小狗一直在码头等他回来")).id != "pirates"
    assert story_kind(analyse("柯基捡到一张藏宝图，和朋友们一起出海寻宝")).id == "pirates"


def _scene(location: str, weather: str, props: list[str], chars: list[dict[str, str]]) -> Scene:
    return Scene.model_validate({
        "location": location, "setting": location, "visual_prompt": location, "narration": "Something happens.",
        "caption": "Caption", "duration": 4.0, "mood": "dramatic", "time_of_day": "day", "weather": weather,
        "props": props, "dialogue": [],
        "characters": [{"expression": "neutral", "outfit": "none", "facing": "front", **c} for c in chars]})


def test_the_boat_at_sea_is_the_deck_not_a_second_boat() -> None:
    assert "sea" in BACKGROUNDS
    scene = _scene("sea", "storm", ["fishing boat"], [{"id": "hero", "action": "stand"}])
    staged, placed = stage_scene(scene, ["hero"])
    assert staged[0].pose.rig is None and not placed


@pytest.mark.parametrize("location", ["street", "rainy_street", "alley", "beach"])
def test_work_at_no_trade_holds_no_tool_and_rides_no_scooter(location: str) -> None:
    pose = stage_action("work", "neutral", None, [], location)
    assert pose.rig is None and pose.holding is None and pose.expression == "determined"


def test_a_fisherman_at_work_hauls_his_net() -> None:
    job = lexicon().entry("jobs", "fisherman")
    scene = _scene("sea", "clear", [str(p) for p in job["props"]], [{"id": "hero", "action": "work"}])
    staged, _ = stage_scene(scene, ["hero"])
    assert staged[0].pose.holding is not None and art(staged[0].pose.holding) == "fishing net"


def test_a_storm_at_sea_is_painted_on_the_water() -> None:
    script = write_story(RESCUE, None, "en", 2).script
    at_sea = [k for k, sc in enumerate(script.scenes) if sc.location == "sea"]
    ashore = script.model_copy(update={"scenes": [sc.model_copy(update={"location": "beach"}) if sc.location == "sea"
                                                  else sc for sc in script.scenes]})
    spec = RenderSpec(width=180, height=320)
    sea = StoryboardPainter().paint(script, spec, no_progress, never_cancel)
    beach = StoryboardPainter().paint(ashore, spec, no_progress, never_cancel)
    assert at_sea and all(sea[k].tobytes() != beach[k].tobytes() for k in at_sea)


@pytest.mark.parametrize(("premise", "job"), [
    ("an old fisherman finds a shivering puppy on the dock and takes him home", None),  # the finder's role
    ("a kind baker finds a lost kitten in the snow", None),
    ("a lonely fisherman dog goes out to sea every morning", "fisherman"),
    ("a corgi fisherman catches a giant fish", "fisherman"),
])
def test_the_role_of_the_one_who_finds_the_pet_is_not_the_pets_job(premise: str, job: str | None) -> None:
    assert analyse(premise).job == job
