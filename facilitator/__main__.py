"""Command line: no sub-command opens the app; check, import, render, print, report, serve.

Each sub-command lives in `facilitator.cli.<name>` with `add_parser(subparsers)` and
`run(args) -> int`, so this file only wires them together.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

# Order is the order `--help` lists them in.
COMMANDS = ("check", "render", "serve", "print", "report", "import", "run")


def build_parser(only: str = "") -> argparse.ArgumentParser:
    """The parser with every command, or with `only` that one: a command then imports only
    its own module (`print` has no use for the web server or Qt, which take a while)."""
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Run a small-group session from one laptop. With no command, open the app.",
    )
    parser.add_argument(
        "--config", metavar="FILE", help="settings file to use instead of the default"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if only and name != only:
            continue
        try:
            module = import_module(f"facilitator.cli.{name}_cmd")
        except ModuleNotFoundError as error:
            if error.name != f"facilitator.cli.{name}_cmd":
                raise
            continue
        module.add_parser(subparsers)
    return parser


def with_default_command(argv: list[str]) -> list[str]:
    """`facilitator [--config F] [FILE] [--theme T]` means `run`: put "run" after the
    global options, so they still apply and FILE and run's options reach `run`."""
    index = 0
    while index < len(argv) and argv[index].startswith("--config"):
        index += 1 if "=" in argv[index] else 2
    rest = argv[index:]
    if rest and (rest[0] in COMMANDS or rest[0] in ("-h", "--help")):
        return argv
    return [*argv[:index], "run", *rest]


def _command(argv: list[str]) -> str:
    """The command word after the global options ("" for none or help)."""
    index = 0
    while index < len(argv) and argv[index].startswith("--config"):
        index += 1 if "=" in argv[index] else 2
    word = argv[index] if index < len(argv) else ""
    return word if word in COMMANDS else ""


def main(argv: Sequence[str] | None = None) -> int:
    arguments = with_default_command(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser(_command(arguments))
    args = parser.parse_args(arguments)
    result: int = args.handler(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
