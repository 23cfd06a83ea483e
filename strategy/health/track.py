"""Health checks on tracking: leading and lagging KPIs that disagree, tracking that stopped, and
journey steps nobody has reviewed within the cadence."""

from __future__ import annotations

from models.labels import DATE_TEXT
from models.settings import get_settings
from strategy.health.types import Check, HealthInput, HealthResult, Status
from strategy.sustain.step_reviews import STEPS, step_ages


def lead_and_lag_agree(inp: HealthInput) -> HealthResult:
    statuses = inp.kpi_status
    pairs = [(k, statuses.get(k["leads_kpi_id"])) for k in inp.records["kpi"] if k.get("leads_kpi_id")]
    odd = []
    for leading, lagging in pairs:
        lead = statuses[leading["id"]]
        if lagging is None:
            continue
        if lead.status == "on track" and lagging.status == "off track":
            odd.append(f"'{lead.name}' is on track but '{lagging.name}' is off track: is the lead working?")
        elif lead.status == "off track" and lagging.status == "on track":
            odd.append(f"'{lagging.name}' is on track although '{lead.name}' is off track: is it the real lead?")
    if not pairs:
        return HealthResult("fail", "no leading KPI names the lagging KPI it moves")
    if odd:
        return HealthResult("warn", f"{len(odd)} of {len(pairs)} lead-lag pairs disagree: " + "; ".join(odd))
    return HealthResult("pass", f"{len(pairs)} lead-lag pairs tell the same story")


def tracking_current(inp: HealthInput) -> HealthResult:
    statuses = list(inp.kpi_status.values())
    if not inp.records["measurement"]:
        return HealthResult("fail", "no KPI actual recorded: the strategy is not being tracked")
    stale = [s.name for s in statuses if s.status == "stale"]
    if not stale:
        return HealthResult("pass", f"every measured KPI has an actual within its cadence ({len(statuses)} KPIs)")
    status: Status = "fail" if len(stale) * 2 > len(statuses) else "warn"
    return HealthResult(status, f"{len(stale)} of {len(statuses)} KPIs are stale: {', '.join(stale)}")


def steps_reviewed(inp: HealthInput) -> HealthResult:
    months = get_settings().step_review_months
    overdue = [a for a in step_ages(inp.records["step_review"], inp.today, months) if a.overdue]
    if not overdue:
        return HealthResult("pass", f"every journey step reviewed within {months} months")
    detail = ", ".join(
        f"{a.step} ({a.reviewed_on:{DATE_TEXT}})" if a.reviewed_on else f"{a.step} (never)" for a in overdue
    )
    status: Status = "fail" if len(overdue) == len(STEPS) else "warn"
    return HealthResult(status, f"not reviewed within {months} months: {detail}")


CHECKS = (
    Check("HEALTH-TRACK-LAG", "Leading and lagging KPIs agree", "pages/tracking.py", lead_and_lag_agree),
    Check("HEALTH-TRACK-STALE", "Tracking is current", "pages/tracking.py", tracking_current),
    Check("HEALTH-STEP-REVIEW", "Journey steps reviewed on cadence", "pages/home.py", steps_reviewed),
)
