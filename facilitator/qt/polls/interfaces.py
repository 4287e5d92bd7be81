"""The machine's network interfaces, from Qt, as plain `core.network.Interface` values.

QNetworkInterface reads the OS tables without sending a packet, on every platform Qt
supports. Which interface to offer first is decided in `core.network`, not here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

from facilitator.core.network import Interface, choose, default_route_interface

_KIND = {
    QNetworkInterface.InterfaceType.Wifi: "Wi-Fi",
    QNetworkInterface.InterfaceType.Ethernet: "Ethernet",
}
_PROTOCOLS = (QAbstractSocket.NetworkLayerProtocol.IPv4Protocol,
              QAbstractSocket.NetworkLayerProtocol.IPv6Protocol)


def all_interfaces() -> list[Interface]:
    found = []
    for qt_interface in QNetworkInterface.allInterfaces():
        flags = qt_interface.flags()
        addresses = [
            entry.ip().toString()
            for entry in qt_interface.addressEntries()
            if entry.ip().protocol() in _PROTOCOLS
        ]
        name = qt_interface.name()
        kind = _KIND.get(qt_interface.type(), "Network")
        found.append(Interface(
            name=name,
            label=f"{kind} ({qt_interface.humanReadableName() or name})",
            addresses=tuple(addresses),
            up=bool(flags & QNetworkInterface.InterfaceFlag.IsUp)
            and bool(flags & QNetworkInterface.InterfaceFlag.IsRunning),
            loopback=bool(flags & QNetworkInterface.InterfaceFlag.IsLoopBack),
        ))
    return found


def default_route() -> str | None:
    """The default-route interface on Linux; None elsewhere (then the order is by name)."""
    try:
        return default_route_interface(Path("/proc/net/route").read_text(encoding="ascii"))
    except OSError:
        return None


def usable_interfaces() -> list[Interface]:
    """Interfaces phones could reach, the default-route one first."""
    return choose(all_interfaces(), default_route())
