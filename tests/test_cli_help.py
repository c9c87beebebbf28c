"""The CLI as a newcomer meets it: --version, and help that names the port, the data folder and the
main environment variables; logs that keep INFO for what an operator acts on."""

from __future__ import annotations

import io
import logging
from importlib import metadata

import pytest

from petreel.cli import main
from petreel.logs import CHATTY_LOGGERS, setup_logging
from petreel.settings import Settings


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"petreel {metadata.version('petreel')}"


@pytest.mark.parametrize(
    ("command", "needles"),
    [
        ("bot", ["PETREEL_HTTP_PORT", "8080", "PETREEL_DATA_DIR", "TELEGRAM_BOT_TOKEN", "8443", "sandbox"]),
        ("up", ["PETREEL_HTTP_PORT", "8080", "PETREEL_DATA_DIR", "TELEGRAM_BOT_TOKEN", "worker"]),
        ("worker", ["PETREEL_DATA_DIR", "PETREEL_RENDER__BACKEND", "PETREEL_RENDER__MODEL_PATH", "/healthz"]),
    ],
)
def test_help_names_port_data_folder_and_settings(command: str, needles: list[str],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    missing = [n for n in needles if n not in text]
    assert not missing, f"`petreel {command} --help` does not mention {missing}"


@pytest.mark.parametrize(("level", "polls_shown"), [("INFO", False), ("DEBUG", True)])
def test_request_logs_stay_out_of_info(level: str, polls_shown: bool) -> None:
    stream = io.StringIO()
    handler = setup_logging(Settings(log_level=level), stream)
    try:
        logging.getLogger("httpx").info('HTTP Request: POST http://api/bot<redacted>/getUpdates "HTTP/1.1 200 OK"')
        logging.getLogger("httpx").warning("connection pool is full")
        logging.getLogger("petreel.bot").info("job 7 queued")
    finally:
        logging.getLogger().removeHandler(handler)
        for name in CHATTY_LOGGERS:
            logging.getLogger(name).setLevel(logging.NOTSET)
    out = stream.getvalue()
    assert ("getUpdates" in out) is polls_shown
    assert "connection pool is full" in out and "job 7 queued" in out


@pytest.mark.parametrize(("argv", "unloaded"), [
    (["make", "a poor cat gets rich", "-o", "x.mp4"], {"storage", "worker", "bot", "petreel.serve", "sqlite_utils"}),
    (["script", "--seed", "3", "a shy corgi cooks"], {"storage", "worker", "bot", "petreel.serve", "render"}),
    (["migrate-db", "--to", "postgresql://x"], {"worker", "bot", "petreel.serve", "render"}),
])
def test_a_command_loads_only_its_own_domain(argv: list[str], unloaded: set[str]) -> None:
    """``petreel make`` (or script, migrate-db) parses its arguments without importing the other
    commands' modules (the bot, the worker, the database drivers): a fresh interpreter says which it loaded."""
    import subprocess
    import sys

    probe = ("import sys; from petreel.cli import build_parser; "
             f"a = build_parser({argv[0]!r}).parse_args({argv!r}); print(a.command, a.func.__module__); "
             "print(' '.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    head, loaded = out.splitlines()
    assert head.split()[0] == argv[0]
    assert not [m for m in loaded.split() if m in unloaded or m.split(".")[0] in unloaded]


def test_the_full_help_still_names_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert all(c in out for c in ("make", "script", "worker", "bot", "up", "sandbox", "migrate-db"))
