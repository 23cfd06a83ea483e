"""The brief's tracking section: the realised case beside the approved one, KPI statuses, the funnel."""

from __future__ import annotations

from datetime import date

from strategy.brief.builder import build_brief
from strategy.brief.content import Facts, Table


def test_the_brief_sets_the_forecast_npv_beside_the_approved_one_and_lists_statuses(engine, sample):
    brief = build_brief(engine, sample.id, sections=["tracking"], today=date(2026, 12, 1))
    [section] = brief.sections
    facts = dict(next(b for b in section.blocks if isinstance(b, Facts)).items)
    assert facts["Forecast NPV"] != facts["Approved NPV"] and facts["Realised to date"].startswith("£")
    rows = {row[0]: row[1] for row in next(b for b in section.blocks if isinstance(b, Table)).rows}
    assert rows["Renewal rate"] == "Off track" and rows["Members won back"] == "Stale"
    text = " ".join(getattr(b, "text", "") for b in section.blocks)
    assert "Joined → First purchase" in text and "Renewal margin from lower lapse" in text
