"""Schema snapshot, migrations, pragmas and the append-only ledger."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from storage import db as dbmod
from storage import migrations as migration_steps
from storage.migrations import MIGRATIONS_TABLE, latest_version
from storage.store import Store

# (name, declared type, not null, default, primary key) per table, in column order.
EXPECTED_COLUMNS: dict[str, list[tuple[str, str, int, str | None, int]]] = {
    "users": [
        ("id", "INTEGER", 0, None, 1),
        ("language", "TEXT", 0, None, 0),
        ("created", "REAL", 1, None, 0),
        ("banned", "INTEGER", 1, "0", 0),
    ],
    "jobs": [
        ("id", "INTEGER", 0, None, 1),
        ("owner", "INTEGER", 1, None, 0),
        ("chat_id", "INTEGER", 0, None, 0),
        ("premise", "TEXT", 1, None, 0),
        ("style", "TEXT", 1, None, 0),
        ("art_style", "TEXT", 1, None, 0),
        ("language", "TEXT", 1, None, 0),
        ("script_json", "TEXT", 1, None, 0),
        ("seed", "INTEGER", 1, None, 0),
        ("state", "TEXT", 1, "'queued'", 0),
        ("attempts", "INTEGER", 1, "0", 0),
        ("max_attempts", "INTEGER", 1, "3", 0),
        ("run_after", "REAL", 1, None, 0),
        ("lease_expires", "REAL", 0, None, 0),
        ("claim_token", "TEXT", 0, None, 0),
        ("worker_id", "TEXT", 0, None, 0),
        ("progress_stage", "TEXT", 0, None, 0),
        ("progress_fraction", "REAL", 0, None, 0),
        ("error_code", "TEXT", 0, None, 0),
        ("error", "TEXT", 0, None, 0),
        ("utc_day", "TEXT", 1, None, 0),
        ("status_chat_id", "INTEGER", 0, None, 0),
        ("status_message_id", "INTEGER", 0, None, 0),
        ("parent_clip_id", "INTEGER", 0, None, 0),
        ("created", "REAL", 1, None, 0),
        ("updated", "REAL", 1, None, 0),
        ("finished", "REAL", 0, None, 0),
        ("started", "REAL", 0, None, 0),  # 0002
        ("premise_message_id", "INTEGER", 0, None, 0),  # 0007
    ],
    "clips": [
        ("id", "INTEGER", 0, None, 1),
        ("job_id", "INTEGER", 1, None, 0),
        ("owner", "INTEGER", 1, None, 0),
        ("path", "TEXT", 1, None, 0),
        ("width", "INTEGER", 1, None, 0),
        ("height", "INTEGER", 1, None, 0),
        ("duration", "REAL", 1, None, 0),
        ("size_bytes", "INTEGER", 1, None, 0),
        ("thumbnail", "TEXT", 0, None, 0),
        ("file_id", "TEXT", 0, None, 0),
        ("created", "REAL", 1, None, 0),
        ("pruned", "REAL", 0, None, 0),
        ("upload_attempts", "INTEGER", 1, "0", 0),  # 0004
    ],
    "credit_ledger": [
        ("id", "INTEGER", 0, None, 1),
        ("user_id", "INTEGER", 1, None, 0),
        ("kind", "TEXT", 1, None, 0),
        ("pool", "TEXT", 1, None, 0),
        ("amount", "INTEGER", 1, None, 0),
        ("job_id", "INTEGER", 0, None, 0),
        ("utc_day", "TEXT", 1, None, 0),
        ("key", "TEXT", 1, None, 0),
        ("created", "REAL", 1, None, 0),
        ("stars", "INTEGER", 0, None, 0),  # 0006
    ],
    "events": [
        ("id", "INTEGER", 0, None, 1),
        ("job_id", "INTEGER", 1, None, 0),
        ("owner", "INTEGER", 1, None, 0),
        ("chat_id", "INTEGER", 0, None, 0),
        ("kind", "TEXT", 1, None, 0),
        ("payload", "TEXT", 1, "'{}'", 0),
        ("created", "REAL", 1, None, 0),
        ("acked", "REAL", 0, None, 0),
    ],
    "workers": [  # 0002
        ("worker_id", "TEXT", 0, None, 1),
        ("pid", "INTEGER", 0, None, 0),
        ("host", "TEXT", 0, None, 0),
        ("gpu", "INTEGER", 0, None, 0),
        ("state", "TEXT", 1, "'idle'", 0),
        ("job_id", "INTEGER", 0, None, 0),
        ("heartbeat", "REAL", 1, None, 0),
        ("started", "REAL", 1, None, 0),
    ],
    "drafts": [  # 0003
        ("id", "TEXT", 1, None, 1),
        ("owner", "INTEGER", 1, None, 0),
        ("chat_id", "INTEGER", 1, None, 0),
        ("premise", "TEXT", 1, None, 0),
        ("language", "TEXT", 1, None, 0),
        ("style", "TEXT", 0, None, 0),
        ("art_style", "TEXT", 0, None, 0),
        ("seed", "INTEGER", 1, None, 0),
        ("script", "TEXT", 0, None, 0),
        ("parent_clip_id", "INTEGER", 0, None, 0),
        ("created", "REAL", 1, None, 0),
        ("updated", "REAL", 1, None, 0),
        ("expires", "REAL", 1, None, 0),
        ("premise_message_id", "INTEGER", 0, None, 0),  # 0007
    ],
    "outbox_leases": [  # 0005
        ("job_id", "INTEGER", 0, None, 1),
        ("owner", "TEXT", 1, None, 0),
        ("expires", "REAL", 1, None, 0),
    ],
    "clip_chunks": [  # 0005
        ("clip_id", "INTEGER", 1, None, 1),
        ("kind", "TEXT", 1, None, 2),
        ("seq", "INTEGER", 1, None, 3),
        ("data", "BLOB", 1, None, 0),
    ],
    "migrations": [
        ("id", "INTEGER", 0, None, 1),
        ("migration_set", "TEXT", 0, None, 0),
        ("name", "TEXT", 0, None, 0),
        ("applied_at", "TEXT", 0, None, 0),
    ],
}

EXPECTED_OBJECTS = {
    ("index", "jobs_claim"),
    ("index", "jobs_lease"),
    ("index", "jobs_owner"),
    ("index", "jobs_finished"),  # 0002
    ("index", "clips_owner"),
    ("index", "clips_created"),
    ("index", "credit_ledger_user"),
    ("index", "credit_ledger_kind"),  # 0006
    ("index", "events_pending"),
    ("index", "events_job"),
    ("index", "drafts_owner"),  # 0003
    ("index", "drafts_expires"),  # 0003
    ("index", "outbox_leases_owner"),  # 0005
    ("index", "idx_migrations_migration_set_name"),
    ("trigger", "credit_ledger_no_update"),
    ("trigger", "credit_ledger_no_delete"),
}

EXPECTED_FOREIGN_KEYS = {
    ("jobs", "owner", "users", "id"),
    ("jobs", "parent_clip_id", "clips", "id"),
    ("clips", "job_id", "jobs", "id"),
    ("clips", "owner", "users", "id"),
    ("credit_ledger", "user_id", "users", "id"),
    ("credit_ledger", "job_id", "jobs", "id"),
    ("events", "job_id", "jobs", "id"),
    ("clip_chunks", "clip_id", "clips", "id"),  # 0005
}


def _master(path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as conn:
        found = conn.execute(
            "SELECT type, name, COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).fetchall()
    conn.close()
    return found


def test_schema_matches_snapshot(tmp_path: Path) -> None:
    with Store(tmp_path / "p.db") as store:
        tables = {t.name for t in store.db.tables} - {"sqlite_sequence"}
        assert tables == set(EXPECTED_COLUMNS)
        for table, expected in EXPECTED_COLUMNS.items():
            info = store.db.execute(f"PRAGMA table_info({table})").fetchall()
            assert [(c[1], c[2], c[3], c[4], c[5]) for c in info] == expected, table
        objects = {(kind, name) for kind, name, _ in _master(tmp_path / "p.db") if kind in ("index", "trigger")}
        assert objects == EXPECTED_OBJECTS
        fks = set()
        for table in EXPECTED_COLUMNS:
            for fk in store.db.execute(f"PRAGMA foreign_key_list({table})").fetchall():
                fks.add((table, fk[3], fk[2], fk[4]))
        assert fks == EXPECTED_FOREIGN_KEYS
        unique = store.db.execute("SELECT sql FROM sqlite_master WHERE name = 'credit_ledger'").fetchone()[0]
        assert "key TEXT NOT NULL UNIQUE" in unique


def test_migrations_are_numbered_and_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Store(path) as store:
        first = _master(path)
        assert dbmod.migrate(store.db) == []  # already up to date
    with Store(path):  # a second open applies nothing
        pass
    assert _master(path) == first
    with sqlite3.connect(path) as conn:
        applied = conn.execute(f"SELECT migration_set, name FROM {MIGRATIONS_TABLE}").fetchall()  # noqa: S608
    conn.close()
    assert applied == [
        ("petreel", "0001_initial"), ("petreel", "0002_workers"), ("petreel", "0003_drafts"),
        ("petreel", "0004_upload_attempts"), ("petreel", "0005_outbox_leases_clip_chunks"),
        ("petreel", "0006_purchase_refunds"), ("petreel", "0007_premise_messages"),
    ]
    assert latest_version() == 7


def test_fresh_database_reports_applied_migrations(tmp_path: Path) -> None:
    db = dbmod.connect(tmp_path / "fresh.db", migrate_schema=False)
    try:
        assert dbmod.migrate(db) == [
            "0001_initial", "0002_workers", "0003_drafts", "0004_upload_attempts", "0005_outbox_leases_clip_chunks",
            "0006_purchase_refunds", "0007_premise_messages",
        ]
        assert dbmod.migrate(db) == []
    finally:
        db.close()


def test_0002_upgrades_a_0001_database_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    # 1. A database as release 0001 left it, with one finished job.
    db = dbmod.connect(path, migrate_schema=False)
    try:
        build = migration_steps.build()
        build.apply(db, stop_before="0002_workers")
        db.execute("INSERT INTO users (id, created) VALUES (1, 0)")
        db.execute(
            "INSERT INTO jobs (owner, premise, style, art_style, language, script_json, seed, state, run_after, "
            "utc_day, created, updated, finished) VALUES (1, 'p', 's', 'a', 'en', '{}', 1, 'done', 0, "
            "'2025-03-01', 0, 5, 5)"
        )
    finally:
        db.close()
    # 2. Opening it applies 0002 (and later ones); the old row keeps its data and has no start time.
    with Store(path) as store:
        job = store.get_job(1)
        assert job is not None and (job.state, job.finished, job.started) == ("done", 5, None)
        assert store.render_seconds() == []  # no start time: not a render-time sample
        assert store.workers() == []
        names = [r[0] for r in store.db.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY id")]  # noqa: S608
        assert names == [
            "0001_initial", "0002_workers", "0003_drafts", "0004_upload_attempts", "0005_outbox_leases_clip_chunks",
            "0006_purchase_refunds", "0007_premise_messages",
        ]


def test_worker_state_is_checked(tmp_path: Path) -> None:
    with Store(tmp_path / "p.db") as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.worker_heartbeat("w", "sleeping")  # type: ignore[arg-type]
        assert store.workers() == []


def test_connection_pragmas(tmp_path: Path) -> None:
    with Store(tmp_path / "p.db") as store:
        assert dbmod.pragmas(store.db) == {
            "busy_timeout": 30_000,
            "journal_mode": "wal",
            "journal_size_limit": 64 * 1024 * 1024,
            "foreign_keys": 1,
            "synchronous": 2,  # FULL
        }


def test_concurrent_first_open_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "race.db"
    errors: list[BaseException] = []
    barrier = threading.Barrier(6)

    def open_store() -> None:
        try:
            barrier.wait()
            Store(path).close()
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with sqlite3.connect(path) as conn:
        assert conn.execute(f"SELECT COUNT(*) FROM {MIGRATIONS_TABLE}").fetchone() == (latest_version(),)  # noqa: S608
    conn.close()


def test_ledger_rows_cannot_be_changed_or_deleted(tmp_path: Path) -> None:
    with Store(tmp_path / "p.db") as store:
        store.grant(7, 5, "admin-1")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.db.execute("UPDATE credit_ledger SET amount = 500")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.db.execute("DELETE FROM credit_ledger")
        assert [(r["kind"], r["amount"]) for r in store.ledger(7)] == [("grant", 5)]
        assert store.quota(7).credits == 5


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    with Store(tmp_path / "p.db") as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute(
                "INSERT INTO events (job_id, owner, kind, created) VALUES (999, 1, 'queued', 0)"
            )


def test_0006_keeps_the_ledger_and_its_guards(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    # 1. A ledger as 0005 left it: a purchase and a grant.
    db = dbmod.connect(path, migrate_schema=False)
    try:
        migration_steps.build().apply(db, stop_before="0006_purchase_refunds")
        db.execute("INSERT INTO users (id, created) VALUES (1, 0)")
        db.execute(
            "INSERT INTO credit_ledger (user_id, kind, pool, amount, utc_day, key, created) VALUES "
            "(1, 'purchase', 'paid', 5, '2025-03-01', 'purchase:ch-1', 1), (1, 'grant', 'paid', 2, '2025-03-01', 'grant:g', 2)"
        )
    finally:
        db.close()
    # 2. Rebuilt with the 'reversal' kind: the rows (ids included), the unique key and the triggers hold.
    with Store(path) as store:
        assert [(r["id"], r["kind"], r["amount"], r["stars"]) for r in store.ledger(1)] == [
            (1, "purchase", 5, None), (2, "grant", 2, None)
        ]
        reversal = store.reverse_purchase("ch-1")
        assert reversal is not None and reversal.first and reversal.purchase.reversed_credits == 5
        assert store.grant(1, 1, "g") is False  # the unique key survived the rebuild
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.db.execute("DELETE FROM credit_ledger")
        assert store.ledger(1)[-1]["id"] == 3 and store.quota(1).credits == 2
