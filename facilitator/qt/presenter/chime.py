"""The chime at a phase change and at zero, with QtMultimedia when the machine has it.

`play()` returns False when no sound can be made (chime switched off in settings,
QtMultimedia missing or failing to load, e.g. without libpulse, no audio device, missing
file); the state then flashes the countdown instead, because a QSoundEffect without a
device fails silently (FACTS). Audio is optional: nothing here may stop the app.

QtMultimedia is loaded only when the first chime is due, not at start: on a machine
without a sound server its backend prints "PulseAudioService: pa_context_connect()
failed" as it loads, and a facilitator who never runs a timer should not see that. The
first time sound turns out to be unavailable, `on_unavailable` gets one sentence for the
console.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QLoggingCategory,
    QMessageLogContext,
    QtMsgType,
    QUrl,
    qInstallMessageHandler,
)

from facilitator.services import assets

SOUNDS = {"phase": "phase.wav", "finished": "chime.wav"}
NO_SOUND = "No sound: the countdown flashes instead"
# What the audio backends print while they probe for a sound server that is not there.
BACKEND_NOISE = ("PulseAudioService", "pa_context_connect", "qt.multimedia")


class Chime:
    def __init__(self, enabled: bool = True,
                 on_unavailable: Callable[[str], None] = lambda message: None) -> None:
        self._enabled = enabled
        self._on_unavailable = on_unavailable
        self._loaded = not enabled  # switched off: nothing to load, nothing to report
        self._told = False
        self._effects: dict[str, Any] = {}  # kind -> QSoundEffect

    @property
    def available(self) -> bool:
        self._load()
        return bool(self._effects)

    def play(self, kind: str) -> bool:
        self._load()
        effect = self._effects.get(kind)
        if effect is None or effect.status() == type(effect).Status.Error:
            if self._enabled:
                self._tell()
            return False
        effect.play()
        return True

    def _tell(self) -> None:
        if not self._told:
            self._told = True
            self._on_unavailable(NO_SOUND)

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        # Without a sound server QtMultimedia logs a page of backend probing; the chime
        # degrades to a flash on purpose, so that noise would only alarm the facilitator.
        QLoggingCategory.setFilterRules("qt.multimedia*=false\nqt.multimedia.*=false")
        previous = qInstallMessageHandler(_quiet_backend_noise)
        try:
            self._effects = _sound_effects()
        except Exception:  # any failure to load audio (ImportError, OSError...) means: flash
            self._effects = {}
        finally:
            qInstallMessageHandler(previous)


def _sound_effects() -> dict[str, Any]:
    """One loaded QSoundEffect per chime, or none when there is no audio output."""
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

    if not QMediaDevices.audioOutputs():
        return {}
    effects = {}
    for kind, name in SOUNDS.items():
        path = Path(assets.resource_path("sounds", name))
        if path.exists():
            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
            effects[kind] = effect
    return effects


def _quiet_backend_noise(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """While QtMultimedia loads: drop its backend's probing, pass anything else on."""
    if not any(noise in message for noise in BACKEND_NOISE):
        print(message, file=sys.stderr)
