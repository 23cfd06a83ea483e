"""Hypothesis strategies for whole workspace documents with consistent references."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

# Any printable text, markup and formula prefixes included: the format must carry it unchanged.
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() == s and s != ""
)
SCORE = st.integers(1, 5)
MONEY = st.floats(0, 1e7, allow_nan=False).map(lambda x: round(x, 2))
DAY = st.dates(date(2025, 1, 1), date(2031, 12, 31))


@st.composite
def amounts(draw: st.DrawFn) -> dict[str, float]:
    low, likely, high = sorted(draw(st.lists(MONEY, min_size=3, max_size=3)))
    return {"low": low, "likely": likely, "high": high}


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    horizon = draw(st.integers(3, 5))
    doc: dict[str, Any] = {
        "workspace": {"name": draw(TEXT), "plan_start": draw(DAY).isoformat(), "horizon_years": horizon},
    }
    people = [f"s{i}" for i in range(draw(st.integers(0, 4)))]
    doc["stakeholders"] = [
        {
            "key": k,
            "name": draw(TEXT),
            "department": draw(TEXT),
            "influence": draw(SCORE),
            "is_champion": draw(st.booleans()),
            "backup": draw(st.sampled_from([None, *people])),
        }
        for k in people
    ]
    priorities = [f"p{i}" for i in range(draw(st.integers(0, 3)))]
    doc["priorities"] = [{"key": k, "title": draw(TEXT), "position": n} for n, k in enumerate(priorities)]
    needs = [f"n{i}" for i in range(draw(st.integers(0, 5)))]
    doc["needs"] = [
        {
            "key": k,
            "title": draw(TEXT),
            "department": draw(TEXT),
            "kind": draw(st.sampled_from(["pain", "opportunity"])),
            "severity": draw(SCORE),
            "reach": draw(SCORE),
            "annual_value": draw(st.none() | MONEY),
            "priority": draw(st.sampled_from([None, *priorities])),
        }
        for k in needs
    ]
    objectives = [f"o{i}" for i in range(draw(st.integers(0, 3)))]
    doc["objectives"] = [
        {
            "key": k,
            "title": draw(TEXT),
            "baseline": draw(st.none() | MONEY),
            "target": draw(st.none() | MONEY),
            "owner": draw(st.sampled_from([None, *people])),
            "needs": draw(st.lists(st.sampled_from(needs), unique=True)) if needs else [],
        }
        for k in objectives
    ]
    kpis = [f"k{i}" for i in range(draw(st.integers(0, 4)))] if objectives else []
    doc["kpis"] = [
        {
            "key": k,
            "name": draw(TEXT),
            "objective": draw(st.sampled_from(objectives)),
            "kind": draw(st.sampled_from(["leading", "lagging"])),
            "leads_kpi": draw(st.sampled_from([None, *kpis])),
            "category": draw(st.sampled_from([None, "customer_intimacy", "general"])),
        }
        for k in kpis
    ]
    initiatives = [f"i{i}" for i in range(draw(st.integers(0, 4)))]
    # Each initiative may wait only for earlier ones: a ring is refused on import, as in the app.
    doc["initiatives"] = [
        {
            "key": k,
            "title": draw(TEXT),
            "effort": draw(st.integers(0, 50)),
            "depends_on": draw(st.lists(st.sampled_from(initiatives[:n]), unique=True)) if n else [],
        }
        for n, k in enumerate(initiatives)
    ]
    doc["costs"] = [
        {
            "key": f"c{i}",
            "name": draw(TEXT),
            "start_year": draw(st.integers(0, horizon)),
            **draw(amounts()),
            "recurrence": draw(st.sampled_from(["one_off", "recurring"])),
            "initiative": draw(st.sampled_from([None, *initiatives])),
        }
        for i in range(draw(st.integers(0, 3)))
    ]
    doc["benefits"] = [
        {
            "key": f"b{i}",
            "name": draw(TEXT),
            "start_year": draw(st.integers(1, horizon)),
            **draw(amounts()),
            "objective": draw(st.sampled_from([None, *objectives])),
        }
        for i in range(draw(st.integers(0, 3)))
    ]
    if draw(st.booleans()):
        doc["vision"] = {"statement": draw(TEXT)}
    return doc
