"""The business case as an Excel workbook Finance can audit: recalculated by a real spreadsheet
engine (the `formulas` package), every result agrees with the app's to the cent, and changing an
input in the workbook moves the result exactly as the app would."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from strategy.__main__ import app
from strategy.brief.case_formulas import NO_IRR_CELL
from strategy.brief.case_workbook import case_workbook
from strategy.plan.business_case import CaseFigures, evaluate_case, settings_of
from strategy.plan.case_text import NO_PAYBACK, RATIO_UNDEFINED
from strategy.plan.scenarios import compare_scenarios
from tests.strategy.brief.workbooks import Recalculated, benefit, cost, sample_case, stored_values, workspace

RESULT_CELLS = {"pv_benefits": "B5", "pv_costs": "B6", "npv": "B7", "roi": "B8", "ratio": "B9", "irr": "B10"}
PAYBACK_CELL = "B11"
SCENARIO_COLUMNS = {"pv_benefits": "G", "pv_costs": "H", "npv": "I", "roi": "J", "ratio": "K", "irr": "L"}
SCENARIO_PAYBACK = "M"


def assert_same(found: dict[str, Any], figures: CaseFigures) -> None:
    """Money to the cent, ratios and rates to 1e-9, payback to a thousandth of a month; a figure
    that does not exist in the app reads as the app words it."""
    assert found["pv_benefits"] == pytest.approx(figures.pv_benefits, abs=0.005)
    assert found["pv_costs"] == pytest.approx(figures.pv_costs, abs=0.005)
    assert found["npv"] == pytest.approx(figures.npv, abs=0.005)
    for name, value in (("roi", figures.roi), ("ratio", figures.benefit_cost_ratio)):
        assert found[name] == (RATIO_UNDEFINED if value is None else pytest.approx(value, abs=1e-9))
    assert found["irr"] == (NO_IRR_CELL if figures.irr is None else pytest.approx(figures.irr, abs=1e-7))
    payback = figures.payback_months
    assert found["payback"] == (NO_PAYBACK if payback is None else pytest.approx(payback, abs=1e-3))


def results(values: dict[tuple[str, str], Any]) -> dict[str, Any]:
    found = {name: values[("Results", cell)] for name, cell in RESULT_CELLS.items()}
    return found | {"payback": values[("Results", PAYBACK_CELL)]}


def scenario_results(values: dict[tuple[str, str], Any], row: int) -> dict[str, Any]:
    found = {name: values[("Scenarios", f"{col}{row}")] for name, col in SCENARIO_COLUMNS.items()}
    return found | {
        "payback": values[("Scenarios", f"{SCENARIO_PAYBACK}{row}")],
        "name": values[("Scenarios", f"A{row}")],
    }


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return sample_case(tmp_path_factory.mktemp("sample-book"))


def test_the_sample_workbook_reproduces_every_result_and_scenario_of_the_app(sample):
    found, (costs, benefits, scenarios), book = sample
    values = book.calculate()
    assert_same(results(values), evaluate_case(settings_of(found), costs, benefits))
    # A viewer that never recalculates (a preview, a phone) shows the same results, not zeros.
    cached = stored_values(book.path)
    assert_same(results(cached), evaluate_case(settings_of(found), costs, benefits))
    outcomes = compare_scenarios(settings_of(found), costs, benefits, scenarios)
    assert len(outcomes) >= 3
    for row, outcome in enumerate(outcomes, start=5):
        found_row = scenario_results(values, row)
        assert found_row["name"] == outcome.name
        assert_same(found_row, outcome.figures)
        assert_same(scenario_results(cached, row), outcome.figures)


def test_changing_inputs_in_the_workbook_moves_the_results_as_the_app_would(sample):
    """Finance changes the discount rate, the benefit risk, the horizon, a ramp share and one
    benefit's likely amount: every result follows, to the cent."""
    found, (costs, benefits, _), book = sample
    first = book.calculate()
    changes = {("Inputs", "B6"): 0.15, ("Inputs", "B7"): 0.25, ("Inputs", "B5"): 3, ("Inputs", "B13"): 0.2}
    likely_row = 14 + len(costs) + 3 + 2 + 1  # the benefit table's first line, 1-based
    changes[("Inputs", f"F{likely_row}")] = 2 * float(benefits[0]["likely"])
    moved = book.calculate(changes)
    ramp = (0.2, *found.adoption_ramp[1:])
    settings = replace(settings_of(found), discount_rate=0.15, benefit_risk=0.25, horizon_years=3, adoption_ramp=ramp)
    doubled = [dict(benefits[0], likely=2 * float(benefits[0]["likely"])), *benefits[1:]]
    assert_same(results(moved), evaluate_case(settings, costs, doubled))
    assert results(moved)["npv"] != pytest.approx(results(first)["npv"], abs=1.0)


CASES = {
    # Never under water: no cost before the benefits arrive, so payback is month 0 and no IRR.
    "payback in year 0": (
        workspace(),
        [cost("Licences", 10_000, start=1, recurrence="recurring")],
        [benefit("Upsell", 80_000)],
    ),
    # Costs that the benefits never earn back within the horizon.
    "no payback": (
        workspace(horizon_years=5, discount_rate=0.08),
        [cost("Platform", 900_000), cost("Support", 60_000, start=1, recurrence="recurring")],
        [benefit("Retention", 90_000, start=2), benefit("Service savings", 20_000, adoption=False)],
    ),
    # Paid back in cash but not once discounted at a high rate: a negative NPV with a payback.
    "negative NPV": (
        workspace(horizon_years=4, discount_rate=0.45, benefit_risk=0.2, cost_risk=0.1, adoption_ramp=[0.3, 0.6, 1.0]),
        [cost("Build", 300_000), cost("Run", 20_000, start=1, recurrence="recurring")],
        [benefit("Cross-sell", 260_000)],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_edge_cases_agree_with_the_app(name, tmp_path):
    found, costs, benefits = CASES[name]
    scenarios = [{"name": "Cautious", "discount_rate": 0.2, "benefit_factor": 0.8, "cost_factor": 1.2}]
    values = Recalculated(case_workbook(found, costs, benefits, scenarios), tmp_path).calculate()
    figures = evaluate_case(settings_of(found), costs, benefits)
    assert_same(results(values), figures)
    expected = {"payback in year 0": 0.0, "no payback": None}
    if name in expected:
        assert figures.payback_months == expected[name]
    else:
        assert figures.npv < 0 and figures.payback_months is not None
    for row, outcome in enumerate(compare_scenarios(settings_of(found), costs, benefits, scenarios), start=5):
        assert_same(scenario_results(values, row), outcome.figures)


def test_user_text_is_written_as_text_and_never_runs_as_a_formula(tmp_path):
    hostile = '=HYPERLINK("http://evil.example","click")'
    found = workspace(name="+cmd|' /C calc'!A0")
    costs = [cost(hostile, 1_000)]
    benefits = [benefit("@SUM(1+1)", 5_000)]
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(case_workbook(found, costs, benefits, [{"name": "-2+3"}]))
    book = openpyxl.load_workbook(path)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value is not None]
    formulas_written = [str(cell.value) for cell in cells if cell.data_type == "f"]
    assert not any("evil" in f or "SUM(1+1)" in f or "calc" in f for f in formulas_written)
    texts = {str(cell.value) for cell in cells if cell.data_type == "s"}
    assert "'" + hostile in texts and "'@SUM(1+1)" in texts and "'-2+3" in texts
    assert "Business case results: '+cmd|' /C calc'!A0" in texts


def test_the_cli_writes_the_workbook_and_its_npv_is_the_apps(cli_db, monkeypatch):
    monkeypatch.chdir(cli_db)
    made = CliRunner().invoke(app, ["brief", "Meridian Outdoor Co-op", "--format", "xlsx", "--out", "case.xlsx"])
    assert made.exit_code == 0, made.output
    case = CliRunner().invoke(app, ["case", "Meridian Outdoor Co-op", "--json"])
    values = Recalculated((cli_db / "case.xlsx").read_bytes(), cli_db).calculate()
    assert results(values)["npv"] == pytest.approx(json.loads(case.output)["npv"], abs=0.005)
    assert "wrote case.xlsx" in made.output
