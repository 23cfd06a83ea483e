"""KPI tracking: the target path from baseline to target, and each KPI's status against it.

Pure maths over plain records (KPIs, measurements); the thresholds are settings named in the rule
book (TRACK-STATUS, TRACK-STALE) so every status the room sees cites the rule that decided it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from models.labels import DATE_TEXT
from strategy.deliver.plan_window import add_months

Record = Mapping[str, Any]
Status = Literal["on track", "at risk", "off track", "stale", "no data"]
STATUSES: tuple[Status, ...] = ("off track", "at risk", "stale", "no data", "on track")


@dataclass(frozen=True)
class Thresholds:
    """How far behind the path a KPI may fall, as a share of its whole planned change."""

    at_risk: float = 0.05
    off_track: float = 0.25


@dataclass(frozen=True)
class RuleRef:
    """A rule-book rule this module implements."""

    rule_id: str


RULES = (RuleRef("TRACK-STATUS"), RuleRef("TRACK-RISK"), RuleRef("TRACK-STALE"))


@dataclass(frozen=True)
class KpiStatus:
    """Where one KPI stands on a date: its latest actual, the path's value then, and why."""

    kpi_id: int
    name: str
    objective_id: int
    kind: str
    status: Status
    rule_id: str
    reason: str
    latest_on: date | None = None
    latest: float | None = None
    expected: float | None = None
    shortfall: float | None = None  # share of the planned change the KPI is behind (negative: ahead)


def target_path(kpi: Record, start: date, on: date) -> float | None:
    """The straight line from the baseline (at `start`) to the target (at its date), read on a date:
    the baseline before the start, the target after its date; None without a path."""
    baseline, target, due = kpi.get("baseline"), kpi.get("target"), kpi.get("target_date")
    if baseline is None or target is None or due is None or due <= start:
        return None
    share = min(max((on - start).days / (due - start).days, 0.0), 1.0)
    return float(baseline) + (float(target) - float(baseline)) * share


def shortfall(kpi: Record, actual: float, expected: float) -> float | None:
    """How far the actual is behind the path, as a share of the planned change, in the good
    direction (0 on the path, negative ahead of it); None when the target asks for no change."""
    span = float(kpi["target"]) - float(kpi["baseline"])
    if span == 0:
        return None
    sign = 1.0 if kpi.get("good_direction", "up") == "up" else -1.0
    return sign * (expected - actual) / abs(span)


def latest_by_kpi(measurements: Sequence[Record], on: date | None = None) -> dict[int, Record]:
    """Each KPI's newest actual (on or before a date, when given)."""
    newest: dict[int, Record] = {}
    for m in measurements:
        if on is not None and m["measured_on"] > on:
            continue
        current = newest.get(m["kpi_id"])
        if current is None or m["measured_on"] >= current["measured_on"]:
            newest[m["kpi_id"]] = m
    return newest


def is_stale(kpi: Record, latest_on: date, today: date) -> bool:
    """TRACK-STALE: no actual for longer than the KPI's cadence."""
    return add_months(latest_on, int(kpi.get("cadence_months") or 1)) < today


def grade(gap: float, thresholds: Thresholds) -> Status:
    if gap > thresholds.off_track:
        return "off track"
    return "at risk" if gap > thresholds.at_risk else "on track"


def kpi_status(kpi: Record, latest: Record | None, start: date, today: date, thresholds: Thresholds) -> KpiStatus:
    """TRACK-STATUS and TRACK-STALE for one KPI on a date."""
    head = {"kpi_id": kpi["id"], "name": kpi["name"], "objective_id": kpi["objective_id"], "kind": kpi["kind"]}
    if latest is None:
        return KpiStatus(**head, status="no data", rule_id="TRACK-STATUS", reason="no actual recorded yet")
    on, actual = latest["measured_on"], float(latest["value"])
    facts = {"latest_on": on, "latest": actual}
    if is_stale(kpi, on, today):
        cadence = int(kpi.get("cadence_months") or 1)
        reason = f"last actual {on:{DATE_TEXT}}, older than its cadence of {cadence} month{'s' * (cadence > 1)}"
        return KpiStatus(**head, **facts, status="stale", rule_id="TRACK-STALE", reason=reason)
    expected = target_path(kpi, start, on)
    gap = None if expected is None else shortfall(kpi, actual, expected)
    if expected is None or gap is None:
        reason = "no target path: baseline, target and a target date after the plan start are needed"
        return KpiStatus(**head, **facts, status="no data", rule_id="TRACK-STATUS", reason=reason)
    status = grade(gap, thresholds)
    side = "behind" if gap > 0 else "ahead of"
    reason = f"{actual:,.4g} against {expected:,.4g} on the path: {abs(gap):.0%} of the planned change {side} it"
    rule_id = "TRACK-RISK" if status == "at risk" else "TRACK-STATUS"
    return KpiStatus(**head, **facts, expected=expected, shortfall=gap, status=status, rule_id=rule_id, reason=reason)


def kpi_statuses(
    kpis: Sequence[Record], measurements: Sequence[Record], start: date, today: date, thresholds: Thresholds
) -> list[KpiStatus]:
    """Every KPI's status on a date, in the KPIs' order."""
    newest = latest_by_kpi(measurements, today)
    return [kpi_status(k, newest.get(k["id"]), start, today, thresholds) for k in kpis]


def actuals_by_kpi(measurements: Sequence[Record]) -> dict[int, list[Record]]:
    """Each KPI's actuals, oldest first."""
    found: dict[int, list[Record]] = defaultdict(list)
    for m in sorted(measurements, key=lambda m: m["measured_on"]):
        found[m["kpi_id"]].append(m)
    return found
