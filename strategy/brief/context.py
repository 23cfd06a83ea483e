"""Everything a brief reads, gathered once: the workspace, its records and the date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from models.workspace import Workspace
from strategy.deliver.roadmap import Roadmap, build_roadmap
from strategy.health.runner import Finding, run_health
from strategy.plan.business_case import CaseFigures, evaluate_case, settings_of
from strategy.plan.case_text import money
from strategy.plan.montecarlo import NpvDistribution, npv_distribution


@dataclass
class BriefContext:
    """Derived figures are computed once per brief and shared by every section."""

    workspace: Workspace
    records: dict[str, list[dict[str, Any]]]
    today: date
    votes: dict[int, int] = field(default_factory=dict)  # workshop dots per need, from closed sessions

    def money(self, amount: float) -> str:
        return money(amount, self.workspace.currency)

    def by_id(self, kind: str) -> dict[int, dict[str, Any]]:
        return {record["id"]: record for record in self.records[kind]}

    @cached_property
    def case(self) -> CaseFigures:
        """The business case exactly as the Business case page computes it."""
        return evaluate_case(settings_of(self.workspace), self.records["cost"], self.records["benefit"])

    @cached_property
    def roadmap(self) -> Roadmap:
        """The live schedule, as the Roadmap page builds it; the summary and the roadmap share it."""
        return build_roadmap(self.workspace, self.records, self.today)

    @cached_property
    def health(self) -> list[Finding]:
        """The health check's findings: the summary's score and its top risks come from one run."""
        return run_health(self.workspace, self.records, self.today, risk=self.risk)

    @cached_property
    def risk(self) -> NpvDistribution:
        """The Monte Carlo summary with the page's default runs and seed, so the figures agree."""
        return npv_distribution(settings_of(self.workspace), self.records["cost"], self.records["benefit"])
