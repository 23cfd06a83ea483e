"""Every page read as a board would: at 1280×720 and 1920×1080 the text is at least 20 px, no tile,
tab label or table header is cut, nothing runs off the right edge, and axe-core finds no serious or
critical accessibility violation; the sidebar starts with the workspace and who you are."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

PAGES = (
    "", "workspaces", "needs", "stakeholders", "vision", "direction", "capabilities", "objectives", "kpis",
    "business_case", "initiatives", "roadmap", "sustain", "tracking", "feedback", "workshop", "health", "brief",
    "method", "history",
)  # fmt: skip
SIZES = ((1280, 720), (1920, 1080))
MIN_BODY_PX = 20

# Text outside charts smaller than the minimum, and elements whose text is cut (wider than their box).
MEASURE = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const small = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || !el.getBoundingClientRect().width) continue;
    if (el.closest('.js-plotly-plot, svg')) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < MIN) small.push(`${size}px: ${el.textContent.trim().slice(0, 40)}`);
  }
  const cut = [...main.querySelectorAll(
      '[data-testid="stMetric"] *, [role=tab], [role=columnheader], [data-testid="stTable"] > div')]
    .filter(el => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible')
    .map(el => el.textContent.slice(0, 40));
  return {small, cut, overflow: main.scrollWidth > main.clientWidth + 1};
}""".replace("MIN", str(MIN_BODY_PX))


SETTLED = """() => !document.querySelector('[data-testid="stStatusWidget"]')
  && !document.querySelector('[data-stale="true"]')"""


def _open(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_test_id("stMain").get_by_role("heading").first).to_be_visible(timeout=60_000)
    for _ in range(2):  # settled twice in a row: no run in progress, no element left faded as stale
        page.wait_for_timeout(400)
        page.wait_for_function(SETTLED, timeout=60_000)


def _serious(page: Page) -> list[str]:
    """Serious and critical findings, leaving out Streamlit's own chrome: its navigation and the
    sidebar's scrolling frame (which axe sometimes judges before its links are focusable)."""
    found = Axe().run(page, context={"exclude": [['[data-testid="stSidebarNav"]']]})
    return [
        f"{v['id']}: {node['html'][:80]}"
        for v in found.response["violations"]
        if v["impact"] in ("serious", "critical")
        for node in v["nodes"]
        if 'data-testid="stSidebarContent"' not in node["html"]
    ]


@pytest.mark.parametrize(("width", "height"), SIZES, ids=lambda v: str(v))
def test_every_page_is_legible_and_uncut(live_app: str, page: Page, width: int, height: int):
    page.set_viewport_size({"width": width, "height": height})
    problems = {}
    for name in PAGES:
        _open(page, f"{live_app}/{name}")
        measured = page.evaluate(MEASURE)
        found = measured["small"][:3] + measured["cut"] + (["runs off the right edge"] if measured["overflow"] else [])
        found += _serious(page)
        if found:
            problems[name or "home"] = found
    assert not problems, problems


def test_the_sidebar_starts_with_the_workspace_and_links_keep_it_and_the_name(live_app: str, page: Page):
    page.set_viewport_size({"width": 1280, "height": 720})
    _open(page, f"{live_app}/?by=Ada%20Lovelace")
    sidebar = page.get_by_test_id("stSidebar")
    picker = sidebar.get_by_test_id("stSelectbox")
    expect(picker).to_be_in_viewport()
    expect(sidebar.get_by_label("Your name (for the audit trail)")).to_have_value("Ada Lovelace")
    roadmap = sidebar.get_by_role("link", name="Roadmap")
    assert picker.bounding_box()["y"] < roadmap.bounding_box()["y"]  # type: ignore[index]
    labels = sidebar.get_by_test_id("stPageLink-NavLink").locator("span:has(p)")
    cut = labels.evaluate_all("els => els.filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)")
    assert not cut, f"page names cut in the sidebar: {cut}"
    href = roadmap.get_attribute("href") or ""
    assert "ws=" in href and "by=Ada" in href
    roadmap.click()
    expect(page.get_by_test_id("stMain").get_by_role("heading", name="Roadmap")).to_be_visible(timeout=60_000)
    expect(sidebar.get_by_label("Your name (for the audit trail)")).to_have_value("Ada Lovelace")


def test_on_a_phone_the_gantt_and_the_health_chart_become_lists(live_app: str, page: Page):
    page.set_viewport_size({"width": 390, "height": 844})
    _open(page, f"{live_app}/roadmap")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Wave 1", exact=True)).to_be_visible()
    expect(main.locator(".st-key-wide-gantt")).to_be_hidden()
    title, toolbar = main.locator("h1").first.bounding_box(), page.get_by_test_id("stHeader").bounding_box()
    assert title and toolbar and title["y"] >= toolbar["y"] + toolbar["height"]  # the title is not under the toolbar
    _open(page, f"{live_app}/health")
    expect(main.locator(".st-key-wide-health")).to_be_hidden()
    expect(main.get_by_role("strong").filter(has_text="Retention rules, strictest on personal data")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 720})
    _open(page, f"{live_app}/roadmap")
    expect(main.locator(".st-key-wide-gantt .js-plotly-plot")).to_be_visible()
    expect(main.locator(".st-key-phone-gantt")).to_be_hidden()
