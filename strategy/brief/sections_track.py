"""Tracking in the brief: the realised business case beside the plan, each KPI's status and the
funnel's weakest step — the same review as the Tracking page."""

from __future__ import annotations

from models.labels import value_label
from models.settings import get_settings
from strategy.brief.content import Facts, Missing, Paragraph, Section, Table, UserText
from strategy.brief.context import BriefContext
from strategy.plan.case_text import percent
from strategy.sustain.review import track_review

TITLE = "Tracking and realised benefits"


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
    blocks.append(  # last: a long table may run on to the next page, a closing line would be left alone
        Table(
            ("KPI", "Status", "Latest", "On the path"),
            tuple(
                (
                    UserText(s.name),
                    value_label(s.status),
                    figure(s.latest),
                    figure(s.expected),
                )
                for s in review.statuses
            ),
            numeric=frozenset({2, 3}),
        )
    )
    return Section("tracking", TITLE, tuple(blocks))
