"""What only Qt can tell the pre-flight checks: the screens, whether each slide fits at the
projector's size (the projector's own renderer decides), the chime, and the printers Qt
sees. `facilitator doctor` imports this lazily, only for those checks."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication

from facilitator.core.session.model import Session
from facilitator.qt.presenter.chime import Chime
from facilitator.qt.slides.export import fit_problems
from facilitator.qt.style import theme_named
from facilitator.services.preflight.printer_check import lpstat_printers
from facilitator.services.preflight.screen_check import Screen, ScreenProbe
from facilitator.services.settings import Settings
from facilitator.services.support_source import support_from_settings


def screens() -> list[Screen]:
    """The connected screens; [] when Qt draws offscreen (no display to ask)."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return []
    primary = QGuiApplication.primaryScreen()
    return [Screen(s.name(), s.geometry().width(), s.geometry().height(), s is primary)
            for s in QGuiApplication.screens()]


def screen_probe(settings: Settings) -> ScreenProbe:
    """Screens and the slide-fit test in the facilitator's theme and region."""
    def fit(session: Session, width: int, height: int) -> list[str]:
        support, _ = support_from_settings(session, settings)
        problems = fit_problems(session, width, height, theme_named(settings.theme), support)
        return [f"slide {p.number} ({p.title!r})" for p in problems]
    return ScreenProbe(screens, fit)


def play_chime(chime: Chime | None = None, wait_ms: int = 1500) -> str:
    """Play the end-of-timer chime and let it sound; "" when it played, else why not."""
    chime = chime or Chime()
    if not chime.available:
        return "no audio output device"
    if not chime.play("finished"):
        return "the sound file could not be loaded"
    if wait_ms:  # the effect plays on Qt's loop: keep it turning while it sounds
        loop = QEventLoop()
        QTimer.singleShot(wait_ms, loop.quit)
        loop.exec()
    return ""


def printers() -> list[str]:
    """CUPS's answer where there is one (Linux, macOS), else the printers Qt sees (Windows)."""
    found = lpstat_printers()
    if found is not None:
        return found
    from PySide6.QtPrintSupport import QPrinterInfo

    default = QPrinterInfo.defaultPrinterName()
    return [default] if default else list(QPrinterInfo.availablePrinterNames())
