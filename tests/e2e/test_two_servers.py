"""Journey for a team: two Streamlit servers share one PostgreSQL, as behind a load balancer with
sticky sessions. Alice works through one server, Bob through the other, on one workspace: edits to
different objectives are both kept; a save over a change the other made after it was opened is refused
naming who changed what; and each server shows the other's change on its next render (the caches key
on the workspace's data version, which every server reads from the database)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect
from sqlalchemy import Engine

from models.migrate import upgrade_to_head
from strategy.store.database import load_sample
from strategy.store.records import list_records
from strategy.store.workspaces import list_workspaces
from tests.conftest import SAMPLE
from tests.db.conftest import pg_engine  # noqa: F401 - the throw-away PostgreSQL, emptied
from tests.e2e.servers import app_env, running_apps
from tests.e2e.settle import settle

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

RENEWALS = "Raise the 12-month renewal rate from 71 % to 78 % by December 2028"
WIN_BACK = "Win back 12,000 lapsed members a year by December 2027"
ALICE_RENEWALS = "Raise 12-month renewals from 71 % to 79 % by December 2028"
BOB_WIN_BACK = "Win back 13,000 lapsed members a year by December 2027"
ALICE_AGAIN = "Raise 12-month renewals from 71 % to 80 % by December 2028"
BOB_CLASH = "Raise 12-month renewals from 70 % to 80 % by December 2028"
SAVED = "Objective saved: its SMART check is updated."


@pytest.fixture
def two_servers(pg_engine: Engine, tmp_path: Path) -> Iterator[list[str]]:  # noqa: F811
    """The schema migrated and the sample loaded once, then two app servers on that one database."""
    upgrade_to_head(pg_engine)
    load_sample(pg_engine, SAMPLE, actor="sample loader")
    url = pg_engine.url.render_as_string(hide_password=False)
    with running_apps([app_env(DATABASE_URL=url), app_env(DATABASE_URL=url)], tmp_path) as urls:
        yield urls


@pytest.fixture
def browsers(browser: Browser) -> Iterator[Callable[[], Page]]:
    """Each call: a new person's browser (its own cookies, so its own server session), closed after."""
    contexts: list[BrowserContext] = []

    def new_person() -> Page:
        contexts.append(browser.new_context(viewport={"width": 1920, "height": 1080}))
        return contexts[-1].new_page()

    yield new_person
    for context in contexts:  # before the servers stop: an open session would hold a server's exit up
        context.close()


def open_objectives(pages: dict[str, Page], servers: list[str]) -> None:
    """Each person on the Objectives page of their own server; both pages load at once (a server's
    first page imports most of the app, so two in turn would double the wait)."""
    for (who, page), server in zip(pages.items(), servers, strict=True):
        page.goto(f"{server}/objectives?by={who}", wait_until="commit")
    for page in pages.values():
        expect(page.get_by_role("heading", name="Objectives", exact=True)).to_be_visible(timeout=60_000)
        settle(page)


def rerender(page: Page) -> None:
    """The person's next render after a save: back to the page through its link, in the same session;
    the save's confirmation is shown once, so its going says the page was drawn again."""
    page.get_by_test_id("stSidebar").get_by_role("link", name="Objectives (SMART)").click()
    expect(page.get_by_text(SAVED)).to_have_count(0)
    settle(page)


def open_objective(page: Page, title: str) -> Locator:
    """Pick the objective in the list's picker (its options are the titles this server read) and
    open its edit form; returns the objective's card."""
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Open an objective")
    picker.get_by_role("combobox").click()
    page.keyboard.type(title)  # typing opens the list whatever the click did, and narrows it
    page.get_by_role("option", name=title, exact=True).click()
    card = page.locator("[class*='st-key-objective_card_']")
    expect(card.get_by_role("heading", name=title, exact=True)).to_be_visible()
    settle(page)
    card.get_by_test_id("stExpander").filter(has_text="Edit").locator("summary").click()
    expect(card.get_by_test_id("stForm")).to_be_visible()
    return card


def retitle(card: Locator, title: str) -> None:
    form = card.get_by_test_id("stForm")
    field = form.get_by_label("Objective", exact=True)
    field.fill(title)
    expect(field).to_have_value(title)  # typed into the form as drawn, not one replaced since
    form.get_by_role("button", name="Save objective").click()


def expect_saved(page: Page) -> None:
    """The save's confirmation; if it does not come, say what the page said instead."""
    try:
        expect(page.get_by_text(SAVED)).to_be_visible()
    except AssertionError as missing:
        said = page.get_by_test_id("stAlert").all_inner_texts()
        raise AssertionError(f"not saved; the page says {said}") from missing


def stored_titles(engine: Engine) -> set[str]:
    [workspace] = list_workspaces(engine)
    return {o["title"] for o in list_records(engine, "objective", workspace.id or 0)}


def test_two_people_on_two_servers_keep_both_edits_and_a_clash_is_refused_by_name(
    browsers: Callable[[], Page],
    two_servers: list[str],
    pg_engine: Engine,  # noqa: F811
):
    alice, bob = browsers(), browsers()
    open_objectives({"Alice": alice, "Bob": bob}, two_servers)  # Alice on server A, Bob on server B

    # Different objectives at once: both kept.
    alice_card = open_objective(alice, RENEWALS)
    bob_card = open_objective(bob, WIN_BACK)
    retitle(alice_card, ALICE_RENEWALS)
    expect_saved(alice)
    retitle(bob_card, BOB_WIN_BACK)
    expect_saved(bob)
    assert {ALICE_RENEWALS, BOB_WIN_BACK} <= stored_titles(pg_engine)

    # Each server had cached the workspace before the other's save; its next render shows that save.
    rerender(alice)
    rerender(bob)
    alice_card = open_objective(alice, BOB_WIN_BACK)  # server A, Bob's title
    bob_card = open_objective(bob, ALICE_RENEWALS)  # server B, Alice's title

    # One objective, opened by both before either saves: the second save is refused, naming Alice.
    alice_card = open_objective(alice, ALICE_RENEWALS)
    retitle(alice_card, ALICE_AGAIN)
    expect_saved(alice)
    retitle(bob_card, BOB_CLASH)
    refusal = bob.get_by_test_id("stAlert").filter(has_text="Not saved.")
    expect(refusal).to_contain_text(re.compile(r"was changed by Alice after you opened it \(title\)"))
    expect(bob_card.get_by_role("heading", name=ALICE_AGAIN, exact=True)).to_be_visible()  # server B shows it
    expect(bob_card.get_by_label("Objective", exact=True)).to_have_value(BOB_CLASH)  # his typing is kept
    titles = stored_titles(pg_engine)
    assert ALICE_AGAIN in titles and BOB_CLASH not in titles
