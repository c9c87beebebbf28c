"""Shared test setup: offline hub, timedelta mode for python-telegram-bot, tmp data dirs."""

from __future__ import annotations

import os

# Tests never reach a model hub or Telegram; set before any library import reads them.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("PTB_TIMEDELTA", "true")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import itertools  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from tests import pgserver  # noqa: E402

# CI (.ci/run) sets this: a missing PostgreSQL server is then an error, never a skip.
REQUIRE_POSTGRES = os.environ.get("PETREEL_TEST_REQUIRE_POSTGRES") == "1"
BACKENDS = ["sqlite", "postgres"]
_TEMPLATE = "petreel_template"
_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pgserver.TempServer]:
    """One throwaway PostgreSQL server for the session (started on first use)."""
    if pgserver.find_bindir() is None:
        if REQUIRE_POSTGRES:
            pytest.fail("PostgreSQL server binaries not found (scripts/setup --dev installs 'postgresql')")
        pytest.skip("PostgreSQL server binaries not found (install the Debian 'postgresql' package)")
    from storage.pg import db as pgdb

    server = pgserver.TempServer().start()
    try:
        admin = pgdb.direct(server.url)
        admin.execute(f"CREATE DATABASE {_TEMPLATE}")
        admin.close()
        template = pgdb.direct(server.url_for(_TEMPLATE))
        pgdb.migrate(template)
        template.close()
        yield server
    finally:
        pgdb.close_pools()
        server.stop()


@pytest.fixture
def pg_url(pg_server: pgserver.TempServer) -> Iterator[str]:
    """A fresh, migrated database of its own for one test."""
    from storage.pg import db as pgdb

    name = f"t{next(_numbers)}"
    admin = pgdb.direct(pg_server.url)
    admin.execute(f"CREATE DATABASE {name} TEMPLATE {_TEMPLATE}")
    url = pg_server.url_for(name)
    try:
        yield url
    finally:
        pgdb.close_pool(url)
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_target(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a test's ``Store`` lives: a SQLite file, or a fresh PostgreSQL database (parametrised)."""
    if backend == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return tmp_path / "p.db"
