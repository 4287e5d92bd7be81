"""Command line: no sub-command opens the app; check, import, render, print, report, serve.

Each sub-command lives in `facilitator.cli.<name>` with `add_parser(subparsers)` and
`run(args) -> int`, so this file only wires them together. Only the command being run is
imported (all of them only for `--help`): `check` must not pay for Qt, `print` for the
web server (benchmarks/startup.py measures it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path

# Order is the order `--help` lists them in.
COMMANDS = ("check", "render", "serve", "print", "report", "import", "run", "doctor")


def package_version() -> str:
    """The installed distribution's version (pyproject.toml), or a note when run from a tree
    that was never installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("facilitator")
    except PackageNotFoundError:
        return "unknown (not installed)"


class _VersionAction(argparse.Action):
    """`--version`, read only when asked for (importlib.metadata is not free)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"{parser.prog} {package_version()}")
        parser.exit()


def build_parser(commands: Sequence[str] = COMMANDS) -> argparse.ArgumentParser:
    """The parser with the sub-parsers of `commands` (each one's module is imported): a
    command then imports only its own module (`print` has no use for the web server or Qt,
    which take a while)."""
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Run a small-group session from one laptop. With no command, open the app.",
    )
    parser.add_argument(
        "--config", metavar="FILE", help="settings file to use instead of the default"
    )
    parser.add_argument("--version", action=_VersionAction, help="print the version and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        try:
            module = import_module(f"facilitator.cli.{name}_cmd")
        except ModuleNotFoundError as error:
            if error.name != f"facilitator.cli.{name}_cmd":
                raise
            continue
        module.add_parser(subparsers)
    return parser


def _global_options_end(argv: list[str]) -> int:
    index = 0
    while index < len(argv) and argv[index].startswith("--config"):
        index += 1 if "=" in argv[index] else 2
    return index


def with_default_command(argv: list[str]) -> list[str]:
    """`facilitator [--config F] [FILE] [--theme T]` means `run`: put "run" after the
    global options, so they still apply and FILE and run's options reach `run`."""
    index = _global_options_end(argv)
    rest = argv[index:]
    if rest and (rest[0] in COMMANDS or rest[0] in ("-h", "--help", "--version")):
        return argv
    return [*argv[:index], "run", *rest]


def commands_needed(argv: list[str]) -> tuple[str, ...]:
    """The commands whose modules parsing `argv` (after `with_default_command`) needs: the
    one it runs, none for `--version`, all for `--help` (it lists them)."""
    word = argv[_global_options_end(argv):][:1]
    if word and word[0] in COMMANDS:
        return (word[0],)
    return () if word == ["--version"] else COMMANDS


def unknown_command(argv: list[str]) -> str:
    """Why the first word is neither a command nor a session file to open ("prnt": a typo
    that would otherwise reach `run` and read "prnt:1:1: no such file"); "" if it may be."""
    rest = argv[_global_options_end(argv):]
    if not rest or rest[0].startswith("-") or rest[0] in COMMANDS:
        return ""
    word = rest[0]
    if Path(word).suffix or Path(word).exists():
        return ""  # a session file (`run` says so if it is missing)
    from difflib import get_close_matches  # only for a word that is neither

    close = get_close_matches(word, COMMANDS, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return (f"unknown command {word!r}{hint}; the commands are {', '.join(COMMANDS)}, "
            "or give a session file (.md) to open")


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    problem = unknown_command(given)
    if problem:
        build_parser(()).error(problem)  # usage and the message on stderr, exit 2
    words = with_default_command(given)
    parser = build_parser(commands_needed(words))
    args = parser.parse_args(words)
    if args.command is None:  # `facilitator --config` alone: "run" was taken for its FILE
        parser.error("--config needs a settings FILE before the command")
    result: int = args.handler(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
