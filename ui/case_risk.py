"""Risk and scenarios of the business case: Monte Carlo, tornado, and named what-ifs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from models.labels import MISSING
from strategy.charts.business_case import npv_histogram, scenario_chart, tornado_chart
from strategy.plan.business_case import CaseSettings, Line
from strategy.plan.case_text import EMPTY_CASE, irr_text, money, payback_text, percent, roi_text
from strategy.plan.montecarlo import DEFAULT_RUNS, DEFAULT_SEED, npv_distribution, tornado
from strategy.plan.scenarios import ScenarioOutcome, compare_scenarios
from ui.common import chart, derived
from ui.table_editor import record_table_editor

RUN_CHOICES = [DEFAULT_RUNS, 50_000]
SCENARIO_FIELDS = ["name", "discount_rate", "benefit_risk", "cost_risk", "benefit_factor", "cost_factor"]


def risk_tab(
    workspace_id: int, settings: CaseSettings, lines: tuple[Sequence[Line], Sequence[Line]], npv: float, currency: str
) -> None:
    costs, benefits = lines
    if not costs and not benefits:
        st.info("Add cost and benefit lines with low / likely / high amounts to see the risk.")
        return
    runs_col, seed_col, _ = st.columns([1, 1, 2])
    runs = runs_col.selectbox("Simulated cases", RUN_CHOICES, format_func="{:,}".format, key="case_runs")
    seed = seed_col.number_input("Seed (same seed, same result)", 0, 2**31 - 1, DEFAULT_SEED, key="case_seed")
    result = derived(
        f"case:montecarlo:{runs}:{int(seed)}",
        workspace_id,
        lambda: npv_distribution(settings, costs, benefits, runs=runs, seed=int(seed)),
    )
    odds, p10, p50, p90 = st.columns(4)
    odds.metric("Chance NPV > 0", percent(result.probability_positive))
    p10.metric("P10 NPV (1 in 10 worse)", money(result.p10, currency))
    p50.metric("P50 NPV (median)", money(result.p50, currency))
    p90.metric("P90 NPV (1 in 10 better)", money(result.p90, currency))
    st.caption(f"{result.runs:,} cases drawn from every line's low / likely / high (triangular), seed {result.seed}.")
    chart(
        derived(f"case:histogram:{runs}:{int(seed)}", workspace_id, lambda: npv_histogram(result, currency)),
        key="case_histogram",
    )
    st.header("What moves NPV most")
    st.caption("Each bar: NPV when that line alone goes to its low and to its high; every other line stays likely.")
    bars = derived("case:tornado", workspace_id, lambda: tornado(settings, costs, benefits))
    if bars:
        chart(
            derived("case:tornado:chart", workspace_id, lambda: tornado_chart(bars, npv, currency)), key="case_tornado"
        )
    else:
        st.info("Every line has a single amount (low = likely = high): nothing to swing.")


def scenario_rows(outcomes: Sequence[ScenarioOutcome], currency: str) -> list[dict[str, str]]:
    return [
        {
            "Scenario": o.name,
            "Discount rate": percent(o.settings.discount_rate, 1),
            "Benefit risk": percent(o.settings.benefit_risk),
            "Cost risk": percent(o.settings.cost_risk),
            "Benefits ×": f"{o.benefit_factor:.2f}",
            "Costs ×": f"{o.cost_factor:.2f}",
            "NPV": money(o.figures.npv, currency),
            "ROI": roi_text(o.figures.roi),
            "IRR": irr_text(o.figures.irr),
            "Payback": payback_text(o.figures.payback_months),
        }
        for o in outcomes
    ]


def share_column(label: str) -> Any:
    return st.column_config.NumberColumn(label, min_value=0.0, max_value=1.0, step=0.01, format="%.2f")


def factor_column(label: str) -> Any:
    return st.column_config.NumberColumn(label, min_value=0.0, max_value=10.0, step=0.05, format="%.2f", default=1.0)


def scenario_tab(
    workspace_id: int,
    settings: CaseSettings,
    lines: tuple[Sequence[Line], Sequence[Line]],
    scenarios: Sequence[Mapping[str, Any]],
    currency: str,
) -> None:
    if any(lines):
        outcomes = compare_scenarios(settings, *lines, scenarios)
        st.dataframe(scenario_rows(outcomes, currency), hide_index=True, width="stretch", placeholder=MISSING)
        chart(scenario_chart(outcomes, currency), key="case_scenarios")
    else:  # every scenario of an empty case is €0: say where to start instead
        st.info(EMPTY_CASE, icon=":material/add_card:")
    st.header("Edit scenarios")
    st.caption(
        "Rates and risks are fractions (0.12 = 12 %); leave one empty to keep the workspace setting. "
        "The factors multiply every benefit or cost amount (1.15 = 15 % more)."
    )
    record_table_editor(
        "scenario",
        workspace_id,
        SCENARIO_FIELDS,
        key="case_scenario_table",
        label="Save scenarios",
        column_config={
            "name": st.column_config.TextColumn("Scenario", required=True, max_chars=60),
            "discount_rate": st.column_config.NumberColumn(
                "Discount rate", min_value=-0.5, max_value=1.0, step=0.01, format="%.2f"
            ),
            "benefit_risk": share_column("Benefit risk"),
            "cost_risk": share_column("Cost risk"),
            "benefit_factor": factor_column("Benefits ×"),
            "cost_factor": factor_column("Costs ×"),
        },
    )
