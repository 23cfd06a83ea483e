"""Roles enforced in the services: each service called directly, as a page that was bypassed would,
by an owner, an editor, a viewer, a participant and a stranger (accounts on)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from models.settings import get_settings
from strategy.edits import TableEdits
from strategy.errors import Conflict
from strategy.store.access import OPERATOR, Forbidden
from strategy.store.accounts import add_account
from strategy.store.actuals import insert_actuals
from strategy.store.audit import recent_events
from strategy.store.baselines import save_baseline
from strategy.store.interchange import duplicate_workspace, export_json
from strategy.store.members import grant, members, revoke, role_of
from strategy.store.records import apply_table_edits, create_record, delete_record, list_records, update_record
from strategy.store.recycle_bin import list_bin, restore_from_bin
from strategy.store.undo import undo_change
from strategy.store.workspaces import (
    create_workspace,
    delete_workspace,
    get_workspace,
    list_workspaces,
    restore_workspace,
    set_archived,
    update_workspace,
)
from strategy.sustain.change_apply import approve_with_effect
from strategy.sustain.change_control import decide as committee_decides
from strategy.sustain.feedback import triage as triage_feedback
from strategy.sustain.funnel_setup import set_up_funnel
from strategy.workshop.participation import submit, vote
from strategy.workshop.sessions import close_session, join, open_session, start_round
from strategy.workshop.triage import decide as triage_contribution
from tests.factories import ACTOR, make_need, make_workspace

ROLES = ("owner", "editor", "viewer", "participant")
TODAY = date(2026, 12, 2)
IDEA = {"kind": "pain", "title": "Quotes take a week", "department": "Sales", "size": 4}
NOT_AN_EDITOR = "may not change this workspace"
NOT_THE_OWNER = "may not do this: deleting or restoring a workspace, exporting it and managing its members"


@pytest.fixture
def team(engine, monkeypatch) -> dict[str, Any]:
    """A workspace made while accounts were off, then accounts on and one account per role."""
    ws = make_workspace(engine)
    need = make_need(engine, ws.id)
    live = open_session(engine, ws.id, actor=ACTOR, minutes=60, allowance=3)
    seat = join(engine, live.code, "Pia on her phone")
    idea = submit(engine, seat.token, **IDEA)
    binned = make_need(engine, ws.id, title="Deleted, in the bin")
    delete_record(engine, "need", ws.id, binned["id"], expected_version=1, actor=ACTOR)
    monkeypatch.setenv("WORKBENCH_ACCOUNTS", "passwords")
    get_settings.cache_clear()
    for role in ROLES:
        add_account(engine, role, password=None)
        grant(engine, ws.id, role, role, actor=OPERATOR)
    add_account(engine, "stranger", password=None)
    yield {"ws": ws, "need": need, "live": live, "seat": seat, "idea": idea}
    get_settings.cache_clear()


def edits(engine, team) -> dict[str, Callable[[str], object]]:
    """Every write path a viewer must not take, as a call by the named actor."""
    ws, need, live = team["ws"].id, team["need"], team["live"]
    fresh = get_workspace(engine, ws)
    need_events = [e for e in recent_events(engine, ws) if e.table_name == "need"]
    return {
        "create a record": lambda who: create_record(engine, "need", ws, {"title": "x"}, actor=who),
        "update a record": lambda who: update_record(
            engine, "need", ws, need["id"], {"title": "y"}, expected_version=need["version"], actor=who
        ),
        "delete a record": lambda who: delete_record(engine, "need", ws, need["id"], expected_version=1, actor=who),
        "save a table": lambda who: apply_table_edits(engine, "need", ws, _no_edits(), actor=who),
        "rename the workspace": lambda who: update_workspace(
            engine, ws, {"name": "Renamed"}, expected_version=fresh.version, actor=who
        ),
        "archive the workspace": lambda who: set_archived(engine, ws, True, expected_version=fresh.version, actor=who),
        "open a live session": lambda who: open_session(engine, ws, actor=who, minutes=30, allowance=3),
        "start a vote round": lambda who: start_round(engine, live.id, "objectives", actor=who),
        "close the live session": lambda who: close_session(engine, live.id, actor=who),
        "triage a contribution": lambda who: triage_contribution(engine, ws, team["idea"], "dismiss", actor=who),
        "set up the funnel": lambda who: set_up_funnel(engine, ws, "Sales funnel", 1, actor=who),
        "accept a suggestion": lambda who: triage_feedback(
            engine, ws, {"id": 1, "version": 1, "text": "t", "submitted_by": "", "department": ""}, "accept",
            actor=who, today=TODAY,
        ),
        "decide a change": lambda who: committee_decides(
            engine, ws, 1, "approved", "", expected_version=1, actor=who, today=TODAY
        ),
        "approve with its effect": lambda who: approve_with_effect(
            engine, ws, {"id": 1, "impact_assessment": "fine"}, "", actor=who, today=TODAY
        ),
        "store KPI actuals": lambda who: insert_actuals(engine, ws, [(1, TODAY, 1.0)], actor=who),
        "save a baseline": lambda who: save_baseline(engine, ws, "Board approved", actor=who),
        "undo a change": lambda who: undo_change(engine, ws, need_events[0].id, actor=who),
        "restore from the bin": lambda who: restore_from_bin(engine, ws, list_bin(engine, ws)[0].id, actor=who),
    }  # fmt: skip


def _no_edits() -> TableEdits:
    return TableEdits(added=[{"title": "z"}])


@pytest.mark.parametrize("role", ["viewer", "participant"])
def test_a_viewer_or_participant_is_refused_every_write_and_nothing_is_written(engine, team, role):
    before = list_records(engine, "need", team["ws"].id)
    for name, call in edits(engine, team).items():
        with pytest.raises(Forbidden, match=f"as {role} of this workspace, {role} {NOT_AN_EDITOR}"):
            call(role)
            pytest.fail(f"{role} could {name}")
    assert list_records(engine, "need", team["ws"].id) == before
    assert get_workspace(engine, team["ws"].id).name == team["ws"].name


def test_someone_who_is_not_a_member_is_told_to_ask_the_owner(engine, team):
    for call in edits(engine, team).values():
        with pytest.raises(Forbidden, match="stranger is not a member of this workspace: ask its owner to add you"):
            call("stranger")


def test_an_editor_edits_but_may_not_delete_export_or_manage_members(engine, team):
    ws = team["ws"]
    need = team["need"]
    edited = update_record(engine, "need", ws.id, need["id"], {"reach": 5}, expected_version=1, actor="editor")
    assert edited["reach"] == 5
    owner_only = {
        "delete": lambda: delete_workspace(engine, ws.id, expected_version=1, actor="editor"),
        "export": lambda: export_json(engine, ws.id, actor="editor"),
        "duplicate": lambda: duplicate_workspace(engine, ws.id, "Copy", actor="editor"),
        "list members": lambda: members(engine, ws.id, actor="editor"),
        "grant": lambda: grant(engine, ws.id, "stranger", "editor", actor="editor"),
        "revoke": lambda: revoke(engine, ws.id, "viewer", actor="editor"),
    }
    for call in owner_only.values():
        with pytest.raises(Forbidden, match=f"as editor of this workspace, editor {NOT_THE_OWNER}"):
            call()


def test_the_owner_deletes_restores_exports_and_manages_members(engine, team):
    ws = team["ws"]
    assert '"name": "Acme CRM plan' in export_json(engine, ws.id, actor="owner")
    grant(engine, ws.id, "stranger", "viewer", actor="owner")
    grant(engine, ws.id, "viewer", "editor", actor="owner")
    revoke(engine, ws.id, "participant", actor="owner")
    assert {(m.name, m.role) for m in members(engine, ws.id, actor="owner")} == {
        ("owner", "owner"), ("editor", "editor"), ("viewer", "editor"), ("stranger", "viewer"),
    }  # fmt: skip
    deleted = delete_workspace(engine, ws.id, expected_version=1, actor="owner")
    restore_workspace(engine, ws.id, expected_version=deleted.version, actor="owner")
    assert get_workspace(engine, ws.id).deleted_at is None


def test_a_workspace_keeps_one_owner(engine, team):
    with pytest.raises(Conflict, match="owner is this workspace's only owner"):
        revoke(engine, team["ws"].id, "owner", actor="owner")
    with pytest.raises(Conflict, match="only owner"):
        grant(engine, team["ws"].id, "owner", "viewer", actor="owner")


def test_each_person_sees_only_the_workspaces_they_belong_to(engine, team):
    other = create_workspace(engine, {"name": "Viewer's own", "plan_start": TODAY}, actor="viewer")
    assert role_of(engine, other.id, "viewer") == "owner"  # who creates a workspace owns it
    assert [w.name for w in list_workspaces(engine, visible_to="viewer")] == ["Acme CRM plan", "Viewer's own"]
    assert [w.name for w in list_workspaces(engine, visible_to="editor")] == ["Acme CRM plan"]
    assert list_workspaces(engine, visible_to="stranger") == []
    assert list_workspaces(engine, visible_to="participant") == []  # a participant joins by code only
    assert len(list_workspaces(engine, visible_to=OPERATOR)) == 2


def test_only_an_account_may_create_a_workspace(engine, team):
    with pytest.raises(Forbidden, match="'somebody' is not an account: sign in first"):
        create_workspace(engine, {"name": "Anonymous", "plan_start": TODAY}, actor="somebody")


def test_the_participants_phone_still_takes_part_through_its_seat(engine, team):
    """The seat token is all a phone holds: it raises and votes in its session, nothing else."""
    seat = team["seat"]
    assert submit(engine, seat.token, **IDEA) > 0
    assert vote(engine, seat.token, team["need"]["id"]) == 2


def test_a_seat_or_a_participants_display_name_reaches_nothing_else(engine, team):
    """Whatever a phone holds or shows, passed where an account belongs, is refused."""
    for name in (team["seat"].token, "Pia on her phone"):
        with pytest.raises(Forbidden, match="is not a member of this workspace"):
            create_record(engine, "need", team["ws"].id, {"title": "x"}, actor=name)
        with pytest.raises(Forbidden, match="is not a member of this workspace"):
            export_json(engine, team["ws"].id, actor=name)


def test_with_accounts_off_the_local_user_owns_everything(engine, monkeypatch):
    monkeypatch.delenv("WORKBENCH_ACCOUNTS", raising=False)
    get_settings.cache_clear()
    ws = make_workspace(engine)
    assert role_of(engine, ws.id, "whoever typed a name") == "owner"
    delete_workspace(engine, ws.id, expected_version=1, actor="whoever typed a name")
