"""A large programme's brief stays a board paper: each long list shows its first few, counts the whole
list from the stored records and names the workbench page where the rest are; no table or chart grows
with the number of records."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from models.settings import ROOT
from strategy.brief import summarise
from strategy.brief.builder import build_brief
from strategy.brief.content import Table
from strategy.brief.render_markdown import render_markdown
from strategy.brief.sections_define import KPI_ROWS, OBJECTIVES_SHOWN
from strategy.brief.sections_roadmap import GANTT_DUE_DATES, GANTT_INITIATIVES
from strategy.brief.sections_summary import FIRST_WAVE_SHOWN
from strategy.store.generator import generate
from strategy.store.interchange import import_document, parse_document
from strategy.store.snapshot import workspace_records
from tests.strategy.brief.conftest import TODAY

IMAGE_MAX_PX = 140 / 25.4 * 96  # the PDF's figure max-height, in CSS px
SMALLEST_FONT_PX = 16


@pytest.fixture(scope="module")
def medium(tmp_path_factory):
    """A tenth of the large benchmark: 100 initiatives over 8 waves, 30 needs, 15 objectives, 40 KPIs."""
    from sqlmodel import SQLModel

    from models.engine import make_engine

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('medium') / 'medium.db'}")
    SQLModel.metadata.create_all(engine)
    workspace = import_document(engine, parse_document(json.dumps(generate("medium"))), actor="tester")
    records = workspace_records(engine, workspace.id)
    brief = build_brief(engine, workspace.id, today=TODAY)
    text = render_markdown(brief, {id(chart): b"png" for chart in brief.charts()}).decode()
    return records, brief, " ".join(text.replace("\\", "").split())


def shown_here(shown: int, total: int, noun: str, page: str) -> str:
    rest = f"the other {total - shown:,} are on the {re.escape(page)} page"
    return rf"Shown here: {shown:,} of {total:,} {noun}, [^;]+; {rest}"


def test_each_long_list_counts_the_records_and_says_where_the_rest_are(medium):
    records, _, text = medium
    expected = [
        (10, len(records["need"]), "needs", summarise.NEEDS_PAGE),
        (OBJECTIVES_SHOWN, len(records["objective"]), "objectives", summarise.OBJECTIVES_PAGE),
        (KPI_ROWS, len(records["kpi"]), "KPIs", summarise.KPIS_PAGE),
        (10, len(records["change_request"]), "change requests", summarise.GOVERNANCE_PAGE),
    ]
    for shown, total, noun, page in expected:
        assert total > shown, noun  # the workspace is large enough for the list to be summarised
        assert re.search(shown_here(shown, total, noun, page), text), noun


def test_the_roadmap_draws_a_gantt_a_wave_with_its_highest_priority_initiatives(medium):
    records, brief, text = medium
    waves = Counter(i["wave"] for i in records["initiative"] if i["status"] != "parked")
    gantts = [chart for chart in brief.charts() if chart.title.startswith("Roadmap")]
    assert [chart.title for chart in gantts] == [f"Roadmap: wave {wave}" for wave in sorted(waves)]
    for chart, wave in zip(gantts, sorted(waves), strict=True):
        pattern = shown_here(GANTT_INITIATIVES, waves[wave], "initiatives", summarise.ROADMAP_PAGE)
        assert re.search(pattern, chart.takeaway)
        bars = sum(len(trace.y) for trace in chart.figure.data if trace.type == "bar" and trace.y != (None,))
        assert bars == GANTT_INITIATIVES
    due = next(trace for trace in gantts[-1].figure.data if trace.name == "Objective due date")
    assert len(due.x) == GANTT_DUE_DATES
    first = min(waves)
    pattern = shown_here(FIRST_WAVE_SHOWN, waves[first], "first-wave initiatives", summarise.ROADMAP_PAGE)
    assert re.search(pattern, text)  # the executive summary's pilot


def test_no_table_or_chart_grows_with_the_records(medium):
    _, brief, _ = medium
    tables = [block for section in brief.sections for block in section.blocks if isinstance(block, Table)]
    assert max(len(table.rows) for table in tables) <= max(summarise.TABLE_ROWS, KPI_ROWS)
    tallest = IMAGE_MAX_PX * SMALLEST_FONT_PX * 0.75 / 9  # taller, and the PDF shrinks 16 px type below 9 pt
    assert [chart.title for chart in brief.charts() if chart.height > tallest] == []


def test_every_page_a_brief_points_to_is_in_the_workbench():
    navigation = (ROOT / "app.py").read_text()
    assert [page for page in summarise.PAGES if f'title="{page}"' not in navigation] == []
