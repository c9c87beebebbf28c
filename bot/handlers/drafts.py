"""Pending drafts: a premise (and later its style, art style and script) awaiting a button press.

Kept server-side in memory (``app.bot_data``), keyed by a short random id that is all a button
carries. Drafts expire after ``ttl_s``; each user keeps at most ``per_user`` (oldest dropped). A bot
restart forgets drafts: the user is told the draft expired and sends the idea again (nothing has
been charged before Confirm, so nothing is lost). Pure apart from the random ids.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from render.script import Script


@dataclass
class Draft:
    id: str
    owner: int
    chat_id: int
    premise: str
    language: str  # the script's language (follows the premise)
    created: float
    style: str | None = None
    art_style: str | None = None
    seed: int = field(default_factory=lambda: secrets.randbelow(2**31))
    script: Script | None = None
    parent_clip_id: int | None = None  # set for remixes: the script is reused, not rewritten
    busy: bool = False  # a script is being written for it

    def reseed(self) -> int:
        self.seed = secrets.randbelow(2**31)
        return self.seed


class DraftBook:
    def __init__(self, ttl_s: float = 6 * 3600, per_user: int = 5, max_total: int = 20_000) -> None:
        self.ttl_s = ttl_s
        self.per_user = per_user
        self.max_total = max_total
        self._drafts: dict[str, Draft] = {}

    def new(self, owner: int, chat_id: int, premise: str, language: str, now: float, **fields: object) -> Draft:
        self._evict(owner, now)
        draft_id = secrets.token_urlsafe(6)
        while draft_id in self._drafts:  # pragma: no cover - 48 random bits
            draft_id = secrets.token_urlsafe(6)
        draft = Draft(draft_id, owner, chat_id, premise, language, now)
        for name, value in fields.items():
            setattr(draft, name, value)
        self._drafts[draft_id] = draft
        return draft

    def get(self, draft_id: str, now: float) -> Draft | None:
        """The live draft with this id (any owner: callers check ownership and say so)."""
        draft = self._drafts.get(draft_id)
        if draft is not None and now - draft.created > self.ttl_s:
            del self._drafts[draft_id]
            return None
        return draft

    def pop(self, draft_id: str) -> Draft | None:
        return self._drafts.pop(draft_id, None)

    def put(self, draft: Draft) -> None:
        self._drafts[draft.id] = draft

    def of_user(self, owner: int) -> list[Draft]:
        return [d for d in self._drafts.values() if d.owner == owner]

    def discard_user(self, owner: int) -> int:
        mine = [d.id for d in self._drafts.values() if d.owner == owner]
        for draft_id in mine:
            del self._drafts[draft_id]
        return len(mine)

    def _evict(self, owner: int, now: float) -> None:
        if len(self._drafts) >= self.max_total:
            for draft_id in [k for k, d in self._drafts.items() if now - d.created > self.ttl_s]:
                del self._drafts[draft_id]
            while len(self._drafts) >= self.max_total:
                del self._drafts[next(iter(self._drafts))]  # oldest inserted first
        mine = sorted(self.of_user(owner), key=lambda d: d.created)
        for old in mine[: max(0, len(mine) - self.per_user + 1)]:
            del self._drafts[old.id]

    def __len__(self) -> int:
        return len(self._drafts)

