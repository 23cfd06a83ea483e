"""The business case's realised-benefits tab: the plan beside the case with actual adoption."""

from __future__ import annotations

from datetime import date

import streamlit as st

from models.labels import MISSING
from models.settings import get_settings
from models.workspace import Workspace
from strategy.charts.tracking import adoption_chart
from strategy.define.method import rule
from strategy.plan.business_case import settings_of
from strategy.plan.case_text import EMPTY_CASE, money
from strategy.plan.realised import monthly_adoption
from strategy.sustain.review import track_review
from ui.common import all_records, chart


def money_delta(amount: float, currency: str, against: str) -> str:
    """A metric's delta with an ASCII sign, so Streamlit colours a shortfall red."""
    return f"{'-' if amount < 0 else '+'}{money(abs(amount), currency)} {against}"


def realised_tab(current: Workspace, today: date) -> None:
    """Realised to date, forecast against approved NPV, and the benefit lines falling behind."""
    found = all_records(current.id or 0)
    if not found["benefit"]:  # nothing to realise: no €0 tiles, no forecast of nothing
        st.info(EMPTY_CASE, icon=":material/add_card:")
        return
    realised = track_review(current, found, today, get_settings()).realised
    currency = current.currency
    left, middle, right = st.columns(3)
    left.metric(
        "Realised to date",
        money(realised.realised_to_date, currency),
        money_delta(realised.realised_to_date - realised.planned_to_date, currency, "vs plan"),
    )
    middle.metric("Approved NPV", money(realised.approved_npv, currency))
    right.metric(
        "Forecast NPV",
        money(realised.forecast_npv, currency),
        money_delta(realised.forecast_npv - realised.approved_npv, currency, "vs approved"),
    )
    st.caption(
        f"Actual adoption for the {realised.months_passed} months passed, the planned ramp for the rest "
        f"(rule book: {rule('CASE-REALISED').title})."
    )
    planned = monthly_adoption(settings_of(current), {}, 0)
    chart(adoption_chart(planned, realised.monthly_adoption, realised.months_passed), key="case_adoption")
    st.dataframe(
        [
            {
                "Benefit line": line.name,
                "Planned PV": money(line.planned, currency),
                "Forecast PV": money(line.forecast, currency),
                "Behind": "yes" if line.behind else "",
            }
            for line in realised.lines
        ],
        hide_index=True,
        width="stretch",
        placeholder=MISSING,
    )
