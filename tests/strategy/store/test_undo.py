"""Undo of one audited change: itself audited, refused when the record moved on since."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, SQLModel, col, select

from models.engine import make_engine
from models.workspace import AuditEvent
from strategy.errors import StaleVersion
from strategy.store.interchange import export_document
from strategy.store.records import delete_record, get_record, list_records, update_record
from strategy.store.recycle_bin import list_bin, restore_from_bin
from strategy.store.undo import undo_change
from tests.factories import ACTOR, make_need, make_objective, make_workspace


def _events(engine, row_id: int) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        statement = select(AuditEvent).where(AuditEvent.row_id == row_id, AuditEvent.table_name == "objective")
        return list(session.exec(statement.order_by(col(AuditEvent.id))).all())


def test_undoing_an_edit_puts_the_old_value_back_as_an_audited_change(engine):
    ws_id = make_workspace(engine).id or 0
    objective = make_objective(engine, ws_id, target=40)
    update_record(engine, "objective", ws_id, objective["id"], {"target": 45}, expected_version=1, actor="bea")
    edit = _events(engine, objective["id"])[-1]

    message = undo_change(engine, ws_id, edit.id or 0, actor="carl")

    assert get_record(engine, "objective", ws_id, objective["id"])["target"] == 40
    assert "Undid the change to Objective" in message
    undo = _events(engine, objective["id"])[-1]
    assert (undo.actor, undo.before["target"], undo.after["target"]) == ("carl", 45, 40)


def test_undo_is_refused_when_the_record_was_changed_again_since(engine):
    ws_id = make_workspace(engine).id or 0
    objective = make_objective(engine, ws_id, target=40)
    update_record(engine, "objective", ws_id, objective["id"], {"target": 45}, expected_version=1, actor="bea")
    first = _events(engine, objective["id"])[-1]
    update_record(engine, "objective", ws_id, objective["id"], {"target": 50}, expected_version=2, actor="dan")
    with pytest.raises(StaleVersion, match=r"cannot undo: .* was changed again since.*dan"):
        undo_change(engine, ws_id, first.id or 0, actor="carl")
    assert get_record(engine, "objective", ws_id, objective["id"])["target"] == 50


def test_undoing_a_create_bins_the_record_and_undoing_that_delete_brings_it_back(engine):
    ws_id = make_workspace(engine).id or 0
    objective = make_objective(engine, ws_id)
    undo_change(engine, ws_id, _events(engine, objective["id"])[0].id or 0, actor=ACTOR)
    assert list_records(engine, "objective", ws_id) == []
    undo_change(engine, ws_id, _events(engine, objective["id"])[-1].id or 0, actor=ACTOR)
    assert get_record(engine, "objective", ws_id, objective["id"])["title"] == objective["title"]
    assert [e.action for e in _events(engine, objective["id"])] == ["create", "delete", "restore"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), min_size=1, max_size=40).filter(
        str.strip
    ),
    severity=st.integers(1, 5),
    reach=st.integers(1, 5),
    linked=st.booleans(),
)
def test_delete_then_restore_gives_back_the_same_workspace(title, severity, reach, linked):
    engine = make_engine("sqlite://")
    SQLModel.metadata.create_all(engine)
    ws_id = make_workspace(engine).id or 0
    make_need(engine, ws_id, title="Leads go cold")
    need = make_need(engine, ws_id, title=title, severity=severity, reach=reach)
    make_objective(engine, ws_id, need_ids=[need["id"]] if linked else [])
    before = export_document(engine, ws_id)
    delete_record(engine, "need", ws_id, need["id"], expected_version=need["version"], actor=ACTOR)
    restore_from_bin(engine, ws_id, list_bin(engine, ws_id)[0].id or 0, actor=ACTOR)
    assert export_document(engine, ws_id) == before
    engine.dispose()
