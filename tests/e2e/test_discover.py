"""Journey: in a workshop the facilitator captures a pain and an opportunity and sees them ranked;
then a champion leaves and the gap is flagged with the backup proposed."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.settle import settle

pytestmark = pytest.mark.e2e

PAIN = "Web leads never get a call back"
OPPORTUNITY = "Sell trip insurance with every course booking"
KEYBOARD_NEED = "Contracts wait for a legal review"


def _choose_department(page: Page, name: str) -> None:
    """The department box suggests known departments and accepts a new one typed in."""
    settle(page)  # a rerun still drawing the page would close the list as it opens
    box = page.get_by_test_id("stForm").get_by_test_id("stSelectbox").filter(has_text="department")
    box.click()
    page.keyboard.type(name)
    expect(page.get_by_role("option").filter(has_text=name).first).to_be_visible()  # the list has caught up
    page.keyboard.press("Enter")
    expect(box.get_by_role("combobox")).to_have_value(name)


def test_add_a_pain_and_an_opportunity_then_see_them_ranked(live_app: str, page: Page):
    page.goto(live_app)
    page.get_by_role("link", name="Business need").click()
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Business need")).to_be_visible(timeout=30_000)
    title = page.get_by_label("Need, in a few words")

    title.fill(PAIN)
    _choose_department(page, "Sales")
    page.get_by_label("Estimated annual value (GBP, optional)").fill("500000")
    page.get_by_role("button", name="Add need").click()
    expect(page.get_by_text(f"Added pain '{PAIN}'.")).to_be_visible()
    expect(title).to_have_value("")
    expect(title).to_be_focused()  # ready for the next need without reaching for the mouse

    page.keyboard.type(OPPORTUNITY)
    page.get_by_test_id("stForm").get_by_text("Opportunity", exact=True).click()
    _choose_department(page, "Marketing")
    for label in ("Severity or size (1-5)", "Reach (1-5)"):
        page.get_by_role("slider", name=label).focus()
        page.keyboard.press("End")
    page.get_by_role("button", name="Add need").click()
    expect(page.get_by_text(f"Added opportunity '{OPPORTUNITY}'.")).to_be_visible()

    table = page.get_by_test_id("stTable")
    opportunity = table.get_by_role("row").filter(has_text=OPPORTUNITY)
    expect(opportunity.get_by_role("cell").first).to_have_text("2")  # 5 × 5 = 25, second only to 27.3
    expect(opportunity).to_contain_text("Opportunity")
    pain = table.get_by_role("row").filter(has_text=PAIN)
    expect(pain).to_contain_text("10.7")  # 3 × 3 + 1.7 value points for £500k
    expect(pain).to_contain_text("Sales")


def test_keyboard_only_entry_keeps_the_department_and_who_raised_it(live_app: str, page: Page):
    """Tab from a chosen department goes to the next field (not to a hidden "Clear value" button that
    swallows the typing and clears the department on Enter); Enter then saves the need with both."""
    page.goto(live_app)
    page.get_by_role("link", name="Business need").click()
    expect(page.get_by_test_id("stMain").get_by_role("heading", name="Business need")).to_be_visible(timeout=30_000)
    page.get_by_label("Need, in a few words").fill(KEYBOARD_NEED)
    _choose_department(page, "Legal")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Raised by")).to_be_focused()
    page.keyboard.type("Ana Ruiz")
    page.keyboard.press("Enter")

    expect(page.get_by_text(f"Added pain '{KEYBOARD_NEED}'.")).to_be_visible()
    expect(page.get_by_test_id("stTable").get_by_role("row").filter(has_text=KEYBOARD_NEED)).to_contain_text("Legal")
    expect(page.get_by_text("“Ana Ruiz” is kept from the last need")).to_be_visible()


def test_mark_a_champion_as_left_and_see_the_gap_flagged(live_app: str, page: Page):
    page.goto(live_app)
    page.get_by_role("link", name="Stakeholders & champions").click()
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Stakeholders & champions")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Marketing ✔ Covered")).to_be_visible()

    main.get_by_role("combobox", name="Stakeholder", exact=True).click()
    page.get_by_role("option", name="Lena Fischer — Marketing").click()
    page.get_by_role("button", name="Mark Lena Fischer as left").click()

    alert = page.get_by_test_id("stAlert").filter(has_text="Champion Lena Fischer has left")
    expect(alert).to_contain_text("make the backup Sofia Marin the champion now")
    expect(page.get_by_text("Marketing ✖ Champion left")).to_be_visible()
    page.get_by_role("button", name="Make Sofia Marin the Marketing champion").click()
    expect(page.get_by_text("Sofia Marin is now the Marketing champion")).to_be_visible()
    expect(page.get_by_text("Marketing ⚠ No backup")).to_be_visible()
