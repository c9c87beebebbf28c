"""Storage faults (issue 14): a database that can't be used stops PetReel at start with one line
naming the file and what to do (exit 2); a damaged one is never written to; an empty file PetReel
did not create is not a fresh start; clip files no live row owns are swept."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from petreel.errors import DatabaseUnusable
from render.stages import ClipInfo
from storage.store import Store

ROOT = Path(__file__).resolve().parents[1]


def worker_once(db: Path, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PETREEL_", "TELEGRAM_"))}
    env.update(PYTHONPATH=str(ROOT), PETREEL_DATA_DIR=str(data_dir or db.parent), PETREEL_DB_PATH=str(db))
    return subprocess.run([sys.executable, "-m", "petreel.cli", "worker", "--once", "--drain"], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def assert_refused(done: subprocess.CompletedProcess[str], db: Path, *needles: str) -> None:
    assert done.returncode == 2, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr[-3000:]
    assert done.stderr.startswith("petreel: error: database ") and str(db) in done.stderr
    for needle in needles:
        assert needle in done.stderr


def filled_database(path: Path, users: int = 3000) -> None:
    with Store(path) as store:
        for i in range(users):
            store.ensure_user(i + 1, "en")


def test_garbage_and_truncated_files_are_refused_with_one_line(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(os.urandom(64 * 1024))
    assert_refused(worker_once(garbage), garbage, "not a database", "restore a backup")
    good = tmp_path / "good.db"
    filled_database(good)
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(good.read_bytes()[:5000])
    assert_refused(worker_once(truncated), truncated, "restore a backup")
    assert garbage.stat().st_size == 64 * 1024  # untouched


def test_a_damaged_page_is_found_at_start_and_nothing_is_written(tmp_path: Path) -> None:
    db = tmp_path / "petreel.db"
    filled_database(db)
    pages = db.stat().st_size // 4096
    with db.open("r+b") as f:  # one page in the middle overwritten
        f.seek(pages // 2 * 4096)
        f.write(b"\xa5" * 4096)
    before = hashlib.sha256(db.read_bytes()).hexdigest()  # digests: a failure reports in one line
    with pytest.raises(DatabaseUnusable, match="malformed|damaged"):
        Store(db)
    assert_refused(worker_once(db), db, ".recover")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before and not Path(f"{db}-wal").exists()


def test_an_empty_file_petreel_did_not_create_is_an_error(tmp_path: Path) -> None:
    db = tmp_path / "petreel.db"
    db.write_bytes(b"")
    with pytest.raises(DatabaseUnusable, match="empty file that PetReel did not create"):
        Store(db)
    assert_refused(worker_once(db), db, "empty file", "remove it")
    assert db.stat().st_size == 0


def test_a_new_database_is_created_whole(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "petreel.db"
    with Store(db) as store:
        assert store.ping()
    assert db.stat().st_size > 0
    assert [p.name for p in db.parent.iterdir() if p.name.endswith(".new")] == []
    with Store(db) as store:  # and opens again
        assert store.ping()


def test_a_database_path_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    assert_refused(worker_once(folder), folder, "can't be used", "PETREEL_DB_PATH")


@contextlib.contextmanager
def read_only_mount(path: Path) -> Iterator[Path]:
    """A tmpfs at ``path`` (root only), remounted read-only inside the block."""
    path.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(path)], capture_output=True, check=False).returncode:
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_a_read_only_file_system_is_one_line(tmp_path: Path) -> None:
    with read_only_mount(tmp_path / "ro") as ro:
        db = ro / "petreel.db"
        filled_database(db, users=10)
        subprocess.run(["mount", "-o", "remount,ro", str(ro)], check=True)
        assert_refused(worker_once(db, data_dir=ro), db, "can't be used", "read-only")


def test_a_data_folder_owned_by_another_user_names_the_uid_to_chown_to() -> None:
    """A root-owned bind mount under a container's uid 10001: the one line says whom to chown it to.
    A forked child drops to uid 10001 (the interpreter is already loaded) and opens the database."""
    if os.getuid() != 0:
        pytest.skip("needs root to make a folder another user can't write")
    import shutil
    import tempfile

    from storage.db import connect

    top = Path(tempfile.mkdtemp(prefix="petreel-owner-"))  # in /tmp: every parent is traversable
    top.chmod(0o755)
    data = top / "data"
    data.mkdir(mode=0o755)  # owned by root, not writable by others
    db = data / "petreel.db"
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: uid 10001, like the container's user
        os.close(read)
        message = "opened"
        try:
            os.setgid(10001)
            os.setuid(10001)
            connect(db)
        except DatabaseUnusable as exc:
            message = str(exc)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            message = f"{type(exc).__name__}: {exc}"
        os.write(write, message.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read().decode()
    os.waitpid(pid, 0)
    shutil.rmtree(top)
    assert message.startswith(f"database {db} can't be used"), message
    assert "owned by uid 0" in message and "PetReel runs as uid 10001" in message
    assert f"chown -R 10001:10001 {data}" in message and "\n" not in message


# -- 8. orphan clip files ---------------------------------------------------------------------------------


def test_prune_sweeps_clip_files_no_live_clip_row_owns(tmp_path: Path) -> None:
    now = 1_800_000_000.0
    store = Store(tmp_path / "petreel.db", clock=lambda: now)
    clips = store.clips_dir
    clips.mkdir()
    # a cancel lands between the worker publishing the files and complete(): refunded, files left behind
    cancelled = store.enqueue(1, "a cat", "ginger-cat", "storyboard", "en", "{}", 1)
    claimed = store.claim("w1")
    assert claimed is not None and claimed.job.id == cancelled.id
    for suffix in (".mp4", ".jpg"):
        store.clip_path(cancelled.id).with_suffix(suffix).write_bytes(b"x")
    assert store.cancel(cancelled.id, 1)
    assert store.complete(cancelled.id, claimed.token, ClipInfo(store.clip_path(cancelled.id),
                          store.thumbnail_path(cancelled.id), 9, 16, 1.0, 1)) is None
    # a finished clip (owned), a job still rendering (its file may be about to be recorded), stray files
    done = store.enqueue(1, "a dog", "ginger-cat", "storyboard", "en", "{}", 2)
    claimed = store.claim("w1")
    assert claimed is not None
    store.clip_path(done.id).write_bytes(b"clip")
    store.thumbnail_path(done.id).write_bytes(b"thumb")
    assert store.complete(done.id, claimed.token, ClipInfo(store.clip_path(done.id), store.thumbnail_path(done.id),
                                                           9, 16, 1.0, 4))
    running = store.enqueue(2, "a fox", "ginger-cat", "storyboard", "en", "{}", 3)
    assert store.claim("w2") is not None
    store.clip_path(running.id).write_bytes(b"publishing")
    (clips / "999.mp4").write_bytes(b"no job at all")
    (clips / "notes.txt").write_text("not ours to judge")
    for path in clips.iterdir():
        os.utime(path, (now - 3600, now - 3600))
    fresh = clips / "998.mp4"
    fresh.write_bytes(b"just published")
    os.utime(fresh, (now - 5, now - 5))

    store.prune(retention_days=30, now=now)

    assert sorted(p.name for p in clips.iterdir()) == sorted(
        [f"{done.id}.mp4", f"{done.id}.jpg", f"{running.id}.mp4", "notes.txt", "998.mp4"]
    )
    store.close()
