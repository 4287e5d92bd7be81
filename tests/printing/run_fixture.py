"""A saved run for the results report tests (aggregate counts only, as the journal writes)."""

from __future__ import annotations

from facilitator.core.runs.results import (
    ApprovedText,
    Count,
    MatrixRow,
    PollResult,
    RunResults,
    TimingRow,
)

RUN = RunResults(
    session_title="Numb in Medicine",
    threshold=5,
    date="2026-11-29",
    polls=(
        PollResult("room-check", "Which of these sounds most like you this term?", "single",
                   14,
                   options=(Count("Stressed but engaged", 6), Count("Occasionally numb", 5),
                            Count("Persistently numb", 2), Count("Actively burnt out", 0),
                            Count("Prefer not to say", 1))),
        PollResult("drivers", "Which two drivers weigh most?", "multiple", 12,
                   options=(Count("Constant evaluation", 9), Count("No real recovery time", 8),
                            Count("Suffering we cannot fix", 3))),
        PollResult("gut-check", "Where do people sit on each row?", "matrix", 11,
                   columns=("1", "2", "3", "4", "5"),
                   rows=(MatrixRow("Scope", (1, 1, 7, 1, 1)),
                         MatrixRow("Energy", (0, 0, 0, 5, 6)))),
        PollResult("keeps-going", "What keeps people acting on their values?", "word", 13,
                   options=(Count("patients", 7), Count("my sister Ana", 1))),
        PollResult("takeaway", "One thing you will take away", "text", 9),
        PollResult("thick-skin", "Told you need a thick skin?", "yes-no", 3,
                   options=(Count("Yes", 3), Count("No", 0), Count("Unsure", 0))),
    ),
    approved_texts=(ApprovedText("takeaway", "Talk to one person this week — really."),),
    timing=(TimingRow("Welcome and content note", 5, 6.5), TimingRow("The crossroads", 14, 12.0)),
)
