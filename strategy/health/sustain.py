"""Health checks on keeping the strategy alive: change control, data retention, review cadence,
and whether the KPIs measure what the lead value discipline promises."""

from __future__ import annotations

from strategy.health.types import Check, HealthInput, HealthResult
from strategy.sustain.reviews import next_review_due

# What each value discipline's KPIs should measure, by words in the KPI's name or library key.
DISCIPLINE_SIGNALS: dict[str, tuple[str, ...]] = {
    "customer_intimacy": (
        "retention",
        "renewal",
        "share of wallet",
        "satisfaction",
        "nps",
        "won back",
        "lapse",
        "spend per",
        "loyalty",
    ),
    "operational_excellence": (
        "cost to serve",
        "cycle time",
        "first-contact",
        "first contact",
        "handling time",
        "resolution",
        "cost per",
    ),
    "product_leadership": ("time to market", "new-product", "new product", "launch", "innovation"),
}


def change_control(inp: HealthInput) -> HealthResult:
    records = inp.records
    changes = records["change_request"]
    decided = [c for c in changes if c["status"] != "submitted"]
    assessed = [c for c in changes if c["impact_assessment"].strip()]
    evidence = f"{len(changes)} change requests, {len(decided)} decided, {len(assessed)} with an impact assessment"
    if not changes:
        return HealthResult("fail", "no change requests recorded: changes are not going through a committee")
    if len(assessed) < len(changes):
        return HealthResult("warn", evidence + ": assess every change's knock-on effects before deciding")
    return HealthResult("pass", evidence)


def data_retention(inp: HealthInput) -> HealthResult:
    records = inp.records
    datasets = records["dataset"]
    ruled = [d for d in datasets if d["retention_months"] is not None]
    if not datasets:
        return HealthResult("fail", "no datasets recorded: nobody owns the data's decay and retention")
    missing = [d["name"] for d in datasets if d["retention_months"] is None]
    if missing:
        return HealthResult(
            "warn", f"{len(ruled)} of {len(datasets)} datasets have a retention rule; missing: {', '.join(missing)}"
        )
    return HealthResult("pass", f"all {len(datasets)} datasets have a retention rule")


def review_cadence(inp: HealthInput) -> HealthResult:
    records = inp.records
    reviews = records["review"]
    if not reviews:
        return HealthResult("fail", "no strategy review has been held")
    due = next_review_due(reviews)
    if due < inp.today:
        return HealthResult("fail", f"the next review was due by {due:%d %b %Y} and has not been held")
    return HealthResult("pass", f"{len(reviews)} reviews held; the next is due by {due:%d %b %Y}")


def discipline_in_kpis(inp: HealthInput) -> HealthResult:
    records = inp.records
    direction = records["direction"][0] if records["direction"] else None
    lead = direction["lead_discipline"] if direction else None
    if not lead:
        return HealthResult("fail", "no lead value discipline chosen")
    signals = DISCIPLINE_SIGNALS[lead]
    matching = [
        k["name"]
        for k in records["kpi"]
        if any(s in f"{k['name']} {k['library_key'] or ''}".lower().replace("_", " ") for s in signals)
    ]
    label = lead.replace("_", " ")
    if not matching:
        return HealthResult("fail", f"{label} leads, but no KPI measures it (look for {', '.join(signals[:3])} …)")
    return HealthResult("pass", f"{label} leads; {len(matching)} KPIs measure it: {', '.join(matching[:3])}")


CHECKS = (
    Check("HEALTH-CHANGE", "Change control in use", "pages/sustain.py", change_control),
    Check("HEALTH-DATA", "Data retention rules set", "pages/sustain.py", data_retention),
    Check("HEALTH-REVIEW", "Reviews on cadence", "pages/sustain.py", review_cadence),
    Check("HEALTH-DISCIPLINE", "Lead value discipline reflected in the KPIs", "pages/kpis.py", discipline_in_kpis),
)
