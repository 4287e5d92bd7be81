"""`facilitator` with no command means `run`, and global options still work before it."""

from __future__ import annotations

import pytest

from facilitator.__main__ import build_parser, with_default_command


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ["run"]),
        (["my.md"], ["run", "my.md"]),
        (["--theme", "light"], ["run", "--theme", "light"]),
        (["--config", "s.toml"], ["--config", "s.toml", "run"]),
        (["--config=s.toml", "my.md", "--resume"], ["--config=s.toml", "run", "my.md", "--resume"]),
        (["check", "my.md"], ["check", "my.md"]),
        (["--config", "s.toml", "check", "x.md"], ["--config", "s.toml", "check", "x.md"]),
        (["--help"], ["--help"]),
    ],
)
def test_default_command(argv: list[str], expected: list[str]) -> None:
    assert with_default_command(argv) == expected


def test_global_config_reaches_run() -> None:
    args = build_parser().parse_args(with_default_command(["--config", "s.toml", "x.md"]))
    assert (args.command, args.config, args.file) == ("run", "s.toml", "x.md")
