"""Sustain: change control, data quality and retention, and strategy reviews."""

from __future__ import annotations

from collections import Counter
from datetime import date

import streamlit as st

from models.labels import DATE_TEXT, MISSING, value_label
from strategy.charts.sustain import change_status_chart, decay_chart
from strategy.store.records import create_record
from strategy.sustain.change_control import decide
from strategy.sustain.decay import half_life_years, stale_records
from strategy.sustain.reviews import next_review_due
from ui.common import (
    actor,
    at_most,
    attempt,
    chart,
    derived,
    engine,
    records,
    show_flash,
    show_pending_error,
    workspace,
)
from ui.health_notes import health_notes
from ui.table_editor import record_table_editor

ERROR = "sustain_error"

current = workspace()
ws_id = current.id or 0
today = date.today()
st.title("Sustain the strategy")
st.caption(
    "A strategy is never done: decide changes after an impact assessment, keep the data clean, "
    "and review the plan on a fixed cadence."
)
# Messages sit in a fixed container and the tabs have a key, so a save never bounces to the first tab.
with st.container():
    show_flash()
    show_pending_error(ERROR)
changes = records("change_request", ws_id)
# Only the open tab runs (on_change="rerun"): a click costs one tab, not three.
change_tab, data_tab, review_tab = st.tabs(
    ["Change control", "Data quality and retention", "Strategy reviews"], key="sustain_tabs", on_change="rerun"
)


def _raise_request() -> None:
    s = st.session_state
    data = {
        "title": s.cr_title,
        "requested_by": s.cr_by or actor(),
        "description": s.cr_description,
        "impact_assessment": s.cr_impact,
        "impact_level": s.cr_level,
        "affects_core_system": s.cr_core,
        "raised_on": today,
    }
    if attempt(
        lambda: create_record(engine(), "change_request", ws_id, data, actor=actor()),
        f"Change request '{s.cr_title}' raised.",
        ERROR,
    ):
        s.cr_title = s.cr_description = s.cr_impact = ""


def _decide(request: dict, decision: str) -> None:
    note = st.session_state.get(f"note_{request['id']}", "")
    attempt(
        lambda: decide(
            engine(),
            ws_id,
            request["id"],
            decision,
            note,
            expected_version=request["version"],
            actor=actor(),
            today=today,
        ),
        f"'{request['title']}': {decision.replace('_', ' ')}.",
        ERROR,
    )


def _awaiting(waiting: list[dict]) -> None:
    """The committee decides one request at a time: a note and three buttons for each of 60 waiting
    requests made every click at a real organisation's size cost 80 ms."""
    st.header("Awaiting the committee")
    if not waiting:
        if changes:
            st.info("Nothing awaits a decision.")
        return
    by_id = {r["id"]: r for r in waiting}
    if st.session_state.get("sustain_decide") not in by_id:  # decided meanwhile: the next one
        st.session_state.pop("sustain_decide", None)
    picked = st.selectbox(
        f"Request to decide ({len(waiting)} waiting)",
        list(by_id),
        format_func=lambda i: f"{by_id[i]['title']} — impact {by_id[i]['impact_level']}",
        key="sustain_decide",
    )
    request = by_id[picked]
    with st.container(border=True):
        if request["affects_core_system"]:
            st.warning("Touches a core system of record: change it with extra care.")
        st.markdown(f"**Impact assessment:** {request['impact_assessment'] or '_none yet_'}")
        st.text_input("Decision note", key=f"note_{request['id']}")
        buttons = st.columns(3)
        for col, (label, decision) in zip(
            buttons, [("Approve", "approved"), ("Wish list", "wish_list"), ("Reject", "rejected")], strict=True
        ):
            col.button(label, key=f"{decision}_{request['id']}", on_click=_decide, args=(request, decision))


if change_tab.open:
    with change_tab:
        health_notes("HEALTH-CHANGE")
        counts = Counter(c["status"] for c in changes)
        tiles = {
            "Awaiting decision": "submitted",
            "Approved": "approved",
            "Wish list": "wish_list",
            "Rejected": "rejected",
        }
        if changes:
            for col, (label, status) in zip(st.columns(4), tiles.items(), strict=True):
                col.metric(label, counts[status])
        else:  # no tiles of zeros: say how change control starts
            st.info(
                "No change requests yet: when someone asks to change the CRM or the plan, raise it below; the "
                "committee then approves, wish-lists or rejects it here.",
                icon=":material/rule:",
            )
        left, right = st.columns([3, 2])
        with left:
            _awaiting([c for c in changes if c["status"] == "submitted"])
        with right:
            if changes:
                chart(derived("sustain:changes", ws_id, lambda: change_status_chart(changes)))
        with st.form("raise_change", border=True):
            st.header("Raise a change request")
            st.text_input("What should change?", key="cr_title", validate=at_most(120))
            st.text_input("Requested by", key="cr_by", validate=at_most(80))
            st.text_area("Why", key="cr_description")
            st.text_area("Impact assessment (knock-on effects)", key="cr_impact")
            st.radio("Impact", ["low", "medium", "high"], key="cr_level", horizontal=True, format_func=value_label)
            st.checkbox("Touches a core system of record (e.g. finance)", key="cr_core")
            st.form_submit_button("Raise change request", type="primary", on_click=_raise_request)
        st.header("All change requests")
        record_table_editor(
            "change_request",
            ws_id,
            [
                "title",
                "requested_by",
                "raised_on",
                "status",
                "impact_level",
                "affects_core_system",
                "decision_note",
                "target_release",
            ],
            key="changes",
            column_config={
                "status": st.column_config.SelectboxColumn(
                    options=["submitted", "approved", "rejected", "wish_list", "implemented"]
                )
            },
        )

if data_tab.open:
    with data_tab:
        health_notes("HEALTH-DATA")
        datasets = records("dataset", ws_id)
        if datasets:
            st.dataframe(
                [
                    {
                        "Dataset": d["name"],
                        "Records": d["record_count"],
                        "Decay a year": f"{d['annual_decay_rate']:.0%}",
                        "Half-life (years)": f"{h:.1f}" if (h := half_life_years(d["annual_decay_rate"])) else "—",
                        "Stale now (est.)": stale_records(
                            d["record_count"], d["annual_decay_rate"], d["last_cleansed"], today
                        ),
                        "Last cleansed": f"{d['last_cleansed']:{DATE_TEXT}}" if d["last_cleansed"] else "never",
                        "Retention": f"{d['retention_months']} months" if d["retention_months"] else "not set",
                    }
                    for d in datasets
                ],
                hide_index=True,
                width="stretch",
                placeholder=MISSING,
            )
            chart(derived("sustain:decay", ws_id, lambda: decay_chart(datasets)))
        record_table_editor(
            "dataset",
            ws_id,
            [
                "name",
                "system",
                "owner",
                "record_count",
                "annual_decay_rate",
                "completeness",
                "last_cleansed",
                "retention_months",
                "personal_data",
            ],
            key="datasets",
        )

if review_tab.open:
    with review_tab:
        reviews = records("review", ws_id)
        if reviews:
            due = next_review_due(reviews)
            (st.error if due < today else st.success)(f"Next strategy review due by {due:%d %B %Y}.")
        else:
            st.warning("No strategy review held yet: schedule the first one.")
        record_table_editor(
            "review", ws_id, ["held_on", "kind", "cadence_months", "attendees", "summary", "decisions"], key="reviews"
        )
