"""Dates of the plan window: start, end and which plan year a day falls in."""

from __future__ import annotations

from datetime import date, timedelta


def add_years(day: date, years: int) -> date:
    """The same calendar day some years on (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    """The same day some months on, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 28th")


def plan_end(start: date, horizon_years: int) -> date:
    """The last day of the plan."""
    return add_years(start, horizon_years) - timedelta(days=1)


def plan_year(start: date, horizon_years: int, day: date) -> int | str:
    """1 … horizon for a day inside the plan, else 'not started' or 'ended'."""
    if day < start:
        return "not started"
    if day > plan_end(start, horizon_years):
        return "ended"
    year = 1
    while add_years(start, year) <= day:
        year += 1
    return year
