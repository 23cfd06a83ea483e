"""Journey: in a workshop, the facilitator adds a cost and a benefit to the business case and the
room sees NPV and payback move to the figures the stored lines give."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from strategy.plan.business_case import evaluate_case, settings_of
from strategy.plan.case_text import money, payback_short
from strategy.store.records import list_records
from tests.factories_case import benefit_line, cost_line

pytestmark = pytest.mark.e2e

NEW_COST = cost_line(400_000, name="Data warehouse connector")
NEW_BENEFIT = benefit_line(300_000, name="Fewer service escalations")


@pytest.fixture
def expected(engine, sample) -> dict[str, tuple[str, str]]:
    """NPV and payback as the tiles should read them, worked out from the same sample the app loads."""
    settings = settings_of(sample)
    costs, benefits = list_records(engine, "cost", sample.id), list_records(engine, "benefit", sample.id)

    def shown(cost_lines, benefit_lines) -> tuple[str, str]:
        figures = evaluate_case(settings, cost_lines, benefit_lines)
        return money(figures.npv, sample.currency), payback_short(figures.payback_months)

    figures = {
        "start": shown(costs, benefits),
        "cost added": shown([*costs, NEW_COST], benefits),
        "benefit added": shown([*costs, NEW_COST], [*benefits, NEW_BENEFIT]),
    }
    assert len({npv for npv, _ in figures.values()}) == len({p for _, p in figures.values()}) == 3
    return figures


def tile(page: Page, label: str) -> Locator:
    """The value of a headline metric tile."""
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def add_line(page: Page, form_title: str, line: dict, button: str) -> None:
    form = page.get_by_test_id("stForm").filter(has_text=form_title)
    form.get_by_label("Name").fill(line["name"])
    likely = form.get_by_label("Likely (GBP)")
    likely.fill(str(int(line["likely"])))
    likely.press("Tab")
    form.get_by_role("button", name=button).click()


def test_adding_a_cost_and_a_benefit_moves_npv_and_payback(live_app: str, page: Page, expected):
    page.goto(f"{live_app}/business_case")
    npv, payback = tile(page, "NPV (risk-adjusted)"), tile(page, "Payback")
    expect(npv).to_have_text(expected["start"][0], timeout=30_000)
    expect(payback).to_have_text(expected["start"][1])

    page.get_by_role("tab", name="Costs and benefits").click()
    add_line(page, "Add a cost line", NEW_COST, "Add cost line")
    expect(page.get_by_text("Cost line 'Data warehouse connector' added.")).to_be_visible()
    expect(npv).to_have_text(expected["cost added"][0])
    expect(payback).to_have_text(expected["cost added"][1])

    add_line(page, "Add a benefit line", NEW_BENEFIT, "Add benefit line")
    expect(page.get_by_text("Benefit line 'Fewer service escalations' added.")).to_be_visible()
    expect(npv).to_have_text(expected["benefit added"][0])
    expect(payback).to_have_text(expected["benefit added"][1])
    expect(page.get_by_role("tab", name="Costs and benefits")).to_have_attribute("aria-selected", "true")
