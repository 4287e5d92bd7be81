"""Join poster (QR to the server's URL) and results report (threshold applied)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from facilitator.core.runs.results import Count, PollResult, RunResults
from facilitator.core.session.model import Session
from facilitator.printing import PrintContext, PrintError, build_poster, build_report
from facilitator.printing.report import cell_labels
from tests.printing.pdfs import flat, page_size_mm, page_texts, qr_codes, reader
from tests.printing.run_fixture import RUN

JOIN = "http://192.168.1.23:8765/join?t=Xq3v9KfP2mT8wL1aZ0bC4dE5"


def test_poster_qr_opens_the_join_url(session: Session,
                                      make_ctx: Callable[..., PrintContext]) -> None:
    pdf = build_poster(session, make_ctx(paper="letter"), JOIN, "K7Q2")
    assert page_size_mm(pdf) == (215.9, 279.4)
    assert [qr.text for qr in qr_codes(pdf, 0, scale=1)] == [JOIN]
    text = flat(page_texts(pdf)[0])
    assert "192.168.1.23:8765" in text and "room code K7Q2" in text
    assert "no IP addresses stored" in text


def test_poster_refuses_a_url_a_phone_cannot_open(
        session: Session, make_ctx: Callable[..., PrintContext]) -> None:
    with pytest.raises(PrintError, match="must start with http"):
        build_poster(session, make_ctx(), "192.168.1.23:8765")


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8765/join", "http://localhost:8765/", "http://[::1]:8765/",
    "http://169.254.10.20:8765/", "http://[fe80::1]:8765/", "http://0.0.0.0:8765/",
    "http://[::ffff:127.0.0.1]:8765/", "http://127.1:8765/",
])
def test_poster_refuses_addresses_phones_cannot_reach(
        session: Session, make_ctx: Callable[..., PrintContext], url: str) -> None:
    with pytest.raises(PrintError, match="phones in the room cannot open"):
        build_poster(session, make_ctx(), url)
    # A test may still ask for it.
    pdf = build_poster(session, make_ctx(), url, allow_local=True)
    assert [qr.text for qr in qr_codes(pdf, 0, scale=1)] == [url]


@pytest.mark.parametrize(("url", "message"), [
    ("http://[::1/join", "not a valid address"), ("http://10.0.0.2:99999/", "not a valid address"),
    ("http://", "has no host"), ("http:///join", "has no host"),
])
def test_poster_says_what_is_wrong_with_a_malformed_url(
        session: Session, make_ctx: Callable[..., PrintContext], url: str, message: str) -> None:
    """A message, not a ValueError traceback nor a poster whose QR opens nothing."""
    with pytest.raises(PrintError, match=message):
        build_poster(session, make_ctx(), url, allow_local=True)


@pytest.fixture(scope="module")
def report_text() -> str:
    from facilitator.services import assets

    ctx = PrintContext(region=assets.support_region("us"),
                       font_dir=assets.font_path("DejaVuSans.ttf").parent)
    pdf = build_report(RUN, ctx)
    metadata = reader(pdf).metadata
    assert metadata is not None and metadata.title == "Numb in Medicine: results"
    return flat(" ".join(page_texts(pdf, layout=True)))


def test_report_masks_small_cells(report_text: str) -> None:
    assert "Stressed but engaged 6" in report_text
    assert "Occasionally numb 5" in report_text
    assert "Persistently numb fewer than 5" in report_text
    assert "Actively burnt out fewer than 5" in report_text
    assert "Suffering we cannot fix fewer than 5" in report_text
    # Matrix cells are masked too.
    assert "Scope fewer than 5 fewer than 5 7 fewer than 5 fewer than 5" in report_text


def test_report_hides_polls_below_the_threshold_and_rare_words(report_text: str) -> None:
    assert "Fewer than 5 people answered, so the results are not shown." in report_text
    assert "my sister Ana" not in report_text  # a rare word could name its writer
    assert "1 other word, each given by fewer than 5 people, not shown." in report_text
    assert "patients 7" in report_text


def test_report_has_approved_text_and_timing(report_text: str) -> None:
    assert "“Talk to one person this week — really.”" in report_text
    assert "Welcome and content note 5 min 6.5 min +1.5 min" in report_text
    assert "Total 19 min 18.5 min -0.5 min" in report_text
    assert "Text HOME to 741741" in report_text  # help on every page



def test_poster_types_the_bare_address_and_keeps_the_token_for_the_qr(
        session: Session, make_ctx: Callable[..., PrintContext]) -> None:
    text = flat(page_texts(build_poster(session, make_ctx(), JOIN, "K7Q2"))[0])
    assert "192.168.1.23:8765" in text and "K7Q2" in text
    assert "Xq3v9KfP2mT8wL1aZ0bC4dE5" not in text, "the secret token is for the QR only"
    without_code = flat(page_texts(build_poster(session, make_ctx(), JOIN))[0])
    assert JOIN in without_code, "with no room code, the whole link is the only way in"


def _report(run: RunResults, anchors: dict[str, tuple[str, str]] | None = None) -> str:
    from facilitator.services import assets

    ctx = PrintContext(region=assets.support_region("us"),
                       font_dir=assets.font_path("DejaVuSans.ttf").parent)
    return flat(" ".join(page_texts(build_report(run, ctx, anchors=anchors), layout=True)))


def test_a_count_hidden_only_to_protect_another_reads_not_shown() -> None:
    """Yes = 5 is safe to show, but with No = 2 the only hidden count, 5 would give 2 away
    from the total: Yes is held back, and labelled for what it is, not "fewer than 5"."""
    run = replace(RUN, polls=(PollResult("thick-skin", "Told you need a thick skin?",
                                         "yes-no", 13, options=(Count("Yes", 5), Count("No", 2),
                                                                Count("Unsure", 6))),))
    text = _report(run)
    assert "Yes not shown" in text and "No fewer than 5" in text and "Unsure 6" in text
    assert "Yes fewer than 5" not in text
    assert "“Not shown”: a count of 5 or more, held back" in text
    assert cell_labels((5, 2, 6), 5, True) == ("not shown", "fewer than 5", "6")


def test_a_poll_where_every_answer_is_small_says_so_once() -> None:
    run = replace(RUN, polls=(PollResult("room-check", "Which sounds like you?", "single", 8,
                                         options=(Count("A", 3), Count("B", 4),
                                                  Count("C", 1))),))
    text = _report(run)
    assert "Every answer was given by fewer than 5 people" in text
    assert "fewer than 5 fewer than 5" not in text and text.count("fewer than 5") == 2


def test_a_room_under_the_minimum_is_said_once() -> None:
    polls = tuple(replace(poll, responses=3) for poll in RUN.polls)
    text = _report(replace(RUN, polls=polls, approved_texts=()))
    assert "No poll reached 5 answers in this room" in text
    assert "Which two drivers weigh most?" in text  # the questions are listed
    assert "Fewer than 5 people answered" not in text and "Constant evaluation" not in text


def test_matrix_and_scale_columns_carry_the_anchors() -> None:
    text = _report(RUN, {"gut-check": ("Normal phase", "Real problem")})
    assert "1 · Normal 2 3 4 5 · Real phase problem" in text  # two-line header cells


def test_scale_bars_carry_each_anchor_once_and_prefer_not_none() -> None:
    """A scale poll's bars come from the tally already reading "1 Never": the report must
    not add the anchor again, nor put the high end on "Prefer not to say"."""
    tallied = PollResult("open-talk", "How openly?", "scale", 12, options=(
        Count("1 Never", 5), Count("2", 1), Count("3", 0), Count("4", 0),
        Count("5 All the time", 6), Count("Prefer not to say", 0)))
    text = _report(replace(RUN, polls=(tallied,)), {"open-talk": ("Never", "All the time")})
    assert "1 Never 5" in text and "5 All the time 6" in text
    assert "Never · Never" not in text and "All the time · All the time" not in text
    assert "Prefer not to say · " not in text
    bare = replace(tallied, options=(Count("1", 5), Count("2", 1), Count("3", 0), Count("4", 0),
                                     Count("5", 6), Count("Prefer not to say", 0)))
    text = _report(replace(RUN, polls=(bare,)), {"open-talk": ("Never", "All the time")})
    assert "1 · Never 5" in text and "5 · All the time 6" in text
    assert "Prefer not to say · " not in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_long_room_code_stays_on_the_paper(
        session: Session, make_ctx: Callable[..., PrintContext], paper: str) -> None:
    from facilitator.printing import theme
    from tests.printing.runs import text_runs

    code = "WORKSHOP-2026-ROOM-B"
    pdf = build_poster(session, make_ctx(paper=paper), JOIN, code)
    width = theme.page_size(paper)[0]
    shown = [run for run in text_runs(pdf, 0) if run.text == code]
    assert len(shown) == 1
    assert theme.MARGIN - 1 <= shown[0].left and shown[0].right <= width - theme.MARGIN + 1
