"""Sample polls of every type, shared by the ballot, web, Qt and end-to-end tests."""

from __future__ import annotations

from facilitator.core.session.model import Option, Poll, PollType


def opts(*labels: str) -> tuple[Option, ...]:
    return tuple(Option(f"o{index}", label) for index, label in enumerate(labels, start=1))


SINGLE = Poll("mood", "Which sounds most like you this term?", PollType.SINGLE,
              options=opts("Stressed but engaged", "Occasionally numb", "Persistently numb",
                           "Actively burnt out"),
              reference=(35, 30, 20, 15), reference_label="Article (%)", min_responses=3,
              sensitive=True)
MULTIPLE = Poll("barriers", "What stops people asking for help?", PollType.MULTIPLE,
                options=opts("Time", "Stigma", "Career worries", "Not knowing where"),
                max_choices=2)
SCALE = Poll("energy", "How full is your tank today?", PollType.SCALE, scale_min=1,
             scale_max=5, scale_labels=("Empty", "Full"))
MATRIX = Poll("gut", "Gut check", PollType.MATRIX,
              rows=opts("I feel detached from patients", "I look forward to work"),
              scale_min=1, scale_max=5, scale_labels=("Never", "Always"))
YES_NO = Poll("talked", "Have you talked about this with a peer?", PollType.YES_NO,
              options=(Option("yes", "Yes"), Option("no", "No"), Option("unsure", "Unsure")),
              reference=(40, 45, 15))
WORD = Poll("word", "One word for how the week felt", PollType.WORD, min_responses=3)
TEXT = Poll("idea", "One thing that would help", PollType.TEXT, min_responses=3)
NO_PREFER = Poll("plain", "Coffee or tea?", PollType.SINGLE, options=opts("Coffee", "Tea"),
                 prefer_not_to_say=False)

ALL = (SINGLE, MULTIPLE, SCALE, MATRIX, YES_NO, WORD, TEXT, NO_PREFER)
