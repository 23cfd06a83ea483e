"""The line editors show initiative titles but save initiative ids, and save only what changed."""

from __future__ import annotations

from strategy.store.table_edits import diff_table
from tests.factories_case import cost_line
from ui.case_lines import COST_FIELDS, editor_frame, with_initiative_ids

INITIATIVES = [{"id": 3, "title": "Member view at the till"}, {"id": 5, "title": "Win-back programme"}]
STORED = [
    cost_line(100, name="Till integration", initiative_id=3) | {"id": 1, "version": 2},
    cost_line(50, name="Licences") | {"id": 2, "version": 1},
]


def test_the_editor_shows_titles_and_leaves_unattached_lines_empty():
    frame = editor_frame(STORED, INITIATIVES, COST_FIELDS)
    assert frame.loc[0, "initiative_id"] == "Member view at the till"
    assert frame["initiative_id"].isna().tolist() == [False, True]


def test_an_untouched_table_saves_nothing():
    frame = with_initiative_ids(editor_frame(STORED, INITIATIVES, COST_FIELDS), INITIATIVES)
    assert not diff_table(STORED, frame, COST_FIELDS)


def test_moving_a_line_to_another_initiative_saves_its_id_against_the_version_shown():
    frame = editor_frame(STORED, INITIATIVES, COST_FIELDS)
    frame.loc[1, "initiative_id"] = "Win-back programme"
    edits = diff_table(STORED, with_initiative_ids(frame, INITIATIVES), COST_FIELDS)
    assert edits.edited == {2: (1, {"initiative_id": 5})} and not edits.added and not edits.deleted
