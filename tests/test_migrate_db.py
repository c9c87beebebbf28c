"""``petreel migrate-db``: a SQLite database and its clip files copied into PostgreSQL, counts checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from petreel.cli import main
from petreel.errors import MigrationFailed
from petreel.settings import QuotaSettings
from render.stages import ClipInfo
from storage import transfer
from storage.models import Draft
from storage.store import Store
from tests.fakes.clock import NOON

LIMITS = QuotaSettings(daily_free=2, max_queued=10, max_queue=100)


def fill(path: Path, clips: Path) -> dict[str, int]:
    """A small but complete history: grants, done/cancelled/queued jobs, a remix, a pruned clip, a draft."""
    with Store(path, LIMITS, clips_dir=clips) as store:
        store.ensure_user(1, "en")
        store.ensure_user(2, "zh")
        store.set_banned(3, True)
        assert store.grant(1, 5, "charge-1", "purchase")
        done = []
        for owner in (1, 1, 2):
            job_id = store.enqueue(owner, f"cat {owner}", "ginger-cat", "storyboard", "en", "{}", 1).id
            claimed = store.claim("w", 60)
            assert claimed is not None
            path, thumb = store.clip_path(job_id), store.thumbnail_path(job_id)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"mp4-%d" % job_id)
            thumb.write_bytes(b"jpg-%d" % job_id)
            clip = store.complete(job_id, claimed.token, ClipInfo(path, thumb, 72, 128, 2.0, path.stat().st_size))
            assert clip is not None
            done.append(clip)
        store.set_clip_file_id(done[0].id, "tg-file-0")
        store.clip_path(done[1].job_id).unlink()  # a file gone (pruned by hand): the row stays
        remix = store.enqueue(1, "remix", "ginger-cat", "storyboard", "en", "{}", 2, parent_clip_id=done[0].id)
        cancelled = store.enqueue(2, "cancel me", "corgi", "storyboard", "en", "{}", 3).id
        assert store.cancel(cancelled, 2)
        store.save_draft(Draft(id="d1", owner=1, chat_id=1, premise="later", language="en", seed=4,
                               created=NOON, updated=NOON, expires=NOON + 10**9))  # fmt: skip
        return {"clip0": done[0].id, "clip2": done[2].id, "remix": remix.id}


def test_migrate_db_copies_everything_and_checks_the_counts(tmp_path: Path, pg_url: str) -> None:
    source = tmp_path / "petreel.db"
    ids = fill(source, tmp_path / "clips")
    counts = transfer.copy(source, pg_url)
    assert {k: counts[k] for k in ("users", "jobs", "clips", "credit_ledger", "drafts")} == {
        "users": 3, "jobs": 5, "clips": 3, "credit_ledger": 10, "drafts": 1,
    }  # fmt: skip
    assert counts["clip_files"] == 2  # the clip whose file was gone keeps its row only
    with Store(pg_url, LIMITS, clips_dir=tmp_path / "elsewhere") as pg, Store(source, LIMITS) as lite:
        for user in (1, 2, 3):
            assert pg.get_user(user) == lite.get_user(user)
            assert pg.quota(user, NOON) == lite.quota(user, NOON)
            assert pg.ledger(user) == lite.ledger(user)
        assert pg.jobs_by_state() == lite.jobs_by_state()
        assert pg.clip_bytes(ids["clip2"]) == lite.clip_bytes(ids["clip2"]) != None  # noqa: E711
        assert pg.clip_bytes(ids["clip2"], "thumbnail") == lite.clip_bytes(ids["clip2"], "thumbnail")
        assert pg.get_clip(ids["clip0"]).file_id == "tg-file-0"  # type: ignore[union-attr]
        assert pg.get_job(ids["remix"]).parent_clip_id == ids["clip0"]  # type: ignore[union-attr]
        assert pg.get_draft("d1") == lite.get_draft("d1")
        # The queue goes on where it stopped: the queued remix is claimed, new ids follow the copied ones.
        claimed = pg.claim("pg-worker", 60)
        assert claimed is not None and claimed.job.id == ids["remix"]
        assert pg.enqueue(2, "after", "corgi", "storyboard", "en", "{}", 9).id == 6
    # A second run refuses rather than duplicating.
    with pytest.raises(MigrationFailed, match="already holds rows"):
        transfer.copy(source, pg_url)


def test_migrate_db_command(tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "petreel.db"
    fill(source, tmp_path / "clips")
    assert main(["migrate-db", "--from", str(source), "--to", pg_url]) == 0
    assert "counts checked" in capsys.readouterr().out
    assert main(["migrate-db", "--from", str(source), "--to", pg_url]) == 1
    assert main(["migrate-db", "--from", str(tmp_path / "missing.db"), "--to", pg_url]) == 2
