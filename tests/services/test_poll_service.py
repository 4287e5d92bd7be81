"""The poll service never runs two servers on one ballot box, even when one is stuck."""

from __future__ import annotations

import threading

import pytest

from facilitator.core.session.model import Section, Session, Slide, SlideKind
from facilitator.services.poll_service import PollService
from facilitator.services.settings import Settings
from tests import polls


def service() -> PollService:
    slides = (Slide("Mood", SlideKind.POLL, poll=polls.SINGLE),)
    return PollService(Session("Test", (Section("One", 10, slides),)), Settings(port=0))


def test_no_second_server_beside_a_stuck_one() -> None:
    polling = service()
    first = polling.start("127.0.0.1")
    release = threading.Event()
    first.call(release.wait, 10)  # a handler stuck on the loop (a full disk, say)
    try:
        assert polling.stop(timeout=0.2) is False
        with pytest.raises(OSError, match="has not stopped yet"):
            polling.start(None)  # the offline fallback may not start beside it either
        with pytest.raises(OSError, match="has not stopped yet"):
            polling.start("127.0.0.1")
        assert polling.stop(timeout=0.2) is False  # still stuck: still says so
    finally:
        release.set()
    pause = threading.Event()
    for _ in range(100):  # asked again without waiting, as the app does: ends within 10 s
        if polling.stop():
            break
        pause.wait(0.1)
    assert polling.stop() is True
    second = polling.start("127.0.0.1")  # the box was handed back: a new server may take it
    try:
        second.call(polling.box.open, "mood").result(5)
    finally:
        assert polling.stop() is True
    polling.box.close("mood")  # stopped cleanly: the box is this thread's again
