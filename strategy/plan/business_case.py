"""The deterministic business case: yearly cash flows, NPV, ROI, benefit/cost ratio, IRR, payback.

Conventions (shown on the page too): year 0 is the initial investment and carries no benefit; a
benefit in year t is its likely amount x (1 - benefit risk) x adoption(t) when it depends on
adoption; a cost is its likely amount x (1 + cost risk), once in its start year or every year from
it; year t is discounted by (1 + rate)^t. Amounts are kept as arrays (runs x lines) so the Monte
Carlo and the tornado reuse exactly the same arithmetic as the single deterministic run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy_financial as npf

from models.workspace import WorkspaceBase

Line = Mapping[str, Any]
MONTHS_PER_YEAR = 12


@dataclass(frozen=True)
class CaseSettings:
    """What the figures depend on besides the lines: horizon, discount rate, risk, adoption."""

    horizon_years: int
    discount_rate: float = 0.10
    benefit_risk: float = 0.10
    cost_risk: float = 0.05
    adoption_ramp: tuple[float, ...] = (0.40, 0.65, 0.80, 0.85, 0.85)

    @property
    def years(self) -> range:
        """Years 0 … horizon."""
        return range(self.horizon_years + 1)


def settings_of(workspace: WorkspaceBase) -> CaseSettings:
    """The case settings stored on a workspace."""
    return CaseSettings(
        horizon_years=workspace.horizon_years,
        discount_rate=workspace.discount_rate,
        benefit_risk=workspace.benefit_risk,
        cost_risk=workspace.cost_risk,
        adoption_ramp=tuple(workspace.adoption_ramp),
    )


def adoption_share(ramp: Sequence[float], year: int) -> float:
    """The share of users on board in a year (year 1 is the ramp's first entry; the last repeats)."""
    if year < 1 or not ramp:
        return 0.0 if year < 1 else 1.0
    return float(ramp[min(year, len(ramp)) - 1])


def benefit_profile(benefits: Sequence[Line], settings: CaseSettings) -> np.ndarray:
    """Per benefit line and year, the money realised per unit of its amount (lines x years)."""
    profile = np.zeros((len(benefits), settings.horizon_years + 1))
    for row, line in enumerate(benefits):
        for year in settings.years:
            if year >= max(1, int(line["start_year"])):
                adoption = adoption_share(settings.adoption_ramp, year) if line["adoption_dependent"] else 1.0
                profile[row, year] = (1.0 - settings.benefit_risk) * adoption
    return profile


def cost_profile(costs: Sequence[Line], settings: CaseSettings) -> np.ndarray:
    """Per cost line and year, the money spent per unit of its amount (lines x years)."""
    profile = np.zeros((len(costs), settings.horizon_years + 1))
    for row, line in enumerate(costs):
        start = int(line["start_year"])
        for year in settings.years:
            recurring = str(line["recurrence"]) == "recurring"
            if year == start or (recurring and year > start):
                profile[row, year] = 1.0 + settings.cost_risk
    return profile


def amounts(lines: Sequence[Line], which: str = "likely") -> np.ndarray:
    """One row of the lines' amounts (1 x lines): their low, likely or high estimates."""
    return np.array([[float(line[which]) for line in lines]]).reshape(1, len(lines))


def yearly_flows(line_amounts: np.ndarray, profile: np.ndarray) -> np.ndarray:
    """Money per run and year (runs x years). Lines with the same profile row (same start, same kind)
    are added first, then each group's total is spread over the years, groups in a fixed order: the
    same arithmetic for one run as for ten thousand, so a run at the likely amounts reproduces the
    deterministic case to the last bit, and the cost grows with the runs x lines, not x years."""
    groups: dict[bytes, list[int]] = {}
    for line, row in enumerate(profile):
        groups.setdefault(row.tobytes(), []).append(line)
    flows = np.zeros((line_amounts.shape[0], profile.shape[1]))
    for lines in groups.values():
        flows += line_amounts[:, lines].sum(axis=1)[:, None] * profile[lines[0]]
    return flows


def present_values(rate: float, flows: np.ndarray) -> np.ndarray:
    """Present value of each run's flows (runs x years → runs): numpy-financial's npv, row-wise."""
    return (flows / (1 + rate) ** np.arange(flows.shape[1])).sum(axis=1)


def npv_of_amounts(
    settings: CaseSettings,
    costs: Sequence[Line],
    benefits: Sequence[Line],
    cost_amounts: np.ndarray,
    benefit_amounts: np.ndarray,
) -> np.ndarray:
    """NPV of each run (runs x lines of amounts → runs): PV(benefits) − PV(costs) by the case's
    conventions; the Monte Carlo, the tornado and the scenarios all go through here."""
    rate = settings.discount_rate
    pv_benefits = present_values(rate, yearly_flows(benefit_amounts, benefit_profile(benefits, settings)))
    pv_costs = present_values(rate, yearly_flows(cost_amounts, cost_profile(costs, settings)))
    return pv_benefits - pv_costs


@dataclass(frozen=True)
class YearRow:
    """One year of the cash-flow table."""

    year: int
    benefits: float
    costs: float
    net: float
    cumulative_net: float
    discounted_net: float


@dataclass(frozen=True)
class CaseFigures:
    """The headline figures of a case; None where a figure does not exist (no costs, no IRR)."""

    table: tuple[YearRow, ...]
    pv_benefits: float
    pv_costs: float
    npv: float
    roi: float | None
    benefit_cost_ratio: float | None
    irr: float | None
    payback_months: float | None


def yearly_table(benefits: np.ndarray, costs: np.ndarray, rate: float) -> tuple[YearRow, ...]:
    """The hand-built table: benefits, costs, net, cumulative net and discounted net per year."""
    net = benefits - costs
    cumulative = np.cumsum(net)
    return tuple(
        YearRow(
            year=year,
            benefits=float(benefits[year]),
            costs=float(costs[year]),
            net=float(net[year]),
            cumulative_net=float(cumulative[year]),
            discounted_net=float(net[year] / (1 + rate) ** year),
        )
        for year in range(len(net))
    )


def payback_months(net_flows: Sequence[float]) -> float | None:
    """Months until cumulative net cash reaches zero, interpolated inside the year it turns
    (year t spans months 12(t-1) … 12t); 0 if it is never negative, None if never recovered."""
    cumulative = np.cumsum(np.asarray(net_flows, dtype=float))
    if not (cumulative < 0).any():
        return 0.0
    for year in range(1, len(cumulative)):
        before, after = cumulative[year - 1], cumulative[year]
        if before < 0 <= after:
            return float(MONTHS_PER_YEAR * (year - 1) + MONTHS_PER_YEAR * -before / (after - before))
    return None


def internal_rate_of_return(net_flows: Sequence[float]) -> float | None:
    """The IRR of the net flows, or None when no rate makes their NPV zero."""
    values = np.asarray(net_flows, dtype=float)
    if not ((values < 0).any() and (values > 0).any()):
        return None
    try:
        with np.errstate(all="ignore"):  # flows near the float limits: no IRR rather than a crash
            rate = float(npf.irr(values / np.abs(values).max()))
    except np.linalg.LinAlgError:
        return None
    return None if not np.isfinite(rate) else rate


def ratio(numerator: float, denominator: float) -> float | None:
    """A ratio that does not exist when there is nothing to divide by (a case with no costs)."""
    return None if denominator == 0 else numerator / denominator


def evaluate_case(settings: CaseSettings, costs: Sequence[Line], benefits: Sequence[Line]) -> CaseFigures:
    """Every deterministic figure of a case from its lines at their likely amounts."""
    benefit_flows = yearly_flows(amounts(benefits), benefit_profile(benefits, settings))[0]
    cost_flows = yearly_flows(amounts(costs), cost_profile(costs, settings))[0]
    rate = settings.discount_rate
    pv_benefits, pv_costs = float(npf.npv(rate, benefit_flows)), float(npf.npv(rate, cost_flows))
    npv = pv_benefits - pv_costs
    net = benefit_flows - cost_flows
    return CaseFigures(
        table=yearly_table(benefit_flows, cost_flows, rate),
        pv_benefits=pv_benefits,
        pv_costs=pv_costs,
        npv=npv,
        roi=ratio(npv, pv_costs),
        benefit_cost_ratio=ratio(pv_benefits, pv_costs),
        irr=internal_rate_of_return(net),
        payback_months=payback_months(net),
    )


@dataclass(frozen=True)
class CategoryValue:
    """The present value of all lines of one category (costs or benefits)."""

    kind: str  # "cost" or "benefit"
    category: str
    present_value: float


def value_by_category(settings: CaseSettings, costs: Sequence[Line], benefits: Sequence[Line]) -> list[CategoryValue]:
    """Present value per cost category and per benefit category, largest first within each kind."""
    found: list[CategoryValue] = []
    for kind, lines, profile in (
        ("cost", costs, cost_profile(costs, settings)),
        ("benefit", benefits, benefit_profile(benefits, settings)),
    ):
        per_line = present_values(settings.discount_rate, profile * amounts(lines)[0][:, None])
        totals: dict[str, float] = defaultdict(float)
        for line, value in zip(lines, per_line, strict=True):
            totals[str(line["category"])] += float(value)
        found += [CategoryValue(kind, name, value) for name, value in sorted(totals.items(), key=lambda kv: -kv[1])]
    return found


@dataclass(frozen=True)
class InitiativeEconomics:
    """An initiative's own risk-adjusted, discounted value and cost."""

    pv_benefits: float
    pv_costs: float
    npv: float


def lines_by_initiative(lines: Iterable[Line]) -> dict[int, list[Line]]:
    """Lines grouped by the initiative they are attached to (unattached lines left out)."""
    grouped: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        if line.get("initiative_id") is not None:
            grouped[int(line["initiative_id"])].append(line)
    return grouped


def initiative_economics(
    workspace: WorkspaceBase, costs: list[dict], benefits: list[dict]
) -> dict[int, InitiativeEconomics]:
    """Each initiative's PV of benefits, PV of costs and NPV over the lines attached to it;
    initiatives with no lines are absent. Feeds the roadmap's prioritisation."""
    settings = settings_of(workspace)
    cost_groups, benefit_groups = lines_by_initiative(costs), lines_by_initiative(benefits)
    economics: dict[int, InitiativeEconomics] = {}
    for initiative_id in sorted(cost_groups.keys() | benefit_groups.keys()):
        figures = evaluate_case(settings, cost_groups.get(initiative_id, []), benefit_groups.get(initiative_id, []))
        economics[initiative_id] = InitiativeEconomics(figures.pv_benefits, figures.pv_costs, figures.npv)
    return economics
