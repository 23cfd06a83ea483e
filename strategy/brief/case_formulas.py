"""The Excel formulas of the business case's results, shared by the Results and Scenarios sheets.

They follow strategy/plan/business_case.py's conventions: year 0 is not discounted (Excel's NPV
discounts its first value by one period, so year 0 is added outside it); ROI and benefit/cost do not
exist without costs; IRR exists only when the net flow changes sign; payback is the month the
cumulative net turns non-negative, interpolated inside its year, 0 if it is never negative.
"""

from __future__ import annotations

from dataclasses import dataclass

from strategy.plan.case_text import NO_PAYBACK, RATIO_UNDEFINED

NO_IRR_CELL = "none"
# Where the settings sit on the Inputs sheet (0-based rows, column B).
SETTING_ROWS = {"horizon_years": 4, "discount_rate": 5, "benefit_risk": 6, "cost_risk": 7}


def setting(name: str) -> str:
    """A setting's cell on the Inputs sheet: Inputs!$B$6."""
    return f"Inputs!$B${SETTING_ROWS[name] + 1}"


@dataclass(frozen=True)
class YearRange:
    """A row of yearly cells, year 0 first, as absolute references such as Flows!$C$20."""

    cells: tuple[str, ...]

    @property
    def span(self) -> str:
        """The whole row as one range: Flows!$C$20:$H$20."""
        return f"{self.cells[0]}:{self.cells[-1].split('!')[-1]}"

    @property
    def later(self) -> str:
        """Years 1 onwards as one range."""
        return f"{self.cells[1]}:{self.cells[-1].split('!')[-1]}"


def present_value(rate: str, flows: YearRange) -> str:
    """Year 0 as it is plus Excel's NPV of years 1 onwards (no formula sign)."""
    return f"({flows.cells[0]}+NPV({rate},{flows.later}))"


def per_cost(amount: str, pv_costs: str) -> str:
    """A ratio to the PV of costs that reads 'undefined (no costs)' when there are none."""
    return f'=IF({pv_costs}=0,"{RATIO_UNDEFINED}",{amount}/{pv_costs})'


def irr(net: YearRange) -> str:
    """Excel's IRR where the net flow changes sign, 'none' where no rate makes its NPV zero."""
    return f'=IF(AND(MIN({net.span})<0,MAX({net.span})>0),IRR({net.span}),"{NO_IRR_CELL}")'


def cumulative(net: YearRange, year: int) -> str:
    """The cumulative net cash up to a year: SUM from year 0."""
    return f"=SUM({net.cells[0]}:{net.cells[year].split('!')[-1]})"


def crossing(cumulative_net: YearRange, year: int) -> str:
    """The month payback happens if the cumulative net turns non-negative in this year, else blank."""
    before, after = cumulative_net.cells[year - 1], cumulative_net.cells[year]
    return f'=IF(AND({before}<0,{after}>=0),12*{year - 1}+12*-{before}/({after}-{before}),"")'


def payback(cumulative_net: YearRange, crossings: str) -> str:
    """Months to payback: 0 if never under water, the first crossing, or 'not within the horizon'."""
    return f'=IF(MIN({cumulative_net.span})>=0,0,IF(COUNT({crossings})=0,"{NO_PAYBACK}",MIN({crossings})))'


@dataclass(frozen=True)
class Flows:
    """The rows of the Flows sheet the results are built from."""

    benefits_before_risk: YearRange
    costs_before_risk: YearRange
    benefits: YearRange
    costs: YearRange
    net: YearRange
    cumulative: YearRange
    crossings: str
