"""Health checks on keeping the strategy alive: a change committee that decides, retention rules
that mind personal data, and reviews on cadence."""

from __future__ import annotations

from models.labels import DATE_TEXT
from strategy.health.types import Check, HealthInput, HealthResult, quoted
from strategy.sustain.reviews import next_review_due


def change_control(inp: HealthInput) -> HealthResult:
    changes = inp.records["change_request"]
    if not changes:
        return HealthResult("fail", "no change requests recorded: changes are not going through a committee")
    waiting = [c for c in changes if c["status"] == "submitted"]
    decided = len(changes) - len(waiting)
    assessed = [c for c in changes if c["impact_assessment"].strip()]
    evidence = f"{len(changes)} change requests, {decided} decided, {len(assessed)} with an impact assessment"
    if not decided:
        return HealthResult("fail", evidence + ": a committee that never decides is not change control")
    limit = inp.settings.health_change_max_wait_days
    stuck = [c["title"] for c in waiting if (inp.today - c["raised_on"]).days > limit]
    if stuck:
        return HealthResult("warn", f"{evidence}; waiting more than {limit} days for a decision: {quoted(stuck)}")
    if len(assessed) < len(changes):
        return HealthResult("warn", evidence + ": assess every change's knock-on effects before deciding")
    return HealthResult("pass", evidence)


def data_retention(inp: HealthInput) -> HealthResult:
    datasets = inp.records["dataset"]
    if not datasets:
        return HealthResult("fail", "no datasets recorded: nobody owns the data's decay and retention")
    limit = inp.settings.health_personal_retention_months
    personal = [d for d in datasets if d["personal_data"]]
    unruled_personal = [d["name"] for d in personal if d["retention_months"] is None]
    unruled_other = [d["name"] for d in datasets if not d["personal_data"] and d["retention_months"] is None]
    hoarded = [d["name"] for d in personal if (d["retention_months"] or 0) > limit]
    evidence = f"{len(datasets)} datasets, {len(personal)} holding personal data"
    if unruled_personal:
        return HealthResult("fail", f"{evidence}; personal data with no retention rule: {quoted(unruled_personal)}")
    problems = [f"no retention rule: {quoted(unruled_other)}"] if unruled_other else []
    problems += [f"personal data kept longer than {limit} months: {quoted(hoarded)}"] if hoarded else []
    if problems:
        return HealthResult("warn", "; ".join([evidence, *problems]))
    return HealthResult("pass", f"{evidence}; every dataset has a retention rule, personal data {limit} months at most")


def review_cadence(inp: HealthInput) -> HealthResult:
    records = inp.records
    reviews = records["review"]
    if not reviews:
        return HealthResult("fail", "no strategy review has been held")
    due = next_review_due(reviews)
    if due < inp.today:
        return HealthResult("fail", f"the next review was due by {due:{DATE_TEXT}} and has not been held")
    return HealthResult("pass", f"{len(reviews)} reviews held; the next is due by {due:{DATE_TEXT}}")


CHECKS = (
    Check("HEALTH-CHANGE", "A change committee that decides", "pages/sustain.py", change_control),
    Check("HEALTH-DATA", "Retention rules, strictest on personal data", "pages/sustain.py", data_retention),
    Check("HEALTH-REVIEW", "Reviews on cadence", "pages/sustain.py", review_cadence),
)
