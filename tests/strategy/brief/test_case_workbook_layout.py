"""The business-case workbook reads well in Excel at default zoom: money in the workspace's
currency, shares as %, no figure too wide for its column (Excel would show "####"), and the
header rows frozen so the labels stay in view while Finance scrolls."""

from __future__ import annotations

from numbers import Real
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from strategy.brief.case_workbook import case_workbook
from strategy.plan.case_text import SYMBOLS
from tests.strategy.brief.workbooks import Recalculated, benefit, cost, sample_case, workspace

DEFAULT_WIDTH = 8.43  # Excel's width of a column nobody sized


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return sample_case(tmp_path_factory.mktemp("sample-layout"))


def width(sheet: Worksheet, column: int) -> float:
    for dimension in sheet.column_dimensions.values():
        if dimension.min and dimension.min <= column <= dimension.max:
            return float(dimension.width)
    return DEFAULT_WIDTH


def shown(value: float, symbol: str, code: str) -> str:
    """A figure as Excel shows it under a two-decimal money format."""
    body = f"{abs(value):,.2f}"
    return ("-" if value < 0 else "") + (f"{symbol}{body}" if symbol else f"{body} {code}")


def money_cells(book: Recalculated, marker: str) -> list[tuple[Worksheet, Any, Any]]:
    """Every number shown as money (its format carries the currency), with its recalculated value."""
    values = book.calculate()
    formats = openpyxl.load_workbook(book.path)
    return [
        (sheet, cell, values.get((sheet.title, cell.coordinate), cell.value))
        for sheet in formats
        for row in sheet.iter_rows()
        for cell in row
        if marker in cell.number_format
    ]


def assert_money_fits(book: Recalculated, symbol: str, code: str) -> int:
    found = money_cells(book, symbol or code)
    for sheet, cell, value in found:
        if isinstance(value, Real):
            text = shown(float(value), symbol, code)
            assert len(text) + 1 <= width(sheet, cell.column), f"{sheet.title}!{cell.coordinate} {text} reads ####"
    return len(found)


def test_every_figure_of_the_sample_fits_its_column_in_the_workspace_currency(sample):
    found, (costs, benefits, _), book = sample
    symbol = SYMBOLS[found.currency]
    money = assert_money_fits(book, symbol, found.currency)
    assert money >= 3 * (len(costs) + len(benefits))  # low, likely, high of every line at least
    formats = openpyxl.load_workbook(book.path)
    results = formats["Results"]
    assert [results[f"B{row}"].number_format.count(symbol) for row in (5, 6, 7)] == [2, 2, 2]
    assert "%" in results["B8"].number_format and "%" in results["B10"].number_format  # ROI, IRR
    assert "%" in formats["Inputs"]["B6"].number_format  # the discount rate


@pytest.mark.parametrize(("currency", "symbol"), [("USD", "$"), ("CHF", "")])
def test_billions_widen_the_money_columns_and_a_currency_without_symbol_shows_its_code(currency, symbol, tmp_path):
    found = workspace(currency=currency, horizon_years=5)
    costs = [cost("Global platform", 3_400_000_000), cost("Run", 900_000_000, start=1, recurrence="recurring")]
    scenarios = [{"name": "Everything doubles", "benefit_factor": 2.0, "cost_factor": 2.0}]
    book = Recalculated(case_workbook(found, costs, [benefit("Group revenue", 2_500_000_000)], scenarios), tmp_path)
    assert assert_money_fits(book, symbol, currency) > 0


def test_the_header_rows_stay_in_view_when_scrolling(sample):
    book = openpyxl.load_workbook(sample[2].path)
    frozen = {sheet.title: sheet.freeze_panes for sheet in book}
    assert frozen == {"Results": "A5", "Inputs": "B3", "Flows": "C5", "Scenarios": "B5"}
    # The last frozen row is the header row: it names the columns below it.
    assert book["Results"]["A4"].value == "Figure"
    assert book["Flows"]["A4"].value == "Year"
    assert book["Scenarios"]["A4"].value == "Scenario"


def test_long_line_names_are_not_cut_off(tmp_path: Path):
    name = "Regional contact-centre consolidation, including telephony and workforce tools"
    path = tmp_path / "long.xlsx"
    path.write_bytes(case_workbook(workspace(), [cost(name, 50_000)], [benefit("Upsell", 80_000)], []))
    book = openpyxl.load_workbook(path)
    for title in ("Inputs", "Flows"):
        assert width(book[title], 1) >= len(name), title
