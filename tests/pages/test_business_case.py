"""Business case page: the figures of the stored lines, adding lines, settings, risk and scenarios."""

from __future__ import annotations

import io
import json
from datetime import date

import openpyxl
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import app_test

from strategy.plan.business_case import evaluate_case, settings_of
from strategy.plan.case_text import money, payback_short, roi_text
from strategy.store.database import shared_engine
from strategy.store.records import list_records
from strategy.store.workspaces import get_workspace
from tests.conftest import click, open_app, tab_opener
from tests.factories_define import open_on_new_workspace

PAGE = "pages/business_case.py"


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def stored_case(app_db, workspace_id: int = 1):
    engine = shared_engine(f"sqlite:///{app_db}")
    workspace = get_workspace(engine, workspace_id)
    costs, benefits = list_records(engine, "cost", workspace_id), list_records(engine, "benefit", workspace_id)
    return evaluate_case(settings_of(workspace), costs, benefits), costs, benefits


def chart_spec(at, title_word: str) -> dict:
    """The plotly figure whose traces mention a word (charts render in page order)."""
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return next(s for s in specs if title_word in json.dumps(s["data"]))


open_tab = tab_opener("case_tabs")


@pytest.fixture
def at(app_db):
    page = open_app(PAGE)
    assert not page.exception
    return page


def test_headline_figures_and_the_cash_flow_come_from_the_stored_lines(at, app_db):
    figures, _, _ = stored_case(app_db)
    assert metric(at, "NPV (risk-adjusted)") == money(figures.npv, "GBP")
    assert metric(at, "ROI") == roi_text(figures.roi)
    assert metric(at, "Payback") == payback_short(figures.payback_months)
    cash = chart_spec(at, "Cumulative net")
    assert cash["data"][2]["y"] == pytest.approx([row.cumulative_net for row in figures.table])
    table = next(d.value for d in at.dataframe if "Cumulative net" in d.value.columns)
    assert list(table["Year"]) == ["0 (investment)", "1", "2", "3", "4"]


def test_adding_a_cost_and_a_benefit_changes_npv_and_payback(at, app_db):
    before_npv, before_payback = metric(at, "NPV (risk-adjusted)"), metric(at, "Payback")
    open_tab(at, "Costs and benefits")
    at.text_input(key="cost_name").input("Data warehouse connector")
    at.number_input(key="cost_likely").set_value(400_000)
    at = click(at, "Add cost line")
    assert "Cost line 'Data warehouse connector' added." in at.success[0].value
    assert at.text_input(key="cost_name").value == ""  # ready for the next line
    after_cost = metric(at, "NPV (risk-adjusted)")
    assert after_cost != before_npv and metric(at, "Payback") != before_payback
    at.text_input(key="benefit_name").input("Fewer service escalations")
    at.number_input(key="benefit_likely").set_value(300_000)
    at = click(at, "Add benefit line")
    figures, costs, benefits = stored_case(app_db)
    assert (costs[-1]["low"], costs[-1]["high"], benefits[-1]["name"]) == (
        400_000,
        400_000,
        "Fewer service escalations",
    )
    assert metric(at, "NPV (risk-adjusted)") == money(figures.npv, "GBP") != after_cost


def test_a_refused_line_names_it_and_keeps_what_was_typed(at, app_db):
    open_tab(at, "Costs and benefits")
    at.text_input(key="cost_name").input("Consultants")
    at.number_input(key="cost_low").set_value(90_000)
    at.number_input(key="cost_likely").set_value(60_000)
    at = click(at, "Add cost line")
    assert "'Consultants': amounts must satisfy low <= likely <= high" in at.error[0].value
    assert (at.text_input(key="cost_name").value, at.number_input(key="cost_low").value) == ("Consultants", 90_000)
    assert len(stored_case(app_db)[1]) == 10


def test_saving_a_higher_discount_rate_lowers_npv(at, app_db):
    before = stored_case(app_db)[0].npv
    open_tab(at, "Settings and method")
    at.number_input(key="case_rate").set_value(15.0)
    at.number_input(key="case_ramp_1").set_value(20.0)
    at = click(at, "Save case settings")
    figures, _, _ = stored_case(app_db)
    assert figures.npv < before and metric(at, "NPV (risk-adjusted)") == money(figures.npv, "GBP")
    workspace = get_workspace(shared_engine(f"sqlite:///{app_db}"), 1)
    assert (workspace.discount_rate, workspace.adoption_ramp) == (0.15, [0.20, 0.65, 0.80, 0.85])


def test_a_rate_out_of_bounds_is_refused_in_percent_as_the_form_shows_it(at, app_db):
    open_tab(at, "Settings and method")
    at.number_input(key="case_rate").set_value(150.0)
    at.number_input(key="case_benefit_risk").set_value(-10.0)
    at = click(at, "Save case settings")
    said = " ".join(e.value for e in at.error)
    assert "Discount rate must be 100 % or less." in said and "Benefit risk must be 0 % or more." in said
    assert get_workspace(shared_engine(f"sqlite:///{app_db}"), 1).discount_rate == 0.10  # nothing saved


def test_risk_and_scenarios_are_shown_from_the_records(at):
    open_tab(at, "Risk")
    odds = metric(at, "Chance NPV > 0")
    assert odds.endswith("%") and 50 <= int(odds.split()[0]) <= 100
    histogram = chart_spec(at, "of runs")
    assert sum(histogram["data"][0]["y"]) == pytest.approx(100)
    tornado = chart_spec(at, "line at its low")
    assert "Renewal margin from lower lapse (benefit)" in tornado["data"][0]["y"]
    open_tab(at, "Scenarios")
    scenarios = next(d.value for d in at.dataframe if "Scenario" in d.value.columns)
    assert list(scenarios["Scenario"]) == ["Conservative", "Expected", "Ambitious"]


def test_an_empty_case_guides_and_a_case_without_costs_says_roi_undefined(at):
    at.switch_page("pages/workspaces.py").run()
    at.text_input(key="new_name").input("Blank plan")
    at.button[0].click().run()
    at.selectbox(key="workspace_id").select(
        next(o for o in at.selectbox(key="workspace_id").options if o == "Blank plan")
    )
    at.switch_page(PAGE).run()
    assert any("No cost or benefit lines yet" in i.value for i in at.info)
    assert not at.metric  # no "Payback 0.0 months" or NPV of zero before anything is entered
    open_tab(at, "Costs and benefits")
    at.text_input(key="benefit_name").input("Time saved")
    at.number_input(key="benefit_likely").set_value(10_000)
    at = click(at, "Add benefit line")
    assert metric(at, "ROI") == "undefined"
    assert any("ROI undefined (no costs)" in c.value for c in at.caption)


@pytest.mark.parametrize("tab", ["Scenarios", "Realised"])
def test_an_empty_case_shows_no_zero_figures_on_any_tab_only_where_to_start(app_db, tab):
    at = open_on_new_workspace(PAGE)
    at = open_tab(at, tab)
    assert not at.exception
    assert not at.metric and not at.get("plotly_chart")  # no "€0" NPV, no chart of zeros
    assert any("Add a cost and a benefit first" in i.value for i in at.info)


def test_the_realised_tab_sets_the_forecast_with_actual_adoption_beside_the_approved_npv(app_db):
    at = open_tab(open_app("pages/business_case.py"), "Realised")
    forecast = next(m for m in at.metric if m.label == "Forecast NPV")
    approved = next(m for m in at.metric if m.label == "Approved NPV")
    assert forecast.value != approved.value and "vs approved" in forecast.delta and forecast.delta.startswith("-")
    rows = next(d.value for d in at.dataframe if "Benefit line" in d.value.columns).set_index("Benefit line")
    assert rows.loc["Renewal margin from lower lapse", "Behind"] == "yes"
    assert rows.loc["Legacy database support avoided", "Behind"] == ""


@pytest.fixture
def media(monkeypatch):
    """The media file manager of each AppTest run, kept so a deferred download can be fetched after it."""
    made: list[MediaFileManager] = []

    class Kept(MediaFileManager):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(app_test, "MediaFileManager", Kept)
    return made


def test_the_page_offers_the_business_case_as_a_workbook_for_finance(media, at, app_db):
    buttons = [b.proto for b in at.get("download_button")]
    assert [b.label for b in buttons] == ["Workbook for Finance (Excel, live formulas)"]
    # What the click downloads: the stored case's workbook, its NPV the page's own.
    files = media[-1]
    url = files.execute_deferred(buttons[0].deferred_file_id)
    download = files.read_file(url.rsplit("/", 1)[-1].split(".")[0])
    assert download is not None and download.filename.endswith("-business-case-" + f"{date.today():%Y-%m-%d}.xlsx")
    results = openpyxl.load_workbook(io.BytesIO(download.content), data_only=True)["Results"]
    figures, _, _ = stored_case(app_db)
    assert (results["A7"].value, results["B7"].value) == ("NPV (risk-adjusted)", pytest.approx(figures.npv, abs=0.005))
