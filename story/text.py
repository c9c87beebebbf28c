"""Text that can be stored, hashed and sent (pure).

Python keeps bytes that are not valid UTF-8 as lone surrogates (``"\\udcff"``: an argv decoded with
``surrogateescape``, a JSON string with ``"\\ud800"``). Such a string can't be encoded to UTF-8, so it
would fail later (hashing, SQLite, the Bot API) with a traceback. ``check_utf8`` refuses it at the
door with the user-facing ``BadPremise``.
"""

from __future__ import annotations

import re
from typing import Literal

from petreel.errors import BadPremise

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def is_utf8(text: str) -> bool:
    """True when ``text`` encodes to UTF-8 (it has no lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_utf8(text: str) -> str:
    """``text`` unchanged, or ``BadPremise`` when it is not valid UTF-8 text."""
    if not is_utf8(text):
        raise BadPremise("not valid UTF-8 text")
    return text


def script_language(premise: str) -> Literal["en", "zh"]:
    """The script follows the premise's language: any Chinese characters → Chinese, else English."""
    return "zh" if _HAN.search(premise) else "en"
