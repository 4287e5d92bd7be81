"""The console's choice of network for phones: the default-route interface first.

Shows a clear instruction when no usable network exists, since a laptop on no Wi-Fi
would otherwise print a join URL that no phone can open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from facilitator.core.network import NO_NETWORK_MESSAGE, Interface


class LanPicker(QWidget):
    """Emits `chosen(Interface)` when the facilitator picks another network."""

    chosen = Signal(object)

    def __init__(self, interfaces: list[Interface], current: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setAccessibleName("Network for phones")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.message)
        self._interfaces: list[Interface] = []
        self.combo.activated.connect(self._on_activated)
        self.set_interfaces(interfaces, current)

    def set_interfaces(self, interfaces: list[Interface], current: str = "") -> None:
        self._interfaces = list(interfaces)
        self.combo.clear()
        for interface in self._interfaces:
            self.combo.addItem(f"{interface.label}: {interface.address}", interface.name)
        self.combo.setEnabled(bool(self._interfaces))
        self.message.setVisible(not self._interfaces)
        self.message.setText("" if self._interfaces else NO_NETWORK_MESSAGE)
        names = [i.name for i in self._interfaces]
        if current in names:
            self.combo.setCurrentIndex(names.index(current))

    def current(self) -> Interface | None:
        index = self.combo.currentIndex()
        return self._interfaces[index] if 0 <= index < len(self._interfaces) else None

    def _on_activated(self, index: int) -> None:
        if 0 <= index < len(self._interfaces):
            self.chosen.emit(self._interfaces[index])
