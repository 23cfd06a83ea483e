"""KPI actuals from a CSV file (columns kpi, date, value), checked row by row before anything is
written: every bad line is reported with its number and why."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from strategy.errors import FieldError, InvalidInput

COLUMNS = ("kpi", "date", "value")


@dataclass(frozen=True)
class ActualRow:
    """One good line: which KPI, on which day, what value."""

    line: int
    kpi_id: int
    measured_on: date
    value: float


def template_csv(kpi_names: Iterable[str], on: date) -> str:
    """A CSV to fill in: the header and one example line per KPI."""
    lines = ["kpi,date,value", *(f"{_quoted(name)},{on.isoformat()}," for name in kpi_names)]
    return "\n".join(lines) + "\n"


def _quoted(name: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow([name])
    return out.getvalue()


def _text(data: bytes, max_bytes: int) -> str:
    if len(data) > max_bytes:
        raise InvalidInput([FieldError("file", f"is {len(data):,} bytes; the limit is {max_bytes:,}")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput([FieldError("file", "is not UTF-8 text")]) from exc
    if not text.strip():
        raise InvalidInput([FieldError("file", "is empty: write the header kpi,date,value and one row a line")])
    return text


def _row(line: int, cells: list[str], kpis: Mapping[str, int]) -> tuple[ActualRow | None, list[str]]:
    problems: list[str] = []
    if len(cells) != len(COLUMNS):
        return None, [f"has {len(cells)} cells, not 3 (kpi, date, value)"]
    name, day, number = (cell.strip() for cell in cells)
    kpi_id = kpis.get(name.casefold())
    if kpi_id is None:
        problems.append(f"no KPI is called {name!r}")
    try:
        measured_on = date.fromisoformat(day)
    except ValueError:
        problems.append(f"date {day!r} is not a date like 2026-03-31")
    try:
        value = float(number.replace(",", ""))
        if not math.isfinite(value):
            raise ValueError(number)
    except ValueError:
        problems.append(f"value {number!r} is not a number")
    if problems:
        return None, problems
    return ActualRow(line, kpi_id or 0, measured_on, value), []


def parse_actuals(
    data: bytes, kpis: Mapping[str, int], stored: set[tuple[int, date]], *, max_bytes: int
) -> list[ActualRow]:
    """Every row, or InvalidInput naming each bad line. `kpis` maps KPI names (casefolded) to ids;
    `stored` holds the (KPI, date) pairs already recorded, which a row may not repeat."""
    reader = csv.reader(io.StringIO(_text(data, max_bytes)))
    header = [cell.strip().casefold() for cell in next(reader, [])]
    if tuple(header) != COLUMNS:
        raise InvalidInput([FieldError("line 1", f"the columns must be kpi,date,value, not {','.join(header)}")])
    rows, errors, seen = [], [], dict.fromkeys(stored, 0)
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        row, problems = _row(line, cells, kpis)
        if row is not None and (row.kpi_id, row.measured_on) in seen:
            first = seen[(row.kpi_id, row.measured_on)]
            problems = [f"repeats line {first}" if first else "an actual is already recorded for this KPI and date"]
        if problems:
            errors.append(FieldError(f"line {line}", "; ".join(problems)))
        elif row is not None:
            seen[(row.kpi_id, row.measured_on)] = line
            rows.append(row)
    if errors:
        raise InvalidInput(errors)
    if not rows:
        raise InvalidInput([FieldError("file", "holds a header but no rows")])
    return rows
