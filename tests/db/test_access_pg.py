"""Roles on a real PostgreSQL server: a viewer is refused, and two owners removing each other at once
leave the workspace one owner (the owner rows are locked by the transaction that checks them)."""

from __future__ import annotations

import threading

import pytest

from models.migrate import upgrade_to_head
from models.settings import get_settings
from strategy.errors import WorkbenchError
from strategy.store.access import OPERATOR, Forbidden
from strategy.store.accounts import add_account
from strategy.store.members import grant, members, revoke
from strategy.store.records import create_record
from tests.factories import make_workspace

pytestmark = pytest.mark.postgres


@pytest.fixture
def workspace_id(pg_engine, monkeypatch):
    upgrade_to_head(pg_engine)
    ws = make_workspace(pg_engine)  # made with accounts off, then accounts on
    monkeypatch.setenv("WORKBENCH_ACCOUNTS", "passwords")
    get_settings.cache_clear()
    for name, role in (("ana", "owner"), ("bo", "owner"), ("vic", "viewer")):
        add_account(pg_engine, name, password=None)
        grant(pg_engine, ws.id, name, role, actor=OPERATOR)
    yield ws.id
    get_settings.cache_clear()


def test_a_viewer_is_refused_on_postgres(pg_engine, workspace_id):
    with pytest.raises(Forbidden, match="as viewer of this workspace, vic may not change this workspace"):
        create_record(pg_engine, "need", workspace_id, {"title": "x"}, actor="vic")


def test_two_owners_removing_each_other_at_once_leave_one_owner(pg_engine, workspace_id):
    start, outcomes = threading.Barrier(2), []

    def remove(who: str, whom: str) -> None:
        start.wait()
        try:
            revoke(pg_engine, workspace_id, whom, actor=who)
            outcomes.append("removed")
        except WorkbenchError as refused:
            outcomes.append(str(refused))

    threads = [threading.Thread(target=remove, args=pair) for pair in (("ana", "bo"), ("bo", "ana"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    owners = [m.name for m in members(pg_engine, workspace_id, actor=OPERATOR) if m.role == "owner"]
    assert len(owners) == 1 and outcomes.count("removed") == 1, outcomes
