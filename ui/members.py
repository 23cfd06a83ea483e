"""The Members section of the Workspaces page: the owner adds people, changes their role, removes them."""

from __future__ import annotations

import streamlit as st

from models.accounts import Role
from strategy.store.members import grant, members, revoke
from ui.common import actor, attempt, engine, show_pending_error

ERROR = "members_error"
ROLES = [role.value for role in Role]


def _grant(workspace_id: int) -> None:
    s = st.session_state
    name, role = str(s.member_name or ""), str(s.member_role)
    if attempt(lambda: grant(engine(), workspace_id, name, role, actor=actor()), f"{name} is now {role}.", ERROR):
        s.member_name = ""


def _revoke(workspace_id: int) -> None:
    name = str(st.session_state.member_remove or "")
    attempt(lambda: revoke(engine(), workspace_id, name, actor=actor()), f"{name} was removed.", ERROR)


def members_section(workspace_id: int, workspace_name: str) -> None:
    """Only an owner sees it (and the services refuse anyone else)."""
    st.header(f"Members of {workspace_name}", anchor=False)
    st.caption(
        "Owners do everything, including delete, export and members; editors change the records; viewers "
        "read; participants join live workshop sessions only. Accounts are added with "
        "`python -m strategy user add`."
    )
    show_pending_error(ERROR)
    found = members(engine(), workspace_id, actor=actor())
    st.dataframe(
        [{"Account": m.name, "Name": m.display_name, "Role": m.role} for m in found],
        hide_index=True,
        width="stretch",
    )
    add, remove = st.columns(2)
    with add, st.form(f"member_add_{workspace_id}"):
        st.text_input("Account name", key="member_name")
        st.selectbox("Role", ROLES, index=ROLES.index(Role.EDITOR.value), key="member_role")
        st.form_submit_button("Add or change role", on_click=_grant, args=(workspace_id,))
    with remove, st.form(f"member_remove_{workspace_id}"):
        st.selectbox("Member", [m.name for m in found], key="member_remove")
        st.form_submit_button("Remove from workspace", on_click=_revoke, args=(workspace_id,))
