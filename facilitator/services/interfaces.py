"""This machine's network interfaces, the same way on Windows, macOS and Linux, without Qt.

`ifaddr` reads the OS's own table (getifaddrs on Linux and macOS, GetAdaptersAddresses on
Windows). The default route is found with the usual trick: connecting a UDP socket sends
no packet, but makes the OS pick the source address it would use for the internet, and the
interface holding that address is the default-route one. Which interfaces to offer, and in
what order, is decided in `core.network`; this module only reads. `serve` and `doctor` use
it, so neither needs Qt.
"""

from __future__ import annotations

import socket
from collections.abc import Callable

from facilitator.core.network import Interface, choose, interface_holding

# A documentation address (RFC 5737): never routed to anyone, so nothing can answer, and
# connecting a UDP socket to it sends nothing anyway; the OS still picks a source address.
_PROBE = ("192.0.2.1", 9)
_PROBE6 = ("2001:db8::1", 9)

InterfaceSource = Callable[[], list[Interface]]
RouteSource = Callable[[], str | None]


def _label(name: str, nice_name: str) -> str:
    """What the console shows; Linux names say what they are (wl* Wi-Fi, en*/eth* wired)."""
    shown = nice_name or name
    if name.startswith(("wl", "wifi")) or "wi-fi" in shown.lower() or "wlan" in shown.lower():
        return f"Wi-Fi ({shown})"
    if name.startswith(("en", "eth")) or "ethernet" in shown.lower():
        return f"Ethernet ({shown})"
    return f"Network ({shown})"


def system_interfaces() -> list[Interface]:
    """Every interface with an address, loopback included (marked)."""
    import ifaddr  # on first use: the phone server starts after the app's first paint

    found = []
    for adapter in ifaddr.get_adapters():
        addresses = []
        for entry in adapter.ips:
            # ifaddr gives IPv6 as (address, flowinfo, scope_id)
            addresses.append(entry.ip[0] if isinstance(entry.ip, tuple) else entry.ip)
        if not addresses:
            continue
        loopback = all(a == "::1" or a.startswith("127.") for a in addresses)
        found.append(Interface(name=adapter.name, label=_label(adapter.name, adapter.nice_name),
                               addresses=tuple(addresses), loopback=loopback))
    return found


def default_route_address() -> str | None:
    """The local address the OS would send internet traffic from, or None with no route."""
    for family, target in ((socket.AF_INET, _PROBE), (socket.AF_INET6, _PROBE6)):
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as probe:
                probe.connect(target)
                address: str = probe.getsockname()[0]
        except OSError:
            continue
        if address and address not in ("0.0.0.0", "::"):
            return address
    return None


def usable_interfaces(source: InterfaceSource = system_interfaces,
                      route: RouteSource = default_route_address) -> list[Interface]:
    """Interfaces phones could reach, the default-route one first. `source` and `route`
    are injectable so a test can hand in a machine with loopback only."""
    interfaces = source()
    return choose(interfaces, interface_holding(interfaces, route()))
