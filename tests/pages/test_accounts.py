"""Accounts on (WORKBENCH_ACCOUNTS=passwords): the sign-in page, what each role sees, the members
section, and the audit trail naming the signed-in account."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from strategy.store.access import OPERATOR
from strategy.store.accounts import add_account
from strategy.store.audit import recent_events
from strategy.store.database import ensure_database
from strategy.store.members import grant, members
from strategy.store.workspaces import create_workspace
from strategy.workshop.sessions import open_session
from tests.conftest import APP, click, reset_app_state

PASSWORD = "correct horse battery"
SAMPLE = "Meridian Outdoor Co-op"
WRONG = "Not signed in: the name or the password is wrong."


@pytest.fixture
def team(app_db, monkeypatch):
    """The sample seeded, accounts on, and an owner, an editor, a viewer of it (plus an outsider's plan)."""
    monkeypatch.setenv("WORKBENCH_ACCOUNTS", "passwords")
    reset_app_state()
    engine, _sample = ensure_database()  # as the app's first run does: schema, then the sample
    for name, role in (("olga", "owner"), ("ed", "editor"), ("vic", "viewer")):
        add_account(engine, name, password=PASSWORD)
        grant(engine, 1, name, role, actor=OPERATOR)
    add_account(engine, "out", password=PASSWORD)
    create_workspace(engine, {"name": "Someone else's plan", "plan_start": "2026-01-01"}, actor="out")
    yield engine
    engine.dispose()


def signed_in(name: str, password: str = PASSWORD, at: AppTest | None = None) -> AppTest:
    at = at or AppTest.from_file(APP, default_timeout=30).run()
    at.text_input(key="sign_in_name").input(name)
    at.text_input(key="sign_in_password").input(password)
    return click(at, "Sign in")


def test_a_browser_nobody_signed_in_to_sees_the_sign_in_page_only(team):
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert [t.value for t in at.title] == ["CRM Strategy Workbench"]
    assert not at.sidebar.selectbox and not [p for p in at.get("page_link")]
    assert [b.label for b in at.button] == ["Sign in"]


@pytest.mark.parametrize(("name", "password"), [("olga", "not her password"), ("nobody", PASSWORD)])
def test_a_wrong_name_or_password_gets_one_message_that_says_neither(team, name, password):
    at = signed_in(name, password)
    assert [e.value for e in at.error] == [WRONG]
    assert at.text_input(key="sign_in_password").value == ""  # not kept
    assert not at.sidebar.selectbox


def test_five_wrong_passwords_hold_the_name_back_for_a_minute(team):
    at = AppTest.from_file(APP, default_timeout=30).run()
    for _ in range(5):
        at = signed_in("olga", "guessing wrong", at)
    at = signed_in("olga", PASSWORD, at)  # even the right one, now
    assert "too many failed sign-ins for this name: wait" in at.error[0].value
    assert not at.sidebar.selectbox


def test_a_member_sees_only_their_workspaces_and_is_the_audit_actor(team):
    at = signed_in("ed")
    assert not at.exception and not at.error
    assert at.sidebar.selectbox(key="workspace_id").options == [SAMPLE]
    assert any("Signed in as ed" in c.value for c in at.sidebar.caption)
    assert not [t for t in at.sidebar.text_input if t.label.startswith("Your name")]  # no typed name
    at.switch_page("pages/workspaces.py").run()
    at.text_input(key="edit_org").input("Meridian (edited)")
    click(at, "Save changes")
    assert recent_events(team, 1, limit=1)[0].actor == "ed"
    labels = {b.label for b in at.button} | {b.proto.label for b in at.get("download_button")}
    assert "Archive" in labels and not {"Delete (can be restored)", "Export as JSON", "Duplicate"} & labels
    assert not [h for h in at.header if h.value.startswith("Members of")]


def test_a_link_to_someone_elses_workspace_opens_one_of_your_own(team):
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["ws"] = "2"  # the outsider's plan
    at = signed_in("ed", at=at.run())
    assert not at.exception
    assert at.sidebar.selectbox(key="workspace_id").value == 1 and at.query_params["ws"] in ("1", ["1"])
    assert not [m for m in at.markdown if "Someone else" in m.value] and "Someone else" not in str(at.title)


def test_a_viewer_sees_no_editing(team):
    at = signed_in("vic")
    assert any("viewer of this workspace" in c.value for c in at.sidebar.caption)
    assert any("st-key-editing-" in h.proto.body for h in at.get("html"))  # the editing containers hidden
    # the switch stores presentation mode in the workspace: a write a viewer may not make
    assert "Present to the room" not in [b.label for b in at.sidebar.button]
    at.switch_page("pages/workspaces.py").run()
    assert "You are a viewer of this workspace: you can read it, not change it." in [i.value for i in at.info]
    assert "Save changes" not in [b.label for b in at.button]


def test_the_owner_adds_a_member_changes_a_role_and_removes_one(team):
    at = signed_in("olga")
    at.switch_page("pages/workspaces.py").run()
    assert f"Members of {SAMPLE}" in [h.value for h in at.header]
    at.text_input(key="member_name").input("out")
    at.selectbox(key="member_role").select("viewer")
    click(at, "Add or change role")
    at.selectbox(key="member_remove").select("vic")
    click(at, "Remove from workspace")
    assert {(m.name, m.role) for m in members(team, 1, actor="olga")} == {
        ("olga", "owner"), ("ed", "editor"), ("out", "viewer"),
    }  # fmt: skip
    at.text_input(key="member_name").input("nobody")
    click(at, "Add or change role")
    assert "no account is named 'nobody'" in at.error[0].value


def test_an_anonymous_phone_still_joins_a_live_session(team):
    code = open_session(team, 1, actor="olga", minutes=30, allowance=3).code
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["join"] = code
    at.run()
    assert [t.value for t in at.title] == ["Join the workshop"]
    assert "Sign in" not in [b.label for b in at.button]


def test_a_viewer_leaves_presentation_mode_for_their_own_screen_only(team):
    from strategy.store.records import get_singleton, save_singleton

    stored = get_singleton(team, "workshop", 1)
    save_singleton(team, "workshop", 1, {"presenting": True}, expected_version=stored["version"], actor="olga")
    at = signed_in("vic")
    click(at, "Leave")  # the room's switch stays on: nothing a viewer may not write is written
    assert "Leave" not in [b.label for b in at.button]
    assert signed_in("olga").button(key="present_leave")  # still presenting for everyone else


def test_an_account_that_only_takes_part_in_workshops_sees_only_the_join_page(team):
    add_account(team, "pia", password=PASSWORD)
    grant(team, 1, "pia", "participant", actor="olga")
    at = signed_in("pia")
    assert [t.value for t in at.title] == ["Join the workshop"]
    assert not at.sidebar.selectbox and not at.get("page_link")
