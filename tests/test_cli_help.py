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
