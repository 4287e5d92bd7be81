"""Choosing the address phones can reach: which network interfaces to offer, in what order.

The interface list itself comes from `services.interfaces` (or a test) as plain
`Interface` values; this module only decides. The default-route interface comes first
because that is the network the laptop (and, usually, the room) is on; loopback,
link-local, down and container interfaces are dropped because no phone can reach them.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

NO_NETWORK_MESSAGE = (
    "No network for phones: connect to Wi-Fi or start a hotspot, then pick it here."
)
# Virtual interfaces made by container and VM tools; phones can never reach them.
_VIRTUAL_PREFIXES = ("docker", "veth", "br-", "virbr", "vmnet", "vboxnet", "cni", "flannel",
                     "podman", "lxc", "lxd")


@dataclass(frozen=True)
class Interface:
    name: str  # system name, e.g. wlp2s0
    label: str  # what the console shows, e.g. "Wi-Fi (wlp2s0)"
    addresses: tuple[str, ...]  # IPv4 first
    up: bool = True
    loopback: bool = False

    @property
    def address(self) -> str:
        return self.addresses[0]


def usable(interface: Interface) -> Interface | None:
    """The interface with only the addresses a phone could reach, or None."""
    if not interface.up or interface.loopback:
        return None
    if interface.name.startswith(_VIRTUAL_PREFIXES):
        return None
    kept = []
    for text in interface.addresses:
        try:
            address = ipaddress.ip_address(text.split("%")[0])
        except ValueError:
            continue
        if address.is_loopback or address.is_link_local or address.is_multicast:
            continue
        if address.is_unspecified:
            continue
        kept.append(address)
    if not kept:
        return None
    # IPv4 first: typing or scanning an IPv6 URL on a phone is error-prone.
    kept.sort(key=lambda address: address.version)
    return Interface(interface.name, interface.label, tuple(str(a) for a in kept),
                     interface.up, interface.loopback)


def choose(interfaces: Iterable[Interface], default_route: str | None) -> list[Interface]:
    """Usable interfaces, the default-route one first, then by name."""
    kept = [found for found in map(usable, interfaces) if found is not None]
    return sorted(kept, key=lambda i: (i.name != default_route, i.name))


def interface_holding(interfaces: Iterable[Interface], address: str | None) -> str | None:
    """The name of the interface that has `address` (the default route's source address)."""
    if address is None:
        return None
    for interface in interfaces:
        if address in (text.split("%")[0] for text in interface.addresses):
            return interface.name
    return None


def url_host(address: str) -> str:
    """How an address goes into a URL: IPv6 in brackets."""
    return f"[{address}]" if ":" in address else address
