"""Which window goes on which screen, and what happens when screens come and go.

Two or more screens: the console on the primary, the projector full screen on another
(swappable). One screen: the projector stays hidden and the console's preview shows what
it would show; F puts it full screen over everything, Esc brings the console back. When
a screen is plugged in or removed mid-session the layout is worked out again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRect, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ScreenInfo:
    name: str
    geometry: QRect
    primary: bool
    screen: QScreen | None = None  # the real screen; None in simulated layouts


def qt_screens() -> list[ScreenInfo]:
    primary = QGuiApplication.primaryScreen()
    return [ScreenInfo(s.name(), s.geometry(), s is primary, s) for s in QGuiApplication.screens()]


@dataclass(frozen=True)
class Layout:
    console: ScreenInfo | None
    projector: ScreenInfo | None  # None: single screen, projector shown only on demand


def choose_layout(screens: list[ScreenInfo], swapped: bool) -> Layout:
    if not screens:
        return Layout(None, None)
    primary = next((s for s in screens if s.primary), screens[0])
    if len(screens) == 1:
        return Layout(primary, None)
    other = next(s for s in screens if s is not primary)
    return Layout(other, primary) if swapped else Layout(primary, other)


class ScreenManager(QObject):
    layout_changed = Signal(bool)  # True when the projector has a screen of its own

    def __init__(self, console: QWidget, projector: QWidget,
                 screens: Callable[[], list[ScreenInfo]] = qt_screens,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._console = console
        self._projector = projector
        self._screens = screens
        self.swapped = False
        self.layout = Layout(None, None)
        self.projector_full_screen = False
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self.on_screen_added)
            app.screenRemoved.connect(self.on_screen_removed)
            app.primaryScreenChanged.connect(self.on_screen_added)

    @property
    def two_screens(self) -> bool:
        return self.layout.projector is not None

    def place(self, leaving: object = None) -> None:
        """Put both windows where the current screens say they belong (ignoring `leaving`,
        a screen that is about to go away)."""
        screens = [info for info in self._screens()
                   if leaving is None or info.screen is not leaving]
        self.layout = choose_layout(screens, self.swapped)
        if self.layout.console is not None:
            self._move(self._console, self.layout.console)
            # The console gets the whole laptop screen: previews, notes and clock need room.
            self._console.showMaximized()
        if self.layout.projector is not None:
            self._move(self._projector, self.layout.projector)
            self._projector.showFullScreen()
            self.projector_full_screen = True
        else:
            # One screen: don't cover the console; the preview shows the projector.
            self._projector.hide()
            self.projector_full_screen = False
        self.layout_changed.emit(self.two_screens)

    def on_screen_added(self, *_: object) -> None:
        """screenAdded fires on the GUI thread; re-place both windows."""
        self.place()

    def on_screen_removed(self, screen: object = None) -> None:
        """screenRemoved fires on the GUI thread while the screen is still listed: place
        the windows without it now, and again once Qt has finished removing it."""
        self.place(leaving=screen)
        QTimer.singleShot(0, self.place)

    def swap(self) -> None:
        self.swapped = not self.swapped
        self.place()

    def toggle_full_screen(self) -> None:
        if self.projector_full_screen:
            self.leave_full_screen()
        else:
            self.show_full_screen()

    def show_full_screen(self) -> None:
        target = self.layout.projector or self.layout.console
        if target is not None:
            self._move(self._projector, target)
        self._projector.showFullScreen()
        self._projector.raise_()
        self.projector_full_screen = True

    def leave_full_screen(self) -> None:
        """Esc: never quits. Two screens: a normal window; one screen: back to the console."""
        if not self.projector_full_screen:
            return
        self.projector_full_screen = False
        if self.two_screens:
            self._projector.showNormal()
        else:
            self._projector.hide()
            self._console.raise_()
            self._console.activateWindow()

    @staticmethod
    def _move(window: QWidget, target: ScreenInfo) -> None:
        handle = window.windowHandle()
        if target.screen is not None and handle is not None:
            handle.setScreen(target.screen)
        window.setGeometry(target.geometry)
