"""On the projector each page shows one idea: its headline figures and chart across the width, with
the desk's editing widgets and the page's introduction out of the room's sight (but still there)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.settle import settle

pytestmark = pytest.mark.e2e

# What a page looks like to the room: where its first chart sits and what editing chrome shows.
LAYOUT = """() => {
  const main = document.querySelector('.stMainBlockContainer');
  const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const chart = [...main.querySelectorAll('.js-plotly-plot')].filter(shown)[0];
  const editing = ['stTextInput', 'stTextArea', 'stNumberInput', 'stDateInput', 'stPopover', 'stForm']
    .flatMap(id => [...main.querySelectorAll(`[data-testid=${id}]`)].filter(shown));
  const pickers = [...main.querySelectorAll('[data-testid=stSelectbox]')].filter(shown)
    .map(e => e.innerText.split('\\n')[0]);
  const intro = main.querySelector(
    '.stElementContainer:has(h1) + .stElementContainer [data-testid=stCaptionContainer]');
  return {
    chartTop: chart ? chart.getBoundingClientRect().top : null,
    chartShare: chart ? chart.getBoundingClientRect().width / main.getBoundingClientRect().width : 0,
    editing: editing.length, pickers, introShown: !!intro && shown(intro),
  };
}"""


def _layout(page: Page, url: str, *, chart: bool = False) -> dict:
    page.goto(url)
    expect(page.get_by_text("Step 1 of 6")).to_be_visible(timeout=30_000)
    if chart:  # plotly's script loads after the page's text
        expect(page.locator(".stMainBlockContainer .js-plotly-plot").first).to_be_visible(timeout=30_000)
    settle(page)
    return page.evaluate(LAYOUT)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_a_chart_beside_a_form_takes_the_whole_width_and_starts_on_the_first_screen(
    live_app: str, page: Page, size: tuple[int, int]
):
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    for name in ["needs", "direction", "capabilities", "objectives"]:
        seen = _layout(page, f"{live_app}/{name}?present=1", chart=True)
        assert seen["chartShare"] > 0.85, (name, seen)
        assert seen["chartTop"] is not None and seen["chartTop"] < height * 0.8, (name, seen)
        assert not seen["introShown"], (name, seen)


def test_the_desk_s_editing_widgets_leave_the_projector_but_what_they_hold_stays(live_app: str, page: Page):
    for name in ["kpis", "initiatives", "stakeholders", "feedback", "vision"]:
        seen = _layout(page, f"{live_app}/{name}?present=1")
        assert seen["editing"] == 0, (name, seen)
        # A picker that chooses what the room looks at stays; one that chooses what to edit goes.
        assert not {"KPI to edit", "Start from the KPI library", "Add or edit"} & set(seen["pickers"]), (name, seen)
    # The vision's form is hidden, so the vision itself is shown as text for the room to read.
    expect(page.get_by_role("strong").filter(has_text="By 2029 every Meridian member is recognised")).to_be_visible()
    page.get_by_role("button", name="Leave").click()
    expect(page.get_by_test_id("stSidebar")).to_be_visible(timeout=15_000)
    expect(page.get_by_label("Where the organisation will be, in one or two sentences")).to_have_value(
        "By 2029 every Meridian member is recognised and served as one person in every store, online and on the "
        "phone, and stays a member because we help them get outdoors."
    )


def test_the_join_code_and_the_room_s_votes_stay_side_by_side(live_app: str, page: Page):
    page.goto(f"{live_app}/workshop?present=0")
    page.get_by_role("button", name="Open a live session").click()
    code = page.locator(".join-code")
    expect(code).to_be_visible(timeout=30_000)
    page.goto(f"{live_app}/workshop?present=1")
    votes = page.locator(".stMainBlockContainer .js-plotly-plot").first
    expect(votes).to_be_visible(timeout=30_000)
    settle(page)
    code_box, votes_box = code.bounding_box(), votes.bounding_box()
    assert code_box and votes_box
    assert code_box["x"] + code_box["width"] <= votes_box["x"], (code_box, votes_box)  # the code left, votes right
    assert code_box["y"] + code_box["height"] < 1080, code_box  # the code on the first screen
