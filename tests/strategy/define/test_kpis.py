"""KPIs: the library from CRM practice, and the rules every objective's KPIs must meet."""

from __future__ import annotations

import pytest

from strategy.define.kpis import (
    LIBRARY,
    LIBRARY_BY_KEY,
    balance_findings,
    direction_findings,
    kpi_counts,
    kpi_findings,
    kpi_from_library,
    leads_findings,
    suggested_lagging,
    tidy_kpi,
)
from strategy.store.records import create_record, list_records
from tests.factories import ACTOR, make_objective, make_workspace
from tests.factories_define import kpi, objective

# What CRM practice measures (docs: active base, transactions, first purchase, won back, lapsed,
# lead volume, qualification, close and retention rates, adoption, data completeness).
PRACTICE = {
    "active_base",
    "total_transactions",
    "first_purchase",
    "won_back",
    "lapsed",
    "lead_volume",
    "qualification_rate",
    "close_rate",
    "licensed_users",
    "active_users",
    "retention_rate",
    "adoption_rate",
    "data_completeness",
    # one measure for each value discipline's promise, so every lead can be matched by category
    "cost_to_serve",
    "first_contact_resolution",
    "new_product_share",
}


def test_the_library_holds_the_kpis_of_crm_practice():
    assert set(LIBRARY_BY_KEY) == PRACTICE
    assert LIBRARY_BY_KEY["lapsed"].good_direction == "down"
    assert (LIBRARY_BY_KEY["qualification_rate"].leads, LIBRARY_BY_KEY["qualification_rate"].lag_months) == (
        "close_rate",
        3,
    )


def test_every_leading_library_kpi_names_the_lagging_library_kpi_it_moves():
    for item in LIBRARY:
        if item.kind == "leading":
            assert LIBRARY_BY_KEY[item.leads or ""].kind == "lagging" and item.lag_months


def test_every_library_kpi_can_be_stored_against_an_objective(engine):
    ws = make_workspace(engine)
    goal = make_objective(engine, ws.id)
    for item in LIBRARY:
        create_record(engine, "kpi", ws.id, kpi_from_library(item.key, goal["id"]), actor=ACTOR)
    stored = list_records(engine, "kpi", ws.id)
    assert {k["library_key"] for k in stored} == PRACTICE


def test_a_library_leading_kpi_suggests_the_lagging_kpi_it_moves():
    close = kpi(2, library_key="close_rate")
    qualification = kpi(3, kind="leading", library_key="qualification_rate")
    assert suggested_lagging(qualification, [close, qualification]) == close
    assert suggested_lagging(kpi(4, library_key=None), [close]) is None


BOTH_KINDS = ([kpi(1), kpi(2, kind="leading", leads_kpi_id=1, lag_months=3)], [])
ONLY_LAGGING = ([kpi(1)], ["no leading KPI"])
ONLY_LEADING = ([kpi(2, kind="leading", leads_kpi_id=None, lag_months=3)], ["no lagging KPI"])
NO_KPIS = ([], ["no leading and no lagging KPI"])


@pytest.mark.parametrize(("kpis", "details"), [BOTH_KINDS, ONLY_LAGGING, ONLY_LEADING, NO_KPIS])
def test_an_objective_without_a_leading_and_a_lagging_kpi_is_flagged(kpis, details):
    found = balance_findings([objective()], kpis)
    assert [f.detail for f in found] == details
    assert all(f.rule_id == "KPI-BALANCE" and f.subject == "objective" for f in found)


LINKED = (kpi(2, kind="leading", leads_kpi_id=1, lag_months=3), [])
NAMES_NOTHING = (kpi(2, kind="leading", lag_months=3), ["names no lagging KPI it moves"])
NO_LAG = (kpi(2, kind="leading", leads_kpi_id=1), ["has no lag in months"])
POINTS_AT_LEADING = (
    kpi(2, kind="leading", leads_kpi_id=3, lag_months=1),
    ["points at 'KPI 3', which is not a lagging KPI"],
)


@pytest.mark.parametrize(("leading", "details"), [LINKED, NAMES_NOTHING, NO_LAG, POINTS_AT_LEADING])
def test_a_leading_kpi_names_the_lagging_kpi_it_moves_and_the_lag(leading, details):
    others = [kpi(1), kpi(3, kind="leading", leads_kpi_id=1, lag_months=2)]
    found = [f for f in leads_findings([], [*others, leading]) if f.subject_id == leading["id"]]
    assert [f.detail for f in found] == details


RIGHT_WAY_UP = (kpi(1, baseline=10.0, target=20.0, good_direction="up"), 0)
WRONG_WAY_UP = (kpi(1, baseline=10.0, target=5.0, good_direction="up"), 1)
RIGHT_WAY_DOWN = (kpi(1, baseline=58000.0, target=40000.0, good_direction="down"), 0)
WRONG_WAY_DOWN = (kpi(1, baseline=58000.0, target=60000.0, good_direction="down"), 1)
NO_TARGET_YET = (kpi(1, target=None), 0)


@pytest.mark.parametrize(
    ("measure", "flags"), [RIGHT_WAY_UP, WRONG_WAY_UP, RIGHT_WAY_DOWN, WRONG_WAY_DOWN, NO_TARGET_YET]
)
def test_a_target_must_move_the_good_way(measure, flags):
    assert len(direction_findings([], [measure])) == flags


def test_a_lagging_kpi_keeps_no_lead_or_lag():
    assert tidy_kpi({"kind": "lagging", "leads_kpi_id": 4, "lag_months": 3}) == {
        "kind": "lagging",
        "leads_kpi_id": None,
        "lag_months": None,
    }
    assert tidy_kpi({"kind": "leading", "leads_kpi_id": 4, "lag_months": 3})["leads_kpi_id"] == 4


def test_counts_and_findings_over_a_whole_workspace():
    kpis = [kpi(1), kpi(2, kind="leading", leads_kpi_id=1, lag_months=3), kpi(3, objective_id=2)]
    counts = kpi_counts(kpis)
    assert (counts[1]["leading"], counts[1]["lagging"], counts[2]["leading"]) == (1, 1, 0)
    found = kpi_findings([objective(), objective(id=2, title="Second")], kpis)
    assert [(f.rule_id, f.subject_id) for f in found] == [("KPI-BALANCE", 2)]
    assert "KPI-BALANCE: “" in found[0].message


def test_every_library_kpi_says_which_value_discipline_it_measures():
    from models.base import KpiCategory
    from strategy.define.kpis import LIBRARY, kpi_category, kpi_from_library

    assert {item.category for item in LIBRARY} <= set(KpiCategory)
    assert {item.category for item in LIBRARY} >= {"customer_intimacy", "operational_excellence", "product_leadership"}
    assert kpi_from_library("won_back", 1)["category"] == "customer_intimacy"
    assert kpi_category({"name": "Cost per renewal won back", "library_key": None, "category": None}) is None
    assert kpi_category({"name": "Members kept", "library_key": "retention_rate", "category": None}) == (
        "customer_intimacy"
    )


def test_a_custom_kpi_must_say_what_it_measures():
    from strategy.define.kpis import require_category
    from strategy.errors import InvalidInput

    with pytest.raises(InvalidInput, match="say what this KPI measures"):
        require_category({"name": "Renewal processing cost", "library_key": None, "category": None})
    require_category({"name": "Renewal processing cost", "library_key": None, "category": "operational_excellence"})
