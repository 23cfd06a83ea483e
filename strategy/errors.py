"""Errors a person can act on: each message is shown to them as it stands."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from models.labels import SHARES, field_label

# Pydantic's error types as what to do, in words that follow the field's label.
ADVICE = {
    "missing": "is required",
    "greater_than": "must be more than {gt}",
    "greater_than_equal": "must be {ge} or more",
    "less_than": "must be less than {lt}",
    "less_than_equal": "must be {le} or less",
    "string_too_short": "must be at least {min_length} characters",
    "string_too_long": "must be {max_length} characters or fewer",
    "too_long": "can hold at most {max_length} entries",
    "int_parsing": "must be a whole number",
    "float_parsing": "must be a number",
    "date_from_datetime_parsing": "must be a date (DD/MM/YYYY)",
}


class WorkbenchError(Exception):
    """Base of every error the views show instead of a traceback."""


@dataclass(frozen=True)
class FieldError:
    """One problem with one field; path is dotted for nested input (e.g. needs[2].severity)."""

    path: str
    message: str

    def __str__(self) -> str:
        """One sentence naming the field as the forms label it: 'Title is required.'"""
        if not self.path:
            return _sentence(self.message)
        where, _, name = self.path.rpartition(".")
        label = field_label(name.split("[")[0])
        prefix = f"{where} · " if where else ""
        joiner = " " if self.message.split(" ")[0] in ("is", "must", "can") else ": "
        return _sentence(f"{prefix}{label}{joiner}{self.message}")


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else f"{text}."


class InvalidInput(WorkbenchError):
    """Input that breaks a rule; nothing was written."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


class StaleVersion(WorkbenchError):
    """Someone else saved the record after it was opened; the edit was not saved."""


class NotFound(WorkbenchError):
    """The record or workspace does not exist (or belongs to another workspace)."""


class Busy(WorkbenchError):
    """The database stayed locked by other writers through every retry; nothing was saved."""


class ChartFailed(WorkbenchError):
    """A chart could not be drawn (in time) for a brief; the message names it."""


class Conflict(WorkbenchError):
    """The change would break something that depends on the record."""


def field_errors(exc: ValidationError, prefix: str = "") -> list[FieldError]:
    """Pydantic's errors as FieldErrors, with the path written the way a person reads it."""
    found = []
    for error in exc.errors():
        path = prefix
        for part in error["loc"]:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        share = any(part in SHARES for part in error["loc"] if isinstance(part, str))
        found.append(FieldError(path, advice(error, share)))
    return found


def advice(error: ErrorDetails, share: bool = False) -> str:
    """What to do about one pydantic error, e.g. 'is required' for an empty required text; a bound
    of a field stored as a fraction is said as the form shows it, a percentage."""
    context = error.get("ctx", {})
    if share:
        context = {k: f"{v * 100:g} %" if isinstance(v, int | float) else v for k, v in context.items()}
    if error["type"] == "string_too_short" and context.get("min_length") == 1:
        return "is required"
    template = ADVICE.get(error["type"])
    if template is None:
        return error["msg"].removeprefix("Value error, ")
    plain = {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in context.items()}
    return template.format(**plain)
