"""Every place that tells what was drawn instead tells the same thing (``story.drawings.drawn_lines``): ``petreel
script``, ``petreel make``'s stderr and its ``--report`` file. A carry on the back, hiding under the bed, a throw, a
slap or tearing up, which the painter reads from the scene's words and draws with a drawing of its own, is told as
that drawing ('carries' drawn as 'carry on back'), never as the stand-in the script wrote ('carries' drawn as
'work') that the viewer does not see."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

import story.jobs
import story.staged
import story.telling
from petreel.cli import main
from render.cli import as_painted
from render.painter import StoryboardPainter
from render.stages import never_cancel, no_progress
from story.drawings import CARRY, HIDE, RIDER, SLAP, TEAR, THROW, drawn_lines, own_drawings
from story.offline import write_story
from story.plan import Substitution
from story.script import Scene
from story.spinedata import spine_data
from story.text import script_language
from tests.test_staging import SMALL
from tests.test_staging import _scene as _staged_scene

CARRY_PREMISE = "a brave corgi carries his sick mom on his back to the hospital"
# the premise, what its stand-in is drawn as, by the painter, in the scene that tells it (seed 1)
DRAWN = [
    (CARRY_PREMISE, CARRY),
    ("a scared kitten hides under the bed when the thunder starts", HIDE),
    ("the cat throws the ring away and walks out", THROW),
    ("the rich cat slaps the poor dog in the restaurant", SLAP),
    ("the landlord rips the poor cat's contract in half and throws him out", TEAR),
    ("柴犬背着受伤的主人下山", CARRY),
    ("小猫钻到床底下不肯出来", HIDE),
    ("新娘把戒指扔进了河里", THROW),
    ("婆婆狠狠打了儿媳一巴掌", SLAP),
]


def _script_lines(premise: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["script", premise, "--seed", "1"]) == 0
    return [ln.removeprefix("drawn instead: ") for ln in capsys.readouterr().out.splitlines()
            if ln.startswith("drawn instead: ")]


@pytest.mark.parametrize(("premise", "drawn"), DRAWN)
def test_petreel_script_tells_the_deed_as_the_painter_draws_it(premise: str, drawn: str,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    lines = _script_lines(premise, capsys)
    written = write_story(premise, None, script_language(premise), 1)
    told = [s for s in written.substitutions if s.kind == "action" and s.who]
    assert told, written.substitutions  # the story wrote the deed as a stand-in
    painter = StoryboardPainter()
    painter.paint_layers(written.script, SMALL, no_progress, never_cancel)
    seen = {sub: next(c for c in painter.report[sub.scene - 1]["drawn"]["characters"] if c["id"] == sub.who)
            for sub in told}
    assert drawn in [doer.get("drawn_as") for doer in seen.values()], seen  # what the viewer sees
    for sub, doer in seen.items():
        if doer.get("drawn_as"):
            assert f"scene {sub.scene}: action {sub.wanted!r} drawn as {doer['drawn_as']!r}" in lines, lines
            assert str(sub) not in lines  # never the stand-in the painter did not draw
        else:
            assert str(sub) in lines  # the stand-in, where it is what the painter drew
    assert lines == as_painted(written.substitutions, painter.report)  # the --report file's lines, the same


def test_make_says_on_stderr_what_its_report_says(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out, report = tmp_path / "clip.mp4", tmp_path / "clip.json"
    code = main(["make", CARRY_PREMISE, "-o", str(out), "--report", str(report), "--width", "90", "--height", "160",
                 "--fps", "4", "--no-narration", "--no-music", "--seed", "1"])
    err = capsys.readouterr().err
    assert code == 0, err
    stderr = [ln.removeprefix("drawn instead: ") for ln in err.splitlines() if ln.startswith("drawn instead: ")]
    reported = json.loads(report.read_text(encoding="utf-8"))["substitutions"]
    assert any(f"drawn as {CARRY!r}" in ln for ln in stderr), stderr
    assert not any("'carries' drawn as 'work'" in ln for ln in stderr), stderr
    assert stderr == reported == _script_lines(CARRY_PREMISE, capsys)


def _scene(narration: str, *cast: tuple[str, str, str | None], props: tuple[str, ...] = ()) -> Scene:
    return Scene.model_validate(_staged_scene(narration=narration, props=list(props), chars=[
        {"id": i, "action": a, "target": t} for i, a, t in cast]))


def test_the_painters_reading_is_the_storys() -> None:
    carry = _scene("Bolt carries his grandma on his back through the snow.", ("hero", "work", "grandma"),
                   ("grandma", "stand", None))
    assert own_drawings(carry, ["hero", "grandma"]) == {"hero": CARRY, "grandma": RIDER}
    slap = _scene("She slaps him across the face.", ("rival", "push", "hero"), ("hero", "stand", None))
    assert own_drawings(slap, ["hero", "rival"]) == {"rival": SLAP}
    tear = _scene("He tears up the contract.", ("rival", "push", "hero"), ("hero", "stand", None))
    assert own_drawings(tear, ["hero", "rival"]) == {"rival": TEAR}
    hide = _scene("Mimi hides under the bed when the thunder starts.", ("hero", "celebrate", None))
    assert own_drawings(hide, ["hero"]) == {"hero": HIDE}
    ring = _scene("She throws the ring away.", ("hero", "push", None), props=("ring",))
    assert own_drawings(ring, ["hero"]) == {"hero": THROW}
    thrown_out = _scene("Olive is thrown out of home.", ("hero", "cry", None), props=("suitcase",))
    assert own_drawings(thrown_out, ["hero"]) == {}  # the one thrown out throws nothing
    plain = _scene("He walks home.", ("hero", "walk", None))
    assert own_drawings(plain, ["hero"]) == {}


def test_the_lines_from_a_painters_report_else_the_script_else_the_story() -> None:
    subs = [Substitution(1, "action", "carries", "work", scene=1, who="hero"),
            Substitution(1, "place", "bed", "bedroom", scene=1)]
    assert drawn_lines(subs) == [str(s) for s in subs]  # a painter that reads no words (a diffusion model)
    assert drawn_lines(subs, painted={(1, "hero"): "carry on back"})[0] == \
        "scene 1: action 'carries' drawn as 'carry on back'"
    assert drawn_lines(subs, painted={}) == [str(s) for s in subs]  # the painter drew the stand-in
    assert drawn_lines([subs[0], subs[0]]) == [str(subs[0])]  # each line once


def test_the_spine_file_is_read_once_by_all_who_read_it() -> None:
    assert story.staged.spine_data is spine_data
    for module in (story.jobs, story.telling, story.staged):
        assert 'read_json("spine.json")' not in inspect.getsource(module), module.__name__
    assert spine_data() is spine_data()
