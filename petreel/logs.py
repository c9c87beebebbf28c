"""Logging setup: one stderr handler, a token-redacting filter and optional JSON lines.

``setup_logging(settings)`` installs (idempotently) a handler on the root logger whose filter
rewrites every record so that the bot token never reaches a log sink: the message, its ``%``
arguments, and the exception text are formatted once, redacted, and stored back on the record.
Bot API URLs (``…/bot123456:ABC…/getMe`` as logged by httpx) become ``…/bot<redacted>/getMe``
even when the token isn't known (e.g. a token typed on the command line).
"""

from __future__ import annotations

import json
import logging
import re
import sys
import traceback
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import IO

from petreel.settings import Settings

REDACTED = "<redacted>"
# A Bot API token is "<digits>:<35-ish url-safe chars>"; in URLs it follows "bot".
_TOKEN_IN_URL = re.compile(r"bot\d{3,}:[A-Za-z0-9_-]{10,}")
_BARE_TOKEN = re.compile(r"\b\d{3,}:[A-Za-z0-9_-]{30,}\b")
_HANDLER_MARK = "_petreel_handler"


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with every known secret and anything shaped like a bot token replaced."""
    for secret in secrets:
        if secret:
            text = text.replace(f"bot{secret}", f"bot{REDACTED}").replace(secret, REDACTED)
    text = _TOKEN_IN_URL.sub(f"bot{REDACTED}", text)
    return _BARE_TOKEN.sub(REDACTED, text)


class RedactingFilter(logging.Filter):
    """Redacts secrets from a record's message, arguments and exception text (never drops it)."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed %-format: keep the raw parts
            message = f"{record.msg} {record.args}"
        record.msg = redact(message, self.secrets)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip()
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
            record.exc_info = None  # the redacted text is what gets printed
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.secrets)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg and exc when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exc"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def secrets_of(settings: Settings) -> list[str]:
    """Every secret value in the settings that must never be logged."""
    values = [settings.token, settings.telegram.webhook_secret, settings.llm.api_key]
    return [v.get_secret_value() for v in values if v is not None and v.get_secret_value()]


def setup_logging(settings: Settings, stream: IO[str] | None = None) -> logging.Handler:
    """Install the PetReel handler on the root logger (replacing an earlier one) and return it."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _HANDLER_MARK, False)]:
        root.removeHandler(old)
        old.close()
    handler = logging.StreamHandler(stream or sys.stderr)
    setattr(handler, _HANDLER_MARK, True)
    handler.addFilter(RedactingFilter(secrets_of(settings)))
    if settings.log_json:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
    # Libraries log every HTTP request (a poll each few seconds) at INFO: an operator acts on none of
    # them, so they show from WARNING up unless PETREEL_LOG_LEVEL=DEBUG asks for everything.
    quiet = logging.DEBUG if root.level <= logging.DEBUG else logging.WARNING
    for name in CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(quiet)
    return handler


CHATTY_LOGGERS = ("httpx", "httpcore", "telegram.ext.Updater", "telegram.ext.ExtBot", "aiohttp.access", "apscheduler")
