"""The roadmap in the brief: the same live schedule and Gantt as the Roadmap page, and the first wave."""

from __future__ import annotations

from models.labels import plural, value_label
from strategy.brief.content import Bullets, Chart, Missing, Paragraph, Section, Table, UserText
from strategy.brief.context import BriefContext
from strategy.charts.roadmap import gantt_chart
from strategy.deliver.roadmap import Roadmap, RoadmapItem, build_roadmap


def _gantts_by_wave(ctx: BriefContext, roadmap: Roadmap) -> list[Chart]:
    """One Gantt a wave, every row drawn, so each image fits a page instead of one 40,000 px strip; the
    last also shows the objectives' due dates, each a row of its own."""
    waves: dict[int | None, list[RoadmapItem]] = {}
    for item in roadmap.items:
        waves.setdefault(item.initiative["wave"], []).append(item)
    last = len(waves) - 1
    return [
        Chart(
            "Roadmap" if len(waves) == 1 else f"Roadmap: wave {wave or '–'}",
            gantt_chart(
                items,
                ctx.records["objective"] if n == last else [],
                roadmap.late,
                colour_by="status",
                plan_start=roadmap.plan_start,
                plan_end=roadmap.plan_end,
                today=ctx.today,
                window=None,
                wrap=True,
            ),
            f"{plural(len(items), 'initiative')} from {min(i.start for i in items):%b %Y} "
            f"to {max(i.end for i in items):%b %Y}.",
            height=200 + 56 * (len(items) + (len(ctx.records["objective"]) if n == last else 0)),
        )
        for n, (wave, items) in enumerate(waves.items())
    ]


def roadmap_section(ctx: BriefContext) -> Section:
    roadmap = build_roadmap(ctx.workspace, ctx.records, ctx.today)
    if not roadmap.items:
        return Section("roadmap", "Roadmap", (Missing("No initiatives have been planned yet."),))
    first = min((i.initiative["wave"] for i in roadmap.items if i.initiative["wave"]), default=None)
    pilot = [i for i in roadmap.items if first is not None and i.initiative["wave"] == first]
    blocks: list = [
        Paragraph(
            f"{plural(len(roadmap.items), 'initiative')} scheduled from {roadmap.items[0].start:%b %Y}; "
            f"{len(roadmap.critical_ids)} on the critical path."
        ),
        *_gantts_by_wave(ctx, roadmap),
    ]
    if pilot:
        blocks.append(
            Paragraph(
                f"The first wave (the pilot): {plural(len(pilot), 'initiative')}, "
                f"{sum(i.initiative['effort'] for i in pilot):g} person-weeks."
            )
        )
        blocks.append(
            Table(
                ("Initiative", "Start", "End", "Effort (pw)", "Status"),
                tuple(
                    (
                        UserText(i.initiative["title"]),
                        f"{i.start:%d %b %Y}",
                        f"{i.end:%d %b %Y}",
                        f"{i.initiative['effort']:g}",
                        value_label(i.initiative["status"]),
                    )
                    for i in pilot
                ),
                numeric=frozenset({3}),
            )
        )
    warnings = [
        *(
            f"'{late.objective['title']}' is due {late.due:%d %b %Y} but its work ends {late.finish:%d %b %Y}"
            for late in roadmap.late
        ),
        *roadmap.issues,
    ]
    if warnings:
        blocks.append(Bullets(tuple(str(w) for w in warnings)))
    return Section("roadmap", "Roadmap", tuple(blocks))
