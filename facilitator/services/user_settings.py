"""The facilitator's settings as every command loads them: `--config` or the default file,
with a broken file reported on stderr (the command goes on with defaults)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.services import settings
from facilitator.services.settings import Settings


def load_user_settings(args: argparse.Namespace) -> Settings:
    return load_user_settings_and_problems(args)[0]


def load_user_settings_and_problems(args: argparse.Namespace) -> tuple[Settings, list[str]]:
    """The settings and one line per problem with the file (also printed on stderr), for
    the desktop app to show in its console: a facilitator without a terminal must see
    which line was ignored."""
    config = getattr(args, "config", None)
    loaded, problem = settings.load(Path(config) if config else None)
    if config and not Path(config).exists():
        # The default file may well not exist yet; a file named on the command line that
        # does not is a typo, and its local services would silently be missing.
        problem = (f"{config}: no such settings file (--config); using the default "
                   "settings, without your local services")
    if problem:
        print(problem, file=sys.stderr)
    return loaded, problem.splitlines()
