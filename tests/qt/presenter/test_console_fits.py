"""The console fits a 1280x720 laptop and up: with a countdown running, the poll panel,
groups assigned and a long message, the window and every visible widget in it stay on
the screen, no two neighbouring widgets overlap, and nothing widens the window."""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from facilitator.core.network import Interface
from facilitator.core.session.model import Session, SlideKind
from facilitator.desktop.desktop_app import DesktopApp
from facilitator.desktop.polling import DesktopPolling
from facilitator.qt.presenter.keys import Action
from facilitator.qt.presenter.screens import ScreenInfo
from facilitator.services.settings import Settings
from tests.qt.conftest import Clock
from tests.qt.polls.test_bridge import vote

LOOPBACK = Interface("lo-test", "Test network", ("127.0.0.1",))
LONG_MESSAGE = ("Add your local services: the school's counselling service, student health, "
                "occupational health, your program's wellness lead. (local_resources in "
                "/home/a-facilitator-with-a-long-name/.config/facilitator/settings.toml) " * 2)


def save_shot(widget: QWidget, name: str) -> None:
    """FACILITATOR_SHOTS=folder keeps the grabs for a person to look at."""
    folder = os.environ.get("FACILITATOR_SHOTS")
    if folder:
        widget.grab()  # a first paint places the poll widgets, just after it
        QApplication.processEvents()
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def problems(window: QWidget) -> list[str]:
    """Widgets outside their parent (so clipped, or off the window) and overlapping
    siblings. What sits inside a scroll area's viewport may scroll out of it: only its
    siblings are compared."""
    found = []
    for parent in [window, *window.findChildren(QWidget)]:
        if not parent.isVisibleTo(window) or parent.window() is not window:
            continue
        children = [c for c in parent.children()
                    if isinstance(c, QWidget) and c.isVisibleTo(window) and not c.isWindow()]
        scrolled = isinstance(parent.parent(), QAbstractScrollArea)  # a viewport's content
        if (isinstance(parent, QScrollArea) and parent.widget() is not None
                and parent.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                and parent.widget().width() > parent.viewport().width()):
            found.append(f"{_name(parent)}: content {parent.widget().width()} px wide in a "
                         f"{parent.viewport().width()} px view that cannot scroll sideways")
        for child in children:
            if not scrolled and not parent.rect().contains(child.geometry()):
                found.append(f"{_name(child)} {child.geometry()} outside {_name(parent)} "
                             f"{parent.rect()}")
        for one, other in combinations(children, 2):
            if one.geometry().intersects(other.geometry()):
                found.append(f"{_name(one)} {one.geometry()} overlaps {_name(other)} "
                             f"{other.geometry()}")
    return found


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = f" {text()[:24]!r}" if callable(text) and isinstance(text(), str) else ""
    return f"{type(widget).__name__}{label}"


@pytest.fixture
def laptop(qtbot: QtBot, bundled: Session) -> Iterator[DesktopApp]:
    settings = Settings(port=0)
    polling = DesktopPolling(bundled, settings, interfaces=lambda: [LOOPBACK])
    screen = [ScreenInfo("laptop", QRect(0, 0, 1280, 720), True)]
    app = DesktopApp(bundled, settings, clock=Clock(), screens=lambda: screen, polling=polling)
    qtbot.addWidget(app.presenter.console)
    qtbot.addWidget(app.presenter.projector)
    app.show()
    yield app
    app.presenter.end()


def number_of(session: Session, kind: SlideKind, title: str = "") -> int:
    return next(i for i, s in enumerate(session.slides, 1)
                if s.kind is kind and s.title.startswith(title))


def test_minimum_size_fits_a_1280x720_laptop(laptop: DesktopApp) -> None:
    hint = laptop.presenter.console.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 700, hint


@pytest.mark.parametrize("width,height", [(1280, 720), (1366, 768)])
def test_console_fits_the_screen_with_everything_showing(
        qtbot: QtBot, laptop: DesktopApp, bundled: Session, width: int, height: int) -> None:
    console = laptop.presenter.console
    console.showNormal()
    console.resize(width, height)
    qtbot.wait(20)
    assert console.size().width() == width and console.size().height() == height
    save_shot(console, f"console_first_start_{width}x{height}")

    # A poll with answers, then groups from the phones that answered.
    polling = laptop.polling
    laptop.state.go_to_number(number_of(bundled, SlideKind.POLL, "Where are you"))
    qtbot.waitUntil(lambda: polling.console.open_button.text() == "Close poll", timeout=5000)
    server = polling.service.server
    assert server is not None
    poll_id = polling.bridge.current_poll_id
    assert poll_id is not None
    for option in ("stressed-but-engaged", "occasionally-numb", "occasionally-numb",
                   "persistently-numb", "stressed-but-engaged", "actively-burnt-out"):
        assert vote(server, poll_id, option) == 200
    qtbot.waitUntil(lambda: polling.bridge.current_results() is not None
                    and polling.bridge.current_results().responses == 6, timeout=5000)
    save_shot(console, f"console_poll_results_{width}x{height}")
    projector = laptop.presenter.projector
    projector.resize(width, height)  # as on a projector of that size (a second screen)
    save_shot(projector, f"projector_poll_results_{width}x{height}")
    polling.console.tabs.setCurrentIndex(2)  # Groups
    polling.console.groups.assign_button.click()
    qtbot.waitUntil(lambda: "groups of" in polling.console.groups.label.text(), timeout=5000)

    # A prompt with its countdown running, and the longest message there is.
    laptop.state.go_to_number(number_of(bundled, SlideKind.PROMPT, "Say it"))
    laptop.presenter.perform(Action.TIMER)
    laptop.state.message.emit(LONG_MESSAGE)
    qtbot.wait(50)
    assert console.size().width() == width and console.size().height() == height
    save_shot(console, f"console_prompt_groups_{width}x{height}")
    save_shot(projector, f"projector_prompt_groups_{width}x{height}")
    assert problems(console) == []


def test_the_poll_controls_come_into_view_on_a_poll_slide(
        qtbot: QtBot, laptop: DesktopApp, bundled: Session) -> None:
    """At 1280x720 the poll panel sits below the agenda: on a poll slide the facilitator
    must see Open/Close poll without scrolling."""
    console = laptop.presenter.console
    console.showNormal()
    console.resize(1280, 720)
    qtbot.wait(20)
    button = laptop.polling.console.open_button
    viewport = console.tools_area.viewport()

    def in_view() -> bool:
        top_left = button.mapTo(viewport, button.rect().topLeft())
        bottom_right = button.mapTo(viewport, button.rect().bottomRight())
        return viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right)

    assert not in_view()  # first start: the agenda fills the column, the panel is below
    laptop.state.go_to_number(number_of(bundled, SlideKind.POLL, "Where are you"))
    qtbot.waitUntil(lambda: button.text() == "Close poll", timeout=5000)
    assert button.isVisibleTo(console) and in_view()
