"""The funnel: stages counted by KPIs, the conversion between neighbours month by month, and the
weakest conversion as the stage to improve next (rule FUNNEL-WEAKEST)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Record = Mapping[str, Any]
Month = tuple[int, int]  # (year, month)

DEFAULT_STAGES = ("Leads", "Qualified", "Proposals", "Won", "Retained")
MEMBER_LIFECYCLE = ("New", "First purchase", "Active", "Lapsed", "Won back")


@dataclass(frozen=True)
class RuleRef:
    rule_id: str


RULES = (RuleRef("FUNNEL-WEAKEST"),)


@dataclass(frozen=True)
class Conversion:
    """From one stage to the next: the share converted each month and over the latest window."""

    from_stage: str
    to_stage: str
    by_month: dict[Month, float]
    recent: float | None  # mean over the latest window of months; None without data


@dataclass(frozen=True)
class FunnelReport:
    stages: tuple[str, ...]
    conversions: tuple[Conversion, ...]
    weakest: Conversion | None


def monthly_values(measurements: Sequence[Record], kpi_id: int) -> dict[Month, float]:
    """A KPI's value per calendar month: the latest actual recorded in that month."""
    found: dict[Month, tuple[Any, float]] = {}
    for m in measurements:
        if m["kpi_id"] != kpi_id:
            continue
        month = (m["measured_on"].year, m["measured_on"].month)
        if month not in found or m["measured_on"] >= found[month][0]:
            found[month] = (m["measured_on"], float(m["value"]))
    return {month: value for month, (_, value) in found.items()}


def conversion(upper: dict[Month, float], lower: dict[Month, float], names: tuple[str, str], window: int) -> Conversion:
    """The share of one stage reaching the next, in every month both are counted."""
    by_month = {month: lower[month] / upper[month] for month in sorted(upper.keys() & lower.keys()) if upper[month] > 0}
    latest = list(by_month.values())[-window:]
    return Conversion(names[0], names[1], by_month, sum(latest) / len(latest) if latest else None)


def funnel_report(stages: Sequence[Record], measurements: Sequence[Record], window: int = 6) -> FunnelReport:
    """Conversions between consecutive stages (by position) and the weakest of them over the window."""
    ordered = sorted(stages, key=lambda s: (s["position"], s["id"]))
    values = [monthly_values(measurements, s["kpi_id"]) for s in ordered]
    conversions = tuple(
        conversion(values[i], values[i + 1], (ordered[i]["name"], ordered[i + 1]["name"]), window)
        for i in range(len(ordered) - 1)
    )
    return FunnelReport(tuple(s["name"] for s in ordered), conversions, weakest(conversions))


def weakest(conversions: Sequence[Conversion]) -> Conversion | None:
    """FUNNEL-WEAKEST: the conversion with the lowest recent rate (the first one on a tie)."""
    measured = [c for c in conversions if c.recent is not None]
    return min(measured, key=lambda c: c.recent or 0.0) if measured else None
