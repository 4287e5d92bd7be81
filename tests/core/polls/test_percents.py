"""Largest-remainder percentages: always 100 in all, never more than one point off."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.polls.percents import whole_percents


def test_three_equal_thirds_add_up_to_100() -> None:
    assert whole_percents([1, 1, 1]) == (34, 33, 33)


def test_where_rounding_each_share_misses_100() -> None:
    assert sum(round(n * 100 / 7) for n in [1] * 7) == 98  # 14% seven times
    assert sum(whole_percents([1] * 7)) == 100


def test_nobody_answered() -> None:
    assert whole_percents([0, 0]) == (0, 0)


def test_ties_go_to_the_larger_count() -> None:
    assert whole_percents([2, 1, 0]) == (67, 33, 0)


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=12))
def test_always_100_and_close_to_exact(counts: list[int]) -> None:
    figures = whole_percents(counts)
    people = sum(counts)
    if people == 0:
        assert set(figures) == {0}
        return
    assert sum(figures) == 100
    for count, figure in zip(counts, figures, strict=True):
        assert abs(figure - count * 100 / people) < 1


def test_a_single_choice_chart_prints_figures_that_add_up() -> None:
    from facilitator.core.polls.tally import ChoiceTally, count
    from facilitator.core.session.loader import load_session
    from facilitator.services import assets

    session = load_session(assets.slide_file()).session
    assert session is not None
    poll = next(s.poll for s in session.slides if s.poll and s.poll.id == "room-check")
    tally = count(poll, ["stressed-but-engaged", "occasionally-numb", "persistently-numb"])
    assert isinstance(tally, ChoiceTally)
    assert [bar.percent for bar in tally.bars] == [34, 33, 33, 0]
