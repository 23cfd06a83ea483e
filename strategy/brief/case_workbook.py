"""The business case as an Excel workbook Finance can audit: live formulas, not pasted values.

Inputs holds the settings, the adoption ramp and every line (low / likely / high); Flows builds each
line's yearly money and the totals from them; Results computes NPV, ROI, benefit/cost, IRR and
payback with Excel's own functions; Scenarios recomputes them per named what-if. Changing any input
moves every result. Year columns run to the longest horizon a workspace allows, so the horizon is a
live input too: years beyond it carry nothing. User text is written as text, formula prefixes defused.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from models.labels import field_label, value_label
from models.plan import Recurrence
from models.workspace import WorkspaceBase
from strategy.brief import case_formulas
from strategy.brief.case_formulas import SETTING_ROWS, Flows, YearRange, setting
from strategy.brief.case_results import write_results, write_scenarios
from strategy.brief.case_style import NARROW, Styles, amounts_shown, fit, styles_of
from strategy.brief.content import UserText
from strategy.brief.escape import defuse_formula
from strategy.brief.names import file_stem
from strategy.plan.business_case import Line, adoption_share, evaluate_case, settings_of
from strategy.plan.scenarios import compare_scenarios

YEARS = range(6)  # year 0 … the longest horizon (WorkspaceBase.horizon_years allows 3 to 5)
FIRST_YEAR_COLUMN = 2
RAMP_ROW = 12
COST_COLUMNS = ("name", "category", "recurrence", "start_year", "low", "likely", "high")
BENEFIT_COLUMNS = ("name", "category", "adoption_dependent", "start_year", "low", "likely", "high")
MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def text(value: object) -> str:
    """User text as a cell shows it: literal, never a formula."""
    return defuse_formula(UserText(str(value)))


def ref(sheet: str, row: int, col: int, *, absolute: bool = True) -> str:
    return f"{sheet}!{xl_rowcol_to_cell(row, col, absolute, absolute)}"


def write_settings(sheet: Worksheet, workspace: WorkspaceBase, styles: Styles) -> None:
    sheet.write_string(0, 0, text(f"Business case inputs: {workspace.name}"), styles.title)
    sheet.write_string(1, 0, "Change any value on this sheet: Flows, Results and Scenarios recalculate.", styles.note)
    sheet.write_string(3, 0, "Settings", styles.heading)
    values = {
        "horizon_years": (workspace.horizon_years, None),
        "discount_rate": (workspace.discount_rate, styles.percent),
        "benefit_risk": (workspace.benefit_risk, styles.percent),
        "cost_risk": (workspace.cost_risk, styles.percent),
    }
    for name, (value, style) in values.items():
        sheet.write_string(SETTING_ROWS[name], 0, SETTING_LABELS[name])
        sheet.write_number(SETTING_ROWS[name], 1, value, style)
    sheet.write_string(8, 0, "Currency")
    sheet.write_string(8, 1, workspace.currency)
    sheet.write_string(10, 0, "Adoption ramp (share of users on board; the last share repeats)", styles.heading)
    sheet.write_string(11, 0, "Year")
    sheet.write_string(RAMP_ROW, 0, "Share of users")
    for index, share in enumerate(workspace.adoption_ramp):
        sheet.write_number(11, index + 1, index + 1)
        sheet.write_number(RAMP_ROW, index + 1, share, styles.percent)


SETTING_LABELS = {
    "horizon_years": "Horizon (years, 3 to 5)",
    "discount_rate": "Discount rate",
    "benefit_risk": "Benefit risk (benefits reduced by)",
    "cost_risk": "Cost risk (costs increased by)",
}


@dataclass(frozen=True)
class LineRows:
    """Where each line sits on the Inputs sheet (0-based rows)."""

    costs: tuple[int, ...]
    benefits: tuple[int, ...]


def write_lines(
    sheet: Worksheet, first: int, title: str, columns: Sequence[str], lines: Sequence[Line], styles: Styles
) -> tuple[int, ...]:
    """One table of lines under a heading; returns the rows the lines landed on."""
    sheet.write_string(first, 0, title, styles.heading)
    for col, name in enumerate(columns):
        sheet.write_string(first + 1, col, field_label(name), styles.bold)
    rows = tuple(range(first + 2, first + 2 + len(lines)))
    for row, line in zip(rows, lines, strict=True):
        sheet.write_string(row, 0, text(line["name"]))
        sheet.write_string(row, 1, value_label(line["category"]))
        sheet.write_string(row, 2, value_label(line[columns[2]]))
        sheet.write_number(row, 3, int(line["start_year"]))
        for col in (4, 5, 6):
            sheet.write_number(row, col, float(line[columns[col]]), styles.money)
    return rows


def write_inputs(
    sheet: Worksheet, workspace: WorkspaceBase, costs: Sequence[Line], benefits: Sequence[Line], styles: Styles
) -> LineRows:
    write_settings(sheet, workspace, styles)
    cost_rows = write_lines(sheet, 14, "Cost lines", COST_COLUMNS, costs, styles)
    benefit_first = 14 + len(costs) + 3
    benefit_rows = write_lines(
        sheet, benefit_first, "Benefit lines (annual amounts)", BENEFIT_COLUMNS, benefits, styles
    )
    lines = [*costs, *benefits]
    sheet.set_column(0, 0, fit([text(line["name"]) for line in lines], 44))
    for col in (1, 2):
        shown = [
            value_label(line[key]) for line in lines for key in (COST_COLUMNS[col], BENEFIT_COLUMNS[col]) if key in line
        ]
        sheet.set_column(col, col, fit([*shown, field_label(BENEFIT_COLUMNS[col]), workspace.currency], NARROW))
    sheet.set_column(3, 3, NARROW)
    sheet.set_column(4, 6, styles.money_width)
    sheet.freeze_panes(2, 1)  # the title and each line's name stay in view
    return LineRows(cost_rows, benefit_rows)


YEAR_ROW, IN_HORIZON_ROW, ADOPTION_ROW, FACTOR_ROW = 3, 4, 5, 6


def year_range(row: int) -> YearRange:
    return YearRange(tuple(ref("Flows", row, FIRST_YEAR_COLUMN + year) for year in YEARS))


def local(row: int, year: int) -> str:
    """A Flows cell in a year's column, the row fixed: C$5."""
    return xl_rowcol_to_cell(row, FIRST_YEAR_COLUMN + year, True, False)


def write_calendar(sheet: Worksheet, ramp: Sequence[float], styles: Styles) -> None:
    """The year numbers, whether each is inside the horizon, its adoption share and discount factor."""
    labels = ("Year", "Inside the horizon (1 = yes)", "Adoption share", "Discount factor")
    for row, label in zip((YEAR_ROW, IN_HORIZON_ROW, ADOPTION_ROW, FACTOR_ROW), labels, strict=True):
        sheet.write_string(row, 0, label, styles.bold if row == YEAR_ROW else None)
    for year in YEARS:
        col = FIRST_YEAR_COLUMN + year
        sheet.write_number(YEAR_ROW, col, year, styles.bold)
        sheet.write_formula(IN_HORIZON_ROW, col, f"=IF({local(YEAR_ROW, year)}<={setting('horizon_years')},1,0)")
        ramp_cell = ref("Inputs", RAMP_ROW, min(year, len(ramp))) if year >= 1 else "0"
        sheet.write_formula(ADOPTION_ROW, col, f"={ramp_cell}", styles.percent, adoption_share(ramp, year))
        sheet.write_formula(
            FACTOR_ROW, col, f"=1/(1+{setting('discount_rate')})^{local(YEAR_ROW, year)}", styles.number
        )


def cost_formula(row: int, year: int) -> str:
    """A cost line's money in a year before risk: its likely amount in its start year, and every
    later year when it recurs, inside the horizon."""
    start, recurrence, likely = (ref("Inputs", row, col) for col in (3, 2, 5))
    this_year, recurring = local(YEAR_ROW, year), value_label(Recurrence.recurring)
    when = f'OR({this_year}={start},AND({recurrence}="{recurring}",{this_year}>{start}))'
    return f"={local(IN_HORIZON_ROW, year)}*IF({when},{likely},0)"


def benefit_formula(row: int, year: int) -> str:
    """A benefit line's money in a year before risk: its likely amount from its start year (never
    year 0), times the adoption share when it depends on adoption, inside the horizon."""
    start, dependent, likely = (ref("Inputs", row, col) for col in (3, 2, 5))
    adoption = f'IF({dependent}="{value_label(True)}",{local(ADOPTION_ROW, year)},1)'
    return f"={local(IN_HORIZON_ROW, year)}*IF({local(YEAR_ROW, year)}>=MAX(1,{start}),{likely}*{adoption},0)"


def write_line_flows(
    sheet: Worksheet, first: int, title: str, lines: Sequence[Line], inputs: Sequence[int], formula: Any, styles: Styles
) -> tuple[int, ...]:
    sheet.write_string(first, 0, title, styles.heading)
    rows = tuple(range(first + 1, first + 1 + len(lines)))
    for row, line, input_row in zip(rows, lines, inputs, strict=True):
        sheet.write_string(row, 0, text(line["name"]))
        for year in YEARS:
            sheet.write_formula(row, FIRST_YEAR_COLUMN + year, formula(input_row, year), styles.money)
    return rows


def total(rows: Sequence[int], year: int) -> str:
    if not rows:
        return "=0"
    return f"=SUM({local(rows[0], year)}:{local(rows[-1], year)})"


TOTALS = (
    ("Benefits before risk", "benefits_before_risk"),
    ("Costs before risk", "costs_before_risk"),
    ("Benefits (risk-adjusted)", "benefits"),
    ("Costs (risk-adjusted)", "costs"),
    ("Net cash", "net"),
    ("Cumulative net cash", "cumulative"),
    ("Discounted net cash", "discounted"),
    ("Payback month, if it comes this year", "crossing"),
)


def total_formulas(rows: dict[str, int], lines: LineRows, year: int) -> dict[str, str]:
    at = {name: local(row, year) for name, row in rows.items()}
    formulas = {
        "benefits_before_risk": total(lines.benefits, year),
        "costs_before_risk": total(lines.costs, year),
        "benefits": f"={at['benefits_before_risk']}*(1-{setting('benefit_risk')})",
        "costs": f"={at['costs_before_risk']}*(1+{setting('cost_risk')})",
        "net": f"={at['benefits']}-{at['costs']}",
        "cumulative": case_formulas.cumulative(year_range(rows["net"]), year),
        "discounted": f"={at['net']}*{local(FACTOR_ROW, year)}",
    }
    if year >= 1:
        formulas["crossing"] = case_formulas.crossing(year_range(rows["cumulative"]), year)
    return formulas


def write_totals(sheet: Worksheet, first: int, lines: LineRows, styles: Styles) -> Flows:
    rows = {name: first + index for index, (_, name) in enumerate(TOTALS)}
    for label, name in TOTALS:
        sheet.write_string(rows[name], 0, label, styles.bold)
    for year in YEARS:
        for name, formula in total_formulas(rows, lines, year).items():
            style = styles.months if name == "crossing" else styles.total
            sheet.write_formula(rows[name], FIRST_YEAR_COLUMN + year, formula, style)
    return Flows(
        benefits_before_risk=year_range(rows["benefits_before_risk"]),
        costs_before_risk=year_range(rows["costs_before_risk"]),
        benefits=year_range(rows["benefits"]),
        costs=year_range(rows["costs"]),
        net=year_range(rows["net"]),
        cumulative=year_range(rows["cumulative"]),
        crossings=year_range(rows["crossing"]).later,
    )


def write_flows(
    sheet: Worksheet,
    inputs: LineRows,
    costs: Sequence[Line],
    benefits: Sequence[Line],
    ramp: Sequence[float],
    styles: Styles,
) -> Flows:
    sheet.write_string(0, 0, "Yearly cash flows, built from the Inputs sheet", styles.title)
    sheet.write_string(1, 0, "Each line's money per year before risk; the totals apply the risk settings.", styles.note)
    write_calendar(sheet, ramp, styles)
    cost_rows = write_line_flows(sheet, 8, "Cost lines (before risk)", costs, inputs.costs, cost_formula, styles)
    benefit_first = 8 + len(costs) + 2
    benefit_rows = write_line_flows(
        sheet, benefit_first, "Benefit lines (before risk)", benefits, inputs.benefits, benefit_formula, styles
    )
    flows = write_totals(sheet, benefit_first + len(benefits) + 2, LineRows(cost_rows, benefit_rows), styles)
    names = [text(line["name"]) for line in [*costs, *benefits]]
    sheet.set_column(0, 0, fit([*names, *(label for label, _ in TOTALS)], 30))
    sheet.set_column(FIRST_YEAR_COLUMN, FIRST_YEAR_COLUMN + len(YEARS) - 1, styles.money_width)
    sheet.freeze_panes(YEAR_ROW + 1, FIRST_YEAR_COLUMN)  # the year row and each line's name stay in view
    return flows


def case_workbook(
    workspace: WorkspaceBase, costs: Sequence[Line], benefits: Sequence[Line], scenarios: Sequence[Line]
) -> bytes:
    """The business case as an .xlsx file whose every figure is a live formula over its inputs."""
    settings = settings_of(workspace)
    figures = evaluate_case(settings, costs, benefits)
    outcomes = compare_scenarios(settings, costs, benefits, scenarios)
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    with Workbook(buffer, options) as book:
        styles = styles_of(book, workspace.currency, amounts_shown([*costs, *benefits], figures, outcomes))
        sheets = {name: book.add_worksheet(name) for name in ("Results", "Inputs", "Flows", "Scenarios")}
        inputs = write_inputs(sheets["Inputs"], workspace, costs, benefits, styles)
        flows = write_flows(sheets["Flows"], inputs, costs, benefits, workspace.adoption_ramp, styles)
        write_results(sheets["Results"], flows, text(workspace.name), styles, figures)
        named = [dict(s, name=text(s["name"])) for s in scenarios]
        write_scenarios(sheets["Scenarios"], flows, named, styles, outcomes)
    return buffer.getvalue()


def workbook_name(workspace_name: str, today: date | None = None) -> str:
    """The workbook's file name: 'northwind-crm-business-case-2026-11-23.xlsx'."""
    return f"{file_stem(workspace_name)}-business-case-{today or date.today():%Y-%m-%d}.xlsx"
