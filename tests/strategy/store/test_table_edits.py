"""Table-editor diffs: what a person changed in the grid becomes exactly those record changes."""

from __future__ import annotations

from datetime import date

import pandas as pd

from strategy.store.table_edits import diff_table, records_frame

FIELDS = ("title", "severity", "raised_on")
RECORDS = [
    {"id": 7, "version": 2, "title": "Slow quotes", "severity": 4, "raised_on": date(2026, 1, 5)},
    {"id": 9, "version": 1, "title": "No single view", "severity": 3, "raised_on": date(2026, 2, 1)},
]


def test_an_untouched_table_changes_nothing():
    assert not diff_table(RECORDS, records_frame(RECORDS, FIELDS), FIELDS)


def test_changed_cells_added_rows_and_deleted_rows_are_told_apart():
    frame = records_frame(RECORDS, FIELDS)
    frame.loc[0, "severity"] = 5
    frame = frame.drop(index=1)
    frame = pd.concat(
        [
            frame,
            pd.DataFrame([{"id": None, "title": "Lost leads", "severity": 2, "raised_on": pd.Timestamp("2026-03-01")}]),
        ]
    )
    edits = diff_table(RECORDS, frame, FIELDS)
    assert edits.edited == {7: (2, {"severity": 5})}
    assert edits.deleted == {9: 1}
    assert edits.added == [{"title": "Lost leads", "severity": 2, "raised_on": date(2026, 3, 1)}]


def test_a_blank_new_row_is_ignored():
    frame = pd.concat([records_frame(RECORDS, FIELDS), pd.DataFrame([{"id": None}])])
    assert not diff_table(RECORDS, frame, FIELDS)
