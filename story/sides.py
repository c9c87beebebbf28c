"""Whose side a pet named after a passive "by" (被) is on (``story/data/sides.json``). Pure.

"mocked by a rich cat" names the rival; "adopted by a firefighter dog" names the hero's new family,
and "gets caught by the police dog" a pet who stops the wrongdoer: both on the hero's side. ``kind_doer``
reads the passive verb (the English participle before "by", the Chinese verb after the agent) and
says the role such a pet takes, or None when the deed is no kindness.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from story.datafiles import read_json


@cache
def sides_data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("sides.json")
    return data


def _role_of(said: str, lang: str) -> str | None:
    for role, words in sides_data()["kind_by"].items():
        if said in words[lang]:
            return str(role)
    return None


def kind_doer(words: tuple[str, ...], by: int, end: int, chinese: bool) -> str | None:
    """The role ("family", "friend") of the pet after the passive mark at token ``by`` whose mention
    ends at token ``end``, when the passive deed is a kindness or a catch; else None."""
    if chinese:
        after = words[end:end + 2]
        return next((r for n in (2, 1) if len(after) >= n and (r := _role_of("".join(after[:n]), "zh"))), None)
    before = words[max(0, by - 2):by]
    return next((r for n in (2, 1) if len(before) >= n and (r := _role_of(" ".join(before[-n:]), "en"))), None)
