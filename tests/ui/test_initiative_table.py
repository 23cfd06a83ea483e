"""The initiatives grid shows links as pick lists of ids and saves them back as whole ids, sending
only what changed."""

from __future__ import annotations

from datetime import date

from strategy.store.table_edits import diff_table
from tests.factories_roadmap import initiative
from ui.initiative_table import FIELDS, editor_frame, from_editor

STORED = [
    initiative(1, title="Single record", owner_id=4, objective_ids=[2, 3], earliest_start=date(2026, 2, 2)),
    initiative(2, title="Lapse alerts", depends_on_ids=[1]),
]


def test_links_show_as_id_strings_and_references_as_whole_ids():
    frame = editor_frame(STORED)
    assert frame.loc[0, "objective_ids"] == ["2", "3"] and frame.loc[1, "depends_on_ids"] == ["1"]
    assert frame.loc[0, "owner_id"] == 4 and frame.loc[1, "owner_id"] is None


def test_an_untouched_grid_saves_nothing():
    assert not diff_table(STORED, from_editor(editor_frame(STORED)), FIELDS)


def test_a_new_dependency_and_a_new_row_come_back_as_ints():
    frame = editor_frame(STORED)
    frame.at[0, "depends_on_ids"] = ["2"]
    frame.loc[2] = {
        "id": None,
        "title": "Win-back",
        "status": "proposed",
        "effort": 6.0,
        "duration_weeks": 8,
        "objective_ids": None,
        "depends_on_ids": ["2"],
        "owner_id": None,
    }
    edits = diff_table(STORED, from_editor(frame), FIELDS)
    assert edits.edited == {1: (1, {"depends_on_ids": [2]})}
    (added,) = edits.added
    assert (added["title"], added["depends_on_ids"], added["objective_ids"]) == ("Win-back", [2], [])
