"""Business need: capture pains and opportunities while the room talks, rank them, and check that
the whole organisation recognises them (top-down and bottom-up, not one department's wish list)."""

from __future__ import annotations

import zlib
from typing import Any

import streamlit as st

from strategy.charts.needs import needs_chart
from strategy.discover.needs import (
    KIND_LABELS,
    LEVEL_LABELS,
    SCORE_FORMULA,
    SCORE_NOTE,
    VOTE_NOTE,
    RankedNeed,
    rank_needs,
    recognition_findings,
)
from strategy.discover.vision import ordered
from strategy.plan.case_text import money
from strategy.store.records import create_record
from strategy.workshop.board import closed_vote_totals
from ui.common import (
    actor,
    at_most,
    attempt,
    chart,
    derived,
    engine,
    field_error,
    records,
    show_flash,
    show_pending_error,
    workspace,
)
from ui.entry import apply_focus, id_table_editor, request_focus
from ui.paging import rows_in_view

ERROR = "needs_error"
FIND = ("Need", "Department", "Kind")
FORM = "need_entry"
TITLE_LABEL = "Need, in a few words"
# Cleared after a successful save; who raised it, their department and level stay for their next need.
CLEARED: dict[str, Any] = {
    "need_title": "",
    "need_description": "",
    "need_value": None,
    "need_evidence": "",
    "need_severity": 3,
    "need_reach": 3,
}

current = workspace()
ws_id = current.id or 0
needs = records("need", ws_id)
priorities = ordered(records("priority", ws_id))
priority_names = {p["id"]: p["title"] for p in priorities}
priority_titles = {p["id"]: f"{p['position']}. {p['title']}" for p in priorities}


def _add_need() -> None:
    s = st.session_state
    data = {
        "kind": s.need_kind,
        "title": s.need_title.strip(),
        "department": (s.need_department or "").strip(),
        "raised_by": s.need_raised_by.strip(),
        "level": s.need_level,
        "severity": s.need_severity,
        "reach": s.need_reach,
        "annual_value": s.need_value,
        "priority_id": s.need_priority,
        "description": s.need_description,
        "evidence": s.need_evidence,
    }
    label = KIND_LABELS[s.need_kind].lower()
    if attempt(
        lambda: create_record(engine(), "need", ws_id, data, actor=actor()), f"Added {label} '{data['title']}'.", ERROR
    ):
        s.update(CLEARED)
        request_focus(FORM)


def _entry_form() -> None:
    for key, value in CLEARED.items():
        st.session_state.setdefault(key, value)
    with st.form(FORM, border=True):
        st.header("Add a need")
        st.text_input(TITLE_LABEL, key="need_title", validate=at_most(120), placeholder="e.g. Quotes take a week")
        field_error(ERROR, "title")
        st.radio("Kind", list(KIND_LABELS), format_func=KIND_LABELS.__getitem__, key="need_kind", horizontal=True)
        _who_raised_it()
        _how_big_it_is()
        with st.expander("More: description and vision priority"):
            st.text_area("Description", key="need_description", height=80)
            field_error(ERROR, "description")
            st.selectbox(
                "Vision priority it belongs to",
                [None, *priority_titles],
                key="need_priority",
                format_func=lambda i: "— none yet —" if i is None else priority_titles[i],
            )
        st.form_submit_button("Add need", type="primary", on_click=_add_need)
    apply_focus(FORM, TITLE_LABEL)


def _who_raised_it() -> None:
    departments = sorted({n["department"] for n in needs})
    left, right = st.columns(2)
    left.selectbox(
        "Department",
        departments,
        index=None,
        key="need_department",
        accept_new_options=True,
        required=True,  # no "Clear value" button: Tab goes on to the next field; an empty one is named on submit
        placeholder="Pick or type a department",
    )
    right.text_input("Raised by", key="need_raised_by", validate=at_most(80))
    field_error(ERROR, "department", left)
    field_error(ERROR, "raised_by", right)
    if kept := st.session_state.get("need_raised_by", "").strip():  # never credit the next need silently
        right.caption(f"“{kept}” is kept from the last need: change or clear it if someone else raised this one.")
    st.radio(
        "Raised at level",
        list(LEVEL_LABELS),
        format_func=lambda v: LEVEL_LABELS[str(v)],
        key="need_level",
        index=1,
        horizontal=True,
        help="Leadership = top-down; department leads and end users = bottom-up.",
    )


def _how_big_it_is() -> None:
    left, right = st.columns(2)
    left.slider("Severity or size (1-5)", 1, 5, key="need_severity", help="5 = critical pain or big prize")
    right.slider("Reach (1-5)", 1, 5, key="need_reach", help="How many people or customers it touches")
    st.number_input(  # no browser minimum: a negative value is refused on submit, in words
        f"Estimated annual value ({current.currency}, optional)",
        step=10_000.0,
        key="need_value",
        format="%.0f",
    )
    field_error(ERROR, "annual_value")
    st.text_area(  # no max_chars: it empties a longer paste; the need's bound refuses it in words
        "Evidence",
        key="need_evidence",
        height=80,
        placeholder="A figure, a survey, a complaint log…",
    )
    field_error(ERROR, "evidence")


def _findings() -> None:
    findings = recognition_findings(needs)
    for finding in findings:
        if finding.level == "warning":
            st.warning(finding.message, icon=":material/help:")
    passed = [f.message for f in findings if f.level == "ok"]
    if passed:
        st.success(" ".join(passed), icon=":material/check_circle:")


def _ranked_chart(ranked: list[RankedNeed]) -> None:
    st.header("Needs by score and department")
    if not ranked:
        st.info("The ranking appears as soon as the first need is added.")
        return
    chart(derived(f"needs:chart:{votes_key}", ws_id, lambda: needs_chart(ranked)), key="needs_chart")
    st.caption("Each mark is a need, numbered by its rank in the list below.")


def _ranked_list(ranked: list[RankedNeed]) -> None:
    st.header("Ranked needs")
    st.markdown(f"**{SCORE_FORMULA}** — {SCORE_NOTE} {VOTE_NOTE}")
    if not ranked:
        return
    rows, _ = rows_in_view(
        derived(f"needs:rows:{votes_key}", ws_id, lambda: _rows(ranked)), "ranked_needs", find_in=FIND, editable=False
    )
    st.table(rows, hide_index=True, border="horizontal")  # plain HTML: large, wrapped text for the room


def _rows(ranked: list[RankedNeed]) -> list[dict[str, Any]]:
    return [
        {
            "Rank": r.rank,
            "Score": f"{r.score:.1f}",
            "Kind": KIND_LABELS[r.need["kind"]],
            "Need": r.need["title"],
            "Department": r.need["department"],
            "Raised at": LEVEL_LABELS[r.need["level"]],
            "Severity × reach": f"{r.need['severity']} × {r.need['reach']}",
            "Annual value": "—" if r.need["annual_value"] is None else money(r.need["annual_value"], current.currency),
            "Priority": priority_names.get(r.need["priority_id"], "—"),
        }
        for r in ranked
    ]


st.title("Business need")
st.caption(
    "A CRM strategy starts from a need the whole organisation recognises, named as a pain or an "
    "opportunity. Leaders bring the top-down need; department leads and end users the detail."
)
show_flash()
show_pending_error(ERROR)
_findings()
votes = closed_vote_totals(engine(), ws_id)  # a closed workshop's dots: not in the data version, so in the key
votes_key = zlib.crc32(repr(sorted(votes.items())).encode())
ranked = derived(f"needs:ranked:{votes_key}", ws_id, lambda: rank_needs(needs, votes))
entry, picture = st.columns([2, 3], gap="large")
with entry:
    _entry_form()
with picture:
    _ranked_chart(ranked)
_ranked_list(ranked)

# A collapsed table costs nothing: its editor runs only while it is open (on_change="rerun").
table = st.expander("Edit, add or delete needs in a table", key="needs_table_open", on_change="rerun")
if table.open:
    with table:
        st.caption(
            "Change any cell, add rows at the bottom, delete with the row's checkbox; Save writes all or nothing."
        )
        id_table_editor(
            "need",
            ws_id,
            [
                "title",
                "kind",
                "department",
                "level",
                "raised_by",
                "severity",
                "reach",
                "annual_value",
                "priority_id",
                "evidence",
                "description",
            ],
            key="needs_table",
            id_columns=["priority_id"],
            column_config={
                "title": st.column_config.TextColumn("Need", required=True, max_chars=120, width="large"),
                "kind": st.column_config.SelectboxColumn(
                    "Kind",
                    options=list(KIND_LABELS),
                    default="pain",
                    format_func=lambda v: KIND_LABELS[str(v)],
                    required=True,
                ),
                "department": st.column_config.TextColumn("Department", required=True, max_chars=60),
                "level": st.column_config.SelectboxColumn(
                    "Level",
                    options=list(LEVEL_LABELS),
                    default="department_lead",
                    format_func=lambda v: LEVEL_LABELS[str(v)],
                    required=True,
                ),
                "raised_by": st.column_config.TextColumn("Raised by", max_chars=80),
                "severity": st.column_config.NumberColumn("Severity", min_value=1, max_value=5, step=1, default=3),
                "reach": st.column_config.NumberColumn("Reach", min_value=1, max_value=5, step=1, default=3),
                "annual_value": st.column_config.NumberColumn(
                    f"Annual value ({current.currency})", min_value=0, format="%.0f"
                ),
                "priority_id": st.column_config.SelectboxColumn(
                    "Priority", options=list(priority_titles), format_func=priority_titles.__getitem__
                ),
                "evidence": st.column_config.TextColumn("Evidence", max_chars=2000),
                "description": st.column_config.TextColumn("Description", max_chars=2000),
            },
            label="Save table changes",
        )
