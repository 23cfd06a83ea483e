"""The home page's review panel: when each journey step was last reviewed, the overdue ones flagged."""

from __future__ import annotations

from datetime import date

import streamlit as st

from models.labels import DATE_TEXT, MISSING
from models.settings import get_settings
from strategy.define.method import rule
from strategy.sustain.step_review_store import mark_reviewed
from strategy.sustain.step_reviews import STEPS, step_ages
from ui.common import actor, attempt, day_columns, engine, records, show_pending_error

ERROR = "step_review_error"


def step_review_panel(workspace_id: int, today: date) -> None:
    months = get_settings().step_review_months
    ages = step_ages(records("step_review", workspace_id), today, months)
    st.header("When each step was last reviewed")
    show_pending_error(ERROR)
    overdue = [a.step for a in ages if a.overdue]
    if overdue:
        st.warning(
            f"Not reviewed within {months} months: {', '.join(overdue)} "
            f"(rule book: {rule('HEALTH-STEP-REVIEW').title}).",
            icon=":material/schedule:",
        )
    st.dataframe(
        [
            {"Step": a.step.capitalize(), "Last reviewed": a.reviewed_on, "Overdue": "yes" if a.overdue else ""}
            for a in ages
        ],
        column_config=day_columns("Last reviewed"),
        hide_index=True,
        width="stretch",
        placeholder=MISSING,
    )
    left, right = st.columns([2, 1])
    left.selectbox("Step", STEPS, key="review_step", format_func=str.capitalize)
    right.button("Mark as reviewed today", on_click=_mark, args=(workspace_id, today))


def _mark(workspace_id: int, today: date) -> None:
    step = st.session_state.review_step
    attempt(
        lambda: mark_reviewed(engine(), workspace_id, step, actor=actor(), today=today),
        f"{step.capitalize()} marked as reviewed on {today:{DATE_TEXT}}.",
        ERROR,
    )
