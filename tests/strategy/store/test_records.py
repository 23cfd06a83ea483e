"""The record services: validation, version checks, audit trail and workspace isolation."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from models.workspace import AuditEvent
from strategy.edits import TableEdits
from strategy.errors import Conflict, InvalidInput, NotFound, StaleVersion
from strategy.store.audit import data_version
from strategy.store.records import (
    apply_table_edits,
    create_record,
    delete_record,
    get_record,
    list_records,
    save_singleton,
    update_record,
)
from tests.factories import ACTOR, make_need, make_objective, make_stakeholder, make_workspace


def audit_trail(engine, workspace_id):
    with Session(engine) as session:
        return session.exec(select(AuditEvent).where(AuditEvent.workspace_id == workspace_id)).all()


def test_create_stores_the_record_and_audits_it(engine):
    ws = make_workspace(engine)
    need = make_need(engine, ws.id)
    assert get_record(engine, "need", ws.id, need["id"])["title"] == "Quotes take a week"
    event = next(e for e in audit_trail(engine, ws.id) if e.table_name == "need")
    assert (event.action, event.actor, event.before, event.after["title"]) == (
        "create",
        ACTOR,
        None,
        "Quotes take a week",
    )


def test_bad_values_are_refused_with_every_field_named_and_nothing_written(engine):
    ws = make_workspace(engine)
    with pytest.raises(InvalidInput) as caught:
        create_record(
            engine, "need", ws.id, {"title": "", "department": "Sales", "severity": 9, "colour": "red"}, actor=ACTOR
        )
    paths = {e.path for e in caught.value.errors}
    assert paths == {"title", "severity", "colour"}
    assert list_records(engine, "need", ws.id) == []


def test_update_bumps_the_version_and_keeps_before_and_after(engine):
    ws = make_workspace(engine)
    need = make_need(engine, ws.id)
    updated = update_record(engine, "need", ws.id, need["id"], {"severity": 5}, expected_version=1, actor="bob")
    assert (updated["severity"], updated["version"]) == (5, 2)
    event = next(e for e in audit_trail(engine, ws.id) if e.action == "update")
    assert (event.before["severity"], event.after["severity"], event.actor) == (4, 5, "bob")


def test_a_stale_update_is_refused_naming_who_changed_what(engine):
    ws = make_workspace(engine)
    need = make_need(engine, ws.id)
    update_record(
        engine,
        "need",
        ws.id,
        need["id"],
        {"severity": 5, "title": "Quotes take ten days"},
        expected_version=1,
        actor="bob",
    )
    with pytest.raises(StaleVersion) as caught:
        update_record(engine, "need", ws.id, need["id"], {"reach": 1}, expected_version=1, actor="alice")
    message = str(caught.value)
    assert "bob" in message and "severity" in message and "title" in message and "not saved" in message
    assert get_record(engine, "need", ws.id, need["id"])["reach"] == 3


def test_an_unchanged_save_writes_nothing(engine):
    ws = make_workspace(engine)
    need = make_need(engine, ws.id)
    before = data_version(engine, ws.id)
    again = update_record(engine, "need", ws.id, need["id"], {"severity": 4}, expected_version=1, actor=ACTOR)
    assert again["version"] == 1 and data_version(engine, ws.id) == before


def test_records_of_one_workspace_never_show_in_another(engine):
    first, second = make_workspace(engine, "First"), make_workspace(engine, "Second")
    need = make_need(engine, first.id)
    assert list_records(engine, "need", second.id) == []
    with pytest.raises(NotFound):
        get_record(engine, "need", second.id, need["id"])
    with pytest.raises(NotFound):
        update_record(engine, "need", second.id, need["id"], {"severity": 1}, expected_version=1, actor=ACTOR)
    with pytest.raises(InvalidInput) as caught:
        make_objective(engine, second.id, need_ids=[need["id"]])
    assert caught.value.errors[0].path == "need_ids"


def test_links_are_stored_and_validated(engine):
    ws = make_workspace(engine)
    needs = [make_need(engine, ws.id, title=f"Need {n}") for n in range(3)]
    objective = make_objective(engine, ws.id, need_ids=[needs[2]["id"], needs[0]["id"]])
    assert objective["need_ids"] == sorted([needs[0]["id"], needs[2]["id"]])
    changed = update_record(
        engine, "objective", ws.id, objective["id"], {"need_ids": [needs[1]["id"]]}, expected_version=1, actor=ACTOR
    )
    assert changed["need_ids"] == [needs[1]["id"]]


def test_deleting_a_record_clears_references_to_it_as_audited_updates(engine):
    ws = make_workspace(engine)
    owner = make_stakeholder(engine, ws.id)
    need = make_need(engine, ws.id)
    objective = make_objective(engine, ws.id, owner_id=owner["id"], need_ids=[need["id"]])
    delete_record(engine, "stakeholder", ws.id, owner["id"], expected_version=1, actor=ACTOR)
    delete_record(engine, "need", ws.id, need["id"], expected_version=1, actor=ACTOR)
    after = get_record(engine, "objective", ws.id, objective["id"])
    assert (after["owner_id"], after["need_ids"], after["version"]) == (None, [], 3)
    actions = [(e.table_name, e.action) for e in audit_trail(engine, ws.id)]
    assert ("objective", "update") in actions and ("stakeholder", "delete") in actions


def test_an_objective_with_kpis_cannot_be_deleted_until_they_are_moved(engine):
    ws = make_workspace(engine)
    objective = make_objective(engine, ws.id)
    create_record(engine, "kpi", ws.id, {"name": "Quote lead time", "objective_id": objective["id"]}, actor=ACTOR)
    with pytest.raises(Conflict, match="Quote lead time"):
        delete_record(engine, "objective", ws.id, objective["id"], expected_version=1, actor=ACTOR)


def test_a_kpi_needs_its_objective(engine):
    ws = make_workspace(engine)
    with pytest.raises(InvalidInput) as caught:
        create_record(engine, "kpi", ws.id, {"name": "Close rate"}, actor=ACTOR)
    assert caught.value.errors[0].path == "objective_id"


def test_cost_ranges_and_years_are_checked_against_the_workspace(engine):
    ws = make_workspace(engine, horizon_years=3)
    with pytest.raises(InvalidInput) as caught:
        create_record(
            engine, "cost", ws.id, {"name": "Licences", "low": 5, "likely": 3, "high": 9, "start_year": 4}, actor=ACTOR
        )
    messages = " ".join(str(e) for e in caught.value.errors)
    assert "'Licences'" in messages and "low <= likely <= high" in messages and "outside 0 … 3" in messages


def test_a_singleton_is_created_once_then_updated(engine):
    ws = make_workspace(engine)
    first = save_singleton(engine, "vision", ws.id, {"statement": "One view"}, expected_version=None, actor=ACTOR)
    second = save_singleton(
        engine,
        "vision",
        ws.id,
        {"statement": "One view of each member"},
        expected_version=first["version"],
        actor=ACTOR,
    )
    assert (second["id"], second["version"], len(list_records(engine, "vision", ws.id))) == (first["id"], 2, 1)
    with pytest.raises(Conflict):
        create_record(engine, "vision", ws.id, {"statement": "Another"}, actor=ACTOR)


def test_a_table_edit_is_all_or_nothing_and_names_the_row_at_fault(engine):
    ws = make_workspace(engine)
    need = make_need(engine, ws.id)
    edits = TableEdits(
        added=[{"title": "Fine", "department": "Finance"}, {"title": "", "department": "IT"}],
        edited={need["id"]: (1, {"severity": 1})},
    )
    with pytest.raises(InvalidInput) as caught:
        apply_table_edits(engine, "need", ws.id, edits, actor=ACTOR)
    assert caught.value.errors[0].path == "new row 2.title"
    bad_edit = TableEdits(edited={need["id"]: (1, {"severity": 9})})
    with pytest.raises(InvalidInput) as caught:
        apply_table_edits(engine, "need", ws.id, bad_edit, actor=ACTOR)
    assert caught.value.errors[0].path == "Need 'Quotes take a week'.severity"
    assert [n["severity"] for n in list_records(engine, "need", ws.id)] == [4]


def test_data_version_grows_with_each_write(engine):
    ws = make_workspace(engine)
    start = data_version(engine, ws.id)
    make_need(engine, ws.id)
    assert data_version(engine, ws.id) > start
