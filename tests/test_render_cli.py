"""``petreel make``: bad input exits 2 with one clear line; a tiny real render succeeds."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from petreel.cli import main
from petreel.errors import RenderFailed
from render.cli import check_output
from render.probe import probe


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["make", *argv])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["   "], "1–500 characters"),
        (["a" * 501], "500"),
        (["a cat gets rich", "--style", "dragon"], "unknown style 'dragon'; valid styles: ginger-cat"),
        (["a cat gets rich", "--art-style", "oil"], "art style 'oil' is unknown; available: storyboard"),
        (["a cat gets rich", "--art-style", "3d"], "needs PETREEL_RENDER__BACKEND=diffusers"),
        (["a cat gets rich", "--width", "181"], "even"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                         argv: list[str], needle: str) -> None:
    code, err = run(capsys, *argv, "-o", str(tmp_path / "clip.mp4"))
    assert code == 2
    assert needle in err and err.startswith("petreel make: error: ")
    assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_is_refused_before_rendering(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, err = run(capsys, "a cat gets rich", "-o", str(tmp_path / "missing" / "clip.mp4"))
    assert code == 2 and "does not exist" in err
    code, err = run(capsys, "a cat gets rich", "-o", str(tmp_path))
    assert code == 2 and "is a directory" in err
    (tmp_path / "file").write_text("x")
    code, err = run(capsys, "a cat gets rich", "-o", str(tmp_path / "file" / "clip.mp4"))
    assert code == 2 and "is not a directory" in err and err.count("\n") == 1
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


def test_failed_render_exits_1_with_one_line_and_leaves_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import render.backends
    from render.animator import KenBurnsAnimator
    from render.stages import Backends

    class BrokenAnimator(KenBurnsAnimator):
        def frames(self, *args: Any, **kwargs: Any) -> Iterator[np.ndarray]:
            yield from list(super().frames(*args, **kwargs))[:3]  # too few frames: the composer refuses
            raise RenderFailed("animator broke")

        def layered_frames(self, *args: Any, **kwargs: Any) -> Iterator[np.ndarray]:
            yield from list(super().layered_frames(*args, **kwargs))[:3]
            raise RenderFailed("animator broke")

    def broken(settings: Any) -> Backends:
        real = default_backends(settings)
        return Backends(real.painter, BrokenAnimator(), real.narrator, real.music, real.composer)

    default_backends = render.backends.default_backends
    monkeypatch.setattr(render.backends, "default_backends", broken)
    out = tmp_path / "clip.mp4"
    code, err = run(capsys, "a poor ginger cat is mocked by a rich white cat", "--seed", "4", "-o", str(out),
                    "--width", "90", "--height", "160", "--fps", "6", "--no-narration")
    assert code == 1
    last = err.strip().splitlines()[-1]  # the progress bar writes to stderr first
    assert last == "petreel make: error: render failed: animator broke"
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_check_output_accepts_a_writable_path(tmp_path: Path) -> None:
    assert check_output(tmp_path / "ok.mp4") is None
    assert check_output(Path("relative.mp4")) is None  # the current directory


def test_unknown_language_is_an_argparse_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["make", "a cat", "--lang", "fr"])
    assert exc.value.code == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err


def test_make_renders_a_tiny_clip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    code = main(["make", "a poor ginger cat is mocked by a rich white cat", "--seed", "4", "-o", str(out),
                 "--width", "90", "--height", "160", "--fps", "6", "--no-narration"])  # piper: test_render_narrator
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert str(out) in captured.out
    facts = probe(out)
    assert facts["profile"] == "High" and facts["faststart"] and facts["has_audio"]
    assert 25 <= facts["duration"] <= 70
    assert out.with_suffix(".jpg").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.jpg", "clip.mp4"]


def test_same_seed_gives_the_same_clip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    clips = []
    for name in ("a.mp4", "b.mp4"):
        out = tmp_path / name
        code = main(["make", "a shy corgi wins the office talent show", "--seed", "12", "-o", str(out),
                     "--width", "90", "--height", "160", "--fps", "4", "--no-narration"])  # piper: test_render_narrator
        assert code == 0, capsys.readouterr().err
        clips.append(hashlib.sha256(out.read_bytes()).hexdigest())  # a digest: a failure reports in one line
    assert clips[0] == clips[1]


def test_make_report_lists_what_was_asked_and_drawn(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import json

    out, report = tmp_path / "clip.mp4", tmp_path / "report.json"
    code = main(["make", "a poor ginger cat cleans skyscraper windows at night and buys a golden car", "--seed", "3",
                 "-o", str(out), "--width", "90", "--height", "160", "--fps", "4", "--no-narration",
                 "--report", str(report)])
    assert code == 0, capsys.readouterr().err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["seed"] == 3 and data["scenes"]
    for scene in data["scenes"]:
        asked, drawn = scene["asked"], scene["drawn"]
        assert drawn["location"] == asked["location"] and drawn["time_of_day"] == asked["time_of_day"]
        assert [p["asked"] for p in drawn["props"]] == asked["props"]  # every prop drawn or substituted
        # a thing nothing drawable is near to is drawn as nothing, said so ("none", no box)
        assert all(p["how"] in ("exact", "alias", "nearest") and p["box"] or p["how"] == "none" and p["box"] is None
                   for p in drawn["props"])
        assert [c["action"] for c in drawn["characters"]] == [c["action"] for c in asked["characters"]]
