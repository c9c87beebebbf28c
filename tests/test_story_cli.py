"""``petreel script`` and ``petreel make --script / --style / --report`` (offline writer, no LLM configured)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from petreel.cli import main
from render.probe import probe
from story.offline import write_offline
from story.script import Script

PREMISE = "a poor ginger cat window cleaner is mocked by a rich white cat and her dog boyfriend"


def test_script_prints_what_was_understood_and_the_script(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["script", PREMISE, "--seed", "3"]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("Understood — hero: the poor ginger cat, window cleaner")
    assert "the dog boyfriend, on the rival's side" in first
    assert "arc: rags_to_riches" in out and "title:" in out
    assert "cast: boyfriend = " in out and "skyscraper" in out
    # the same script as the offline writer gives, scene by scene
    script = write_offline(PREMISE, "ginger-cat", "en", 3)
    assert all(s.narration in out for s in script.scenes)


def test_the_script_follows_the_premises_language_unless_told(capsys: pytest.CaptureFixture[str]) -> None:
    zh = "一只流浪的黑猫在雨中被富家狗赶走，后来成了著名画家"
    assert main(["script", zh, "--seed", "4", "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("理解为")
    assert Script.model_validate_json(captured.out).language == "zh"
    assert main(["script", PREMISE, "--seed", "4", "--json"]) == 0
    assert Script.model_validate_json(capsys.readouterr().out).language == "en"
    assert main(["script", PREMISE, "--seed", "4", "--lang", "zh", "--json"]) == 0
    assert Script.model_validate_json(capsys.readouterr().out).language == "zh"


def test_script_json_round_trips_into_make(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["script", "穷橘猫被富白猫和她的狗男友嘲笑", "--lang", "zh", "--seed", "2", "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("理解为——主角：穷橘猫")
    script = Script.model_validate_json(captured.out)
    assert script.language == "zh" and script == write_offline("穷橘猫被富白猫和她的狗男友嘲笑", "ginger-cat", "zh", 2)
    # an edited script renders as edited
    data = json.loads(captured.out)
    data["title"] = "我改过的标题"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "clip.mp4"
    code = main(["make", "--script", str(path), "-o", str(out), "--width", "90", "--height", "160", "--fps", "4",
                 "--no-narration", "--no-music", "--seed", "1"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "我改过的标题" in captured.out and probe(out)["has_audio"]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (None, "cannot read script"),
        ("not json", "invalid script"),
        ('{"title": "x"}', "invalid script"),
    ],
)
def test_bad_script_file_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                content: str | None, needle: str) -> None:
    path = tmp_path / "s.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code = main(["make", "--script", str(path), "-o", str(tmp_path / "c.mp4")])
    err = capsys.readouterr().err
    assert code == 2 and needle in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "c.mp4").exists()


def test_premise_and_script_together_or_neither_are_refused(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    assert main(["make", "a cat", "--script", str(tmp_path / "x.json")]) == 2
    assert main(["make"]) == 2
    err = capsys.readouterr().err
    assert "not both" in err and "a premise is needed" in err


def test_style_recasts_the_hero_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["script", PREMISE, "--seed", "1", "--style", "husky"]) == 0
    out = capsys.readouterr().out
    assert "Re-cast as you picked: the hero is now a husky instead of a ginger cat" in out
    assert "cast: hero = " in out and "dog (Siberian husky)" in out
    assert main(["script", PREMISE, "--seed", "1", "--style", "ginger-cat"]) == 0
    assert "Re-cast" not in capsys.readouterr().out


def test_bad_script_command_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["script", "   "]) == 2
    assert main(["script", "a cat", "--style", "dragon"]) == 2
    err = capsys.readouterr().err
    assert "petreel script: error:" in err and "dragon" in err
