"""The hostile corpus through the services the forms call, through import, and through every brief
format: each value is refused with a message naming its field, or stored and shown literally;
nothing is partly written; no export runs a formula, fetches a URL or interprets markup."""

from __future__ import annotations

import json
import re
from datetime import date
from io import BytesIO

import pytest
from docx import Document
from markdown_it import MarkdownIt
from pptx import Presentation

from strategy.brief.content import Brief, Paragraph, Section, Table, UserText
from strategy.brief.escape import looks_like_formula
from strategy.brief.render_docx import render_docx
from strategy.brief.render_markdown import render_markdown
from strategy.brief.render_pdf import brief_html, render_pdf
from strategy.brief.render_pptx import render_pptx
from strategy.errors import InvalidInput
from strategy.store.interchange import export_document, import_document, parse_document
from strategy.store.records import get_record
from strategy.store.workspaces import list_workspaces
from tests.conftest import SAMPLE
from tests.factories import ACTOR, make_need, make_objective, make_workspace
from tests.hostile.corpus import DATES, FORMULAS, JSON_NUMBERS, NUMBERS, TEXTS
from tests.strategy.brief.readers import pdf_text

MB = 1024 * 1024


def _stored_or_refused_by_field(attempt, read, field: str, value) -> None:  # type: ignore[no-untyped-def]
    try:
        stored = attempt()
    except InvalidInput as refused:
        assert any(field in error.path for error in refused.errors), refused
        return
    assert read(stored) == value


@pytest.mark.parametrize("value", TEXTS.values(), ids=TEXTS.keys())
@pytest.mark.parametrize("field", ["title", "description"])
def test_a_form_stores_hostile_text_literally_or_names_the_field(engine, field, value):
    ws = make_workspace(engine)
    _stored_or_refused_by_field(
        lambda: make_need(engine, ws.id, **{field: value}),
        lambda need: get_record(engine, "need", ws.id, need["id"])[field],
        field,
        value,
    )


@pytest.mark.parametrize("value", NUMBERS.values(), ids=NUMBERS.keys())
def test_a_form_refuses_an_amount_out_of_bounds_naming_the_field(engine, value):
    ws = make_workspace(engine)
    with pytest.raises(InvalidInput) as refused:
        make_need(engine, ws.id, annual_value=value)
    assert [e.path for e in refused.value.errors] == ["annual_value"]


@pytest.mark.parametrize("value", DATES.values(), ids=DATES.keys())
def test_a_form_refuses_a_date_out_of_range_naming_the_field(engine, value):
    ws = make_workspace(engine)
    with pytest.raises(InvalidInput, match="Due date: dates run from 1900 to 2200"):
        make_objective(engine, ws.id, due_date=date.fromisoformat(value))


def sample_text_with(path: tuple, raw: str) -> str:  # type: ignore[type-arg]
    """The sample file with one value replaced by raw JSON text."""
    document = json.loads(SAMPLE.read_text())
    marker = "__HOSTILE__"
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = marker
    return json.dumps(document).replace(json.dumps(marker), raw)


def import_or_refuse(engine, text: str | bytes, field: str):  # type: ignore[no-untyped-def]
    before = len(list_workspaces(engine, include_archived=True, include_deleted=True))
    try:
        return import_document(engine, parse_document(text), actor=ACTOR)
    except InvalidInput as refused:
        assert any(field in error.path for error in refused.errors), refused
        assert len(list_workspaces(engine, include_archived=True, include_deleted=True)) == before
        return None


@pytest.mark.parametrize("value", TEXTS.values(), ids=TEXTS.keys())
def test_import_stores_hostile_text_literally_or_names_the_field(engine, value):
    text = sample_text_with(("needs", 0, "description"), json.dumps(value))
    workspace = import_or_refuse(engine, text, "needs[0].description")
    if workspace is not None:
        assert export_document(engine, workspace.id or 0).needs[0].description == value


@pytest.mark.parametrize("raw", [*JSON_NUMBERS.values(), "1e13"], ids=[*JSON_NUMBERS.keys(), "1e13"])
def test_import_refuses_amounts_out_of_bounds_naming_the_field(engine, raw):
    assert (
        import_or_refuse(engine, sample_text_with(("needs", 0, "annual_value"), raw), "needs[0].annual_value") is None
    )


@pytest.mark.parametrize("value", DATES.values(), ids=DATES.keys())
def test_import_refuses_dates_out_of_range_naming_the_field(engine, value):
    text = sample_text_with(("objectives", 0, "due_date"), json.dumps(value))
    assert import_or_refuse(engine, text, "objectives[0].due_date") is None


WHOLE_FILES = {
    "duplicate-keys": SAMPLE.read_text().replace('"name": "Meridian Outdoor Co-op"', '"name": "A", "name": "B"', 1),
    "deep-nesting": "[" * 100_000 + "]" * 100_000,
    "invalid-utf8": b'{"workspace": "\xff\xfe"}',
    "empty": "",
    "top-level-array": "[]",
    "not-json": "workspace: yes",
}


@pytest.mark.parametrize("content", WHOLE_FILES.values(), ids=WHOLE_FILES.keys())
def test_a_broken_file_is_refused_with_a_message_and_nothing_written(engine, content):
    with pytest.raises(InvalidInput) as refused:
        import_document(engine, parse_document(content), actor=ACTOR)
    assert str(refused.value)
    assert list_workspaces(engine, include_archived=True, include_deleted=True) == []


def test_a_200_mb_file_is_refused_by_the_size_cap_before_it_is_read(engine):
    with pytest.raises(InvalidInput, match=r"200\.0 MB, larger than the 20 MB import limit"):
        parse_document(b" " * (200 * MB))


def hostile_brief() -> Brief:
    shown = [UserText(v) for v in TEXTS.values() if not any(c in v for c in "\x00\x07\x1b\x7f\x85\ud800")]
    rows = tuple((text, "1") for text in shown)
    blocks = (Paragraph(UserText(TEXTS["md-image"])), Table(("Text", "n"), rows))
    return Brief("Brief", "Org", date(2026, 11, 23), 1, (Section("s", "Hostile", blocks),))


def office_cells(content: bytes, kind: str) -> list[str]:
    """Every table cell's text, as a spreadsheet pasting the table would receive it."""
    if kind == "docx":
        return [cell.text for table in Document(BytesIO(content)).tables for row in table.rows for cell in row.cells]
    return [
        cell.text
        for slide in Presentation(BytesIO(content)).slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    ]


def test_office_exports_run_no_formula():
    for kind, content in (("docx", render_docx(hostile_brief(), {})), ("pptx", render_pptx(hostile_brief(), {}))):
        cells = office_cells(content, kind)
        assert len([c for c in cells if c.startswith("'")]) == len(FORMULAS)
        assert [c for c in cells if looks_like_formula(c) and not c.startswith("'")] == []


def test_the_pdf_fetches_nothing_and_shows_markup_as_text(tmp_path):
    html = brief_html(hostile_brief(), {})
    assert not re.search(r"<(script|img|iframe|style|a )", html.split("<body", 1)[1].replace('<img src="data:', ""))
    text = pdf_text(render_pdf(hostile_brief(), {}), tmp_path)
    assert "<script>alert(1)</script>" in text and "{{7*7}}" in text and "49" not in text


def test_the_markdown_export_interprets_nothing():
    markdown = render_markdown(hostile_brief(), {}).decode()
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown).split("<h2>", 1)[1]
    assert not re.search(r"<(script|img|iframe|a |em|strong|code|s>|del)", rendered)  # the cover bolds the org
    assert "\\$x^2\\$" in markdown  # Streamlit's Markdown would set $...$ as LaTeX
