"""The results report goes through the one risk screen too."""

from __future__ import annotations

from facilitator.core.runs.from_journal import results_from_export
from facilitator.core.session.model import Section, Session, Slide, SlideKind
from tests import polls

SESSION = Session("T", (Section("S", 5, (
    Slide("W", SlideKind.POLL, poll=polls.WORD),
    Slide("I", SlideKind.POLL, poll=polls.TEXT),
)),))


def test_risky_words_and_texts_stay_out_of_the_report() -> None:
    export = {"polls": {
        "word": {"answers": ["hope", "hope", "hope", "kms", "kms", "kms"],
                 "approved": ["hope", "hope", "hope"]},  # a word decision, on its rows
        "idea": {"answers": ["Naps", "I want to kill myself", "Tea"],
                 "approved": ["Naps", "I want to kill myself"]},
    }}
    results = results_from_export(export, SESSION)
    words = next(p for p in results.polls if p.poll_id == "word")
    assert [(c.label, c.count) for c in words.options if c.label != "Prefer not to say"] == [
        ("hope", 3)]
    assert [t.text for t in results.approved_texts] == ["Naps"]
