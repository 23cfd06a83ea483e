"""Presentation mode: every page in its projector layout, with the workshop agenda on top.

One switch per workspace (the workshop settings' `presenting`), overridden by `?present=1` or
`?present=0` in the URL. The sidebar and editing chrome go; type grows to at least 24 px body and
44 px headings; → / ← step through the agenda, Esc leaves.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import streamlit as st

from models.accounts import Role
from strategy.brief.escape import for_markdown
from strategy.store.members import role_of
from strategy.store.records import save_singleton
from strategy.workshop.agenda import clamp, countdown, ordered
from ui.common import PRESENTING, actor, engine, records

CSS = """<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stForm"], [data-testid="stFileUploader"], [data-testid="stTextInput"],
[data-testid="stNumberInput"], [data-testid="stDateInput"], [data-testid="stDownloadButton"],
[data-testid="stFormSubmitButton"], .stMainBlockContainer .stButton:not(.st-key-present_bar .stButton)
{ display: none !important; }
.stMainBlockContainer { padding: 0.75rem 2.5rem 2rem !important; max-width: 100% !important; }
/* One idea per screen: the page's introduction gives way to its figures and chart (it is read at the
   desk); a row that held a form or editing widgets (hidden here) gives each of its columns the whole
   width, its chart first, so nothing sits beside an empty space. */
.stElementContainer:has(h1) + .stElementContainer:has([data-testid="stCaptionContainer"]) { display: none; }
[class*="st-key-editing-"] { display: none !important; }
.stMainBlockContainer [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]
  :is([data-testid="stForm"], [class*="st-key-editing-"])) { flex-wrap: wrap; }
.stMainBlockContainer [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]
  :is([data-testid="stForm"], [class*="st-key-editing-"])) > [data-testid="stColumn"]
{ flex: 1 1 100% !important; width: 100% !important; min-width: 100% !important; }
.stMainBlockContainer [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]
  :is([data-testid="stForm"], [class*="st-key-editing-"])) > [data-testid="stColumn"]:has(.js-plotly-plot)
{ order: -1; }
.st-key-present_bar { padding: 0.5rem 1rem !important; }
.stMainBlockContainer p, .stMainBlockContainer li, .stMainBlockContainer td, .stMainBlockContainer th,
.stMainBlockContainer label, .stMainBlockContainer summary, [data-testid="stMetricLabel"] p,
[data-testid="stCaptionContainer"], .stMainBlockContainer button p { font-size: 24px !important; line-height: 1.35; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] *
{ color: #31333f !important; opacity: 1 !important; }
.stMainBlockContainer h1 { font-size: 56px !important; }
.stMainBlockContainer h2, .stMainBlockContainer h3, .stMainBlockContainer h4 { font-size: 44px !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p { font-size: 56px !important; }
.stMainBlockContainer p.join-lead { font-size: 36px !important; }
.stMainBlockContainer p.join-code { font-size: clamp(64px, 6.5vw, 128px) !important; line-height: 1.1; }
.stMainBlockContainer [data-stale="true"] { opacity: 1 !important; transition: none !important; }
.workshop-clock { font-size: 36px; font-weight: 700; padding: 2px 14px; white-space: nowrap; border-radius: 8px;
  text-align: center; color: #ffffff; background: #1c4f8a; }
.workshop-clock.last_minute { background: #9a4a00; }
.workshop-clock.over { background: #a61b1b; }
</style>"""

KEYS = """<script>
(() => {
  if (window.__workshopKeys) return;
  window.__workshopKeys = true;
  const press = (key) => document.querySelector(`.st-key-${key} button`)?.click();
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest?.("input, textarea, [contenteditable=true]");
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = {ArrowRight: "present_next", ArrowLeft: "present_back", Escape: "present_leave"}[event.key];
    if (key) { event.preventDefault(); press(key); }
  });
})();
</script>"""


def _settings(workspace_id: int) -> dict[str, Any] | None:
    found = records("workshop", workspace_id)
    return found[0] if found else None


def presenting(workspace_id: int) -> bool:
    """The URL's ?present= wins and sticks for this browser; otherwise the workspace's stored switch."""
    asked = st.query_params.get("present")
    if asked in ("0", "1"):
        st.session_state[PRESENTING] = asked == "1"
    if PRESENTING in st.session_state:
        return bool(st.session_state[PRESENTING])
    settings = _settings(workspace_id)
    return bool(settings and settings["presenting"])


def remember(workspace_id: int, on: bool) -> None:
    """Store the switch for the workspace and drop any URL override, so the switch rules again. Someone
    who may not edit the workspace (a viewer) switches this browser only, through the URL."""
    if role_of(engine(), workspace_id, actor()) not in (Role.OWNER, Role.EDITOR):
        st.query_params["present"] = "1" if on else "0"
        st.session_state[PRESENTING] = on
        return
    settings = _settings(workspace_id)
    data = {"presenting": on} if settings else {"presenting": on, "vote_allowance": 3, "session_minutes": 90}
    version = settings["version"] if settings else None
    save_singleton(engine(), "workshop", workspace_id, data, expected_version=version, actor=actor())
    st.query_params.pop("present", None)
    st.session_state[PRESENTING] = on


def sidebar_switch(workspace_id: int) -> None:
    """The one switch, in the sidebar (which presentation mode hides; Esc or Leave brings it back)."""
    if st.sidebar.button("Present to the room", icon=":material/co_present:", width="stretch"):
        remember(workspace_id, True)
        st.rerun()


def frame(workspace_id: int) -> None:
    """Call before the page runs: in presentation mode, the projector's look and the agenda bar."""
    st.session_state[PRESENTING] = presenting(workspace_id)
    if not st.session_state[PRESENTING]:
        return
    st.html(CSS)
    st.html(KEYS, unsafe_allow_javascript=True)
    _agenda_bar(workspace_id)


def _go(steps: list[Any], index: int) -> None:
    """Show the step's page; the URL keeps the step and when it started, so a reload keeps the clock."""
    started = datetime.now(UTC)
    st.session_state["agenda_index"] = index
    st.session_state["agenda_started"] = started
    where = {"present": "1", "step": str(index), "since": str(int(started.timestamp()))}
    st.switch_page(f"pages/{steps[index]['page']}.py", query_params=where)


def _started() -> datetime:
    since = st.query_params.get("since", "")
    return datetime.fromtimestamp(int(since), UTC) if since.isdigit() else datetime.now(UTC)


def _agenda_bar(workspace_id: int) -> None:
    steps = ordered(records("agenda_step", workspace_id))
    asked = st.query_params.get("step", "0")
    index = clamp(int(st.session_state.get("agenda_index", asked if asked.isdigit() else 0)), steps)
    if "agenda_started" not in st.session_state:
        st.session_state["agenda_started"] = _started()
    with st.container(key="present_bar", border=True):
        back, middle, clock, forward, leave = st.columns([1.3, 5.4, 2.2, 1.3, 1.3], vertical_alignment="center")
        if back.button("◀ Back", key="present_back", help="Previous step (←)", disabled=index == 0):
            _go(steps, index - 1)
        if forward.button("Next ▶", key="present_next", help="Next step (→)", disabled=index >= len(steps) - 1):
            _go(steps, index + 1)
        if leave.button("Leave", key="present_leave", help="Leave presentation (Esc)"):
            remember(workspace_id, False)
            st.rerun()
        if not steps:
            middle.markdown("**No agenda yet** — add its steps on the Workshop page.")
            return
        step = steps[index]
        title, goal = for_markdown(step["title"]), for_markdown(step["goal"])
        middle.markdown(f"**Step {index + 1} of {len(steps)} · {title}** — {goal}")
        with clock:
            _clock(int(step["minutes"]))


@st.fragment(run_every=1)
def _clock(minutes: int) -> None:
    shown = countdown(minutes, st.session_state["agenda_started"], datetime.now(UTC))
    st.html(f'<div class="workshop-clock {shown.state}" role="timer" aria-live="off">{shown.text}</div>')
