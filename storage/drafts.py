"""Pending drafts: SQL operations on ``drafts`` (a premise awaiting Confirm survives a bot restart).

A draft is keyed by a short random id (``new_id``); that id is all a Telegram button carries. A
draft past its ``expires`` time reads as absent and is deleted by ``prune``. Each owner keeps at most
``per_user`` drafts (the oldest are dropped when a new one is saved). Callers run ``save`` inside
``BEGIN IMMEDIATE`` (``storage.db.immediate``); the rest are single statements.
"""

from __future__ import annotations

import dataclasses
import secrets

from storage.db import one, rows
from storage.dialect import Db
from storage.models import Draft

DRAFTS_PER_USER = 5
ID_BYTES = 6  # 8 url-safe characters, 48 random bits

# Upsert: an existing draft keeps its id, owner and created time; a row of another owner is left alone.
_UPSERT = (
    "INSERT INTO drafts (id, owner, chat_id, premise, language, style, art_style, seed, script, "
    "parent_clip_id, premise_message_id, created, updated, expires) VALUES (:id, :owner, :chat_id, :premise, "
    ":language, :style, :art_style, :seed, :script, :parent_clip_id, :premise_message_id, :created, :updated, "
    ":expires) "
    "ON CONFLICT(id) DO UPDATE SET chat_id = excluded.chat_id, premise = excluded.premise, "
    "language = excluded.language, style = excluded.style, art_style = excluded.art_style, "
    "seed = excluded.seed, script = excluded.script, parent_clip_id = excluded.parent_clip_id, "
    "premise_message_id = excluded.premise_message_id, "
    "updated = excluded.updated, expires = excluded.expires WHERE drafts.owner = excluded.owner"
)
_EVICT = (
    "DELETE FROM drafts WHERE owner = :owner AND id NOT IN "
    "(SELECT id FROM drafts WHERE owner = :owner ORDER BY created DESC, id DESC LIMIT :keep)"
)


def new_id() -> str:
    """A fresh short random draft id (url-safe, fits in callback data)."""
    return secrets.token_urlsafe(ID_BYTES)


def save(db: Db, draft: Draft, per_user: int = DRAFTS_PER_USER) -> bool:
    """Insert or update ``draft``; False (nothing written) when its id belongs to another owner."""
    written = db.execute(_UPSERT, dataclasses.asdict(draft)).rowcount == 1
    if written:
        db.execute(_EVICT, {"owner": draft.owner, "keep": max(1, per_user)})
    return written


def get(db: Db, draft_id: str, now: float) -> Draft | None:
    row = one(db, "SELECT * FROM drafts WHERE id = ? AND expires > ?", (draft_id, now))
    return Draft.from_row(row) if row else None


def take(db: Db, draft_id: str, now: float) -> Draft | None:
    """Remove and return the live draft in one statement: of two concurrent takers only one gets it."""
    found = rows(db, "DELETE FROM drafts WHERE id = ? AND expires > ? RETURNING *", (draft_id, now))
    return Draft.from_row(found[0]) if found else None


def of_owner(db: Db, owner: int, now: float) -> list[Draft]:
    """The owner's live drafts, oldest first."""
    found = rows(db, "SELECT * FROM drafts WHERE owner = ? AND expires > ? ORDER BY created, id", (owner, now))
    return [Draft.from_row(r) for r in found]


def delete(db: Db, draft_id: str) -> bool:
    return db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,)).rowcount == 1


def delete_owner(db: Db, owner: int) -> int:
    """Forget all the owner's drafts (expired ones included); returns how many were live or not."""
    return int(db.execute("DELETE FROM drafts WHERE owner = ?", (owner,)).rowcount)


def prune(db: Db, now: float) -> int:
    """Delete expired drafts; returns how many."""
    return int(db.execute("DELETE FROM drafts WHERE expires <= ?", (now,)).rowcount)
