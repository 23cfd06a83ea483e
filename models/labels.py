"""The one place that names every field and value for people: tables, forms, charts, CLI text and
the brief say "Requested by", "Wish list" and "KPI", never `requested_by`, `wish_list` or `kpi`.

Names read well after a plain rule (underscores to spaces, a reference's `_id` dropped, first letter
up); the tables below hold the words the rule cannot guess.
"""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date
from enum import Enum
from functools import cache

from sqlalchemy import Date
from sqlmodel import SQLModel

FIELD_WORDS: dict[str, str] = {
    "annual_decay_rate": "Yearly decay",
    "annual_value": "Value a year",
    "backup_id": "Backup champion",
    "cadence_months": "Every (months)",
    "continuum_current": "CRM seen as (today)",
    "continuum_target": "CRM seen as (target)",
    "depends_on_ids": "Depends on",
    "duration_weeks": "Duration (weeks)",
    "good_direction": "Good direction",
    "is_champion": "Champion",
    "is_power_user": "Power user",
    "is_sponsor": "Sponsor",
    "kpi_id": "KPI",
    "lag_months": "Lag (months)",
    "leads_kpi_id": "Leads KPI",
    "library_key": "Library entry",
    "personal_data": "Holds personal data",
    "record_count": "Records",
    "retention_months": "Keep for (months)",
    "value_score": "Value (1-5)",
    "wiifm": "What's in it for them",
}

VALUE_WORDS: dict[str, str] = {
    "it": "IT",
    "one_off": "One-off",
    "up": "Up is good",
    "down": "Down is good",
    "gartner": "Gartner's eight building blocks",
    "core": "Culture, people, process, technology",
}

# Fields stored as a fraction (0.18) and shown as a percentage (18 %); counts shown with separators.
SHARES = frozenset({"annual_decay_rate", "completeness", "discount_rate", "benefit_risk", "cost_risk"})
COUNTS = frozenset({"record_count"})

# One way to write a day everywhere: "01 Dec 2026" in text and tables; date pickers (which offer
# only numeric layouts) put the day first too.
DATE_TEXT = "%d %b %Y"
DATE_COLUMN = "DD MMM YYYY"  # the same, in the notation Streamlit's table columns use
DATE_INPUT = "DD/MM/YYYY"

# What an empty value reads as, in tables (Streamlit's own default is "None") and in text.
MISSING = "—"

ACRONYMS = {"kpi": "KPI", "kpis": "KPIs", "it": "IT", "crm": "CRM", "npv": "NPV", "roi": "ROI", "irr": "IRR"}


def _words(name: str) -> str:
    words = [ACRONYMS.get(word, word) for word in name.split("_") if word]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def field_label(name: str) -> str:
    """What the forms call a field: 'requested_by' → 'Requested by', 'owner_id' → 'Owner'."""
    if name in FIELD_WORDS:
        return FIELD_WORDS[name]
    if name.endswith("_ids"):
        return _words(name.removesuffix("_ids")) + "s"
    return _words(name.removesuffix("_id"))


def value_label(value: object) -> str:
    """A stored value as words: 'wish_list' → 'Wish list', True → 'Yes', None → '—'."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Enum):
        value = value.value
    text = str(value)
    return VALUE_WORDS.get(text, _words(text))


@cache
def date_fields() -> frozenset[str]:
    """Every stored field that holds a day, read from the tables (so a new date field is found)."""
    import models.tables  # noqa: F401  (every table on the metadata, not only those imported so far)

    return frozenset(
        column.name
        for table in SQLModel.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, Date)
    )


def day_text(day: date | None) -> str:
    return MISSING if day is None else f"{day:{DATE_TEXT}}"


def number_text(value: float) -> str:
    """A figure as people write it: 261,500 · 71.2 · 73.12 · −4 (never 2.615e+05 or 58000)."""
    text = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace("-", "−")


def plural(count: int, noun: str, many: str | None = None) -> str:
    """A count with its noun agreeing and thousands separated: '1 sponsor', '1,200 members'."""
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"


LOWER_TOKEN = re.compile(r"^[a-z][a-z0-9_]*$")


def value_text(name: str, value: object) -> str:
    """A stored value of a field as a sentence shows it: 40 %, 01 Dec 2026, “Quotes take a week”, Yes."""
    if value is None or value == "":
        return MISSING
    if isinstance(value, bool | Enum):
        return value_label(value)
    if isinstance(value, int | float):
        return f"{value * 100:g} %" if name in SHARES else number_text(value)
    if isinstance(value, list | tuple):
        return ", ".join(value_text(name, item) for item in value) or "none"
    if isinstance(value, date):
        return day_text(value)
    text = str(value)
    if name in date_fields():
        with suppress(ValueError):
            return day_text(date.fromisoformat(text))
    if LOWER_TOKEN.match(text):  # a stored choice such as wish_list
        return value_label(text)
    return f"“{text if len(text) <= 60 else text[:59] + '…'}”"


def change_text(name: str, before: object, after: object) -> str:
    """One field's change in words: 'Target changed from 40 to 45'."""
    return f"{field_label(name)} changed from {value_text(name, before)} to {value_text(name, after)}"
