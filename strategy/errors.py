"""Errors a person can act on: each message is shown to them as it stands."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError


class WorkbenchError(Exception):
    """Base of every error the views show instead of a traceback."""


@dataclass(frozen=True)
class FieldError:
    """One problem with one field; path is dotted for nested input (e.g. needs[2].severity)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


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
        message = error["msg"].removeprefix("Value error, ")
        found.append(FieldError(path, message))
    return found
