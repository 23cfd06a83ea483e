"""The vision's coverage: which priorities no objective serves yet, which needs no priority covers.

The vision answers the need; the objectives make the vision measurable. A priority nobody has
turned into an objective is a wish, and a need no priority covers is a pain the plan ignores.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from strategy.discover.needs import need_score
from strategy.errors import FieldError, InvalidInput

Row = Mapping[str, Any]


def ordered(rows: Sequence[Row]) -> list[Row]:
    """Priorities or principles in their stated order (position, then the order they were added)."""
    return sorted(rows, key=lambda r: (r["position"], r["id"]))


def next_position(rows: Sequence[Row]) -> int:
    """The position a newly added priority or principle takes: after the last one."""
    return max((r["position"] for r in rows), default=0) + 1


@dataclass(frozen=True)
class PriorityCoverage:
    """One priority with the needs it covers and the objectives that serve it."""

    priority: Row
    needs: tuple[Row, ...]
    objectives: tuple[Row, ...]

    @property
    def served(self) -> bool:
        return bool(self.objectives)


def priority_coverage(
    priorities: Sequence[Row], needs: Sequence[Row], objectives: Sequence[Row]
) -> list[PriorityCoverage]:
    """Each priority, in order, with its needs (highest score first) and objectives."""
    return [
        PriorityCoverage(
            p,
            tuple(
                sorted(
                    (n for n in needs if n.get("priority_id") == p["id"]),
                    key=lambda n: -need_score(n["severity"], n["reach"], n.get("annual_value")),
                )
            ),
            tuple(o for o in objectives if o.get("priority_id") == p["id"]),
        )
        for p in ordered(priorities)
    ]


def unserved_priorities(priorities: Sequence[Row], objectives: Sequence[Row]) -> list[Row]:
    """Priorities no objective serves yet, in order."""
    served = {o.get("priority_id") for o in objectives}
    return [p for p in ordered(priorities) if p["id"] not in served]


def uncovered_needs(needs: Sequence[Row], priorities: Sequence[Row]) -> list[Row]:
    """Needs that point at no priority of this vision, highest score first."""
    known = {p["id"] for p in priorities}
    loose = [n for n in needs if n.get("priority_id") not in known]
    return sorted(loose, key=lambda n: -need_score(n["severity"], n["reach"], n.get("annual_value")))


def moved_positions(rows: Sequence[Row], record_id: int, step: int) -> dict[int, int]:
    """New positions (1 … n, no gaps) after moving one row `step` places up (-) or down (+).

    Positions are renumbered so duplicates or gaps left by table edits are tidied at the same time.
    """
    ids = [r["id"] for r in ordered(rows)]
    if record_id not in ids:
        raise InvalidInput([FieldError("position", f"record {record_id} is not in this list")])
    start = ids.index(record_id)
    ids.insert(max(0, min(len(ids) - 1, start + step)), ids.pop(start))
    return {rid: place for place, rid in enumerate(ids, start=1)}
