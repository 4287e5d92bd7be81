"""Keys and clicker keys drive the session state, in either window; buttons match keys."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from facilitator.core.session.model import Session, SlideKind
from facilitator.core.timing.presentation import Screen
from facilitator.qt.presenter.controller import Presenter
from facilitator.qt.presenter.keys import BINDINGS, JUMP_HELP, Action, action_for, tooltip
from tests.paths import ROOT

K = Qt.Key
MakePresenter = Callable[..., Presenter]


@pytest.fixture
def presenter(make_presenter: MakePresenter, sample: Session) -> Presenter:
    return make_presenter(sample)


def press(qtbot: QtBot, presenter: Presenter, *keys: Qt.Key, shift: bool = False,
          window: str = "console") -> None:
    target = presenter.console if window == "console" else presenter.projector
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    for key in keys:
        qtbot.keyClick(target, key, modifier)


def test_navigation_keys_and_clicker_keys(qtbot: QtBot, presenter: Presenter) -> None:
    state = presenter.state
    press(qtbot, presenter, K.Key_Right, K.Key_Down, K.Key_Space, K.Key_PageDown)
    assert state.index == 4
    press(qtbot, presenter, K.Key_Left, K.Key_Up, K.Key_PageUp)
    assert state.index == 1
    press(qtbot, presenter, K.Key_End)
    assert state.index == len(state.session.slides) - 1
    press(qtbot, presenter, K.Key_Home)
    assert state.index == 0


def test_keys_work_in_the_projector_window_too(qtbot: QtBot, presenter: Presenter) -> None:
    press(qtbot, presenter, K.Key_PageDown, K.Key_PageDown, window="projector")
    assert presenter.state.index == 2
    press(qtbot, presenter, K.Key_B, window="projector")
    assert presenter.state.screen is Screen.BLACK


def test_number_then_enter_jumps(qtbot: QtBot, presenter: Presenter) -> None:
    press(qtbot, presenter, K.Key_1, K.Key_0)
    assert presenter.state.index == 0
    assert "Go to slide 10" in presenter.console.status.text()
    press(qtbot, presenter, K.Key_Return)
    assert presenter.state.index == 9
    press(qtbot, presenter, K.Key_9, K.Key_9, K.Key_Enter)
    assert presenter.state.index == 9
    assert "no slide 99" in presenter.console.status.text()
    press(qtbot, presenter, K.Key_3, K.Key_Escape, K.Key_Enter)  # Esc abandons the number
    assert presenter.state.index == 9
    press(qtbot, presenter, K.Key_1, K.Key_2, K.Key_Backspace, K.Key_Return)  # a typo fixed
    assert presenter.state.index == 0
    press(qtbot, presenter, K.Key_Right, K.Key_Right, K.Key_Backspace)  # no number: previous
    assert presenter.state.index == 1


def grab(presenter: Presenter) -> QImage:
    presenter.projector.resize(640, 360)
    return presenter.projector.view.grab().toImage()


def test_black_screen_really_paints_black(qtbot: QtBot, presenter: Presenter) -> None:
    shown = grab(presenter)
    assert any(shown.pixel(x, y) & 0xFFFFFF for x in range(0, 640, 7) for y in range(0, 360, 7))
    press(qtbot, presenter, K.Key_B)
    black = grab(presenter)
    assert {black.pixel(x, y) & 0xFFFFFF for x in range(0, 640, 5) for y in range(0, 360, 5)} == {0}
    press(qtbot, presenter, K.Key_Period)  # the clicker's black-screen key toggles it back
    assert presenter.state.screen is Screen.SLIDE


def test_white_screen_toggles(qtbot: QtBot, presenter: Presenter) -> None:
    press(qtbot, presenter, K.Key_W)
    white = grab(presenter)
    assert {white.pixel(x, y) & 0xFFFFFF for x in range(0, 640, 9) for y in range(0, 360, 9)} == {
        0xFFFFFF}
    press(qtbot, presenter, K.Key_W)
    assert presenter.state.screen is Screen.SLIDE


def test_r_shows_the_resources_slide_over_anything_and_r_returns(
        qtbot: QtBot, presenter: Presenter) -> None:
    press(qtbot, presenter, K.Key_Right, K.Key_Right)
    press(qtbot, presenter, K.Key_R)
    slide, _ = presenter.projector.view.shown()
    assert slide is not None and slide.kind is SlideKind.RESOURCES
    assert presenter.console.buttons[Action.RESOURCES].isChecked()
    press(qtbot, presenter, K.Key_R)
    slide, _ = presenter.projector.view.shown()
    assert slide is presenter.state.session.slides[2]


def test_escape_leaves_full_screen_and_never_quits(qtbot: QtBot, presenter: Presenter) -> None:
    assert not presenter.projector.isVisible()  # one screen: the console preview stands in
    press(qtbot, presenter, K.Key_F5)
    assert presenter.projector.isVisible() and presenter.screens.projector_full_screen
    press(qtbot, presenter, K.Key_Escape, window="projector")
    assert not presenter.projector.isVisible()
    press(qtbot, presenter, K.Key_Escape, K.Key_Escape)
    assert presenter.console.isVisible()
    press(qtbot, presenter, K.Key_F)
    assert presenter.projector.isVisible()
    press(qtbot, presenter, K.Key_F)
    assert not presenter.projector.isVisible()


def test_question_mark_shows_the_shortcut_sheet(qtbot: QtBot, presenter: Presenter) -> None:
    press(qtbot, presenter, K.Key_Question, shift=True)
    assert presenter.sheet is not None and presenter.sheet.isVisible()
    labels = {label.text() for label in presenter.sheet.findChildren(type(presenter.console.status))}
    assert {binding.names for binding in BINDINGS} <= labels


def test_timer_keys(qtbot: QtBot, presenter: Presenter, clock) -> None:  # type: ignore[no-untyped-def]
    state = presenter.state
    press(qtbot, presenter, K.Key_9, K.Key_Return)  # the 4-minute pairs prompt
    press(qtbot, presenter, K.Key_T)
    clock.advance(30)
    snap = state.timer_snapshot()
    assert snap is not None and snap.display == "3:30"
    press(qtbot, presenter, K.Key_Plus, shift=True)
    assert state.timer_snapshot().display == "4:30"  # type: ignore[union-attr]
    press(qtbot, presenter, K.Key_Minus, K.Key_Minus)
    assert state.timer_snapshot().display == "2:30"  # type: ignore[union-attr]
    press(qtbot, presenter, K.Key_T)
    clock.advance(100)
    assert state.timer_snapshot().display == "2:30"  # type: ignore[union-attr]
    press(qtbot, presenter, K.Key_T, shift=True)  # Shift+T resets
    assert state.timer_snapshot().display == "4:00"  # type: ignore[union-attr]


def test_every_button_has_a_key_and_a_tooltip_naming_it(presenter: Presenter) -> None:
    bound = {binding.action for binding in BINDINGS}
    assert presenter.console.buttons
    for action, button in presenter.console.buttons.items():
        assert action in bound
        assert button.toolTip() == tooltip(action)
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus  # Space must reach "next"
    for binding in BINDINGS:
        assert binding.names in tooltip(binding.action)
        for key, modifiers in binding.keys:
            assert action_for(key, modifiers) is binding.action


def test_buttons_do_what_their_keys_do(qtbot: QtBot, presenter: Presenter) -> None:
    presenter.console.buttons[Action.NEXT].click()
    assert presenter.state.index == 1
    presenter.console.buttons[Action.BLACK].click()
    assert presenter.state.screen is Screen.BLACK
    assert presenter.console.buttons[Action.BLACK].isChecked()


def test_ctrl_q_asks_then_ends_the_session(qtbot: QtBot, presenter: Presenter) -> None:
    from facilitator.qt.presenter.confirm import EndChoice

    asked: list[bool] = []
    presenter.ask_end = lambda _parent, rehearsing: asked.append(rehearsing) or EndChoice.CANCEL
    qtbot.keyClick(presenter.console, K.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert asked == [False] and presenter.console.isVisible()  # Cancel: still presenting
    presenter.ask_end = lambda _parent, _rehearsing: EndChoice.KEEP_OPEN
    with qtbot.waitSignal(presenter.ended, timeout=1000):
        qtbot.keyClick(presenter.console, K.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not presenter.console.isVisible()
    assert presenter.keep_run_open


def test_notes_are_reflowed_for_the_console() -> None:
    from facilitator.qt.presenter.console import reflow_notes

    notes = ("Say: this is a long line that the\nauthor wrapped by hand.\n"
             "Watch for: quiet pairs\nnear the door.\n- one item\n- another\n\nNew paragraph.")
    assert reflow_notes(notes) == (
        "Say: this is a long line that the author wrapped by hand.\n"
        "Watch for: quiet pairs near the door.\n- one item\n- another\n\nNew paragraph.")


def test_console_shows_the_slides_notes_and_position(qtbot: QtBot, presenter: Presenter) -> None:
    press(qtbot, presenter, K.Key_Right, K.Key_Right)
    assert presenter.console.notes.toPlainText().startswith("Say: this gap")
    assert presenter.console.position.text().startswith("Slide 3 of 12")


def test_the_readme_key_table_lists_every_binding() -> None:

    doc = (ROOT / "README.md").read_text(
        encoding="utf-8")
    for binding in BINDINGS:
        assert f"| {binding.names} | {binding.label} |" in doc
    assert f"| {JUMP_HELP[1]} | {JUMP_HELP[0]} |" in doc
