"""The health verdicts a page fixes, shown on that page: what the health check finds wrong with the
records edited here, in the rule book's words, so the room sees the flaw where it can mend it."""

from __future__ import annotations

from datetime import date

import streamlit as st

from strategy.health.runner import run_health
from ui.common import all_records, derived, plain, workspace

ICON = {"warn": ":material/warning:", "fail": ":material/error:"}


def health_notes(*rule_ids: str) -> None:
    """A warning or error box for each of the rules that does not pass; nothing when all pass."""
    current, today = workspace(), date.today()
    ws_id = current.id or 0
    # The whole check, cached and shared with the health page; a page shows only its own rules.
    findings = derived(f"health:{today}", ws_id, lambda: run_health(current, all_records(ws_id), today))
    for finding in findings:
        if finding.rule_id in rule_ids and finding.status != "pass":
            show = st.error if finding.status == "fail" else st.warning
            show(
                f"**Health check · {finding.title}**: {plain(finding.evidence)}",
                icon=ICON[finding.status],
            )
