"""The shape of a strategy health check: a rule from the rule book, judged from the records."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Literal

from models.settings import Settings, get_settings
from models.workspace import WorkspaceBase
from strategy.plan.business_case import settings_of
from strategy.plan.montecarlo import NpvDistribution, npv_distribution
from strategy.sustain.review import thresholds_of
from strategy.sustain.tracking import KpiStatus, kpi_statuses

Records = Mapping[str, Sequence[Mapping[str, Any]]]
Status = Literal["pass", "warn", "fail"]


@dataclass(frozen=True)
class HealthInput:
    """What every check may read: the workspace's settings, its records, today's date, and the
    bounds the rule book documents (WORKBENCH_HEALTH_… settings)."""

    workspace: WorkspaceBase
    records: Records
    today: date
    settings: Settings = field(default_factory=get_settings)
    known_risk: NpvDistribution | None = None  # the caller's Monte Carlo of these records (the brief's)

    @cached_property
    def risk(self) -> NpvDistribution:
        """The Monte Carlo with the page's default runs and seed, run once for every check."""
        if self.known_risk is not None:
            return self.known_risk
        return npv_distribution(settings_of(self.workspace), self.records["cost"], self.records["benefit"])

    @cached_property
    def kpi_status(self) -> dict[int, KpiStatus]:
        """Every KPI's status today by id, worked out once for every check that reads it."""
        thresholds = thresholds_of(get_settings())
        records = self.records
        found = kpi_statuses(records["kpi"], records["measurement"], self.workspace.plan_start, self.today, thresholds)
        return {s.kpi_id: s for s in found}


@dataclass(frozen=True)
class HealthResult:
    status: Status
    evidence: str


@dataclass(frozen=True)
class Check:
    """One rule: its id in docs/METHOD.md, a title, the page that fixes it, and its judgement."""

    rule_id: str
    title: str
    fix_page: str
    judge: Callable[[HealthInput], HealthResult]


def quoted(names: Sequence[str], most: int = 3) -> str:
    """Names for evidence: the first few in quotes, then how many more."""
    shown = ", ".join(f"'{name}'" for name in names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")
