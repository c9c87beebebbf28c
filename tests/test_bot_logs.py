"""Token redaction in every log record (message, args, exception text) and JSON lines."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import httpx
import pytest

from petreel.logs import RedactingFilter, redact, setup_logging
from petreel.settings import Settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


@pytest.fixture
def captured() -> Iterator[tuple[io.StringIO, Settings]]:
    settings = Settings(telegram={"token": TOKEN}, log_level="DEBUG")  # type: ignore[arg-type]
    stream = io.StringIO()
    setup_logging(settings, stream=stream)
    root = logging.getLogger()
    level = root.level
    yield stream, settings
    for installed in [h for h in root.handlers if _ours(h)]:
        root.removeHandler(installed)
        installed.close()
    root.setLevel(level)


def _ours(handler: logging.Handler) -> bool:
    return any(isinstance(f, RedactingFilter) for f in handler.filters)


async def test_httpx_request_url_is_logged_as_bot_redacted(captured: tuple[io.StringIO, Settings]) -> None:
    """At DEBUG (request lines stay out of INFO) every request URL shows the token redacted."""
    stream, _ = captured

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"ok": True, "result": True})

    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
        await client.post(f"https://api.telegram.org/bot{TOKEN}/getMe")
    out = stream.getvalue()
    assert "HTTP Request: POST https://api.telegram.org/bot<redacted>/getMe" in out
    assert TOKEN not in out and TOKEN.split(":")[1] not in out


def test_args_and_exception_text_are_redacted(captured: tuple[io.StringIO, Settings]) -> None:
    stream, _ = captured
    log = logging.getLogger("petreel.test")
    log.warning("token is %s", TOKEN)
    try:
        raise RuntimeError(f"failed calling https://api.telegram.org/bot{TOKEN}/sendVideo")
    except RuntimeError:
        log.exception("boom")
    out = stream.getvalue()
    assert TOKEN not in out
    assert "token is <redacted>" in out
    assert "bot<redacted>/sendVideo" in out and "Traceback" in out


def test_unknown_token_shapes_are_caught_too() -> None:
    other = "987654321:ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"
    assert redact(f"GET /bot{other}/getUpdates") == "GET /bot<redacted>/getUpdates"
    assert redact(f"token={other}") == "token=<redacted>"
    assert redact("order 12345:short stays") == "order 12345:short stays"


def test_json_lines(captured: tuple[io.StringIO, Settings]) -> None:
    stream, settings = captured
    setup_logging(settings.model_copy(update={"log_json": True}), stream=stream)
    logging.getLogger("petreel.json").info("hello %s from %s", "world", TOKEN)
    line = stream.getvalue().strip().splitlines()[-1]
    entry = json.loads(line)
    assert entry["msg"] == "hello world from <redacted>"
    assert entry["level"] == "INFO" and entry["logger"] == "petreel.json"
    # the previous PetReel handler was replaced, not stacked
    assert sum(1 for h in logging.getLogger().handlers if _ours(h)) == 1
