"""The SMART check: every rule of docs/METHOD.md, case by case, and what holds for any objective."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategy.define.method import rule_book
from strategy.define.smart import (
    LETTERS,
    RULES,
    SmartContext,
    annual_change,
    check_objective,
    smart_context,
    vague_title,
)
from tests.factories_define import CONTEXT, PLAN_START, objective

BY_ID = {r.rule_id: r for r in RULES}


def judge(rule_id: str, context: SmartContext = CONTEXT, **changes):
    return BY_ID[rule_id].judge(objective(**changes), context)


# (rule, changes to a SMART objective, verdict, words the message must contain)
METRIC_NAMED = ("SMART-S1", {}, "pass", "first-contact resolution")
METRIC_MISSING = ("SMART-S1", {"metric": ""}, "fail", "No metric is named")
METRIC_ONLY_SPACES = ("SMART-S1", {"metric": "   "}, "fail", "No metric is named")
TITLE_ONLY_VAGUE = ("SMART-S2", {"title": "Improve and optimise"}, "fail", "only vague words")
TITLE_VAGUE_WITH_FILLER = ("SMART-S2", {"title": "Do better at things"}, "fail", "only vague words")
TITLE_ONE_VAGUE_VERB = ("SMART-S2", {"title": "Enhance"}, "fail", "only vague words")
TITLE_VAGUE_BUT_A_NUMBER = ("SMART-S2", {"title": "Improve by 10 %"}, "pass", "names what changes")
# The sample's vague objective fails overall; its title must fail S2 too, not show as passed.
TITLE_VAGUE_VERB_WITH_OBJECT = ("SMART-S2", {"title": "Improve campaign efficiency", "metric": ""}, "fail", "no number")
TITLE_OBJECT_NOT_THE_METRIC = (
    "SMART-S2",
    {"title": "Improve campaign efficiency", "metric": "cost per campaign response"},
    "fail",
    "does not name the metric",
)
TITLE_NAMES_THE_METRIC = (
    "SMART-S2",
    {"title": "Raise the renewal rate", "metric": "12-month renewal rate"},
    "pass",
    "names the metric",
)
NEGATIVE_VALUES_QUESTIONED = (
    "SMART-M1",
    {"baseline": -5.0, "target": -2.0, "unit": "days"},
    "pass",
    "below zero: is that intended?",
)
NEGATIVE_NET_SCORE_ACCEPTED = ("SMART-M1", {"baseline": -12.0, "target": 5.0, "unit": "net score"}, "pass", "-12")
NUMBERS_SET = ("SMART-M1", {}, "pass", "Baseline 64, target 80")
BASELINE_MISSING = ("SMART-M1", {"baseline": None}, "fail", "baseline is not set")
BOTH_MISSING = ("SMART-M1", {"baseline": None, "target": None}, "fail", "baseline and target are not set")
TARGET_NOT_A_NUMBER = ("SMART-M1", {"target": math.nan}, "fail", "target is not set")
UNIT_SET = ("SMART-M2", {}, "pass", "Counted in %")
UNIT_MISSING = ("SMART-M2", {"unit": ""}, "fail", "No unit is set")
TARGET_DIFFERS = ("SMART-M3", {}, "pass", "+16")
TARGET_EQUALS_BASELINE = ("SMART-M3", {"target": 64.0}, "fail", "equals the baseline (64)")
CHANGE_NOT_COMPARABLE = ("SMART-M3", {"target": None}, "fail", "Cannot compare")
WITHIN_BOUND = ("SMART-A1", {}, "pass", "Plausible: 16.8% a year over 1.5 years")
BEYOND_BOUND = (
    "SMART-A1",
    {"baseline": 5000.0, "target": 12000.0, "due_date": date(2027, 12, 31)},
    "stretch",
    "Stretch: 70.1% a year over 2.0 years (bound 50% a year)",
)
EXACTLY_AT_BOUND = ("SMART-A1", {"baseline": 100.0, "target": 300.0, "due_date": date(2030, 1, 1)}, "pass", "50.0%")
DOWNWARD_CHANGE = ("SMART-A1", {"baseline": 5.0, "target": 2.0, "due_date": date(2028, 1, 1)}, "pass", "30.0% a year")
STEEP_DOWNWARD = ("SMART-A1", {"baseline": 5.0, "target": 1.0, "due_date": date(2027, 1, 1)}, "stretch", "80.1%")
FROM_ZERO = ("SMART-A1", {"baseline": 0.0, "target": 4000.0, "unit": "members"}, "pass", "judged by its target alone")
FROM_ZERO_PAST_100_PERCENT = ("SMART-A1", {"baseline": 0.0, "target": 120.0}, "fail", "cannot reach 120 %")
NO_DUE_DATE_TO_JUDGE = ("SMART-A1", {"due_date": None}, "fail", "Cannot judge until")
DUE_BEFORE_START_TO_JUDGE = ("SMART-A1", {"due_date": date(2025, 6, 30)}, "fail", "not after the plan start")
SERVES_A_NEED = ("SMART-R1", {}, "pass", "Serves 1 need")
SERVES_A_PRIORITY = ("SMART-R1", {"need_ids": [], "priority_id": 3}, "pass", "a vision priority")
SERVES_NOTHING = ("SMART-R1", {"need_ids": [], "priority_id": None}, "fail", "Serves no need and no vision priority")
DUE_SET = ("SMART-T1", {}, "pass", "Due 30 Jun 2027")
DUE_MISSING = ("SMART-T1", {"due_date": None}, "fail", "No due date")
DUE_INSIDE = ("SMART-T2", {}, "pass", "inside the plan")
DUE_ON_PLAN_START = ("SMART-T2", {"due_date": PLAN_START}, "fail", "not after the plan start")
DUE_ON_LAST_DAY = ("SMART-T2", {"due_date": date(2028, 12, 31)}, "pass", "inside the plan")
DUE_AFTER_HORIZON = ("SMART-T2", {"due_date": date(2029, 1, 1)}, "fail", "beyond the horizon")

CASES = [
    METRIC_NAMED,
    METRIC_MISSING,
    METRIC_ONLY_SPACES,
    TITLE_ONLY_VAGUE,
    TITLE_VAGUE_WITH_FILLER,
    TITLE_ONE_VAGUE_VERB,
    TITLE_VAGUE_BUT_A_NUMBER,
    TITLE_VAGUE_VERB_WITH_OBJECT,
    TITLE_OBJECT_NOT_THE_METRIC,
    TITLE_NAMES_THE_METRIC,
    NUMBERS_SET,
    NEGATIVE_VALUES_QUESTIONED,
    NEGATIVE_NET_SCORE_ACCEPTED,
    BASELINE_MISSING,
    BOTH_MISSING,
    TARGET_NOT_A_NUMBER,
    UNIT_SET,
    UNIT_MISSING,
    TARGET_DIFFERS,
    TARGET_EQUALS_BASELINE,
    CHANGE_NOT_COMPARABLE,
    WITHIN_BOUND,
    BEYOND_BOUND,
    EXACTLY_AT_BOUND,
    DOWNWARD_CHANGE,
    STEEP_DOWNWARD,
    FROM_ZERO,
    FROM_ZERO_PAST_100_PERCENT,
    NO_DUE_DATE_TO_JUDGE,
    DUE_BEFORE_START_TO_JUDGE,
    SERVES_A_NEED,
    SERVES_A_PRIORITY,
    SERVES_NOTHING,
    DUE_SET,
    DUE_MISSING,
    DUE_INSIDE,
    DUE_ON_PLAN_START,
    DUE_ON_LAST_DAY,
    DUE_AFTER_HORIZON,
]


@pytest.mark.parametrize(("rule_id", "changes", "verdict", "words"), CASES)
def test_each_rule_gives_its_verdict_and_says_why(rule_id, changes, verdict, words):
    result = judge(rule_id, **changes)
    assert (result.rule_id, result.verdict) == (rule_id, verdict)
    assert words in result.detail


def test_every_rule_has_at_least_one_failing_and_one_passing_case():
    verdicts = {(rule_id, verdict) for rule_id, _, verdict, _ in CASES}
    assert all({(r.rule_id, "pass"), (r.rule_id, "fail")} <= verdicts for r in RULES)


def test_the_plausibility_bound_is_a_setting(monkeypatch):
    monkeypatch.setenv("WORKBENCH_SMART_MAX_ANNUAL_CHANGE", "0.1")
    from models.settings import get_settings

    get_settings.cache_clear()
    try:
        context = smart_context(_workspace())
    finally:
        get_settings.cache_clear()
    assert context.max_annual_change == 0.1
    stretched = judge("SMART-A1", context)
    assert stretched.verdict == "stretch" and "(bound 10% a year)" in stretched.detail


def _workspace():
    from models.workspace import WorkspaceBase

    return WorkspaceBase(name="Plan", plan_start=PLAN_START, horizon_years=3)


def test_a_message_quotes_its_rule_from_the_rule_book():
    result = judge("SMART-S1", metric="")
    book = rule_book()["SMART-S1"]
    assert result.message == f"{result.detail} — SMART-S1: “{book.rule}”"


def test_the_vague_sample_objective_fails_specific_and_measurable():
    check = check_objective(
        objective(title="Improve campaign efficiency", metric="", unit="", baseline=None, target=None), CONTEXT
    )
    assert (check.letter("S").verdict, check.letter("M").verdict, check.verdict) == ("fail", "fail", "fail")
    # Every sub-rule shown agrees with the letter: the vague title fails S2 as well as S1.
    assert [(r.rule_id, r.verdict) for r in check.letter("S").results] == [("SMART-S1", "fail"), ("SMART-S2", "fail")]
    assert "SMART-S1" in check.letter("S").message and "SMART-M1" in check.letter("M").message


def test_a_smart_objective_passes_every_letter_in_order():
    check = check_objective(objective(), CONTEXT)
    assert [(v.letter, v.verdict) for v in check.letters] == [(letter, "pass") for letter in LETTERS]
    assert check.verdict == "pass"


def test_a_stretch_alone_makes_the_objective_a_stretch_and_a_failure_outranks_it():
    stretch = objective(baseline=5000.0, target=12000.0, due_date=date(2027, 12, 31))
    assert check_objective(stretch, CONTEXT).verdict == "stretch"
    assert check_objective(stretch | {"need_ids": []}, CONTEXT).verdict == "fail"


def test_a_letter_shows_only_its_failing_rules():
    check = check_objective(objective(metric=""), CONTEXT)
    assert check.letter("S").message.count("SMART-") == 1 and "SMART-S1" in check.letter("S").message


@given(
    baseline=st.floats(min_value=-1e6, max_value=1e6).filter(lambda b: abs(b) > 1e-3),
    target=st.floats(min_value=-1e6, max_value=1e6),
    years=st.floats(min_value=0.1, max_value=10),
    scale=st.floats(min_value=0.01, max_value=100),
)
def test_annual_change_is_relative_and_spread_over_the_years(baseline, target, years, scale):
    change = annual_change(baseline, target, years)
    assert change >= 0
    assert math.isclose(annual_change(baseline * scale, target * scale, years), change, rel_tol=1e-9, abs_tol=1e-12)
    assert math.isclose(annual_change(baseline, target, years * 2), change / 2, rel_tol=1e-9, abs_tol=1e-12)


@given(title=st.text(max_size=80), digit=st.integers(min_value=0, max_value=9), metric=st.text(max_size=30))
def test_a_title_with_a_number_is_never_vague(title, digit, metric):
    assert not vague_title(f"{title} {digit}", metric)


METRICS = st.sampled_from(["renewal rate", "churn", "cost per campaign response", "first-contact resolution"])


@given(title=st.text(max_size=80), metric=METRICS)
def test_a_title_that_carries_its_metric_is_never_vague(title, metric):
    assert not vague_title(f"{title} {metric.upper()}", metric)


def test_negative_values_pass_measurable_but_ask_whether_they_are_intended():
    result = judge("SMART-M1", baseline=-5.0, target=-2.0, unit="days")
    assert result.verdict == "pass" and result.caution
    check = check_objective(objective(baseline=-5.0, target=-2.0, unit="days"), CONTEXT)
    assert (check.letter("M").verdict, check.letter("M").mark) == ("pass", "check")
    assert "is that intended?" in check.letter("M").message
    assert not judge("SMART-M1", baseline=-12.0, target=5.0, unit="points", metric="net promoter score").caution
    assert check_objective(objective(), CONTEXT).letter("M").mark == "pass"


TITLES = st.one_of(st.text(max_size=60), st.sampled_from(["Improve", "Grow revenue 5 %", "Do better"]))
NUMBERS = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-1000, 1000))
DATES = st.one_of(st.none(), st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 1, 1)))


@given(
    title=TITLES,
    metric=st.text(max_size=20),
    unit=st.sampled_from(["", "%", "days"]),
    baseline=NUMBERS,
    target=NUMBERS,
    due=DATES,
    need_ids=st.lists(st.integers(1, 9), max_size=3),
)
def test_any_objective_gets_a_verdict_and_a_cited_message_for_every_letter(
    title, metric, unit, baseline, target, due, need_ids
):
    check = check_objective(
        objective(
            title=title, metric=metric, unit=unit, baseline=baseline, target=target, due_date=due, need_ids=need_ids
        ),
        CONTEXT,
    )
    assert [v.letter for v in check.letters] == list(LETTERS)
    for letter in check.letters:
        assert letter.verdict in {"pass", "fail", "stretch"}
        assert any(f"{r.rule_id}: “" in letter.message for r in letter.results)
    assert check.letter("T").verdict == ("pass" if due is not None and PLAN_START < due <= CONTEXT.plan_end else "fail")


def test_the_plan_window_ends_the_day_before_the_horizon_anniversary():
    assert CONTEXT.plan_end == date(2029, 1, 1) - timedelta(days=1)
