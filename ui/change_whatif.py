"""The committee's view of a change request before deciding: NPV and roadmap end with and without
it, whether it lands on the critical path, and approval that applies its effect in one step."""

from __future__ import annotations

from datetime import date

import streamlit as st

from models.labels import DATE_TEXT
from models.workspace import Workspace
from strategy.errors import WorkbenchError
from strategy.plan.case_text import money
from strategy.store.records import create_record
from strategy.sustain.change_apply import approve_with_effect
from strategy.sustain.change_whatif import what_if
from ui.case_realised import money_delta
from ui.common import actor, all_records, attempt, engine, plain


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
    if effect is None:
        st.info("Say what this request would add to the plan, then compare the plan with and without it.")
        effect_form(current, request, records["initiative"], error_key)
    else:
        try:
            found = what_if(current, records, request, effect, today)
        except WorkbenchError as error:
            st.error(f"The what-if cannot be computed: {plain(error)}")
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
            f"{found.end_with:{DATE_TEXT}}" if found.end_with else "—",
            f"{weeks:+d} weeks" if weeks else "no change",
            delta_color="inverse",
        )
        path.metric("Critical path", "touched" if found.critical else "not touched")
        st.caption(f"'{plain(found.initiative_title)}' — nothing is stored until the committee approves.")
    st.text_area("Impact assessment (needed to approve)", value=request["impact_assessment"], key=f"cw_impact_{picked}")
    st.text_input("Decision note", key="cw_note")
    st.button("Approve with its effect", type="primary", on_click=_approve, args=(current, request, today, error_key))


def effect_form(current: Workspace, request: dict, initiatives: list[dict], error_key: str) -> None:
    """A new initiative (after an existing one) with its one-off cost and yearly benefit."""
    titles = {i["id"]: i["title"] for i in initiatives}
    rid = request["id"]  # keyed by request: another request's typed values never carry over
    left, middle, right = st.columns(3)
    left.text_input("New initiative", value=request["title"][:120], key=f"ce_title_{rid}")
    left.selectbox(
        "Starts after", [None, *titles], key=f"ce_after_{rid}", format_func=lambda i: "—" if i is None else titles[i]
    )
    # No browser bounds (it refuses without a word): the change effect's own bounds refuse in words.
    middle.number_input("Duration (weeks)", value=8, step=1, key=f"ce_weeks_{rid}")
    middle.number_input("Effort (person-weeks)", value=8.0, step=1.0, key=f"ce_effort_{rid}")
    right.number_input(f"One-off cost ({current.currency})", value=0.0, step=1000.0, key=f"ce_cost_{rid}")
    right.number_input(f"Yearly benefit ({current.currency})", value=0.0, step=1000.0, key=f"ce_benefit_{rid}")
    st.button("Describe the effect", on_click=_save_effect, args=(current, request, error_key))


def _save_effect(current: Workspace, request: dict, error_key: str) -> None:
    s, rid = st.session_state, request["id"]
    data = {
        "change_request_id": request["id"],
        "after_initiative_id": s[f"ce_after_{rid}"],
        "new_title": s[f"ce_title_{rid}"],
        "added_weeks": s[f"ce_weeks_{rid}"],
        "added_effort": s[f"ce_effort_{rid}"],
        "cost": s[f"ce_cost_{rid}"],
        "benefit": s[f"ce_benefit_{rid}"],
        "cost_start_year": 1,
        "benefit_start_year": 1,
    }
    attempt(
        lambda: create_record(engine(), "change_effect", current.id or 0, data, actor=actor()),
        f"Effect of '{request['title']}' described: compare the plan with and without it below.",
        error_key,
    )


def _approve(current: Workspace, request: dict, today: date, error_key: str) -> None:
    attempt(
        lambda: approve_with_effect(
            engine(),
            current.id or 0,
            request,
            st.session_state.get("cw_note", ""),
            actor=actor(),
            today=today,
            assessment=st.session_state.get(f"cw_impact_{request['id']}"),
        ),
        f"'{request['title']}' approved; its initiative, cost and benefit are in the plan.",
        error_key,
    )
