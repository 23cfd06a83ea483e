"""The benchmark's table: every figure beside its budget with ✓ or ✗, pages as a multiple of the
trivial page, SQL per rerun judged against its cap, and the rows it cannot measure said plainly."""

from __future__ import annotations

from strategy.cli.bench import machine, page_rows, table
from strategy.cli.bench_browser import memory_rows, skipped
from strategy.cli.bench_measure import Row

FOUND = [
    {"page": "(trivial)", "median_ms": 10.0, "max_ms": 12.0, "sql": 2, "errors": []},
    {"page": "roadmap.py", "median_ms": 40.0, "max_ms": 55.0, "sql": 4, "errors": []},
    {"page": "objectives.py", "median_ms": 90.0, "max_ms": 95.0, "sql": 20, "errors": []},
]


def test_a_page_is_judged_as_a_multiple_of_the_trivial_page_and_by_its_sql():
    rows = {row.name: row for row in page_rows(FOUND, "large")}
    assert rows["roadmap.py (× trivial)"].value == 4.0 and rows["roadmap.py (× trivial)"].verdict == "✓"
    assert rows["objectives.py (× trivial)"].verdict == "✗"
    assert "20 SQL ✗" in rows["objectives.py (× trivial)"].note and "4 SQL ✓" in rows["roadmap.py (× trivial)"].note


def test_the_sample_holds_pages_to_three_times_the_trivial_page():
    rows = {row.name: row for row in page_rows(FOUND, "sample")}
    assert rows["roadmap.py (× trivial)"].verdict == "✗"


def test_the_table_names_the_machine_and_marks_each_budget():
    rows = [Row("brief", "brief as md", 700.0, budget=1000), Row("brief", "brief as pdf", 6000.0, budget=5000)]
    text = table(rows + skipped("skipped: no Chromium at /nowhere (apt-get install chromium)", 3), machine())
    assert "Python 3." in text and "streamlit" in text
    assert "✓ ≤ 1000" in text and "✗ ≤ 5000" in text
    assert "skipped: no Chromium at /nowhere" in text and "server after 3 sessions of every page" in text


def test_a_page_is_judged_against_the_trivial_page_timed_between_its_own_reruns():
    """A shared machine's load changes between pages: the trivial reruns interleaved with a page's
    reruns are its yardstick, and the note shows both medians."""
    found = [FOUND[0], {**FOUND[1], "trivial_ms": 5.0}]
    row = {row.name: row for row in page_rows(found, "large")}["roadmap.py (× trivial)"]
    assert row.value == 8.0 and row.verdict == "✗" and "median 40.0 ms (trivial 5.0)" in row.note


def test_server_memory_is_judged_flat_over_the_last_half_and_a_short_session_shows():
    level = [280.0, 290.0, 300.0, 300.2, 300.1, 300.3, 300.2, 300.2]
    total, growth = memory_rows(level, [20, 20, 20, 20, 20, 20, 20, 20])
    assert (total.value, total.verdict, growth.verdict) == (300.2, "✓", "✓")
    assert "20 pages a session" in total.note
    leaking = memory_rows([280.0 + 2 * n for n in range(8)], [20, 20, 3, 20, 20, 20, 20, 20])
    assert leaking[1].value == 2.0 and leaking[1].verdict == "✗"
    assert "3 to 20 pages a session" in leaking[0].note  # a session that saw fewer pages is not hidden
