"""The strategy health check: the plan judged against CRM strategy practice, rule by rule."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from models.workspace import WorkspaceBase
from strategy.health import define, deliver, direction, discover, plan, sustain, track
from strategy.health.types import Check, HealthInput, Records, Status
from strategy.plan.montecarlo import NpvDistribution

# In the order of the journey.
CHECKS: tuple[Check, ...] = (
    *discover.CHECKS,
    *direction.CHECKS,
    *define.CHECKS,
    *plan.CHECKS,
    *deliver.CHECKS,
    *sustain.CHECKS,
    *track.CHECKS,
)
WEIGHT: dict[Status, float] = {"pass": 1.0, "warn": 0.5, "fail": 0.0}


@dataclass(frozen=True)
class Finding:
    rule_id: str
    title: str
    status: Status
    evidence: str
    fix_page: str


def run_health(
    workspace: WorkspaceBase,
    records: Records,
    today: date,
    rule_ids: Collection[str] | None = None,
    risk: NpvDistribution | None = None,
) -> list[Finding]:
    """Every check's verdict in journey order, or only those of `rule_ids` (a page showing its own);
    `risk` is the caller's Monte Carlo of these records, if it has already run it."""
    inp = HealthInput(workspace, records, today, known_risk=risk)
    findings = []
    for check in (c for c in CHECKS if rule_ids is None or c.rule_id in rule_ids):
        result = check.judge(inp)
        findings.append(Finding(check.rule_id, check.title, result.status, result.evidence, check.fix_page))
    return findings


def health_score(findings: list[Finding]) -> float:
    """0-100: a pass counts fully, a warning half, a failure nothing."""
    return 100 * sum(WEIGHT[f.status] for f in findings) / len(findings) if findings else 0.0
