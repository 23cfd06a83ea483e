"""Charts of the Define step: value-discipline radar, CRM continuum bar, capability gap radar,
SMART verdict grid and the need → objective → KPI sankey."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

# plotly reads sys.modules["pandas"] without importing it; importing pandas here waits for, rather
# than races, another script thread that is half-way through importing it.
import pandas  # noqa: F401
import plotly.graph_objects as go

from models.labels import value_label
from strategy.charts.style import BAD, FONT_SIZE, GOOD, MUTED, PALETTE, WARN, projector_layout
from strategy.define.capabilities import Gap
from strategy.define.direction import DISCIPLINES, STAGES, THRESHOLD, scores, stage_of
from strategy.define.smart import LETTERS, SEVERITY, SmartCheck
from strategy.define.traceability import TraceLinks

Record = Mapping[str, Any]
CURRENT, TARGET = PALETTE[0], PALETTE[1]
STAGE_BANDS = ((0.0, 0.5, "#f1f3f5"), (0.5, 1.5, "#e7f5ff"), (1.5, 2.0, "#d3f9d8"))
VERDICT_COLOUR = {"pass": GOOD, "stretch": WARN, "fail": BAD}
VERDICT_MARK = {"pass": "✓", "stretch": "!", "fail": "✗"}
NodeKey = tuple[str, int]
NO_OBJECTIVE: NodeKey = ("none", 1)
NO_KPI: NodeKey = ("none", 2)
SANKEY_GAP = 0.6  # space between stacked nodes, in flows
LINK, ORPHAN_LINK = "rgba(134,142,150,0.35)", "rgba(201,42,42,0.30)"
SANKEY_COLOURS = {"need": "#c4420c", "objective": "#0b5cad", "leading": "#0c7285", "lagging": "#237032"}


def _closed(values: list[Any]) -> list[Any]:
    """Radar traces repeat their first point so the shape closes."""
    return [*values, values[0]]


def _radar(labels: list[str], current: list[float], target: list[float], *, height: int) -> go.Figure:
    figure = go.Figure()
    for name, values, colour, dash in (("Target", target, TARGET, "dash"), ("Today", current, CURRENT, "solid")):
        figure.add_trace(
            go.Scatterpolar(
                r=_closed(values),
                theta=_closed(labels),
                name=name,
                fill="toself",
                opacity=0.75,
                line=dict(color=colour, width=4, dash=dash),
                marker=dict(size=10),
            )
        )
    figure.update_polars(
        radialaxis=dict(
            range=[0, 5], tickvals=[1, 2, 3, 4, 5], tickfont=dict(size=FONT_SIZE - 4), angle=45, tickangle=45
        ),
        angularaxis=dict(tickfont=dict(size=FONT_SIZE), rotation=90, direction="clockwise"),
    )
    projector_layout(figure, height=height)
    # Room for the dimension labels around the circle.
    figure.update_layout(
        margin=dict(l=130, r=130, t=60, b=60),
        legend=dict(orientation="h", yanchor="top", y=-0.04, x=0.5, xanchor="center"),
    )
    return figure


def discipline_radar(direction: Record) -> go.Figure:
    """Today vs target on the three value disciplines, the lead starred, the threshold ring dotted."""
    found = scores(direction)
    lead = direction.get("lead_discipline")
    labels = [("★ " if d.key == lead else "") + d.label.replace(" ", "<br>") for d in DISCIPLINES]
    figure = _radar(labels, [found[d.key][0] for d in DISCIPLINES], [found[d.key][1] for d in DISCIPLINES], height=520)
    figure.add_trace(
        go.Scatterpolar(
            r=[THRESHOLD] * 4,
            theta=_closed(labels),
            name=f"Threshold ({THRESHOLD:g})",
            mode="lines",
            line=dict(color=MUTED, width=2, dash="dot"),
        )
    )
    return figure


def continuum_bar(current: float, target: float) -> go.Figure:
    """The CRM continuum from technology (0) to strategy (2), with today and the target marked."""
    figure = go.Figure()
    for low, high, colour in STAGE_BANDS:
        figure.add_shape(
            type="rect", x0=low, x1=high, y0=-0.5, y1=0.5, fillcolor=colour, line=dict(width=0), layer="below"
        )
    figure.add_annotation(
        x=target,
        y=0,
        ax=current,
        ay=0,
        xref="x",
        yref="y",
        axref="x",
        ayref="y",
        showarrow=abs(target - current) > 0.05,
        arrowhead=3,
        arrowsize=1.6,
        arrowwidth=4,
        arrowcolor=MUTED,
        standoff=20,
        startstandoff=18,
        text="",
    )
    for name, value, colour, symbol, position in (
        ("Today", current, CURRENT, "circle", "top center"),
        ("Target", target, TARGET, "diamond", "bottom center"),
    ):
        figure.add_trace(
            go.Scatter(
                x=[value],
                y=[0],
                name=name,
                mode="markers+text",
                marker=dict(size=34, color=colour, symbol=symbol, line=dict(color="white", width=2)),
                text=[f"{name}: {stage_of(value)} ({value:.2f})"],
                textposition=position,
                textfont=dict(size=FONT_SIZE, color=colour),
                cliponaxis=False,
            )
        )
    figure.update_xaxes(
        range=[-0.05, 2.05],
        tickvals=[0, 1, 2],
        ticktext=[f"<b>{s}</b>" for s in STAGES],
        showgrid=False,
        zeroline=False,
    )
    figure.update_yaxes(range=[-1.3, 1.3], visible=False)
    projector_layout(figure, height=300)
    figure.update_layout(showlegend=False, margin=dict(l=90, r=90, t=10, b=40))
    return figure


def gap_radar(gaps: Sequence[Gap]) -> go.Figure:
    """Each rated dimension today vs the target; the gap is the space between the two shapes."""
    ordered = sorted(gaps, key=lambda g: g.capability_id)
    labels = [f"<b>{value_label(g.dimension)}</b>" + (f"<br>gap {g.size:+d}" if g.size else "") for g in ordered]
    return _radar(labels, [g.current for g in ordered], [g.target for g in ordered], height=560)


def _weakness(check: SmartCheck) -> tuple[int, int]:
    return SEVERITY[check.verdict], sum(SEVERITY[letter.verdict] for letter in check.letters)


def smart_grid(checks: Sequence[SmartCheck], title_width: int = 48, limit: int | None = None) -> go.Figure:
    """Objectives by SMART letter: green pass, orange stretch, red fail; worst objectives on top.
    With a limit, only that many of the weakest (a projector reads about 20 rows; a table lists all)."""
    ordered = sorted(reversed(checks), key=_weakness)  # heatmap rows run bottom-up
    ordered = ordered if limit is None else ordered[-limit:]
    titles = [_short(c.title, title_width) for c in ordered]
    z = [[SEVERITY[c.letter(letter).verdict] for letter in LETTERS] for c in ordered]
    text = [[VERDICT_MARK[c.letter(letter).verdict] for letter in LETTERS] for c in ordered]
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=[f"{letter} · {name}" for letter, name in LETTERS.items()],
            y=list(range(len(ordered))),
            text=text,
            texttemplate="%{text}",
            textfont=dict(size=FONT_SIZE + 8, color="white"),
            colorscale=[[0, GOOD], [0.5, WARN], [1, BAD]],
            zmin=0,
            zmax=2,
            showscale=False,
            xgap=4,
            ygap=4,
            hoverinfo="skip",
        )
    )
    figure.update_xaxes(side="top")
    figure.update_yaxes(tickvals=list(range(len(ordered))), ticktext=titles)
    figure.update_layout(margin=dict(l=20, r=20, t=50, b=10))
    return projector_layout(figure, height=90 + 64 * max(len(ordered), 1))


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _stacked(columns: Sequence[Sequence[NodeKey]], weight: Mapping[NodeKey, int]) -> dict[NodeKey, tuple[float, float]]:
    """(x, y) for each node: columns left to right, nodes stacked top-down, each as tall as its flows."""
    placed: dict[NodeKey, tuple[float, float]] = {}
    for number, column in enumerate(columns):
        x = 0.001 + 0.998 * number / max(len(columns) - 1, 1)
        sizes = [max(weight.get(key, 0), 1) + SANKEY_GAP for key in column]
        total, top = sum(sizes) or 1, 0.0
        for key, size in zip(column, sizes, strict=True):
            placed[key] = (x, 0.01 + 0.98 * (top + size / 2) / total)
            top += size
    return placed


def trace_sankey(
    needs: Sequence[Record], objectives: Sequence[Record], kpis: Sequence[Record], links: TraceLinks
) -> go.Figure:
    """Need → objective → KPI as flows, one column each. Orphans flow into grey 'none yet' nodes, so
    the room sees the breaks in the chain on the chart itself."""
    objective_order = {o["id"]: i for i, o in enumerate(objectives)}
    first_served = {
        n: min((objective_order[o] for m, o in links.need_objective if m == n)) for n, _ in links.need_objective
    }
    labels: dict[NodeKey, tuple[str, str]] = {
        **{("need", n["id"]): (_short(n["title"], 40), SANKEY_COLOURS["need"]) for n in needs},
        **{("objective", o["id"]): (_short(o["title"], 30), SANKEY_COLOURS["objective"]) for o in objectives},
        NO_OBJECTIVE: ("No objective yet", MUTED),
        **{("kpi", k["id"]): (_short(k["name"], 34), SANKEY_COLOURS[k["kind"]]) for k in kpis},
        NO_KPI: ("No KPI yet", MUTED),
    }
    pairs = [(("need", a), ("objective", b), LINK) for a, b in links.need_objective]
    pairs += [(("need", n["id"]), NO_OBJECTIVE, ORPHAN_LINK) for n in needs if n["id"] not in first_served]
    pairs += [(("objective", a), ("kpi", b), LINK) for a, b in links.objective_kpi]
    measured = {o for o, _ in links.objective_kpi}
    pairs += [(("objective", o["id"]), NO_KPI, ORPHAN_LINK) for o in objectives if o["id"] not in measured]
    used = {key for a, b, _ in pairs for key in (a, b)}
    weight = {key: max(sum(a == key for a, _, _ in pairs), sum(b == key for _, b, _ in pairs)) for key in used}
    columns = [
        sorted((("need", n["id"]) for n in needs), key=lambda k: first_served.get(k[1], len(objectives))),
        [*(("objective", o["id"]) for o in objectives), NO_OBJECTIVE],
        [*(("kpi", k["id"]) for k in sorted(kpis, key=lambda k: objective_order.get(k["objective_id"], 0))), NO_KPI],
    ]
    nodes = [key for column in columns for key in column if key in used]
    place = _stacked([[k for k in column if k in used] for column in columns], weight)
    index = {key: i for i, key in enumerate(nodes)}
    figure = go.Figure(
        go.Sankey(
            arrangement="fixed",
            node=dict(
                label=[labels[key][0] for key in nodes],
                color=[labels[key][1] for key in nodes],
                x=[place[key][0] for key in nodes],
                y=[place[key][1] for key in nodes],
                pad=16,
                thickness=22,
                line=dict(width=0),
            ),
            link=dict(
                source=[index[a] for a, _, _ in pairs],
                target=[index[b] for _, b, _ in pairs],
                value=[1] * len(pairs),
                color=[colour for _, _, colour in pairs],
            ),
            textfont=dict(size=FONT_SIZE - 2, color="#212529"),
        )
    )
    tallest = max(len(needs), len(objectives) + 1, len(kpis) + 1, 1)
    return projector_layout(figure, height=max(480, 58 * tallest))
