"""Read a business-case workbook back as a spreadsheet engine computes it (the `formulas` package)
and as a viewer that never recalculates shows it; and the small cases the workbook tests build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import formulas
import openpyxl
from sqlmodel import SQLModel

from models.workspace import WorkspaceBase


class Recalculated:
    """A workbook as a spreadsheet engine computes it, optionally with some inputs changed."""

    def __init__(self, content: bytes, folder: Path) -> None:
        self.path = folder / "case.xlsx"
        self.path.write_bytes(content)
        self.model = formulas.ExcelModel().loads(str(self.path)).finish()

    def key(self, sheet: str, cell: str) -> str:
        return f"'[{self.path.name}]{sheet.upper()}'!{cell}"

    def calculate(self, changes: dict[tuple[str, str], Any] | None = None) -> dict[tuple[str, str], Any]:
        inputs = {self.key(sheet, cell): value for (sheet, cell), value in (changes or {}).items()}
        solution = self.model.calculate(inputs=inputs)
        values: dict[tuple[str, str], Any] = {}
        for key, value in solution.items():
            if "!" in key and ":" not in key:
                sheet, cell = key.split("]", 1)[1].split("'!")
                values[(sheet.title(), cell)] = value.value[0, 0]
        return values


def stored_values(path: Path) -> dict[tuple[str, str], Any]:
    """Every cell as a viewer that never recalculates shows it: the value stored beside a formula."""
    book = openpyxl.load_workbook(path, data_only=True)
    return {(sheet.title, cell.coordinate): cell.value for sheet in book for row in sheet.iter_rows() for cell in row}


def workspace(**settings: Any) -> WorkspaceBase:
    base: dict[str, Any] = {"name": "Finance check", "plan_start": "2027-01-01", "currency": "GBP"}
    return WorkspaceBase.model_validate(base | settings)


def cost(name: str, likely: float, start: int = 0, recurrence: str = "one_off") -> dict[str, Any]:
    kind = {"name": name, "category": "licences", "recurrence": recurrence, "start_year": start}
    return kind | {"low": likely * 0.8, "likely": likely, "high": likely * 1.3}


def benefit(name: str, likely: float, start: int = 1, adoption: bool = True) -> dict[str, Any]:
    kind = {"name": name, "category": "revenue_uplift", "adoption_dependent": adoption, "start_year": start}
    return kind | {"low": likely * 0.7, "likely": likely, "high": likely * 1.2}


def sample_case(folder: Path) -> tuple[WorkspaceBase, tuple[list[dict[str, Any]], ...], Recalculated]:
    """The sample strategy's workspace, its cost, benefit and scenario lines, and its workbook."""
    from models.engine import make_engine
    from strategy.brief.case_workbook import case_workbook
    from strategy.store.database import load_sample
    from strategy.store.snapshot import workspace_records
    from tests.conftest import SAMPLE

    engine = make_engine(f"sqlite:///{folder / 'sample.db'}")
    SQLModel.metadata.create_all(engine)
    found = load_sample(engine, SAMPLE, actor="tester")
    records = workspace_records(engine, found.id or 0)
    lines = records["cost"], records["benefit"], records["scenario"]
    return found, lines, Recalculated(case_workbook(found, *lines), folder)
