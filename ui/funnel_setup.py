"""Set up a funnel from a template when the workspace has none: one click, a KPI per stage."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from strategy.sustain.funnel_setup import TEMPLATES, set_up_funnel
from ui.common import actor, attempt, engine


def funnel_setup_form(ws_id: int, objectives: Mapping[int, Mapping[str, Any]], error_key: str) -> None:
    if not objectives:
        st.info("Add an objective first: the funnel's stage counts are KPIs of an objective.")
        return
    with st.form("funnel_setup", border=True):
        st.markdown("**No funnel yet.** Start from a template; each stage gets a KPI to record its monthly count.")
        st.radio(
            "Template",
            list(TEMPLATES),
            format_func=lambda name: f"{name}: {' → '.join(TEMPLATES[name])}",
            key="funnel_template",
        )
        st.selectbox(
            "Objective the stage counts belong to",
            list(objectives),
            format_func=lambda i: objectives[i]["title"],
            key="funnel_objective",
        )
        st.form_submit_button("Set up the funnel", type="primary", on_click=_set_up, args=(ws_id, error_key))


def _set_up(ws_id: int, error_key: str) -> None:
    template, objective_id = st.session_state["funnel_template"], st.session_state["funnel_objective"]
    attempt(
        lambda: set_up_funnel(engine(), ws_id, template, objective_id, actor=actor()),
        f"{template} set up: record each stage's monthly count on the Record actuals tab.",
        error_key,
    )
