"""The strategy health check: the plan judged against CRM strategy practice, rule by rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.workspace import WorkspaceBase
from strategy.health import define, deliver, discover, plan, sustain, track
from strategy.health.types import Check, HealthInput, Records, Status

# In the order of the journey.
CHECKS: tuple[Check, ...] = (
    *discover.CHECKS,
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


def run_health(workspace: WorkspaceBase, records: Records, today: date) -> list[Finding]:
    inp = HealthInput(workspace, records, today)
    findings = []
    for check in CHECKS:
        result = check.judge(inp)
        findings.append(Finding(check.rule_id, check.title, result.status, result.evidence, check.fix_page))
    return findings


def health_score(findings: list[Finding]) -> float:
    """0-100: a pass counts fully, a warning half, a failure nothing."""
    return 100 * sum(WEIGHT[f.status] for f in findings) / len(findings) if findings else 0.0
