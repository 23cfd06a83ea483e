"""Journey: a front-line suggestion becomes a change request; the committee sees its what-if (the
roadmap ends later, the critical path is touched), approves it, and finds the new initiative on the
roadmap."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.settle import settle

pytestmark = pytest.mark.e2e

SUGGESTION = "Show the member's last store visit on the contact-centre screen."
ON_GANTT = """([title]) => [...document.querySelectorAll('.js-plotly-plot')].some(chart =>
  (chart.data || []).some(trace => (trace.customdata || []).some(row => row[0] === title)))"""


def pick(page: Page, label: str, option: str) -> None:
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(option[:30])
    page.get_by_role("option", name=option, exact=True).click()
    settle(page)


def metric_value(page: Page, label: str):
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def test_a_suggestion_becomes_an_approved_initiative_on_the_roadmap(live_app: str, page: Page):
    page.goto(f"{live_app}/feedback")
    expect(page.get_by_role("heading", name="Feedback, change and unused capability")).to_be_visible(timeout=30_000)
    settle(page)
    page.get_by_role("button", name="Accept as change request").click()
    expect(page.get_by_text("Suggestion accepted into a change request.")).to_be_visible(timeout=20_000)

    page.get_by_role("tab", name="Change what-if").click()
    settle(page)
    pick(page, "Change request", SUGGESTION)
    pick(page, "Starts after", "Next-trip recommendations")
    weeks = page.get_by_label("Duration (weeks)")
    weeks.fill("14")
    weeks.press("Enter")
    settle(page)
    page.get_by_role("button", name="Describe the effect").click()
    expect(metric_value(page, "Critical path")).to_have_text("touched", timeout=20_000)
    expect(page.get_by_test_id("stMetric").filter(has_text="Roadmap ends")).to_contain_text("weeks")

    page.get_by_label("Impact assessment (needed to approve)").fill(
        "Read-only field on the agent screen; no core system."
    )
    page.get_by_role("button", name="Approve with its effect").click()
    expect(page.get_by_text("its initiative, cost and benefit are in the plan")).to_be_visible(timeout=20_000)

    page.goto(f"{live_app}/roadmap")
    expect(page.get_by_role("heading", name="Roadmap")).to_be_visible(timeout=30_000)
    page.wait_for_function(ON_GANTT, arg=[SUGGESTION], timeout=30_000)
