"""One line of the benchmark's table, in a module of its own: `python -m strategy` registers the
bench command with it, without loading what the benchmark measures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Row:
    """One line of the table: a figure, and the budget it is held to (None: no budget)."""

    group: str
    name: str
    value: float | None
    unit: str = "ms"
    budget: float | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        if self.budget is None or self.value is None:
            return ""
        return "✓" if self.value <= self.budget else "✗"
