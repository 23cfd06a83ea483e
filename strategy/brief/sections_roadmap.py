"""The roadmap in the brief: the same live schedule and Gantt as the Roadmap page, and the first wave."""

from __future__ import annotations

from datetime import timedelta

from models.labels import plural, value_label
from strategy.brief.content import Bullets, Chart, Missing, Paragraph, Section, Table, UserText
from strategy.brief.context import BriefContext
from strategy.charts.roadmap import gantt_chart
from strategy.deliver.roadmap import Roadmap, RoadmapItem, build_roadmap
from strategy.deliver.schedule import quarter_of, quarter_start

MILESTONE_ROOM = timedelta(days=30)  # a due date on a quarter's last day still shows its whole diamond


def _gantts_by_wave(ctx: BriefContext, roadmap: Roadmap) -> list[Chart]:
    """One Gantt a wave, every row drawn, so each image fits a page instead of one 40,000 px strip; each
    spans its own wave's quarters, so short bars stay wide enough to read; the last also shows the
    objectives' due dates, each a row of its own."""
    waves: dict[int | None, list[RoadmapItem]] = {}
    for item in roadmap.items:
        waves.setdefault(item.initiative["wave"], []).append(item)
    due = [o for o in ctx.records["objective"] if o["due_date"]]
    charts = []
    for n, (wave, items) in enumerate(waves.items()):
        milestones = due if n == len(waves) - 1 else []
        start, end = min(i.start for i in items), max(i.end for i in items)
        latest = max([end, *(o["due_date"] for o in milestones)]) + MILESTONE_ROOM
        figure = gantt_chart(
            items,
            milestones,
            roadmap.late,
            colour_by="status",
            plan_start=quarter_start(quarter_of(start)),
            plan_end=quarter_start(quarter_of(latest) + 1) - timedelta(days=1),
            today=ctx.today,
            window=None,
            wrap=True,
        )
        charts.append(
            Chart(
                "Roadmap" if len(waves) == 1 else f"Roadmap: wave {wave or '–'}",
                figure,
                f"{plural(len(items), 'initiative')} from {start:%b %Y} to {end:%b %Y}.",
                height=200 + 56 * (len(items) + len(milestones)),
            )
        )
    return charts


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
