"""Data decays: people move, change jobs, marry or die. Pure maths of how fast records go stale."""

from __future__ import annotations

import math
from datetime import date


def accurate_share(annual_decay_rate: float, years: float) -> float:
    """Share of records still accurate after some years, decaying at a constant annual rate."""
    if not 0 <= annual_decay_rate <= 1:
        raise ValueError("the annual decay rate is a share between 0 and 1")
    if years < 0:
        raise ValueError("years cannot be negative")
    return (1 - annual_decay_rate) ** years


def half_life_years(annual_decay_rate: float) -> float | None:
    """Years until half the records are stale; None when the data does not decay."""
    if annual_decay_rate <= 0:
        return None
    if annual_decay_rate >= 1:
        return 0.0
    return math.log(0.5) / math.log(1 - annual_decay_rate)


def stale_records(
    record_count: int,
    annual_decay_rate: float,
    last_cleansed: date | None,
    today: date,
    *,
    never_cleansed_years: float = 3.0,
) -> int:
    """Records estimated stale today; data never cleansed is assumed a few years old."""
    years = (today - last_cleansed).days / 365.25 if last_cleansed else never_cleansed_years
    return round(record_count * (1 - accurate_share(annual_decay_rate, max(years, 0.0))))
