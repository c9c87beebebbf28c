"""Value types returned by the store: frozen dataclasses built from database rows (pure)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

JobState = Literal["queued", "running", "done", "failed", "dead", "cancelled"]
JOB_STATES: tuple[JobState, ...] = ("queued", "running", "done", "failed", "dead", "cancelled")
ACTIVE_STATES: tuple[JobState, ...] = ("queued", "running")
FINAL_STATES: tuple[JobState, ...] = ("done", "failed", "dead", "cancelled")

EventKind = Literal["queued", "progress", "done", "failed", "dead", "cancelled"]
EVENT_KINDS: tuple[EventKind, ...] = ("queued", "progress", "done", "failed", "dead", "cancelled")

LedgerKind = Literal["grant", "purchase", "reserve", "commit", "refund", "reversal"]
LEDGER_KINDS: tuple[LedgerKind, ...] = ("grant", "purchase", "reserve", "commit", "refund", "reversal")
Pool = Literal["free", "paid"]

WorkerState = Literal["idle", "busy", "stopping"]
WORKER_STATES: tuple[WorkerState, ...] = ("idle", "busy", "stopping")

Row = Mapping[str, Any]


class ClipFile(Protocol):
    """What ``Store.complete`` records of a finished render (``render.stages.ClipInfo`` is one)."""

    @property
    def path(self) -> Path: ...
    @property
    def thumbnail(self) -> Path: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def duration(self) -> float: ...
    @property
    def size_bytes(self) -> int: ...


@dataclass(frozen=True)
class User:
    id: int
    language: str | None
    created: float
    banned: bool

    @classmethod
    def from_row(cls, row: Row) -> User:
        return cls(id=row["id"], language=row["language"], created=row["created"], banned=bool(row["banned"]))


@dataclass(frozen=True)
class Job:
    id: int
    owner: int
    chat_id: int | None
    premise: str
    style: str
    art_style: str
    language: str
    script_json: str
    seed: int
    state: JobState
    attempts: int
    max_attempts: int
    run_after: float
    lease_expires: float | None
    worker_id: str | None
    progress_stage: str | None
    progress_fraction: float | None
    error_code: str | None
    error: str | None
    utc_day: str
    status_chat_id: int | None
    status_message_id: int | None
    parent_clip_id: int | None
    created: float
    updated: float
    finished: float | None
    started: float | None = None  # when the current (or last) attempt was claimed
    premise_message_id: int | None = None  # the message that carried the premise (the clip replies to it)

    @classmethod
    def from_row(cls, row: Row) -> Job:
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class ClaimedJob:
    """A job a worker holds: every later write must quote ``token`` (a stale token is refused)."""

    job: Job
    token: str


@dataclass(frozen=True)
class Clip:
    id: int
    job_id: int
    owner: int
    path: Path
    width: int
    height: int
    duration: float
    size_bytes: int
    thumbnail: Path | None
    file_id: str | None
    created: float
    pruned: float | None
    premise: str = ""

    @property
    def available(self) -> bool:
        """The clip can still be sent: the file is on disk or Telegram already holds it."""
        return self.pruned is None or self.file_id is not None

    @classmethod
    def from_row(cls, row: Row) -> Clip:
        return cls(
            id=row["id"],
            job_id=row["job_id"],
            owner=row["owner"],
            path=Path(row["path"]),
            width=row["width"],
            height=row["height"],
            duration=row["duration"],
            size_bytes=row["size_bytes"],
            thumbnail=Path(row["thumbnail"]) if row["thumbnail"] else None,
            file_id=row["file_id"],
            created=row["created"],
            pruned=row["pruned"],
            premise=row.get("premise") or "",
        )


@dataclass(frozen=True)
class Event:
    """One outbox row. ``payload`` keys by kind: queued {position}, progress {stage, fraction},
    done {clip_id}, failed/dead {code, message, attempts}, cancelled {}."""

    id: int
    job_id: int
    owner: int
    chat_id: int | None
    kind: EventKind
    payload: Mapping[str, Any] = field(default_factory=dict)
    created: float = 0.0
    acked: float | None = None

    @classmethod
    def from_row(cls, row: Row) -> Event:
        return cls(
            id=row["id"],
            job_id=row["job_id"],
            owner=row["owner"],
            chat_id=row["chat_id"],
            kind=row["kind"],
            payload=json.loads(row["payload"] or "{}"),
            created=row["created"],
            acked=row["acked"],
        )


@dataclass(frozen=True)
class WorkerInfo:
    """One ``workers`` row: a worker process and its newest heartbeat (unix seconds)."""

    worker_id: str
    pid: int | None
    host: str | None
    gpu: int | None
    state: WorkerState
    job_id: int | None
    heartbeat: float
    started: float

    def age(self, now: float) -> float:
        """Seconds since the newest heartbeat (never negative)."""
        return max(0.0, now - self.heartbeat)

    @classmethod
    def from_row(cls, row: Row) -> WorkerInfo:
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})


@dataclass(frozen=True, kw_only=True)
class Draft:
    """One ``drafts`` row: a premise (and later its style, art style and script) awaiting Confirm.

    ``id`` is a short random id (``storage.drafts.new_id()``), the only thing a button carries;
    ``script`` is the Script JSON once written; the draft is gone once ``expires`` (unix s) passes."""

    id: str
    owner: int
    chat_id: int
    premise: str
    language: str
    style: str | None = None
    art_style: str | None = None
    seed: int
    script: str | None = None
    parent_clip_id: int | None = None
    created: float
    updated: float
    expires: float
    premise_message_id: int | None = None  # the message that carried the premise

    def live(self, now: float) -> bool:
        return now < self.expires

    @classmethod
    def from_row(cls, row: Row) -> Draft:
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class QuotaStatus:
    limit: int  # free clips per UTC day
    used_today: int  # free clips reserved today (refunds give them back)
    free_left: int
    credits: int  # granted or purchased credits left

    @property
    def available(self) -> int:
        return self.free_left + self.credits


@dataclass(frozen=True)
class Purchase:
    """Credits bought with Telegram Stars (a ledger ``purchase`` row) and, once refunded, what its
    ``reversal`` row took back: the credits still unspent then (see ``storage.quota``)."""

    charge_id: str  # telegram_payment_charge_id
    user_id: int
    credits: int
    stars: int | None  # None: recorded before Stars were kept in the ledger
    created: float
    reversed_credits: int | None = None  # None: not refunded
    reversed_at: float | None = None

    @property
    def refunded(self) -> bool:
        return self.reversed_at is not None


@dataclass(frozen=True)
class Reversal:
    """The outcome of reversing a purchase: the purchase as it stands now, and whether this call
    wrote the reversal (False: the charge had been reversed already, nothing written)."""

    purchase: Purchase
    first: bool


@dataclass(frozen=True)
class Stats:
    users: int
    banned: int
    jobs_by_state: Mapping[str, int]
    jobs_today: int
    done_today: int
    clips: int
    clip_bytes: int
    pending_events: int
    purchases: int = 0  # Stars purchases ever
    purchase_stars: int = 0
    refunds: int = 0  # purchases refunded (reversal rows)
    refund_stars: int = 0

    @property
    def queued(self) -> int:
        return self.jobs_by_state.get("queued", 0)

    @property
    def running(self) -> int:
        return self.jobs_by_state.get("running", 0)
