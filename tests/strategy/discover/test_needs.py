"""Needs: the ranking score, the ranking itself, the organisation-wide recognition checks and the chart."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategy.charts.needs import needs_chart
from strategy.discover.needs import (
    MAX_SCORE,
    department_totals,
    need_score,
    rank_needs,
    recognition_findings,
    value_points,
)
from tests.factories_discover import need_row

NO_VALUE = None
AT_FLOOR = 10_000
TENFOLD = 100_000
MILLION = 1_000_000
HUGE = 10**12

SCORES = [
    # severity, reach, annual value, expected score
    (1, 1, NO_VALUE, 1.0),
    (5, 5, NO_VALUE, 25.0),
    (3, 3, 0, 9.0),
    (3, 2, AT_FLOOR, 6.0),
    (3, 2, TENFOLD, 7.0),
    (4, 4, MILLION, 18.0),
    (5, 5, 1_800_000, 27.3),
    (5, 5, HUGE, 30.0),  # value points are capped at 5
]


@pytest.mark.parametrize(("severity", "reach", "value", "expected"), SCORES)
def test_score_is_severity_times_reach_plus_value_points(severity, reach, value, expected):
    assert need_score(severity, reach, value) == expected


levels = st.integers(1, 5)
values = st.none() | st.floats(0, 1e13, allow_nan=False)


@given(levels, levels, values)
def test_score_stays_between_1_and_the_maximum(severity, reach, value):
    assert 1 <= need_score(severity, reach, value) <= MAX_SCORE


@given(levels, levels, values, st.floats(0, 1e13, allow_nan=False))
def test_more_severity_reach_or_money_never_lowers_the_score(severity, reach, value, extra):
    score = need_score(severity, reach, value)
    assert need_score(min(severity + 1, 5), reach, value) >= score
    assert need_score(severity, min(reach + 1, 5), value) >= score
    assert value_points((value or 0) + extra) >= value_points(value)


def test_money_cannot_outweigh_a_pain_everyone_feels():
    everyone = need_row(title="Everyone", severity=5, reach=5)
    rich_niche = need_row(title="Niche", severity=2, reach=2, annual_value=HUGE)
    assert [r.need["title"] for r in rank_needs([rich_niche, everyone])] == ["Everyone", "Niche"]


def test_ties_go_to_the_larger_money_value_then_severity():
    small = need_row(title="Small", severity=3, reach=3, annual_value=None)
    severe = need_row(title="Severe", severity=4, reach=2, annual_value=None)  # 8 < 9
    valued = need_row(title="Valued", severity=3, reach=3, annual_value=AT_FLOOR)  # 9, value at floor
    ranked = rank_needs([small, severe, valued])
    assert [(r.rank, r.need["title"], r.score) for r in ranked] == [
        (1, "Valued", 9.0),
        (2, "Small", 9.0),
        (3, "Severe", 8.0),
    ]


@given(st.lists(st.tuples(levels, levels, values), max_size=12))
def test_ranks_run_from_one_with_scores_never_rising(rows):
    ranked = rank_needs([need_row(severity=s, reach=r, annual_value=v) for s, r, v in rows])
    assert [r.rank for r in ranked] == list(range(1, len(rows) + 1))
    assert all(a.score >= b.score for a, b in itertools.pairwise(ranked))


BOTH_LEVELS = [("Sales", "leadership"), ("Service", "end_user")]
RECOGNITION = [
    # (department, level) of each need, warning codes expected
    pytest.param([], {"no_needs"}, id="nothing yet"),
    pytest.param([("Sales", "leadership"), ("Sales", "end_user")], {"one_department"}, id="one department"),
    pytest.param([("IT", "leadership"), ("Information Technology", "end_user")], {"only_it"}, id="only IT"),
    pytest.param([("Sales", "end_user"), ("Service", "department_lead")], {"no_top_down"}, id="no top-down"),
    pytest.param([("Sales", "leadership"), ("Service", "leadership")], {"no_bottom_up"}, id="no bottom-up"),
    pytest.param([("IT", "end_user")], {"only_it", "no_top_down"}, id="IT alone, bottom-up only"),
    pytest.param(BOTH_LEVELS, set(), id="recognised"),
]


@pytest.mark.parametrize(("raised", "expected"), RECOGNITION)
def test_recognition_checks_fire_on_exactly_the_gaps(raised, expected):
    findings = recognition_findings([need_row(department=d, level=lv) for d, lv in raised])
    assert {f.code for f in findings if f.level == "warning"} == expected


def test_the_one_department_warning_names_it_and_asks_the_question():
    findings = recognition_findings(
        [need_row(department="Marketing", level="leadership"), need_row(department="Marketing")]
    )
    message = next(f.message for f in findings if f.code == "one_department")
    assert "Marketing" in message and "recognised throughout the organisation?" in message


def test_department_totals_put_the_heaviest_department_first():
    ranked = rank_needs(
        [
            need_row(department="Finance", severity=2, reach=2),
            need_row(department="Sales", severity=5, reach=5),
            need_row(department="Finance", severity=3, reach=3),
        ]
    )
    assert department_totals(ranked) == {"Sales": 25.0, "Finance": 13.0}


def test_chart_tells_pains_from_opportunities_and_rows_are_departments():
    ranked = rank_needs(
        [
            need_row(title="Lapse", department="Leadership", level="leadership", severity=5, reach=5),
            need_row(title="Win-back", kind="opportunity", department="Marketing", severity=4, reach=4),
            need_row(title="Lists", department="Marketing", severity=2, reach=2),
        ]
    )
    spec = json.loads(needs_chart(ranked).to_json())
    traces = {t["name"]: t for t in spec["data"]}
    assert traces["Pain"]["text"] == ["1", "3"] and traces["Opportunity"]["text"] == ["2"]
    assert traces["Pain"]["marker"]["symbol"] != traces["Opportunity"]["marker"]["symbol"]
    assert traces["Pain"]["x"] == [25.0, 4.0]
    axis = spec["layout"]["yaxis"]
    assert dict(zip(axis["ticktext"], axis["tickvals"], strict=True)) == {"Leadership": 1, "Marketing": 0}


def test_needs_sharing_a_department_and_score_do_not_hide_each_other():
    ranked = rank_needs([need_row(title=f"Same {n}", severity=3, reach=3) for n in range(3)])
    ys = json.loads(needs_chart(ranked).to_json())["data"][0]["y"]
    assert len(set(ys)) == 3


@given(st.integers(1, 40))
def test_crowded_needs_stay_on_their_department_row(count):
    ranked = rank_needs([need_row(title=f"Same {n}", severity=3, reach=3) for n in range(count)])
    ys = json.loads(needs_chart(ranked).to_json())["data"][0]["y"]
    assert len(set(ys)) == count and all(abs(y) <= 0.4 + 1e-9 for y in ys)
