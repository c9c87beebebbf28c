"""The ``petreel`` console entry point. Subcommands live beside their domain; this only wires them.

A ``ConfigError`` from any subcommand (a bad ``PETREEL_…`` value, a port in use, a data directory or
database that can't be used) is printed as one line and exits 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import metadata
from types import ModuleType

from petreel.errors import ConfigError

Command = Callable[[argparse.Namespace], int]


# Each domain's commands, and its module (imported only when one of its commands runs, or for the full
# help: ``petreel make`` need not load the bot, the worker and the database drivers).
def _render_cli() -> ModuleType:
    from render import cli

    return cli


def _story_cli() -> ModuleType:
    from story import cli

    return cli


def _worker_runner() -> ModuleType:
    from worker import runner

    return runner


def _serve() -> ModuleType:
    from petreel import serve

    return serve


def _storage_transfer() -> ModuleType:
    from storage import transfer

    return transfer


DOMAINS: tuple[tuple[tuple[str, ...], Callable[[], ModuleType]], ...] = (
    (("make",), _render_cli),
    (("script",), _story_cli),
    (("worker",), _worker_runner),
    (("bot", "up", "sandbox"), _serve),
    (("migrate-db",), _storage_transfer),
)


def version() -> str:
    """The installed distribution's version (the source tree's, when run from a checkout)."""
    try:
        return metadata.version("petreel")
    except metadata.PackageNotFoundError:  # pragma: no cover - a bare checkout on PYTHONPATH
        return "unknown"


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Every command's parser; with ``command`` one of theirs, only its domain's (the others' modules unloaded)."""
    parser = argparse.ArgumentParser(
        prog="petreel",
        description="Premise in, pet-drama video out: a Telegram bot that turns a one-line story idea into a "
        "short vertical pet-drama video.",
        epilog="Settings are environment variables (PETREEL_…), a .env file or secret files; see "
        "docs/CONFIGURATION.md. `petreel COMMAND --help` describes each command.",
    )
    parser.add_argument("--version", action="version", version=f"petreel {version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    # Each domain adds its own subcommand(s): add_parsers(sub) registers and sets defaults(func=...).
    mine = [load for names, load in DOMAINS if command in names]
    for load in mine or [load for _, load in DOMAINS]:
        load().add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    first = next((w for w in words if not w.startswith("-")), None)  # the command (no option comes before it)
    parser = build_parser(first)
    args = parser.parse_args(words)
    func: Command = args.func
    try:
        return func(args)
    except ConfigError as err:  # bad environment, busy port, unusable data directory or database
        print(f"petreel: error: {' '.join(str(err).split())}", file=sys.stderr)  # always one line
        return 2


if __name__ == "__main__":
    sys.exit(main())
