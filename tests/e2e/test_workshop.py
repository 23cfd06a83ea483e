"""Journey: a facilitator on the projector and three phones in the room — join by code, raise needs,
dot-vote, see the totals on the big screen within seconds; accessibility and type sizes checked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from strategy.cli.browser_probe import BOARD_WAIT_S, PHONE, PROJECTOR, join, vote_and_time, votes_on_board
from tests.e2e.settle import settle

pytestmark = pytest.mark.e2e

SHOTS = Path(os.environ.get("WORKBENCH_SHOTS", tempfile.gettempdir()))


def serious(page: Page) -> list[str]:
    """axe-core's serious and critical findings, once the page has settled (no element faded as stale)."""
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")
    page.wait_for_timeout(500)
    found = Axe().run(page).response["violations"]
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]} ({v['nodes'][0]['failureSummary']})"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def test_three_phones_join_raise_and_vote_while_the_projector_updates_itself(live_app: str, browser: Browser):
    projector = browser.new_context(**PROJECTOR).new_page()
    projector.goto(f"{live_app}/workshop")
    projector.get_by_role("button", name="Open a live session").click()
    code = projector.locator(".join-code").inner_text(timeout=30_000).strip()
    projector.goto(f"{live_app}/workshop?present=1")
    expect(projector.locator(".board-state")).to_be_attached(timeout=30_000)

    phones = [browser.new_context(**PHONE).new_page(), browser.new_context(**PHONE).new_page()]
    phones.append(browser.new_context(viewport={"width": 1280, "height": 720}).new_page())
    for phone, name in zip(phones, ("Ana", "Ben", "Chloé"), strict=True):
        join(phone, live_app, code, name)
    for phone, title in ((phones[0], "Returns are keyed twice"), (phones[1], "<b>=SUM(A1)</b> in the till")):
        phone.get_by_role("tab", name="Raise a pain or opportunity").click()
        phone.get_by_label("In a few words").fill(title)
        phone.get_by_label("Your department").fill("Stores")
        phone.get_by_role("button", name="Send to the screen").click()
        expect(phone.get_by_text("Sent to the screen")).to_be_visible()
        phone.get_by_role("tab", name="Vote on needs").click()
    expect(projector.get_by_text("<b>=SUM(A1)</b> in the till")).to_be_visible(timeout=BOARD_WAIT_S * 1000)

    latencies = [vote_and_time(phone, projector, n) for n in range(3) for phone in phones]
    print(
        f"\nprojector latency, tap → total on screen: median {sorted(latencies)[4]:.2f} s, max {max(latencies):.2f} s"
    )
    assert votes_on_board(projector) == 9 and max(latencies) <= BOARD_WAIT_S
    assert serious(projector) == []  # the projector's live board, code and QR
    projector.screenshot(path=str(SHOTS / "projector_live_vote_1920.png"))

    phones[0].locator("[class*='st-key-vote_'] button").first.click()
    expect(phones[0].get_by_text("You have placed all 3 of your votes in this round.")).to_be_visible()
    phones[0].reload()
    expect(phones[0].get_by_role("heading", name="Hi Ana")).to_be_visible(timeout=30_000)
    expect(phones[0].get_by_test_id("stMetricValue")).to_have_text("0 of 3")
    assert votes_on_board(projector) == 9


SIZES = """() => {
  const px = (el) => parseFloat(getComputedStyle(el).fontSize);
  const main = document.querySelector('[data-testid="stMain"]');
  const body = [...main.querySelectorAll('p, li, td, label')].filter(e => e.offsetParent && e.innerText.trim());
  const heads = [...main.querySelectorAll('h1, h2, h3')].filter(e => e.offsetParent);
  return {body: Math.min(...body.map(px)), heads: Math.min(...heads.map(px)), n: body.length};
}"""


def test_presentation_and_participant_pages_are_accessible_and_large(live_app: str, browser: Browser):
    projector = browser.new_context(**PROJECTOR).new_page()
    projector.goto(f"{live_app}/needs?present=1")
    expect(projector.get_by_text("Step 1 of 6")).to_be_visible(timeout=30_000)
    expect(projector.get_by_role("heading", name="Needs by score and department")).to_be_visible()
    settle(projector)
    # Streamlit can go idle between two parts of a page under load: wait for the page's text, then measure.
    projector.wait_for_function(f"() => ({SIZES})().n > 5", timeout=30_000)
    projector.screenshot(path=str(SHOTS / "presentation_1920.png"))
    sizes = projector.evaluate(SIZES)
    assert sizes["body"] >= 24 and sizes["heads"] >= 44 and sizes["n"] > 5, sizes
    assert serious(projector) == []
    projector.set_viewport_size({"width": 1280, "height": 720})
    assert projector.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    projector.screenshot(path=str(SHOTS / "presentation_1280.png"))
    projector.keyboard.press("ArrowRight")
    expect(projector.get_by_role("heading", name="Vision", exact=True)).to_be_visible(timeout=15_000)
    projector.keyboard.press("Escape")
    expect(projector.get_by_test_id("stSidebar")).to_be_visible(timeout=15_000)

    projector.goto(f"{live_app}/workshop")
    projector.get_by_role("button", name="Open a live session").click()
    code = projector.locator(".join-code").inner_text(timeout=30_000).strip()
    phone = browser.new_context(**PHONE).new_page()
    phone.goto(f"{live_app}/?join={code}")
    expect(phone.get_by_label("Your name")).to_be_visible(timeout=30_000)
    assert serious(phone) == []
    join(phone, live_app, code, "Dana")
    assert serious(phone) == []
    phone.screenshot(path=str(SHOTS / "participant_390.png"))
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
