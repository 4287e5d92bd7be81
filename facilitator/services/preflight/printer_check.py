"""Printing: whether a printer is available, and the paper size the region uses."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable

from facilitator.services.preflight.verdict import Level, Line
from facilitator.services.settings import Settings

AREA = "printing"
# Regions whose offices use US Letter; everyone else uses A4.
LETTER_REGIONS = frozenset({"us", "ca"})

# Printer names, or None when this machine cannot say (then Qt's list may be asked).
PrinterSource = Callable[[], list[str] | None]


def lpstat_printers() -> list[str] | None:
    """CUPS's default printer (Linux, macOS), or every printer when there is no default."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return None
    try:
        default = subprocess.run([lpstat, "-d"], capture_output=True, text=True, timeout=5)
        found = subprocess.run([lpstat, "-a"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    # "system default destination: Office" / "no system default destination"
    if ":" in default.stdout and default.returncode == 0:
        return [default.stdout.split(":", 1)[1].strip()]
    return [line.split()[0] for line in found.stdout.splitlines() if line.strip()]


def paper_for(region: str) -> str:
    return "letter" if region in LETTER_REGIONS else "a4"


def run(settings: Settings, region: str, printers: PrinterSource) -> list[Line]:
    names = printers()
    if names is None:
        line = Line(AREA, Level.WARNING, "cannot tell whether a printer is available",
                    "Print a test page before the day, or save the PDFs with `facilitator "
                    "print` and print them elsewhere.")
    elif not names:
        line = Line(AREA, Level.WARNING, "no printer is set up",
                    "Save the handouts as PDF (`facilitator print FILE --out DIR`) and print "
                    "them elsewhere before the session.")
    else:
        line = Line(AREA, Level.OK, f"printer: {names[0]}")
    wanted = paper_for(region)
    if settings.paper.lower() == wanted:
        paper = Line(AREA, Level.OK, f"paper {wanted.upper() if wanted == 'a4' else 'Letter'} "
                     f"for region {region}")
    else:
        paper = Line(AREA, Level.WARNING, f"paper is {settings.paper} but region {region} uses "
                     f"{wanted}", f"Set paper = \"{wanted}\" in the settings file, or choose "
                     "it in the print dialog.")
    return [line, paper]
