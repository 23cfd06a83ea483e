"""The audit trail is append-only and says what happened to a workspace in plain actions."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from models.workspace import AuditEvent
from strategy.store.workspaces import delete_workspace, restore_workspace
from tests.factories import ACTOR, make_workspace


def _workspace_actions(engine, workspace_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        statement = select(AuditEvent.action).where(
            AuditEvent.table_name == "workspace", AuditEvent.row_id == workspace_id
        )
        return list(session.exec(statement).all())


def test_deleting_and_restoring_a_workspace_are_audited_as_such(engine):
    workspace = make_workspace(engine)
    deleted = delete_workspace(engine, workspace.id, expected_version=1, actor=ACTOR)
    restore_workspace(engine, workspace.id, expected_version=deleted.version, actor=ACTOR)
    assert _workspace_actions(engine, workspace.id) == ["create", "delete", "restore"]


@pytest.mark.parametrize("statement", ["UPDATE auditevent SET actor = 'mallory'", "DELETE FROM auditevent"])
def test_no_statement_can_rewrite_the_trail(engine, statement):
    make_workspace(engine)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text(statement))
    with Session(engine) as session:
        assert [e.actor for e in session.exec(select(AuditEvent)).all()] == [ACTOR]
