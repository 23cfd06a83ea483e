"""The tracking status rule: a KPI's latest actual against the straight path from baseline to target."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategy.sustain.tracking import Thresholds, kpi_status, kpi_statuses, target_path

START = date(2026, 1, 1)
RULE = Thresholds(at_risk=0.05, off_track=0.25)


def kpi(**changes):
    base = {
        "id": 1,
        "name": "Renewal rate",
        "objective_id": 1,
        "kind": "lagging",
        "baseline": 70.0,
        "target": 80.0,
        "target_date": date(2027, 1, 1),
        "good_direction": "up",
        "cadence_months": 1,
    }
    return base | changes


def actual(value, on=date(2026, 7, 2)):
    return {"kpi_id": 1, "measured_on": on, "value": value}


def test_the_path_runs_straight_from_baseline_to_target_and_stays_there():
    assert target_path(kpi(), START, date(2025, 6, 1)) == 70.0
    assert target_path(kpi(), START, date(2026, 7, 2)) == pytest.approx(75.0, abs=0.02)
    assert target_path(kpi(), START, date(2028, 1, 1)) == 80.0
    assert target_path(kpi(target=None), START, date(2026, 7, 2)) is None


# Half-way through the year the path is at 75 (a planned change of 10).
CASES = [
    pytest.param(kpi(), 76.0, "on track", "TRACK-STATUS", id="ahead of the path"),
    pytest.param(kpi(), 74.6, "on track", "TRACK-STATUS", id="4 % behind: inside the band"),
    pytest.param(kpi(), 73.0, "at risk", "TRACK-RISK", id="20 % behind"),
    pytest.param(kpi(), 72.0, "off track", "TRACK-STATUS", id="30 % behind"),
    pytest.param(
        kpi(baseline=80.0, target=70.0, good_direction="down"),
        78.0,
        "off track",
        "TRACK-STATUS",
        id="down is good: above the path is behind",
    ),
    pytest.param(
        kpi(baseline=80.0, target=70.0, good_direction="down"),
        74.0,
        "on track",
        "TRACK-STATUS",
        id="down is good: below the path is ahead",
    ),
]


@pytest.mark.parametrize(("record", "value", "status", "rule_id"), CASES)
def test_the_status_follows_the_gap_in_the_good_direction(record, value, status, rule_id):
    found = kpi_status(record, actual(value), START, date(2026, 7, 10), RULE)
    assert (found.status, found.rule_id) == (status, rule_id)


def test_stale_overrides_the_colour_and_no_actual_is_no_data():
    quarterly = kpi(cadence_months=3)
    assert kpi_status(kpi(), actual(90.0), START, date(2026, 8, 3), RULE).status == "stale"
    assert kpi_status(quarterly, actual(90.0), START, date(2026, 8, 3), RULE).status == "on track"
    assert kpi_status(quarterly, actual(90.0), START, date(2026, 10, 3), RULE).rule_id == "TRACK-STALE"
    assert kpi_status(kpi(), None, START, date(2026, 8, 3), RULE).status == "no data"
    assert kpi_status(kpi(target_date=None), actual(75), START, date(2026, 7, 3), RULE).status == "no data"


def test_an_actual_after_the_review_date_is_not_used():
    later = [actual(60.0, date(2026, 6, 28)), actual(79.0, date(2026, 12, 28))]
    assert kpi_statuses([kpi()], later, START, date(2026, 7, 10), RULE)[0].latest == 60.0


@settings(deadline=None)  # a shared two-core machine: timings vary, the property does not
@given(value=st.floats(-1e6, 1e6), better=st.floats(0.001, 1e4), down=st.booleans())
def test_a_better_actual_never_gets_a_worse_status(value, better, down):
    record = kpi(baseline=80.0, target=70.0, good_direction="down") if down else kpi()
    improved = value - better if down else value + better
    rank = {"off track": 0, "at risk": 1, "on track": 2}
    worse = kpi_status(record, actual(value), START, date(2026, 7, 10), RULE).status
    best = kpi_status(record, actual(improved), START, date(2026, 7, 10), RULE).status
    assert rank[best] >= rank[worse]
