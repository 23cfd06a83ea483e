"""Journey: what the browser would refuse without a word — a number out of range, a paste longer
than the field takes — is let through to the check that says why, next to the field, and an
earlier refusal does not linger once the next submit is judged."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.settle import settle

pytestmark = pytest.mark.e2e

LONG_PASTE = ("Quotes take a week because every discount needs a manager's signature. " * 70)[:5000]


def _form(page: Page):
    return page.get_by_test_id("stForm")


def test_an_effort_below_zero_is_refused_in_words_and_the_old_error_goes(live_app: str, page: Page):
    page.goto(f"{live_app}/initiatives")
    add = page.get_by_role("button", name="Add initiative")
    add.click()
    expect(page.get_by_test_id("stAlert").filter(has_text="Title is required.")).to_be_visible(timeout=30_000)
    settle(page)

    page.get_by_label("Initiative title").fill("Quote approval in the CRM")
    page.get_by_label("Effort (person-weeks)").fill("-5")
    page.get_by_label("Duration (weeks)").fill("0")
    page.get_by_label("Duration (weeks)").press("Tab")  # a number is committed as it loses focus
    settle(page)  # the rerun that commits it ends before Add is pressed
    add.click()
    expect(_form(page).get_by_text("Effort must be 0 or more.")).to_be_visible()  # beside the field
    expect(_form(page).get_by_text("Duration (weeks) must be 1 or more.")).to_be_visible()
    expect(page.get_by_text("Title is required.")).to_have_count(0)  # the stale refusal is gone
    settle(page)  # the rerun done: no copy of the form left from before it
    expect(page.get_by_label("Effort (person-weeks)")).to_have_value("-5.00")  # kept, to correct

    page.get_by_label("Effort (person-weeks)").fill("5")
    page.get_by_label("Duration (weeks)").fill("4")
    page.get_by_label("Duration (weeks)").press("Tab")
    settle(page)
    add.click()
    expect(page.get_by_text("Initiative 'Quote approval in the CRM' added.")).to_be_visible()


def test_a_paste_longer_than_the_field_is_kept_and_the_limit_is_named(live_app: str, page: Page):
    page.goto(f"{live_app}/needs")
    title = page.get_by_label("Need, in a few words")
    title.fill(LONG_PASTE)
    expect(title).to_have_value(LONG_PASTE)  # not silently emptied
    page.get_by_role("button", name="Add need").click()
    expect(_form(page).get_by_text("At most 120 characters here")).to_be_visible()

    evidence = page.get_by_label("Evidence")
    title.fill("Quotes take a week")
    evidence.fill(LONG_PASTE)
    expect(evidence).to_have_value(LONG_PASTE)
    box = _form(page).get_by_test_id("stSelectbox").filter(has_text="department")
    box.click()
    page.keyboard.type("Sales")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Add need").click()
    expect(_form(page).get_by_text("Evidence must be 2000 characters or fewer.")).to_be_visible()
    expect(evidence).to_have_value(LONG_PASTE)
