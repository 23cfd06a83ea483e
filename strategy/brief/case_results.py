"""The Results and Scenarios sheets of the business-case workbook: Excel's own NPV, IRR and
ratios over the Flows sheet, and the same figures recomputed per scenario from the flows before risk."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from models.labels import field_label
from strategy.brief.case_formulas import (
    NO_IRR_CELL,
    Flows,
    YearRange,
    crossing,
    cumulative,
    irr,
    payback,
    per_cost,
    present_value,
    setting,
)
from strategy.brief.case_style import NARROW, Styles, fit
from strategy.plan.business_case import CaseFigures
from strategy.plan.case_text import NO_PAYBACK, RATIO_UNDEFINED
from strategy.plan.scenarios import BASE_NAME, OVERRIDABLE, ScenarioOutcome, is_neutral

RESULT_ROWS = (
    "PV of benefits",
    "PV of costs",
    "NPV (risk-adjusted)",
    "ROI",
    "Benefit / cost",
    "IRR",
    "Payback (months)",
)
HOW = (
    "Benefits (risk-adjusted) of year 0, plus Excel's NPV of later years at the discount rate",
    "Costs (risk-adjusted) of year 0, plus Excel's NPV of later years at the discount rate",
    "PV of benefits minus PV of costs",
    "NPV divided by PV of costs",
    "PV of benefits divided by PV of costs",
    "Excel's IRR of the net cash, where it changes sign",
    "Months until the cumulative net cash turns non-negative, interpolated within the year",
)


def result_formulas(at: Mapping[str, str], net: YearRange, cumulative_net: YearRange, crossings: str) -> list[str]:
    """NPV, ROI, benefit/cost, IRR and payback (in that order) from the cells holding the PVs."""
    return [
        f"={at['pv_benefits']}-{at['pv_costs']}",
        per_cost(at["npv"], at["pv_costs"]),
        per_cost(at["pv_benefits"], at["pv_costs"]),
        irr(net),
        payback(cumulative_net, crossings),
    ]


def shown(figures: CaseFigures) -> list[float | str]:
    """The app's figures as the result cells hold them before a spreadsheet recalculates: viewers
    that never calculate (previews, phone apps) show these instead of zeros."""
    return [
        figures.pv_benefits,
        figures.pv_costs,
        figures.npv,
        RATIO_UNDEFINED if figures.roi is None else figures.roi,
        RATIO_UNDEFINED if figures.benefit_cost_ratio is None else figures.benefit_cost_ratio,
        NO_IRR_CELL if figures.irr is None else figures.irr,
        NO_PAYBACK if figures.payback_months is None else figures.payback_months,
    ]


def write_results(sheet: Worksheet, flows: Flows, name: str, styles: Styles, figures: CaseFigures) -> None:
    sheet.write_string(0, 0, f"Business case results: {name}", styles.title)
    sheet.write_string(1, 0, "Every figure is a formula over the Flows sheet: change an input to move it.", styles.note)
    for col, header in enumerate(("Figure", "Value", "How it is computed")):
        sheet.write_string(3, col, header, styles.heading)
    rows = dict(zip(("pv_benefits", "pv_costs", "npv"), range(4, 7), strict=True))
    at = {key: xl_rowcol_to_cell(row, 1) for key, row in rows.items()}
    rate = setting("discount_rate")
    formulas = [f"={present_value(rate, flows.benefits)}", f"={present_value(rate, flows.costs)}"]
    formulas += result_formulas(at, flows.net, flows.cumulative, flows.crossings)
    formats = (styles.money, styles.money, styles.total, styles.percent, styles.number, styles.percent, styles.months)
    lines = zip(RESULT_ROWS, formulas, formats, HOW, shown(figures), strict=True)
    for offset, (label, formula, style, how, value) in enumerate(lines):
        sheet.write_string(4 + offset, 0, label, styles.bold)
        sheet.write_formula(4 + offset, 1, formula, style, value)
        sheet.write_string(4 + offset, 2, how, styles.note)
    sheet.set_column(0, 0, fit(RESULT_ROWS, 20))
    sheet.set_column(1, 1, max(styles.money_width, fit((NO_PAYBACK, RATIO_UNDEFINED, NO_IRR_CELL), NARROW)))
    sheet.set_column(2, 2, fit(HOW, 40))
    sheet.freeze_panes(4, 0)  # the title and the header row stay in view


SETTING_COLUMNS = ("discount_rate", "benefit_risk", "cost_risk", "benefit_factor", "cost_factor")
FIGURES_FROM = 1 + len(SETTING_COLUMNS)  # PV of benefits onwards
NET_FROM = FIGURES_FROM + len(RESULT_ROWS)


def scenario_rows(scenarios: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The scenarios as the app compares them: led by the base case unless one already is it."""
    rows = list(scenarios)
    return rows if any(is_neutral(s) for s in rows) else [{"name": BASE_NAME}, *rows]


def write_scenario_settings(sheet: Worksheet, row: int, scenario: Mapping[str, Any], styles: Styles) -> None:
    sheet.write_string(row, 0, str(scenario["name"]))
    for col, name in enumerate(SETTING_COLUMNS, start=1):
        value = scenario.get(name)
        if name in OVERRIDABLE and value is None:
            sheet.write_formula(row, col, f"={setting(name)}", styles.percent)
        else:
            default = 1.0 if value is None else float(value)
            sheet.write_number(row, col, default, styles.percent if name in OVERRIDABLE else styles.number)


def write_scenario(
    sheet: Worksheet, row: int, flows: Flows, scenario: Mapping[str, Any], styles: Styles, figures: CaseFigures
) -> None:
    """One scenario: its settings, its figures, then its yearly net, cumulative net and crossings."""
    write_scenario_settings(sheet, row, scenario, styles)
    rate, b_risk, c_risk, b_factor, c_factor = (xl_rowcol_to_cell(row, col, False, True) for col in range(1, 6))
    years = len(flows.net.cells)
    net = YearRange(tuple(f"Scenarios!{xl_rowcol_to_cell(row, NET_FROM + y, True, True)}" for y in range(years)))
    cum = YearRange(
        tuple(f"Scenarios!{xl_rowcol_to_cell(row, NET_FROM + years + y, True, True)}" for y in range(years))
    )
    for year in range(years):
        benefit = f"{flows.benefits_before_risk.cells[year]}*(1-{b_risk})*{b_factor}"
        cost = f"{flows.costs_before_risk.cells[year]}*(1+{c_risk})*{c_factor}"
        sheet.write_formula(row, NET_FROM + year, f"={benefit}-{cost}", styles.money)
        sheet.write_formula(row, NET_FROM + years + year, cumulative(net, year), styles.money)
        if year >= 1:
            sheet.write_formula(row, NET_FROM + 2 * years + year - 1, crossing(cum, year), styles.months)
    crossings = (
        f"{xl_rowcol_to_cell(row, NET_FROM + 2 * years)}:{xl_rowcol_to_cell(row, NET_FROM + 2 * years + years - 2)}"
    )
    at = {key: xl_rowcol_to_cell(row, FIGURES_FROM + i) for i, key in enumerate(("pv_benefits", "pv_costs", "npv"))}
    formulas = [
        f"=(1-{b_risk})*{b_factor}*{present_value(rate, flows.benefits_before_risk)}",
        f"=(1+{c_risk})*{c_factor}*{present_value(rate, flows.costs_before_risk)}",
        *result_formulas(at, net, cum, crossings),
    ]
    formats = (styles.money, styles.money, styles.total, styles.percent, styles.number, styles.percent, styles.months)
    for offset, (formula, style, value) in enumerate(zip(formulas, formats, shown(figures), strict=True)):
        sheet.write_formula(row, FIGURES_FROM + offset, formula, style, value)


def write_scenarios(
    sheet: Worksheet,
    flows: Flows,
    scenarios: Sequence[Mapping[str, Any]],
    styles: Styles,
    outcomes: Sequence[ScenarioOutcome],
) -> None:
    sheet.write_string(0, 0, "Scenarios: the case under each named what-if", styles.title)
    sheet.write_string(1, 0, "A blank override takes the Inputs setting; the factors scale every amount.", styles.note)
    years = len(flows.net.cells)
    headers = ["Scenario", *(field_label(name) for name in SETTING_COLUMNS), *RESULT_ROWS]
    headers += [f"Net cash, year {y}" for y in range(years)] + [f"Cumulative net, year {y}" for y in range(years)]
    headers += [f"Payback month if in year {y}" for y in range(1, years)]
    for col, header in enumerate(headers):
        sheet.write_string(3, col, header, styles.wrapped)
    sheet.set_row(3, 48)  # three lines of a wrapped header
    rows = scenario_rows(scenarios)
    for row, (scenario, outcome) in enumerate(zip(rows, outcomes, strict=True), start=4):
        write_scenario(sheet, row, flows, scenario, styles, outcome.figures)
    sheet.set_column(0, 0, fit([str(s["name"]) for s in rows], 30))
    sheet.set_column(1, len(headers) - 1, NARROW + 2)
    money = [FIGURES_FROM, FIGURES_FROM + 1, FIGURES_FROM + 2, *range(NET_FROM, NET_FROM + 2 * years)]
    for col in money:
        sheet.set_column(col, col, styles.money_width)
    sheet.freeze_panes(4, 1)  # the header row and each scenario's name stay in view
