"""Workshop in the room: the live session from phones, what the room raised, the agenda and the decisions."""

from __future__ import annotations

from datetime import date

import streamlit as st

from models.labels import DATE_INPUT, MISSING, value_label
from strategy.brief.escape import for_markdown
from strategy.store.records import create_record
from strategy.workshop.sessions import current_session
from strategy.workshop.triage import decide, pending
from ui.common import actor, attempt, day_columns, engine, records, show_flash, show_pending_error, workspace
from ui.table_editor import record_table_editor
from ui.workshop_live import ERROR, join_panel, live_board, log_download, open_form

current = workspace()
ws_id = current.id or 0
st.title("Workshop in the room")
st.caption(
    "Run the session with the room: phones join with the code, raise pains and opportunities and place "
    "their dots; the screen updates by itself. Press **Present to the room** in the sidebar for the projector."
)
show_flash()
show_pending_error(ERROR)

live_tab, raised_tab, agenda_tab, decisions_tab = st.tabs(
    ["Live session", "Raised in the workshop", "Agenda", "Decisions and actions"], key="workshop_tabs"
)

with live_tab:
    live = current_session(engine(), ws_id)
    if live is not None and live.is_open():
        join_side, board_side = st.columns([2, 3], gap="large")
        with join_side:
            join_panel(live)
        with board_side:
            live_board(live, ws_id)
    else:
        if live is not None:
            st.info(f"The last session ({live.code}) has closed; its votes count in the needs ranking.")
        open_form(ws_id)
    if live is not None:
        log_download(live)


def _decide(contribution_id: int, verdict: str) -> None:
    into = st.session_state.get(f"merge_{contribution_id}")
    attempt(
        lambda: decide(engine(), ws_id, contribution_id, verdict, actor=actor(), into=into),
        {"accept": "Added as a need.", "merge": "Merged into the need.", "dismiss": "Dismissed."}[verdict],
        ERROR,
    )


with raised_tab:
    waiting = pending(engine(), ws_id)
    needs = {n["id"]: n["title"] for n in records("need", ws_id)}
    if not waiting:
        st.info("Nothing waiting: what phones raise appears here for you to accept, merge or dismiss.")
    for idea in waiting:
        with st.container(border=True):
            st.markdown(
                f"**{for_markdown(idea['title'])}** — {idea['kind']}, {for_markdown(idea['department'])}, "
                f"size {idea['size']} · raised by {for_markdown(idea['by'])} in {idea['code']}"
            )
            accept, into, merge, dismiss = st.columns([1, 3, 1, 1], vertical_alignment="bottom")
            accept.button("Accept", key=f"accept_{idea['id']}", on_click=_decide, args=(idea["id"], "accept"))
            into.selectbox(
                "Merge into", list(needs), format_func=needs.__getitem__, key=f"merge_{idea['id']}", index=None
            )
            merge.button("Merge", key=f"domerge_{idea['id']}", on_click=_decide, args=(idea["id"], "merge"))
            dismiss.button("Dismiss", key=f"dismiss_{idea['id']}", on_click=_decide, args=(idea["id"], "dismiss"))

with agenda_tab:
    st.caption("The steps of the session in order: the page each shows, what the room leaves with, its time box.")
    record_table_editor("agenda_step", ws_id, ["position", "title", "page", "goal", "minutes"], key="agenda")


def _log_decision() -> None:
    s = st.session_state
    data = {"kind": s.dec_kind, "text": s.dec_text, "owner": s.dec_owner, "due": s.dec_due, "decided_on": date.today()}
    if attempt(lambda: create_record(engine(), "decision", ws_id, data, actor=actor()), "Logged.", ERROR):
        s.dec_text = s.dec_owner = ""


with decisions_tab:
    with st.form("decision_form"):
        st.radio("Kind", ["decision", "action"], key="dec_kind", horizontal=True, format_func=str.capitalize)
        st.text_area("What was decided, or what will be done", key="dec_text")
        st.text_input("Who owns it", key="dec_owner")
        st.date_input("By when", value=None, key="dec_due", format=DATE_INPUT)
        st.form_submit_button("Log it", type="primary", on_click=_log_decision)
    logged = sorted(records("decision", ws_id), key=lambda d: (d["decided_on"], d["id"]), reverse=True)
    st.dataframe(
        [
            {
                "Kind": value_label(d["kind"]),
                "What": d["text"],
                "Owner": d["owner"],
                "Due": d["due"],
                "Logged": d["decided_on"],
            }
            for d in logged
        ],
        column_config=day_columns("Due", "Logged"),
        hide_index=True,
        width="stretch",
        placeholder=MISSING,
    )
