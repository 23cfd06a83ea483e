"""The roadmap in the brief: the same live schedule and Gantt as the Roadmap page, and the first wave.

A Gantt a wave, each of the wave's highest-priority initiatives on a row of its own, so every image fits
its page with type that prints at 9 pt or more; a caption counts the wave's initiatives from the records
and says where the rest are. The pilot's table and the roadmap's checks are summarised the same way."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import plotly.graph_objects as go

from models.labels import plural, value_label
from strategy.brief.content import Bullets, Chart, Missing, Paragraph, Section, Table, UserText
from strategy.brief.context import BriefContext
from strategy.brief.summarise import BULLETS, ROADMAP_PAGE, TABLE_ROWS, lead_in, where_the_rest_are
from strategy.charts.roadmap import gantt_chart
from strategy.deliver.roadmap import Roadmap, RoadmapItem
from strategy.deliver.roadmap_checks import LateObjective
from strategy.deliver.schedule import quarter_of, quarter_start

MILESTONE_ROOM = timedelta(days=30)  # a due date on a quarter's last day still shows its whole diamond
GANTT_INITIATIVES = 6  # a wave's highest-priority initiatives drawn in its Gantt
GANTT_DUE_DATES = 3  # objectives' due dates in the last Gantt: late ones first
ROW_PX, FRAME_PX = 56, 200  # two-line labels at 16 px; at most 9 rows keep 16 px type at 9 pt in print


def due_dates_shown(ctx: BriefContext, late: Sequence[LateObjective]) -> list[dict]:
    """The objectives whose due dates the last Gantt marks: the latest-running first, then the soonest due."""
    days_late = {lo.objective["id"]: lo.days_late for lo in late}
    due = [o for o in ctx.records["objective"] if o["due_date"]]
    return sorted(due, key=lambda o: (-days_late.get(o["id"], -1), o["due_date"], o["id"]))[:GANTT_DUE_DATES]


def _gantt(ctx: BriefContext, roadmap: Roadmap, items: list[RoadmapItem], milestones: list[dict]) -> go.Figure:
    start, end = min(i.start for i in items), max(i.end for i in items)
    latest = max([end, *(o["due_date"] for o in milestones)]) + MILESTONE_ROOM
    return gantt_chart(
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


def _gantts_by_wave(ctx: BriefContext, roadmap: Roadmap) -> list[Chart]:
    """One Gantt a wave of its highest-priority initiatives in start order, spanning the wave's own
    quarters so short bars stay wide enough to read; the last also marks a few objectives' due dates."""
    waves: dict[int | None, list[RoadmapItem]] = {}
    for item in roadmap.items:
        waves.setdefault(item.initiative["wave"], []).append(item)
    charts = []
    for n, (wave, items) in enumerate(waves.items()):
        top = sorted(sorted(items, key=lambda i: i.rank)[:GANTT_INITIATIVES], key=lambda i: (i.start, i.end, i.rank))
        milestones = due_dates_shown(ctx, roadmap.late) if n == len(waves) - 1 else []
        start, end = min(i.start for i in items), max(i.end for i in items)
        caption = f"{plural(len(items), 'initiative')} from {start:%b %Y} to {end:%b %Y}."
        rest = where_the_rest_are(len(items), len(top), "initiative", "the highest-priority", ROADMAP_PAGE)
        charts.append(
            Chart(
                "Roadmap" if len(waves) == 1 else f"Roadmap: wave {wave or '–'}",
                _gantt(ctx, roadmap, top, milestones),
                f"{caption} {rest}".strip(),
                height=FRAME_PX + ROW_PX * (len(top) + len(milestones)),
            )
        )
    return charts


def _pilot_blocks(pilot: list[RoadmapItem]) -> list:
    top = sorted(pilot, key=lambda i: i.rank)[:TABLE_ROWS]
    return [
        Paragraph(
            f"The first wave (the pilot): {plural(len(pilot), 'initiative')}, "
            f"{sum(i.initiative['effort'] for i in pilot):g} person-weeks."
        ),
        *lead_in(len(pilot), len(top), "pilot initiative", "the highest-priority first", ROADMAP_PAGE),
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
                for i in top
            ),
            numeric=frozenset({3}),
        ),
    ]


def _checks_blocks(roadmap: Roadmap) -> list:
    """The schedule's warnings, the latest-running objectives first."""
    late = sorted(roadmap.late, key=lambda lo: -lo.days_late)
    warnings = [
        *(f"'{lo.objective['title']}' is due {lo.due:%d %b %Y} but its work ends {lo.finish:%d %b %Y}" for lo in late),
        *roadmap.issues,
    ]
    if not warnings:
        return []
    shown = warnings[:BULLETS]
    lead = lead_in(len(warnings), len(shown), "schedule warning", "the latest-running objectives first", ROADMAP_PAGE)
    return [*lead, Bullets(tuple(str(w) for w in shown))]


def roadmap_section(ctx: BriefContext) -> Section:
    roadmap = ctx.roadmap
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
        blocks += _pilot_blocks(pilot)
    blocks += _checks_blocks(roadmap)
    return Section("roadmap", "Roadmap", tuple(blocks))
