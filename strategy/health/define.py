"""Health checks on the objectives: fully SMART, and each measured by leading and lagging KPIs."""

from __future__ import annotations

from strategy.define.kpis import balance_findings
from strategy.define.smart import check_objectives, smart_context
from strategy.health.types import Check, HealthInput, HealthResult

MOSTLY = 0.8  # share of objectives above which a shortfall is a warning, not a failure


def _share_verdict(good: int, total: int, what: str, offenders: list[str]) -> HealthResult:
    evidence = f"{good} of {total} objectives {what}"
    if offenders:
        evidence += "; not yet: " + ", ".join(f"'{title}'" for title in offenders[:3])
        evidence += f" and {len(offenders) - 3} more" if len(offenders) > 3 else ""
    if total == 0:
        return HealthResult("fail", "no objectives yet")
    if good == total:
        return HealthResult("pass", evidence)
    return HealthResult("warn" if good / total >= MOSTLY else "fail", evidence)


def smart_objectives(inp: HealthInput) -> HealthResult:
    checks = check_objectives(inp.records["objective"], smart_context(inp.workspace))
    offenders = [c.title for c in checks if c.verdict != "pass"]
    return _share_verdict(len(checks) - len(offenders), len(checks), "are fully SMART", offenders)


def leading_and_lagging(inp: HealthInput) -> HealthResult:
    objectives = inp.records["objective"]
    unbalanced = balance_findings(objectives, inp.records["kpi"])
    offenders = [f.title for f in unbalanced]
    return _share_verdict(len(objectives) - len(offenders), len(objectives), "have leading and lagging KPIs", offenders)


CHECKS = (
    Check("HEALTH-SMART", "Objectives fully SMART", "pages/objectives.py", smart_objectives),
    Check("HEALTH-KPIS", "Every objective with leading and lagging KPIs", "pages/kpis.py", leading_and_lagging),
)
