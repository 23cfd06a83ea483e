"""Everything a brief reads, gathered once: the workspace, its records and the date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from models.workspace import Workspace
from strategy.formatting import money


@dataclass(frozen=True)
class BriefContext:
    workspace: Workspace
    records: dict[str, list[dict[str, Any]]]
    today: date

    def money(self, amount: float | None) -> str:
        return money(amount, self.workspace.currency)

    def by_id(self, kind: str) -> dict[int, dict[str, Any]]:
        return {record["id"]: record for record in self.records[kind]}

    def name_of(self, kind: str, record_id: int | None, field: str = "title") -> str:
        found = self.by_id(kind).get(record_id) if record_id is not None else None
        return str(found[field]) if found else "—"
