"""The look of the business-case workbook: money in the workspace's currency, shares as %, and
columns wide enough that no figure reads "####" at default zoom (Excel shows that when a number
does not fit its column; text is only cut off, so text columns fit their longest entry too)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from xlsxwriter import Workbook
from xlsxwriter.format import Format

from strategy.plan.business_case import CaseFigures, Line
from strategy.plan.case_text import SYMBOLS
from strategy.plan.scenarios import ScenarioOutcome

HEADROOM = 3  # characters beyond the widest figure: bold totals, and room for an edited input to grow
NARROW = 12  # a share, a ratio, a month count or a year


@dataclass(frozen=True)
class Styles:
    """The workbook's formats, and the width a column of money needs for the case's largest amount."""

    title: Format
    heading: Format
    wrapped: Format
    bold: Format
    money: Format
    total: Format
    percent: Format
    number: Format
    months: Format
    note: Format
    money_width: float


def money_format(currency: str) -> str:
    """Two decimals, thousands separated, the symbol before (£) or the code after (1,234.00 CHF)."""
    symbol = SYMBOLS.get(currency)
    if symbol:
        return f'"{symbol}"#,##0.00;-"{symbol}"#,##0.00'
    return f'#,##0.00 "{currency}";-#,##0.00 "{currency}"'


def money_shown(amount: float, currency: str) -> str:
    """An amount as money_format shows it in a cell, to measure the column it needs."""
    symbol, sign, body = SYMBOLS.get(currency), "-" if amount < 0 else "", f"{abs(amount):,.2f}"
    return f"{sign}{symbol}{body}" if symbol else f"{sign}{body} {currency}"


def money_width(amounts: Iterable[float], currency: str) -> float:
    """The width of a column of money: the largest amount shown negative, with headroom."""
    largest = max((abs(amount) for amount in amounts), default=0.0)
    return len(money_shown(-largest, currency)) + HEADROOM


def fit(texts: Iterable[str], least: float, most: float = 80) -> float:
    """A text column's width: its longest entry, at least `least`, at most `most`."""
    return min(most, max([least, *(len(text) + 2 for text in texts)]))


def amounts_shown(lines: Sequence[Line], figures: CaseFigures, outcomes: Sequence[ScenarioOutcome]) -> list[float]:
    """Every size of money the workbook shows, to size its money columns: the lines' estimates, a
    year's total before risk (at most the sum of the likely amounts), and each case's yearly table."""
    found = [float(line[key]) for line in lines for key in ("low", "likely", "high")]
    found += [sum(float(line["likely"]) for line in lines)]
    for case in (figures, *(outcome.figures for outcome in outcomes)):
        found += [case.pv_benefits, case.pv_costs, case.npv]
        found += [
            value
            for row in case.table
            for value in (row.benefits, row.costs, row.net, row.cumulative_net, row.discounted_net)
        ]
    return found


def styles_of(book: Workbook, currency: str, amounts: Iterable[float]) -> Styles:
    money = money_format(currency)
    return Styles(
        title=book.add_format({"bold": True, "font_size": 16}),
        heading=book.add_format({"bold": True, "font_size": 12, "bottom": 1}),
        wrapped=book.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "bottom"}),
        bold=book.add_format({"bold": True}),
        money=book.add_format({"num_format": money}),
        total=book.add_format({"num_format": money, "bold": True, "top": 1}),
        percent=book.add_format({"num_format": "0.0%"}),
        number=book.add_format({"num_format": "0.00"}),
        months=book.add_format({"num_format": "0.0"}),
        note=book.add_format({"italic": True, "font_color": "#444444"}),
        money_width=money_width(amounts, currency),
    )
