"""The print dialog's producers: what the desktop app hands the Qt print dialog."""

from __future__ import annotations

from facilitator.core.session.loader import load_session
from facilitator.services import assets, materials
from facilitator.services.settings import Settings
from tests.printing.pdfs import flat, page_texts
from tests.printing.run_fixture import RUN


def test_the_desktop_report_labels_matrix_columns_from_the_run_session() -> None:
    """The app's "Report" button goes through report_producer: with the run's session the
    matrix columns carry the scale's end labels, as `facilitator report` prints them."""
    session = load_session(assets.slide_file()).session
    assert session is not None
    produce = materials.report_producer(RUN, Settings(), session)
    text = " ".join(flat(page) for page in page_texts(produce("a4", "us", ("report",), None)["report"]))
    assert "1 · Normal" in text
    without = materials.report_producer(RUN, Settings())("a4", "us", ("report",), None)["report"]
    assert "1 · Normal" not in " ".join(flat(page) for page in page_texts(without))
