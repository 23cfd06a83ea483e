"""History on a real PostgreSQL: migration 0006 keeps the trail past its workspace and refuses
rewrites; a deleted record comes back from the recycle bin."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from models.migrate import check_no_drift, migrate, upgrade_to_head
from strategy.store.history import record_history
from strategy.store.interchange import export_document
from strategy.store.records import delete_record, get_record, update_record
from strategy.store.recycle_bin import list_bin, restore_from_bin
from strategy.store.undo import undo_change
from tests.factories import ACTOR, make_need, make_objective, make_workspace
from tests.models.test_migration_0006 import EVENT, WORKSPACE

pytestmark = pytest.mark.postgres


def test_migration_0006_keeps_the_trail_and_refuses_rewrites(pg_engine):
    with pg_engine.begin() as connection:
        migrate(connection, "0005")
        connection.execute(text(WORKSPACE))
        connection.execute(text(EVENT))
    upgrade_to_head(pg_engine)
    check_no_drift(pg_engine)
    with pg_engine.begin() as connection:
        connection.execute(text("DELETE FROM workspace WHERE id = 7"))
    for statement in ("UPDATE auditevent SET actor = 'mallory'", "DELETE FROM auditevent"):
        with pytest.raises(DBAPIError, match="append-only"), pg_engine.begin() as connection:
            connection.execute(text(statement))
    with pg_engine.connect() as connection:
        assert connection.execute(text("SELECT actor, workspace_id FROM auditevent")).all() == [("ada", 7)]


def test_migration_0006_downgrades_on_postgresql(pg_engine):
    upgrade_to_head(pg_engine)
    with pg_engine.begin() as connection:
        migrate(connection, "0005", down=True)
        connection.execute(text(WORKSPACE))
        connection.execute(text(EVENT))
        connection.execute(text("DELETE FROM auditevent"))  # writable again once the triggers are gone


def test_a_deleted_record_comes_back_from_the_bin_and_an_edit_is_undone(pg_engine):
    upgrade_to_head(pg_engine)
    ws_id = make_workspace(pg_engine).id or 0
    need = make_need(pg_engine, ws_id)
    objective = make_objective(pg_engine, ws_id, target=40, need_ids=[need["id"]])
    before = export_document(pg_engine, ws_id)
    delete_record(pg_engine, "need", ws_id, need["id"], expected_version=1, actor=ACTOR)
    restore_from_bin(pg_engine, ws_id, list_bin(pg_engine, ws_id)[0].id or 0, actor=ACTOR)
    assert export_document(pg_engine, ws_id) == before
    version = get_record(pg_engine, "objective", ws_id, objective["id"])["version"]  # detached, then re-attached
    update_record(pg_engine, "objective", ws_id, objective["id"], {"target": 45}, expected_version=version, actor=ACTOR)
    [edit] = [e for e in record_history(pg_engine, "objective", objective["id"]) if e.action == "update"][:1]
    undo_change(pg_engine, ws_id, edit.event_id, actor=ACTOR)
    assert get_record(pg_engine, "objective", ws_id, objective["id"])["target"] == 40
