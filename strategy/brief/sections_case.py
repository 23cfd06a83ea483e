"""The business case in the brief: the same figures and charts as the Business case page."""

from __future__ import annotations

from strategy.brief.content import Chart, Facts, Missing, Paragraph, Section, Table
from strategy.brief.context import BriefContext
from strategy.charts.business_case import cash_flow_chart, waterfall_chart
from strategy.plan.business_case import settings_of, value_by_category
from strategy.plan.case_text import irr_text, payback_text, percent, ratio_text, roi_text


def headline_facts(ctx: BriefContext) -> Facts:
    case = ctx.case
    return Facts(
        (
            ("NPV (risk-adjusted)", ctx.money(case.npv)),
            ("ROI", roi_text(case.roi)),
            ("Payback", payback_text(case.payback_months)),
            ("Benefit/cost", ratio_text(case.benefit_cost_ratio)),
            ("IRR", irr_text(case.irr)),
        )
    )


def case_section(ctx: BriefContext) -> Section:
    if not ctx.records["cost"] and not ctx.records["benefit"]:
        return Section("case", "Business case", (Missing("No costs or benefits recorded yet."),))
    ws, case, risk = ctx.workspace, ctx.case, ctx.risk
    blocks: list = [
        headline_facts(ctx),
        Paragraph(
            f"Over {ws.horizon_years} years at a {percent(ws.discount_rate)} discount rate, with benefits cut by "
            f"{percent(ws.benefit_risk)} and costs raised by {percent(ws.cost_risk)} for risk, and benefits "
            "scaled by the adoption ramp where they depend on people using the system."
        ),
        Table(
            ("Year", "Benefits", "Costs", "Net", "Cumulative net", "Discounted net"),
            tuple(
                (
                    str(r.year),
                    ctx.money(r.benefits),
                    ctx.money(r.costs),
                    ctx.money(r.net),
                    ctx.money(r.cumulative_net),
                    ctx.money(r.discounted_net),
                )
                for r in case.table
            ),
            numeric=frozenset(range(6)),
        ),
        Paragraph(
            f"Risk range ({risk.runs:,} Monte Carlo runs over every line's low/likely/high): NPV P10 "
            f"{ctx.money(risk.p10)}, P50 {ctx.money(risk.p50)}, P90 {ctx.money(risk.p90)}; the chance of a "
            f"positive NPV is {percent(risk.probability_positive)}."
        ),
        Chart(
            "Cash flow by year", cash_flow_chart(case, ws.currency), f"Payback: {payback_text(case.payback_months)}."
        ),
        Chart(
            "From costs to benefits to NPV",
            waterfall_chart(
                value_by_category(settings_of(ws), ctx.records["cost"], ctx.records["benefit"]), case.npv, ws.currency
            ),
            f"Benefits worth {ctx.money(case.pv_benefits)} against costs of {ctx.money(case.pv_costs)} today: "
            f"a risk-adjusted NPV of {ctx.money(case.npv)}.",
        ),
    ]
    return Section("case", "Business case", tuple(blocks))
