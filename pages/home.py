"""Home: the workspace at a glance and how far each step of the journey has come."""

from __future__ import annotations

from datetime import date

import streamlit as st

from models.labels import DATE_TEXT, MISSING
from strategy.charts.progress import progress_chart
from strategy.deliver.plan_window import plan_end, plan_year
from strategy.progress import journey_progress
from ui.common import all_records, chart, derived, plain, show_flash, workspace
from ui.step_reviews import step_review_panel

current = workspace()
records = all_records(current.id or 0)  # shared and read-only: no copy per rerun
ws_id = current.id or 0
steps = derived("home:progress", ws_id, lambda: journey_progress(records))

st.title(current.name)
show_flash()
end = plan_end(current.plan_start, current.horizon_years)
st.markdown(
    f"**{plain(current.organisation or 'Organisation not named')}** · plan {current.plan_start:{DATE_TEXT}} → "
    f"{end:{DATE_TEXT}} ({current.horizon_years} years) · figures in {current.currency}"
)
if current.description:
    st.caption(plain(current.description))

year = plan_year(current.plan_start, current.horizon_years, date.today())
cols = st.columns(5)
cols[0].metric("Plan year", year if isinstance(year, str) else f"{year} of {current.horizon_years}")
cols[1].metric("Needs", len(records["need"]))
cols[2].metric("Objectives", len(records["objective"]))
cols[3].metric("Initiatives", len(records["initiative"]))
cols[4].metric("Journey complete", f"{sum(s.score for s in steps) / len(steps):.0%}")

if not any(s.score for s in steps):  # a new workspace: where to start, not a chart of zeros
    st.info(
        "Nothing recorded yet. Start with the **Business need**: the pains and opportunities the whole "
        "organisation recognises; the vision, objectives and plan follow from them.",
        icon=":material/flag:",
    )
    st.page_link(
        "pages/needs.py",
        label="Start with the business need",
        icon=":material/arrow_forward:",
        query_params=dict(st.query_params),
    )
    st.stop()

st.header("How complete each step is")
chart(derived("home:progress:chart", ws_id, lambda: progress_chart(steps)))
st.dataframe(
    [{"Step": s.step, "Complete": f"{s.score:.0%}", "Evidence from the records": s.evidence} for s in steps],
    hide_index=True,
    width="stretch",
    placeholder=MISSING,
)
step_review_panel(ws_id, date.today())
