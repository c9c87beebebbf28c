"""Pending drafts in SQLite: upsert, expiry, atomic take, per-user cap, prune and AsyncStore."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from storage import drafts
from storage.models import Draft
from storage.store import AsyncStore, Store
from tests.fakes.clock import Clock

T0 = 1_740_830_400.0  # 2025-03-01 12:00 UTC


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def store(db_target: Path | str, clock: Clock) -> Iterator[Store]:
    with Store(db_target, clock=clock) as s:
        yield s


def draft(owner: int = 1, created: float = T0, ttl: float = 3600.0, **fields: object) -> Draft:
    base = Draft(
        id=drafts.new_id(), owner=owner, chat_id=owner, premise="a ginger cat gets rich 🐱", language="en",
        seed=42, created=created, updated=created, expires=created + ttl,
    )  # fmt: skip
    return replace(base, **fields)  # type: ignore[arg-type]


def test_new_ids_are_short_random_and_url_safe() -> None:
    ids = {drafts.new_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(len(i) == 8 and i.replace("-", "").replace("_", "").isalnum() for i in ids)


def test_save_then_get_round_trips_every_field(store: Store) -> None:
    d = draft(style="ginger-cat", art_style="storyboard", script='{"title": "猫"}', parent_clip_id=None)
    assert store.save_draft(d) is True
    assert store.get_draft(d.id) == d
    assert store.get_draft("nope") is None


def test_save_is_an_upsert_that_keeps_owner_and_created(store: Store, clock: Clock) -> None:
    d = draft()
    store.save_draft(d)
    clock.now += 10
    later = replace(d, style="white-cat", script='{"x": 1}', seed=7, updated=clock.now, created=clock.now)
    assert store.save_draft(later) is True
    got = store.get_draft(d.id)
    assert got is not None
    assert (got.style, got.script, got.seed, got.updated, got.created) == ("white-cat", '{"x": 1}', 7, T0 + 10, T0)
    # Another user's save under the same id is refused and changes nothing.
    assert store.save_draft(replace(later, owner=2, premise="hijack")) is False
    assert store.get_draft(d.id) == got


def test_expired_draft_reads_as_absent_and_prune_deletes_it(store: Store, clock: Clock) -> None:
    old, fresh = draft(ttl=60), draft(ttl=3600)
    store.save_draft(old)
    store.save_draft(fresh)
    clock.now += 60  # expires is exclusive
    assert store.get_draft(old.id) is None
    assert store.take_draft(old.id) is None
    assert store.get_draft(fresh.id) == fresh
    assert store.user_drafts(1) == [fresh]
    store.prune(0)  # retention 0 keeps clips but still drops expired drafts
    assert store.db.execute("SELECT id FROM drafts").fetchall() == [(fresh.id,)]


def test_take_is_atomic_across_connections(store: Store) -> None:
    d = draft()
    store.save_draft(d)
    won: list[Draft | None] = []
    barrier = threading.Barrier(4)

    def take() -> None:
        with store.reopen() as mine:
            barrier.wait()
            won.append(mine.take_draft(d.id))

    threads = [threading.Thread(target=take) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [w for w in won if w is not None] == [d]
    assert store.get_draft(d.id) is None


def test_each_owner_keeps_only_the_newest_drafts(store: Store) -> None:
    saved = [draft(created=T0 + i) for i in range(drafts.DRAFTS_PER_USER + 2)]
    other = draft(owner=2)
    store.save_draft(other)
    for d in saved:
        store.save_draft(d)
    assert store.user_drafts(1) == saved[-drafts.DRAFTS_PER_USER :]
    assert store.user_drafts(2) == [other]
    assert store.save_draft(draft(owner=3), per_user=1) and store.save_draft(draft(owner=3, created=T0 + 1), per_user=1)
    assert len(store.user_drafts(3)) == 1


def test_delete_and_discard(store: Store) -> None:
    a, b, c = draft(), draft(created=T0 + 1), draft(owner=2)
    for d in (a, b, c):
        store.save_draft(d)
    assert store.delete_draft(a.id) is True
    assert store.delete_draft(a.id) is False
    assert store.discard_drafts(1) == 1
    assert store.user_drafts(1) == []
    assert store.user_drafts(2) == [c]


async def test_async_store_drafts(tmp_path: Path) -> None:
    async with AsyncStore(tmp_path / "a.db", clock=lambda: T0) as astore:
        d = draft()
        assert await astore.save_draft(d) is True
        assert await astore.get_draft(d.id) == d
        assert await astore.user_drafts(1) == [d]
        assert await astore.take_draft(d.id) == d
        assert await astore.take_draft(d.id) is None
        await astore.save_draft(d)
        assert await astore.delete_draft(d.id) is True
        assert await astore.discard_drafts(1) == 0
