"""What a table editor sends back: a plain value the pure modules build and the store applies."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class TableEdits:
    """What a table editor sends back: rows added, changed (with the version shown) and deleted."""

    added: list[dict[str, Any]] = field(default_factory=list)
    edited: dict[int, tuple[int, dict[str, Any]]] = field(default_factory=dict)
    deleted: dict[int, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.added or self.edited or self.deleted)
