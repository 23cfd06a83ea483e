"""Journey: a facilitator writes a vague objective, sees it fail Specific and Measurable, fixes it
in front of the room and sees it pass the SMART check."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _no_file_watcher(monkeypatch: pytest.MonkeyPatch) -> None:
    """Other work in the same checkout must not make the server under test reload its modules
    (a reload re-declares the SQLModel tables and the page fails); runs before live_app starts."""
    monkeypatch.setenv("STREAMLIT_SERVER_FILE_WATCHER_TYPE", "none")


VAGUE = "Improve sales"
FIXED = "Raise the win rate from 20 % to 25 % by December 2027"


def objective_card(page: Page, title: str) -> Locator:
    heading = page.get_by_role("heading", name=title, exact=True)
    return page.locator("[class*='st-key-objective_card_']").filter(has=heading)


def test_a_vague_objective_fails_then_passes_once_made_smart(live_app: str, page: Page):
    page.goto(live_app)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Meridian Outdoor Co-op")).to_be_visible(timeout=30_000)
    page.get_by_role("link", name="Objectives (SMART)").click()

    add = page.get_by_test_id("stForm").filter(has_text="Add an objective")
    add.get_by_label("Objective", exact=True).fill(VAGUE)
    add.get_by_role("button", name="Add objective").click()
    card = objective_card(page, VAGUE)
    expect(card.get_by_text("Specific: fail").first).to_be_visible()
    expect(card.get_by_text("Measurable: fail").first).to_be_visible()

    card.get_by_test_id("stExpander").filter(has_text="Edit").click()
    edit = card.get_by_test_id("stForm")
    edit.get_by_label("Objective", exact=True).fill(FIXED)
    edit.get_by_label("Metric", exact=True).fill("win rate")
    edit.get_by_label("Unit", exact=True).fill("%")
    edit.get_by_label("Baseline", exact=True).fill("20")
    edit.get_by_label("Target", exact=True).fill("25")
    edit.get_by_role("spinbutton", name="day, Due date").click()
    page.keyboard.type("31122027")  # the picker writes the day first, as every date in the app
    edit.get_by_test_id("stMultiSelect").locator("input").click()
    page.keyboard.type("Members lapse")
    page.get_by_role("option", name="Members lapse without anyone noticing").click()
    page.keyboard.press("Escape")
    edit.get_by_role("button", name="Save objective").click()

    fixed = objective_card(page, FIXED)
    for letter in ("Specific", "Measurable", "Achievable", "Relevant", "Time-bound"):
        expect(fixed.get_by_text(f"{letter}: pass").first).to_be_visible()
    expect(fixed.get_by_text(re.compile(r"PASS$")).first).to_be_visible()
    expect(objective_card(page, VAGUE)).to_have_count(0)
