"""Journey: build the strategy brief as PDF in the app and download it."""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_download_the_pdf_brief(live_app: str, page: Page, tmp_path):
    page.goto(f"{live_app}/brief")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Strategy brief")).to_be_visible(timeout=30_000)
    main.get_by_role("button", name="Build the brief").click()
    download_button = main.get_by_role("button", name="Download")
    expect(download_button).to_be_visible(timeout=90_000)
    with page.expect_download() as info:
        download_button.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.suffix == ".pdf" and path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Meridian Outdoor Co-op: CRM strategy" in text and "Executive summary" in text
