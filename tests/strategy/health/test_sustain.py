"""Health rules on sustaining the plan, judged on crafted records."""

from __future__ import annotations

from datetime import date

import pytest

from models.registry import ENTITIES
from strategy.health.sustain import change_control, data_retention, discipline_in_kpis, review_cadence
from strategy.health.types import HealthInput
from tests.factories import workspace_settings

TODAY = date(2026, 11, 23)
EMPTY = {e.kind: [] for e in ENTITIES}


def with_records(**kinds) -> HealthInput:
    return HealthInput(workspace_settings(), EMPTY | kinds, TODAY)


def change(status="approved", impact="Touches only the web profile"):
    return {"status": status, "impact_assessment": impact}


CHANGE_CASES = [
    ([], "fail"),
    ([change(), change(status="submitted", impact="")], "warn"),
    ([change(), change(status="rejected")], "pass"),
]


@pytest.mark.parametrize(("changes", "status"), CHANGE_CASES)
def test_change_control(changes, status):
    assert change_control(with_records(change_request=changes)).status == status


def test_a_dataset_without_retention_is_named():
    datasets = [{"name": "Members", "retention_months": 84}, {"name": "Event sign-ups", "retention_months": None}]
    result = data_retention(with_records(dataset=datasets))
    assert result.status == "warn" and "Event sign-ups" in result.evidence


REVIEW_CASES = [
    ([], "fail"),
    ([{"held_on": date(2026, 6, 1), "cadence_months": 3}], "fail"),  # due 1 Sep: overdue
    ([{"held_on": date(2026, 9, 28), "cadence_months": 3}], "pass"),  # due 28 Dec
]


@pytest.mark.parametrize(("reviews", "status"), REVIEW_CASES)
def test_review_cadence(reviews, status):
    assert review_cadence(with_records(review=reviews)).status == status


def kpi(name, key=None):
    return {"name": name, "library_key": key}


DISCIPLINE_CASES = [
    ("customer_intimacy", [kpi("Lead volume")], "fail"),
    ("customer_intimacy", [kpi("Members kept", "retention_rate")], "pass"),
    ("operational_excellence", [kpi("Renewal rate")], "fail"),
    ("operational_excellence", [kpi("Cost to serve per member")], "pass"),
    ("product_leadership", [kpi("Time to market of new ranges")], "pass"),
    (None, [kpi("Renewal rate")], "fail"),
]


@pytest.mark.parametrize(("lead", "kpis", "status"), DISCIPLINE_CASES)
def test_the_lead_discipline_must_show_in_the_kpis(lead, kpis, status):
    records = with_records(direction=[{"lead_discipline": lead}], kpi=kpis)
    assert discipline_in_kpis(records).status == status
