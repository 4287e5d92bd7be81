"""Shared test setup: offscreen Qt and a private settings/data folder for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Must be set before PySide6 is first imported anywhere in the test run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Tests never read or write the real user config or data folders."""
    root = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("FACILITATOR_CONFIG", str(root / "config" / "settings.toml"))
    monkeypatch.setenv("FACILITATOR_DATA", str(root / "data"))
    yield root


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str]) -> object:
    """pytest-qt's application, with the app's bundled font registered as every entry
    point does, so widgets and slides lay out as they will for a facilitator."""
    from PySide6.QtWidgets import QApplication

    from facilitator.qt.fonts import register_fonts

    app = QApplication.instance() or QApplication(qapp_args)
    register_fonts()
    return app


@pytest.fixture(scope="session", autouse=True)
def widgets_application(qapp: object) -> object:
    """The QApplication exists before any test runs. A command run in-process (`report`,
    `check`, `render`) makes a QGuiApplication when none exists, and a widget test after it
    in the same run then aborted Python: widgets need a QApplication, and there can be only
    one application per process."""
    return qapp


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test listens on the machine's real network or on the app's fixed default port:
    only 127.0.0.1 / ::1 and ports the OS picks (a test run must not open the laptop to
    the room, nor fail because something else holds 8765)."""
    import ipaddress
    import socket

    real_listen = socket.socket.listen

    def listen(self: socket.socket, *backlog: int) -> None:
        # Checked when a socket starts accepting connections: a bind alone (a probe for a
        # free port) opens nothing to the room.
        if self.family in (socket.AF_INET, socket.AF_INET6):
            host, port = self.getsockname()[:2]
            if port == 8765:
                raise AssertionError("a test listened on the fixed default port 8765")
            if not ipaddress.ip_address(str(host).split("%")[0]).is_loopback:
                raise AssertionError(f"a test listened on {host}")
        real_listen(self, *backlog)

    monkeypatch.setattr(socket.socket, "listen", listen)
