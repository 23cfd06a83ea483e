"""Health rules on the need, the vision, leadership, champions, WIIFM and the business case."""

from __future__ import annotations

from datetime import date

import pytest

from models.registry import ENTITIES
from strategy.health.discover import business_led, champions, compelling_need, vision_horizon, wiifm
from strategy.health.plan import positive_case
from strategy.health.runner import health_score, run_health
from strategy.health.types import HealthInput
from strategy.store.snapshot import workspace_records
from tests.factories import workspace_settings

TODAY = date(2026, 11, 23)
EMPTY = {e.kind: [] for e in ENTITIES}


def given(**kinds) -> HealthInput:
    return HealthInput(workspace_settings(), EMPTY | kinds, TODAY)


def need(department="Sales", level="end_user"):
    return {"department": department, "level": level}


def person(
    pid,
    name,
    department="Sales",
    *,
    side="business",
    sponsor=False,
    champion=False,
    active=True,
    backup=None,
    influence=3,
    wiifm="Fewer re-keyed orders",
):
    return {
        "id": pid,
        "name": name,
        "department": department,
        "side": side,
        "is_sponsor": sponsor,
        "is_champion": champion,
        "is_power_user": False,
        "active": active,
        "backup_id": backup,
        "influence": influence,
        "interest": 3,
        "wiifm": wiifm,
    }


NEED_CASES = [
    ([], "fail"),
    ([need("IT"), need("IT", "leadership")], "fail"),
    ([need("Sales"), need("Sales", "leadership")], "fail"),
    ([need("Sales"), need("Service")], "warn"),  # nobody at the top has said it hurts
    ([need("Sales"), need("Service"), need("Finance", "leadership")], "pass"),
]


@pytest.mark.parametrize(("needs", "status"), NEED_CASES)
def test_a_compelling_need_is_shared_across_departments(needs, status):
    assert compelling_need(given(need=needs)).status == status


def test_a_vision_needs_a_statement_and_priorities():
    assert vision_horizon(given()).status == "fail"
    assert vision_horizon(given(vision=[{"statement": "One view of each member"}])).status == "warn"
    assert vision_horizon(given(vision=[{"statement": "One view"}], priority=[{"title": "Keep"}])).status == "pass"


def test_a_vision_dated_beyond_the_plans_horizon_fails():
    def dated(statement):
        return vision_horizon(given(vision=[{"statement": statement}], priority=[{"title": "Keep"}]))

    beyond = dated("By 2035 every member is known as one person")  # the plan runs 2026-2028
    assert beyond.status == "fail" and "2035" in beyond.evidence and "December 2028" in beyond.evidence
    assert dated("By 2028 every member is known as one person").status == "pass"


SPONSOR_CASES = [
    ([], "fail"),
    ([person(1, "Ines", side="it", sponsor=True)], "fail"),
    ([person(1, "Ada", sponsor=True)], "pass"),
]


@pytest.mark.parametrize(("people", "status"), SPONSOR_CASES)
def test_the_programme_is_led_by_the_business(people, status):
    assert business_led(given(stakeholder=people)).status == status


CHAMPION_CASES = [
    ([person(1, "Ada", champion=True, backup=2), person(2, "Bo")], "pass"),
    ([person(1, "Ada", champion=True)], "warn"),
    ([person(1, "Ada", champion=True, active=False, backup=2), person(2, "Bo")], "fail"),
    ([], "fail"),
]


@pytest.mark.parametrize(("people", "status"), CHAMPION_CASES)
def test_each_department_has_a_champion_and_a_backup(people, status):
    assert champions(given(need=[need("Sales")], stakeholder=people)).status == status


def test_key_stakeholders_without_wiifm_are_named():
    people = [person(1, "Ada", influence=5, wiifm=""), person(2, "Bo", influence=2, wiifm="")]
    result = wiifm(given(stakeholder=people))
    assert result.status == "fail" and "Ada" in result.evidence and "Bo" not in result.evidence


def line(name, amount, year, **extra):
    return {
        "name": name,
        "low": amount,
        "likely": amount,
        "high": amount,
        "start_year": year,
        "recurrence": "one_off",
        "adoption_dependent": False,
    } | extra


def test_the_case_must_be_positive_after_risk():
    costs = [line("Licences", 100_000, 0)]
    assert positive_case(given(cost=costs)).status == "fail"
    assert positive_case(given(cost=costs, benefit=[line("Saving", 10_000, 1)])).status == "fail"
    rich = positive_case(given(cost=costs, benefit=[line("Saving", 80_000, 1)]))
    assert rich.status == "pass" and "£" not in rich.evidence  # a EUR workspace


def test_the_sample_scores_between_the_extremes(engine, sample):
    findings = run_health(sample, workspace_records(engine, sample.id), TODAY)
    assert {f.status for f in findings} >= {"pass", "fail"}
    assert 0 < health_score(findings) < 100
    assert len({f.rule_id for f in findings}) == len(findings)
