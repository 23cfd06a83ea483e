"""What every view shares: the engine, the current workspace, cached reads and error display.

Reads are cached per database, workspace and data version (Streamlit's caches are shared by
every user, so the key must say whose data it is); any write bumps the data version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from sqlalchemy import Engine

from models.settings import get_settings
from models.workspace import Workspace
from strategy.errors import InvalidInput, WorkbenchError
from strategy.store.audit import data_version
from strategy.store.database import shared_engine
from strategy.store.records import list_records
from strategy.store.snapshot import workspace_records
from strategy.store.workspaces import get_workspace

FLASH = "_flash"


def _leave_legacy_pages_mode() -> None:
    """A deep link as the server's very first request is routed by Streamlit's legacy pages/-folder
    mode, which runs the page without app.py's frame. The same page hash is valid under
    st.navigation, so switch the mode off and run again inside the frame."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


_leave_legacy_pages_mode()


def engine() -> Engine:
    return _engine(get_settings().url)


@st.cache_resource(show_spinner="Opening the database…")
def _engine(url: str) -> Engine:
    return shared_engine(url)


def actor() -> str:
    return str(st.session_state.get("actor") or get_settings().default_actor)


def workspace() -> Workspace:
    """The workspace picked in the sidebar; stops the page with a hint when there is none."""
    workspace_id = st.session_state.get("workspace_id")
    if workspace_id is None:
        st.info("No workspace yet: create one on the **Workspaces** page.")
        st.stop()
    return get_workspace(engine(), int(workspace_id))


def version(workspace_id: int) -> int:
    return data_version(engine(), workspace_id)


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_records(url: str, kind: str, workspace_id: int, data_version: int) -> list[dict[str, Any]]:
    return list_records(_engine(url), kind, workspace_id)


def records(kind: str, workspace_id: int) -> list[dict[str, Any]]:
    """The workspace's records of a kind, cached until the workspace next changes."""
    return _cached_records(get_settings().url, kind, workspace_id, version(workspace_id))


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_all(url: str, workspace_id: int, data_version: int) -> dict[str, list[dict[str, Any]]]:
    return workspace_records(_engine(url), workspace_id)


def all_records(workspace_id: int) -> dict[str, list[dict[str, Any]]]:
    return _cached_all(get_settings().url, workspace_id, version(workspace_id))


def show_error(error: Exception) -> None:
    """Why nothing was saved: one sentence per problem, each naming the field as the form labels it."""
    lines = [str(e) for e in error.errors] if isinstance(error, InvalidInput) else [str(error)]
    st.error("**Not saved.**  \n" + "  \n".join(lines), icon=":material/error:")


def flash(message: str) -> None:
    """A confirmation that survives the rerun a callback triggers."""
    st.session_state[FLASH] = message


def show_flash() -> None:
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message, icon=":material/check_circle:")


def attempt(action: Callable[[], Any], success: str, error_key: str) -> bool:
    """Run a write from a callback; keep the error for the page to show, keep what was typed."""
    try:
        action()
    except WorkbenchError as error:
        st.session_state[error_key] = error
        return False
    st.session_state.pop(error_key, None)
    flash(success)
    return True


def show_pending_error(error_key: str) -> None:
    error = st.session_state.pop(error_key, None)
    if error is not None:
        show_error(error)


def chart(figure: go.Figure, key: str | None = None) -> None:
    """A plotly figure as built, full width, no toolbar: our own styling, not Streamlit's theme."""
    st.plotly_chart(figure, theme=None, width="stretch", config={"displayModeBar": False}, key=key)
