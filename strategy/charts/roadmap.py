"""The roadmap's timelines: a Gantt over the whole plan by quarter (coloured by objective or by status,
critical path outlined, objective due dates as milestones, today's line) and swimlanes by objective
or department."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

import plotly.graph_objects as go

from models.labels import DATE_TEXT
from strategy.charts.style import BAD, FONT_SIZE, GOOD, MUTED, PALETTE, WARN, projector_layout
from strategy.deliver.roadmap import STATUS_LABELS, RoadmapItem
from strategy.deliver.roadmap_checks import LateObjective
from strategy.deliver.schedule import quarter_label, quarter_of, quarter_start

ColourBy = Literal["objective", "status"]
Record = Mapping[str, Any]
STATUS_COLOURS = {"proposed": "#74c0fc", "planned": "#0b5cad", "in_progress": WARN, "done": GOOD, "parked": MUTED}
CRITICAL = "#212529"
NO_OBJECTIVE = "No objective"
LABEL_CHARS = 42
ROW_HEIGHT = 46
GRID = "#dee2e6"
VISIBLE_ROWS = 20  # rows a projector shows readably; a longer plan is paged or dragged
MS_PER_DAY = 86_400_000


def short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def two_lines(text: str, _limit: int = LABEL_CHARS, width: int = LABEL_CHARS - 6) -> str:
    """A label over up to two lines of width characters, cut only past that, whatever one-line limit
    short() was given: a printed Gantt has no hover to show the rest, and a narrower label leaves the
    timeline more room."""
    lines = textwrap.wrap(text, width) or [""]
    return "<br>".join(lines if len(lines) <= 2 else [lines[0], short(" ".join(lines[1:]), width)])


def _ms(days: int) -> int:
    return days * MS_PER_DAY


def _iso(day: date) -> str:
    return datetime.combine(day, time()).isoformat()


# More quarters than this and only Q1 and Q3 are labelled, so labels stay level at 1280 px.
MAX_LABELLED_QUARTERS = 12


def quarter_ticks(first: date, last: date) -> tuple[list[str], list[str]]:
    """Tick positions at every quarter start, labelled 'Q1 2026' then 'Q2', 'Q3', 'Q4' (a plan starting
    in Q3 opens on 'Q3 2026'); a long plan labels every other quarter (the grid still marks each one)."""
    quarters = range(quarter_of(first), quarter_of(last) + 1)
    step = 2 if len(quarters) > MAX_LABELLED_QUARTERS else 1
    values, labels = [], []
    for quarter in quarters:
        values.append(_iso(quarter_start(quarter)))
        if quarter % 4 == 0 or quarter == quarters[0]:  # the first tick names its year too
            labels.append(quarter_label(quarter).replace(" ", "<br>"))
        else:
            labels.append(f"Q{quarter % 4 + 1}" if quarter % step == 0 else "")
    return values, labels


def objective_colours(objectives: Sequence[Record]) -> dict[int, str]:
    """A steady colour per objective (by id), so the Gantt and swimlanes agree."""
    return {o["id"]: PALETTE[n % len(PALETTE)] for n, o in enumerate(sorted(objectives, key=lambda o: o["id"]))}


@dataclass(frozen=True)
class _Group:
    """One legend entry: a colour and the rows drawn in it."""

    name: str
    colour: str
    items: list[tuple[str, RoadmapItem]]


def _groups(rows: Sequence[tuple[str, RoadmapItem]], colour_by: ColourBy, objectives: Sequence[Record]) -> list[_Group]:
    colours, titles = objective_colours(objectives), {o["id"]: o["title"] for o in objectives}
    groups: dict[str, _Group] = {}
    for label, item in rows:
        if colour_by == "status":
            status = item.initiative["status"]
            key, colour = STATUS_LABELS.get(status) or str(status), STATUS_COLOURS.get(status, MUTED)
        else:
            first = min(item.initiative["objective_ids"], default=None)
            key = short(titles[first], 48) if first in titles else NO_OBJECTIVE
            colour = colours.get(first, MUTED) if first is not None else MUTED
        groups.setdefault(key, _Group(key, colour, [])).items.append((label, item))
    return list(groups.values())


def _bars(figure: go.Figure, groups: Sequence[_Group]) -> None:
    """One trace per colour group; critical work outlined thick and dark."""
    for group in groups:
        items = [item for _, item in group.items]
        figure.add_bar(
            name=group.name,
            orientation="h",
            y=[label for label, _ in group.items],
            base=[_iso(i.start) for i in items],
            x=[_ms((i.end - i.start).days + 1) for i in items],
            marker=dict(
                color=group.colour,
                line=dict(color=CRITICAL, width=[5 if i.critical else 0 for i in items]),
            ),
            customdata=[
                [i.initiative["title"], f"{i.start:{DATE_TEXT}}", f"{i.end:{DATE_TEXT}}", _slack_text(i)] for i in items
            ],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} → %{customdata[2]}<br>"
            "%{customdata[3]}<extra></extra>",
        )


def _slack_text(item: RoadmapItem) -> str:
    return "critical path: no slack" if item.critical else f"slack {item.slack_days // 7} weeks"


def _frame(figure: go.Figure, first: date, last: date, rows: int, today: date) -> go.Figure:
    """Quarters across, the first row at the top, today's line, big type. Set as one layout update:
    each plotly update re-walks the figure (~3 ms a call, seven calls a Gantt before)."""
    values, labels = quarter_ticks(first, last)
    layout: dict[str, object] = dict(
        xaxis=dict(
            type="date",
            range=[_iso(first), _iso(last + timedelta(days=1))],
            tickvals=values,
            ticktext=labels,
            tickangle=0,  # level labels; quarter_ticks thins them instead of letting plotly rotate them
            gridcolor=GRID,
            side="top",
        ),
        yaxis=dict(autorange="reversed", tickfont=dict(size=FONT_SIZE)),
        barmode="overlay",
        bargap=0.25,
        legend=dict(orientation="h", y=-0.06, yanchor="top", x=0),
    )
    if first <= today <= last:
        line = dict(type="line", x0=_iso(today), x1=_iso(today), yref="paper", y0=0, y1=1)
        layout["shapes"] = [*figure.layout.shapes, line | dict(line=dict(color=BAD, width=3, dash="dot"))]
        layout["annotations"] = [
            *figure.layout.annotations,
            dict(
                x=_iso(today),
                yref="paper",
                y=0,
                yanchor="top",
                text="Today",
                showarrow=False,
                font=dict(size=FONT_SIZE, color=BAD),
            ),
        ]
    figure.update_layout(layout)
    return projector_layout(figure, height=160 + ROW_HEIGHT * max(rows, 3))


def _legend_for_critical(figure: go.Figure, items: Sequence[RoadmapItem]) -> None:
    if any(i.critical for i in items):
        figure.add_bar(
            name="Critical path (outlined)",
            orientation="h",
            x=[None],
            y=[None],
            marker=dict(color="white", line=dict(color=CRITICAL, width=5)),
        )


def _milestones(
    figure: go.Figure,
    objectives: Sequence[Record],
    late: Sequence[LateObjective],
    colour_by: ColourBy,
    label: Callable[[str, int], str] = short,
) -> dict[str, str]:
    """A diamond on its own row for every objective with a due date; red and marked when late.
    Returns the rows it added: key -> label."""
    late_ids = {lo.objective["id"] for lo in late}
    colours = objective_colours(objectives)
    due = sorted((o for o in objectives if o.get("due_date")), key=lambda o: o["due_date"])
    if not due:
        return {}
    rows = {
        f"o{o['id']}": ("⚠ Late: " if o["id"] in late_ids else "◆ Due: ") + label(o["title"], LABEL_CHARS - 6)
        for o in due
    }
    figure.add_scatter(
        name="Objective due date",
        mode="markers",
        x=[_iso(o["due_date"]) for o in due],
        y=list(rows),
        marker=dict(
            symbol="diamond",
            size=26,
            color=[
                BAD if o["id"] in late_ids else colours[o["id"]] if colour_by == "objective" else CRITICAL for o in due
            ],
            line=dict(color="white", width=2),
        ),
        hovertext=[f"{o['title']} — due {o['due_date']:{DATE_TEXT}}" for o in due],
        hoverinfo="text",
    )
    return rows


def gantt_chart(
    items: Sequence[RoadmapItem],
    objectives: Sequence[Record],
    late: Sequence[LateObjective],
    *,
    colour_by: ColourBy,
    plan_start: date,
    plan_end: date,
    today: date,
    window: int | None = VISIBLE_ROWS,
    wrap: bool = False,
) -> go.Figure:
    """Every scheduled initiative on its own row (keyed by id, labelled by wave and title), in start
    order, over the whole plan by quarter. A long plan opens on its first `window` rows; drag the rows
    to see the rest (None draws every row, as a printed brief needs; wrap sets labels on two lines)."""
    label = two_lines if wrap else short
    rows = [(f"i{i.initiative['id']}", i) for i in items]
    labels = {key: f"W{i.initiative['wave'] or '–'} · {label(i.initiative['title'], LABEL_CHARS)}" for key, i in rows}
    figure = go.Figure()
    _bars(figure, _groups(rows, colour_by, objectives))
    _legend_for_critical(figure, items)
    labels |= _milestones(figure, objectives, late, colour_by, label)
    order = list(labels)
    shown = len(order) if window is None else min(window, len(order))
    last = max([plan_end, *(i.end for i in items)])
    figure = _frame(figure, min([plan_start, *(i.start for i in items)]), last, shown, today)
    figure.update_yaxes(
        categoryorder="array",
        categoryarray=order,
        tickmode="array",
        tickvals=order,
        ticktext=list(labels.values()),
        autorange=False,
        range=[shown - 0.5, -0.5],
    )
    return figure


LANE_BAND = "rgba(11,92,173,0.06)"
UNIQUE = "\u200b"  # an invisible mark: the same initiative may sit in two lanes, its rows must differ


def _lane_rows(lanes: Mapping[str, Sequence[RoadmapItem]]) -> tuple[list[str], list[_Group], list[tuple[int, int]]]:
    """Row labels (a bold header row per lane, then its initiatives), one colour group per lane,
    and each lane's first and last row."""
    rows: list[str] = []
    groups: list[_Group] = []
    spans: list[tuple[int, int]] = []
    for number, (lane, items) in enumerate(lanes.items()):
        first = len(rows)
        rows.append(f"<b>{short(lane, 50)}</b>")
        labels = [short(i.initiative["title"]) + UNIQUE * number for i in items]
        rows += labels
        groups.append(_Group(short(lane, 50), PALETTE[number % len(PALETTE)], list(zip(labels, items, strict=True))))
        spans.append((first, len(rows) - 1))
    return rows, groups, spans


def swimlane_chart(
    lanes: Mapping[str, Sequence[RoadmapItem]],
    *,
    plan_start: date,
    plan_end: date,
    today: date,
) -> go.Figure:
    """One block of rows per lane (objective or department) under a bold lane header, lanes banded."""
    rows, groups, spans = _lane_rows(lanes)
    figure = go.Figure()
    _bars(figure, groups)
    figure.update_traces(showlegend=False)
    items = [i for lane in lanes.values() for i in lane]
    _legend_for_critical(figure, items)
    band = dict(type="rect", xref="paper", x0=0, x1=1, fillcolor=LANE_BAND, line_width=0, layer="below")
    # Set as one list: plotly re-validates every shape on each add_shape, which grows with the square.
    figure.update_layout(shapes=[band | {"y0": first - 0.5, "y1": last + 0.5} for first, last in spans[::2]])
    last = max([plan_end, *(i.end for i in items)])
    figure = _frame(figure, min([plan_start, *(i.start for i in items)]), last, len(rows), today)
    figure.update_yaxes(categoryorder="array", categoryarray=rows, range=[len(rows) - 0.5, -0.5], autorange=False)
    return figure
