"""Journey: in a workshop, the facilitator makes one initiative wait for another and the room sees
the dependent initiative move on the Gantt to where the stored records now put it."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from strategy.deliver.initiatives import add_dependency
from strategy.deliver.roadmap_store import load_roadmap
from strategy.store.records import list_records

pytestmark = pytest.mark.e2e

WAITING = "Self-service campaign lists"
FIRST = "Member view at the till"

# The start drawn for an initiative's bar, read from the Gantt the browser shows (plotly keeps the
# figure on its chart element; each bar carries its initiative's full title).
BAR_START = """([title]) => {
  for (const chart of document.querySelectorAll('.js-plotly-plot')) {
    if (!(chart.data || []).some(t => t.name === 'Objective due date')) continue;
    for (const trace of chart.data) {
      const found = (trace.customdata || []).findIndex(row => row[0] === title);
      if (found >= 0) return String(trace.base[found]).slice(0, 10);
    }
  }
  return null;
}"""


@pytest.fixture
def expected(engine, sample) -> dict[str, str]:
    """The dependent's start before and after, worked out from the same sample the app loads."""
    today = date.today()
    titles = {i["title"]: i for i in list_records(engine, "initiative", sample.id)}
    before = next(i.start for i in load_roadmap(engine, sample.id, today).items if i.initiative["title"] == WAITING)
    waiting = titles[WAITING]
    add_dependency(
        engine, sample.id, waiting["id"], titles[FIRST]["id"], expected_version=waiting["version"], actor="t"
    )
    after = next(i.start for i in load_roadmap(engine, sample.id, today).items if i.initiative["title"] == WAITING)
    assert after > before
    return {"before": before.isoformat(), "after": after.isoformat()}


def bar_start(page: Page, title: str) -> str | None:
    return page.evaluate(BAR_START, [title])


def pick(page: Page, form_title: str, label: str, option: str) -> None:
    form = page.get_by_test_id("stForm").filter(has_text=form_title)
    box = form.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(option)  # typing filters the list and opens it
    page.get_by_role("option", name=option, exact=True).click()


def test_adding_a_dependency_moves_the_dependent_initiative_on_the_gantt(live_app: str, page: Page, expected):
    page.goto(f"{live_app}/roadmap")
    expect(page.get_by_role("heading", name="Roadmap")).to_be_visible(timeout=30_000)
    page.wait_for_function(BAR_START, arg=[WAITING], timeout=30_000)
    assert bar_start(page, WAITING) == expected["before"]

    pick(page, "Add a dependency", "Initiative", WAITING)
    pick(page, "Add a dependency", "waits for", FIRST)
    page.get_by_role("button", name="Add dependency").click()

    expect(page.get_by_text(f"'{WAITING}' now waits for '{FIRST}'.")).to_be_visible()
    page.wait_for_function(
        f"([title]) => ({BAR_START})([title]) === {expected['after']!r}", arg=[WAITING], timeout=20_000
    )
    assert bar_start(page, WAITING) == expected["after"]
    expect(page.get_by_text("The plan changed since the schedule was stored")).to_be_visible()
