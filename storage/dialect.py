"""What differs between the storage backends, as data: the few statements each backend writes its own
way, and the shared connection shape (``Db``) the backend-neutral SQL modules (``queue``, ``quota``,
``drafts``, ``outbox``, ``blobs``) run on.

Shared SQL is written once in SQLite's parameter style (``?`` and ``:name``); the PostgreSQL
connection (``storage.pg.db.PgDatabase``) rewrites the placeholders for psycopg. Each backend's own
statements live in its module: ``storage.db`` (SQLite) and ``storage.pg.db`` (PostgreSQL).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

Params = Sequence[Any] | dict[str, Any]


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...
    @property
    def description(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def fetchone(self) -> Any: ...


class Db(Protocol):
    """A connection the shared SQL runs on (sqlite-utils' ``Database`` or ``PgDatabase``)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...


@dataclass(frozen=True)
class Dialect:
    """The statements a backend writes its own way (all use the shared placeholder style)."""

    name: Literal["sqlite", "postgres"]
    claim: str  # the oldest due job (or an expired lease) → running with a new token, RETURNING *
    reap: str  # running jobs past their lease with no attempts left → dead, RETURNING *
    held: str  # the job row a token holds, locked for the rest of the transaction
    enqueue_lock: str | None  # serialises enqueues (caps and credits); None: the transaction already does
    claim_marks_worker: bool = False  # ``claim`` also turns the worker's row busy (one statement, no BEGIN)
    # ``complete`` in one auto-committed statement (job done, clip row and its stored chunks, credit
    # committed once, 'done' event), RETURNING the clip row with the job's premise; None: the steps
    # run one by one in a write transaction (``Store.complete``)
    complete: str | None = None


_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@functools.lru_cache(maxsize=512)
def to_pyformat(sql: str) -> str:
    """``?``/``:name`` placeholders → psycopg's ``%s``/``%(name)s`` (a literal ``%`` is doubled).
    Shared SQL never puts ``?`` or ``:word`` inside a string literal (values travel as parameters)."""
    sql = sql.replace("%", "%%")
    sql = _NAMED.sub(r"%(\1)s", sql)
    return sql.replace("?", "%s")
