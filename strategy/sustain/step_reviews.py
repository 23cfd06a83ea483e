"""When each journey step was last reviewed, and which are overdue (pure: plain records in)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from strategy.deliver.plan_window import add_months

STEPS = ("discover", "define", "plan", "deliver", "sustain")


@dataclass(frozen=True)
class StepAge:
    step: str
    reviewed_on: date | None
    overdue: bool


def step_ages(reviews: Sequence[Mapping[str, Any]], today: date, months: int) -> list[StepAge]:
    """Every journey step with its last review; overdue when never reviewed or older than the cadence."""
    last = {r["step"]: r["reviewed_on"] for r in reviews}
    return [StepAge(step, last.get(step), step not in last or add_months(last[step], months) < today) for step in STEPS]
