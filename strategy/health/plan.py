"""Health check on the business case: positive once risk is taken into account."""

from __future__ import annotations

from strategy.health.types import Check, HealthInput, HealthResult
from strategy.plan.business_case import evaluate_case, settings_of
from strategy.plan.case_text import money, percent

LIKELY_ENOUGH = 0.8  # below this chance of a positive NPV the case is called fragile


def positive_case(inp: HealthInput) -> HealthResult:
    costs, benefits = inp.records["cost"], inp.records["benefit"]
    if not costs or not benefits:
        return HealthResult("fail", "the case needs both costs and benefits in money")
    settings = settings_of(inp.workspace)
    npv = evaluate_case(settings, costs, benefits).npv
    chance = inp.risk.probability_positive
    evidence = f"risk-adjusted NPV {money(npv, inp.workspace.currency)}; chance of a positive NPV {percent(chance)}"
    if npv <= 0:
        return HealthResult("fail", evidence)
    return HealthResult("pass" if chance >= LIKELY_ENOUGH else "warn", evidence)


CHECKS = (Check("HEALTH-CASE", "A positive risk-adjusted business case", "pages/business_case.py", positive_case),)
