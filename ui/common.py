"""What every view shares: the engine, the current workspace, cached reads and error display.

Reads are cached per database, workspace and data version (Streamlit's caches are shared by
every user, so the key must say whose data it is); any write bumps the data version.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar, cast

import pandas  # noqa: F401 - imported whole before any session draws a chart: see below
import plotly.graph_objects as go
import streamlit as st
from plotly.basedatatypes import BaseFigure
from sqlalchemy import Engine

from models.labels import DATE_COLUMN
from models.settings import get_settings
from models.workspace import Workspace
from strategy.errors import InvalidInput, WorkbenchError
from strategy.store.audit import data_version
from strategy.store.database import shared_engine
from strategy.store.records import list_records
from strategy.store.snapshot import workspace_records
from strategy.store.workspaces import get_workspace
from ui.frozen import ReadOnlyRecord, frozen_rows

# Plotly finds pandas through sys.modules; on a fresh server a second session could draw a chart while
# the first was still importing pandas and get the half-made module ("no attribute 'Series'"). The
# import above runs under Python's import lock when this module loads, so every session waits for it.
FLASH = "_flash"
T = TypeVar("T")
# What Streamlit's Markdown acts on: images, links, HTML, LaTeX, emphasis, tables, headings, entities.
MARKDOWN_ACTIVE = re.compile(r"[\\`*\[\]!|~$#&]|<(?=[A-Za-z/!?])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
# Bare URLs, www. and e-mail addresses become links, and short codes (:smile:) icons, whatever the
# escaping (GFM finds them in the parsed text): an invisible word joiner after the trigger breaks them.
AUTOLINK_TRIGGER = re.compile(r":(?=[A-Za-z/])|(?<=www)(?=\.)|@")
WORD_JOINER = "\u2060"


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


SIGNED_IN_AS = "signed_in_account"  # set by the sign-in only (ui/accounts.py): no widget has this key


def actor() -> str:
    """Who the audit trail names: the signed-in account with accounts on (nothing typed changes it),
    else the name the user gave."""
    if get_settings().accounts != "off":
        return st.session_state.get(SIGNED_IN_AS) or ""
    return str(st.session_state.get("actor") or get_settings().default_actor)


def workspace() -> Workspace:
    """The workspace picked in the sidebar; stops the page with a hint when there is none."""
    workspace_id = st.session_state.get("workspace_id")
    if workspace_id is None:
        st.info("No workspace yet: create one on the **Workspaces** page.")
        st.stop()
    return _cached_workspace(get_settings().url, int(workspace_id), version(int(workspace_id)))


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_workspace(url: str, workspace_id: int, data_version: int) -> Workspace:
    return get_workspace(_engine(url), workspace_id)


VERSIONS = "_data_versions"


def version(workspace_id: int) -> int:
    """The workspace's data version, read once a rerun: app.py forgets it as each run starts, and so
    does every write through attempt()."""
    seen = st.session_state.setdefault(VERSIONS, {})
    if workspace_id not in seen:
        seen[workspace_id] = data_version(engine(), workspace_id)
    return int(seen[workspace_id])


def forget_versions() -> None:
    st.session_state.pop(VERSIONS, None)


@st.cache_resource(show_spinner=False, max_entries=64)
def _derived(url: str, workspace_id: int, data_version: int, name: str, _compute: Callable[[], Any]) -> Any:
    return _compute()


def derived(name: str, workspace_id: int, compute: Callable[[], T]) -> T:
    """A result that depends only on the workspace's data (a schedule, a Monte Carlo, verdicts, a figure),
    computed once per data version and shared by every session; `name` must carry every other input
    (a seed, a setting, today's date). Treat it as read-only: every session sees the same object."""
    return cast(T, _derived(get_settings().url, workspace_id, version(workspace_id), name, compute))


# Records are shared, not copied per read (see ui.frozen); a write makes a new version, so the old
# entries only wait to be evicted: the caps bound that memory (a large workspace is about 20 MB).
@st.cache_resource(show_spinner=False, max_entries=128)
def _cached_records(url: str, kind: str, workspace_id: int, data_version: int) -> list[dict[str, Any]]:
    return frozen_rows(list_records(_engine(url), kind, workspace_id))


def records(kind: str, workspace_id: int) -> list[dict[str, Any]]:
    """The workspace's records of a kind, cached until the workspace next changes; read-only, shared
    by every session (copy a record with dict(r) to change it)."""
    return _cached_records(get_settings().url, kind, workspace_id, version(workspace_id))


@st.cache_resource(show_spinner=False, max_entries=16)
def _cached_all(url: str, workspace_id: int, data_version: int) -> dict[str, list[dict[str, Any]]]:
    found = workspace_records(_engine(url), workspace_id)
    return ReadOnlyRecord((kind, frozen_rows(rows)) for kind, rows in found.items())


def all_records(workspace_id: int) -> dict[str, list[dict[str, Any]]]:
    return _cached_all(get_settings().url, workspace_id, version(workspace_id))


def plain(text: object) -> str:
    """Text a person typed (or a message quoting it), for any element that reads Markdown: the
    characters that make an image, a link (bracketed or bare), HTML, LaTeX, emphasis or a short code
    are escaped, so it shows literally; plain punctuation is left as typed."""
    escaped = MARKDOWN_ACTIVE.sub(lambda found: "\\" + found.group(), str(text))
    return AUTOLINK_TRIGGER.sub(lambda found: found.group() + WORD_JOINER, escaped).replace("\n", " ")


def show_error(error: Exception) -> None:
    """Why nothing was saved: one sentence per problem, each naming the field as the form labels it."""
    lines = [plain(e) for e in error.errors] if isinstance(error, InvalidInput) else [plain(error)]
    st.error("**Not saved.**  \n" + "  \n".join(lines), icon=":material/error:")


def flash(message: str) -> None:
    """A confirmation that survives the rerun a callback triggers."""
    st.session_state[FLASH] = message


def show_flash() -> None:
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(plain(message), icon=":material/check_circle:")


def attempt(action: Callable[[], Any], success: str, error_key: str) -> bool:
    """Run a write from a callback; keep the error for the page to show, keep what was typed."""
    try:
        action()
    except WorkbenchError as error:
        st.session_state[error_key] = error
        return False
    finally:
        forget_versions()
    st.session_state.pop(error_key, None)
    flash(success)
    return True


SHOWN = "_shown_errors"  # each form's refusal on screen in this run, for field_error() to repeat


def show_pending_error(error_key: str) -> None:
    """The refusal of the last submit, once; a submit that was not refused leaves nothing behind."""
    error = st.session_state.pop(error_key, None)
    st.session_state.setdefault(SHOWN, {})[error_key] = error
    if error is not None:
        show_error(error)


def field_error(error_key: str, field: str, place: Any = st) -> None:
    """Under a field: why the refusal shown at the top refused this field, where the fix is typed.
    Call after show_pending_error(error_key) in the same run; `place` is a column or container."""
    error = st.session_state.get(SHOWN, {}).get(error_key)
    problems = error.errors if isinstance(error, InvalidInput) else []
    for problem in problems:
        if problem.path == field:
            place.markdown(f":red[:material/error: {plain(problem)}]")


def at_most(chars: int) -> tuple[str, str]:
    """A text input's length check, for `validate=`: Streamlit's max_chars drops a longer paste whole,
    leaving the field empty without a word; this keeps the text and names the limit beside it."""
    return rf"^[\s\S]{{0,{chars}}}$", f"At most {chars} characters here: shorten the text to save it."


PRESENTING = "workshop_presenting"  # set by ui.presentation while the room is watching
PRESENTING_FONT = 24


def presenting() -> bool:
    """True while the room is watching: the page shows what editing widgets hold as text."""
    return bool(st.session_state.get(PRESENTING))


def day_columns(*names: str) -> dict[str, Any]:
    """Table columns of days, written as everywhere else ('01 Dec 2026'), still sorting by date."""
    return {name: st.column_config.DateColumn(name, format=DATE_COLUMN) for name in names}


class _Drawn(BaseFigure):  # type: ignore[misc]
    """A figure already turned into plain data. st.plotly_chart reads a figure through to_dict(), a deep
    copy of every trace on every rerun (3 ms for the 300 needs' marks); a cached figure is copied once."""

    def __init__(self, plain: dict[str, Any]) -> None:  # no BaseFigure.__init__: validated when it was built
        self._plain = plain

    def to_dict(self) -> dict[str, Any]:
        return self._plain


def _drawn(figure: go.Figure) -> _Drawn:
    """The figure's plain data, kept on the figure: a figure from derived() is the same object every rerun."""
    found = getattr(figure, "_workbench_drawn", None)
    if found is None:
        found = figure._workbench_drawn = _Drawn(figure.to_dict())
    return cast(_Drawn, found)


def chart(figure: go.Figure, key: str | None = None) -> None:
    """A plotly figure as built, full width, no toolbar: our own styling, not Streamlit's theme.
    In presentation mode its default type grows so labels read from the back of the room.
    Draw a figure as it is finished: one changed after it was drawn would be drawn as it was."""
    if presenting():
        figure = go.Figure(figure).update_layout(font_size=PRESENTING_FONT)
    st.plotly_chart(_drawn(figure), theme=None, width="stretch", config={"displayModeBar": False}, key=key)
