"""The two questions the presenter asks before something it cannot undo: starting the
session (the clock and the run begin; the rehearsal is wiped) and ending it.

Each is a plain function of the console window, so tests (and a future settings switch)
can answer in its place: `Presenter.ask_start` and `Presenter.ask_end`.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QMessageBox, QWidget


class StartChoice(StrEnum):
    FROM_FIRST = "first"  # back to slide 1, rehearsal wiped: the usual start
    FROM_HERE = "here"  # the room is ready on this slide (a late start after a welcome)
    CANCEL = "cancel"


class EndChoice(StrEnum):
    END = "end"  # finish the run: the results report is ready
    KEEP_OPEN = "keep"  # close now, resume the run later (a break, a laptop swap)
    CANCEL = "cancel"


def ask_start(parent: QWidget, away_from_first: bool) -> StartChoice:
    box = QMessageBox(parent)
    box.setWindowTitle("Start the session")
    box.setText("Start the session now?")
    box.setInformativeText(
        "Until now this was a rehearsal: nothing was timed, and test answers from phones "
        "are cleared when the session starts. From now on the agenda clock runs and "
        "every answer is part of the run.")
    first = box.addButton("Start from slide 1", QMessageBox.ButtonRole.AcceptRole)
    here = (box.addButton("Start on this slide", QMessageBox.ButtonRole.ActionRole)
            if away_from_first else None)
    box.addButton("Keep rehearsing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(first)
    box.exec()
    clicked = box.clickedButton()
    if clicked is first:
        return StartChoice.FROM_FIRST
    if here is not None and clicked is here:
        return StartChoice.FROM_HERE
    return StartChoice.CANCEL


def ask_end(parent: QWidget, rehearsing: bool) -> EndChoice:
    box = QMessageBox(parent)
    box.setWindowTitle("End the session")
    box.setText("End the session and close the console?")
    if rehearsing:
        box.setInformativeText("This was a rehearsal: nothing was timed, and test answers "
                               "from phones are not kept.")
    else:
        # Two paragraphs, one per choice, in the words on the buttons; no shell syntax in
        # a window (backticks read as stray marks to someone who never used a terminal).
        box.setInformativeText(
            "End session: the timing report is saved and the run is finished; its "
            "results report is under Past runs (Runs tab).\n\n"
            "Close, resume later: the run stays open; opening this session file again "
            "offers to resume it where it stopped.")
    end = box.addButton("End session", QMessageBox.ButtonRole.DestructiveRole)
    keep = (None if rehearsing else
            box.addButton("Close, resume later", QMessageBox.ButtonRole.ActionRole))
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)  # Enter after a stray Ctrl+Q keeps the session going
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is end:
        return EndChoice.END
    if keep is not None and clicked is keep:
        return EndChoice.KEEP_OPEN
    return EndChoice.CANCEL
