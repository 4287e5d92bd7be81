"""What to try when phones cannot reach the laptop, in words for each operating system."""

from __future__ import annotations

import platform

HOTSPOT = ("If the venue's Wi-Fi keeps devices apart (common on guest and hospital networks), "
           "start a hotspot on your phone, join it with the laptop, and ask the room to join "
           "it too")

_FIREWALL = {
    "Windows": "allow facilitator through Windows Defender Firewall: Start > \"Allow an app "
               "through Windows Firewall\" > Change settings > tick facilitator for Private "
               "networks, and set this Wi-Fi to Private in Settings > Network & internet",
    "Darwin": "in System Settings > Network > Firewall > Options, set facilitator to "
              "\"Allow incoming connections\" (or answer Allow when macOS asks at start)",
    "Linux": "open the port in the firewall, e.g. `sudo ufw allow PORT/tcp` (Ubuntu) or "
             "`sudo firewall-cmd --add-port=PORT/tcp` (Fedora)",
}


def firewall(port: int, system: str | None = None) -> str:
    """The firewall rule for this OS (or the one named: Windows, Darwin, Linux)."""
    text = _FIREWALL.get(system or platform.system(), _FIREWALL["Linux"])
    return text.replace("PORT", str(port))


def when_phones_cannot_join(port: int, system: str | None = None) -> str:
    """The three things to try, most likely first."""
    return (f"If your phone cannot open it: 1) {firewall(port, system)}; 2) try another port "
            f"with --port (e.g. {port + 10 if port else 8775}); 3) {HOTSPOT[0].lower()}"
            f"{HOTSPOT[1:]}.")
