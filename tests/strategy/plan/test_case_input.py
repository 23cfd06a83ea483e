"""Bad business-case input is refused with a message naming the line or the setting."""

from __future__ import annotations

import pytest

from strategy.errors import InvalidInput
from strategy.plan.case_summary import case_summary
from strategy.plan.case_text import ROI_UNDEFINED, roi_text
from strategy.store.records import list_records
from strategy.store.snapshot import workspace_records
from strategy.store.workspaces import update_workspace
from tests.factories import ACTOR, make_workspace
from tests.factories_case import store_benefit, store_cost

BAD_LINES = [
    pytest.param(
        "cost",
        {"low": 120, "likely": 100, "high": 150},
        "'Licences': amounts must satisfy low <= likely <= high",
        id="low above likely",
    ),
    pytest.param(
        "benefit",
        {"low": 50, "likely": 100, "high": 90},
        "'Licences': amounts must satisfy low <= likely <= high",
        id="high below likely",
    ),
    pytest.param("cost", {"low": -5, "likely": 0, "high": 0}, "Low must be 0 or more", id="negative amount"),
    pytest.param("cost", {"start_year": 4}, "'Licences': start year 4 is outside 0 … 3", id="start after the horizon"),
    pytest.param("benefit", {"start_year": -1}, "Start year must be 0 or more", id="start before year 0"),
]


@pytest.mark.parametrize(("kind", "overrides", "message"), BAD_LINES)
def test_bad_lines_are_refused_naming_the_line_and_nothing_is_written(engine, kind, overrides, message):
    ws = make_workspace(engine)
    store = store_cost if kind == "cost" else store_benefit
    with pytest.raises(InvalidInput) as caught:
        store(engine, ws.id, **({"likely": 100, "name": "Licences"} | overrides))
    assert any(message in str(error) for error in caught.value.errors)
    assert list_records(engine, kind, ws.id) == []


BAD_RATES = [
    pytest.param(1.01, id="above 100 %"),
    pytest.param(-0.51, id="below -50 %"),
]


@pytest.mark.parametrize("rate", BAD_RATES)
def test_a_discount_rate_outside_minus_50_to_100_percent_is_refused(engine, rate):
    ws = make_workspace(engine)
    with pytest.raises(InvalidInput) as caught:
        update_workspace(engine, ws.id, {"discount_rate": rate}, expected_version=ws.version, actor=ACTOR)
    assert [error.path for error in caught.value.errors] == ["discount_rate"]


EDGE_RATES = [pytest.param(-0.5, id="-50 %"), pytest.param(1.0, id="100 %")]


@pytest.mark.parametrize("rate", EDGE_RATES)
def test_the_edges_of_the_discount_rate_are_accepted(engine, rate):
    ws = make_workspace(engine)
    saved = update_workspace(engine, ws.id, {"discount_rate": rate}, expected_version=ws.version, actor=ACTOR)
    assert saved.discount_rate == rate


def test_a_case_with_no_costs_reads_roi_undefined_not_a_division_error(engine):
    ws = make_workspace(engine)
    store_benefit(engine, ws.id, 50_000)
    summary = case_summary(ws, workspace_records(engine, ws.id), runs=1_000)
    assert (summary["roi"], summary["benefit_cost_ratio"]) == (None, None)
    assert ROI_UNDEFINED in summary["notes"] and roi_text(summary["roi"]) == "ROI undefined (no costs)"
    assert summary["npv"] > 0
