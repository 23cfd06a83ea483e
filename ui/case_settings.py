"""The case settings kept on the workspace: discount rate, risk adjustments and adoption ramp."""

from __future__ import annotations

import streamlit as st

from models.workspace import Workspace
from strategy.plan.business_case import adoption_share
from strategy.store.workspaces import update_workspace
from ui.common import actor, attempt, engine

ERROR = "case_settings_error"


def _save(workspace_id: int, expected_version: int, horizon: int) -> None:
    s = st.session_state
    changes = {
        "discount_rate": s.case_rate / 100,
        "benefit_risk": s.case_benefit_risk / 100,
        "cost_risk": s.case_cost_risk / 100,
        "adoption_ramp": [s[f"case_ramp_{year}"] / 100 for year in range(1, horizon + 1)],
    }
    attempt(
        lambda: update_workspace(engine(), workspace_id, changes, expected_version=expected_version, actor=actor()),
        "Case settings saved.",
        ERROR,
    )


def _rates(current: Workspace) -> list[tuple[str, str, float, float, str]]:
    """(key, label, stored fraction, step in %, why) of each rate the form asks for."""
    return [
        (
            "case_rate",
            "Discount rate (%)",
            current.discount_rate,
            0.5,
            "Money later is worth less: year t is divided by (1 + rate)^t. Many firms use 8-12 %.",
        ),
        (
            "case_benefit_risk",
            "Benefit risk: haircut (%)",
            current.benefit_risk,
            1.0,
            "Every benefit is reduced by this share, because forecasts of value tend to be optimistic.",
        ),
        (
            "case_cost_risk",
            "Cost risk: uplift (%)",
            current.cost_risk,
            1.0,
            "Every cost is raised by this share, because projects tend to cost more than planned.",
        ),
    ]


def settings_form(current: Workspace) -> None:
    """Percentages in, fractions stored; the form is keyed by version so a save shows fresh values.
    No bounds in the browser (it refuses without a word): the workspace's bounds refuse in words."""
    horizon = current.horizon_years
    with st.form(f"case_settings_{current.id}_{current.version}", border=True):
        st.header("Case settings")
        for column, (key, label, value, step, why) in zip(st.columns(3), _rates(current), strict=True):
            column.number_input(label, value=value * 100, step=step, key=key, help=why)
        st.markdown("**Adoption ramp** — share of intended users working in the CRM, by year")
        for column, year in zip(st.columns(horizon), range(1, horizon + 1), strict=True):
            share = adoption_share(current.adoption_ramp, year)
            column.number_input(f"Year {year} (%)", value=share * 100, step=5.0, key=f"case_ramp_{year}")
        st.form_submit_button(
            "Save case settings", type="primary", on_click=_save, args=(current.id, current.version, horizon)
        )
