"""Sustaining the strategy: review cadence."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from strategy.deliver.plan_window import add_months


def next_review_due(reviews: Sequence[Mapping[str, Any]]) -> date:
    """The last review's date plus its cadence in months (reviews must not be empty)."""
    last = max(reviews, key=lambda r: r["held_on"])
    return add_months(last["held_on"], int(last["cadence_months"]))
