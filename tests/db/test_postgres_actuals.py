"""KPI actuals uploaded on PostgreSQL: every row stored with its own audit event, in file order."""

from __future__ import annotations

import pytest

from models.migrate import upgrade_to_head
from strategy.store.audit import data_version
from strategy.store.interchange import import_document, parse_document
from strategy.store.records import list_records
from strategy.sustain.actuals_import import import_actuals_csv
from tests.conftest import SAMPLE
from tests.factories import ACTOR

pytestmark = pytest.mark.postgres


def test_an_upload_stores_each_row_with_its_audit_event(pg_engine):
    upgrade_to_head(pg_engine)
    workspace = import_document(pg_engine, parse_document(SAMPLE.read_text()), actor=ACTOR, name="Actuals")
    before = data_version(pg_engine, workspace.id)
    data = b"kpi,date,value\nRenewal rate,2026-12-30,72.5\nMembers won back,2026-12-30,7100\n"
    assert import_actuals_csv(pg_engine, workspace.id, data, actor=ACTOR) == 2
    stored = [m for m in list_records(pg_engine, "measurement", workspace.id) if str(m["measured_on"]) == "2026-12-30"]
    assert sorted(m["value"] for m in stored) == [72.5, 7100.0]
    assert data_version(pg_engine, workspace.id) > before
