"""The bundle's entry point: the same `main` as the `facilitator` command of a wheel."""

import sys

from facilitator.__main__ import main


def hide_own_console_on_windows() -> None:
    """The Windows executable is a console program, so that `facilitator.exe doctor` prints in
    a terminal. Double-clicked (or given a session file dropped on it), Windows gives it a
    console window of its own: hide that one (a console shared with a terminal has more
    than one process attached and is left alone)."""
    if sys.platform != "win32":
        return
    import ctypes

    kernel32 = ctypes.windll.kernel32
    processes = (ctypes.c_uint * 2)()
    if kernel32.GetConsoleProcessList(processes, 2) == 1:
        ctypes.windll.user32.ShowWindow(kernel32.GetConsoleWindow(), 0)  # SW_HIDE


if __name__ == "__main__":
    hide_own_console_on_windows()
    sys.exit(main())
