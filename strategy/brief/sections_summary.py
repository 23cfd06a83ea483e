"""The executive summary, one page: the decision asked of the board, the health score and headline
figures, the need, the vision, the lead discipline, the top risks and the first wave."""

from __future__ import annotations

from models.labels import plural
from strategy.brief.content import Bullets, Facts, Paragraph, Section, UserText
from strategy.brief.context import BriefContext
from strategy.brief.sections_case import headline_facts
from strategy.brief.summarise import HEALTH_PAGE, ROADMAP_PAGE, shortened, where_the_rest_are
from strategy.discover.needs import rank_needs
from strategy.health.runner import health_score
from strategy.plan.case_text import percent

TOP_RISKS = 3
FIRST_WAVE_SHOWN = 3  # the pilot's highest-priority initiatives named on the one-page summary
RISK_CHARS = 120  # a risk's evidence on the one-page summary: a line; the Health check page has it whole

DISCIPLINE_LABELS = {
    "customer_intimacy": "Customer intimacy",
    "operational_excellence": "Operational excellence",
    "product_leadership": "Product leadership",
}


def first_wave(ctx: BriefContext) -> list[dict]:
    """The initiatives of the earliest wave the roadmap has placed (the pilot)."""
    waves = [i["wave"] for i in ctx.records["initiative"] if i["wave"] is not None]
    return [i for i in ctx.records["initiative"] if waves and i["wave"] == min(waves)]


def decision(ctx: BriefContext) -> Paragraph:
    """What the board is asked to approve: the first wave and the money the case commits."""
    wave = first_wave(ctx)
    if not wave:
        return Paragraph("Decision asked of the board: none yet; place the first initiatives in a wave on the Roadmap.")
    ask = (
        f"Decision asked of the board: approve the first wave, {plural(len(wave), 'initiative')} "
        f"({sum(i['effort'] for i in wave):g} person-weeks)"
    )
    if ctx.records["cost"]:
        costs = sum(row.costs for row in ctx.case.table)
        ask += (
            f", and a budget of {ctx.money(costs)} over {ctx.workspace.horizon_years} years "
            f"for a risk-adjusted NPV of {ctx.money(ctx.case.npv)}"
        )
    return Paragraph(ask + ".")


def top_risks(ctx: BriefContext) -> tuple[str, ...]:
    """The health check's failures, then its warnings, and the odds the case does not pay."""
    worst = sorted((f for f in ctx.health if f.status != "pass"), key=lambda f: f.status != "fail")
    risks: list[str] = [UserText(shortened(f"{f.title}: {f.evidence}", RISK_CHARS)) for f in worst[:TOP_RISKS]]
    if ctx.records["cost"] and ctx.records["benefit"]:
        odds = percent(1 - ctx.risk.probability_positive)
        risks.append(f"The case does not pay: a {odds} chance of a negative NPV ({ctx.risk.runs:,} simulated runs).")
    return tuple(risks)


def health_facts(ctx: BriefContext) -> Facts:
    score = health_score(ctx.health)
    headline = headline_facts(ctx).items if ctx.records["cost"] or ctx.records["benefit"] else ()
    return Facts((("Strategy health", f"{score:.0f} / 100"), *headline))


def first_wave_bullets(ctx: BriefContext, wave: list[dict]) -> list:
    """The pilot's initiatives by priority; a long wave names its first few and says where the rest are."""
    rank = {p.initiative["id"]: p.rank for p in ctx.roadmap.ranked}
    top = sorted(wave, key=lambda i: (rank.get(i["id"], len(rank) + 1), i["id"]))[:FIRST_WAVE_SHOWN]
    rest = where_the_rest_are(len(wave), len(top), "first-wave initiative", "the highest-priority", ROADMAP_PAGE)
    return [Bullets(tuple(UserText(i["title"]) for i in top)), *([Paragraph(rest)] if rest else [])]


def summary_section(ctx: BriefContext) -> Section:
    blocks: list = [decision(ctx), health_facts(ctx)]
    needs = rank_needs(ctx.records["need"], ctx.votes)
    if needs:
        blocks.append(
            Paragraph("The need: " + "; ".join(f"{r.need['title']} ({r.need['department']})" for r in needs[:3]) + ".")
        )
    else:
        blocks.append(Paragraph("The need: none captured yet."))
    vision = ctx.records["vision"][0] if ctx.records["vision"] else None
    statement = vision["statement"].strip() if vision else ""
    blocks.append(Paragraph(UserText(f"The vision: {statement}") if statement else "The vision: not written yet."))
    direction = ctx.records["direction"][0] if ctx.records["direction"] else None
    lead = direction["lead_discipline"] if direction else None
    blocks.append(
        Paragraph(
            f"We lead on {DISCIPLINE_LABELS[lead].lower()} and hold the other disciplines at threshold."
            if lead
            else "The lead value discipline has not been chosen."
        )
    )
    risks = top_risks(ctx)
    cut = any(r.endswith("…") for r in risks)
    heading = f"Top risks (each in full on the {HEALTH_PAGE} page of the workbench):" if cut else "Top risks:"
    blocks += [Paragraph(heading), Bullets(risks)] if risks else [Paragraph("Top risks: none found.")]
    wave = first_wave(ctx)
    if wave:
        effort = sum(i["effort"] for i in wave)
        blocks.append(
            Paragraph(
                f"We start small: the first wave is {plural(len(wave), 'initiative')}, {effort:g} person-weeks in all."
            )
        )
        blocks += first_wave_bullets(ctx, wave)
    else:
        blocks.append(Paragraph("No initiative has been placed in a first wave yet."))
    return Section("summary", "Executive summary", tuple(blocks))
