"""Actual adoption per month, from the library's adoption KPIs: active ÷ licensed users when both
are tracked, else the adoption rate KPI (in %)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from strategy.plan.realised import month_index
from strategy.sustain.funnel import monthly_values

Record = Mapping[str, Any]


def library_kpi(kpis: Sequence[Record], key: str) -> Record | None:
    return next((k for k in kpis if k.get("library_key") == key), None)


def adoption_actuals(kpis: Sequence[Record], measurements: Sequence[Record], start: date) -> dict[int, float]:
    """Adoption share (0-1) per plan month (month 1 is the plan start's month)."""
    licensed, active = library_kpi(kpis, "licensed_users"), library_kpi(kpis, "active_users")
    rate = library_kpi(kpis, "adoption_rate")
    if licensed is not None and active is not None:
        users, working = monthly_values(measurements, licensed["id"]), monthly_values(measurements, active["id"])
        shares = {m: working[m] / users[m] for m in users.keys() & working.keys() if users[m] > 0}
    elif rate is not None:
        shares = {m: value / 100 for m, value in monthly_values(measurements, rate["id"]).items()}
    else:
        return {}
    found = {month_index(start, date(y, m, 1)): min(max(v, 0.0), 1.0) for (y, m), v in shares.items()}
    return {month: share for month, share in found.items() if month >= 1}
