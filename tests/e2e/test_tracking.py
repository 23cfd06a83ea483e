"""Journey: at the quarterly review the CRM leader uploads the month's actuals; a bad line is named
and nothing is stored; once fixed, a KPI turns off track and the realised NPV moves."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from models.settings import get_settings
from strategy.plan.case_text import money
from strategy.store.snapshot import workspace_records
from strategy.sustain.actuals_import import import_actuals_csv
from strategy.sustain.review import track_review
from tests.e2e.settle import settle

pytestmark = pytest.mark.e2e

LAST_MONTH_END = date.today().replace(day=1) - timedelta(days=1)
GOOD = (
    "kpi,date,value\n"
    f"Active base (members active in last 12 months),{LAST_MONTH_END},200000\n"
    f"CRM adoption rate (active / licensed users),{LAST_MONTH_END},5\n"
)
BAD = GOOD + f"Churn,{LAST_MONTH_END},3\n"


def headline(engine, workspace) -> tuple[str, str]:
    review = track_review(workspace, workspace_records(engine, workspace.id), date.today(), get_settings())
    off = sum(1 for s in review.statuses if s.status == "off track")
    return str(off), money(review.realised.forecast_npv, workspace.currency)


@pytest.fixture
def expected(engine, sample) -> dict[str, tuple[str, str]]:
    """Off-track count and forecast NPV before and after, from the same sample the app loads."""
    before = headline(engine, sample)
    import_actuals_csv(engine, sample.id, GOOD.encode(), actor="t")
    after = headline(engine, sample)
    assert after != before
    return {"before": before, "after": after}


def metric_value(page: Page, label: str):
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def upload(page: Page, path: Path) -> None:
    page.get_by_role("tab", name="Record actuals").click()
    settle(page)
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(path))
    expect(page.get_by_text(path.name)).to_be_visible()
    settle(page)
    page.get_by_role("button", name="Load the file").click()


def test_a_bad_line_is_named_then_the_fixed_file_turns_a_kpi_off_track(live_app, page: Page, expected, tmp_path):
    bad, good = tmp_path / "november_bad.csv", tmp_path / "november.csv"
    bad.write_text(BAD)
    good.write_text(GOOD)
    page.goto(f"{live_app}/tracking")
    expect(page.get_by_role("heading", name="Track the strategy")).to_be_visible(timeout=30_000)
    settle(page)
    off_before, npv_before = expected["before"]
    expect(metric_value(page, "Off track")).to_have_text(off_before)

    upload(page, bad)
    expect(page.get_by_text("line 4: no KPI is called 'Churn'")).to_be_visible(timeout=20_000)
    expect(metric_value(page, "Off track")).to_have_text(off_before)  # nothing was stored
    expect(metric_value(page, "Forecast NPV")).to_have_text(npv_before)

    upload(page, good)
    expect(page.get_by_text("Loaded every line of november.csv.")).to_be_visible(timeout=20_000)
    off_after, npv_after = expected["after"]
    expect(metric_value(page, "Off track")).to_have_text(off_after)
    expect(metric_value(page, "Forecast NPV")).to_have_text(npv_after)
