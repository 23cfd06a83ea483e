"""The agenda's countdown: visible to the room, amber in the last minute, running over shown not blocked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from strategy.charts.workshop import vote_totals_chart
from strategy.workshop.agenda import clamp, countdown, ordered

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("elapsed", "text", "state"),
    [
        (0, "10:00 left", "on_time"),
        (8 * 60 + 59, "01:01 left", "on_time"),
        (9 * 60, "01:00 left", "last_minute"),
        (10 * 60, "00:00 left", "last_minute"),
        (11 * 60 + 5, "over by 01:05", "over"),
    ],
)
def test_the_countdown_turns_amber_in_the_last_minute_and_shows_running_over(elapsed, text, state):
    shown = countdown(10, START, START + timedelta(seconds=elapsed))
    assert (shown.text, shown.state) == (text, state)


def test_the_agenda_runs_in_position_order_and_arrows_stop_at_its_ends():
    steps = [{"id": 1, "position": 2, "title": "b"}, {"id": 2, "position": 0, "title": "a"}]
    assert [s["title"] for s in ordered(steps)] == ["a", "b"]
    assert (clamp(-1, steps), clamp(5, steps), clamp(3, [])) == (0, 1, 0)


def test_the_vote_chart_puts_the_favourite_on_top_and_shows_markup_literally():
    figure = vote_totals_chart([(1, "<b>Bold?</b>"), (2, "Members lapse")], {2: 3, 1: 1})
    bar = figure.data[0]
    assert list(bar.y) == ["&lt;b&gt;Bold?&lt;/b&gt;", "Members lapse"] and list(bar.x) == [1, 3]
