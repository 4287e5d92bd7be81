"""The prompt timer inside the running presenter: it survives navigation, the console always
shows it, phases advance with a chime, and with no audio device the chime becomes a flash."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from facilitator.core.session.model import Session
from facilitator.core.timing.timer import TimerMood
from facilitator.qt.presenter.chime import Chime
from facilitator.qt.presenter.controller import Presenter
from facilitator.qt.presenter.state import PresenterState
from facilitator.qt.style import DARK
from facilitator.services.support_source import SupportSource
from tests.qt.conftest import Clock

MakePresenter = Callable[..., Presenter]
PAIRS_PROMPT, ONE_TWO_FOUR_ALL = 8, 9


def test_timer_keeps_running_while_navigating_and_console_shows_it(
        qtbot: QtBot, make_presenter: MakePresenter, sample: Session, clock: Clock) -> None:
    presenter = make_presenter(sample)
    state = presenter.state
    state.go_to_number(PAIRS_PROMPT + 1)
    state.toggle_timer()
    clock.advance(20)
    state.next()  # away to the 1-2-4-All prompt: it must not take over the running timer
    assert state.timer_slide == PAIRS_PROMPT
    state.first()
    clock.advance(40)
    state.tick()
    assert presenter.console.countdown.time.text() == "3:00"
    assert "Still in there" in presenter.console.countdown.title.text()
    state.go_to_number(PAIRS_PROMPT + 1)
    _, ctx = presenter.projector.view.shown()
    assert ctx is not None and ctx.timer is not None and ctx.timer.display == "3:00"


def test_t_on_another_prompt_switches_the_timer_to_it(
        make_presenter: MakePresenter, sample: Session, clock: Clock) -> None:
    state = make_presenter(sample).state
    state.go_to_number(PAIRS_PROMPT + 1)
    state.toggle_timer()
    state.next()
    state.toggle_timer()
    assert state.timer_slide == ONE_TWO_FOUR_ALL
    assert state.timer is not None and state.timer.running


def test_phases_advance_with_chime_and_label_and_zero_flashes_without_audio(
        qtbot: QtBot, make_presenter: MakePresenter, sample: Session, clock: Clock) -> None:
    presenter = make_presenter(sample)
    state = presenter.state
    state.go_to_number(ONE_TWO_FOUR_ALL + 1)
    state.toggle_timer()
    clock.advance(61)
    with qtbot.waitSignal(state.chimed, timeout=1000) as chimed:
        state.tick()
    assert chimed.args == ["phase"]
    assert "Phase 2 of 4 · Pairs" in presenter.console.countdown.phase.text()
    assert state.flashing  # this test's state has no chime: the flash stands in
    clock.advance(120 + 240 + 299)  # exactly zero
    with qtbot.waitSignal(state.chimed, timeout=1000) as chimed:
        state.tick()
    assert chimed.args == ["finished"]
    clock.advance(75)
    state.tick()
    snap = state.timer_snapshot()
    assert snap is not None and snap.mood is TimerMood.OVERTIME and snap.display == "+1:15"
    assert presenter.console.countdown.time.text() == "+1:15"
    clock.advance(3)
    assert not state.flashing


def test_flash_paints_the_countdown_inverted(
        qtbot: QtBot, make_presenter: MakePresenter, sample: Session, clock: Clock) -> None:
    presenter = make_presenter(sample)
    state = presenter.state
    state.go_to_number(PAIRS_PROMPT + 1)
    presenter.projector.resize(1280, 720)
    state.toggle_timer()
    clock.advance(240)
    state.tick()
    assert state.flashing
    flashed = presenter.projector.view.grab().toImage()
    clock.advance(5)
    state.tick()
    steady = presenter.projector.view.grab().toImage()
    # The middle of the countdown box is overtime-red while flashing, background after.
    centre = flashed.pixelColor(640 - 260, 600)
    assert centre == QColor(DARK.timer_overtime)
    assert steady.pixelColor(640 - 260, 600) == QColor(DARK.background)


def test_last_minute_colour_on_the_projector(
        make_presenter: MakePresenter, sample: Session, clock: Clock) -> None:
    state = make_presenter(sample).state
    state.go_to_number(PAIRS_PROMPT + 1)
    state.toggle_timer()
    clock.advance(185)
    snap = state.context_for(PAIRS_PROMPT).timer
    assert snap is not None and snap.mood is TimerMood.LAST_MINUTE


def test_the_chimes_ship_as_real_wav_files() -> None:
    import wave

    from facilitator.services import assets

    for name in ("chime.wav", "phase.wav"):
        with wave.open(str(assets.resource_path("sounds", name))) as sound:
            seconds = sound.getnframes() / sound.getframerate()
            assert sound.getnchannels() == 1 and 0.5 <= seconds <= 2.0


def test_a_real_chime_without_an_audio_device_reports_it_cannot_play(qtbot: QtBot) -> None:
    chime = Chime(enabled=True)
    # This machine has no audio output (FACTS): play() must say so, so the flash is used.
    assert chime.play("finished") is chime.available
    assert Chime(enabled=False).play("finished") is False


def test_without_qtmultimedia_the_chime_says_once_that_the_countdown_flashes(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import now fails
    told: list[str] = []
    chime = Chime(enabled=True, on_unavailable=told.append)
    assert told == []  # nothing is loaded (or said) before the first chime is due
    assert chime.play("phase") is False
    assert chime.play("finished") is False
    assert told == ["No sound: the countdown flashes instead"]
    silent: list[str] = []
    assert Chime(enabled=False, on_unavailable=silent.append).play("finished") is False
    assert silent == []  # switched off on purpose: nothing to report


def test_the_state_uses_the_chime_and_flashes_only_when_it_fails(
        qtbot: QtBot, sample: Session, clock: Clock) -> None:
    played: list[str] = []
    state = PresenterState(sample, DARK, SupportSource("us"), clock=clock,
                           play_chime=lambda kind: played.append(kind) is None)
    state.go_to_number(PAIRS_PROMPT + 1)
    state.toggle_timer()
    clock.advance(241)
    state.tick()
    assert played == ["finished"]
    assert not state.flashing


def test_timing_report_is_saved_as_json(
        qtbot: QtBot, make_presenter: MakePresenter, sample: Session, clock: Clock,
        tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    state = make_presenter(sample).state
    clock.advance(90)
    state.go_to_number(3)
    clock.advance(600)
    path = state.save_timing_report(tmp_path / "timing")
    assert path is not None and path.suffix == ".json"
    report = json.loads(path.read_text(encoding="utf-8"))
    assert report["session"] == "Numb in Medicine"
    assert [s["actual_minutes"] for s in report["sections"]] == [1.5, 10.0, 0.0, 0.0]
    assert report["finished"] is True


def test_the_projector_repaints_when_the_countdown_changes_not_every_tick(
        qtbot: QtBot, make_presenter: MakePresenter, sample: Session, clock: Clock) -> None:
    from PySide6.QtCore import QCoreApplication

    presenter = make_presenter(sample)
    state = presenter.state
    view = presenter.projector.view
    presenter.screens.show_full_screen()
    state.go_to_number(PAIRS_PROMPT + 1)
    state.toggle_timer()
    QCoreApplication.processEvents()
    paints = []
    original = view.paintEvent

    def counting(event):  # type: ignore[no-untyped-def]
        paints.append(state.timer_snapshot().display)  # type: ignore[union-attr]
        original(event)

    view.paintEvent = counting  # type: ignore[method-assign]
    for _ in range(5):  # five ticks inside one second: the display stays "4:00"
        clock.advance(0.15)
        state.tick()
        QCoreApplication.processEvents()
    assert paints == []
    clock.advance(1.0)
    state.tick()
    QCoreApplication.processEvents()
    assert paints == ["3:59"]
