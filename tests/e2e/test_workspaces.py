"""Journey: a facilitator creates a second strategy, switches to it, and sees its name."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_create_and_switch_workspace(live_app: str, page: Page):
    page.goto(live_app)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Meridian Outdoor Co-op")).to_be_visible(timeout=30_000)

    page.get_by_role("link", name="Workspaces").click()
    form = page.get_by_test_id("stForm").filter(has_text="New workspace")
    form.get_by_label("Name").fill("Harbour Bank CRM 2027")
    form.get_by_role("button", name="Create workspace").click()
    expect(page.get_by_text("Created 'Harbour Bank CRM 2027': you are working in it now.")).to_be_visible()

    page.get_by_role("link", name="Home").click()
    picker = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")
    picker.scroll_into_view_if_needed()
    picker.get_by_role("combobox").click()
    page.get_by_role("option", name="Harbour Bank CRM 2027").click()
    expect(main.get_by_role("heading", name="Harbour Bank CRM 2027")).to_be_visible()
    expect(page).to_have_url(re.compile(r"ws=\d+"))
