"""`facilitator` with no command means `run`, and global options still work before it."""

from __future__ import annotations

import pytest

from facilitator.__main__ import COMMANDS, build_parser, commands_needed, with_default_command


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


@pytest.mark.parametrize(("argv", "expected"), [
    (["prnt"], "unknown command 'prnt' (did you mean 'print'?)"),
    (["--config", "s.toml", "chek", "x.md"], "unknown command 'chek' (did you mean 'check'?)"),
    (["frobnicate"], "unknown command 'frobnicate'; the commands are check, render"),
])
def test_a_mistyped_command_is_named_not_opened_as_a_file(
        argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    from facilitator.__main__ import main

    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert expected in err and "no such file" not in err


def test_a_session_file_is_not_taken_for_a_command() -> None:
    from facilitator.__main__ import unknown_command

    assert unknown_command(["missing.md"]) == ""  # `run` reports the missing file
    assert unknown_command(["--config", "s.toml", "--theme", "light"]) == ""
    assert unknown_command(["print", "x.md"]) == ""


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_registers_and_has_help(name: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Each command's module is imported only when it runs: a command whose module fails
    to register would otherwise only show up when someone types it."""
    with pytest.raises(SystemExit) as exit_info:
        build_parser(commands_needed([name, "--help"])).parse_args([name, "--help"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: facilitator {name} ")
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    listed = capsys.readouterr().out
    assert all(f"\n    {command} " in listed for command in COMMANDS)


def test_config_without_a_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """It was an AttributeError traceback ("run" became the settings file's name)."""
    from facilitator.__main__ import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--config"])
    assert exit_info.value.code == 2
    assert "--config needs a settings FILE" in capsys.readouterr().err
