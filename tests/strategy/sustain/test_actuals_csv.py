"""Uploading KPI actuals: each broken line is named with its number and nothing is stored unless
every line is good; 10,000 lines go in well under two seconds."""

from __future__ import annotations

from datetime import date

import pytest

from strategy.errors import InvalidInput
from strategy.store.generator import actuals_csv
from strategy.store.records import list_records
from strategy.sustain.actuals_csv import parse_actuals, template_csv
from strategy.sustain.actuals_import import import_actuals_csv
from tests.conftest import ACTOR

KPIS = {"renewal rate": 1, "members won back": 2}
GOOD = "kpi,date,value\nRenewal rate,2026-11-30,72.5\n"
BROKEN = [
    pytest.param(GOOD + "Churn,2026-11-30,3\n", "Line 3: no KPI is called 'Churn'.", id="unknown KPI"),
    pytest.param(
        GOOD + "Renewal rate,30/11/2026,3\n", "Line 3: date '30/11/2026' is not a date like 2026-03-31", id="bad date"
    ),
    pytest.param(GOOD + "Renewal rate,2026-12-31,high\n", "Line 3: value 'high' is not a number.", id="non-number"),
    pytest.param(GOOD + "renewal rate,2026-11-30,73\n", "Line 3: repeats line 2.", id="duplicate in the file"),
    pytest.param("kpi,date,value\nMembers won back,2026-05-28,1\n", "already recorded", id="duplicate of a stored one"),
    pytest.param("", "File is empty: write the header kpi,date,value", id="empty file"),
    pytest.param("kpi;date;value\n", "the columns must be kpi,date,value", id="wrong columns"),
    pytest.param("kpi,date,value\n", "holds a header but no rows", id="header only"),
    pytest.param(GOOD + "Renewal rate,2026-12-31\n", "Line 3: has 2 cells, not 3 (kpi, date, value).", id="short line"),
]


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_each_broken_file_is_refused_naming_the_line_and_why(text, message):
    with pytest.raises(InvalidInput) as refused:
        parse_actuals(text.encode(), KPIS, {(2, date(2026, 5, 28))}, max_bytes=10_000)
    assert message in str(refused.value)


def test_every_bad_line_is_reported_not_only_the_first():
    text = GOOD + "Churn,2026-11-30,3\nRenewal rate,2026-12-31,1\nRenewal rate,nope,x\n"
    with pytest.raises(InvalidInput) as refused:
        parse_actuals(text.encode(), KPIS, set(), max_bytes=10_000)
    assert [e.path for e in refused.value.errors] == ["line 3", "line 5"]
    assert "not a date" in str(refused.value.errors[1]) and "not a number" in str(refused.value.errors[1])


def test_a_50_mb_file_is_refused_before_it_is_read():
    with pytest.raises(InvalidInput, match="50,000,000 bytes; the limit is 5,000,000"):
        parse_actuals(b"x" * 50_000_000, KPIS, set(), max_bytes=5_000_000)


def test_the_template_lists_every_kpi_and_reads_back():
    text = template_csv(["Renewal rate", "Members won back"], date(2026, 11, 30))
    assert text.splitlines()[0] == "kpi,date,value" and "Members won back,2026-11-30," in text
    filled = text.replace("2026-11-30,\n", "2026-11-30,1\n")
    assert [r.kpi_id for r in parse_actuals(filled.encode(), KPIS, set(), max_bytes=10_000)] == [1, 2]


def test_a_bad_upload_stores_nothing_and_a_good_one_stores_every_row(engine, sample):
    before = len(list_records(engine, "measurement", sample.id))
    with pytest.raises(InvalidInput, match="Line 3"):
        import_actuals_csv(engine, sample.id, (GOOD + "Churn,2026-11-30,3\n").encode(), actor=ACTOR)
    assert len(list_records(engine, "measurement", sample.id)) == before
    assert import_actuals_csv(engine, sample.id, GOOD.encode(), actor=ACTOR) == 1
    stored = list_records(engine, "measurement", sample.id)
    assert len(stored) == before + 1 and stored[-1]["value"] == 72.5


def test_ten_thousand_rows_upload_whole(engine, sample):
    """The benchmark's upload (`python -m strategy bench` times it against 2 s): every row stored."""
    names = [k["name"] for k in list_records(engine, "kpi", sample.id)]
    before = len(list_records(engine, "measurement", sample.id))
    assert import_actuals_csv(engine, sample.id, actuals_csv(names, 10_000), actor=ACTOR) == 10_000
    assert len(list_records(engine, "measurement", sample.id)) == before + 10_000
