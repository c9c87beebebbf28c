"""The ``petreel`` console entry point. Subcommands live beside their domain; this only wires them.

A ``ConfigError`` from any subcommand (a bad ``PETREEL_…`` value, a port in use, a data directory or
database that can't be used) is printed as one line and exits 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import metadata

from petreel import serve
from petreel.errors import ConfigError
from render import cli as render_cli
from storage import transfer as storage_transfer
from story import cli as story_cli
from worker import runner as worker_runner

Command = Callable[[argparse.Namespace], int]


def version() -> str:
    """The installed distribution's version (the source tree's, when run from a checkout)."""
    try:
        return metadata.version("petreel")
    except metadata.PackageNotFoundError:  # pragma: no cover - a bare checkout on PYTHONPATH
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
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
    for module in (render_cli, story_cli, worker_runner, serve, storage_transfer):
        module.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Command = args.func
    try:
        return func(args)
    except ConfigError as err:  # bad environment, busy port, unusable data directory or database
        print(f"petreel: error: {' '.join(str(err).split())}", file=sys.stderr)  # always one line
        return 2


if __name__ == "__main__":
    sys.exit(main())
