"""Every page of the sample speaks in words a person uses: no table header, cell, option, label,
tile or chart text shows a stored field name (`requested_by`), a raw enum value (`lagging`,
`wish_list`), the string "None" or a day written otherwise than '01 Dec 2026'."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from typing import Any

import pytest
from sqlmodel import SQLModel

import models.base
import models.track
import models.workshop
from models.labels import DATE_COLUMN
from tests.conftest import open_app

PAGES = (
    "home", "workspaces", "needs", "stakeholders", "vision", "direction", "capabilities", "objectives",
    "kpis", "business_case", "initiatives", "roadmap", "sustain", "tracking", "feedback", "workshop",
    "health", "brief", "method",
)  # fmt: skip

FIELDS = {
    name
    for table in SQLModel.metadata.tables.values()
    for name in table.columns.keys()  # noqa: SIM118 - a ColumnCollection is not a mapping
    if "_" in name
}
ENUM_VALUES = {
    member.value
    for module in (models.base, models.track, models.workshop)
    for kind in vars(module).values()
    if isinstance(kind, type) and issubclass(kind, StrEnum) and kind is not StrEnum
    for member in kind
}
RAW_WORDS = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, FIELDS | {v for v in ENUM_VALUES if "_" in v}))) + r")\b"
)
ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _texts(node: Any) -> Iterator[tuple[str, str]]:
    """(where, text) for everything the element tree shows a reader."""
    for child in getattr(node, "children", {}).values():
        kind = getattr(child, "type", "")
        for attr in ("label", "value") if kind in {"markdown", "caption", "title", "header", "metric"} else ("label",):
            text = getattr(child, attr, None)
            if isinstance(text, str):
                yield kind, text
        if kind == "metric":
            yield kind, str(child.value)
        for option in getattr(child, "options", None) or ():
            yield f"{kind} option", str(option)
        if kind == "dataframe":
            yield from _frame(child)
        if kind == "plotly_chart":
            yield from _chart(json.loads(child.proto.spec))
        yield from _texts(child)


def _frame(element: Any) -> Iterator[tuple[str, str]]:
    config = json.loads(element.proto.columns or "{}")
    frame = element.value
    for column in frame.columns:
        shown = config.get(str(column)) or {}
        if shown.get("hidden"):
            continue
        yield "table header", str(shown.get("label") or column)
        if any(isinstance(cell, date) for cell in frame[column]):
            yield f"table dates {column}", (shown.get("type_config") or {}).get("format") or "Streamlit's default"
        if frame[column].dtype == object:
            for cell in frame[column]:
                if isinstance(cell, date):
                    continue  # a day is shown by the column's format, checked above
                yield f"table cell {column}", element.proto.placeholder or "None" if cell is None else str(cell)


def _chart(spec: dict[str, Any]) -> Iterator[tuple[str, str]]:
    layout = spec.get("layout", {})
    for key, axis in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            yield "chart axis", str((axis.get("title") or {}).get("text") or "")
            for tick in axis.get("ticktext") or ():
                yield "chart tick", str(tick)
    for trace in spec.get("data", []):
        yield "chart legend", str(trace.get("name") or "")
        for key in ("x", "y", "text", "labels"):
            values = trace.get(key)
            if isinstance(values, list):  # days on a time axis are coordinates, written by the axis's format
                yield from (("chart text", v) for v in values if isinstance(v, str) and not ISO_DAY.fullmatch(v[:10]))


def raw_words(where: str, text: str) -> list[str]:
    found = [f"{where}: {match} in {text[:60]!r}" for match in RAW_WORDS.findall(text)]
    if where.startswith("table dates") and text != DATE_COLUMN:
        found.append(f"{where}: days written as {text}, not as {DATE_COLUMN}")
    if re.search(r"\b\d{4}[-/]\d\d[-/]\d\d\b", text):
        found.append(f"{where}: a day written year first in {text[:60]!r}, not as {DATE_COLUMN}")
    if re.search(r"\bNone\b", text):
        found.append(f"{where}: None in {text[:60]!r}")
    exact = where.startswith(("table cell", "table header", "chart", "metric", "selectbox option", "radio option"))
    if exact and text in ENUM_VALUES and text.islower():
        found.append(f"{where}: raw value {text!r}")
    return found


@pytest.mark.parametrize("page", PAGES)
def test_the_page_shows_words_not_field_names(app_db, page: str):
    at = open_app(f"pages/{page}.py")
    assert not at.exception, at.exception
    found = [problem for where, text in _texts(at.main) for problem in raw_words(where, text)]
    assert not found, found
