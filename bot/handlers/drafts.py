"""Pending drafts: a premise (and later its hero, art style and script) awaiting a button press.

Drafts live in the ``drafts`` table (``storage/drafts.py`` through ``AsyncStore``), so the buttons of
a chooser or a script preview still work after the bot restarts. A draft is keyed by a short random
id, which is all a button carries; ownership is checked by the handlers. A draft expires ``ttl_s``
after its last change; each user keeps at most ``per_user`` (the store drops the oldest).

Three things are kept in memory: which message shows each draft's buttons (``shown``), so that a
draft discarded by /cancel loses its buttons (a restart forgets it: such buttons then answer
"expired"); which drafts have a script being written right now (``writing``):
presses on such a draft are answered "still working" instead of racing the writer; and which drafts
were recently taken by a Confirm (``confirmed``), so a second press on the same Confirm is answered
"already queued" instead of "expired". A restart forgets both, which is right: the write died with
the old process, and the confirmed preview's buttons were removed when its job was queued.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from storage import drafts as stored
from storage.models import Draft
from story.script import Script

if TYPE_CHECKING:
    from storage.store import AsyncStore

__all__ = ["Draft", "DraftBook", "new_seed", "script_of"]

DRAFT_TTL_S = 6 * 3600.0
CONFIRMED_KEPT = 10_000  # taken draft ids remembered (bounded memory)
LINE_EDIT_TTL_S = 15 * 60.0  # a tapped "edit this line" waits this long for the user's new text


def new_seed() -> int:
    return secrets.randbelow(2**31)


def script_of(draft: Draft) -> Script | None:
    """The draft's script (stored as JSON), or None before it is written."""
    return Script.model_validate_json(draft.script) if draft.script else None


class DraftBook:
    def __init__(
        self,
        store: AsyncStore,
        ttl_s: float = DRAFT_TTL_S,
        per_user: int = stored.DRAFTS_PER_USER,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.ttl_s = ttl_s
        self.per_user = per_user
        self.clock = clock  # wall clock, like the store's: it decides expiry
        self._writing: set[str] = set()
        self._locks: dict[int, asyncio.Lock] = {}
        self._confirmed: OrderedDict[str, int] = OrderedDict()  # taken draft id → owner
        self._shown: OrderedDict[str, tuple[int, int]] = OrderedDict()  # draft id → (chat, message) of its buttons
        # user → (draft id, spoken line index, deadline): the Remix line the user's next text replaces.
        # Kept in memory per user (the drafts table has no field for it) and dropped after
        # LINE_EDIT_TTL_S, by /cancel or /new; a restart forgets it (the text is then a premise).
        self._line_edits: dict[int, tuple[str, int, float]] = {}

    async def new(
        self,
        owner: int,
        chat_id: int,
        premise: str,
        language: str,
        *,
        style: str | None = None,
        art_style: str | None = None,
        script: Script | None = None,
        parent_clip_id: int | None = None,
        premise_message_id: int | None = None,
    ) -> Draft:
        """Store a new draft with a fresh id and seed (``premise_message_id``: the message that carried
        the premise, which the finished clip will reply to)."""
        now = self.clock()
        while True:
            draft = Draft(
                id=stored.new_id(),
                owner=owner,
                chat_id=chat_id,
                premise=premise,
                language=language,
                style=style,
                art_style=art_style,
                seed=new_seed(),
                script=script.model_dump_json() if script is not None else None,
                parent_clip_id=parent_clip_id,
                premise_message_id=premise_message_id,
                created=now,
                updated=now,
                expires=now + self.ttl_s,
            )
            if await self.store.save_draft(draft, self.per_user):
                return draft
            # the id (48 random bits) belonged to another owner's draft: draw again

    async def new_if_room(
        self, owner: int, chat_id: int, premise: str, language: str, premise_message_id: int | None = None
    ) -> Draft | None:
        """A new draft for a premise, or None when the owner already has ``per_user`` live drafts:
        storing it would drop the oldest, whose chooser is still on screen with dead buttons. One
        owner's checks run one at a time (a lock per owner), so concurrent premises can't overshoot."""
        if len(self._locks) > CONFIRMED_KEPT:  # bounded memory: forget the idle owners' locks
            self._locks = {o: lk for o, lk in self._locks.items() if lk.locked()}
        async with self._locks.setdefault(owner, asyncio.Lock()):
            if len(await self.store.user_drafts(owner)) >= self.per_user:
                return None
            return await self.new(owner, chat_id, premise, language, premise_message_id=premise_message_id)

    async def get(self, draft_id: str) -> Draft | None:
        """The live draft with this id (any owner: callers check ownership and say so)."""
        return await self.store.get_draft(draft_id)

    async def update(self, draft: Draft, **changes: object) -> Draft:
        """Save ``draft`` with ``changes`` (a new lease of life: ``ttl_s`` from now); returns it."""
        now = self.clock()
        new = dataclasses.replace(draft, **changes, updated=now, expires=now + self.ttl_s)  # type: ignore[arg-type]
        await self.store.save_draft(new, self.per_user)
        return new

    async def take(self, draft_id: str) -> Draft | None:
        """Remove and return the live draft atomically: of two Confirm presses only one gets it."""
        taken = await self.store.take_draft(draft_id)
        if taken is not None:
            self._confirmed[draft_id] = taken.owner
            while len(self._confirmed) > CONFIRMED_KEPT:
                self._confirmed.popitem(last=False)
        return taken

    async def put(self, draft: Draft) -> None:
        """Put back a draft taken with ``take`` (its Confirm couldn't go through)."""
        self._confirmed.pop(draft.id, None)
        await self.store.save_draft(draft, self.per_user)

    def confirmed(self, draft_id: str, owner: int) -> bool:
        """``owner``'s draft ``draft_id`` was taken by a Confirm in this process (a second press)."""
        return self._confirmed.get(draft_id) == owner

    def shown(self, draft_id: str, chat_id: int, message_id: int) -> None:
        """The draft's buttons are on this message (so a discard can edit them away)."""
        self._shown[draft_id] = (chat_id, message_id)
        self._shown.move_to_end(draft_id)
        while len(self._shown) > CONFIRMED_KEPT:
            self._shown.popitem(last=False)

    def message_of(self, draft_id: str) -> tuple[int, int] | None:
        """(chat, message) showing the draft's buttons, when this process posted them."""
        return self._shown.get(draft_id)

    async def discard(self, draft_id: str) -> Draft | None:
        """Remove one live draft (a /cancel choice); returns it, or None when it was already gone."""
        return await self.store.take_draft(draft_id)

    async def of_user(self, owner: int) -> list[Draft]:
        return await self.store.user_drafts(owner)

    async def discard_user(self, owner: int) -> int:
        """Forget the owner's drafts; returns how many were still live."""
        live = len(await self.store.user_drafts(owner))
        await self.store.discard_drafts(owner)
        return live

    def edit_line(self, owner: int, draft_id: str, index: int) -> None:
        """``owner``'s next text replaces spoken line ``index`` of draft ``draft_id``."""
        self._line_edits[owner] = (draft_id, index, self.clock() + LINE_EDIT_TTL_S)

    def line_edit(self, owner: int) -> tuple[str, int] | None:
        """The (draft id, line index) ``owner``'s next text replaces, unless none or timed out."""
        pending = self._line_edits.get(owner)
        if pending is None or pending[2] < self.clock():
            self._line_edits.pop(owner, None)
            return None
        return pending[0], pending[1]

    def end_line_edit(self, owner: int) -> bool:
        """Leave edit mode; True when ``owner`` was in it."""
        return self._line_edits.pop(owner, None) is not None

    def busy(self, draft_id: str) -> bool:
        """A script is being written for this draft right now."""
        return draft_id in self._writing

    def busy_any(self) -> bool:
        """A script is being written for some draft right now."""
        return bool(self._writing)

    @contextlib.contextmanager
    def writing(self, draft_id: str) -> Iterator[None]:
        self._writing.add(draft_id)
        try:
            yield
        finally:
            self._writing.discard(draft_id)
