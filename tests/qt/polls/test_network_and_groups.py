"""LAN picker (default route first, clear message when none) and the groups widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from facilitator.core.network import NO_NETWORK_MESSAGE, Interface, choose
from facilitator.core.polls.room import RoomStatus
from facilitator.qt.polls.groups_panel import GroupsBanner, GroupsPanel
from facilitator.qt.polls.network_picker import LanPicker

WIFI = Interface("wlp2s0", "Wi-Fi (wlp2s0)", ("192.168.1.23",))
HOTSPOT = Interface("enx00", "Ethernet (enx00)", ("10.42.0.1",))


def test_picker_lists_default_route_first_and_signals_choice(qtbot: QtBot) -> None:
    picker = LanPicker(choose([HOTSPOT, WIFI], "wlp2s0"))
    qtbot.addWidget(picker)
    assert picker.combo.itemText(0) == "Wi-Fi (wlp2s0): 192.168.1.23"
    assert picker.current() == WIFI
    with qtbot.waitSignal(picker.chosen) as signal:
        picker.combo.activated.emit(1)
    assert signal.args == [HOTSPOT]


def test_picker_says_what_to_do_with_no_network(qtbot: QtBot) -> None:
    picker = LanPicker([])
    qtbot.addWidget(picker)
    assert not picker.combo.isEnabled()
    assert picker.message.text() == NO_NETWORK_MESSAGE
    assert "connect to Wi-Fi or start a hotspot" in NO_NETWORK_MESSAGE
    assert picker.current() is None


def test_groups_panel_and_banner(qtbot: QtBot) -> None:
    panel = GroupsPanel(RoomStatus("ABCDE", joined=0, connected=0))
    qtbot.addWidget(panel)
    assert not panel.assign_button.isEnabled()
    status = RoomStatus("ABCDE", joined=13, connected=12, group_size=4, group_count=3)
    panel.set_status(status)
    assert panel.assign_button.isEnabled()
    with qtbot.waitSignal(panel.assign) as signal:
        panel.size_box.setValue(4)
        panel.assign_button.click()
    assert signal.args == [4]
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    banner = GroupsBanner(window, status)
    window.show()
    assert banner.text().startswith("3 groups of about 4")
    assert "check your phone" in banner.text()
    assert banner.isVisible() and banner.geometry().bottom() == 719
    banner.set_status(RoomStatus("ABCDE", joined=13, connected=12))
    assert not banner.isVisible()
