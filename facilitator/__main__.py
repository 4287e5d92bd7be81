"""Command line: no sub-command opens the app; check, import, render, print, report, serve.

Each sub-command lives in `facilitator.commands.<name>` with `add_parser(subparsers)` and
`run(args) -> int`, so this file only wires them together.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

# Order is the order `--help` lists them in.
COMMANDS = ("check", "render", "serve", "print", "report", "import", "run")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Run a small-group session from one laptop. With no command, open the app.",
    )
    parser.add_argument(
        "--config", metavar="FILE", help="settings file to use instead of the default"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = import_module(f"facilitator.commands.{name}_cmd")
        except ModuleNotFoundError as error:
            if error.name != f"facilitator.commands.{name}_cmd":
                raise
            continue
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["run", *(argv or sys.argv[1:])])
    result: int = args.handler(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
