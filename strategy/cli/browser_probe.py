"""What a person waits for in Chromium on a running app: the roadmap's Gantt drawn, the Objectives page
ready for a click, a phone's vote on the projector; and visits of every page, as sessions, for the
server-memory figure. Used by the benchmark and the browser tests (Playwright, Debian's Chromium)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Locator, Page, sync_playwright

from strategy.cli.live_app import CHROMIUM, CHROMIUM_FLAGS

WAIT_MS = 60_000  # a cold page on a busy 2-core machine; the figure reports what it took
PROJECTOR: dict[str, Any] = {"viewport": {"width": 1920, "height": 1080}}
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
BOARD_WAIT_S = 5.0
LINKS = "[data-testid=stSidebar] [data-testid=stPageLink-NavLink]"
GANTT = "[data-testid=stPlotlyChart] .barlayer path"  # the Gantt tab opens first: its chart is the page's first
IDLE = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  return app !== null && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-stale="true"]');
}"""


@dataclass(frozen=True)
class Timings:
    """Seconds until a page is ready: the first visit, a later new tab, and the median click from the sidebar."""

    first_tab: float
    new_tab: float
    click: float


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def idle(page: Page, timeout: float = WAIT_MS) -> None:
    """Until the script has finished its run and no element is still faded as stale."""
    page.wait_for_function(IDLE, timeout=timeout)


def _new_tab(context: BrowserContext, address: str, ready: Callable[[Page], None]) -> tuple[Page, float]:
    """A new tab (a new session) opened on the address; seconds until `ready` holds."""
    page = context.new_page()
    start = time.monotonic()
    page.goto(address)
    ready(page)
    return page, time.monotonic() - start


def _click_through(page: Page, link: str, ready: Callable[[Page], None]) -> float:
    """From the rule book (no chart, no list), seconds from a click on the sidebar link until `ready`."""
    page.locator(LINKS, has_text="Rule book").first.click()
    page.get_by_role("heading", name="Rule book").first.wait_for(state="visible", timeout=WAIT_MS)
    idle(page)
    start = time.monotonic()
    page.locator(LINKS, has_text=link).first.click()
    ready(page)
    return time.monotonic() - start


def gantt_visible(page: Page) -> None:
    page.locator(GANTT).first.wait_for(state="visible", timeout=WAIT_MS)


def objectives_interactive(page: Page) -> None:
    """The list and the objective opened under it are there, and the script is done: a click answers."""
    page.get_by_text("Open an objective", exact=True).wait_for(state="visible", timeout=WAIT_MS)
    page.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for(state="visible", timeout=WAIT_MS)
    idle(page)


def page_timings(browser: Browser, address: str, link: str, ready: Callable[[Page], None], runs: int) -> Timings:
    """The page as a person meets it: opened in a new tab first (the server computes and caches, the
    browser loads the app's scripts), again in another new tab, then reached `runs` times from the sidebar."""
    context = browser.new_context(**PROJECTOR)
    try:
        first, cold = _new_tab(context, address, ready)
        first.close()
        page, tab = _new_tab(context, address, ready)
        clicks = [_click_through(page, link, ready) for _ in range(runs)]
        return Timings(cold, tab, statistics.median(clicks))
    finally:
        context.close()


def join(page: Page, url: str, code: str, name: str) -> None:
    page.goto(f"{url}/?join={code}")
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name="Join").click()
    page.get_by_role("heading", name=f"Hi {name}").wait_for(state="visible", timeout=WAIT_MS)


def votes_on_board(projector: Page) -> int:
    return int(projector.locator(".board-state").get_attribute("data-votes") or 0)


def vote_and_time(phone: Page, projector: Page, nth: int) -> float:
    """Seconds from a phone's tap until the projector, untouched, shows the new total."""
    before = votes_on_board(projector)
    phone.locator("[class*='st-key-vote_'] button").nth(nth).click()
    tapped = time.monotonic()
    deadline = tapped + BOARD_WAIT_S
    while votes_on_board(projector) <= before:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the projector did not show the vote within {BOARD_WAIT_S:g} s")
        time.sleep(0.05)
    return time.monotonic() - tapped


def open_board(browser: Browser, url: str, workspace_id: int) -> tuple[Page, str]:
    """A projector showing the board of the workspace's live session, opened here unless one is already
    open (the benchmark's workshop rows leave theirs open); returns it and the join code."""
    projector = browser.new_context(**PROJECTOR).new_page()
    projector.goto(f"{url}/workshop?ws={workspace_id}")
    opener = projector.get_by_role("button", name="Open a live session")
    opener.or_(projector.locator(".join-code")).first.wait_for(timeout=WAIT_MS)
    if opener.is_visible():
        opener.click()
    code = projector.locator(".join-code").inner_text(timeout=WAIT_MS).strip()
    projector.goto(f"{url}/workshop?ws={workspace_id}&present=1")
    projector.locator(".board-state").wait_for(state="attached", timeout=WAIT_MS)
    return projector, code


def vote_latencies(browser: Browser, url: str, workspace_id: int, votes: int = 3) -> list[float]:
    projector, code = open_board(browser, url, workspace_id)
    phone = browser.new_context(**PHONE).new_page()
    join(phone, url, code, "Bench")
    phone.get_by_role("tab", name="Vote on needs").click()
    found = []
    for n in range(votes):
        found.append(vote_and_time(phone, projector, n))
        idle(phone)
    phone.context.close()
    projector.context.close()
    return found


def _settled_count(page: Page, links: Locator, tries: int = 20) -> int:
    """How many links the sidebar holds: the most it showed until two counts half a second apart agree.
    A run redrawing the list may show only part of it for a moment (one tour of 100 counted 8 of 20)."""
    count, most = -1, 0
    for _ in range(tries):
        idle(page)
        now = links.count()
        most = max(most, now)
        if now == count:
            break
        count = now
        page.wait_for_timeout(500)
    return most


def visit_every_page(browser: Browser, url: str, workspace_id: int) -> int:
    """One session (one tab) that opens the app and follows each sidebar link in turn, as a person
    touring the workspace does; returns how many pages it saw."""
    context = browser.new_context(**PROJECTOR)
    try:
        page = context.new_page()
        page.goto(f"{url}/?ws={workspace_id}")
        idle(page)
        links = page.locator(LINKS)
        links.last.filter(has_text="Rule book").wait_for(state="visible", timeout=WAIT_MS)  # the whole list
        count = _settled_count(page, links)
        for n in range(count):
            links.nth(n).click()
            page.wait_for_timeout(100)  # the click starts a run before idle() can mean its end
            idle(page)
        return count
    finally:
        context.close()
