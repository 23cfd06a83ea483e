"""Tracking in the brief: the realised business case beside the plan, each KPI's status and the
funnel's weakest step — the same review as the Tracking page."""

from __future__ import annotations

from collections import Counter

from models.labels import value_label
from models.settings import get_settings
from strategy.brief.content import Facts, Missing, Paragraph, Section, Table, UserText
from strategy.brief.context import BriefContext
from strategy.brief.summarise import TABLE_ROWS, TRACKING_PAGE, lead_in
from strategy.plan.case_text import percent
from strategy.sustain.review import track_review

TITLE = "Tracking and realised benefits"
# The KPIs a board should look at first: those off their path, then those without fresh readings.
SEVERITY = ("off track", "at risk", "stale", "no data", "on track")


def figure(value: float | None) -> str:
    """A KPI reading as people write it: 260,400 and 72.92, never 2.604e+05."""
    if value is None:
        return "—"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.4g}"


def track_section(ctx: BriefContext) -> Section:
    if not ctx.records["measurement"]:
        return Section("tracking", TITLE, (Missing("No KPI actuals recorded yet."),))
    review = track_review(ctx.workspace, ctx.records, ctx.today, get_settings())
    realised, adoption, funnel = review.realised, review.adoption, review.funnel
    facts = [
        ("Realised to date", ctx.money(realised.realised_to_date)),
        ("Forecast NPV", ctx.money(realised.forecast_npv)),
        ("Approved NPV", ctx.money(realised.approved_npv)),
    ]
    if adoption.actual is not None and adoption.planned is not None:
        facts.append(("Adoption (plan)", f"{percent(adoption.actual)} ({percent(adoption.planned)})"))
    behind = [line.name for line in realised.lines if line.behind]
    blocks: list = [
        Facts(tuple(facts)),
        Paragraph(
            "The case recomputed with the adoption actually reached for the months passed and the plan for the "
            "rest" + (f"; benefit lines falling behind: {', '.join(behind)}." if behind else ".")
        ),
    ]
    weakest = funnel.weakest
    rate = None if weakest is None else weakest.recent
    if weakest is not None and rate is not None:
        blocks.append(
            Paragraph(
                f"Funnel: {weakest.from_stage} → {weakest.to_stage} converts {percent(rate)}, the "
                "weakest step and the one to improve next."
            )
        )
    blocks += kpi_status_blocks(review.statuses)
    return Section("tracking", TITLE, tuple(blocks))


def kpi_status_blocks(statuses: tuple) -> list:
    """How many KPIs stand where, then a table of the worst first (last in the section: a long table may
    run on to the next page, a closing line would be left alone)."""
    counts = Counter(s.status for s in statuses)
    worst = sorted(statuses, key=lambda s: SEVERITY.index(s.status))[:TABLE_ROWS]
    return [
        Paragraph(
            "KPIs against their path: "
            + ", ".join(f"{counts[status]:,} {status}" for status in SEVERITY if counts[status])
            + "."
        ),
        *lead_in(len(statuses), len(worst), "KPI", "those furthest off their path first", TRACKING_PAGE),
        Table(
            ("KPI", "Status", "Latest", "On the path"),
            tuple(
                (
                    UserText(s.name),
                    value_label(s.status),
                    figure(s.latest),
                    figure(s.expected),
                )
                for s in worst
            ),
            numeric=frozenset({2, 3}),
        ),
    ]
