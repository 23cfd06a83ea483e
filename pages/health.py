"""Strategy health check: every rule of the method, judged from the records, with where to fix it."""

from __future__ import annotations

from collections import Counter
from datetime import date

import streamlit as st

from strategy.charts.health import health_chart
from strategy.define.method import rule
from strategy.health.runner import health_score, run_health
from ui.common import all_records, chart, derived, plain, workspace
from ui.layout import wide_only

BADGE = {
    "pass": ":green-badge[:material/check: pass]",
    "warn": ":orange-badge[:material/warning: warn]",
    "fail": ":red-badge[:material/close: fail]",
}

current = workspace()
today = date.today()
findings = derived(f"health:{today}", current.id or 0, lambda: run_health(current, all_records(current.id or 0), today))
score = health_score(findings)
counts = Counter(f.status for f in findings)

st.title("Strategy health check")
st.caption("The plan checked against CRM strategy practice; fix the failures first.")
st.page_link("pages/method.py", label="Every rule, explained: the rule book", icon=":material/menu_book:")
cols = st.columns(4)
cols[0].metric("Health score", f"{score:.0f} / 100")
cols[1].metric("Pass", counts["pass"])
cols[2].metric("Warn", counts["warn"])
cols[3].metric("Fail", counts["fail"])
with wide_only("health"):  # on a phone the verdicts below are the chart
    chart(derived(f"health:chart:{today}", current.id or 0, lambda: health_chart(findings)))

order = {"fail": 0, "warn": 1, "pass": 2}
for finding in sorted(findings, key=lambda f: order[f.status]):
    with st.container(border=True):
        left, right = st.columns([5, 1])
        left.markdown(f"{BADGE[finding.status]} **{finding.title}**  \n{plain(finding.evidence)}")
        explained = rule(finding.rule_id)
        with left.expander("Why it matters, and what good looks like"):
            st.markdown(f"**Rule:** {explained.rule}\n\n**Why:** {explained.why}\n\n**Good:** {explained.strong}")
        if finding.status != "pass":
            right.page_link(
                finding.fix_page, label="Fix it", icon=":material/arrow_forward:", query_params=dict(st.query_params)
            )
