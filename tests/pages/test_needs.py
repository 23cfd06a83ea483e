"""Needs page: fast entry, the table editor, the ranking with its formula, and the recognition checks."""

from __future__ import annotations

import json

from models.settings import get_settings
from strategy.store.database import shared_engine
from strategy.store.records import list_records
from tests.conftest import click, open_app
from tests.factories import make_need, make_workspace

PAGE = "pages/needs.py"
SAMPLE_TOP = "Members lapse without anyone noticing"
NEW_PAIN = "Web leads never get a call back"
NEW_OPPORTUNITY = "Sell trip insurance to members who book courses"


def ranked(at):
    return at.table[0].value


def crafted_workspace(at, name, needs):
    """A second workspace with only the given needs, picked in the sidebar."""
    engine = shared_engine(get_settings().url)
    ws = make_workspace(engine, name)
    for need in needs:
        make_need(engine, ws.id, **need)
    at.run()
    at.selectbox(key="workspace_id").set_value(ws.id).run()
    return ws


def test_sample_needs_are_ranked_with_the_formula_and_charted_by_kind(app_db):
    at = open_app(PAGE)
    assert not at.exception
    table = ranked(at)
    assert table.iloc[0][["Rank", "Need", "Score"]].tolist() == [1, SAMPLE_TOP, "27.3"]
    assert len(table) == 9
    assert any("Score = severity × reach + value points" in m.value for m in at.markdown)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    kinds = {t["name"]: len(t["x"]) for t in spec["data"]}
    assert kinds == {"Pain": 7, "Opportunity": 2}
    assert not at.warning  # the sample is recognised across the organisation


def test_fast_entry_adds_a_pain_and_an_opportunity_and_clears_for_the_next(app_db):
    at = open_app(PAGE)
    at.text_input(key="need_title").input(NEW_PAIN)
    at.selectbox(key="need_department").set_value("Marketing")
    at.text_input(key="need_raised_by").input("Lena Fischer")
    at.slider(key="need_severity").set_value(5)
    at.slider(key="need_reach").set_value(5)
    click(at, "Add need")
    assert at.success[0].value == f"Added pain '{NEW_PAIN}'."
    assert at.text_input(key="need_title").value == "" and at.slider(key="need_severity").value == 3
    assert at.text_input(key="need_raised_by").value == "Lena Fischer"  # the same person often goes on
    assert any("Lena Fischer" in c.value and "kept from the last need" in c.value for c in at.caption)
    assert at.get("html"), "the page asks the browser to put the cursor back in the first field"

    at.text_input(key="need_title").input(NEW_OPPORTUNITY)
    at.radio(key="need_kind").set_value("opportunity")
    at.number_input(key="need_value").set_value(400_000)
    click(at, "Add need")
    table = ranked(at)
    rows = table.set_index("Need")
    assert rows.loc[NEW_PAIN, "Rank"] == 2 and rows.loc[NEW_PAIN, "Score"] == "25.0"
    assert rows.loc[NEW_OPPORTUNITY, "Kind"] == "Opportunity" and rows.loc[NEW_OPPORTUNITY, "Score"] == "10.6"
    assert rows.loc[NEW_OPPORTUNITY, "Annual value"] == "£400k"


def test_a_need_without_title_or_department_is_refused_and_the_typing_kept(app_db):
    at = open_app(PAGE)
    at.text_area(key="need_evidence").input("Complaints log: 40 a month")
    click(at, "Add need")
    lines = at.error[0].value.split("  \n")
    assert lines == ["**Not saved.**", "Title is required.", "Department is required."]
    assert at.text_area(key="need_evidence").value == "Complaints log: 40 a month"
    assert len(ranked(at)) == 9


def open_table(at):
    """The table editor runs only while its expander is open: open it as a click on it would."""
    at.session_state["needs_table_open"] = True
    return at.run()


def test_the_table_editor_runs_only_while_open(app_db):
    at = open_app(PAGE)
    assert not at.data_editor
    assert SAMPLE_TOP in list(open_table(at).data_editor[0].value["title"])


def test_table_edits_are_saved_and_reranked(app_db):
    at = open_table(open_app(PAGE))
    editor_row = next(i for i, t in enumerate(at.data_editor[0].value["title"]) if t == SAMPLE_TOP)
    at.session_state["needs_table_1"] = {
        "edited_rows": {editor_row: {"severity": 1, "reach": 1}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    click(at, "Save table changes")
    assert "Saved 0 new, 1 changed, 0 deleted." in at.success[0].value
    assert ranked(at).iloc[0]["Need"] != SAMPLE_TOP
    stored = next(n for n in list_records(shared_engine(get_settings().url), "need", 1) if n["title"] == SAMPLE_TOP)
    assert (stored["severity"], stored["reach"], stored["version"]) == (1, 1, 2)


def test_a_bad_table_value_is_refused_with_the_row_and_field_named(app_db):
    at = open_table(open_app(PAGE))
    at.session_state["needs_table_1"] = {"edited_rows": {0: {"severity": 9}}, "added_rows": [], "deleted_rows": []}
    at.run()
    click(at, "Save table changes")
    stored = list_records(shared_engine(get_settings().url), "need", 1)
    assert f"Need '{stored[0]['title']}' · Severity must be 5 or less." in at.error[0].value
    assert stored[0]["severity"] == 5


def test_needs_only_from_it_and_never_top_down_are_questioned(app_db):
    at = open_app(PAGE)
    crafted_workspace(
        at,
        "IT wish list",
        [{"title": "Upgrade the server", "department": "IT"}, {"title": "Retire the batch", "department": "IT"}],
    )
    warnings = " ".join(w.value for w in at.warning)
    assert "Only IT has raised needs" in warnings and "recognised throughout the organisation?" in warnings
    assert "No top-down need" in warnings and "No bottom-up" not in warnings


def test_needs_from_one_department_and_only_leadership_are_questioned(app_db):
    at = open_app(PAGE)
    crafted_workspace(
        at,
        "Boardroom only",
        [{"title": "Grow share of wallet", "department": "Sales", "level": "leadership"}],
    )
    warnings = " ".join(w.value for w in at.warning)
    assert "All needs come from Sales" in warnings and "No bottom-up needs" in warnings
    assert "No top-down" not in warnings
