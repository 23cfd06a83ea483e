"""The sample strategy's brief in every format, read back from the file itself."""

from __future__ import annotations

import base64
import re
from xml.etree import ElementTree

import pytest

from strategy.brief.builder import SECTIONS, build_brief
from strategy.brief.export import FORMATS, export_brief
from strategy.plan.business_case import evaluate_case, settings_of
from strategy.plan.case_text import money
from strategy.store.snapshot import workspace_records
from tests.strategy.brief.conftest import TODAY
from tests.strategy.brief.readers import (
    docx_pictures,
    docx_text,
    pdf_images,
    pdf_text,
    pptx_pictures,
    pptx_text,
)


@pytest.fixture(scope="module")
def files(sample_db):
    engine, workspace = sample_db
    return {fmt: export_brief(engine, workspace.id, fmt, today=TODAY) for fmt in FORMATS}


@pytest.fixture(scope="module")
def expected(sample_db):
    engine, workspace = sample_db
    records = workspace_records(engine, workspace.id)
    npv = evaluate_case(settings_of(workspace), records["cost"], records["benefit"]).npv
    brief = build_brief(engine, workspace.id, today=TODAY)
    return {
        "npv": money(npv, workspace.currency),
        "titles": [o["title"] for o in records["objective"]],
        "needs": [n["title"] for n in records["need"]],
        "sections": [s.title for s in brief.sections],
        "charts": len(brief.charts()),
    }


def readable(fmt: str, content: bytes, tmp_path) -> str:
    readers = {
        "pdf": lambda: pdf_text(content, tmp_path),
        "pptx": lambda: pptx_text(content),
        "docx": lambda: docx_text(content),
        "md": lambda: content.decode("utf-8").replace("\\", ""),
    }
    return " ".join(readers[fmt]().split())


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_each_format_carries_the_figures_and_the_records(files, expected, fmt, tmp_path):
    text = readable(fmt, files[fmt].content, tmp_path)
    assert expected["npv"] in text
    for title in expected["needs"][:3] + expected["titles"]:
        assert " ".join(title.split()) in text
    for title in expected["sections"]:
        assert title in text


def test_every_chart_is_an_image_in_each_format(files, expected, tmp_path):
    charts = expected["charts"]
    assert charts >= 4
    assert pdf_images(files["pdf"].content, tmp_path) == charts
    assert pptx_pictures(files["pptx"].content) == charts
    assert docx_pictures(files["docx"].content) == charts
    assert files["md"].content.decode().count("data:image/svg+xml;base64,") == charts


def test_the_markdown_charts_are_vector_images_carrying_their_words(files, expected):
    """The Markdown carries each chart as an SVG (drawn in ~60 % of a PNG's time, sharp at any zoom):
    a document a viewer can open, at the size the chart was drawn, its labels as text."""
    markdown = files["md"].content.decode()
    drawn = [base64.b64decode(found) for found in re.findall(r"data:image/svg\+xml;base64,([^)]*)\)", markdown)]
    assert len(drawn) == expected["charts"]
    roots = [ElementTree.fromstring(svg) for svg in drawn]
    assert {root.tag for root in roots} == {"{http://www.w3.org/2000/svg}svg"}
    assert all(int(float(root.get("width", 0))) >= 600 for root in roots)
    words = " ".join(" ".join(root.itertext()) for root in roots)
    assert "Member Services" in words and "Manage closely" in words  # a department, a quadrant


def test_file_names_say_what_and_when(files):
    assert files["pdf"].filename == "meridian-outdoor-co-op-crm-strategy-brief-2026-11-23.pdf"
    assert {f.mime for f in files.values()} >= {"application/pdf", "text/markdown"}


def test_sections_can_be_left_out_and_unknown_ones_are_refused(sample_db):
    engine, workspace = sample_db
    brief = build_brief(engine, workspace.id, ["case"], today=TODAY)
    assert [s.key for s in brief.sections] == ["case"]
    with pytest.raises(ValueError, match="unknown brief sections: gossip"):
        build_brief(engine, workspace.id, ["gossip"], today=TODAY)
    assert len(SECTIONS) == len({s.key for s in SECTIONS})


def test_an_empty_workspace_still_gets_every_section_saying_what_is_missing(engine):
    from tests.factories import make_workspace

    workspace = make_workspace(engine)
    brief = build_brief(engine, workspace.id, today=TODAY)
    assert len(brief.sections) == len(SECTIONS)
    assert all(section.blocks for section in brief.sections)
