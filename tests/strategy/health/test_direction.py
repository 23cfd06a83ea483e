"""Health rules on the direction: the continuum's target, CRM's fit with the lead discipline, and
KPIs matched to the lead by their category, never by words in their names."""

from __future__ import annotations

from datetime import date

import hypothesis
import pytest
from hypothesis import strategies as st

from models.registry import ENTITIES
from strategy.health.direction import continuum_target, discipline_in_kpis, fit_with_lead
from strategy.health.types import HealthInput
from tests.factories import workspace_settings

TODAY = date(2026, 11, 23)
EMPTY = {e.kind: [] for e in ENTITIES}


def given(direction=None, kpis=()) -> HealthInput:
    return HealthInput(
        workspace_settings(), EMPTY | {"direction": [direction] if direction else [], "kpi": kpis}, TODAY
    )


def kpi(name, category=None, key=None):
    return {"name": name, "category": category, "library_key": key}


def lead(discipline):
    """A direction whose continuum was placed from answers (0.3 today, 1.8 as the target)."""
    answers = {"processes_defined": 1, "processes_defined@target": 2}
    return {"lead_discipline": discipline, "continuum_current": 0.3, "continuum_target": 1.8, "answers": answers}


DISCIPLINE_CASES = [
    ("customer_intimacy", [kpi("Lead volume", key="lead_volume")], "fail"),
    ("customer_intimacy", [kpi("Members kept", key="retention_rate")], "pass"),  # the library's category
    # named for renewals and win-back, yet cost measures: no longer mistaken for customer intimacy
    ("customer_intimacy", [kpi("Cost per renewal", "operational_excellence")], "fail"),
    ("customer_intimacy", [kpi("Processing cost of members won back", "operational_excellence")], "fail"),
    ("operational_excellence", [kpi("Renewal rate", "customer_intimacy")], "fail"),
    ("operational_excellence", [kpi("Cost per renewal", "operational_excellence")], "pass"),
    ("product_leadership", [kpi("Time to market of new ranges", "product_leadership")], "pass"),
    ("customer_intimacy", [kpi("Renewal rate", key="retention_rate"), kpi("Member mood")], "warn"),  # uncategorised
    (None, [kpi("Renewal rate", "customer_intimacy")], "fail"),
]


@pytest.mark.parametrize(("discipline", "kpis", "status"), DISCIPLINE_CASES)
def test_the_lead_discipline_must_show_in_the_kpis_by_category(discipline, kpis, status):
    assert discipline_in_kpis(given(lead(discipline), kpis)).status == status


def test_a_custom_kpi_without_a_category_is_named():
    result = discipline_in_kpis(
        given(lead("customer_intimacy"), [kpi("Renewal rate", key="retention_rate"), kpi("Mood")])
    )
    assert "do not say what they measure: 'Mood'" in result.evidence


def test_product_leadership_is_a_weak_fit_even_when_its_kpis_match():
    direction = lead("product_leadership")
    kpis = [kpi("Revenue from new ranges", key="new_product_share")]
    assert discipline_in_kpis(given(direction, kpis)).status == "pass"
    result = fit_with_lead(given(direction, kpis))
    assert result.status == "warn" and "weak fit" in result.evidence and "lean" in result.evidence
    assert fit_with_lead(given(lead("operational_excellence"))).status == "pass"
    assert fit_with_lead(given()).status == "fail"


CONTINUUM_CASES = [
    (None, "fail"),
    (0.3, "fail"),  # CRM as technology: the failure the continuum exists to expose
    (1.0, "warn"),  # process: a step, short of the strategy stage
    (1.5, "pass"),
    (2.0, "pass"),
]


@pytest.mark.parametrize(("target", "status"), CONTINUUM_CASES)
def test_the_continuum_target_reaches_beyond_technology(target, status):
    direction = None if target is None else lead("customer_intimacy") | {"continuum_target": target}
    assert continuum_target(given(direction)).status == status


CATEGORIES = st.sampled_from([None, "customer_intimacy", "operational_excellence", "product_leadership", "general"])


@hypothesis.settings(max_examples=60, deadline=None)
@hypothesis.given(st.lists(st.tuples(CATEGORIES, st.text(max_size=40), st.text(max_size=40)), max_size=6))
def test_a_kpis_name_never_changes_what_it_counts_for(kpis):
    """Only the category counts: renaming KPIs (to 'renewal', 'won back' …) never changes the verdict."""
    named = [kpi(first, category) for category, first, _ in kpis]
    renamed = [kpi(second, category) for category, _, second in kpis]
    direction = lead("customer_intimacy")
    assert discipline_in_kpis(given(direction, named)).status == discipline_in_kpis(given(direction, renamed)).status


def test_a_continuum_nobody_answered_is_not_assessed_rather_than_aimed_at_process():
    """A direction saved for its disciplines only keeps the model's default target (1.0, Process):
    the rule must not read that default as a target somebody chose."""
    unanswered = lead("customer_intimacy") | {"answers": {}, "continuum_current": 0.0, "continuum_target": 1.0}
    result = continuum_target(given(unanswered))
    assert result.status == "fail"
    assert "not been placed" in result.evidence and "Process" not in result.evidence
