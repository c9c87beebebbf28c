"""A throwaway PostgreSQL server for tests and benches: ``initdb`` + ``pg_ctl`` in a temporary folder.

PostgreSQL refuses to run as root, so when the tests run as root the server runs as the ``postgres``
system user (created by the Debian package; ``nobody`` otherwise) through ``runuser``. The binaries
come from ``pg_config --bindir``, ``/usr/lib/postgresql/<v>/bin`` or ``PATH``; ``find_bindir()`` is None
when they are truly absent (``scripts/setup --dev`` installs the Debian ``postgresql`` package).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def find_bindir() -> Path | None:
    """The folder holding ``initdb``, ``pg_ctl`` and ``postgres``, or None."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False).stdout.strip()
        if out:
            candidates.append(Path(out))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    for folder in candidates:
        if all((folder / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> str | None:
    """The unprivileged user to run the server as (None: we are not root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as")


class TempServer:
    """``with TempServer() as server: server.url`` – a server on 127.0.0.1 with trust auth.

    ``durable=False`` (tests) turns fsync off; benches keep the production default (fsync on)."""

    def __init__(self, *, durable: bool = False, max_connections: int = 200) -> None:
        bindir = find_bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL server binaries not found (install the Debian 'postgresql' package)")
        self.bindir = bindir
        self.durable = durable
        self.max_connections = max_connections
        self.port = 0
        self.user = _run_as()
        self._tmp: str | None = None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url_for(self, dbname: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def _cmd(self, *args: str) -> list[str]:
        return ["runuser", "-u", self.user, "--", *args] if self.user else list(args)

    def start(self) -> TempServer:
        # 1. A folder the server's user owns.
        self._tmp = tempfile.mkdtemp(prefix="petreel-pg-")
        root = Path(self._tmp)
        data = root / "data"
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(root, entry.pw_uid, entry.pw_gid)
        # 2. initdb (trust auth on a loopback-only server), then start and wait until it accepts.
        subprocess.run(
            self._cmd(str(self.bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                      "--no-sync", "--locale=C"),
            check=True, capture_output=True, cwd=root,
        )  # fmt: skip
        # A free port can be taken between its probe and the server's bind (another test process starting
        # its own server, under pytest -n): then the start fails and the next free port is tried.
        for attempt in range(3):
            self.port = _free_port()
            options = [
                f"-p {self.port}", "-c listen_addresses=127.0.0.1", f"-k {root}",
                f"-c max_connections={self.max_connections}", "-c shared_buffers=64MB",
            ]  # fmt: skip
            if not self.durable:
                options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
            started = subprocess.run(
                self._cmd(str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-t", "60",
                          "-o", " ".join(options), "start"),
                check=attempt == 2, capture_output=True, cwd=root,
            )  # fmt: skip
            if started.returncode == 0:
                break
        return self

    def stop(self) -> None:
        if self._tmp is None:
            return
        data = Path(self._tmp) / "data"
        subprocess.run(
            self._cmd(str(self.bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"),
            check=False, capture_output=True, cwd=self._tmp,
        )  # fmt: skip
        shutil.rmtree(self._tmp, ignore_errors=True)
        self._tmp = None

    def __enter__(self) -> TempServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
