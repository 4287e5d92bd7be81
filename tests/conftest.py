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


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test listens on the machine's real network or on the app's fixed default port:
    only 127.0.0.1 / ::1 and ports the OS picks (a test run must not open the laptop to
    the room, nor fail because something else holds 8765)."""
    import ipaddress
    import socket

    real_bind = socket.socket.bind

    def bind(self: socket.socket, address: object) -> None:
        if not (isinstance(address, tuple) and self.family in (socket.AF_INET,
                                                               socket.AF_INET6)):
            real_bind(self, address)  # type: ignore[arg-type]
            return
        host, port = str(address[0]), int(address[1])
        if port == 8765:
            raise AssertionError("a test tried to listen on the fixed default port 8765")
        # An address this machine does not have fails here, as it would for a facilitator
        # (tests of that path stay valid); one it has would open the test to the network.
        real_bind(self, address)  # type: ignore[arg-type]
        if not host or not ipaddress.ip_address(host.split("%")[0]).is_loopback:
            raise AssertionError(f"a test listened on {host or 'every address'}")

    monkeypatch.setattr(socket.socket, "bind", bind)
