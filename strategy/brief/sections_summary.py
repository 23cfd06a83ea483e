"""The executive summary: the need, the vision, the lead discipline, the case and the first wave."""

from __future__ import annotations

from models.labels import plural
from strategy.brief.content import Bullets, Paragraph, Section, UserText
from strategy.brief.context import BriefContext
from strategy.brief.sections_case import headline_facts
from strategy.discover.needs import rank_needs

DISCIPLINE_LABELS = {
    "customer_intimacy": "Customer intimacy",
    "operational_excellence": "Operational excellence",
    "product_leadership": "Product leadership",
}


def first_wave(ctx: BriefContext) -> list[dict]:
    """The initiatives of the earliest wave the roadmap has placed (the pilot)."""
    waves = [i["wave"] for i in ctx.records["initiative"] if i["wave"] is not None]
    return [i for i in ctx.records["initiative"] if waves and i["wave"] == min(waves)]


def summary_section(ctx: BriefContext) -> Section:
    blocks: list = []
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
    if ctx.records["cost"] or ctx.records["benefit"]:
        blocks.append(headline_facts(ctx))
    wave = first_wave(ctx)
    if wave:
        effort = sum(i["effort"] for i in wave)
        blocks.append(
            Paragraph(
                f"We start small: the first wave is {plural(len(wave), 'initiative')}, {effort:g} person-weeks in all."
            )
        )
        blocks.append(Bullets(tuple(UserText(i["title"]) for i in wave)))
    else:
        blocks.append(Paragraph("No initiative has been placed in a first wave yet."))
    return Section("summary", "Executive summary", tuple(blocks))
