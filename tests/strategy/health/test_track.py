"""Health rules on tracking, judged on the sample strategy on the day of its quarterly review."""

from __future__ import annotations

from datetime import date

from strategy.health.runner import run_health
from strategy.health.track import lead_and_lag_agree, steps_reviewed, tracking_current
from strategy.health.types import HealthInput
from strategy.store.snapshot import workspace_records

REVIEW_DAY = date(2026, 12, 1)


def sample_input(engine, sample, **changes) -> HealthInput:
    return HealthInput(sample, workspace_records(engine, sample.id) | changes, REVIEW_DAY)


def test_a_leading_kpi_that_moved_with_a_lagging_one_that_did_not_is_flagged(engine, sample):
    result = lead_and_lag_agree(sample_input(engine, sample))
    assert result.status == "warn"
    assert "'Members flagged at risk and contacted' is on track but 'Renewal rate' is off track" in result.evidence


def test_stale_tracking_is_named_and_no_tracking_fails(engine, sample):
    result = tracking_current(sample_input(engine, sample))
    assert (result.status, result.evidence.split(": ")[-1]) == ("warn", "Members won back")
    assert tracking_current(sample_input(engine, sample, measurement=[])).status == "fail"


def test_steps_not_reviewed_within_the_cadence_are_cited(engine, sample):
    result = steps_reviewed(sample_input(engine, sample))
    assert result.status == "warn" and "discover (10 Feb 2026)" in result.evidence and "sustain" in result.evidence
    assert "define" not in result.evidence
    assert steps_reviewed(sample_input(engine, sample, step_review=[])).status == "fail"


def test_the_runner_includes_the_tracking_rules(engine, sample):
    ids = {f.rule_id for f in run_health(sample, workspace_records(engine, sample.id), REVIEW_DAY)}
    assert {"HEALTH-TRACK-LAG", "HEALTH-TRACK-STALE", "HEALTH-STEP-REVIEW"} <= ids
