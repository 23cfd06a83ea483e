"""Workspaces: create, rename, duplicate, archive, delete and restore strategies; import and export."""

from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

from models.accounts import Role
from models.labels import DATE_INPUT, MISSING
from models.workspace import Workspace
from strategy.store.interchange import duplicate_workspace, export_json, import_document, parse_document
from strategy.store.members import role_of
from strategy.store.workspaces import (
    create_workspace,
    delete_workspace,
    list_workspaces,
    restore_workspace,
    set_archived,
    update_workspace,
)
from ui.accounts import visible_to
from ui.common import actor, at_most, attempt, day_columns, engine, flash, show_flash, show_pending_error
from ui.members import members_section

ERROR = "workspaces_error"


def _state(w) -> str:  # type: ignore[no-untyped-def]
    return "deleted" if w.deleted_at else "archived" if w.archived else "active"


def _create() -> None:
    s = st.session_state
    data = {
        "name": s.new_name,
        "organisation": s.new_org,
        "plan_start": s.new_start,
        "horizon_years": s.new_horizon,
        "currency": s.new_currency,
    }
    created: list[Workspace] = []
    if attempt(lambda: created.append(create_workspace(engine(), data, actor=actor())), "", ERROR):
        s.new_name, s.new_org = "", ""
        _work_in(created[0], "Created")


def _work_in(made: Workspace, done: str) -> None:
    """A workspace just made (created, copied, imported) becomes the one in use: the sidebar picker
    and the ?ws= that every link and a reload keep."""
    st.session_state.workspace_id = made.id
    st.query_params["ws"] = str(made.id)
    flash(f"{done} '{made.name}': you are working in it now.")


def _save(workspace_id: int, version: int) -> None:
    s = st.session_state
    changes = {
        "name": s.edit_name,
        "organisation": s.edit_org,
        "plan_start": s.edit_start,
        "horizon_years": s.edit_horizon,
        "currency": s.edit_currency,
        "description": s.edit_description,
    }
    attempt(
        lambda: update_workspace(engine(), workspace_id, changes, expected_version=version, actor=actor()),
        "Saved.",
        ERROR,
    )


def _duplicate(workspace_id: int) -> None:
    name = st.session_state.copy_name
    made: list[Workspace] = []
    if attempt(lambda: made.append(duplicate_workspace(engine(), workspace_id, name, actor=actor())), "", ERROR):
        _work_in(made[0], "Copied as")


def _import() -> None:
    upload = st.session_state.get("import_file")
    if upload is None:
        return
    made: list[Workspace] = []
    if attempt(
        lambda: made.append(
            import_document(
                engine(), parse_document(upload.getvalue()), actor=actor(), name=st.session_state.import_name or None
            )
        ),
        "",
        ERROR,
    ):
        _work_in(made[0], f"Imported {upload.name} as")


def _restore(workspace_id: int, version: int) -> None:
    attempt(
        lambda: restore_workspace(engine(), workspace_id, expected_version=version, actor=actor()), "Restored.", ERROR
    )


def _archive(workspace_id: int, archived: bool, version: int) -> None:
    label = "Archived" if archived else "Unarchived"
    attempt(
        lambda: set_archived(engine(), workspace_id, archived, expected_version=version, actor=actor()),
        f"{label}.",
        ERROR,
    )


def _delete(workspace_id: int, version: int) -> None:
    attempt(
        lambda: delete_workspace(engine(), workspace_id, expected_version=version, actor=actor()),
        "Deleted; restore it here.",
        ERROR,
    )


def _manage(chosen: Workspace, owner: bool) -> None:
    """The editor's forms for the chosen workspace; the owner's actions only for its owner."""
    edit, actions = st.columns([3, 2])
    with edit, st.form(f"edit_{chosen.id}_{chosen.version}"):
        st.text_input("Name", value=chosen.name, key="edit_name", validate=at_most(80))
        st.text_input("Organisation", value=chosen.organisation, key="edit_org", validate=at_most(120))
        st.date_input("Plan start", value=chosen.plan_start, key="edit_start", format=DATE_INPUT)
        st.radio(
            "Horizon (years)",
            [3, 4, 5],
            index=[3, 4, 5].index(chosen.horizon_years),
            key="edit_horizon",
            horizontal=True,
        )
        st.text_input("Currency", value=chosen.currency, key="edit_currency", validate=at_most(3))
        st.text_area("Description", value=chosen.description, key="edit_description")
        st.form_submit_button("Save changes", type="primary", on_click=_save, args=(chosen.id, chosen.version))
    with actions:
        if owner:  # a copy holds everything an export does
            st.text_input("Name of the copy", value=f"{chosen.name} (copy)", key="copy_name", validate=at_most(80))
            st.button("Duplicate", on_click=_duplicate, args=(chosen.id,), disabled=bool(chosen.deleted_at))
        if chosen.deleted_at:
            if owner:
                st.button("Restore", on_click=_restore, args=(chosen.id, chosen.version))
        else:
            label = "Unarchive" if chosen.archived else "Archive"
            st.button(label, on_click=_archive, args=(chosen.id, not chosen.archived, chosen.version))
            if owner:  # the owner's actions (the services refuse them to anyone else too)
                st.button("Delete (can be restored)", on_click=_delete, args=(chosen.id, chosen.version))
                st.download_button(
                    "Export as JSON",
                    # exported on the click, not every rerun
                    data=partial(export_json, engine(), chosen.id or 0, actor=actor()),
                    file_name=f"{chosen.name}.json",
                    mime="application/json",
                )


st.title("Workspaces")
st.caption("Each workspace is one strategy. Archive keeps it out of the picker; delete can be undone here.")
show_flash()
show_pending_error(ERROR)

everything = list_workspaces(engine(), include_archived=True, include_deleted=True, visible_to=visible_to())
st.dataframe(
    [
        {
            "Name": w.name,
            "Organisation": w.organisation,
            "Plan start": w.plan_start,
            "Horizon (years)": w.horizon_years,
            "Currency": w.currency,
            "State": _state(w),
        }
        for w in everything
    ],
    column_config=day_columns("Plan start"),
    hide_index=True,
    width="stretch",
    placeholder=MISSING,
)

left, right = st.columns(2)
with left, st.form("create_workspace", border=True):
    st.header("New workspace")
    st.text_input("Name", key="new_name", validate=at_most(80))
    st.text_input("Organisation", key="new_org", validate=at_most(120))
    st.date_input("Plan start", key="new_start", value=date.today().replace(day=1), format=DATE_INPUT)
    st.radio("Horizon (years)", [3, 4, 5], key="new_horizon", horizontal=True)
    st.text_input("Currency", key="new_currency", value="EUR", validate=at_most(3))
    st.form_submit_button("Create workspace", type="primary", on_click=_create)

with right:
    st.header("Import a workspace")
    st.file_uploader("Workspace JSON (the export format)", type=["json"], key="import_file")
    st.text_input("Import under another name (optional)", key="import_name", validate=at_most(80))
    st.button("Import", on_click=_import, disabled=st.session_state.get("import_file") is None)

if everything:
    st.divider()
    names = {w.id: f"{w.name} ({_state(w)})" for w in everything}
    chosen_id = st.selectbox("Manage workspace", list(names), format_func=names.__getitem__, key="manage_id")
    chosen = next(w for w in everything if w.id == chosen_id)
    role = role_of(engine(), chosen.id or 0, actor())  # owner of everything with accounts off
    owner = role is Role.OWNER
    if role in (Role.OWNER, Role.EDITOR):
        _manage(chosen, owner)
    else:
        st.info("You are a viewer of this workspace: you can read it, not change it.")
    if owner and visible_to() is not None:
        st.divider()
        members_section(chosen.id or 0, chosen.name)
