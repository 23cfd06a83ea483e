"""The picture frame: page config, the workspace picker, and the journey's navigation."""

from __future__ import annotations

import streamlit as st

from models.accounts import Role
from models.settings import get_settings
from strategy.store.workspaces import list_workspaces
from ui.accounts import refuse_network_without_accounts, signed_in_or_sign_in, visible_to, workspace_role_shown
from ui.common import engine, forget_versions
from ui.layout import apply_default_layout, sidebar_links
from ui.participant import participant_mode
from ui.presentation import frame, sidebar_switch

st.set_page_config(page_title="CRM Strategy Workbench", page_icon=":material/explore:", layout="wide")

# The journey, in order; a section appears once it has a working page.
SECTIONS: dict[str, list[st.Page]] = {
    "Workbench": [
        st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
        st.Page("pages/workspaces.py", title="Workspaces", icon=":material/folder_open:"),
        st.Page("pages/history.py", title="History & baselines", icon=":material/history:"),
    ],
    "Discover": [
        st.Page("pages/needs.py", title="Business need", icon=":material/priority_high:"),
        st.Page("pages/stakeholders.py", title="Stakeholders & champions", icon=":material/groups:"),
        st.Page("pages/vision.py", title="Vision", icon=":material/visibility:"),
    ],
    "Define": [
        st.Page("pages/direction.py", title="Direction", icon=":material/explore:"),
        st.Page("pages/capabilities.py", title="Capabilities", icon=":material/construction:"),
        st.Page("pages/objectives.py", title="Objectives (SMART)", icon=":material/flag:"),
        st.Page("pages/kpis.py", title="KPIs and traceability", icon=":material/monitoring:"),
    ],
    "Plan": [
        st.Page("pages/business_case.py", title="Business case", icon=":material/payments:"),
    ],
    "Deliver": [
        st.Page("pages/initiatives.py", title="Initiatives", icon=":material/checklist:"),
        st.Page("pages/roadmap.py", title="Roadmap", icon=":material/view_timeline:"),
    ],
    "Sustain": [
        st.Page("pages/sustain.py", title="Change, data and reviews", icon=":material/autorenew:"),
        st.Page("pages/tracking.py", title="Tracking", icon=":material/query_stats:"),
        st.Page("pages/feedback.py", title="Feedback and change", icon=":material/forum:"),
    ],
    "Workshop": [
        st.Page("pages/workshop.py", title="Workshop in the room", icon=":material/co_present:"),
    ],
    "Share": [
        st.Page("pages/health.py", title="Health check", icon=":material/health_and_safety:"),
        st.Page("pages/brief.py", title="Strategy brief", icon=":material/picture_as_pdf:"),
        st.Page("pages/method.py", title="Rule book", icon=":material/menu_book:"),
    ],
}


def _pick_workspace() -> None:
    spaces = list_workspaces(engine(), visible_to=visible_to())
    if not spaces:
        st.session_state.pop("workspace_id", None)
        return
    names = {w.id: w.name for w in spaces}
    asked = str(st.session_state.get("workspace_id") or st.query_params.get("ws") or "")
    wanted = int(asked) if asked.isdigit() else None
    if wanted not in names:
        st.session_state["workspace_id"] = next(iter(names))
    elif st.session_state.get("workspace_id") != wanted:
        st.session_state["workspace_id"] = wanted
    st.sidebar.selectbox("Workspace", list(names), format_func=names.__getitem__, key="workspace_id")
    st.query_params["ws"] = str(st.session_state["workspace_id"])


def _who_you_are() -> None:
    """The user's name for the audit trail, kept in the URL (`?by=`) so a reload or a new tab keeps it
    (accounts off: with accounts on, the signed-in account is the name)."""
    if "actor" not in st.session_state:
        st.session_state["actor"] = st.query_params.get("by", "")
    default = get_settings().default_actor
    st.sidebar.text_input("Your name (for the audit trail)", key="actor", placeholder=default)
    name = str(st.session_state["actor"]).strip()
    if name:
        st.query_params["by"] = name
    else:
        st.query_params.pop("by", None)
        st.sidebar.caption(f"Edits are logged as “{default}” until you give your name.")


refuse_network_without_accounts()
forget_versions()  # read the data version afresh once in this run
if participant_mode():  # a phone in a live session reaches the participant page and nothing else
    st.navigation([st.Page("pages/join.py", title="Join the workshop")], position="hidden").run()
    st.stop()
me = signed_in_or_sign_in()  # with accounts on, a browser nobody signed in to sees the sign-in page only
sections = {name: pages for name, pages in SECTIONS.items() if pages}
current_page = st.navigation(sections, position="hidden")
apply_default_layout()
st.sidebar.html('<p class="nav-section">CRM Strategy Workbench</p>')
_pick_workspace()
if me is None:
    _who_you_are()
sidebar_links(sections, carried=dict(st.query_params))
if "workspace_id" in st.session_state:
    if workspace_role_shown(st.session_state["workspace_id"]) is not Role.VIEWER:
        sidebar_switch(st.session_state["workspace_id"])  # stored per workspace: an edit
    frame(st.session_state["workspace_id"])
current_page.run()
