"""The ```evaluation block: the default set and before/after items become ordinary polls
(one slide each), and every mistake is one FILE:LINE:COL message."""

from __future__ import annotations

import pytest

from facilitator.core.session.evaluation import evaluation_phase
from facilitator.core.session.loader import parse_session
from facilitator.core.session.model import PollType

HEAD = "---\ntitle: T\nminutes: 10\n---\n\n# Part (10 min)\n\n"  # the body starts on line 8
BEFORE = ("## Start\n\n```evaluation\nphase: before\nbefore-after:\n"
          "- How able do you feel to notice numbness in yourself?\nlow: Not at all\n"
          "high: Very able\n```\n\n")
END = "## End\n\nQuick questions.\n\n```evaluation\n```\n"


def test_before_and_end_blocks_become_polls_in_the_order_asked() -> None:
    result = parse_session(HEAD + BEFORE + "## Middle\n\nText\n\n" + END, "s.md")
    assert result.ok, result.errors
    assert result.session is not None
    slides = result.session.slides
    assert [s.title for s in slides] == ["Start", "Middle"] + ["End"] * 5
    polls = result.session.evaluation_polls
    assert [(p.id, p.evaluation, p.type) for p in polls] == [
        ("eval-before-1", "before", PollType.SCALE),
        ("eval-useful", "end", PollType.SCALE),
        ("eval-keep", "end", PollType.TEXT),
        ("eval-change", "end", PollType.TEXT),
        ("eval-recommend", "end", PollType.YES_NO),
        ("eval-after-1", "after", PollType.SCALE),
    ]
    before, after = polls[0], polls[-1]
    assert before.question == after.question and before.pair == after.pair
    assert after.scale_labels == ("Not at all", "Very able")
    assert all(p.reveal_on_close and p.min_responses == 5 for p in polls)
    assert slides[-1].blocks  # the slide's text is on every item's slide
    assert [evaluation_phase(p.id) for p in polls] == [p.evaluation for p in polls]


def test_end_only_with_defaults_off_and_no_items_is_refused() -> None:
    result = parse_session(HEAD + "## End\n\n```evaluation\ndefaults: no\n```\n", "s.md")
    assert not result.ok
    assert [str(e) for e in result.errors] == ["s.md:10:1: this evaluation asks nothing: use "
                                               '"defaults: yes" or add before-after questions']


CASES = [
    ("bad phase", "## S\n\n```evaluation\nphase: middle\n```\n", "s.md:11:8:",
     'phase must be "before" or "end", not "middle"'),
    ("before without items", "## S\n\n```evaluation\nphase: before\n```\n", "s.md:10:1:",
     'a "phase: before" evaluation needs a "before-after:" list'),
    ("items at the end", "## S\n\n```evaluation\nbefore-after:\n- Q?\n```\n", "s.md:11:",
     '"before-after" questions belong in the "phase: before" block'),
    ("bad defaults", "## S\n\n```evaluation\ndefaults: maybe\n```\n", "s.md:11:11:",
     '"defaults" must be yes or no, not "maybe"'),
    ("low minimum", "## S\n\n```evaluation\nmin-responses: 2\n```\n", "s.md:11:16:",
     "min-responses must be at least 3"),
    ("unknown key", "## S\n\n```evaluation\nphases: end\n```\n", "s.md:11:",
     'unknown key "phases" in evaluation block (did you mean "phase"?)'),
    ("before never asked again", BEFORE, "s.md:10:1:", 'these "before" questions are never '
     "asked again"),
    ("two end blocks", END + "\n" + END.replace("End", "Again"), "s.md:",
     "a second end evaluation (first on line 12)"),
    ("before after end", END + "\n" + BEFORE, "s.md:", 'only one "phase: before" evaluation'),
    ("reserved poll id", "## S\n\n```poll\nid: eval-mine\nquestion: Q\ntype: yes-no\n```\n",
     "s.md:11:5:", 'poll ids starting "eval-" are kept for the evaluation'),
    ("with a poll", "## S\n\n```poll\nid: a\nquestion: Q\ntype: yes-no\n```\n\n```evaluation\n"
     "```\n", "s.md:8:1:", 'has an evaluation and a poll'),
]


@pytest.mark.parametrize(("body", "where", "words"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_mistakes_are_file_line_col_messages(body: str, where: str, words: str) -> None:
    result = parse_session(HEAD + body, "s.md")
    assert not result.ok
    matching = [str(e) for e in result.errors if words in e.message]
    assert matching, [str(e) for e in result.errors]
    assert matching[0].startswith(where), matching
