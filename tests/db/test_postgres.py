"""The same persistence guarantees on a real PostgreSQL server: migrations, CRUD, conflicts,
isolation between workspaces and all-or-nothing imports."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import inspect

from models.migrate import check_no_drift, upgrade_to_head
from strategy.errors import InvalidInput, StaleVersion
from strategy.store.interchange import export_json, import_document, parse_document
from strategy.store.records import get_record, list_records, update_record
from strategy.store.workspaces import list_workspaces
from tests.conftest import SAMPLE
from tests.factories import ACTOR, make_need, make_workspace

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg(pg_engine):
    upgrade_to_head(pg_engine)
    return pg_engine


def test_migrations_build_the_schema_without_drift(pg):
    check_no_drift(pg)
    assert {"workspace", "need", "kpi", "auditevent"} <= set(inspect(pg).get_table_names())


def test_update_and_stale_update(pg):
    ws = make_workspace(pg)
    need = make_need(pg, ws.id)
    update_record(pg, "need", ws.id, need["id"], {"severity": 5}, expected_version=1, actor="bob")
    with pytest.raises(StaleVersion, match="bob"):
        update_record(pg, "need", ws.id, need["id"], {"severity": 1}, expected_version=1, actor="alice")
    assert get_record(pg, "need", ws.id, need["id"])["severity"] == 5


def test_workspaces_are_isolated(pg):
    first, second = make_workspace(pg, "First"), make_workspace(pg, "Second")
    make_need(pg, first.id)
    assert list_records(pg, "need", second.id) == []


def test_sample_round_trip_and_all_or_nothing_import(pg):
    text = SAMPLE.read_text()
    workspace = import_document(pg, parse_document(text), actor=ACTOR)
    exported = export_json(pg, workspace.id)
    again = import_document(pg, parse_document(exported), actor=ACTOR, name="Copy")
    assert export_json(pg, again.id).replace('"Copy"', '"Meridian Outdoor Co-op"', 1) == exported
    broken = json.loads(text)
    broken["workspace"]["name"] = "Broken"
    broken["kpis"][0]["objective"] = "nowhere"
    with pytest.raises(InvalidInput):
        import_document(pg, parse_document(json.dumps(broken)), actor=ACTOR)
    assert "Broken" not in {w.name for w in list_workspaces(pg)}
