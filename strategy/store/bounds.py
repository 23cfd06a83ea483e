"""Bounds every stored value keeps, whatever its field: dates in the plan's sensible range, numbers
finite and within a stated maximum, text free of control characters. Checked by the record services,
the workspace service and the importer, so a value that would break a page or an export later is
refused now, naming its field."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from strategy.errors import FieldError

EARLIEST = date(1900, 1, 1)
LATEST = date(2200, 12, 31)
LARGEST = 1e12  # no CRM plan counts past a trillion in any unit
# C0 controls except tab, line feed and carriage return; DEL; C1 controls; lone surrogates.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def value_problem(value: Any) -> str | None:
    """Why a single value cannot be stored, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        if not EARLIEST <= day <= LATEST:
            return f"dates run from {EARLIEST.year} to {LATEST.year}; {value.isoformat()} is outside"
    elif isinstance(value, float) and not math.isfinite(value):
        return "must be a finite number"
    elif isinstance(value, int | float) and abs(value) > LARGEST:
        return f"must be between -{LARGEST:,.0f} and {LARGEST:,.0f}"
    elif isinstance(value, str) and (found := CONTROL.search(value)):
        return f"contains a control character (U+{ord(found.group()):04X}); remove it"
    return None


def out_of_bounds(data: Any, path: str = "") -> list[FieldError]:
    """Every value in nested dicts and lists that breaks a bound, with its dotted path."""
    if isinstance(data, Mapping):
        return [e for k, v in data.items() for e in out_of_bounds(v, f"{path}.{k}" if path else str(k))]
    if isinstance(data, list | tuple):
        return [e for n, v in enumerate(data) for e in out_of_bounds(v, f"{path}[{n}]")]
    problem = value_problem(data)
    return [FieldError(path, problem)] if problem else []


def not_yet_named(found: list[FieldError], named: list[FieldError]) -> list[FieldError]:
    """The errors of `found` on fields `named` has not already explained (one message a field)."""
    taken = {error.path for error in named}
    return [error for error in found if error.path not in taken]
