"""Workspaces: create, rename, duplicate, archive, delete and restore, with clear refusals."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from models.engine import write_session
from models.workspace import Workspace
from strategy.errors import Conflict, InvalidInput, NotFound, StaleVersion
from strategy.store import workspaces
from strategy.store.interchange import duplicate_workspace, export_document
from strategy.store.records import list_records
from strategy.store.workspaces import (
    delete_workspace,
    get_workspace,
    list_workspaces,
    resolve_workspace,
    restore_workspace,
    set_archived,
    update_workspace,
)
from tests.factories import ACTOR, make_need, make_workspace

TOO_LONG_NAME = "x" * 81
BAD_WORKSPACES = [
    ({"name": ""}, "name"),
    ({"name": "   "}, "name"),
    ({"name": TOO_LONG_NAME}, "name"),
    ({"horizon_years": 2}, "horizon_years"),
    ({"horizon_years": 6}, "horizon_years"),
    ({"currency": "E1"}, "currency"),
    ({"discount_rate": 1.5}, "discount_rate"),
    ({"colour": "blue"}, "colour"),
]


@pytest.mark.parametrize(("override", "field"), BAD_WORKSPACES)
def test_bad_workspace_input_names_the_field_and_writes_nothing(engine, override, field):
    with pytest.raises(InvalidInput) as caught:
        make_workspace(engine, **override)
    assert field in {e.path for e in caught.value.errors}
    assert list_workspaces(engine, include_archived=True, include_deleted=True) == []


def test_names_are_unique_among_live_workspaces(engine):
    make_workspace(engine, "Plan A")
    with pytest.raises(InvalidInput, match="already exists"):
        make_workspace(engine, "Plan A")


def test_rename_checks_the_version(engine):
    ws = make_workspace(engine, "Plan A")
    renamed = update_workspace(engine, ws.id, {"name": "Plan B"}, expected_version=1, actor=ACTOR)
    assert renamed.name == "Plan B" and renamed.version == 2
    with pytest.raises(StaleVersion):
        update_workspace(engine, ws.id, {"name": "Plan C"}, expected_version=1, actor=ACTOR)
    assert resolve_workspace(engine, "Plan B").id == ws.id


def test_archive_hides_from_the_picker_and_delete_is_restorable(engine):
    ws = make_workspace(engine, "Plan A")
    set_archived(engine, ws.id, True, expected_version=1, actor=ACTOR)
    assert list_workspaces(engine) == []
    assert [w.name for w in list_workspaces(engine, include_archived=True)] == ["Plan A"]
    set_archived(engine, ws.id, False, expected_version=2, actor=ACTOR)
    delete_workspace(engine, ws.id, expected_version=3, actor=ACTOR)
    assert list_workspaces(engine, include_archived=True) == []
    with pytest.raises(NotFound):
        resolve_workspace(engine, "Plan A")
    restore_workspace(engine, ws.id, expected_version=4, actor=ACTOR)
    assert [w.name for w in list_workspaces(engine)] == ["Plan A"]


def test_restoring_under_a_name_now_taken_is_refused(engine):
    ws = make_workspace(engine, "Plan A")
    delete_workspace(engine, ws.id, expected_version=1, actor=ACTOR)
    make_workspace(engine, "Plan A")
    with pytest.raises(Conflict, match="rename"):
        restore_workspace(engine, ws.id, expected_version=2, actor=ACTOR)


@pytest.mark.parametrize(
    "write",
    [
        lambda e, i: set_archived(e, i, True, expected_version=1, actor="alice"),
        lambda e, i: delete_workspace(e, i, expected_version=1, actor="alice"),
        lambda e, i: update_workspace(e, i, {"organisation": "Mine"}, expected_version=1, actor="alice"),
    ],
    ids=["archive", "delete", "update"],
)
def test_a_stale_workspace_write_is_refused_naming_who_changed_what(engine, write):
    ws = make_workspace(engine, "Plan A")
    update_workspace(engine, ws.id, {"currency": "GBP"}, expected_version=1, actor="bob")
    with pytest.raises(StaleVersion, match=r"changed by bob .*\(currency\)"):
        write(engine, ws.id)
    assert get_workspace(engine, ws.id).organisation == "Acme Ltd"


def test_a_stale_restore_is_refused(engine):
    ws = make_workspace(engine, "Plan A")
    delete_workspace(engine, ws.id, expected_version=1, actor=ACTOR)
    with pytest.raises(StaleVersion):
        restore_workspace(engine, ws.id, expected_version=1, actor=ACTOR)


def test_the_database_refuses_a_second_live_workspace_of_one_name(engine):
    """The unique index holds even when the Python check was passed by a racing writer."""
    make_workspace(engine, "Plan A")
    with pytest.raises(IntegrityError), write_session(engine) as session:
        session.add(Workspace(name="Plan A", plan_start=date(2026, 1, 1)))


def test_a_name_clash_found_by_the_index_reads_as_a_field_error(engine, monkeypatch):
    make_workspace(engine, "Plan A")
    monkeypatch.setattr(workspaces, "ensure_unique_name", lambda *a, **k: None)
    with pytest.raises(InvalidInput, match="Name: a workspace named 'Plan A' already exists"):
        make_workspace(engine, "Plan A")


def test_duplicate_copies_every_record_into_a_separate_workspace(engine, sample):
    copy = duplicate_workspace(engine, sample.id, "Meridian (board draft)", actor=ACTOR)
    original, duplicated = export_document(engine, sample.id), export_document(engine, copy.id)
    assert duplicated.model_dump(exclude={"workspace"}) == original.model_dump(exclude={"workspace"})
    make_need(engine, copy.id, title="Only in the copy")
    titles = {n["title"] for n in list_records(engine, "need", sample.id)}
    assert "Only in the copy" not in titles


def test_resolve_accepts_an_id_or_a_name_and_lists_the_known_ones_otherwise(engine):
    ws = make_workspace(engine, "Plan A", plan_start=date(2027, 1, 1))
    assert resolve_workspace(engine, str(ws.id)).name == "Plan A"
    with pytest.raises(NotFound, match="Plan A"):
        resolve_workspace(engine, "Plan Z")
