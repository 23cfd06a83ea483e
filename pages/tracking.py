"""Tracking: the quarterly review — KPI actuals against their target paths, the funnel, adoption
against the planned ramp and the benefits the case promised, as they arrive."""

from __future__ import annotations

from datetime import date

import streamlit as st

from models.labels import DATE_INPUT, MISSING, value_label
from models.settings import get_settings
from strategy.charts.tracking import funnel_chart, kpi_path_chart, lead_lag_chart, status_grid
from strategy.define.method import rule
from strategy.plan.case_text import money, percent
from strategy.sustain.funnel import DEFAULT_STAGES, MEMBER_LIFECYCLE
from strategy.sustain.review import track_review
from strategy.sustain.tracking import actuals_by_kpi
from ui.actuals import actuals_entry
from ui.case_realised import money_delta
from ui.common import all_records, chart, derived, plain, show_flash, show_pending_error, workspace
from ui.funnel_setup import funnel_setup_form
from ui.table_editor import record_table_editor

ERROR = "tracking_error"

current = workspace()
ws_id = current.id or 0
st.title("Track the strategy")
st.caption(
    "The quarterly review: every KPI against the path its target promised, the funnel's weakest step, "
    "adoption against the business case's ramp, and the benefits realised so far."
)
with st.container():
    show_flash()
    show_pending_error(ERROR)
today = st.date_input("Review date", value=date.today(), key="track_on", format=DATE_INPUT)
recs = all_records(ws_id)
review = derived(f"track:{today}", ws_id, lambda: track_review(current, recs, today, get_settings()))
kpis = {k["id"]: k for k in recs["kpi"]}
statuses = review.statuses

counts = {
    label: sum(1 for s in statuses if s.status == label) for label in ("on track", "at risk", "off track", "stale")
}
cols = st.columns(6)
if statuses:  # no tiles of zeros before there is a KPI to judge
    for col, (label, count) in zip(cols, counts.items(), strict=False):
        col.metric(label.capitalize(), count)
else:
    st.info(
        "No KPIs to track yet: set objectives on the **Objectives** page and their KPIs on the **KPIs** page; "
        "their actuals are then recorded and judged here.",
        icon=":material/monitoring:",
    )
adoption, realised = review.adoption, review.realised
if adoption.actual is not None and adoption.planned is not None:
    cols[4].metric(
        "Adoption", percent(adoption.actual), f"{(adoption.actual - adoption.planned) * 100:+.0f} pts vs plan"
    )
if recs["benefit"]:  # a forecast of no benefits is not €0 realised: leave it out
    cols[5].metric(
        "Forecast NPV",
        money(realised.forecast_npv, current.currency),
        money_delta(realised.forecast_npv - realised.approved_npv, current.currency, "vs approved"),
    )

# Only the open tab runs (on_change="rerun"): a click costs one tab, not five.
status_tab, kpi_tab, lead_tab, funnel_tab, record_tab = st.tabs(
    ["Status", "KPI against its path", "Leading and lagging", "Funnel", "Record actuals"],
    key="track_tabs",
    on_change="rerun",
)


def _status_rows(shown: list) -> list[dict]:
    return [
        {
            "KPI": s.name,
            "Status": value_label(s.status),
            "Latest": s.latest,
            "On the path": s.expected,
            "Rule": rule(s.rule_id).title,
            "Why": s.reason,
        }
        for s in shown
    ]


if status_tab.open:
    with status_tab:
        only_off = st.toggle("Only off-track KPIs", key="track_only_off")
        shown = [s for s in statuses if s.status == "off track"] if only_off else list(statuses)
        titles = {o["id"]: o["title"] for o in recs["objective"]}
        if statuses:
            grid = derived(f"track:grid:{today}:{only_off}", ws_id, lambda: status_grid(shown, titles))
            chart(grid, key="track_grid")
        st.dataframe(
            derived(f"track:rows:{today}:{only_off}", ws_id, lambda: _status_rows(shown)),
            hide_index=True,
            width="stretch",
            placeholder=MISSING,
        )

by_kpi = derived("track:by_kpi", ws_id, lambda: actuals_by_kpi(recs["measurement"]))
if kpi_tab.open:
    with kpi_tab:
        if kpis:
            picked = st.selectbox("KPI", list(kpis), format_func=lambda i: kpis[i]["name"], key="track_kpi")
            path = derived(
                f"track:path:{picked}",
                ws_id,
                lambda: kpi_path_chart(kpis[picked], by_kpi.get(picked, []), current.plan_start),
            )
            chart(path, key="track_path")
            found = next(s for s in statuses if s.kpi_id == picked)
            st.markdown(f"**{found.status.capitalize()}** — {found.reason} (rule book: {rule(found.rule_id).title})")

if lead_tab.open:
    with lead_tab:
        pairs = [(k, kpis[k["leads_kpi_id"]]) for k in kpis.values() if k.get("leads_kpi_id") in kpis]
        if not pairs:
            st.info("No leading KPI names the lagging KPI it moves yet: link them on the KPIs page.")
        else:
            index = st.selectbox(
                "Leading KPI → lagging KPI",
                range(len(pairs)),
                format_func=lambda n: f"{pairs[n][0]['name']} → {pairs[n][1]['name']}",
                key="track_pair",
            )
            lead, lag = pairs[index]
            chart(
                derived(f"track:leadlag:{lead['id']}", ws_id, lambda: lead_lag_chart(lead, lag, by_kpi)),
                key="track_leadlag",
            )

if funnel_tab.open:
    with funnel_tab:
        if not recs["funnel_stage"]:
            funnel_setup_form(ws_id, {o["id"]: o for o in recs["objective"]}, ERROR)
        funnel = review.funnel
        w = funnel.weakest
        if w is not None and w.recent is not None:
            st.error(
                f"Improve next: **{plain(w.from_stage)} → {plain(w.to_stage)}** converts {percent(w.recent)}, "
                f"the weakest step (rule book: {rule('FUNNEL-WEAKEST').title}).",
                icon=":material/flag:",
            )
        if funnel.conversions:
            chart(derived(f"track:funnel:{today}", ws_id, lambda: funnel_chart(funnel)), key="track_funnel")
        st.caption(
            f"Stages in order, each counted by a KPI: {' → '.join(DEFAULT_STAGES)}, "
            f"or a member lifecycle such as {' → '.join(MEMBER_LIFECYCLE)}."
        )
        record_table_editor(
            "funnel_stage",
            ws_id,
            ["name", "position", "kpi_id"],
            key="funnel_table",
            column_config={
                "kpi_id": st.column_config.SelectboxColumn("KPI", options=list(kpis), required=True),
            },
        )

if record_tab.open:
    with record_tab:
        actuals_entry(ws_id, kpis, today, ERROR)
