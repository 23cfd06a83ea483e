"""Realised benefits: the business case recomputed with the actual adoption in place of the planned
ramp for the months that have passed, and the plan for the rest (rule CASE-REALISED).

Month 1 is the plan start's month; plan year t holds months 12(t-1)+1 … 12t. A month has passed when
it ended before the review date. A passed month takes the latest actual adoption recorded in it or
before it; a month with no actual yet, and every month to come, takes its year's planned share. A
year's adoption is the mean of its twelve months, and the case is evaluated with those shares.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from strategy.plan.business_case import CaseSettings, adoption_share, evaluate_case

Record = Mapping[str, Any]
MONTHS = 12


@dataclass(frozen=True)
class RuleRef:
    rule_id: str


RULES = (RuleRef("CASE-REALISED"),)


@dataclass(frozen=True)
class LineGap:
    """A benefit line's present value as planned and as now forecast."""

    name: str
    planned: float
    forecast: float

    @property
    def behind(self) -> bool:
        return self.forecast < self.planned - 0.005 * abs(self.planned)


@dataclass(frozen=True)
class Realised:
    """Plan against actual: the monthly adoption used, the benefit so far and both NPVs."""

    months_passed: int
    monthly_adoption: tuple[float, ...]  # every month of the horizon, actual where passed
    yearly_adoption: tuple[float, ...]  # years 1 … horizon
    realised_to_date: float
    planned_to_date: float
    approved_npv: float
    forecast_npv: float
    lines: tuple[LineGap, ...]


def month_index(start: date, day: date) -> int:
    """The month of a date counted from the plan start's month (its own month is 1)."""
    return (day.year - start.year) * MONTHS + day.month - start.month + 1


def monthly_adoption(settings: CaseSettings, actual: Mapping[int, float], passed: int) -> list[float]:
    """Each month's adoption share: the latest actual so far for a passed month, else the plan."""
    shares, latest = [], None
    for month in range(1, settings.horizon_years * MONTHS + 1):
        planned = adoption_share(settings.adoption_ramp, (month - 1) // MONTHS + 1)
        latest = actual.get(month, latest) if month <= passed else None
        shares.append(planned if latest is None else latest)
    return shares


def yearly_means(shares: Sequence[float]) -> tuple[float, ...]:
    return tuple(sum(shares[y : y + MONTHS]) / MONTHS for y in range(0, len(shares), MONTHS))


def benefit_to_date(benefits: Sequence[Record], settings: CaseSettings, shares: Sequence[float], passed: int) -> float:
    """Risk-adjusted benefit money (undiscounted) of the months passed, a twelfth of a year each."""
    total = 0.0
    for month in range(1, min(passed, len(shares)) + 1):
        year = (month - 1) // MONTHS + 1
        for line in benefits:
            if year >= max(1, int(line["start_year"])):
                adoption = shares[month - 1] if line["adoption_dependent"] else 1.0
                total += float(line["likely"]) * (1 - settings.benefit_risk) * adoption / MONTHS
    return total


def line_values(settings: CaseSettings, benefits: Sequence[Record]) -> list[float]:
    return [evaluate_case(settings, [], [line]).pv_benefits for line in benefits]


def realised_benefits(
    settings: CaseSettings,
    costs: Sequence[Record],
    benefits: Sequence[Record],
    actual: Mapping[int, float],
    passed: int,
) -> Realised:
    """CASE-REALISED: `actual` maps month numbers to adoption shares (0-1); `passed` is how many
    months of the plan have ended."""
    shares = monthly_adoption(settings, actual, passed)
    planned_shares = monthly_adoption(settings, {}, 0)
    forecast_settings = CaseSettings(
        settings.horizon_years, settings.discount_rate, settings.benefit_risk, settings.cost_risk, yearly_means(shares)
    )
    gaps = zip(line_values(settings, benefits), line_values(forecast_settings, benefits), strict=True)
    return Realised(
        months_passed=max(0, min(passed, len(shares))),
        monthly_adoption=tuple(shares),
        yearly_adoption=forecast_settings.adoption_ramp,
        realised_to_date=benefit_to_date(benefits, settings, shares, passed),
        planned_to_date=benefit_to_date(benefits, settings, planned_shares, passed),
        approved_npv=evaluate_case(settings, costs, benefits).npv,
        forecast_npv=evaluate_case(forecast_settings, costs, benefits).npv,
        lines=tuple(LineGap(str(b["name"]), p, f) for b, (p, f) in zip(benefits, gaps, strict=True)),
    )
