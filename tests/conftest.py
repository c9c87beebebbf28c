"""Shared test setup: offline hub, timedelta mode for python-telegram-bot, tmp data dirs."""

from __future__ import annotations

import os

# Tests never reach a model hub or Telegram; set before any library import reads them.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("PTB_TIMEDELTA", "true")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
