"""Health checks on the direction: where CRM should sit on the continuum, how well CRM fits the lead
value discipline, and whether the KPIs measure what that discipline promises."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from strategy.define.direction import BY_KEY, continuum_placed, crm_fit, stage_of
from strategy.define.kpis import kpi_category
from strategy.health.types import Check, HealthInput, HealthResult, quoted


def _direction(inp: HealthInput) -> Mapping[str, Any] | None:
    found = inp.records["direction"]
    return found[0] if found else None


def continuum_target(inp: HealthInput) -> HealthResult:
    direction = _direction(inp)
    if direction is None or not continuum_placed(direction):
        return HealthResult("fail", "CRM has not been placed on the continuum yet: answer the evidence questions")
    current, target = float(direction["continuum_current"]), float(direction["continuum_target"])
    aim = inp.settings.health_continuum_target
    evidence = (
        f"today {stage_of(current)} ({current:g}), target {stage_of(target)} ({target:g}) "
        "on the scale 0 technology … 2 strategy"
    )
    if stage_of(target) == "Technology":
        return HealthResult("fail", evidence + ": the plan aims at CRM as a system, not as a process or a strategy")
    if target < aim:
        return HealthResult("warn", f"{evidence}: aim for {aim:g} or more, CRM as how the business runs customers")
    return HealthResult("pass", evidence)


def fit_with_lead(inp: HealthInput) -> HealthResult:
    direction = _direction(inp)
    lead = direction["lead_discipline"] if direction else None
    if not lead:
        return HealthResult("fail", "no lead value discipline chosen, so nobody can say how well CRM carries it")
    label, fit = BY_KEY[lead].label, crm_fit(lead)
    if fit.strength == "weak":
        advice = fit.implications[0] if fit.implications else ""
        return HealthResult("warn", f"{label} leads, where CRM is a weak fit: {fit.message} {advice}".strip())
    return HealthResult("pass", f"{label} leads, where CRM is a strong fit")


def discipline_in_kpis(inp: HealthInput) -> HealthResult:
    direction = _direction(inp)
    lead = direction["lead_discipline"] if direction else None
    if not lead:
        return HealthResult("fail", "no lead value discipline chosen")
    kpis = inp.records["kpi"]
    label = BY_KEY[lead].label
    matching = [k["name"] for k in kpis if kpi_category(k) == lead]
    unknown = [k["name"] for k in kpis if kpi_category(k) is None]
    unsaid = f"; {len(unknown)} custom KPIs do not say what they measure: {quoted(unknown)}" if unknown else ""
    if not matching:
        return HealthResult("fail", f"{label} leads, but none of the {len(kpis)} KPIs is in its category{unsaid}")
    evidence = f"{label} leads; {len(matching)} of {len(kpis)} KPIs measure it: {quoted(matching)}"
    return HealthResult("warn" if unknown else "pass", evidence + unsaid)


CHECKS = (
    Check("HEALTH-CONTINUUM", "CRM aimed beyond technology", "pages/direction.py", continuum_target),
    Check("HEALTH-FIT", "CRM fits the lead value discipline", "pages/direction.py", fit_with_lead),
    Check("HEALTH-DISCIPLINE", "Lead value discipline reflected in the KPIs", "pages/kpis.py", discipline_in_kpis),
)
