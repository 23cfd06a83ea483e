"""Named what-ifs of the case: each scenario may override the discount rate and the risk
adjustments, and scales every benefit and every cost amount by a factor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from strategy.plan.business_case import CaseFigures, CaseSettings, Line, evaluate_case

Scenario = Mapping[str, Any]
OVERRIDABLE = ("discount_rate", "benefit_risk", "cost_risk")
AMOUNTS = ("low", "likely", "high")
BASE_NAME = "Base case (workspace settings)"


def scenario_settings(base: CaseSettings, scenario: Scenario) -> CaseSettings:
    """The workspace settings with the scenario's overrides (an empty override keeps the setting)."""

    def pick(name: str, default: float) -> float:
        value = scenario.get(name)
        return default if value is None else float(value)

    return replace(
        base,
        discount_rate=pick("discount_rate", base.discount_rate),
        benefit_risk=pick("benefit_risk", base.benefit_risk),
        cost_risk=pick("cost_risk", base.cost_risk),
    )


def scale_lines(lines: Sequence[Line], factor: float) -> list[dict[str, Any]]:
    """The lines with every amount multiplied by the factor."""
    return [dict(line) | {name: float(line[name]) * factor for name in AMOUNTS} for line in lines]


def is_neutral(scenario: Scenario) -> bool:
    """A scenario that changes nothing (it is the base case under another name)."""
    no_overrides = all(scenario.get(name) is None for name in OVERRIDABLE)
    return no_overrides and scenario.get("benefit_factor", 1.0) == 1.0 and scenario.get("cost_factor", 1.0) == 1.0


@dataclass(frozen=True)
class ScenarioOutcome:
    """A scenario's settings and the figures they give."""

    name: str
    settings: CaseSettings
    benefit_factor: float
    cost_factor: float
    figures: CaseFigures


def evaluate_scenario(
    base: CaseSettings, costs: Sequence[Line], benefits: Sequence[Line], scenario: Scenario
) -> ScenarioOutcome:
    """The case's figures under one scenario."""
    settings = scenario_settings(base, scenario)
    benefit_factor = float(scenario.get("benefit_factor", 1.0))
    cost_factor = float(scenario.get("cost_factor", 1.0))
    figures = evaluate_case(settings, scale_lines(costs, cost_factor), scale_lines(benefits, benefit_factor))
    return ScenarioOutcome(str(scenario["name"]), settings, benefit_factor, cost_factor, figures)


def compare_scenarios(
    base: CaseSettings, costs: Sequence[Line], benefits: Sequence[Line], scenarios: Sequence[Scenario]
) -> list[ScenarioOutcome]:
    """Every stored scenario side by side, led by the base case unless a scenario already is it."""
    outcomes = [evaluate_scenario(base, costs, benefits, scenario) for scenario in scenarios]
    if not any(is_neutral(scenario) for scenario in scenarios):
        outcomes.insert(0, evaluate_scenario(base, costs, benefits, {"name": BASE_NAME}))
    return outcomes
