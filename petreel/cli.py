"""The ``petreel`` console entry point. Subcommands live beside their domain; this only wires them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from petreel import serve
from render import cli as render_cli
from worker import runner as worker_runner

Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="petreel", description="Premise in, pet-drama video out.")
    sub = parser.add_subparsers(dest="command", required=True)
    # Each domain adds its own subcommand(s): add_parsers(sub) registers and sets defaults(func=...).
    for module in (render_cli, worker_runner, serve):
        module.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Command = args.func
    return func(args)


if __name__ == "__main__":
    sys.exit(main())
