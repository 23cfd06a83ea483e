"""The committee's view of a change request before deciding: NPV and roadmap end with and without
it, whether it lands on the critical path, and approval that applies its effect in one step."""

from __future__ import annotations

from datetime import date

import streamlit as st

from models.workspace import Workspace
from strategy.errors import WorkbenchError
from strategy.plan.case_text import money
from strategy.sustain.change_apply import approve_with_effect
from strategy.sustain.change_whatif import what_if
from ui.case_realised import money_delta
from ui.common import actor, all_records, attempt, engine


def whatif_tab(current: Workspace, today: date, error_key: str) -> None:
    """Pick a request awaiting decision; see its effect; approve it with that effect."""
    records = all_records(current.id or 0)
    waiting = [r for r in records["change_request"] if r["status"] == "submitted"]
    if not waiting:
        st.info("No change request awaits a decision.")
        return
    titles = {r["id"]: r["title"] for r in waiting}
    picked = st.selectbox("Change request", list(titles), format_func=titles.__getitem__, key="cw_pick")
    request = next(r for r in waiting if r["id"] == picked)
    effect = next((e for e in records["change_effect"] if e["change_request_id"] == picked), None)
    st.caption(request["impact_assessment"] or "No impact assessment yet: it cannot be approved.")
    if effect is None:
        st.info("This request names no effect on the plan (initiative, cost or benefit): nothing to compare.")
    else:
        try:
            found = what_if(current, records, request, effect, today)
        except WorkbenchError as error:
            st.error(f"The what-if cannot be computed: {error}")
            return
        npv, end, path = st.columns(3)
        npv.metric(
            "NPV with it",
            money(found.npv_with, current.currency),
            money_delta(found.npv_with - found.npv_without, current.currency, "vs without"),
        )
        weeks = (found.end_with - found.end_without).days // 7 if found.end_with and found.end_without else 0
        end.metric(
            "Roadmap ends",
            f"{found.end_with:%d %b %Y}" if found.end_with else "—",
            f"{weeks:+d} weeks" if weeks else "no change",
            delta_color="inverse",
        )
        path.metric("Critical path", "touched" if found.critical else "not touched")
        st.caption(f"'{found.initiative_title}' — nothing is stored until the committee approves.")
    st.text_input("Decision note", key="cw_note")
    st.button("Approve with its effect", type="primary", on_click=_approve, args=(current, request, today, error_key))


def _approve(current: Workspace, request: dict, today: date, error_key: str) -> None:
    attempt(
        lambda: approve_with_effect(
            engine(), current.id or 0, request, st.session_state.get("cw_note", ""), actor=actor(), today=today
        ),
        f"'{request['title']}' approved; its initiative, cost and benefit are in the plan.",
        error_key,
    )
