"""Journey: the room picks product leadership as its lead; the Direction page and the health check
both say that CRM is only a weak fit for it, naming the rule."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e
FIT_NOTE = "Health check · CRM fits the lead value discipline"  # the rule named, as on every page


@pytest.fixture(autouse=True)
def _no_file_watcher(monkeypatch: pytest.MonkeyPatch) -> None:
    """Other work in the same checkout must not reload the server under test (see test_smart.py)."""
    monkeypatch.setenv("STREAMLIT_SERVER_FILE_WATCHER_TYPE", "none")


def test_leading_with_product_leadership_is_flagged_as_a_weak_fit(live_app: str, page: Page):
    page.goto(live_app)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Meridian Outdoor Co-op")).to_be_visible(timeout=30_000)
    page.get_by_role("link", name="Direction").click()
    expect(main.get_by_text(FIT_NOTE)).to_have_count(0)

    form = page.get_by_test_id("stForm").filter(has_text="Lead in one discipline")
    form.get_by_role("radiogroup", name="Lead in one discipline").get_by_text("Product leadership").click()
    form.get_by_role("button", name="Save value disciplines").click()
    note = main.get_by_test_id("stAlert").filter(has_text=FIT_NOTE)
    expect(note).to_contain_text("Product leadership leads, where CRM is a weak fit", timeout=20_000)

    page.get_by_role("link", name="Health check").click()
    expect(main.get_by_role("heading", name="Strategy health check")).to_be_visible(timeout=30_000)
    expect(main.get_by_text("Product leadership leads, where CRM is a weak fit")).to_be_visible(timeout=30_000)
