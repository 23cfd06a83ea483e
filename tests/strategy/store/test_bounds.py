"""Values that would break a page or an export later are refused at the door, naming the field."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from strategy.errors import InvalidInput
from strategy.store.bounds import out_of_bounds
from strategy.store.interchange import parse_document
from strategy.store.records import create_record, get_record, update_record
from strategy.store.workspaces import create_workspace
from tests.conftest import SAMPLE
from tests.factories import ACTOR, make_need, make_workspace

BAD_VALUES = [
    ("annual_value", float("inf"), "finite"),
    ("annual_value", float("-inf"), "finite"),
    ("annual_value", float("nan"), "finite"),
    ("annual_value", 1e308, "between"),
    ("title", "Quotes\x00", "U+0000"),
    ("title", "\x1b[31mred\x1b[0m", "U+001B"),
    ("description", "bell\x07", "U+0007"),
    ("evidence", "\x85next line", "U+0085"),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_VALUES)
def test_the_record_services_refuse_a_value_out_of_bounds(engine, field, value, message):
    ws = make_workspace(engine)
    with pytest.raises(InvalidInput, match=re.escape(message)) as caught:
        make_need(engine, ws.id, **{field: value})
    assert [e.path for e in caught.value.errors] == [field]
    need = make_need(engine, ws.id)
    with pytest.raises(InvalidInput, match=re.escape(message)):
        update_record(engine, "need", ws.id, need["id"], {field: value}, expected_version=1, actor=ACTOR)
    assert get_record(engine, "need", ws.id, need["id"])["version"] == 1


@pytest.mark.parametrize("day", [date(1, 1, 1), date(9999, 12, 31), date(1899, 12, 31), date(2201, 1, 1)])
def test_dates_outside_1900_to_2200_are_refused_in_records_and_workspaces(engine, day):
    ws = make_workspace(engine)
    with pytest.raises(InvalidInput, match="dates run from 1900 to 2200") as caught:
        create_record(
            engine,
            "objective",
            ws.id,
            {"title": "t", "metric": "m", "unit": "u", "baseline": 1, "target": 2, "due_date": day},
            actor=ACTOR,
        )
    assert caught.value.errors[0].path == "due_date"
    with pytest.raises(InvalidInput, match="Plan start: dates run"):
        create_workspace(engine, {"name": "Old", "plan_start": day}, actor=ACTOR)


def test_text_keeps_tabs_new_lines_right_to_left_and_emoji(engine):
    ws = make_workspace(engine)
    text = "שלום\tعالم\n🚀 ‮reversed‬ ok"
    need = make_need(engine, ws.id, description=text)
    assert get_record(engine, "need", ws.id, need["id"])["description"] == text


def test_nested_paths_name_the_field():
    assert [str(e) for e in out_of_bounds({"needs": [{"ok": 1}, {"annual_value": float("inf")}]})] == [
        "needs[1] · Value a year must be a finite number."
    ]


def sample_with(change) -> str:  # type: ignore[no-untyped-def]
    document = json.loads(SAMPLE.read_text())
    change(document)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["needs"][0].update(annual_value=float("nan")), "needs[0].annual_value"),
        (lambda d: d["needs"][0].update(annual_value=float("inf")), "needs[0].annual_value"),
        (lambda d: d["objectives"][0].update(due_date="0001-01-01"), "objectives[0].due_date"),
        (lambda d: d["workspace"].update(plan_start="9999-12-31"), "workspace.plan_start"),
        (lambda d: d["needs"][0].update(title="a\u0000b"), "needs[0].title"),
    ],
)
def test_import_refuses_out_of_bounds_values_naming_the_path(change, path):
    with pytest.raises(InvalidInput) as caught:
        parse_document(sample_with(change))
    assert path in {e.path for e in caught.value.errors}


def test_import_refuses_duplicate_keys_in_an_object():
    text = SAMPLE.read_text().replace('"name": "Meridian Outdoor Co-op"', '"name": "A", "name": "B"', 1)
    with pytest.raises(InvalidInput, match="Workspace: the key 'name' appears twice in workspace; keep one"):
        parse_document(text)


def test_import_refuses_a_file_over_the_size_cap():
    with pytest.raises(InvalidInput, match=r"larger than the 1 MB import limit \(WORKBENCH_MAX_IMPORT_MB\)"):
        parse_document(b" " * (1024 * 1024 + 1), max_bytes=1024 * 1024)


@pytest.mark.parametrize("depth", [5_000, 100_000])
def test_import_refuses_deep_nesting_in_words(depth):
    with pytest.raises(InvalidInput, match="nested too deeply"):
        parse_document("[" * depth + "]" * depth)
