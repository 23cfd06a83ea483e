"""Business case: costs and benefits in money, NPV, ROI, payback, risk, scenarios and per-initiative value."""

from __future__ import annotations

from datetime import date

import streamlit as st

from models.labels import MISSING
from strategy.brief.case_workbook import MIME, case_workbook, workbook_name
from strategy.charts.business_case import cash_flow_chart, initiative_value_chart, waterfall_chart
from strategy.plan.business_case import (
    CaseFigures,
    evaluate_case,
    initiative_economics,
    settings_of,
    value_by_category,
)
from strategy.plan.case_summary import missing_figures
from strategy.plan.case_text import (
    EMPTY_CASE,
    METHOD,
    irr_text,
    money,
    payback_short,
    payback_text,
    ratio_text,
    roi_text,
)
from ui.case_lines import (
    benefit_form,
    cost_form,
    line_columns,
    line_editor,
    show_errors,
)
from ui.case_realised import realised_tab
from ui.case_risk import risk_tab, scenario_tab
from ui.case_settings import ERROR as SETTINGS_ERROR
from ui.case_settings import settings_form
from ui.common import chart, derived, records, show_flash, show_pending_error, workspace

current = workspace()
ws_id, currency, horizon = current.id or 0, current.currency, current.horizon_years
settings = settings_of(current)
costs, benefits = records("cost", ws_id), records("benefit", ws_id)
initiatives = records("initiative", ws_id)
figures = derived("case", ws_id, lambda: evaluate_case(settings, costs, benefits))

st.title("Business case")
st.caption(
    "Benefits in money, tied to their costs, risk-adjusted and discounted: the case that ranks the work "
    "and shows each stakeholder what is in it for them."
)
# Messages and notes come and go; inside fixed containers they never shift the tabs below, so the
# tab people are working in stays open after a save.
with st.container():
    show_flash()
    show_errors()
    show_pending_error(SETTINGS_ERROR)


def headline(figures: CaseFigures) -> None:
    """The five figures an executive asks for; a figure that does not exist says why underneath."""
    npv, roi, ratio, irr, payback = st.columns(5)
    npv.metric("NPV (risk-adjusted)", money(figures.npv, currency))
    roi.metric("ROI", "undefined" if figures.roi is None else roi_text(figures.roi))
    ratio.metric(
        "Benefit / cost", "undefined" if figures.benefit_cost_ratio is None else ratio_text(figures.benefit_cost_ratio)
    )
    irr.metric("IRR", "none" if figures.irr is None else irr_text(figures.irr))
    payback.metric("Payback", payback_short(figures.payback_months), help=payback_text(figures.payback_months))
    notes = missing_figures(figures.roi, figures.irr, figures.payback_months)
    with st.container():
        if notes and (costs or benefits):
            st.caption(" · ".join(notes))


def yearly_rows(figures: CaseFigures) -> list[dict[str, str]]:
    return [
        {
            "Year": "0 (investment)" if row.year == 0 else str(row.year),
            "Benefits": money(row.benefits, currency),
            "Costs": money(row.costs, currency),
            "Net": money(row.net, currency),
            "Cumulative net": money(row.cumulative_net, currency),
            "Discounted net": money(row.discounted_net, currency),
        }
        for row in figures.table
    ]


def initiative_tab() -> None:
    economics = derived("case:initiatives", ws_id, lambda: initiative_economics(current, costs, benefits))
    if not economics:
        st.info("Attach cost and benefit lines to initiatives to see each one's own value and cost.")
        return
    titles = {i["id"]: i["title"] for i in initiatives}
    ranked = sorted(economics.items(), key=lambda item: item[1].npv, reverse=True)
    named = [(titles.get(key, f"Initiative {key}"), value) for key, value in ranked]
    figure = derived(
        "case:initiatives:chart",
        ws_id,
        lambda: initiative_value_chart([(t, e.pv_benefits, e.pv_costs) for t, e in named], currency),
    )
    chart(figure, key="case_initiatives")
    table = [
        {
            "Initiative": title,
            "PV of benefits": money(value.pv_benefits, currency),
            "PV of costs": money(value.pv_costs, currency),
            "NPV": money(value.npv, currency),
        }
        for title, value in named
    ]
    st.dataframe(table, hide_index=True, width="stretch", placeholder=MISSING)
    st.caption(
        "The roadmap ranks the work by each initiative's present value of benefits against its effort. "
        "Lines with no initiative count for the "
        "whole programme only."
    )


def cash_flow_tab() -> None:
    if not costs and not benefits:
        st.info(EMPTY_CASE, icon=":material/add_card:")
        return
    st.header("Cash flow by year")
    chart(derived("case:flow", ws_id, lambda: cash_flow_chart(figures, currency)), key="case_cash_flow")
    st.dataframe(yearly_rows(figures), hide_index=True, width="stretch", placeholder=MISSING)
    st.header("From costs to NPV (present values by category)")
    waterfall = derived(
        "case:waterfall",
        ws_id,
        lambda: waterfall_chart(value_by_category(settings, costs, benefits), figures.npv, currency),
    )
    chart(waterfall, key="case_waterfall")


def lines_tab() -> None:
    related = {"initiative": initiatives, "objective": records("objective", ws_id), "kpi": records("kpi", ws_id)}
    left, right = st.columns(2)
    with left:
        cost_form(ws_id, horizon, currency, initiatives)
    with right:
        benefit_form(ws_id, horizon, currency, related)
    titles = [i["title"] for i in initiatives]
    st.header(f"Cost lines ({len(costs)})")
    line_editor("cost", ws_id, costs, initiatives, line_columns("cost", horizon, currency, titles))
    st.header(f"Benefit lines ({len(benefits)}, annual amounts)")
    line_editor("benefit", ws_id, benefits, initiatives, line_columns("benefit", horizon, currency, titles))


def method_tab() -> None:
    settings_form(current)
    st.markdown(METHOD)


if costs or benefits:  # an empty case has no NPV or payback to show, only where to start (below)
    headline(figures)
    scenarios = records("scenario", ws_id)
    st.download_button(
        "Workbook for Finance (Excel, live formulas)",
        data=lambda: case_workbook(current, costs, benefits, scenarios),
        file_name=workbook_name(current.name),
        mime=MIME,
        icon=":material/table_view:",
        on_click="ignore",
        key="case_workbook",
    )
# Only the open tab runs (on_change="rerun"): a click costs one tab, not seven.
TABS = {
    "Cash flow": cash_flow_tab,
    "Costs and benefits": lines_tab,
    "Risk": lambda: risk_tab(ws_id, settings, (costs, benefits), figures.npv, currency),
    "Scenarios": lambda: scenario_tab(ws_id, settings, (costs, benefits), records("scenario", ws_id), currency),
    "By initiative": initiative_tab,
    "Realised": lambda: realised_tab(current, date.today()),
    "Settings and method": method_tab,
}
for tab, show in zip(st.tabs(list(TABS), key="case_tabs", on_change="rerun"), TABS.values(), strict=True):
    if tab.open:
        with tab:
            show()
