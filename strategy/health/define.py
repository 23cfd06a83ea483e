"""Health checks on what the plan builds and measures: culture, people, process and technology
assessed with their largest gaps in the roadmap; objectives fully SMART, each measured by leading
and lagging KPIs."""

from __future__ import annotations

from strategy.define.capabilities import DEFAULT_LENS, LENSES, Gap, gaps, initiatives_by_capability, unrated
from strategy.define.kpis import balance_findings
from strategy.define.smart import check_objectives, smart_context
from strategy.health.types import Check, HealthInput, HealthResult, Status, quoted

MOSTLY = 0.8  # share of objectives above which a shortfall is a warning, not a failure


def _share_verdict(good: int, total: int, what: str, offenders: list[str]) -> HealthResult:
    evidence = f"{good} of {total} objectives {what}"
    if offenders:
        evidence += "; not yet: " + quoted(offenders)
    if total == 0:
        return HealthResult("fail", "no objectives yet")
    if good == total:
        return HealthResult("pass", evidence)
    return HealthResult("warn" if good / total >= MOSTLY else "fail", evidence)


def _gap(gap: Gap) -> str:
    return f"{gap.dimension} {gap.current} → {gap.target}"


def capability_gaps(inp: HealthInput) -> HealthResult:
    capabilities = inp.records["capability"]
    missing = unrated(capabilities, DEFAULT_LENS)
    if missing:
        lens = LENSES[DEFAULT_LENS].label.lower()
        return HealthResult("fail", f"not rated yet: {', '.join(missing)}; the plan starts from {lens} assessed")
    active = [i for i in inp.records["initiative"] if i["status"] != "parked"]
    closing = initiatives_by_capability(active)
    major = [g for g in gaps(capabilities, DEFAULT_LENS) if g.size >= inp.settings.health_major_gap]
    open_gaps = [g for g in major if g.capability_id not in closing]
    evidence = f"{len(major)} gaps of {inp.settings.health_major_gap} points or more"
    if not open_gaps:
        return HealthResult("pass", evidence + (", each closed by an initiative" if major else ""))
    named = "; ".join(_gap(g) for g in open_gaps)
    largest = max(g.size for g in major)
    status: Status = "fail" if any(g.size == largest for g in open_gaps) else "warn"
    return HealthResult(status, f"{evidence}; no initiative closes {named}")


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
    Check("HEALTH-CAPABILITY", "Capabilities assessed, largest gaps planned", "pages/capabilities.py", capability_gaps),
    Check("HEALTH-SMART", "Objectives fully SMART", "pages/objectives.py", smart_objectives),
    Check("HEALTH-KPIS", "Every objective with leading and lagging KPIs", "pages/kpis.py", leading_and_lagging),
)
