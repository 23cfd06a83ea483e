"""Health rules on sustaining the plan, judged on crafted records."""

from __future__ import annotations

from datetime import date

import pytest

from models.registry import ENTITIES
from strategy.health.sustain import change_control, data_retention, review_cadence
from strategy.health.types import HealthInput
from tests.factories import workspace_settings

TODAY = date(2026, 11, 23)
EMPTY = {e.kind: [] for e in ENTITIES}


def with_records(**kinds) -> HealthInput:
    return HealthInput(workspace_settings(), EMPTY | kinds, TODAY)


def change(status="approved", impact="Touches only the web profile", raised_on=date(2026, 11, 1)):
    return {"title": "Add a consent date", "status": status, "impact_assessment": impact, "raised_on": raised_on}


CHANGE_CASES = [
    ([], "fail"),
    ([change(status="submitted"), change(status="submitted")], "fail"),  # a committee that never decides
    ([change(), change(status="submitted", impact="")], "warn"),
    ([change(), change(status="submitted", raised_on=date(2026, 8, 1))], "warn"),  # waiting 114 days
    ([change(), change(status="rejected")], "pass"),
]


@pytest.mark.parametrize(("changes", "status"), CHANGE_CASES)
def test_change_control(changes, status):
    assert change_control(with_records(change_request=changes)).status == status


def dataset(name, months, personal=True):
    return {"name": name, "retention_months": months, "personal_data": personal}


DATA_CASES = [
    ([], "fail", ""),
    ([dataset("Members", 36), dataset("Event sign-ups", None)], "fail", "'Event sign-ups'"),
    ([dataset("Members", 36), dataset("Stock levels", None, personal=False)], "warn", "'Stock levels'"),
    ([dataset("Members", 240)], "warn", "longer than 84 months: 'Members'"),
    ([dataset("Members", 36), dataset("Stock levels", 240, personal=False)], "pass", ""),
]


@pytest.mark.parametrize(("datasets", "status", "named"), DATA_CASES)
def test_retention_is_strictest_on_personal_data(datasets, status, named):
    result = data_retention(with_records(dataset=datasets))
    assert result.status == status and named in result.evidence


def test_the_retention_bound_is_a_setting():
    from models.settings import Settings

    inp = HealthInput(
        workspace_settings(),
        EMPTY | {"dataset": [dataset("Members", 120)]},
        TODAY,
        Settings(health_personal_retention_months=120),
    )
    assert data_retention(inp).status == "pass"


REVIEW_CASES = [
    ([], "fail"),
    ([{"held_on": date(2026, 6, 1), "cadence_months": 3}], "fail"),  # due 1 Sep: overdue
    ([{"held_on": date(2026, 9, 28), "cadence_months": 3}], "pass"),  # due 28 Dec
]


@pytest.mark.parametrize(("reviews", "status"), REVIEW_CASES)
def test_review_cadence(reviews, status):
    assert review_cadence(with_records(review=reviews)).status == status
