"""Interface discovery without Qt: this machine's real table, and an injected one."""

from __future__ import annotations

import sys

from facilitator.core.network import Interface
from facilitator.services.interfaces import (
    default_route_address,
    system_interfaces,
    usable_interfaces,
)


def test_this_machine_lists_loopback_and_filters_it_out() -> None:
    everything = system_interfaces()
    assert any(interface.loopback for interface in everything)
    assert all(not i.loopback and not i.address.startswith("127.") for i in usable_interfaces())


def test_default_route_interface_comes_first_on_this_machine() -> None:
    address = default_route_address()
    usable = usable_interfaces()
    if address is None or not usable:  # a machine with no route has nothing to order
        assert address is None or all(address not in i.addresses for i in usable)
        return
    assert address in usable[0].addresses


def test_default_route_first_from_an_injected_table() -> None:
    table = [Interface("lo", "lo", ("127.0.0.1",), loopback=True),
             Interface("eth0", "Ethernet", ("10.0.0.5",)),
             Interface("wlp2s0", "Wi-Fi", ("192.168.1.23",))]
    chosen = usable_interfaces(lambda: table, lambda: "192.168.1.23")
    assert [i.name for i in chosen] == ["wlp2s0", "eth0"]
    assert usable_interfaces(lambda: table[:1], lambda: None) == []


def test_serve_does_not_import_qt() -> None:
    import subprocess

    code = ("import sys; import facilitator.cli.serve_cmd, facilitator.services.interfaces;"
            "facilitator.services.interfaces.usable_interfaces();"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
