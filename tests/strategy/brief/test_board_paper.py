"""The sample's PDF brief reads as a board paper, checked page by page as its recipient reads it:
a one-page summary with the ask, no table row split across pages, no chart without its headings,
no heading left alone at a page foot, readable chart type, and words instead of stored values."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import Any

import pdfplumber
import pytest

from models import base
from models.labels import value_label
from strategy.brief import render_pdf as pdf_module
from strategy.brief.builder import build_brief
from strategy.brief.content import Brief, Chart, Paragraph, Section, Table, UserText
from strategy.brief.export import FORMATS, export_brief
from strategy.brief.images import render_charts
from strategy.brief.render_pdf import render_pdf
from strategy.define.capabilities import LENSES
from tests.strategy.brief.conftest import TODAY
from tests.strategy.brief.readers import docx_text, pdf_text, pptx_text

WORD = re.compile(r"\w+")  # a cell may wrap inside "members/month"; its words are what must stay together
PAGE_NUMBER = re.compile(r"^\d+ / \d+$")
RAW_VALUES = {m.value for kind in vars(base).values() if isinstance(kind, type) and issubclass(kind, enum.Enum)
              for m in kind if value_label(m.value) != m.value}  # fmt: skip
IMAGE_MAX_PX = 140 / 25.4 * 96  # figure img max-height: 140mm, in CSS px
PAGE_WIDTH_PX = (297 - 32) / 25.4 * 96  # A4 landscape less the margins


@dataclass(frozen=True)
class Page:
    text: str
    images: int
    filled_cells: int = 0  # filled boxes narrower than half the page: table cells painted one by one

    @property
    def lines(self) -> list[str]:
        """The page's lines without the page number at its foot."""
        return [line.strip() for line in self.text.splitlines() if line.strip() and not PAGE_NUMBER.match(line.strip())]


def read_pages(content: bytes) -> list[Page]:
    with pdfplumber.open(BytesIO(content)) as document:
        return [
            Page(
                page.extract_text() or "",
                len(page.images),
                sum(bool(r.get("fill")) and r["width"] < page.width / 2 for r in page.rects),
            )
            for page in document.pages
        ]


@pytest.fixture(scope="module")
def paper(sample_db) -> tuple[Brief, list[Page]]:
    engine, workspace = sample_db
    brief = build_brief(engine, workspace.id, today=TODAY)
    return brief, read_pages(render_pdf(brief, render_charts(brief)))


def split_rows(brief: Brief, pages: list[Page]) -> list[tuple[str, ...]]:
    """Rows whose words are not all on one page: a row broken across a page break."""
    words = [set(WORD.findall(page.text)) for page in pages]
    rows = [row for s in brief.sections for b in s.blocks if isinstance(b, Table) for row in b.rows]
    return [row for row in rows if not any(set(WORD.findall(" ".join(row))) <= page for page in words)]


def long_table_brief() -> Brief:
    """Eighty rows, every third several lines tall: it must break across pages, between rows."""
    tall = "a long note that wraps over several lines of the cell " * 6
    rows = tuple((f"Row{n}", f"{tall if n % 3 == 0 else 'short'} end{n}", f"{n:,}") for n in range(80))
    table = Table(("Name", "Note", "Count"), rows, numeric=frozenset({2}))
    return Brief("Long", "Org", date(2026, 11, 23), 1, (Section("s", "Long table", (table,)),))


def test_the_executive_summary_is_one_page_with_the_ask_the_health_score_and_the_top_risks(paper):
    _, pages = paper
    summary = [page for page in pages if "Executive summary" in page.text]
    assert len(summary) == 1  # the running header would repeat it on a second page
    assert pages.index(summary[0]) == 1  # straight after the cover
    text = " ".join(summary[0].text.split())
    assert "Decision asked of the board: approve the first wave" in text
    assert "Strategy health" in text and re.search(r"\b\d+ / 100\b", text)
    assert re.search(r"Top risks( \(each in full on the Health check page of the workbench\))?:", text)
    assert "chance of a negative NPV" in text


def test_no_table_row_is_split_across_pages(paper):
    brief, pages = paper
    assert split_rows(brief, pages) == []


def test_a_table_longer_than_a_page_breaks_between_rows_and_repeats_its_header():
    brief = long_table_brief()
    pages = read_pages(render_pdf(brief, {}))
    assert len(pages) >= 3
    assert split_rows(brief, pages) == []
    assert all("Name Note Count" in page.text for page in pages[1:])


def test_the_row_check_finds_a_split_row_when_rows_may_break(monkeypatch):
    monkeypatch.setattr(pdf_module, "CSS", pdf_module.CSS.replace("tr { break-inside: avoid; }", ""))
    brief = long_table_brief()
    assert split_rows(brief, read_pages(render_pdf(brief, {}))) != []


def test_every_chart_is_on_a_page_with_its_section_its_heading_and_its_takeaway(paper):
    brief, pages = paper
    placed = [(page, n) for page in pages for n in range(page.images)]
    charts = [(section, chart) for section in brief.sections for chart in section.blocks if isinstance(chart, Chart)]
    assert len(placed) == len(charts)
    for (page, _), (section, chart) in zip(placed, charts, strict=True):
        text = " ".join(page.text.split())
        assert section.title in text and chart.title in text, chart.title
        assert chart.takeaway and " ".join(chart.takeaway.split()) in text, chart.title


def test_no_page_ends_with_a_heading_or_a_lead_in(paper):
    brief, pages = paper
    headings = {s.title for s in brief.sections} | {c.title for c in brief.charts()}
    for number, page in enumerate(pages[:-1], start=1):
        last = page.lines[-1]
        assert last not in headings and not last.endswith(":"), f"page {number} ends with {last!r}"


def font_sizes(node: Any, inside_font: bool = False) -> list[float]:
    """Every font size set anywhere in a figure's JSON (unset ones inherit the layout's)."""
    if isinstance(node, dict):
        found = [float(node["size"])] if inside_font and isinstance(node.get("size"), int | float) else []
        for key, value in node.items():
            found += font_sizes(value, key.endswith("font"))
        return found
    if isinstance(node, list):
        return [size for item in node for size in font_sizes(item, inside_font)]
    return []


def test_chart_type_prints_at_9_pt_or_more(paper):
    brief, _ = paper
    for chart in brief.charts():
        shrink = min(1.0, PAGE_WIDTH_PX / chart.width, IMAGE_MAX_PX / chart.height)
        smallest = min(font_sizes(chart.figure.to_plotly_json()))
        assert smallest * 0.75 * shrink >= 9, (
            f"{chart.title}: {smallest} px prints at {smallest * 0.75 * shrink:.1f} pt"
        )


def test_the_brief_shows_words_not_stored_values(paper):
    brief, pages = paper
    text = "\n".join(page.text for page in pages)
    assert "None" not in text and "data version" not in text
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text)  # a field or value name such as wish_list
    assert not re.search(r"\b[A-Z]{2,}-[A-Z]{2,}", text)  # a rule id such as TRACK-STATUS
    cells = {cell for s in brief.sections for b in s.blocks if isinstance(b, Table) for r in b.rows for cell in r}
    assert {cell for cell in cells if not isinstance(cell, UserText)} & RAW_VALUES == set()
    assert not re.search(r"\b[SMART]:(pass|fail|stretch)\b", text)


def stored_names(text: str) -> list[str]:
    """What a reader should never see: a field or value name (wish_list), a rule id (TRACK-STATUS), a
    SMART letter code (S:pass), an empty value (None) or the data version."""
    return [
        *re.findall(r"\b[a-z]+_[a-z_]+\b", text),
        *re.findall(r"\b[A-Z]{2,}-[A-Z]{2,}\b", text),
        *re.findall(r"\b[SMART]:(?:pass|fail|stretch)\b", text),
        *re.findall(r"\bNone\b|data version", text),
    ]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_format_shows_a_stored_name(sample_db, fmt, tmp_path):
    engine, workspace = sample_db
    content = export_brief(engine, workspace.id, fmt, today=TODAY).content
    readers = {
        "pdf": lambda: pdf_text(content, tmp_path),
        "docx": lambda: docx_text(content),
        "pptx": lambda: pptx_text(content),
        "md": lambda: re.sub(r"\(data:image/svg\+xml;base64,[^)]*\)", "", content.decode()),
    }
    assert stored_names(readers[fmt]()) == []


def chart_words(node: Any) -> list[str]:
    """Every piece of text a chart shows or names: labels, ticks, legend entries, hover text."""
    if isinstance(node, dict):
        return [word for value in node.values() for word in chart_words(value)]
    if isinstance(node, list | tuple):
        return [word for item in node for word in chart_words(item)]
    if isinstance(node, str):
        lines = node.replace("<br>", " ")  # "Product<br>leadership" reads as one label
        return [piece.strip() for piece in re.split(r"<[^>]+>", lines) if piece.strip()]
    return []


def test_the_charts_show_words_not_stored_values(paper):
    brief, _ = paper
    dimensions = {key for lens in LENSES.values() for key in lens.dimensions if value_label(key) != key}
    for chart in brief.charts():
        words = chart_words(chart.figure.to_plotly_json())
        assert set(words) & (RAW_VALUES | dimensions) == set(), chart.title
        assert stored_names(" ".join(words)) == [], chart.title


def test_table_headers_are_ruled_not_painted_cell_by_cell(paper):
    """Header cells filled one by one leave hairline seams between them in most PDF viewers."""
    _, pages = paper
    assert [n for n, page in enumerate(pages, start=1) if page.filled_cells] == []


def test_no_page_holds_a_lone_line(paper):
    """A page with neither a chart nor three lines under its running header is a remainder: a row,
    a closing sentence or a lead-in that should have stayed with the rest of its section."""
    _, pages = paper
    thin = [n for n, page in enumerate(pages[1:], start=2) if not page.images and len(page.lines) < 4]
    assert thin == []


def test_the_markdown_brief_escapes_only_what_markdown_would_act_on(sample_db):
    engine, workspace = sample_db
    markdown = export_brief(engine, workspace.id, "md", today=TODAY).content.decode()
    text = re.sub(r"\(data:image/svg\+xml;base64,[^)]*\)", "(chart)", markdown)
    assert len(text.encode()) < 40_000
    assert text.count("\\") < 40
    assert not re.search(r"\S\\[(.\-)!]", text)  # ( . - ) ! are escaped nowhere but at a line's start


def test_a_paragraph_is_never_alone_with_the_running_header():
    brief = Brief("B", "Org", date(2026, 11, 23), 1, (Section("s", "Only words", (Paragraph("Hello"),)),))
    pages = read_pages(render_pdf(brief, {}))
    assert "Only words" in pages[1].text and "Only words" not in pages[0].text  # the cover has no header
