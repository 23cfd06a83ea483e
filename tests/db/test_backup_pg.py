"""The portable JSON backup round trip on a real PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from models.migrate import upgrade_to_head
from strategy.store.backup import backup_json, restore_json
from strategy.store.interchange import export_json, import_document, parse_document
from strategy.store.workspaces import list_workspaces
from tests.conftest import SAMPLE
from tests.factories import ACTOR

pytestmark = pytest.mark.postgres


def exports(engine) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {w.name: export_json(engine, w.id or 0) for w in list_workspaces(engine, include_archived=True)}


def test_every_workspace_survives_backup_and_restore_into_an_empty_database(pg_engine):
    upgrade_to_head(pg_engine)
    import_document(pg_engine, parse_document(SAMPLE.read_bytes()), actor=ACTOR)
    import_document(pg_engine, parse_document(SAMPLE.read_bytes()), actor=ACTOR, name="Second plan")
    before, bundle = exports(pg_engine), backup_json(pg_engine)
    with pg_engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    upgrade_to_head(pg_engine)
    restored = restore_json(pg_engine, bundle, actor=ACTOR)
    assert sorted(w.name for w in restored) == ["Meridian Outdoor Co-op", "Second plan"]
    assert exports(pg_engine) == before
