"""The chime at a phase change and at zero, with QtMultimedia.

`play()` returns False when no sound can be made (no audio device, missing file, chime
switched off in settings); the state then flashes the countdown instead, because a
QSoundEffect without a device fails silently (FACTS).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLoggingCategory, QUrl

from facilitator.services import assets

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

SOUNDS = {"phase": "phase.wav", "finished": "chime.wav"}


class Chime:
    def __init__(self, enabled: bool = True) -> None:
        # Without a sound server QtMultimedia logs a page of backend probing; the chime
        # degrades to a flash on purpose, so that noise would only alarm the facilitator.
        QLoggingCategory.setFilterRules("qt.multimedia*=false\nqt.multimedia.*=false")
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect  # after the log filter

        self._effects: dict[str, QSoundEffect] = {}
        if not enabled or not QMediaDevices.audioOutputs():
            return
        for kind, name in SOUNDS.items():
            path = Path(assets.resource_path("sounds", name))
            if not path.exists():
                continue
            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
            self._effects[kind] = effect

    @property
    def available(self) -> bool:
        return bool(self._effects)

    def play(self, kind: str) -> bool:
        effect = self._effects.get(kind)
        if effect is None or effect.status() == type(effect).Status.Error:
            return False
        effect.play()
        return True
