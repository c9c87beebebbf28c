"""Faults a person meets at the command line (issue 14): each is one line on stderr and exit 2,
nothing is replaced that the user did not ask to write, and no traceback."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from petreel.cli import main
from render.composer import THUMB_COMMENT

ROOT = Path(__file__).resolve().parents[1]
PREMISE = "a poor ginger cat is mocked by a rich white cat"
TINY = ["--seed", "4", "--width", "90", "--height", "160", "--fps", "4", "--no-narration"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["make", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def petreel(*argv: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    """``python -m petreel.cli ARGV`` as a process (real argv bytes, real environment)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PETREEL_", "TELEGRAM_"))}
    base["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "petreel.cli", *argv], env={**base, **(env or {})},
                          capture_output=True, timeout=120, cwd=cwd, check=False)


def one_line(err: str | bytes) -> str:
    text = err.decode("utf-8", "replace") if isinstance(err, bytes) else err
    assert "Traceback" not in text, text
    assert text.count("\n") == 1, text
    return text


# -- 2. device nodes, FIFOs and sockets are never replaced ---------------------------------------------


def test_make_refuses_a_fifo_a_socket_and_a_device_node_as_output(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path) -> None:
    import socket

    fifo = tmp_path / "fifo.mp4"
    os.mkfifo(fifo)
    sock_path = tmp_path / "s.mp4"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        targets = [fifo, sock_path]
        device = tmp_path / "full.mp4"
        try:  # a private copy of /dev/full (root only; CI runs as root)
            os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
            targets.append(device)
        except PermissionError:
            pass
        for target in targets:
            code, _, err = run(capsys, PREMISE, "-o", str(target), *TINY)
            assert code == 2, err
            assert "is not a regular file" in one_line(err) and str(target) in err
        assert stat.S_ISFIFO(fifo.stat().st_mode) and stat.S_ISSOCK(sock_path.stat().st_mode)
        if device in targets:
            assert stat.S_ISCHR(device.stat().st_mode)
        # a thumbnail path of that kind is refused too
        code, _, err = run(capsys, PREMISE, "-o", str(tmp_path / "ok.mp4"), "--thumbnail", str(fifo), *TINY)
        assert code == 2 and "is not a regular file" in one_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in targets)  # nothing else written


def test_device_node_case_runs_as_root_when_mknod_is_allowed(tmp_path: Path) -> None:
    """The device case above is real where CI runs (root); say so when it can't be."""
    try:
        os.mknod(tmp_path / "probe", 0o600 | stat.S_IFCHR, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("mknod is not permitted here (not root)")
    assert stat.S_ISCHR((tmp_path / "probe").stat().st_mode)


def test_composer_refuses_a_non_regular_output(tmp_path: Path) -> None:
    import numpy as np

    from petreel.errors import OutputPathError
    from render.composer import FfmpegComposer
    from render.stages import RenderSpec

    fifo = tmp_path / "out.mp4"
    os.mkfifo(fifo)
    frames = (np.zeros((16, 16, 3), np.uint8) for _ in range(2))
    with pytest.raises(OutputPathError, match="not a regular file"):
        FfmpegComposer().compose(frames, np.zeros(100, np.float32), RenderSpec(width=16, height=16, fps=2), fifo, 2)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and [p.name for p in tmp_path.iterdir()] == ["out.mp4"]


# -- 3. the thumbnail path is explicit --------------------------------------------------------------


def test_make_never_clobbers_a_jpg_beside_the_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    holiday = tmp_path / "holiday.jpg"
    holiday.write_bytes(b"my holiday photo")
    code, _, err = run(capsys, PREMISE, "-o", str(tmp_path / "holiday.mp4"), *TINY)
    assert code == 2 and "holiday.jpg exists and was not written by petreel" in one_line(err)
    assert holiday.read_bytes() == b"my holiday photo" and not (tmp_path / "holiday.mp4").exists()
    # asked for explicitly: the thumbnail goes there and the output line names it
    thumb = tmp_path / "thumbs" / "h.jpg"
    thumb.parent.mkdir()
    code, out, err = run(capsys, PREMISE, "-o", str(tmp_path / "holiday.mp4"), "--thumbnail", str(thumb), *TINY)
    assert code == 0, err
    assert holiday.read_bytes() == b"my holiday photo"
    assert thumb.read_bytes()[:2] == b"\xff\xd8" and f"thumbnail {thumb}" in out


def test_make_replaces_its_own_thumbnail_on_a_rerun(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_path = tmp_path / "clip.mp4"
    for _ in range(2):
        code, out, err = run(capsys, PREMISE, "-o", str(out_path), *TINY)
        assert code == 0, err
    assert THUMB_COMMENT in (tmp_path / "clip.jpg").read_bytes()[:4096]
    assert f"thumbnail {tmp_path / 'clip.jpg'}" in out


def test_make_to_a_jpg_output_keeps_the_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_path = tmp_path / "clip.jpg"
    code, out, err = run(capsys, PREMISE, "-o", str(out_path), "--thumbnail", str(out_path), *TINY)
    assert code == 2 and "is the output itself" in one_line(err)
    code, out, err = run(capsys, PREMISE, "-o", str(out_path), *TINY)
    assert code == 0, err
    thumb = tmp_path / "clip.thumb.jpg"
    assert out_path.read_bytes()[4:8] == b"ftyp"  # the MP4 is still there
    assert thumb.read_bytes()[:2] == b"\xff\xd8" and f"thumbnail {thumb}" in out


# -- 6. a premise that is not valid UTF-8 -----------------------------------------------------------------


def test_make_refuses_a_premise_that_is_not_utf8_with_one_line() -> None:
    premise = b"\xff\xfe a cat gets rich \xc3\x28"
    done = petreel("make", os.fsdecode(premise), "-o", "/nonexistent-dir-petreel/x.mp4")
    assert done.returncode == 2, done.stderr
    assert b"not valid UTF-8" in done.stderr and one_line(done.stderr).startswith("petreel make: error: ")


def test_validate_premise_refuses_lone_surrogates() -> None:
    from petreel.errors import BadPremise
    from story.offline import validate_premise

    for text in ("a cat \udcff gets rich", "\ud800", "ok \udfff"):
        with pytest.raises(BadPremise, match="UTF-8"):
            validate_premise(text)
    assert validate_premise("a cat gets rich 🐱") == "a cat gets rich 🐱"


# -- 13. bad environment values ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "needles"),
    [
        ({"PETREEL_RENDER__FPS": "abc"}, ["PETREEL_RENDER__FPS='abc'", "whole number"]),
        ({"PETREEL_TELEGRAM__ADMINS": "5"}, ["PETREEL_TELEGRAM__ADMINS='5'", "JSON list, e.g. [123456789]"]),
        ({"PETREEL_TELEGRAM__ADMINS": "alice"}, ["PETREEL_TELEGRAM__ADMINS='alice'", "JSON list"]),
        ({"PETREEL_TELEGRAM__MODE": "webhok"}, ["PETREEL_TELEGRAM__MODE='webhok'", "'polling' or 'webhook'"]),
        ({"PETREEL_HTTP_PORT": "99999"}, ["PETREEL_HTTP_PORT='99999'", "65535"]),
    ],
    ids=["fps", "admins-number", "admins-text", "mode", "port-range"],
)
def test_bad_environment_values_are_one_line_naming_the_variable(env: dict[str, str], needles: list[str],
                                                                 tmp_path: Path) -> None:
    commands = {"bot": ["bot"], "worker": ["worker", "--once"], "make": ["make", "a cat", "-o", str(tmp_path / "c.mp4")]}
    # every command for one value (they share the loading); the bot for the others
    for argv in commands.values() if "PETREEL_RENDER__FPS" in env else [commands["bot"]]:
        check_bad_environment(argv, env, needles, tmp_path)


def check_bad_environment(argv: list[str], env: dict[str, str], needles: list[str], tmp_path: Path) -> None:
    done = petreel(*argv, env={"PETREEL_DATA_DIR": str(tmp_path), **env})
    assert done.returncode == 2, done.stderr[-2000:]
    line = one_line(done.stderr)
    assert line.startswith("petreel: error: ")
    for needle in needles:
        assert needle in line
    assert "render.fps" not in line and "telegram.admins" not in line


def test_a_port_in_use_is_one_line_naming_the_variable(tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = petreel("bot", env={"PETREEL_DATA_DIR": str(tmp_path), "PETREEL_HTTP_PORT": str(port)})
    assert done.returncode == 2, done.stderr[-2000:]
    line = one_line(done.stderr)
    assert f"127.0.0.1:{port}" in line and "PETREEL_HTTP_PORT" in line and "free port" in line


def test_an_unusable_data_directory_is_one_line_naming_the_variable(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    for command in (["bot"], ["worker", "--once"]):
        done = petreel(*command, env={"PETREEL_DATA_DIR": str(blocker / "data")})
        assert done.returncode == 2, done.stderr[-2000:]
        line = one_line(done.stderr)
        assert str(blocker / "data") in line and ("PETREEL_DATA_DIR" in line), line


# -- 14. ffmpeg missing --------------------------------------------------------------------------------


def test_missing_ffmpeg_names_the_encoder_not_the_output_folder(tmp_path: Path) -> None:
    done = petreel("make", PREMISE, "-o", str(tmp_path / "clip.mp4"), *TINY,
                   env={"IMAGEIO_FFMPEG_EXE": str(tmp_path / "nowhere" / "ffmpeg")})
    assert done.returncode == 2, done.stderr[-2000:]
    line = one_line(done.stderr)
    assert "ffmpeg" in line and str(tmp_path / "nowhere" / "ffmpeg") in line
    assert "Can't write the output file" not in line and "IMAGEIO_FFMPEG_EXE" in line
    assert list(tmp_path.iterdir()) == []


def test_composer_names_the_missing_encoder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from petreel.errors import EncoderMissing
    from render.composer import FfmpegComposer
    from render.stages import RenderSpec

    monkeypatch.setenv("IMAGEIO_FFMPEG_EXE", str(tmp_path / "nowhere"))
    frames = (np.zeros((16, 16, 3), np.uint8) for _ in range(2))
    with pytest.raises(EncoderMissing, match="ffmpeg encoder not found"):
        FfmpegComposer().compose(frames, np.zeros(100, np.float32), RenderSpec(width=16, height=16, fps=2),
                                 tmp_path / "c.mp4", 2)
    assert list(tmp_path.iterdir()) == []
